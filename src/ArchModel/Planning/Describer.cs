using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>Writes each step's description for a planner, in every language.</summary>
internal static class Describer
{
    public static LocalizedText Describe(PlanBuilder plan, DraftStep step)
    {
        var c = step.Change;
        var subject = Name(plan, step.Subject);
        switch (step.Action)
        {
            case StepAction.Register:
                return T(step.Kind == ElementKind.Agency ? "plan.step.register-agency" : "plan.step.register-capability", subject);
            case StepAction.StartProject:
            {
                var p = (Project)c.After!;
                var budget = p.Budget is { } b ? F("plan.project.budget", MoneyOf(b)) : Empty;
                var year = p.Year is { } y ? F("plan.project.year", y) : Empty;
                return T("plan.step.start-project", subject, year, Name(plan, p.Agency), budget);
            }
            case StepAction.BuildNetwork:
            {
                var n = (Network)c.After!;
                return T("plan.step.build-network", subject, Word(Terms.Of(n.NetworkKind)), Opt(n.IsClassified, "plan.network.classified"), Links(plan, n.Links));
            }
            case StepAction.BuildPlatform:
            {
                var p = (Platform)c.After!;
                return T("plan.step.build-platform", Opt(p.Shared, "plan.platform.shared"), subject, Word(Terms.Of(p.PlatformKind)),
                    Opt(p.Networks.Count > 0, "plan.attached", Names(plan, p.Networks)));
            }
            case StepAction.LinkNetworks:
            {
                var change = step.Changes.First(f => f.Field == "links");
                var added = change.AddedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
                var removed = change.RemovedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
                var parts = new List<Prose>();
                foreach (var l in added)
                {
                    parts.Add(F("plan.link.add", Via((string)l["via"]!), Name(plan, (string)l["to"]!)));
                }
                foreach (var l in removed.Where(r => !added.Any(a => Equals(a["to"], r["to"]))))
                {
                    parts.Add(F("plan.link.remove", Name(plan, (string)l["to"]!)));
                }
                return T("plan.step.link-networks", subject, Join("plan.sep.clause", parts));
            }
            case StepAction.UpdateNetwork or StepAction.UpdatePlatform:
            {
                var fields = Fields(plan, step.Kind, step.Changes);
                return T(step.Action == StepAction.UpdateNetwork ? "plan.step.update-network" : "plan.step.update-platform", subject, fields);
            }
            case StepAction.BuildSystem or StepAction.GoLive:
            {
                var s = (InformationSystem)c.After!;
                var where = Deployment(plan, s);
                if (step.Action == StepAction.GoLive)
                {
                    var again = c.Before is InformationSystem { Status: SystemStatus.Retired or SystemStatus.Retiring };
                    return T(again ? "plan.step.go-live-again" : "plan.step.go-live", subject, where);
                }
                var starting = s.Status != SystemStatus.Operational;
                return T(starting ? "plan.step.start-building-system" : "plan.step.build-system", subject, Name(plan, s.Owner), where);
            }
            case StepAction.MoveToNetwork:
            {
                var change = step.Changes.First(f => f.Field == "networks");
                var added = Names(plan, change.AddedValues.OfType<string>());
                var removed = Names(plan, change.RemovedValues.OfType<string>());
                return !added.IsEmpty
                    ? T("plan.step.move-to-network", subject, added, Opt(!removed.IsEmpty, "plan.step.move-to-network.off", removed))
                    : T("plan.step.leave-network", subject, removed);
            }
            case StepAction.MoveToPlatform:
            {
                var change = step.Changes.First(f => f.Field == "hosting");
                var from = change.Before is string b ? Name(plan, b) : default;
                var to = change.After is string a ? Name(plan, a) : default;
                if (to.IsNone) return StepTexts.OffPlatform(subject, from);
                if (from.IsNone) return T("plan.step.host", subject, to);
                return T("plan.step.migrate", subject, from, to);
            }
            case StepAction.Localize:
                return StepTexts.Localize(plan, step, subject);
            case StepAction.ShareSystem:
            {
                var change = step.Changes.First(f => f.Field == "usedBy");
                var added = Names(plan, change.AddedValues.OfType<string>());
                var removed = Names(plan, change.RemovedValues.OfType<string>());
                var parts = new List<Prose>();
                if (!added.IsEmpty) parts.Add(F("plan.share.open", subject, added));
                if (!removed.IsEmpty) parts.Add(parts.Count == 0 ? F("plan.share.stop-first", subject, removed) : F("plan.share.stop", removed));
                return From(Join("plan.sep.clause", parts));
            }
            case StepAction.RegisterData:
            {
                var d = (DataResource)c.After!;
                return T("plan.step.register-data", subject, Sharing(d.Sharing), Opt(d.Open, "plan.data.open"), Name(plan, d.Owner));
            }
            case StepAction.ShareData:
            {
                var change = step.Changes.First(f => f.Field == "sharing");
                return T("plan.step.share-data", subject, Sharing((string?)change.Before), Sharing((string?)change.After));
            }
            case StepAction.OpenData:
                return T(Equals(step.Changes.First(f => f.Field == "open").After, true) ? "plan.step.open-data" : "plan.step.close-data", subject);
            case StepAction.Connect:
            {
                var f = (Flow)c.After!;
                var key = c.Before is Flow { IsActive: false } ? "plan.step.connect-reactivate" : c.Before is Flow ? "plan.step.connect-commission" : "plan.step.connect";
                return T(key, FlowText(plan, f));
            }
            case StepAction.ChangeFlow:
            {
                var f = (Flow)c.After!;
                return T("plan.step.change-flow", Name(plan, f.From), Name(plan, f.To), Fields(plan, step.Kind, step.Changes));
            }
            case StepAction.LaunchService:
            {
                var v = (Service)c.After!;
                var systems = Names(plan, v.Systems);
                var channels = Join("plan.sep.list", v.Channels.Select(static ch => Prose.Of(Terms.Of(ch))));
                return T("plan.step.launch-service", subject, Opt(!channels.IsEmpty, "plan.service.channels", channels),
                    Opt(!systems.IsEmpty, "plan.service.systems", systems));
            }
            case StepAction.ChangeService:
                return T("plan.step.change-service", subject, Fields(plan, step.Kind, step.Changes));
            case StepAction.Disconnect:
            {
                var f = (Flow)c.Before!;
                var replaced = step.Elements.Where(e => e != step.Subject && plan.AnyElement(e) is Flow).ToList();
                var by = replaced.Count > 0
                    ? F("plan.flow.replaced-by", Join("plan.sep.list", replaced.Select(e => FlowName(plan, (Flow)plan.AnyElement(e)!))))
                    : Empty;
                if (replaced.Count == 0)
                {
                    // No flow takes its place: it ends when a retiring end's replacement has taken over its users.
                    foreach (var end in new[] { plan.Map(f.From), plan.Map(f.To) }.Distinct())
                    {
                        var retire = plan.StepsOf(end).FirstOrDefault(static s => s.Action == StepAction.RetireSystem);
                        var successors = retire is null ? [] : plan.Replacements(retire).ToList();
                        if (successors.Count > 0)
                        {
                            by = F("plan.flow.no-longer-needed", Names(plan, successors), Name(plan, end));
                            break;
                        }
                    }
                }
                return T("plan.step.disconnect", Name(plan, plan.Map(f.From)), Name(plan, plan.Map(f.To)), by);
            }
            case StepAction.WithdrawService:
                return T("plan.step.withdraw-service", subject);
            case StepAction.RetireSystem:
            {
                var replacements = plan.Replacements(step);
                var retiring = c.After is InformationSystem { Status: SystemStatus.Retiring };
                var text = F(retiring ? "plan.step.begin-retire-system" : "plan.step.retire-system", subject);
                return From(replacements.Count > 0 ? Cat(text, F("plan.step.retire-system.taken-over", Names(plan, replacements))) : text);
            }
            case StepAction.RetireData:
            {
                var into = step.Elements.FirstOrDefault(e => e != step.Subject);
                return into is null
                    ? T("plan.step.retire-data", subject)
                    : T("plan.step.retire-data-into", subject, Name(plan, into));
            }
            case StepAction.RetirePlatform or StepAction.RetireNetwork:
                return StepTexts.RetireHost(plan, step, subject);
            case StepAction.Deregister:
                return T("plan.step.deregister", KindName(step.Kind), subject);
            case StepAction.AdvanceProject:
            {
                var change = step.Changes.First(f => f.Field == "stage");
                return T("plan.step.advance-project", subject, Stage((string?)change.Before), Stage((string?)change.After));
            }
            case StepAction.Update when step.Records.Count > 0:
                return StepTexts.Records(plan, step, subject);
            default:
            {
                if (c.Change == ChangeKind.Added)
                {
                    var status = step.Changes.FirstOrDefault(f => f.Field == "status")?.After is string st && Terms.FieldValue(step.Kind, "status", st) is { } word
                        ? Word(word) : F("plan.none");
                    return T("plan.step.record", KindName(step.Kind), subject, Terms.Field("status"), status);
                }
                return T("plan.step.update-record", KindName(step.Kind), subject, Fields(plan, step.Kind, step.Changes));
            }
        }
    }

    /// <summary>A text in every language, as plan prose composes it: element names, terms and clauses, each language
    /// built from its own table (docs/localization.md). Plans are composed when they are made, in every language the
    /// tables have: a step's text must not depend on the planner's state when it is read later.</summary>
    internal readonly struct Prose
    {
        // The text of each language, at the language's value; null for "no value" (default).
        private readonly string[]? _texts;

        private Prose(string[] texts) => _texts = texts;

        /// <summary>The text composed in each language by <paramref name="compose"/>.</summary>
        public static Prose Each<TState>(TState state, Func<TState, Language, string> compose)
        {
            var tables = Texts.All;
            var texts = new string[tables.Count];
            for (var i = 0; i < texts.Length; i++) texts[i] = compose(state, tables[i].Language);
            return new(texts);
        }

        /// <summary>A term as it is, in every language.</summary>
        public static Prose Of(LocalizedText text) => Each(text, static (t, language) => t[language]);

        /// <summary>Whether there is no value (a <see langword="default"/> text: no element to name).</summary>
        public bool IsNone => _texts is null;

        /// <summary>Whether the text is empty (in the default language, and so in every one).</summary>
        public bool IsEmpty => _texts is null || _texts[0].Length == 0;

        /// <summary>The text in <paramref name="language"/>.</summary>
        public string In(Language language) => _texts is null ? "" : (uint)language < (uint)_texts.Length ? _texts[(int)language] : _texts[0];

        /// <summary>The text as a <see cref="LocalizedText"/>.</summary>
        public LocalizedText ToText() => _texts is null ? LocalizedText.Neutral("") : LocalizedText.Compose(this, static (p, language) => p.In(language));
    }

    /// <summary>No text, in any language (an optional clause left out).</summary>
    internal static readonly Prose Empty = Neutral("");

    /// <summary>The text of <paramref name="key"/> in every language; each argument that is a <see cref="Prose"/> or a
    /// <see cref="LocalizedText"/> is put in the same language.</summary>
    internal static Prose F(string key, params object?[] args) => Prose.Each((key, args), static (s, language) => Format(s.key, language, s.args));

    /// <summary><see cref="F"/> when <paramref name="present"/>, else <see cref="Empty"/>.</summary>
    internal static Prose Opt(bool present, string key, params object?[] args) => present ? F(key, args) : Empty;

    /// <summary>Items joined by the separator <paramref name="separatorKey"/> of each language.</summary>
    internal static Prose Join(string separatorKey, IEnumerable<Prose> items)
    {
        var list = items as IReadOnlyList<Prose> ?? items.ToList();
        return Prose.Each((separatorKey, list), static (s, language) => string.Join(Texts.Get(s.separatorKey, language), s.list.Select(p => p.In(language))));
    }

    /// <summary>Two texts one after the other.</summary>
    internal static Prose Cat(Prose a, Prose b) => Prose.Each((a, b), static (s, language) => s.a.In(language) + s.b.In(language));

    internal static LocalizedText From(Prose p) => p.ToText();

    private static LocalizedText T(string key, params object?[] args) => From(F(key, args));

    private static string Format(string key, Language language, object?[] args)
    {
        var inLanguage = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            inLanguage[i] = args[i] switch
            {
                Prose p => p.In(language),
                LocalizedText t => t[language],
                var o => o,
            };
        }
        return Texts.Format(key, language, inLanguage);
    }

    /// <summary>Money in every language's one format.</summary>
    private static Prose MoneyOf(double yuan) => Prose.Each(yuan, static (y, language) => Money.Format(y, language));

    /// <summary>
    /// An element by its name: 「name」 in Chinese, the name in English. Prose names elements as a reader does; the ids
    /// are in the steps' elements (JSON) and the change tables. An element without a name is given by its id; a flow,
    /// which has none, by its two ends.
    /// </summary>
    internal static Prose Name(PlanBuilder plan, string? id)
    {
        if (id is null) return F("plan.none");
        return plan.AnyElement(id) switch
        {
            null => F("plan.name.id", id),
            Flow f => FlowName(plan, f),
            var e => F("plan.name", e.DisplayName),
        };
    }

    /// <summary>A flow by its ends: 「A」 → 「B」, as the steps write a flow they set up.</summary>
    private static Prose FlowName(PlanBuilder plan, Flow f)
    {
        var from = plan.AnyElement(f.From)?.DisplayName ?? f.From;
        var to = plan.AnyElement(f.To)?.DisplayName ?? f.To;
        return F("plan.flow.name", from, to);
    }

    /// <summary>A term in the middle of a sentence: "Being built" → "being built" (not "WeChat" → "weChat"); a language
    /// without capitals (Chinese) is left as it is.</summary>
    private static string Lower(string word) =>
        word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[1]) && !word.Skip(1).Any(char.IsUpper) ? char.ToLowerInvariant(word[0]) + word[1..] : word;

    internal static Prose Components(IEnumerable<object?> values)
    {
        var list = values.OfType<IReadOnlyDictionary<string, object?>>().ToList();
        static Prose Component(IReadOnlyDictionary<string, object?> c) => (c.TryGetValue("origin", out var o) ? o as string : null) switch
        {
            "domestic" or "foreign" => F("plan.component", c["name"], Terms.Of(Enum.Parse<ComponentOrigin>((string)c["origin"]!, true))),
            _ => Neutral($"{c["name"]}"),
        };
        return Join("plan.sep.list", list.Select(Component));
    }

    internal static Prose Names(PlanBuilder plan, IEnumerable<string> ids) => Join("plan.sep.list", ids.Select(id => Name(plan, id)));

    /// <summary>A language-neutral text (a name, a number).</summary>
    internal static Prose Neutral(string text) => Prose.Each(text, static (t, _) => t);

    private static Prose Links(PlanBuilder plan, IReadOnlyList<NetworkLink> links) => links.Count == 0 ? Empty :
        F("plan.network.links", Join("plan.sep.comma", links.Select(l => F("plan.network.link", Via(JsonNames.Of(l.Via)), Name(plan, l.To)))));

    private static Prose Deployment(PlanBuilder plan, InformationSystem s) =>
        Cat(s.Hosting is null ? Empty : F("plan.hosted", Name(plan, s.Hosting)), Opt(s.Networks.Count > 0, "plan.attached", Names(plan, s.Networks)));

    private static Prose FlowText(PlanBuilder plan, Flow f)
    {
        var text = F("plan.flow.ends", Name(plan, f.From), Name(plan, f.To));
        text = Cat(text, Opt(f.Carries.Count > 0, "plan.flow.carries", Names(plan, f.Carries)));
        text = Cat(text, Opt(f.Via.Count > 0, "plan.flow.via", Names(plan, f.Via)));
        return f.Mode is { } m ? Cat(text, F("plan.flow.mode", Terms.Of(m))) : text;
    }

    /// <summary>A list of field changes: <c>field: before → after</c>, sets as added/removed values, free text by name only.</summary>
    internal static Prose Fields(PlanBuilder plan, ElementKind kind, IEnumerable<FieldChange> changes) =>
        Join("plan.sep.clause", changes.Select(c => FieldText(plan, kind, c)));

    private static Prose FieldText(PlanBuilder plan, ElementKind kind, FieldChange? c)
    {
        if (c is null) return F("plan.none");
        var label = Terms.Field(c.Field);
        // A value that is a word of the model format (a status, a mode) in words; an id as the element's name.
        Prose Value(object? v) => v switch
        {
            string s => Terms.FieldValue(kind, c.Field, s) is { } word ? Word(word) : Ref(plan, s),
            double or long or int when DiffOutput.IsMoney(c.Field) => MoneyOf(Convert.ToDouble(v, CultureInfo.InvariantCulture)),
            null when DiffOutput.IsMoney(c.Field) => Prose.Each(0, static (_, language) => Money.Unknown(language)),
            _ => Prose.Each(v, static (x, language) => FieldValues.Display(x, language)),
        };
        if (c.Field is "description" || c.Field.StartsWith("properties.", StringComparison.Ordinal) && c.Before is string { Length: > 40 })
        {
            return F("plan.field.revised", label);
        }
        if (c.IsSet)
        {
            var added = c.AddedValues.Select(Value).ToList();
            var removed = c.RemovedValues.Select(Value).ToList();
            var parts = new List<Prose>();
            if (added.Count > 0) parts.Add(F("plan.field.add", Join("plan.sep.list", added)));
            if (removed.Count > 0) parts.Add(F("plan.field.remove", Join("plan.sep.list", removed)));
            return F("plan.field.set", label, Join("plan.sep.comma", parts));
        }
        return F("plan.field.change", label, Value(c.Before), Value(c.After));
    }

    /// <summary>A string value: the element it names when it is an id, else the text itself.</summary>
    private static Prose Ref(PlanBuilder plan, string value) =>
        plan.AnyElement(value) is { } e and not Flow ? Name(plan, value) : Neutral(value);

    private static Prose Via(string via) => Word(JsonNames.TryParse(via, out LinkVia v) ? Terms.Of(v) : Terms.Of(LinkVia.Direct));

    private static Prose Sharing(SharingLevel level) => Sharing(JsonNames.Of(level));

    private static Prose Sharing(string? level) => Word(JsonNames.TryParse(level ?? "", out SharingLevel l) ? Terms.Of(l) : Terms.Of(SharingLevel.Conditional));

    private static Prose Stage(string? stage) => Word(Terms.Of(JsonNames.TryParse(stage ?? "", out ProjectStage s) ? s : (ProjectStage?)null));

    /// <summary>An element kind's word (the terminology table).</summary>
    public static Prose KindName(ElementKind kind) => Word(Terms.Of(kind));

    private static Prose Word(LocalizedText term) => Prose.Each(term, static (t, language) => Lower(t[language]));

}
