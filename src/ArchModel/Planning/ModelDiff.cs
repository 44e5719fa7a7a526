using ArchModel.Analysis;
using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>One element that was added, removed or changed between the as-is and the to-be model.</summary>
/// <param name="Change">Added, removed or changed.</param>
/// <param name="Kind">The element's kind.</param>
/// <param name="Id">The element's id: the to-be id when the element is in the to-be model, else the as-is id.</param>
/// <param name="BeforeId">The as-is id (differs from <paramref name="Id"/> for a renamed element); <see langword="null"/> when added.</param>
/// <param name="Before">The as-is element, <see langword="null"/> when added.</param>
/// <param name="After">The to-be element, <see langword="null"/> when removed.</param>
/// <param name="Fields">For a changed element, the fields that differ, sorted ordinally by path; empty otherwise.</param>
public sealed record ElementChange(
    ChangeKind Change, ElementKind Kind, string Id, string? BeforeId, Element? Before, Element? After, IReadOnlyList<FieldChange> Fields)
{
    /// <summary>Whether the element was matched through the to-be element's <c>formerIds</c> (a rename).</summary>
    public bool IsRename => Before is not null && After is not null && BeforeId != Id;

    /// <summary>The element's display name in the to-be model, else in the as-is model.</summary>
    public string DisplayName => (After ?? Before)!.DisplayName;

    /// <summary>The change of one field, or <see langword="null"/> when that field did not change.</summary>
    public FieldChange? Field(string path) => Fields.FirstOrDefault(f => f.Field == path);
}

/// <summary>A metric of the scorecard in both models.</summary>
/// <param name="Metric">The metric's name (see <see cref="MetricNames"/>).</param>
/// <param name="Before">The as-is value, <see langword="null"/> when its denominator is 0.</param>
/// <param name="After">The to-be value, <see langword="null"/> when its denominator is 0.</param>
/// <param name="Target">The to-be model's target for it, if any.</param>
/// <param name="Direction">Whether higher or lower is better.</param>
public sealed record MetricDelta(string Metric, double? Before, double? After, double? Target, MetricDirection Direction)
{
    /// <summary>After minus before, when both are known.</summary>
    public double? Delta => Before is { } b && After is { } a ? a - b : null;

    /// <summary>Whether the value moved in the better direction (<see langword="null"/> when unknown or unchanged).</summary>
    public bool? Improved => Delta is not { } d || d == 0 ? null : Direction == MetricDirection.Higher ? d > 0 : d < 0;

    /// <summary>Whether the to-be value meets the target (<see langword="null"/> without a target or a value).</summary>
    public bool? TargetMet => Target is not { } t || After is not { } a ? null : Direction == MetricDirection.Higher ? a >= t : a <= t;
}

/// <summary>A finding present in one analysis and not in the other.</summary>
/// <param name="Finding">The finding as its own model's analysis reported it.</param>
/// <param name="Elements">Its element ids in to-be terms (as-is ids mapped through renames), sorted ordinally.</param>
/// <param name="Suppressed">For a resolved finding: the to-be model still reports it, but a suppression accepts it.</param>
public sealed record FindingChange(Finding Finding, IReadOnlyList<string> Elements, bool Suppressed)
{
    /// <summary>The rule code.</summary>
    public string Rule => Finding.Rule;
}

/// <summary>
/// The difference between an as-is and a to-be model: elements added, removed and changed field by
/// field; metric deltas; findings resolved and introduced. The planning stage's first entry point.
/// </summary>
/// <remarks>
/// Elements are matched by id, then an unmatched to-be element by its <c>formerIds</c> (a rename). Lists
/// whose order carries no meaning are compared as sets; see docs/planning.md. Every list is sorted ordinally
/// by id, so the same two models always give the same diff. Immutable and thread-safe.
/// </remarks>
public sealed class ModelDiff
{
    private readonly Dictionary<string, string> _beforeToAfter;

    private ModelDiff(
        ArchitectureModel before, ArchitectureModel after, AnalysisResult beforeAnalysis, AnalysisResult afterAnalysis,
        List<ElementChange> added, List<ElementChange> removed, List<ElementChange> changed,
        Dictionary<string, string> beforeToAfter, SortedDictionary<string, string> mergedInto,
        List<MetricDelta> metrics, List<FindingChange> resolved, List<FindingChange> introduced)
    {
        Before = before;
        After = after;
        BeforeAnalysis = beforeAnalysis;
        AfterAnalysis = afterAnalysis;
        Added = added;
        Removed = removed;
        Changed = changed;
        _beforeToAfter = beforeToAfter;
        MergedInto = mergedInto;
        Metrics = metrics;
        ResolvedFindings = resolved;
        IntroducedFindings = introduced;
    }

    /// <summary>The as-is model.</summary>
    public ArchitectureModel Before { get; }

    /// <summary>The to-be model.</summary>
    public ArchitectureModel After { get; }

    /// <summary>The analysis of the as-is model.</summary>
    public AnalysisResult BeforeAnalysis { get; }

    /// <summary>The analysis of the to-be model.</summary>
    public AnalysisResult AfterAnalysis { get; }

    /// <summary>Elements only in the to-be model, by id.</summary>
    public IReadOnlyList<ElementChange> Added { get; }

    /// <summary>Elements only in the as-is model, by id.</summary>
    public IReadOnlyList<ElementChange> Removed { get; }

    /// <summary>Elements in both whose fields differ (renamed ones included), by to-be id.</summary>
    public IReadOnlyList<ElementChange> Changed { get; }

    /// <summary>
    /// Removed as-is elements that a to-be element names in its <c>formerIds</c> although that element
    /// matched another as-is element (a merge): as-is id → to-be id, ordinal.
    /// </summary>
    public IReadOnlyDictionary<string, string> MergedInto { get; }

    /// <summary>Every metric of the scorecard, in ordinal order of name.</summary>
    public IReadOnlyList<MetricDelta> Metrics { get; }

    /// <summary>Unsuppressed as-is findings that the to-be analysis no longer reports unsuppressed (by rule, then elements).</summary>
    public IReadOnlyList<FindingChange> ResolvedFindings { get; }

    /// <summary>Unsuppressed to-be findings that the as-is analysis did not report (by rule, then elements).</summary>
    public IReadOnlyList<FindingChange> IntroducedFindings { get; }

    /// <summary>Whether the two models hold the same elements with the same fields.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>Every added, removed or changed element, ordinal by id.</summary>
    public IEnumerable<ElementChange> All =>
        Added.Concat(Removed).Concat(Changed).OrderBy(static c => c.Id, StringComparer.Ordinal).ThenBy(static c => c.Change);

    /// <summary>The to-be id of an as-is element (itself, or its new id when renamed), or <see langword="null"/> when it has no match.</summary>
    public string? AfterIdOf(string beforeId) => _beforeToAfter.TryGetValue(beforeId, out var id) ? id : null;

    /// <summary>The change of the element with this id (to-be id, or as-is id for a removed one), or <see langword="null"/>.</summary>
    public ElementChange? Find(string id) =>
        Changed.FirstOrDefault(c => c.Id == id) ?? Added.FirstOrDefault(c => c.Id == id) ?? Removed.FirstOrDefault(c => c.Id == id);

    /// <summary>Compares two models and their analyses.</summary>
    /// <param name="before">The as-is model.</param>
    /// <param name="after">The to-be model.</param>
    /// <param name="options">The analysis options for both models; default <see cref="AnalysisOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the comparison.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ModelDiff Compare(ArchitectureModel before, ArchitectureModel after, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var beforeElements = Distinct(before.Elements);
        var afterElements = Distinct(after.Elements);

        // 1. Match by id (same kind), 2. an unmatched to-be element by its formerIds (first unmatched as-is id of the same kind).
        var beforeToAfter = new Dictionary<string, string>(StringComparer.Ordinal);
        var afterToBefore = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, a) in afterElements)
        {
            if (beforeElements.TryGetValue(id, out var b) && b.Kind == a.Kind)
            {
                beforeToAfter[id] = id;
                afterToBefore[id] = id;
            }
        }
        foreach (var (id, a) in afterElements)
        {
            if (afterToBefore.ContainsKey(id))
            {
                continue;
            }
            foreach (var former in a.FormerIds)
            {
                if (beforeElements.TryGetValue(former, out var b) && b.Kind == a.Kind && !beforeToAfter.ContainsKey(former))
                {
                    beforeToAfter[former] = id;
                    afterToBefore[id] = former;
                    break;
                }
            }
        }
        var mergedInto = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, a) in afterElements)
        {
            foreach (var former in a.FormerIds)
            {
                if (beforeElements.TryGetValue(former, out var b) && b.Kind == a.Kind && !beforeToAfter.ContainsKey(former))
                {
                    mergedInto.TryAdd(former, id);
                }
            }
        }

        var added = new List<ElementChange>();
        var changed = new List<ElementChange>();
        foreach (var (id, a) in afterElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!afterToBefore.TryGetValue(id, out var beforeId))
            {
                added.Add(new ElementChange(ChangeKind.Added, a.Kind, id, null, null, a, []));
                continue;
            }
            var fields = CompareFields(beforeElements[beforeId], a, beforeElements.ContainsKey);
            if (fields.Count > 0)
            {
                changed.Add(new ElementChange(ChangeKind.Changed, a.Kind, id, beforeId, beforeElements[beforeId], a, fields));
            }
        }
        var removed = beforeElements.Where(kv => !beforeToAfter.ContainsKey(kv.Key))
            .Select(static kv => new ElementChange(ChangeKind.Removed, kv.Value.Kind, kv.Key, kv.Key, kv.Value, null, []))
            .ToList();

        var beforeAnalysis = Analyzer.Analyze(before, options, cancellationToken);
        var afterAnalysis = Analyzer.Analyze(after, options, cancellationToken);
        var metrics = MetricNames.All.Order(StringComparer.Ordinal).Select(m => new MetricDelta(
            m,
            beforeAnalysis.Metrics.Model.GetValueOrDefault(m),
            afterAnalysis.Metrics.Model.GetValueOrDefault(m),
            after.Targets.TryGetValue(m, out var t) ? t : null,
            MetricsReport.DirectionOf(m))).ToList();

        string Map(string id) => beforeToAfter.TryGetValue(id, out var to) ? to : id;
        static string Key(string rule, IEnumerable<string> ids) => rule + "\u0000" + string.Join("\u0000", ids);
        var afterActive = new HashSet<string>(afterAnalysis.ActiveFindings.Select(f => Key(f.Rule, f.Elements)), StringComparer.Ordinal);
        var afterSuppressed = new HashSet<string>(afterAnalysis.Findings.Where(static f => f.Suppressed).Select(f => Key(f.Rule, f.Elements)), StringComparer.Ordinal);
        var resolved = new List<FindingChange>();
        var beforeKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in beforeAnalysis.ActiveFindings)
        {
            var ids = f.Elements.Select(Map).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var key = Key(f.Rule, ids);
            beforeKeys.Add(key);
            if (!afterActive.Contains(key))
            {
                resolved.Add(new FindingChange(f, ids, afterSuppressed.Contains(key)));
            }
        }
        var introduced = afterAnalysis.ActiveFindings.Where(f => !beforeKeys.Contains(Key(f.Rule, f.Elements)))
            .Select(static f => new FindingChange(f, f.Elements, false)).ToList();
        resolved.Sort(FindingOrder);
        introduced.Sort(FindingOrder);

        return new ModelDiff(before, after, beforeAnalysis, afterAnalysis,
            added, removed, changed, beforeToAfter, mergedInto, metrics, resolved, introduced);
    }

    private static readonly Comparison<FindingChange> FindingOrder = static (a, b) =>
    {
        var c = string.CompareOrdinal(a.Rule, b.Rule);
        return c != 0 ? c : string.CompareOrdinal(string.Join("\u0000", a.Elements), string.Join("\u0000", b.Elements));
    };

    /// <summary>Elements by id in ordinal order, the first of a duplicated id only (a model with load errors).</summary>
    private static SortedDictionary<string, Element> Distinct(IEnumerable<Element> elements)
    {
        var map = new SortedDictionary<string, Element>(StringComparer.Ordinal);
        foreach (var e in elements)
        {
            if (e.Id is not null)
            {
                map.TryAdd(e.Id, e);
            }
        }
        return map;
    }

    /// <summary>The fields that differ between two matched elements, ordinal by path.</summary>
    internal static List<FieldChange> CompareFields(Element before, Element after, Func<string, bool> isBeforeId)
    {
        var result = new List<FieldChange>();
        if (before.Id != after.Id)
        {
            result.Add(new FieldChange("id", before.Id, after.Id, false));
        }
        // formerIds: compared as a set, without the as-is ids they name (those are what the diff matched on).
        var formerBefore = FieldValues.Set("formerIds", before.FormerIds);
        var formerAfter = FieldValues.Set("formerIds", after.FormerIds.Where(id => !isBeforeId(id)));
        var beforeFields = FieldValues.Of(before).Append(formerBefore).ToDictionary(static f => f.Path, StringComparer.Ordinal);
        var afterFields = FieldValues.Of(after).Append(formerAfter).ToDictionary(static f => f.Path, StringComparer.Ordinal);
        foreach (var path in beforeFields.Keys.Union(afterFields.Keys, StringComparer.Ordinal))
        {
            var b = beforeFields.TryGetValue(path, out var bf) ? bf : default;
            var a = afterFields.TryGetValue(path, out var af) ? af : default;
            var isSet = bf.IsSet || af.IsSet;
            var bv = FieldValues.IsEmpty(b.Value) ? null : b.Value;
            var av = FieldValues.IsEmpty(a.Value) ? null : a.Value;
            if (FieldValues.Canonical(bv) != FieldValues.Canonical(av))
            {
                result.Add(new FieldChange(path, bv, av, isSet));
            }
        }
        result.Sort(static (x, y) => string.CompareOrdinal(x.Field, y.Field));
        return result;
    }
}
