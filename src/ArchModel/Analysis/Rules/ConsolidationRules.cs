using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using static ArchModel.Analysis.Rules.RuleSupport;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// AM5001 dedicated network to migrate: a <c>dedicated</c> network when a unified network of the same
/// classification exists; the target is a directly linked one first, else the ordinally smallest.
/// </summary>
public sealed class DedicatedNetworkRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public DedicatedNetworkRule() : base(RuleCodes.DedicatedNetwork, DiagnosticSeverity.Info)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var networks = model.Networks.DistinctBy(static n => n.Id).OrderBy(static n => n.Id, StringComparer.Ordinal).ToArray();
        var unified = networks.Where(static n => n.IsUnified).ToArray();
        foreach (var network in networks.Where(static n => n.NetworkKind == NetworkKind.Dedicated))
        {
            var candidates = unified.Where(u => u.IsClassified == network.IsClassified).ToArray();
            if (candidates.Length == 0)
            {
                continue;
            }
            var linked = new HashSet<string>(model.LinksOf(network.Id).Select(static l => l.Network.Id), StringComparer.Ordinal);
            var target = candidates.FirstOrDefault(c => linked.Contains(c.Id)) ?? candidates[0];
            var systems = Sorted(model.SystemsOn(network.Id).Where(static s => s.IsActive).Select(static s => s.Id));
            context.Report([network.Id],
                LocalizedText.Compose((network, target, systems), static (state, language) =>
                {
                    var (network, target, systems) = state;
                    return Texts.Format("rule-message.AM5001", language, network.Name, target.Name, systems.Length);
                }),
                [
                    new(EvidenceKeys.DedicatedNetwork.Target, target.Id),
                    new(EvidenceKeys.DedicatedNetwork.TargetLinked, linked.Contains(target.Id)),
                    new(EvidenceKeys.DedicatedNetwork.Classified, network.IsClassified),
                    new(EvidenceKeys.DedicatedNetwork.SystemsToMove, systems),
                ]);
        }
    }
}

/// <summary>
/// AM5002 cloud migration candidate: an active system hosted on a non-shared platform when a shared platform
/// exists whose owner is in the system owner's jurisdiction, or whose <c>region</c> equals the owner's region.
/// </summary>
public sealed class CloudMigrationRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public CloudMigrationRule() : base(RuleCodes.CloudMigration, DiagnosticSeverity.Info)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var graph = context.Graph;
        var shared = model.Platforms.Where(static p => p.Shared).DistinctBy(static p => p.Id)
            .OrderBy(static p => p.Id, StringComparer.Ordinal).ToArray();
        var byJurisdiction = new Dictionary<Jurisdiction, string>();
        var byRegion = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var platform in shared)
        {
            if (graph.JurisdictionOf(platform.Owner) is { } j) byJurisdiction.TryAdd(j, platform.Id);
            if (!string.IsNullOrEmpty(platform.Region)) byRegion.TryAdd(platform.Region, platform.Id);
        }
        foreach (var system in context.Graph.SystemsById)
        {
            if (!system.IsActive || model.GetPlatform(system.Hosting) is not { Shared: false } current || model.GetAgency(system.Owner) is not { } owner)
            {
                continue;
            }
            string? target = null;
            if (owner.Jurisdiction is { } j && byJurisdiction.TryGetValue(j, out var t1)) target = t1;
            if (!string.IsNullOrEmpty(owner.Region) && byRegion.TryGetValue(owner.Region, out var t2)
                && (target is null || string.CompareOrdinal(t2, target) < 0))
            {
                target = t2;
            }
            if (target is null)
            {
                continue;
            }
            var targetName = Name(model, target);
            context.Report([system.Id],
                LocalizedText.Compose((system, current, targetName, target), static (state, language) =>
                {
                    var (system, current, targetName, target) = state;
                    return Texts.Format("rule-message.AM5002", language, system.Name, current.Name, targetName);
                }),
                [
                    new(EvidenceKeys.CloudMigration.Target, target),
                    new(EvidenceKeys.CloudMigration.CurrentPlatform, current.Id),
                    new(EvidenceKeys.CloudMigration.AnnualOperation, system.Cost?.AnnualOperation),
                ]);
        }
    }
}
