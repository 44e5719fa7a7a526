using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>Writes each step's description for a planner, in Chinese and English.</summary>
internal static class Describer
{
    public static LocalizedText Describe(PlanBuilder plan, DraftStep step)
    {
        var c = step.Change;
        var subject = Name(plan, step.Subject);
        switch (step.Action)
        {
            case StepAction.Register:
                return step.Kind == ElementKind.Agency
                    ? T($"登记新设机构{subject.Zh}", $"Register the new agency {subject.En}")
                    : T($"登记新增功能{subject.Zh}", $"Register the new capability {subject.En}");
            case StepAction.StartProject:
            {
                var p = (Project)c.After!;
                var budget = p.Budget is { } b ? $"，预算 {Money.Format(b, Language.Chinese)}" : "";
                var budgetEn = p.Budget is { } b2 ? $", budget {Money.Format(b2, Language.English)}" : "";
                var year = p.Year is { } y ? $"（{y} 年）" : "";
                var yearEn = p.Year is { } y2 ? $" ({y2})" : "";
                return T($"项目{subject.Zh}立项{year}，由{Name(plan, p.Agency).Zh}建设{budget}",
                    $"Start project {subject.En}{yearEn}, run by {Name(plan, p.Agency).En}{budgetEn}");
            }
            case StepAction.BuildNetwork:
            {
                var n = (Network)c.After!;
                return T($"建设网络{subject.Zh}（{Terms.Of(n.NetworkKind).Chinese}{(n.IsClassified ? "，涉密" : "")}）{Links(plan, n.Links).Zh}",
                    $"Build network {subject.En} ({Lower(Terms.Of(n.NetworkKind).English)}{(n.IsClassified ? ", classified" : "")}){Links(plan, n.Links).En}");
            }
            case StepAction.BuildPlatform:
            {
                var p = (Platform)c.After!;
                var nets = Names(plan, p.Networks);
                return T($"建设{(p.Shared ? "共享" : "")}平台{subject.Zh}（{Terms.Of(p.PlatformKind).Chinese}）{(p.Networks.Count > 0 ? "，接入" + nets.Zh : "")}",
                    $"Build {(p.Shared ? "shared " : "")}platform {subject.En} ({Lower(Terms.Of(p.PlatformKind).English)}){(p.Networks.Count > 0 ? ", attached to " + nets.En : "")}");
            }
            case StepAction.LinkNetworks:
            {
                var change = step.Changes.First(f => f.Field == "links");
                var added = change.AddedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
                var removed = change.RemovedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
                var zh = new List<string>();
                var en = new List<string>();
                foreach (var l in added)
                {
                    zh.Add($"经{Via((string)l["via"]!).Zh}与{Name(plan, (string)l["to"]!).Zh}互联");
                    en.Add($"link it to {Name(plan, (string)l["to"]!).En} via {Via((string)l["via"]!).En}");
                }
                foreach (var l in removed.Where(r => !added.Any(a => Equals(a["to"], r["to"]))))
                {
                    zh.Add($"撤除与{Name(plan, (string)l["to"]!).Zh}的连接");
                    en.Add($"remove its link to {Name(plan, (string)l["to"]!).En}");
                }
                return T($"调整网络{subject.Zh}的互联：{string.Join("；", zh)}", $"Change the links of network {subject.En}: {string.Join("; ", en)}");
            }
            case StepAction.UpdateNetwork or StepAction.UpdatePlatform:
            {
                var fields = Fields(plan, step.Kind, step.Changes);
                return step.Action == StepAction.UpdateNetwork
                    ? T($"调整网络{subject.Zh}：{fields.Zh}", $"Change network {subject.En}: {fields.En}")
                    : T($"调整平台{subject.Zh}：{fields.Zh}", $"Change platform {subject.En}: {fields.En}");
            }
            case StepAction.BuildSystem or StepAction.GoLive:
            {
                var s = (InformationSystem)c.After!;
                var where = Deployment(plan, s);
                if (step.Action == StepAction.GoLive)
                {
                    var again = c.Before is InformationSystem { Status: SystemStatus.Retired or SystemStatus.Retiring };
                    return T($"{(again ? "恢复" : "")}系统{subject.Zh}上线运行{where.Zh}", $"Put system {subject.En} into operation{(again ? " again" : "")}{where.En}");
                }
                var starting = s.Status != SystemStatus.Operational;
                return T($"{(starting ? "启动建设" : "建设")}{Name(plan, s.Owner).Zh}的系统{subject.Zh}{where.Zh}",
                    $"{(starting ? "Start building" : "Build")} system {subject.En} of {Name(plan, s.Owner).En}{where.En}");
            }
            case StepAction.MoveToNetwork:
            {
                var change = step.Changes.First(f => f.Field == "networks");
                var added = Names(plan, change.AddedValues.OfType<string>());
                var removed = Names(plan, change.RemovedValues.OfType<string>());
                var zh = added.Zh.Length > 0 ? $"将系统{subject.Zh}接入{added.Zh}" + (removed.Zh.Length > 0 ? $"，并撤出{removed.Zh}" : "") : $"系统{subject.Zh}撤出{removed.Zh}";
                var en = added.En.Length > 0 ? $"Move system {subject.En} onto {added.En}" + (removed.En.Length > 0 ? $" and off {removed.En}" : "") : $"Take system {subject.En} off {removed.En}";
                return T(zh, en);
            }
            case StepAction.MoveToPlatform:
            {
                var change = step.Changes.First(f => f.Field == "hosting");
                var from = change.Before is string b ? Name(plan, b) : default;
                var to = change.After is string a ? Name(plan, a) : default;
                if (to.Zh is null) return StepTexts.OffPlatform(subject, from);
                if (from.Zh is null) return T($"将系统{subject.Zh}部署到{to.Zh}", $"Host system {subject.En} on {to.En}");
                return T($"将系统{subject.Zh}从{from.Zh}迁移至{to.Zh}", $"Migrate system {subject.En} from {from.En} to {to.En}");
            }
            case StepAction.Localize:
                return StepTexts.Localize(plan, step, subject);
            case StepAction.ShareSystem:
            {
                var change = step.Changes.First(f => f.Field == "usedBy");
                var added = Names(plan, change.AddedValues.OfType<string>());
                var removed = Names(plan, change.RemovedValues.OfType<string>());
                var zh = new List<string>();
                var en = new List<string>();
                if (added.Zh.Length > 0) { zh.Add($"将系统{subject.Zh}推广至{added.Zh}共用"); en.Add($"Open system {subject.En} to {added.En}"); }
                if (removed.Zh.Length > 0) { zh.Add($"{(zh.Count == 0 ? $"系统{subject.Zh}：" : "")}{removed.Zh}不再使用"); en.Add($"{(en.Count == 0 ? $"System {subject.En}: " : "")}{removed.En} stop using it"); }
                return T(string.Join("；", zh), string.Join("; ", en));
            }
            case StepAction.RegisterData:
            {
                var d = (DataResource)c.After!;
                return T($"将信息资源{subject.Zh}纳入政务信息资源目录（{Sharing(d.Sharing).Zh}{(d.Open ? "，开放" : "")}），权威来源为{Name(plan, d.Owner).Zh}",
                    $"Register data resource {subject.En} in the catalogue ({Sharing(d.Sharing).En}{(d.Open ? ", open" : "")}), authoritative source {Name(plan, d.Owner).En}");
            }
            case StepAction.ShareData:
            {
                var change = step.Changes.First(f => f.Field == "sharing");
                var from = Sharing((string?)change.Before);
                var to = Sharing((string?)change.After);
                return T($"将信息资源{subject.Zh}由{from.Zh}调整为{to.Zh}", $"Change data resource {subject.En} from {from.En} to {to.En}");
            }
            case StepAction.OpenData:
                return Equals(step.Changes.First(f => f.Field == "open").After, true)
                    ? T($"将信息资源{subject.Zh}作为开放数据向社会发布", $"Publish data resource {subject.En} as open data")
                    : T($"停止开放信息资源{subject.Zh}", $"Withdraw data resource {subject.En} from open data");
            case StepAction.Connect:
            {
                var f = (Flow)c.After!;
                var what = FlowText(plan, f);
                var verb = c.Before is Flow { IsActive: false } ? ("恢复", "Reactivate") : c.Before is Flow ? ("启用", "Commission") : ("建立", "Set up");
                return T($"{verb.Item1}数据流：{what.Zh}", $"{verb.Item2} the flow {what.En}");
            }
            case StepAction.ChangeFlow:
            {
                var f = (Flow)c.After!;
                var fields = Fields(plan, step.Kind, step.Changes);
                return T($"调整数据流 {Name(plan, f.From).Zh} → {Name(plan, f.To).Zh}：{fields.Zh}",
                    $"Change the flow {Name(plan, f.From).En} → {Name(plan, f.To).En}: {fields.En}");
            }
            case StepAction.LaunchService:
            {
                var v = (Service)c.After!;
                var systems = Names(plan, v.Systems);
                var channels = string.Join("、", v.Channels.Select(static ch => Terms.Of(ch).Chinese));
                var channelsEn = string.Join(", ", v.Channels.Select(static ch => Terms.Of(ch).English));
                return T($"上线政务服务{subject.Zh}{(channels.Length > 0 ? $"（渠道：{channels}）" : "")}{(systems.Zh.Length > 0 ? "，依托" + systems.Zh : "")}",
                    $"Launch public service {subject.En}{(channelsEn.Length > 0 ? $" (channels: {channelsEn})" : "")}{(systems.En.Length > 0 ? ", run on " + systems.En : "")}");
            }
            case StepAction.ChangeService:
            {
                var fields = Fields(plan, step.Kind, step.Changes);
                return T($"调整政务服务{subject.Zh}：{fields.Zh}", $"Change public service {subject.En}: {fields.En}");
            }
            case StepAction.Disconnect:
            {
                var f = (Flow)c.Before!;
                var replaced = step.Elements.Where(e => e != step.Subject && plan.AnyElement(e) is Flow).ToList();
                var replacing = replaced.Select(e => FlowName(plan, (Flow)plan.AnyElement(e)!)).ToList();
                var by = replaced.Count > 0 ? ($"，已由数据流 {string.Join("、", replacing.Select(static r => r.Zh))} 替代", $", now replaced by the flow {string.Join(", ", replacing.Select(static r => r.En))}") : ("", "");
                if (replaced.Count == 0)
                {
                    // No flow takes its place: it ends when a retiring end's replacement has taken over its users.
                    foreach (var end in new[] { plan.Map(f.From), plan.Map(f.To) }.Distinct())
                    {
                        var retire = plan.StepsOf(end).FirstOrDefault(static s => s.Action == StepAction.RetireSystem);
                        var successors = retire is null ? [] : plan.Replacements(retire).ToList();
                        if (successors.Count > 0)
                        {
                            var names = Names(plan, successors);
                            by = ($"，{Name(plan, end).Zh}的业务由{names.Zh}承接后不再需要", $", no longer needed once {names.En} has taken over from {Name(plan, end).En}");
                            break;
                        }
                    }
                }
                return T($"停用数据流 {Name(plan, plan.Map(f.From)).Zh} → {Name(plan, plan.Map(f.To)).Zh}{by.Item1}",
                    $"Stop the flow {Name(plan, plan.Map(f.From)).En} → {Name(plan, plan.Map(f.To)).En}{by.Item2}");
            }
            case StepAction.WithdrawService:
                return T($"撤销政务服务{subject.Zh}", $"Withdraw public service {subject.En}");
            case StepAction.RetireSystem:
            {
                var replacements = plan.Replacements(step);
                var by = Names(plan, replacements);
                var retiring = c.After is InformationSystem { Status: SystemStatus.Retiring };
                var zh = $"{(retiring ? "启动" : "")}系统{subject.Zh}下线{(retiring ? "程序" : "停用")}";
                var en = $"{(retiring ? "Begin retiring" : "Retire")} system {subject.En}";
                if (replacements.Count > 0)
                {
                    zh += $"，业务和数据交换由{by.Zh}承接";
                    en += $"; its users and data exchanges are taken over by {by.En}";
                }
                return T(zh, en);
            }
            case StepAction.RetireData:
            {
                var into = step.Elements.FirstOrDefault(e => e != step.Subject);
                return into is null
                    ? T($"撤销信息资源{subject.Zh}", $"Retire data resource {subject.En}")
                    : T($"撤销信息资源{subject.Zh}，并入{Name(plan, into).Zh}", $"Retire data resource {subject.En}, merged into {Name(plan, into).En}");
            }
            case StepAction.RetirePlatform or StepAction.RetireNetwork:
                return StepTexts.RetireHost(plan, step, subject);
            case StepAction.Deregister:
                return T($"从台账中注销{KindName(step.Kind).Zh}{subject.Zh}", $"Remove {KindName(step.Kind).En} {subject.En} from the records");
            case StepAction.AdvanceProject:
            {
                var change = step.Changes.First(f => f.Field == "stage");
                var from = Stage((string?)change.Before);
                var to = Stage((string?)change.After);
                return T($"项目{subject.Zh}由{from.Zh}推进至{to.Zh}", $"Move project {subject.En} from {from.En} to {to.En}");
            }
            case StepAction.Update when step.Records.Count > 0:
                return StepTexts.Records(plan, step, subject);
            default:
            {
                var fields = Fields(plan, step.Kind, step.Changes);
                var verb = c.Change == ChangeKind.Added ? ("登记", "Record") : ("更新", "Update");
                if (c.Change == ChangeKind.Added)
                {
                    var status = step.Changes.FirstOrDefault(f => f.Field == "status")?.After is string st && Terms.FieldValue(step.Kind, "status", st) is { } word
                        ? Word(word) : new Pair("—", "—");
                    return T($"{verb.Item1}{KindName(step.Kind).Zh}{subject.Zh}（{Terms.Field("status").Chinese}：{status.Zh}）", $"{verb.Item2} {KindName(step.Kind).En} {subject.En} ({Terms.Field("status").English}: {status.En})");
                }
                return T($"更新{KindName(step.Kind).Zh}{subject.Zh}的台账：{fields.Zh}", $"Update the record of {KindName(step.Kind).En} {subject.En}: {fields.En}");
            }
        }
    }

    private static LocalizedText T(string zh, string en) => new(zh, en);

    internal readonly record struct Pair(string Zh, string En);

    /// <summary>
    /// An element by its name: 「name」 in Chinese, the name in English. Prose names elements as a reader does; the ids
    /// are in the steps' elements (JSON) and the change tables. An element without a name is given by its id; a flow,
    /// which has none, by its two ends.
    /// </summary>
    internal static Pair Name(PlanBuilder plan, string? id)
    {
        if (id is null) return new("—", "—");
        return plan.AnyElement(id) switch
        {
            null => new($" {id} ", id),
            Flow f => FlowName(plan, f),
            var e => new($"「{e.DisplayName}」", e.DisplayName),
        };
    }

    /// <summary>A flow by its ends: 「A」 → 「B」, as the steps write a flow they set up.</summary>
    private static Pair FlowName(PlanBuilder plan, Flow f)
    {
        var from = plan.AnyElement(f.From)?.DisplayName ?? f.From;
        var to = plan.AnyElement(f.To)?.DisplayName ?? f.To;
        return new($"「{from}」 → 「{to}」", $"{from} → {to}");
    }

    /// <summary>A term in the middle of an English sentence: "Being built" → "being built" (not "WeChat" → "weChat").</summary>
    private static string Lower(string word) =>
        word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[1]) && !word.Skip(1).Any(char.IsUpper) ? char.ToLowerInvariant(word[0]) + word[1..] : word;

    internal static Pair Components(IEnumerable<object?> values)
    {
        var list = values.OfType<IReadOnlyDictionary<string, object?>>().ToList();
        string Origin(IReadOnlyDictionary<string, object?> c, bool zh) => (c.TryGetValue("origin", out var o) ? o as string : null) switch
        {
            "domestic" or "foreign" => zh ? $"（{Terms.Of(Enum.Parse<ComponentOrigin>((string)c["origin"]!, true)).Chinese}）" : $" ({Terms.Of(Enum.Parse<ComponentOrigin>((string)c["origin"]!, true)).English})",
            _ => "",
        };
        return new(string.Join("、", list.Select(c => $"{c["name"]}{Origin(c, true)}")), string.Join(", ", list.Select(c => $"{c["name"]}{Origin(c, false)}")));
    }

    internal static Pair Names(PlanBuilder plan, IEnumerable<string> ids)
    {
        var names = ids.Select(id => Name(plan, id)).ToList();
        return new(string.Join("、", names.Select(static n => n.Zh)), string.Join(", ", names.Select(static n => n.En)));
    }

    private static Pair Links(PlanBuilder plan, IReadOnlyList<NetworkLink> links) => links.Count == 0 ? new("", "") : new(
        "，" + string.Join("，", links.Select(l => $"经{Via(JsonNames.Of(l.Via)).Zh}与{Name(plan, l.To).Zh}互联")),
        ", " + string.Join(", ", links.Select(l => $"linked to {Name(plan, l.To).En} via {Via(JsonNames.Of(l.Via)).En}")));

    private static Pair Deployment(PlanBuilder plan, InformationSystem s)
    {
        var nets = Names(plan, s.Networks);
        var zh = (s.Hosting is null ? "" : $"，部署在{Name(plan, s.Hosting).Zh}") + (s.Networks.Count > 0 ? $"，接入{nets.Zh}" : "");
        var en = (s.Hosting is null ? "" : $", hosted on {Name(plan, s.Hosting).En}") + (s.Networks.Count > 0 ? $", attached to {nets.En}" : "");
        return new(zh, en);
    }

    private static Pair FlowText(PlanBuilder plan, Flow f)
    {
        var data = Names(plan, f.Carries);
        var via = Names(plan, f.Via);
        var zh = $"{Name(plan, f.From).Zh} → {Name(plan, f.To).Zh}" + (f.Carries.Count > 0 ? $"，交换{data.Zh}" : "")
            + (f.Via.Count > 0 ? $"，经{via.Zh}" : "") + (f.Mode is { } m ? $"，交换方式：{Terms.Of(m).Chinese}" : "");
        var en = $"{Name(plan, f.From).En} → {Name(plan, f.To).En}" + (f.Carries.Count > 0 ? $", carrying {data.En}" : "")
            + (f.Via.Count > 0 ? $", over {via.En}" : "") + (f.Mode is { } m2 ? $", mode: {Terms.Of(m2).English}" : "");
        return new(zh, en);
    }

    /// <summary>A list of field changes: <c>field: before → after</c>, sets as added/removed values, free text by name only.</summary>
    internal static Pair Fields(PlanBuilder plan, ElementKind kind, IEnumerable<FieldChange> changes)
    {
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var c in changes)
        {
            var t = FieldText(plan, kind, c);
            zh.Add(t.Chinese);
            en.Add(t.English);
        }
        return new(string.Join("；", zh), string.Join("; ", en));
    }

    private static LocalizedText FieldText(PlanBuilder plan, ElementKind kind, FieldChange? c)
    {
        if (c is null) return T("—", "—");
        var label = Terms.Field(c.Field).Chinese;
        var labelEn = Terms.Field(c.Field).English;
        // A value that is a word of the model format (a status, a mode) in words; an id as the element's name.
        Pair Value(object? v) => v switch
        {
            string s => Terms.FieldValue(kind, c.Field, s) is { } word ? new(word.Chinese, Lower(word.English)) : Ref(plan, s),
            double or long or int when DiffOutput.IsMoney(c.Field) => new(Money.Format(Convert.ToDouble(v, CultureInfo.InvariantCulture), Language.Chinese),
                Money.Format(Convert.ToDouble(v, CultureInfo.InvariantCulture), Language.English)),
            null when DiffOutput.IsMoney(c.Field) => new(Money.Unknown(Language.Chinese), Money.Unknown(Language.English)),
            _ => new(FieldValues.Display(v), FieldValues.Display(v)),
        };
        if (c.Field is "description" || c.Field.StartsWith("properties.", StringComparison.Ordinal) && c.Before is string { Length: > 40 })
        {
            return T($"{label}已修订", $"{labelEn} revised");
        }
        if (c.IsSet)
        {
            var added = c.AddedValues.Select(Value).ToList();
            var removed = c.RemovedValues.Select(Value).ToList();
            var zh = new List<string>();
            var en = new List<string>();
            if (added.Count > 0) { zh.Add("增加" + string.Join("、", added.Select(static p => p.Zh))); en.Add("add " + string.Join(", ", added.Select(static p => p.En))); }
            if (removed.Count > 0) { zh.Add("去掉" + string.Join("、", removed.Select(static p => p.Zh))); en.Add("remove " + string.Join(", ", removed.Select(static p => p.En))); }
            return T($"{label}{string.Join("，", zh)}", $"{labelEn}: {string.Join(", ", en)}");
        }
        var before = Value(c.Before);
        var after = Value(c.After);
        return T($"{label}：{before.Zh} → {after.Zh}", $"{labelEn}: {before.En} → {after.En}");
    }

    /// <summary>A string value: the element it names when it is an id, else the text itself.</summary>
    private static Pair Ref(PlanBuilder plan, string value) =>
        plan.AnyElement(value) is { } e and not Flow ? Name(plan, value) : new(value, value);

    private static Pair Via(string via) => Word(JsonNames.TryParse(via, out LinkVia v) ? Terms.Of(v) : Terms.Of(LinkVia.Direct));

    private static Pair Sharing(SharingLevel level) => Sharing(JsonNames.Of(level));

    private static Pair Sharing(string? level) => Word(JsonNames.TryParse(level ?? "", out SharingLevel l) ? Terms.Of(l) : Terms.Of(SharingLevel.Conditional));

    private static Pair Stage(string? stage) => Word(Terms.Of(JsonNames.TryParse(stage ?? "", out ProjectStage s) ? s : (ProjectStage?)null));

    /// <summary>An element kind's word (the terminology table).</summary>
    public static Pair KindName(ElementKind kind) => Word(Terms.Of(kind));

    private static Pair Word(LocalizedText term) => new(term.Chinese, Lower(term.English));

}
