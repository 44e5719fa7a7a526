using System.Runtime.InteropServices;
using ArchModel.Graph;
using ArchModel.Model;

namespace ArchModel.Analysis;

/// <summary>Whether a larger or a smaller value of a metric is better.</summary>
public enum MetricDirection
{
    /// <summary>Higher is better (↑): a target is a minimum.</summary>
    Higher,
    /// <summary>Lower is better (↓): a target is a maximum.</summary>
    Lower,
}

/// <summary>A plan target checked against the model's value.</summary>
/// <param name="Metric">The metric name (see <see cref="MetricNames"/>).</param>
/// <param name="Target">The value the plan aims for.</param>
/// <param name="Actual">The model's value; <see langword="null"/> when the metric's denominator is 0.</param>
/// <param name="Met">Whether the target is met; <see langword="null"/> when <paramref name="Actual"/> is.</param>
/// <param name="Direction">Whether the target is a minimum (<see cref="MetricDirection.Higher"/>) or a maximum.</param>
public sealed record TargetResult(string Metric, double Target, double? Actual, bool? Met, MetricDirection Direction);

/// <summary>The scorecard (绩效评价): every metric for the whole model, the system and flow metrics per agency, and the targets.</summary>
/// <param name="Model">Every metric for the whole model, keys in ordinal order; ratios are <see langword="null"/> when the denominator is 0.</param>
/// <param name="Agencies">Per agency owning at least one system (ordinal id order): the system and flow metrics restricted to it.</param>
/// <param name="Targets">Each of the model's targets naming a known metric, in ordinal metric order.</param>
public sealed record MetricsReport(
    IReadOnlyDictionary<string, double?> Model,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> Agencies,
    IReadOnlyList<TargetResult> Targets)
{
    /// <summary>No metrics (an analysis run without them).</summary>
    public static MetricsReport Empty { get; } = new(
        new SortedDictionary<string, double?>(StringComparer.Ordinal),
        new SortedDictionary<string, IReadOnlyDictionary<string, double?>>(StringComparer.Ordinal),
        []);

    /// <summary>
    /// How many systems of the unsuppressed duplicate builds (AM1001) have no annual operation cost entered: the
    /// <see cref="MetricNames.AvoidableAnnualCost"/> leaves them out, and every output that shows it says how many.
    /// </summary>
    public int DuplicatesWithoutCost { get; init; }

    /// <summary>The metrics reported per agency, in catalogue order.</summary>
    public static IReadOnlyList<string> PerAgencyMetrics { get; } =
    [
        MetricNames.DuplicateRate, MetricNames.IsolationRate, MetricNames.ZombieRate, MetricNames.CrossAgencyFlowShare,
        MetricNames.HorizontalFlowShare, MetricNames.UnifiedNetworkRate, MetricNames.CloudRate, MetricNames.DomesticRate,
    ];

    /// <summary>The direction of a metric.</summary>
    public static MetricDirection DirectionOf(string metric) =>
        MetricNames.HigherIsBetter(metric) ? MetricDirection.Higher : MetricDirection.Lower;
}

/// <summary>Computes the scorecard from a model and its unsuppressed findings.</summary>
internal static class MetricsCalculator
{
    public static MetricsReport Compute(ModelGraph graph, IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        Complete(Prepare(graph, cancellationToken), findings, null, cancellationToken);

    /// <summary>The counts that need no finding; the analyser computes them while the rules run.</summary>
    internal sealed class Prepared
    {
        public required ModelGraph Graph { get; init; }
        /// <summary>Each owner named by a system, in the order first met; systems and flows refer to them by position.</summary>
        public required List<Owner> Owners { get; init; }
        /// <summary>The position in <see cref="Owners"/> of each owner id.</summary>
        public required Dictionary<string, int> OwnerIndex { get; init; }
        public required List<Counted> Counted { get; init; }
        /// <summary>The position in <see cref="Counted"/> of each system id's first system; <see langword="null"/> when
        /// <see cref="CountedById"/> (the graph's positions are then the same).</summary>
        public required Dictionary<string, int>? FirstCounted { get; init; }
        /// <summary>The other positions of a repeated system id, counted again for each other owner.</summary>
        public required Dictionary<string, List<int>> MoreCounted { get; init; }
        /// <summary>Whether the position in <see cref="Counted"/> of a system is its position in <see cref="ModelGraph.SystemsById"/>.</summary>
        public required bool CountedById { get; init; }
        /// <summary>The ids of the agencies owning a system, in ordinal order, and the position in <see cref="Owners"/> of each.</summary>
        public required (string[] Ids, int[] Owners) Agencies { get; init; }
        /// <summary>The ids of the data resources that may be shared, each once (the denominator of the sharing rate).</summary>
        public required string[] Shareable { get; init; }
        /// <summary>The metrics that no finding changes (open data, online services).</summary>
        public required (double? OpenData, double? OnlineServices) Fixed { get; init; }
        public Tally Total;

        /// <summary>The position in <see cref="Counted"/> of the first system with id <paramref name="systemId"/>, or -1.</summary>
        public int FirstCountedOf(string systemId) =>
            FirstCounted is null ? Graph.SystemPositionOf(systemId) : FirstCounted.TryGetValue(systemId, out var index) ? index : -1;
    }

    /// <summary>An owner of systems: its agency and place in the sector lines, looked up once, and its counts.</summary>
    internal struct Owner(Agency? agency, int node)
    {
        /// <summary>The agency of the id (<see cref="ArchitectureModel.GetAgency"/>), or <see langword="null"/>.</summary>
        public readonly Agency? Agency = agency;
        /// <summary>The agency's node in <see cref="ModelGraph.Sectors"/>, or −1.</summary>
        public readonly int Node = node;
        public Tally Tally;
    }

    /// <summary>A system counted for an owner: the first of its id, or a repeat of the id with another owner.</summary>
    internal readonly record struct Counted(InformationSystem System, int Owner, bool First);

    /// <summary>Whether the findings of rule <paramref name="code"/> count in the scorecard (<see cref="Complete"/> reads no other).</summary>
    public static bool CountsFindingsOf(string code) => code is RuleCodes.DuplicateBuild or RuleCodes.IsolatedSystem or RuleCodes.UnsharedResource or RuleCodes.BuiltButUnused;

    /// <summary>What the scorecard needs of the rule with code <paramref name="code"/>: its findings counted, and for
    /// AM1001 the avoidable cost computed from its findings as soon as it is done.</summary>
    public static RuleNeeds NeedsOf(string code) =>
        (CountsFindingsOf(code) ? RuleNeeds.CountedByScorecard : RuleNeeds.None)
        | (code == RuleCodes.DuplicateBuild ? RuleNeeds.AvoidableCost : RuleNeeds.None);

    /// <summary>The metrics whose values come from the findings of rule <paramref name="code"/> (none for a rule not counted).</summary>
    public static IReadOnlyList<string> MetricsFrom(string code) => code switch
    {
        RuleCodes.DuplicateBuild => [MetricNames.DuplicateRate, MetricNames.AvoidableAnnualCost],
        RuleCodes.IsolatedSystem => [MetricNames.IsolationRate],
        RuleCodes.BuiltButUnused => [MetricNames.ZombieRate],
        RuleCodes.UnsharedResource => [MetricNames.SharingRate],
        _ => [],
    };

    /// <summary>
    /// The scorecard with no value for <paramref name="unknown"/> metrics (model-wide, per agency, and their targets, which
    /// are then neither met nor missed): what is known when a rule the scorecard counts failed.
    /// </summary>
    public static MetricsReport WithoutValues(MetricsReport report, IReadOnlySet<string> unknown)
    {
        if (unknown.Count == 0)
        {
            return report;
        }
        var model = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (metric, value) in report.Model)
        {
            model[metric] = unknown.Contains(metric) ? null : value;
        }
        var agencies = new SortedDictionary<string, IReadOnlyDictionary<string, double?>>(StringComparer.Ordinal);
        foreach (var (agency, metrics) in report.Agencies)
        {
            var values = new SortedDictionary<string, double?>(StringComparer.Ordinal);
            foreach (var (metric, value) in metrics)
            {
                values[metric] = unknown.Contains(metric) ? null : value;
            }
            agencies[agency] = values;
        }
        var targets = report.Targets.Select(t => unknown.Contains(t.Metric) ? t with { Actual = null, Met = null } : t).ToArray();
        return new MetricsReport(model, agencies, targets) { DuplicatesWithoutCost = report.DuplicatesWithoutCost };
    }

    /// <summary>Counts what needs no finding: one pass over systems and flows.</summary>
    public static Prepared Prepare(ModelGraph graph, CancellationToken cancellationToken)
    {
        var model = graph.Model;
        // One pass over systems and flows: each adds its counts to the model's tally and to its owners'
        // (a national model has 130,000 agencies; counting per agency from the look-ups would touch every
        // flow several times). Owners are numbered as they are met, each looked up once: a flow reaches its
        // ends' owners, their agencies and superiors by position. The counts that depend on findings are
        // added by Complete.
        var counted = new List<Counted>(model.Systems.Count);
        var total = new Tally();
        // Owners are agencies (validation reports any other): room for them all, made once.
        var owners = new List<Owner>(model.Agencies.Count);
        var ownerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        // With distinct ids a system's position in Counted is its position in the graph's systems by id (below), which
        // the graph looks ids up by: no map of a million ids made here.
        var countedById = model.HasDistinctIds;
        var firstCounted = countedById ? null : new Dictionary<string, int>(model.Systems.Count, StringComparer.Ordinal);
        // A repeated system id (reported by validation) with other owners than the first: counted once for each.
        var moreCounted = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        // With distinct ids each system is counted once, in id order: its position in Counted is then its position in
        // the graph's systems by id, by which the built-in rules name systems (SystemIdList).
        foreach (var system in countedById ? graph.SystemsById : model.Systems)
        {
            ref var ownerAt = ref CollectionsMarshal.GetValueRefOrAddDefault(ownerIndex, system.Owner, out var known);
            if (!known)
            {
                ownerAt = owners.Count;
                owners.Add(new Owner(model.GetAgency(system.Owner), graph.Sectors.NodeOf(system.Owner)));
            }
            var owner = ownerAt;
            var first = firstCounted?.TryAdd(system.Id, counted.Count) ?? true;
            var firstForOwner = first;
            if (!first && counted[firstCounted![system.Id]].Owner != owner)
            {
                if (!moreCounted.TryGetValue(system.Id, out var more))
                {
                    moreCounted[system.Id] = more = [];
                }
                if (!CountsFor(more, counted, owner))
                {
                    more.Add(counted.Count);
                    firstForOwner = true;
                }
            }
            if (!firstForOwner)
            {
                continue;
            }
            var counts = Count(model, system);
            counted.Add(new Counted(system, owner, first));
            if (first)
            {
                total.Add(counts);
            }
            CollectionsMarshal.AsSpan(owners)[owner].Tally.Add(counts);
        }
        // Each flow id once (its first flow); no set of a million ids needed when no id repeats.
        var flowIds = model.HasDistinctIds ? null : new HashSet<string>(model.Flows.Count, StringComparer.Ordinal);
        var touched = new List<int>(4);
        var ownerSpan = CollectionsMarshal.AsSpan(owners);
        if (firstCounted is null)
        {
            // The owners of the systems at both ends, by the positions the graph found (OwnerOf gives the same in a
            // model whose ids are distinct).
            var flows = graph.FlowsById;
            var ends = graph.FlowEnds;
            for (var i = 0; i < flows.Count; i++)
            {
                AddFlow(flows[i], ends.From[i] >= 0 ? counted[ends.From[i]].Owner : -1, ends.To[i] >= 0 ? counted[ends.To[i]].Owner : -1, ownerSpan);
            }
        }
        else
        {
            foreach (var flow in model.Flows)
            {
                if (flowIds is not null && !flowIds.Add(flow.Id))
                {
                    continue;
                }
                // The owners of the first systems of both ends, each looked up once (OwnerOf gives the same in a model
                // whose ids are unique across kinds, as validation requires).
                var from = flow.From is not null && firstCounted.TryGetValue(flow.From, out var f) ? counted[f].Owner : -1;
                var to = flow.To is not null && firstCounted.TryGetValue(flow.To, out var t) ? counted[t].Owner : -1;
                AddFlow(flow, from, to, ownerSpan);
            }
        }

        // The owners as a span, handed over: a local function cannot capture one.
        void AddFlow(Flow flow, int from, int to, Span<Owner> ownerSpan)
        {
            var counts = Count(graph, flow, ownerSpan, from, to);
            total.Add(counts);
            // The agencies owning a system at either end, each once.
            touched.Clear();
            AddOwners(touched, flow.From, from, counted, moreCounted);
            AddOwners(touched, flow.To, to, counted, moreCounted);
            foreach (var owner in touched)
            {
                ownerSpan[owner].Tally.Add(counts);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        // What needs no finding either, made here beside the rules rather than after the last of them.
        var unconditional = model.EachIdOnce(model.DataResources.Where(static r => r.Sharing == SharingLevel.Unconditional)).ToArray();
        var services = model.EachIdOnce(model.Services).ToArray();
        return new Prepared
        {
            Graph = graph, Owners = owners, OwnerIndex = ownerIndex, Counted = counted, FirstCounted = firstCounted,
            MoreCounted = moreCounted, Total = total, CountedById = countedById,
            Agencies = AgenciesOwning(model, ownerIndex, owners.Count),
            Shareable = [.. model.EachIdOnce(model.DataResources.Where(static r => r.Sharing != SharingLevel.None)).Select(static r => r.Id)],
            Fixed = (Ratio(unconditional.Count(static r => r.Open), unconditional.Length), Ratio(services.Count(static s => s.IsOnline), services.Length)),
        };
    }

    /// <summary>Adds the counts that depend on findings (unsuppressed ones only) and computes every metric.</summary>
    /// <param name="prepared">The counts that need no finding.</param>
    /// <param name="findings">The findings of the rules the scorecard counts (<see cref="CountsFindingsOf"/>).</param>
    /// <param name="avoidable">The <see cref="Avoidable"/> cost of these findings when already computed.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    public static MetricsReport Complete(Prepared prepared, IReadOnlyList<Finding> findings, AvoidableCost? avoidable, CancellationToken cancellationToken)
    {
        var model = prepared.Graph.Model;
        var total = prepared.Total;
        // One pass over the findings: a national model has a quarter of a million, and only four rules' count here.
        var unshared = new HashSet<string>(StringComparer.Ordinal);
        var marks = new Found[prepared.Counted.Count];
        var affected = new List<int>();
        foreach (var finding in findings)
        {
            if (finding.Suppressed)
            {
                continue;
            }
            var found = finding.Rule switch
            {
                RuleCodes.DuplicateBuild => Found.Duplicate,
                RuleCodes.IsolatedSystem => Found.Isolated,
                RuleCodes.BuiltButUnused => Found.Zombie,
                _ => Found.None,
            };
            if (finding.Rule == RuleCodes.UnsharedResource)
            {
                unshared.UnionWith(finding.Elements);
            }
            if (found == Found.None)
            {
                continue;
            }
            // Only the systems these findings name gain a count: marked by position (every position of a repeated
            // id) rather than by testing each of a million systems against sets of ids; the built-in rules' findings
            // carry the positions.
            if (prepared.CountedById && finding.Elements is SystemIdList list && ReferenceEquals(list.Systems, prepared.Graph.SystemsById))
            {
                foreach (var at in list.Positions)
                {
                    Mark(at);
                }
                continue;
            }
            for (var e = 0; e < finding.Elements.Count; e++)
            {
                if (prepared.FirstCountedOf(finding.Elements[e]) is var index and >= 0)
                {
                    Mark(index);
                    if (prepared.MoreCounted.Count > 0)
                    {
                        foreach (var more in prepared.MoreCounted.GetValueOrDefault(finding.Elements[e]) ?? [])
                        {
                            Mark(more);
                        }
                    }
                }
            }

            void Mark(int index)
            {
                if (marks[index] == Found.None)
                {
                    affected.Add(index);
                }
                marks[index] |= found;
            }
        }
        // The avoidable cost needs only the duplicate findings: unless the analyser computed it as soon as they were
        // found, it runs beside the rest, which is one chain.
        var result = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        Parallel.Invoke(
            new ParallelOptions { CancellationToken = cancellationToken },
            () => avoidable ??= Avoidable(model, findings),
            () =>
            {
                var owners = CollectionsMarshal.AsSpan(prepared.Owners);
                foreach (var index in affected)
                {
                    var (system, owner, first) = prepared.Counted[index];
                    var found = new Tally
                    {
                        Duplicates = system.IsActive && marks[index].HasFlag(Found.Duplicate) ? 1 : 0,
                        Isolated = marks[index].HasFlag(Found.Isolated) ? 1 : 0,
                        Zombies = marks[index].HasFlag(Found.Zombie) ? 1 : 0,
                    };
                    if (first)
                    {
                        total.Add(found);
                    }
                    owners[owner].Tally.Add(found);
                }
                total.WriteTo(result);
                var shared = 0;
                foreach (var id in prepared.Shareable)
                {
                    shared += unshared.Contains(id) ? 0 : 1;
                }
                result[MetricNames.SharingRate] = Ratio(shared, prepared.Shareable.Length);
                (result[MetricNames.OpenDataRate], result[MetricNames.OnlineServiceRate]) = prepared.Fixed;
            });
        result[MetricNames.AvoidableAnnualCost] = avoidable!.Value.Total;
        var (agencyIds, agencyOwners) = prepared.Agencies;
        var tallies = new Tally[agencyIds.Length];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = prepared.Owners[agencyOwners[i]].Tally;
        }
        var agencies = new AgencyMetrics(agencyIds, tallies);

        var targets = new List<TargetResult>();
        foreach (var (metric, target) in model.Targets.OrderBy(static t => t.Key, StringComparer.Ordinal))
        {
            if (!MetricNames.IsKnown(metric))
            {
                continue;
            }
            var actual = result[metric];
            var direction = MetricsReport.DirectionOf(metric);
            bool? met = actual is not { } a ? null : direction == MetricDirection.Higher ? a >= target : a <= target;
            targets.Add(new TargetResult(metric, target, actual, met, direction));
        }
        return new MetricsReport(result, agencies, targets) { DuplicatesWithoutCost = avoidable.Value.SystemsWithoutCost };
    }

    /// <summary>The agencies owning at least one system, in ordinal id order, and the position in the owners of each.</summary>
    private static (string[] Ids, int[] Owners) AgenciesOwning(ArchitectureModel model, Dictionary<string, int> ownerIndex, int ownerCount)
    {
        // The agencies that own a system, each once, found by their owner numbers.
        var ids = new List<string>();
        var slots = new List<int>();
        var seen = new bool[ownerCount];
        foreach (var agency in model.Agencies)
        {
            if (agency.Id is not null && ownerIndex.TryGetValue(agency.Id, out var slot) && !seen[slot])
            {
                seen[slot] = true;
                ids.Add(agency.Id);
                slots.Add(slot);
            }
        }
        var keys = ids.ToArray();
        var owners = slots.ToArray();
        OrdinalSort.Sort(keys, owners);
        return (keys, owners);
    }

    /// <summary>What one system adds to the counts of the system metrics that need no finding.</summary>
    private static Tally Count(ArchitectureModel model, InformationSystem s)
    {
        var t = new Tally();
        if (s.Status == SystemStatus.Operational && s.Usage?.MonthlyActiveUsers is not null)
        {
            t.Known = 1;
        }
        if (!s.IsActive)
        {
            return t;
        }
        t.Active = 1;
        t.Silo = s.Standalone ? 0 : 1;
        bool onNetwork = false, unified = false;
        for (var i = 0; i < s.Networks.Count; i++)
        {
            if (model.GetNetwork(s.Networks[i]) is { } network)
            {
                onNetwork = true;
                unified |= network.IsUnified;
            }
        }
        t.OnNetwork = onNetwork ? 1 : 0;
        t.OnUnifiedNetwork = unified ? 1 : 0;
        if (model.GetPlatform(s.Hosting) is { } platform)
        {
            t.Hosted = 1;
            t.OnCloud = platform.Shared ? 1 : 0;
        }
        for (var i = 0; i < s.Components.Count; i++)
        {
            var origin = s.Components[i].Origin;
            if (origin != ComponentOrigin.Unknown)
            {
                t.Components++;
                t.Domestic += origin == ComponentOrigin.Domestic ? 1 : 0;
            }
        }
        return t;
    }

    /// <summary>Whether one of the other positions of a repeated id is counted for <paramref name="owner"/> (a loop, not a
    /// lambda: a lambda's captured owner would be allocated for every system).</summary>
    private static bool CountsFor(List<int> more, List<Counted> counted, int owner)
    {
        foreach (var k in more)
        {
            if (counted[k].Owner == owner)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Touches the owner of an end's first system and the other owners of its id.</summary>
    private static void AddOwners(List<int> touched, string? end, int owner, List<Counted> counted, Dictionary<string, List<int>> moreCounted)
    {
        if (owner < 0)
        {
            return;
        }
        Touch(touched, owner);
        if (moreCounted.Count > 0)
        {
            foreach (var k in moreCounted.GetValueOrDefault(end!) ?? [])
            {
                Touch(touched, counted[k].Owner);
            }
        }
    }

    /// <summary>What one flow adds to the counts of the flow metrics, given the owners of its ends' systems (OwnerOf), or -1.</summary>
    private static Tally Count(ModelGraph graph, Flow flow, ReadOnlySpan<Owner> owners, int fromOwner, int toOwner)
    {
        var t = new Tally();
        if (flow.IsActive)
        {
            t.ActiveFlows = 1;
            // IsCrossAgency and IsHorizontal.
            if (fromOwner >= 0 && toOwner >= 0 && fromOwner != toOwner)
            {
                t.CrossFlows = 1;
                ref readonly var a = ref owners[fromOwner];
                ref readonly var b = ref owners[toOwner];
                t.HorizontalFlows = graph.Model.ShareSectorLine(a.Agency, a.Node, b.Agency, b.Node) ? 0 : 1;
            }
        }
        return t;
    }

    private static void Touch(List<int> touched, int owner)
    {
        if (!touched.Contains(owner))
        {
            touched.Add(owner);
        }
    }

    /// <summary>The numerators and denominators of the system and flow metrics, for the model or one agency.</summary>
    internal struct Tally
    {
        public int Active, Duplicates, Silo, Isolated, Known, Zombies, OnNetwork, OnUnifiedNetwork, Hosted, OnCloud, Components, Domestic;
        public int ActiveFlows, CrossFlows, HorizontalFlows;

        public void Add(in Tally t)
        {
            Active += t.Active;
            Duplicates += t.Duplicates;
            Silo += t.Silo;
            Isolated += t.Isolated;
            Known += t.Known;
            Zombies += t.Zombies;
            OnNetwork += t.OnNetwork;
            OnUnifiedNetwork += t.OnUnifiedNetwork;
            Hosted += t.Hosted;
            OnCloud += t.OnCloud;
            Components += t.Components;
            Domestic += t.Domestic;
            ActiveFlows += t.ActiveFlows;
            CrossFlows += t.CrossFlows;
            HorizontalFlows += t.HorizontalFlows;
        }

        public readonly void WriteTo(IDictionary<string, double?> into)
        {
            foreach (var metric in MetricsReport.PerAgencyMetrics)
            {
                into[metric] = Value(metric);
            }
        }

        /// <summary>The per-agency metrics, as a small read-only map in ordinal key order.</summary>
        public readonly IReadOnlyDictionary<string, double?> ToMetrics()
        {
            var ordered = new double?[PerAgencyKeys.Length];
            for (var i = 0; i < ordered.Length; i++)
            {
                ordered[i] = Value(PerAgencyKeys[i]);
            }
            return new OrdinalMap<double?>(PerAgencyKeys, ordered);
        }

        /// <summary>One per-agency metric; the same values <see cref="WriteTo"/> writes.</summary>
        private readonly double? Value(string metric) => metric switch
        {
            MetricNames.DuplicateRate => Ratio(Duplicates, Active),
            MetricNames.IsolationRate => Ratio(Isolated, Silo),
            MetricNames.ZombieRate => Ratio(Zombies, Known),
            MetricNames.CrossAgencyFlowShare => Ratio(CrossFlows, ActiveFlows),
            MetricNames.HorizontalFlowShare => Ratio(HorizontalFlows, CrossFlows),
            MetricNames.UnifiedNetworkRate => Ratio(OnUnifiedNetwork, OnNetwork),
            MetricNames.CloudRate => Ratio(OnCloud, Hosted),
            MetricNames.DomesticRate => Ratio(Domestic, Components),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
        };
    }

    /// <summary>The keys of every agency's metrics: the per-agency metrics in ordinal order.</summary>
    private static readonly string[] PerAgencyKeys = [.. MetricsReport.PerAgencyMetrics.Order(StringComparer.Ordinal)];

    /// <summary>
    /// A read-only map over keys in ordinal order and their values: two arrays, looked up by binary search. The
    /// metrics of an agency (130,000 agencies in a national model) are one of these, sharing their keys with every
    /// other agency's.
    /// </summary>
    private sealed class OrdinalMap<TValue>(string[] keys, TValue[] values) : IReadOnlyDictionary<string, TValue>
    {
        public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        // Read-only views: the arrays are shared (every agency's metrics have the same keys).
        public IEnumerable<string> Keys => keys.AsReadOnly();

        public IEnumerable<TValue> Values => values.AsReadOnly();

        public int Count => keys.Length;

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
        {
            var i = IndexOf(key);
            value = i >= 0 ? values[i] : default;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
        {
            for (var i = 0; i < keys.Length; i++)
            {
                yield return new(keys[i], values[i]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private int IndexOf(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            return Array.BinarySearch(keys, key, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The metrics of each agency owning a system, by agency id in ordinal order: each agency's map is made from its
    /// counts when first read. A national model has over a hundred thousand such agencies, and a command that shows
    /// no agency's metrics (the text of <c>archmodel analyze</c>) should not make a map for each of them.
    /// </summary>
    /// <remarks>Thread-safe: two threads reading one agency at once may each make its map; one of them is kept.</remarks>
    private sealed class AgencyMetrics(string[] ids, Tally[] tallies) : IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>>
    {
        private readonly IReadOnlyDictionary<string, double?>?[] _made = new IReadOnlyDictionary<string, double?>?[ids.Length];

        public IReadOnlyDictionary<string, double?> this[string key] =>
            TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => ids.AsReadOnly();

        public IEnumerable<IReadOnlyDictionary<string, double?>> Values
        {
            get
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    yield return At(i);
                }
            }
        }

        public int Count => ids.Length;

        public bool ContainsKey(string key) => IndexOf(key) >= 0;

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyDictionary<string, double?> value)
        {
            var i = IndexOf(key);
            value = i >= 0 ? At(i) : null;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyDictionary<string, double?>>> GetEnumerator()
        {
            for (var i = 0; i < ids.Length; i++)
            {
                yield return new(ids[i], At(i));
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private IReadOnlyDictionary<string, double?> At(int i) =>
            Volatile.Read(ref _made[i]) ?? Interlocked.CompareExchange(ref _made[i], tallies[i].ToMetrics(), null) ?? _made[i]!;

        private int IndexOf(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            return Array.BinarySearch(ids, key, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The annual operation cost consolidation would save (rules.md v2): first over each connected group of systems
    /// linked by the horizontal and shared-use AM1001 findings, its total minus its largest member's; then over the
    /// systems in none of those, each connected group of ≥ 2 linked by the vertical findings, the same. A system is
    /// counted once, in its government or agency before its sector line; a missing cost counts as 0; the
    /// systems without one are counted too.
    /// </summary>
    /// <remarks>
    /// Each system is numbered once, as first met, and every finding's members are kept as those numbers: a national
    /// model's duplicate findings name a million systems, and sorting or hashing their ids, even once, was most of
    /// the scorecard's time.
    /// </remarks>
    internal static AvoidableCost Avoidable(ArchitectureModel model, IEnumerable<Finding> findings)
    {
        var duplicates = findings.Where(static f => !f.Suppressed && f.Rule == RuleCodes.DuplicateBuild).ToList();
        // The built-in rule names systems by their positions in the graph (SystemIdList): numbered through an array
        // over those positions; otherwise by id, each looked up once.
        var systems = duplicates.Count > 0 && duplicates[0].Elements is SystemIdList named
            && duplicates.TrueForAll(f => f.Elements is SystemIdList list && ReferenceEquals(list.Systems, named.Systems))
            ? named.Systems : null;
        var numberAt = systems is null ? null : new int[systems.Count];
        var position = systems is null ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        var costs = new List<double>();
        var withoutCost = 0;
        // Every member of every finding as its number, the findings one after another (each ends where its end
        // says): the horizontal and shared-use ones in one list, the vertical ones in another, as they are counted.
        var members = new List<int>();
        var vertical = new List<int>();
        var groupEnds = new List<int>();
        var verticalEnds = new List<int>();
        foreach (var finding in duplicates)
        {
            var (list, ends) = IsVertical(finding) ? (vertical, verticalEnds) : (members, groupEnds);
            if (numberAt is not null)
            {
                foreach (var at in ((SystemIdList)finding.Elements).Positions)
                {
                    // A number + 1, so that the array's zeros mean "not met yet".
                    ref var number = ref numberAt[at];
                    if (number == 0)
                    {
                        number = costs.Count + 1;
                        Add(systems![at]);
                    }
                    list.Add(number - 1);
                }
            }
            else
            {
                foreach (var id in finding.Elements)
                {
                    ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(position!, id, out var known);
                    if (!known)
                    {
                        number = costs.Count;
                        Add(model.GetSystem(id));
                    }
                    list.Add(number);
                }
            }
            ends.Add(list.Count);
        }
        // First within governments and shared use; then, along sector lines, among the systems neither counted.
        var local = new IndexSets(costs.Count);
        var counted = new bool[costs.Count];
        var start = 0;
        foreach (var end in groupEnds)
        {
            for (var i = start; i < end; i++)
            {
                counted[members[i]] = true;
                local.Union(members[start], members[i]);
            }
            start = end;
        }
        var line = new IndexSets(costs.Count);
        start = 0;
        foreach (var end in verticalEnds)
        {
            var first = -1;
            for (var i = start; i < end; i++)
            {
                var p = vertical[i];
                if (counted[p]) continue;
                if (first < 0) first = p;
                else line.Union(first, p);
            }
            start = end;
        }
        // Each group's saving from its costs in ascending order, and the total from the savings in ascending order:
        // the sum is then the same whatever order the findings came in.
        var savings = new List<double>();
        var groupCosts = new List<double>();
        foreach (var group in local.Groups(2).Concat(line.Groups(2)))
        {
            groupCosts.Clear();
            foreach (var i in group)
            {
                groupCosts.Add(costs[i]);
            }
            groupCosts.Sort();
            var sum = 0.0;
            for (var i = 0; i < groupCosts.Count - 1; i++)
            {
                sum += groupCosts[i];
            }
            savings.Add(sum);
        }
        savings.Sort();
        var total = 0.0;
        foreach (var saving in savings)
        {
            total += saving;
        }
        return new AvoidableCost(total, withoutCost);

        void Add(InformationSystem? system)
        {
            if (system is not null && system.Cost?.AnnualOperation is null)
            {
                withoutCost++;
            }
            costs.Add(system?.Cost?.AnnualOperation ?? 0);
        }

        static bool IsVertical(Finding f) => f.Evidence.TryGetValue(EvidenceKeys.DuplicateBuild.Kind, out var kind) && kind is OverlapKinds.Vertical;
    }

    /// <summary>What consolidating the duplicate builds would save a year, and how many of their systems have no cost to count.</summary>
    internal readonly record struct AvoidableCost(double Total, int SystemsWithoutCost);

    /// <summary>What the findings say of one counted system.</summary>
    [Flags]
    private enum Found : byte
    {
        None = 0,
        Duplicate = 1,
        Isolated = 2,
        Zombie = 4,
    }

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
