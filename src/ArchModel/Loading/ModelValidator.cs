using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Loading;

/// <summary>
/// The second phase of making a model, shared by <see cref="ModelLoader"/>, <see cref="ModelBuilder"/> and the spreadsheet
/// import: gives every flow without an id its generated id, indexes the elements by id and by kind (the index the model
/// keeps), and checks what needs the whole model — ids, references, parent cycles, value ranges, self-flows — so that a
/// model from files and one built in code are held to exactly the same rules. All three happen in
/// <see cref="AssignIdsIndexAndValidate"/>, because each needs the index the first pass builds.
/// </summary>
internal sealed class ModelValidator
{
    private readonly ModelContent _content;
    private readonly ISourceLocator _locator;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, Element> _byId;
    private KindMaps? _kinds;
    private bool _repeatedId;
    // The unknown references found, from every thread, for the closest ids ("did you mean") added at the end.
    private readonly System.Collections.Concurrent.ConcurrentBag<(Diagnostic Diagnostic, string Field, string Id, ElementKind? Kind)> _unknown = [];

    /// <summary>
    /// How many candidate ids the "did you mean" of one validation compares in all: the unknown references of a model
    /// are taken in the order diagnostics are shown and get their closest ids until this is spent, so a national model
    /// with thousands of broken references does not compare each with a million ids.
    /// </summary>
    internal const int SuggestionBudget = 2_000_000;

    private ModelValidator(ModelContent content, ISourceLocator locator, List<Diagnostic> diagnostics)
    {
        _content = content;
        _locator = locator;
        _diagnostics = diagnostics;
        _byId = new Dictionary<string, Element>(content.Defined.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// Gives the flows of <paramref name="content"/> without an id their generated ids (in <paramref name="content"/>), validates
    /// it, adding to <paramref name="diagnostics"/>, and returns the index by id and by kind built on the way, for the model.
    /// </summary>
    public static ModelIndex AssignIdsIndexAndValidate(ModelContent content, ISourceLocator locator, List<Diagnostic> diagnostics)
    {
        var validator = new ModelValidator(content, locator, diagnostics);
        // The value and cycle checks need no index by id: they run beside the one that builds it, each into its
        // own list, and the lists join in the order the checks would run one after another. So do the maps of each
        // kind by id, which are what the index resolves to unless an id is defined twice.
        var values = new List<Diagnostic>();
        var cycles = new List<Diagnostic>();
        KindMaps? firstOfEachKind = null;
        var beside = Task.Run(() =>
        {
            validator.CheckValues(values);
            validator.CheckCycles(content.Agencies, static a => a.Parent, Texts.Of("load.cycle.agencies"), cycles);
            validator.CheckCycles(content.Capabilities, static c => c.Parent, Texts.Of("load.cycle.capabilities"), cycles);
            firstOfEachKind = KindMaps.FirstOfEachKind(content);
        });
        try
        {
            validator.CheckIds();
            validator.AssignFlowIds();
        }
        finally
        {
            // Never leave the task running over content the caller may use, and rethrow its own exception.
            beside.GetAwaiter().GetResult();
        }
        validator._kinds = validator._repeatedId ? KindMaps.Resolved(content, validator._byId) : firstOfEachKind;
        diagnostics.AddRange(values);
        var selfFlows = new List<Diagnostic>();
        validator.CheckReferences(selfFlows);
        diagnostics.AddRange(cycles);
        diagnostics.AddRange(selfFlows);
        foreach (var id in content.DroppedIds)
        {
            if (validator._byId.TryGetValue(id, out var element) && element is null)
            {
                validator._byId.Remove(id);
            }
        }
        validator.AddClosestIds(diagnostics);
        return new ModelIndex(validator._byId, validator._kinds!);
    }

    /// <summary>Adds "did you mean" and the closest ids of the kind expected to the unknown references' messages.</summary>
    private void AddClosestIds(List<Diagnostic> diagnostics)
    {
        if (_unknown.IsEmpty)
        {
            return;
        }
        var unknown = _unknown.ToArray();
        // In the order the diagnostics are shown (the same on every run, whatever the threads did), so the budget is
        // spent on the same references every time.
        Array.Sort(unknown, static (x, y) =>
        {
            var c = Diagnostic.Order.Compare(x.Diagnostic, y.Diagnostic);
            return c != 0 ? c : string.CompareOrdinal(x.Field + "\0" + x.Id, y.Field + "\0" + y.Id);
        });
        var replaced = new Dictionary<Diagnostic, Diagnostic>(ReferenceEqualityComparer.Instance);
        var closestOf = new Dictionary<(string, ElementKind?), IReadOnlyList<string>>();
        var budget = SuggestionBudget;
        foreach (var (diagnostic, field, id, kind) in unknown)
        {
            if (!closestOf.TryGetValue((id, kind), out var closest))
            {
                var candidates = CandidateIds(kind);
                if (candidates.Count > budget)
                {
                    break;
                }
                budget -= candidates.Count;
                closest = DidYouMean.Closest(id, candidates);
                closestOf[(id, kind)] = closest;
            }
            if (closest.Count > 0)
            {
                replaced[diagnostic] = diagnostic with { Message = Messages.WithClosest(Messages.UnknownReference(field, id, KindName(kind)), closest) };
            }
        }
        if (replaced.Count == 0)
        {
            return;
        }
        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (replaced.TryGetValue(diagnostics[i], out var with))
            {
                diagnostics[i] = with;
            }
        }
    }

    /// <summary>The ids an unknown reference to <paramref name="kind"/> may have meant: those of the kind, or every id.</summary>
    private IReadOnlyCollection<string> CandidateIds(ElementKind? kind) => kind switch
    {
        ElementKind.Capability => _kinds!.Capabilities.Keys,
        ElementKind.Agency => _kinds!.Agencies.Keys,
        ElementKind.Network => _kinds!.Networks.Keys,
        ElementKind.Platform => _kinds!.Platforms.Keys,
        ElementKind.System => _kinds!.Systems.Keys,
        ElementKind.DataResource => _kinds!.DataResources.Keys,
        ElementKind.Project => _kinds!.Projects.Keys,
        _ => _byId.Keys,
    };

    private void CheckIds()
    {
        foreach (var element in _content.Defined)
        {
            if (element is Flow { IdGenerated: true })
            {
                continue;
            }
            if (element.Id is null)
            {
                Report(DiagnosticCodes.MissingProperty, Messages.MissingProperty("id", element.Kind.ToString()), element, null);
                continue;
            }
            if (!IsValidId(element.Id))
            {
                Report(DiagnosticCodes.InvalidValue, Messages.BadId(element.Id), element, "id");
            }
            if (!_byId.TryAdd(element.Id, element))
            {
                _repeatedId = true;
                Report(DiagnosticCodes.DuplicateId, Messages.DuplicateId(element.Id, _byId[element.Id].Location), element, "id");
            }
        }
        foreach (var id in _content.DroppedIds)
        {
            _byId.TryAdd(id, null!);
        }
        var former = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in _content.Defined)
        {
            for (var i = 0; i < element.FormerIds.Count; i++)
            {
                var id = element.FormerIds[i];
                if (!IsValidId(id))
                {
                    Report(DiagnosticCodes.InvalidValue, Messages.BadId(id), element, $"formerIds[{i}]");
                }
                else if (_byId.ContainsKey(id) || !former.Add(id))
                {
                    Report(DiagnosticCodes.DuplicateId, Messages.FormerIdInUse(id), element, $"formerIds[{i}]");
                }
            }
        }
    }

    /// <summary>
    /// Gives every flow without an id the id <c>FROM-&gt;TO</c>, or <c>FROM-&gt;TO#N</c> for the N-th such
    /// flow between the same systems, skipping any id the model already uses: stable across runs, and
    /// unchanged by flows elsewhere in the model.
    /// </summary>
    private void AssignFlowIds()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _content.Flows.Count; i++)
        {
            var flow = _content.Flows[i];
            if (!flow.IdGenerated)
            {
                continue;
            }
            var stem = $"{flow.From}->{flow.To}";
            var n = counts.GetValueOrDefault(stem);
            string id;
            do
            {
                n++;
                id = n == 1 ? stem : $"{stem}#{n}";
            }
            while (_byId.ContainsKey(id));
            counts[stem] = n;
            var named = flow with { Id = id };
            _content.Flows[i] = named;
            _byId[id] = named;
        }
    }

    private void CheckValues(List<Diagnostic> sink)
    {
        foreach (var element in _content.Defined)
        {
            if (element is NamedElement named)
            {
                if (named.Name is null)
                {
                    Report(DiagnosticCodes.MissingProperty, Messages.MissingProperty("name", element.Id), element, null, sink: sink);
                }
                else if (string.IsNullOrWhiteSpace(named.Name))
                {
                    Report(DiagnosticCodes.InvalidValue, Messages.EmptyText("name"), element, "name", sink: sink);
                }
            }
            switch (element)
            {
                case InformationSystem s:
                    if (s.ProtectionLevel is { } level and (< 1 or > 5))
                    {
                        Range(element.Location, "protectionLevel", level, "1–5", sink);
                    }
                    NonNegative(element, "usage.registeredUsers", s.Usage?.RegisteredUsers, sink);
                    NonNegative(element, "usage.monthlyActiveUsers", s.Usage?.MonthlyActiveUsers, sink);
                    NonNegative(element, "cost.build", s.Cost?.Build, sink);
                    NonNegative(element, "cost.annualOperation", s.Cost?.AnnualOperation, sink);
                    break;
                case Project p:
                    NonNegative(element, "budget", p.Budget, sink);
                    break;
            }
        }
        foreach (var suppression in _content.Suppressions)
        {
            if (!RuleCode.IsValid(suppression.Rule ?? ""))
            {
                Report(DiagnosticCodes.InvalidValue, Messages.BadRuleCode(suppression.Rule ?? ""), suppression.Location, "rule", sink: sink);
            }
            if (suppression.Elements is null || suppression.Elements.Count == 0)
            {
                Report(DiagnosticCodes.InvalidValue, Messages.EmptyText("elements"), suppression.Location, "elements", sink: sink);
            }
            if (string.IsNullOrWhiteSpace(suppression.Justification))
            {
                Report(DiagnosticCodes.InvalidValue, Messages.EmptyText("justification"), suppression.Location, "justification", sink: sink);
            }
        }
        var settings = _content.Settings;
        var root = _content.RootLocation;
        if (settings.DuplicateNameSimilarity is < 0 or > 1 || double.IsNaN(settings.DuplicateNameSimilarity))
        {
            Range(root, "settings.duplicateNameSimilarity", settings.DuplicateNameSimilarity, "0–1", sink);
        }
        if (settings.ZombieMonthlyActiveUsers < 0)
        {
            Range(root, "settings.zombieMonthlyActiveUsers", settings.ZombieMonthlyActiveUsers, "≥ 0", sink);
        }
        if (settings.ExposureMinProtectionLevel is < 1 or > 5)
        {
            Range(root, "settings.exposureMinProtectionLevel", settings.ExposureMinProtectionLevel, "1–5", sink);
        }
        if (settings.LocalizationMinProtectionLevel is < 1 or > 5)
        {
            Range(root, "settings.localizationMinProtectionLevel", settings.LocalizationMinProtectionLevel, "1–5", sink);
        }
        foreach (var (metric, value) in _content.Targets)
        {
            var ratio = MetricNames.IsRatio(metric);
            if (ratio ? value is < 0 or > 1 : value < 0)
            {
                var location = _content.TargetLocations.GetValueOrDefault(metric);
                sink.Add(new Diagnostic(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error,
                    Messages.OutOfRange($"targets.{metric}", Format(value), ratio ? "0–1" : "≥ 0"), location));
            }
        }
    }

    private void NonNegative(Element element, string path, double? value, List<Diagnostic> sink)
    {
        if (value < 0)
        {
            Range(element.Location, path, value.Value, "≥ 0", sink);
        }
    }

    private void Range(SourceLocation? anchor, string path, double value, string range, List<Diagnostic> sink) =>
        Report(DiagnosticCodes.InvalidValue, Messages.OutOfRange(path, Format(value), range), anchor, path, sink: sink);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Checks every reference, and finds the flows from a system to itself for <paramref name="selfFlows"/> on the way.</summary>
    private void CheckReferences(List<Diagnostic> selfFlows)
    {
        // Millions of look-ups in a national model, each independent: chunks of elements are checked side by
        // side, each reporting into its own lists, and the lists join in element order.
        var elements = _content.ElementArray();
        const int Chunk = 16_384;
        var found = new List<Diagnostic>[(elements.Length + Chunk - 1) / Chunk];
        var foundSelf = new List<Diagnostic>[found.Length];
        Parallel.For(0, found.Length, c =>
        {
            var sink = found[c] = [];
            var self = foundSelf[c] = [];
            var references = new List<Reference>();
            // Elements side by side name the same few ids (an agency's systems their owner, the same capability and
            // network): the last id found of each kind, the same pooled string, is not looked up again.
            var lastFound = new string?[(int)ElementKind.Project + 1];
            for (var i = c * Chunk; i < Math.Min(elements.Length, (c + 1) * Chunk); i++)
            {
                references.Clear();
                References.Collect(elements[i], references);
                foreach (var reference in references)
                {
                    if (reference is { Id: { } id, Expected: { } kind })
                    {
                        if (ReferenceEquals(lastFound[(int)kind], id))
                        {
                            continue;
                        }
                        if (_kinds!.Contains(kind, id))
                        {
                            lastFound[(int)kind] = id;
                            continue;
                        }
                    }
                    Check(elements[i].Location, reference, sink);
                }
                if (elements[i] is Flow { From: { } from } flow && from == flow.To)
                {
                    Report(DiagnosticCodes.SelfFlow, Messages.SelfFlow(flow.Id, from), flow, "to", DiagnosticSeverity.Warning, self);
                }
            }
        });
        foreach (var sink in found)
        {
            _diagnostics.AddRange(sink);
        }
        foreach (var self in foundSelf)
        {
            selfFlows.AddRange(self);
        }
        foreach (var suppression in _content.Suppressions)
        {
            for (var i = 0; i < (suppression.Elements?.Count ?? 0); i++)
            {
                Check(suppression.Location, new Reference("elements", i, suppression.Elements![i], null, Required: true), _diagnostics);
            }
        }
    }

    private void Check(SourceLocation? anchor, Reference reference, List<Diagnostic> sink)
    {
        if (reference.Id is null)
        {
            if (reference.Required)
            {
                Report(DiagnosticCodes.MissingProperty, Messages.MissingProperty(reference.Path, anchor?.Path ?? ""), anchor, null, sink: sink);
            }
            return;
        }
        if (reference.Expected is { } kind && _kinds!.Contains(kind, reference.Id))
        {
            // The usual case, answered by the small map of the kind named: an element of that kind has the id.
            return;
        }
        if (!_byId.TryGetValue(reference.Id, out var target))
        {
            if (_content.Incomplete)
            {
                // What was not read (the rest of a file after a syntax error, an unreadable include) may define the id.
                // A wrong kind (AM0007) is still reported: ids are unique, so no unread definition could make it right.
                return;
            }
            Report(DiagnosticCodes.UnknownReference, Messages.UnknownReference(reference.Path, reference.Id, KindName(reference.Expected)), anchor, reference.Path, sink: sink);
            _unknown.Add((sink[^1], reference.Path, reference.Id, reference.Expected));
        }
        else if (target is not null && reference.Expected is { } expected && target.Kind != expected)
        {
            Report(DiagnosticCodes.WrongKindReference,
                Messages.WrongKindReference(reference.Path, reference.Id, KindWithArticle(expected), KindWithArticle(target.Kind)), anchor, reference.Path, sink: sink);
        }
    }

    private void CheckCycles<T>(IReadOnlyList<T> elements, Func<T, string?> parentOf, LocalizedText kind, List<Diagnostic> sink) where T : Element
    {
        // Elements by number: an id stands for its first definition, and each such element's parent is looked up once,
        // so the walks below read arrays (a national model has a hundred thousand agencies on deep lines).
        var count = elements.Count;
        var numbers = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var first = new int[count];
        for (var i = 0; i < count; i++)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, elements[i].Id, out var known);
            if (!known)
            {
                number = i;
            }
            first[i] = number;
        }
        var parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = first[i] == i && parentOf(elements[i]) is { } p && numbers.TryGetValue(p, out var at) ? at : -1;
        }
        // Each element has at most one parent, so every cycle is found by walking up from each element once.
        var state = new byte[count]; // 1 = on the current walk, 2 = done
        var walk = new List<int>();
        for (var start = 0; start < count; start++)
        {
            walk.Clear();
            var current = first[start];
            while (current >= 0 && state[current] == 0)
            {
                state[current] = 1;
                walk.Add(current);
                current = parent[current];
            }
            if (current >= 0 && state[current] == 1)
            {
                var cycle = walk.Skip(walk.IndexOf(current)).Select(i => elements[i]).ToList();
                var lowest = cycle.MinBy(static e => e.Id, StringComparer.Ordinal)!;
                var at = cycle.IndexOf(lowest);
                var ordered = cycle.Skip(at).Concat(cycle.Take(at)).Select(static e => e.Id).Append(lowest.Id);
                Report(DiagnosticCodes.ParentCycle, Messages.ParentCycle(kind, ordered), lowest, "parent", sink: sink);
            }
            foreach (var e in walk)
            {
                state[e] = 2;
            }
        }
    }

    /// <summary>Whether an id is valid: not empty, and no character that <see cref="char.IsWhiteSpace(char)"/> counts.</summary>
    internal static bool IsValidId(string id) => id.Length > 0 && !id.AsSpan().ContainsAny(WhiteSpace);

    /// <summary>
    /// Every character <see cref="char.IsWhiteSpace(char)"/> counts (Unicode's White_Space property), searched for a
    /// vector at a time: a national model's million ids are checked in series, before anything else can use them.
    /// </summary>
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    /// <summary>An element kind as a sentence names it (<c>load.kind.*</c>).</summary>
    internal static LocalizedText KindName(ElementKind? kind) => Texts.Of("load.kind." + KindKey(kind));

    /// <summary>An element kind as a sentence names one of its elements (<c>load.kind-a.*</c>: "a system", "an agency").</summary>
    internal static LocalizedText KindWithArticle(ElementKind? kind) => Texts.Of("load.kind-a." + KindKey(kind));

    private static string KindKey(ElementKind? kind)
    {
        return kind switch
        {
            ElementKind.Capability => "capability",
            ElementKind.Agency => "agency",
            ElementKind.Network => "network",
            ElementKind.Platform => "platform",
            ElementKind.System => "system",
            ElementKind.DataResource => "data-resource",
            ElementKind.Flow => "flow",
            ElementKind.Service => "service",
            ElementKind.Project => "project",
            _ => "element",
        };
    }

    private void Report(string code, LocalizedText message, Element element, string? path,
        DiagnosticSeverity severity = DiagnosticSeverity.Error, List<Diagnostic>? sink = null) =>
        Report(code, message, element.Location, path, severity, sink);

    private void Report(string code, LocalizedText message, SourceLocation? anchor, string? path,
        DiagnosticSeverity severity = DiagnosticSeverity.Error, List<Diagnostic>? sink = null) =>
        (sink ?? _diagnostics).Add(new Diagnostic(code, severity, message, path is null ? anchor : _locator.Locate(anchor, path)));
}

/// <summary>One reference from an element to another, by id.</summary>
/// <param name="Field">The field holding the reference, such as <c>networks</c>.</param>
/// <param name="Index">The position in the field's list, or -1 for a single reference.</param>
/// <param name="Id">The id referenced; <see langword="null"/> when a required reference is missing (code-first only).</param>
/// <param name="Expected">The kind the reference must name; <see langword="null"/> for any kind.</param>
/// <param name="Required">Whether the element needs the reference.</param>
/// <param name="Suffix">What follows the list item in the path, such as <c>.to</c> for a link.</param>
internal readonly record struct Reference(string Field, int Index, string? Id, ElementKind? Expected, bool Required = false, string? Suffix = null)
{
    public Reference(string field, string? id, ElementKind? expected, bool required = false)
        : this(field, -1, id, expected, required)
    {
    }

    /// <summary>The path inside the element, built only when a diagnostic needs it.</summary>
    public string Path => (Index < 0 ? Field : $"{Field}[{Index}]") + Suffix;
}

/// <summary>Every reference field of the model format, in one place.</summary>
internal static class References
{
    /// <summary>Adds the references of one element to <paramref name="into"/> (no allocation beyond the list's growth).</summary>
    public static void Collect(Element element, List<Reference> into)
    {
        switch (element)
        {
            case Capability c:
                Optional(into, "parent", c.Parent, ElementKind.Capability);
                break;
            case Agency a:
                Optional(into, "parent", a.Parent, ElementKind.Agency);
                break;
            case Network n:
                Optional(into, "owner", n.Owner, ElementKind.Agency);
                for (var i = 0; i < n.Links.Count; i++)
                {
                    into.Add(new Reference("links", i, n.Links[i].To, ElementKind.Network, true, ".to"));
                }
                break;
            case Platform p:
                Optional(into, "owner", p.Owner, ElementKind.Agency);
                List(into, "networks", p.Networks, ElementKind.Network);
                break;
            case InformationSystem s:
                into.Add(new Reference("owner", s.Owner, ElementKind.Agency, true));
                List(into, "capabilities", s.Capabilities, ElementKind.Capability);
                List(into, "usedBy", s.UsedBy, ElementKind.Agency);
                List(into, "networks", s.Networks, ElementKind.Network);
                Optional(into, "hosting", s.Hosting, ElementKind.Platform);
                List(into, "holds", s.Holds, ElementKind.DataResource);
                Optional(into, "project", s.Project, ElementKind.Project);
                break;
            case DataResource d:
                into.Add(new Reference("owner", d.Owner, ElementKind.Agency, true));
                break;
            case Flow f:
                into.Add(new Reference("from", f.From, ElementKind.System, true));
                into.Add(new Reference("to", f.To, ElementKind.System, true));
                List(into, "carries", f.Carries, ElementKind.DataResource);
                List(into, "via", f.Via, ElementKind.Network);
                break;
            case Service s:
                into.Add(new Reference("provider", s.Provider, ElementKind.Agency, true));
                List(into, "systems", s.Systems, ElementKind.System);
                break;
            case Project p:
                into.Add(new Reference("agency", p.Agency, ElementKind.Agency, true));
                List(into, "delivers", p.Delivers, ElementKind.System);
                break;
        }
    }

    private static void Optional(List<Reference> into, string path, string? id, ElementKind kind)
    {
        if (id is not null)
        {
            into.Add(new Reference(path, id, kind));
        }
    }

    private static void List(List<Reference> into, string field, IReadOnlyList<string>? ids, ElementKind kind)
    {
        if (ids is null)
        {
            return;
        }
        for (var i = 0; i < ids.Count; i++)
        {
            into.Add(new Reference(field, i, ids[i], kind, true));
        }
    }
}
