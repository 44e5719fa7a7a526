using ArchModel.Graph;
using ArchModel.Model;
using QuikGraph.Collections;

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
    public static MetricsReport Compute(ModelGraph graph, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var model = graph.Model;
        var active = findings.Where(static f => !f.Suppressed).ToArray();
        var inDuplicate = Ids(active, "AM1001");
        var isolated = Ids(active, "AM2001");
        var zombies = Ids(active, "AM3001");
        var unshared = Ids(active, "AM2005");

        var systems = model.Systems.DistinctBy(static s => s.Id).ToArray();
        var flows = model.Flows.DistinctBy(static f => f.Id).ToArray();

        var result = new SortedDictionary<string, double?>(StringComparer.Ordinal);
        SystemAndFlowMetrics(graph, systems, flows, inDuplicate, isolated, zombies, result);

        var shareable = model.DataResources.Where(static r => r.Sharing != SharingLevel.None).DistinctBy(static r => r.Id).ToArray();
        result[MetricNames.SharingRate] = Ratio(shareable.Count(r => !unshared.Contains(r.Id)), shareable.Length);
        var unconditional = model.DataResources.Where(static r => r.Sharing == SharingLevel.Unconditional).DistinctBy(static r => r.Id).ToArray();
        result[MetricNames.OpenDataRate] = Ratio(unconditional.Count(static r => r.Open), unconditional.Length);
        var services = model.Services.DistinctBy(static s => s.Id).ToArray();
        result[MetricNames.OnlineServiceRate] = Ratio(services.Count(static s => s.IsOnline), services.Length);
        result[MetricNames.AvoidableAnnualCost] = AvoidableAnnualCost(model, active);

        var agencies = new SortedDictionary<string, IReadOnlyDictionary<string, double?>>(StringComparer.Ordinal);
        foreach (var agency in model.Agencies.DistinctBy(static a => a.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owned = model.SystemsOwnedBy(agency.Id).DistinctBy(static s => s.Id).ToArray();
            if (owned.Length == 0)
            {
                continue;
            }
            var touching = owned.SelectMany(s => model.FlowsFrom(s.Id).Concat(model.FlowsTo(s.Id)))
                .DistinctBy(static f => f.Id).ToArray();
            var values = new SortedDictionary<string, double?>(StringComparer.Ordinal);
            SystemAndFlowMetrics(graph, owned, touching, inDuplicate, isolated, zombies, values);
            agencies[agency.Id] = values;
        }

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
        return new MetricsReport(result, agencies, targets);
    }

    private static void SystemAndFlowMetrics(
        ModelGraph graph, IReadOnlyList<InformationSystem> systems, IReadOnlyList<Flow> flows,
        HashSet<string> inDuplicate, HashSet<string> isolated, HashSet<string> zombies, IDictionary<string, double?> into)
    {
        var model = graph.Model;
        var activeSystems = systems.Where(static s => s.IsActive).ToArray();
        into[MetricNames.DuplicateRate] = Ratio(activeSystems.Count(s => inDuplicate.Contains(s.Id)), activeSystems.Length);

        var silo = activeSystems.Count(static s => !s.Standalone);
        into[MetricNames.IsolationRate] = Ratio(systems.Count(s => isolated.Contains(s.Id)), silo);

        var known = systems.Count(static s => s.Status == SystemStatus.Operational && s.Usage?.MonthlyActiveUsers is not null);
        into[MetricNames.ZombieRate] = Ratio(systems.Count(s => zombies.Contains(s.Id)), known);

        var activeFlows = flows.Where(static f => f.IsActive).ToArray();
        var cross = activeFlows.Where(graph.IsCrossAgency).ToArray();
        into[MetricNames.CrossAgencyFlowShare] = Ratio(cross.Length, activeFlows.Length);
        into[MetricNames.HorizontalFlowShare] = Ratio(cross.Count(graph.IsHorizontal), cross.Length);

        var onNetwork = activeSystems.Where(s => s.Networks.Any(n => model.GetNetwork(n) is not null)).ToArray();
        into[MetricNames.UnifiedNetworkRate] = Ratio(
            onNetwork.Count(s => s.Networks.Any(n => model.GetNetwork(n) is { IsUnified: true })), onNetwork.Length);

        var hosted = activeSystems.Where(s => model.GetPlatform(s.Hosting) is not null).ToArray();
        into[MetricNames.CloudRate] = Ratio(hosted.Count(s => model.GetPlatform(s.Hosting) is { Shared: true }), hosted.Length);

        var components = activeSystems.SelectMany(static s => s.Components).Where(static c => c.Origin != ComponentOrigin.Unknown).ToArray();
        into[MetricNames.DomesticRate] = Ratio(components.Count(static c => c.Origin == ComponentOrigin.Domestic), components.Length);
    }

    /// <summary>Over each connected group of systems linked by AM1001 findings: total annual operation cost minus the largest member's.</summary>
    private static double AvoidableAnnualCost(ArchitectureModel model, IReadOnlyList<Finding> active)
    {
        var sets = new ForestDisjointSet<string>();
        foreach (var finding in active.Where(static f => f.Rule == "AM1001"))
        {
            foreach (var id in finding.Elements)
            {
                if (!sets.Contains(id))
                {
                    sets.MakeSet(id);
                }
            }
            for (var i = 1; i < finding.Elements.Count; i++)
            {
                sets.Union(finding.Elements[0], finding.Elements[i]);
            }
        }
        var ids = active.Where(static f => f.Rule == "AM1001").SelectMany(static f => f.Elements).Distinct(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var group in ModelGraph.Group(ids, sets))
        {
            var costs = group.Select(id => model.GetSystem(id)?.Cost?.AnnualOperation ?? 0).ToArray();
            total += costs.Sum() - costs.Max();
        }
        return total;
    }

    private static HashSet<string> Ids(IEnumerable<Finding> findings, string rule) =>
        new(findings.Where(f => f.Rule == rule).SelectMany(static f => f.Elements), StringComparer.Ordinal);

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
