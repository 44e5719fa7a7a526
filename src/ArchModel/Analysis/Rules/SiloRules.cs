using System.Runtime.InteropServices;
using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Localization;
using ArchModel.Model;
using static ArchModel.Analysis.Rules.RuleSupport;

namespace ArchModel.Analysis.Rules;

/// <summary>AM2001 isolated system: an active, non-standalone system with no flow in or out (silo flows only).</summary>
public sealed class IsolatedSystemRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public IsolatedSystemRule() : base(RuleCodes.IsolatedSystem, DiagnosticSeverity.Warning)
    {
    }

    internal override bool UsesSiloViews => true;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var graph = context.Graph;
        var systems = graph.SiloSystems;
        // By position when the model's ids are distinct: a national model has a quarter of a million isolated systems.
        var positions = graph.SiloSystemPositions;
        for (var i = 0; i < systems.Count; i++)
        {
            if (graph.HasSiloFlowAt(i))
            {
                continue;
            }
            var system = systems[i];
            context.ReportSystems(systems, positions, [i],
                LocalizedText.Compose(system, static (system, language) => Texts.Format("rule-message.AM2001", language, system.Name)),
                [new(EvidenceKeys.IsolatedSystem.Owner, system.Owner), new(EvidenceKeys.IsolatedSystem.Status, JsonNames.Of(system.Status))]);
        }
    }
}

/// <summary>AM2002 island: every undirected component of ≥ 2 silo systems other than the main one (largest; tie: holding the smallest id).</summary>
public sealed class IslandRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public IslandRule() : base(RuleCodes.Island, DiagnosticSeverity.Warning)
    {
    }

    internal override bool UsesSiloViews => true;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var graph = context.Graph;
        var components = graph.SystemComponents;
        if (components.Count == 0)
        {
            return;
        }
        // Components are sorted by their smallest id, so the first of the largest holds the smallest id among them.
        // Sizes are read without making each component's list: most are isolated systems.
        var main = 0;
        for (var i = 1; i < components.Count; i++)
        {
            if (graph.ComponentSize(i) > graph.ComponentSize(main)) main = i;
        }
        var mainSize = graph.ComponentSize(main);
        for (var i = 0; i < components.Count; i++)
        {
            if (i == main || graph.ComponentSize(i) < 2)
            {
                continue;
            }
            var members = components[i];
            var owners = Sorted(members.Select(id => context.Model.GetSystem(id)!.Owner));
            context.Report(members,
                LocalizedText.Compose((members, mainSize), static (state, language) =>
                {
                    var (members, mainSize) = state;
                    return Texts.Format("rule-message.AM2002", language, members.Count, mainSize);
                }),
                [
                    new(EvidenceKeys.Island.ComponentSize, (long)members.Count),
                    new(EvidenceKeys.Island.MainComponentSize, (long)mainSize),
                    new(EvidenceKeys.Island.MainComponentFirst, components[main][0]),
                    new(EvidenceKeys.Island.Owners, owners),
                ]);
        }
    }
}

/// <summary>AM2003 closed agency: an agency owning ≥ 1 silo system and taking part in no cross-agency silo flow.</summary>
public sealed class ClosedAgencyRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public ClosedAgencyRule() : base(RuleCodes.ClosedAgency, DiagnosticSeverity.Warning)
    {
    }

    internal override bool UsesSiloViews => true;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var graph = context.Graph;
        var participating = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < graph.SiloFlows.Count; i++)
        {
            var (from, to) = graph.SiloFlowEnds(i);
            if (from.Owner != to.Owner)
            {
                participating.Add(from.Owner);
                participating.Add(to.Owner);
            }
        }
        // Only the systems of agencies in no cross-agency flow are grouped and sorted: in a connected landscape,
        // a few of a million.
        var closed = graph.SiloSystems.Where(s => !participating.Contains(s.Owner));
        foreach (var group in closed.GroupBy(static s => s.Owner).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            if (context.Model.GetAgency(group.Key) is not { } agency)
            {
                continue;
            }
            var count = group.Count();
            context.Report([agency.Id],
                LocalizedText.Compose((agency, count), static (state, language) =>
                {
                    var (agency, count) = state;
                    return Texts.Format("rule-message.AM2003", language, agency.Name, count);
                }),
                [new(EvidenceKeys.ClosedAgency.Systems, Sorted(group.Select(static s => s.Id)))]);
        }
    }
}

/// <summary>AM2004 stovepipe (纵强横弱): an agency in ≥ 1 vertical cross-agency silo flow and in no horizontal one.</summary>
public sealed class StovepipeRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public StovepipeRule() : base(RuleCodes.Stovepipe, DiagnosticSeverity.Warning)
    {
    }

    internal override bool UsesSiloViews => true;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var graph = context.Graph;
        var model = context.Model;
        // Each owner looked up once, by number: a national model's silo flows ask "same sector line?" a million times.
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        var owners = new List<Owner>();
        for (var i = 0; i < graph.SiloFlows.Count; i++)
        {
            var (from, to) = graph.SiloFlowEnds(i);
            if (from.Owner == to.Owner)
            {
                continue;
            }
            var a = Number(from.Owner);
            var b = Number(to.Owner);
            var span = CollectionsMarshal.AsSpan(owners);
            if (model.ShareSectorLine(span[a].Agency, span[a].Node, span[b].Agency, span[b].Node))
            {
                span[a].Vertical(b);
                span[b].Vertical(a);
            }
            else
            {
                span[a].Horizontal = true;
                span[b].Horizontal = true;
            }
        }
        var stovepipes = owners.FindAll(static o => o.Partners is not null && !o.Horizontal && o.Agency is not null);
        var ids = stovepipes.ConvertAll(static o => o.Id).ToArray();
        var ordered = stovepipes.ToArray();
        OrdinalSort.Sort(ids, ordered);
        foreach (var owner in ordered)
        {
            var (id, agency, partners) = (owner.Id, owner.Agency!, Sorted(owner.Partners!.Select(p => owners[p].Id)));
            var flows = owner.Flows;
            context.Report([id],
                LocalizedText.Compose((agency, flows), static (state, language) =>
                {
                    var (agency, flows) = state;
                    return Texts.Format("rule-message.AM2004", language, agency.Name, flows);
                }),
                [
                    new(EvidenceKeys.Stovepipe.VerticalFlows, flows),
                    new(EvidenceKeys.Stovepipe.VerticalPartners, partners),
                ]);
        }

        int Number(string id)
        {
            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(number, id, out var known);
            if (!known)
            {
                n = owners.Count;
                owners.Add(new Owner(id, model.GetAgency(id), graph.Sectors.NodeOf(id)));
            }
            return n;
        }
    }

    /// <summary>An agency at an end of a cross-agency flow: its vertical partners (by number) and flows, and whether it has a horizontal one.</summary>
    private struct Owner(string id, Agency? agency, int node)
    {
        public readonly string Id = id;
        public readonly Agency? Agency = agency;
        public readonly int Node = node;
        public List<int>? Partners;
        public long Flows;
        public bool Horizontal;

        public void Vertical(int partner)
        {
            (Partners ??= []).Add(partner);
            Flows++;
        }
    }
}

/// <summary>
/// AM2005 unshared resource: a data resource with <c>sharing</c> ≠ <c>none</c> carried by no silo flow whose
/// <c>to</c> system has an owner other than the resource's owner.
/// </summary>
public sealed class UnsharedResourceRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public UnsharedResourceRule() : base(RuleCodes.UnsharedResource, DiagnosticSeverity.Warning)
    {
    }

    internal override bool UsesSiloViews => true;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var graph = context.Graph;
        var shared = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < graph.SiloFlows.Count; i++)
        {
            var flow = graph.SiloFlows[i];
            var receiver = graph.SiloFlowEnds(i).To.Owner;
            for (var c = 0; c < flow.Carries.Count; c++)
            {
                if (context.Model.GetDataResource(flow.Carries[c]) is { } resource && resource.Owner != receiver)
                {
                    shared.Add(flow.Carries[c]);
                }
            }
        }
        var unshared = context.Graph.DataResourcesById.Where(r => r.Sharing != SharingLevel.None && !shared.Contains(r.Id)).ToList();
        if (unshared.Count == 0)
        {
            return;
        }
        // The evidence needs the systems holding each reported resource and whether its owner has systems: one
        // pass over the systems for those, not an index of every system by owner and by resource.
        var holders = unshared.ToDictionary(static r => r.Id, static _ => new List<string>(), StringComparer.Ordinal);
        var owners = new HashSet<string>(unshared.Select(static r => r.Owner), StringComparer.Ordinal);
        var ownersWithSystems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var system in context.Model.Systems)
        {
            for (var h = 0; h < system.Holds.Count; h++)
            {
                holders.GetValueOrDefault(system.Holds[h])?.Add(system.Id);
            }
            if (owners.Contains(system.Owner))
            {
                ownersWithSystems.Add(system.Owner);
            }
        }
        foreach (var resource in unshared)
        {
            var ownerName = Name(context.Model, resource.Owner);
            context.Report([resource.Id],
                LocalizedText.Compose((ownerName, resource), static (state, language) =>
                {
                    var (ownerName, resource) = state;
                    // Only unconditional and conditional resources reach here (sharing ≠ none).
                    var sharing = Texts.Get(resource.Sharing == SharingLevel.Unconditional
                        ? "rule-message.AM2005.unconditional" : "rule-message.AM2005.conditional", language);
                    return Texts.Format("rule-message.AM2005", language, ownerName, resource.Name, sharing);
                }),
                [
                    new(EvidenceKeys.UnsharedResource.Owner, resource.Owner),
                    new(EvidenceKeys.UnsharedResource.Sharing, resource.Sharing),
                    new(EvidenceKeys.UnsharedResource.OwnerHasSystems, ownersWithSystems.Contains(resource.Owner)),
                    new(EvidenceKeys.UnsharedResource.HeldBy, Sorted(holders[resource.Id])),
                ]);
        }
    }
}

/// <summary>
/// AM2006 network island: when the model has a unified network, a network neither unified nor <c>internet</c>
/// from which no unified network is reachable over links.
/// </summary>
public sealed class NetworkIslandRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public NetworkIslandRule() : base(RuleCodes.NetworkIsland, DiagnosticSeverity.Warning)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var graph = context.Graph;
        if (!model.HasUnifiedNetwork)
        {
            return;
        }
        var connected = new HashSet<int>(model.Networks.Where(static n => n.IsUnified).Select(n => graph.NetworkComponentOf(n.Id)));
        foreach (var network in model.Networks.DistinctBy(static n => n.Id).OrderBy(static n => n.Id, StringComparer.Ordinal))
        {
            if (network.IsUnified || network.NetworkKind == NetworkKind.Internet || connected.Contains(graph.NetworkComponentOf(network.Id)))
            {
                continue;
            }
            var component = graph.NetworkComponents[graph.NetworkComponentOf(network.Id)];
            context.Report([network.Id],
                LocalizedText.Compose(network, static (network, language) => Texts.Format("rule-message.AM2006", language, network.Name)),
                [
                    new(EvidenceKeys.NetworkIsland.Kind, JsonNames.Of(network.NetworkKind)),
                    new(EvidenceKeys.NetworkIsland.LinkedComponent, component),
                    new(EvidenceKeys.NetworkIsland.Systems, Sorted(model.SystemsOn(network.Id).Where(static s => s.IsActive).Select(static s => s.Id))),
                ]);
        }
    }
}

/// <summary>
/// AM2007 unroutable flow: a silo flow between two systems that both list networks, where no network of
/// <c>from</c> equals or reaches (over links) a network of <c>to</c>.
/// </summary>
public sealed class UnroutableFlowRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public UnroutableFlowRule() : base(RuleCodes.UnroutableFlow, DiagnosticSeverity.Error)
    {
    }

    internal override bool UsesSiloViews => true;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var graph = context.Graph;
        for (var i = 0; i < graph.SiloFlows.Count; i++)
        {
            var flow = graph.SiloFlows[i];
            var (from, to) = graph.SiloFlowEnds(i);
            if (from.Networks.Count == 0 || to.Networks.Count == 0)
            {
                continue;
            }
            if (Reachable(graph, from.Networks, to.Networks))
            {
                continue;
            }
            context.Report([flow.Id],
                LocalizedText.Compose((from, to), static (state, language) =>
                {
                    var (from, to) = state;
                    return Texts.Format("rule-message.AM2007", language, from.Name, to.Name);
                }),
                [
                    new(EvidenceKeys.UnroutableFlow.From, from.Id),
                    new(EvidenceKeys.UnroutableFlow.To, to.Id),
                    new(EvidenceKeys.UnroutableFlow.FromNetworks, Sorted(from.Networks)),
                    new(EvidenceKeys.UnroutableFlow.ToNetworks, Sorted(to.Networks)),
                ]);
        }
    }

    /// <summary>Whether some network of <paramref name="from"/> equals or reaches some network of <paramref name="to"/>.</summary>
    private static bool Reachable(Graph.ModelGraph graph, IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        // Plain loops (no enumerator to allocate): this runs for every flow of the model, and systems are on one
        // or two networks.
        for (var i = 0; i < from.Count; i++)
        {
            var component = graph.NetworkComponentOf(from[i]);
            if (component < 0)
            {
                continue;
            }
            for (var j = 0; j < to.Count; j++)
            {
                if (graph.NetworkComponentOf(to[j]) == component)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
