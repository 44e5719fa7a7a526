using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Diagrams;

/// <summary>
/// Builds the views of a model: the library's diagram entry point. Each method takes the model, an optional
/// analysis (for highlights; the duplicates and silos views run one when none is given) and options
/// (filters, depth, limits, language), and returns a format-neutral <see cref="DiagramView"/>.
/// </summary>
/// <example>
/// <code>
/// var model = ModelLoader.LoadFile("models/demo-province/model.json").Model!;
/// var view = Views.Build(model, new ViewSpec(ViewKind.Dataflow), Analyzer.Analyze(model));
/// File.WriteAllText("dataflow.dot", new DotWriter().Write(view));
/// </code>
/// </example>
/// <remarks>Stateless and thread-safe; the same inputs always give the same view. A view over more nodes or
/// edges than <see cref="ViewOptions.MaxNodes"/> / <see cref="ViewOptions.MaxEdges"/> is aggregated
/// (<see cref="ViewAggregator"/>) and says so in its notes.</remarks>
public static class Views
{
    /// <summary>Builds the view a <see cref="ViewSpec"/> names.</summary>
    /// <remarks>An agency view of an agency the model does not hold is an empty view with an error diagnostic
    /// (<see cref="DiagramView.HasErrors"/>), as <see cref="Agency"/> says.</remarks>
    public static DiagramView Build(ArchitectureModel model, ViewSpec spec, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entry = Catalogue.FirstOrDefault(e => e.Kind == spec.Kind)
            ?? throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "no such view kind");
        return entry.Build(model, spec, analysis, options);
    }

    /// <summary>
    /// Every view in one place: its kind, its name (what <see cref="ViewSpec.TryParse"/> reads and the command line's
    /// <c>--view</c> takes), whether it names an agency, and how it is built. <see cref="Build"/>, <see cref="ViewSpec"/>
    /// and the command line's help all read this table, so a new view is its builder (a method of this class, in a
    /// file of its own when long, as <c>partial</c>), its <see cref="ViewKind"/> and one line here.
    /// </summary>
    internal static IReadOnlyList<ViewEntry> Catalogue { get; } =
    [
        new(ViewKind.Landscape, "landscape", static (m, _, a, o) => Landscape(m, a, o)),
        new(ViewKind.Agency, "agency", static (m, s, a, o) => Agency(m, s.AgencyId ?? "", a, o), TakesAgency: true),
        new(ViewKind.Network, "network", static (m, _, a, o) => Network(m, a, o)),
        new(ViewKind.Dataflow, "dataflow", static (m, _, a, o) => Dataflow(m, a, o)),
        new(ViewKind.Duplicates, "duplicates", static (m, _, a, o) => Duplicates(m, a, o)),
        new(ViewKind.Silos, "silos", static (m, _, a, o) => Silos(m, a, o)),
        new(ViewKind.Capabilities, "capabilities", static (m, _, a, o) => Capabilities(m, a, o)),
    ];

    /// <summary>Agencies as clusters holding their systems, with the flows between systems (parallel flows merged).</summary>
    public static DiagramView Landscape(ArchitectureModel model, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        var ctx = new ViewContext(model, analysis, options) { ByJurisdiction = true };
        var title = Texts.Of("view.landscape-agencies-and-their-systems");
        var systems = model.EachIdOnce(model.Systems.Where(ctx.SystemPasses)).ToArray();
        if (systems.Length > Math.Max(1, ctx.Options.MaxNodes))
        {
            // Too many systems to draw: they would be collapsed into their agencies, so they are built so at once.
            // Collapsed, it is drawn top-down: one row per level of government.
            return ctx.FinishCollapsedByOwner(ViewKind.Landscape, title, systems, DiagramDirection.TopToBottom);
        }
        var nodes = systems.Select(s => ctx.SystemNode(s, clustered: true)).ToList();
        var clusters = systems.Select(static s => s.Owner).Distinct(StringComparer.Ordinal).Select(o => ctx.AgencyCluster(o)).ToList();
        var edges = ctx.FlowEdges(systems.Select(static s => s.Id).ToHashSet(StringComparer.Ordinal));
        return ctx.Finish(ViewKind.Landscape, title, nodes, clusters, edges, [], DiagramDirection.LeftToRight);
    }

    /// <summary>One agency's systems and the systems within <see cref="ViewOptions.Depth"/> flow hops of them,
    /// clustered by owner. The filters apply to the neighbours, not to the agency's own systems.</summary>
    /// <remarks>An agency the model does not hold is a fact about the model, not a programming error: the view is empty
    /// and carries an AM0006 error whose message names the closest agency ids (<see cref="DiagramView.HasErrors"/>).</remarks>
    public static DiagramView Agency(ArchitectureModel model, string agencyId, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(agencyId);
        var ctx = new ViewContext(model, analysis, options);
        if (model.GetAgency(agencyId) is not { } agency)
        {
            var closest = DidYouMean.Closest(agencyId, model.Agencies.Select(static a => a.Id));
            return new DiagramView
            {
                Kind = ViewKind.Agency,
                Title = Texts.Of("view.agency", agencyId),
                Language = ctx.Language,
                Nodes = [],
                Edges = [],
                Diagnostics = [new Diagnostic(DiagnosticCodes.UnknownReference, DiagnosticSeverity.Error, Loading.Messages.UnknownAgency(agencyId, closest), null)],
            };
        }
        var shown = new Dictionary<string, InformationSystem>(StringComparer.Ordinal);
        var frontier = new List<InformationSystem>();
        foreach (var s in model.SystemsOwnedBy(agency.Id).Where(ctx.StatusPasses))
        {
            if (shown.TryAdd(s.Id, s)) frontier.Add(s);
        }
        for (var depth = 0; depth < Math.Max(0, ctx.Options.Depth) && frontier.Count > 0; depth++)
        {
            var next = new List<InformationSystem>();
            foreach (var s in frontier.OrderBy(static s => s.Id, StringComparer.Ordinal))
            {
                foreach (var flow in model.FlowsFrom(s.Id).Concat(model.FlowsTo(s.Id)).Where(ctx.FlowPasses))
                {
                    var other = model.GetSystem(flow.From == s.Id ? flow.To : flow.From);
                    if (other is not null && ctx.SystemPasses(other) && shown.TryAdd(other.Id, other))
                    {
                        next.Add(other);
                    }
                }
            }
            frontier = next;
        }
        var systems = shown.Values.ToArray();
        var nodes = systems.Select(s => ctx.SystemNode(s, clustered: true, groupable: s.Owner != agency.Id)).ToList();
        var clusters = systems.Select(static s => s.Owner).Distinct(StringComparer.Ordinal)
            .Select(o => ctx.AgencyCluster(o) with { Focus = o == agency.Id }).ToList();
        if (systems.Length == 0)
        {
            nodes.Add(ctx.Note("e:" + agency.Id, agency.Name, Texts.Of("view.this-agency-owns-no-system")));
        }
        var edges = ctx.FlowEdges(shown.Keys.ToHashSet(StringComparer.Ordinal));
        var depthText = ctx.Options.Depth;
        return ctx.Finish(ViewKind.Agency,
            Texts.Of("view.agency-within-hops", agency.Name, depthText),
            nodes, clusters, edges, [], DiagramDirection.LeftToRight);
    }

    /// <summary>Networks with their kind and how many systems sit on each, their links (with how they are
    /// joined), and platforms with the networks they are attached to and how many systems they host.</summary>
    public static DiagramView Network(ArchitectureModel model, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        var ctx = new ViewContext(model, analysis, options);
        var lang = ctx.Language;
        var nodes = new List<DiagramNode>();
        var networks = model.Networks.Where(ctx.Options.AdmitsTags).DistinctBy(static n => n.Id).ToArray();
        var shown = networks.Select(static n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var n in networks)
        {
            var kind = DiagramStyle.NetworkKindText(n.NetworkKind)[lang];
            var classified = n.IsClassified ? " · " + Texts.Get("diagram.classified", lang) : "";
            nodes.Add(new DiagramNode
            {
                Key = "e:" + n.Id,
                Kind = DiagramNodeKind.Network,
                Label = n.Name,
                Details = [kind + classified, DiagramStyle.Count(model.SystemsOn(n.Id).Count(ctx.SystemPasses), DiagramNodeKind.System, lang)],
                Variant = n.NetworkKind switch
                {
                    NetworkKind.Intranet => DiagramNodeVariant.Intranet,
                    NetworkKind.Extranet => DiagramNodeVariant.Extranet,
                    NetworkKind.Dedicated => DiagramNodeVariant.Dedicated,
                    NetworkKind.Internet => DiagramNodeVariant.Internet,
                    _ => DiagramNodeVariant.OtherNetwork,
                },
                ElementIds = [n.Id],
                Highlight = ctx.Highlight(n.Id),
                Groups = [new DiagramGroup("network-kind:" + n.NetworkKind, DiagramStyle.NetworkKindText(n.NetworkKind)[lang], DiagramGroupKind.Kind)],
            });
        }
        var platforms = model.Platforms.Where(ctx.Options.AdmitsTags).DistinctBy(static p => p.Id).ToArray();
        foreach (var p in platforms)
        {
            var kind = p.PlatformKind == PlatformKind.Cloud ? Texts.Get("diagram.cloud", lang) : Texts.Get("diagram.data-centre", lang);
            var shared = p.Shared ? " · " + Texts.Get("diagram.shared", lang) : "";
            nodes.Add(new DiagramNode
            {
                Key = "e:" + p.Id,
                Kind = DiagramNodeKind.Platform,
                Label = p.Name,
                Details = [kind + shared, DiagramStyle.Count(model.SystemsHostedOn(p.Id).Count(ctx.SystemPasses), DiagramNodeKind.System, lang)],
                Variant = p.Shared ? DiagramNodeVariant.SharedPlatform : DiagramNodeVariant.None,
                ElementIds = [p.Id],
                Highlight = ctx.Highlight(p.Id),
                Groups = [new DiagramGroup("platform-kind:" + p.PlatformKind + ":" + p.Shared, kind + shared, DiagramGroupKind.Kind)],
            });
        }
        var edges = new List<DiagramEdge>();
        var seen = new HashSet<(string, string, LinkVia)>();
        foreach (var n in networks.OrderBy(static n => n.Id, StringComparer.Ordinal))
        {
            foreach (var link in n.Links)
            {
                if (!shown.Contains(link.To) || link.To == n.Id)
                {
                    continue;
                }
                var (a, b) = string.CompareOrdinal(n.Id, link.To) <= 0 ? (n.Id, link.To) : (link.To, n.Id);
                if (!seen.Add((a, b, link.Via)))
                {
                    continue;
                }
                edges.Add(new DiagramEdge
                {
                    From = "e:" + a,
                    To = "e:" + b,
                    Kind = link.Via switch
                    {
                        LinkVia.Gateway => DiagramEdgeKind.GatewayLink,
                        LinkVia.Isolation => DiagramEdgeKind.IsolationLink,
                        _ => DiagramEdgeKind.DirectLink,
                    },
                    Label = DiagramStyle.LinkText(link.Via)[lang],
                    Undirected = true,
                    Highlight = ctx.PairHighlight(a, b),
                });
            }
        }
        foreach (var p in platforms)
        {
            foreach (var network in p.Networks.Distinct(StringComparer.Ordinal).Where(shown.Contains))
            {
                edges.Add(new DiagramEdge { From = "e:" + p.Id, To = "e:" + network, Kind = DiagramEdgeKind.Attachment, Undirected = true });
            }
        }
        return ctx.Finish(ViewKind.Network, Texts.Of("view.networks-and-platforms"),
            nodes, [], edges, [], DiagramDirection.LeftToRight);
    }

    /// <summary>Agencies as nodes and cross-agency flows aggregated into weighted edges, vertical (along a
    /// sector line) and horizontal flows drawn differently. Agencies that own systems but exchange nothing
    /// across agencies are drawn too, unconnected.</summary>
    public static DiagramView Dataflow(ArchitectureModel model, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        var ctx = new ViewContext(model, analysis, options);
        var agencies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in model.Systems.Where(ctx.SystemPasses))
        {
            agencies.Add(s.Owner);
        }
        var edges = new List<DiagramEdge>();
        var internalFlows = 0;
        foreach (var flow in model.Flows.Where(ctx.FlowPasses).DistinctBy(static f => f.Id))
        {
            if (model.GetSystem(flow.From) is not { } from || model.GetSystem(flow.To) is not { } to || !ctx.SystemPasses(from) || !ctx.SystemPasses(to))
            {
                continue;
            }
            if (from.Owner == to.Owner)
            {
                internalFlows++;
                continue;
            }
            edges.Add(new DiagramEdge
            {
                From = "e:" + from.Owner,
                To = "e:" + to.Owner,
                Kind = model.IsVertical(flow) ? DiagramEdgeKind.VerticalFlow : DiagramEdgeKind.HorizontalFlow,
                Status = flow.Status == FlowStatus.Planned ? DiagramStatus.Planned : DiagramStatus.Normal,
                ElementIds = [flow.Id],
                Highlight = ctx.Highlight(flow.Id),
            });
        }
        var nodes = agencies.Select(a => ctx.AgencyNode(a)).ToList();
        var notes = new List<LocalizedText>();
        if (internalFlows > 0)
        {
            notes.Add(Texts.Of("view.internal-flows-not-drawn", internalFlows));
        }
        var merged = ViewAggregator.MergeEdges(edges, new Dictionary<string, string>(), out _);
        return ctx.Finish(ViewKind.Dataflow, Texts.Of("view.cross-agency-data-flows-vertical"),
            nodes, [], merged, notes, DiagramDirection.TopToBottom);
    }

    /// <summary>The elements of the duplicate findings (AM1001–AM1004), one cluster per finding, with the
    /// agencies that own them.</summary>
    public static DiagramView Duplicates(ArchitectureModel model, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        analysis ??= Analyzer.Analyze(model);
        var ctx = new ViewContext(model, analysis, options, RuleCodes.DuplicateFamily);
        var findings = analysis.ActiveFindings
            .Where(static f => f.Rule.StartsWith(RuleCodes.DuplicateFamily, StringComparison.Ordinal))
            .Where(f => f.Elements.Any(ctx.ElementPasses))
            .ToArray();
        var nodes = new List<DiagramNode>();
        var clusters = new List<DiagramCluster>();
        var edges = new List<DiagramEdge>();
        var owners = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < findings.Length; i++)
        {
            var f = findings[i];
            var clusterKey = $"f:{i + 1:D4}";
            var label = ctx.FindingLabel(f);
            clusters.Add(new DiagramCluster(clusterKey, label) { Highlight = new DiagramHighlight(f.Severity, [f.Rule]) });
            foreach (var id in f.Elements)
            {
                if (model.Find(id) is not { } element)
                {
                    continue;
                }
                var key = clusterKey + ":" + id;
                nodes.Add(ctx.ElementNode(element, key) with
                {
                    Cluster = clusterKey,
                    Groups = [new DiagramGroup(clusterKey, label, DiagramGroupKind.Finding)],
                });
                if (ViewContext.OwnerOf(element) is { } owner)
                {
                    owners.Add(owner);
                    edges.Add(new DiagramEdge { From = "e:" + owner, To = key, Kind = DiagramEdgeKind.Owns });
                }
            }
        }
        foreach (var owner in owners)
        {
            var node = ctx.AgencyNode(owner);
            nodes.Add(node with { Groups = [null, .. node.Groups] });
        }
        if (findings.Length == 0)
        {
            nodes.Add(ctx.Note("note", "", Texts.Of("view.no-duplicate-build-finding-am1001")));
        }
        return ctx.Finish(ViewKind.Duplicates, Texts.Of("view.duplicate-builds-the-elements-of"),
            nodes, clusters, edges, [], DiagramDirection.LeftToRight);
    }

    /// <summary>The systems of the silo findings (isolated systems AM2001, islands AM2002, closed agencies
    /// AM2003, stovepipes AM2004, unroutable flows AM2007) clustered by owner, with the flows among them
    /// and, for stovepipe agencies, the systems at the other end of their cross-agency flows.</summary>
    public static DiagramView Silos(ArchitectureModel model, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        analysis ??= Analyzer.Analyze(model);
        var ctx = new ViewContext(model, analysis, options, RuleCodes.SiloFamily);
        var systems = new Dictionary<string, InformationSystem>(StringComparer.Ordinal);
        var findings = analysis.ActiveFindings.Where(static f => f.Rule is RuleCodes.IsolatedSystem or RuleCodes.Island or RuleCodes.ClosedAgency or RuleCodes.Stovepipe or RuleCodes.UnroutableFlow).ToArray();
        void Add(string? id)
        {
            if (model.GetSystem(id) is { } s && ctx.SystemPasses(s))
            {
                systems.TryAdd(s.Id, s);
            }
        }
        foreach (var f in findings)
        {
            foreach (var id in f.Elements)
            {
                switch (model.Find(id))
                {
                    case InformationSystem s:
                        Add(s.Id);
                        break;
                    case Flow flow:
                        Add(flow.From);
                        Add(flow.To);
                        break;
                    case Agency agency:
                        foreach (var s in model.SystemsOwnedBy(agency.Id).Where(static s => s.IsActive))
                        {
                            Add(s.Id);
                            if (f.Rule == RuleCodes.Stovepipe)
                            {
                                foreach (var flow in model.FlowsFrom(s.Id).Concat(model.FlowsTo(s.Id)).Where(static fl => fl.IsActive))
                                {
                                    Add(flow.From);
                                    Add(flow.To);
                                }
                            }
                        }
                        break;
                }
            }
        }
        var list = systems.Values.ToArray();
        var nodes = list.Select(s => ctx.SystemNode(s, clustered: true)).ToList();
        var clusters = list.Select(static s => s.Owner).Distinct(StringComparer.Ordinal).Select(o => ctx.AgencyCluster(o)).ToList();
        var edges = ctx.FlowEdges(systems.Keys.ToHashSet(StringComparer.Ordinal));
        if (list.Length == 0)
        {
            nodes.Add(ctx.Note("note", "", Texts.Of("view.no-silo-finding")));
        }
        return ctx.Finish(ViewKind.Silos, Texts.Of("view.silos-isolated-systems-islands-closed"),
            nodes, clusters, edges, [], DiagramDirection.LeftToRight);
    }

    /// <summary>Capabilities and the systems implementing them; shareable capabilities and systems other
    /// agencies use are marked. Capabilities no drawn system implements are left out (and counted in a note).</summary>
    public static DiagramView Capabilities(ArchitectureModel model, AnalysisResult? analysis = null, ViewOptions? options = null)
    {
        // Duplicate builds are what a capability map shows; other findings would only add noise here.
        var ctx = new ViewContext(model, analysis, options, RuleCodes.DuplicateFamily);
        var lang = ctx.Language;
        var systems = model.Systems.Where(ctx.SystemPasses).DistinctBy(static s => s.Id).ToArray();
        var implementers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var nodes = new List<DiagramNode>();
        var edges = new List<DiagramEdge>();
        foreach (var s in systems)
        {
            var node = ctx.SystemNode(s, clustered: false);
            var owner = model.GetAgency(s.Owner)?.Name ?? s.Owner;
            var details = new List<string> { owner };
            if (s.UsedBy.Count > 0)
            {
                details.Add(Texts.Format("diagram.shared-used-by", lang, s.UsedBy.Count));
            }
            nodes.Add(node with { Details = details, Variant = s.UsedBy.Count > 0 ? DiagramNodeVariant.SharedUse : DiagramNodeVariant.None });
            foreach (var capability in s.Capabilities.Distinct(StringComparer.Ordinal))
            {
                if (model.Find<Capability>(capability) is null)
                {
                    continue;
                }
                implementers[capability] = implementers.GetValueOrDefault(capability) + 1;
                edges.Add(new DiagramEdge { From = "e:" + s.Id, To = "e:" + capability, Kind = DiagramEdgeKind.Implements });
            }
        }
        foreach (var (id, count) in implementers)
        {
            var c = model.Find<Capability>(id)!;
            var root = c;
            var seen = new HashSet<string>(StringComparer.Ordinal) { c.Id };
            while (model.Find<Capability>(root.Parent) is { } parent && seen.Add(parent.Id))
            {
                root = parent;
            }
            var details = new List<string>();
            if (c.Shareable)
            {
                details.Add(Texts.Get("diagram.shareable-build-once", lang));
            }
            details.Add(DiagramStyle.Count(count, DiagramNodeKind.System, lang));
            nodes.Add(new DiagramNode
            {
                Key = "e:" + c.Id,
                Kind = DiagramNodeKind.Capability,
                Label = c.Name,
                Details = details,
                Variant = c.Shareable ? DiagramNodeVariant.Shareable : DiagramNodeVariant.None,
                ElementIds = [c.Id],
                Highlight = ctx.Highlight(c.Id),
                Groups = [null, null, new DiagramGroup("capability:" + root.Id, root.Name, DiagramGroupKind.Capability)],
            });
        }
        var notes = new List<LocalizedText>();
        var unused = model.Capabilities.Count - implementers.Count;
        if (unused > 0)
        {
            notes.Add(Texts.Of("view.capabilities-not-drawn", unused));
        }
        return ctx.Finish(ViewKind.Capabilities, Texts.Of("view.capabilities-and-the-systems-implementing"),
            nodes, [], edges, notes, DiagramDirection.LeftToRight);
    }
}

/// <summary>One view of <see cref="Views.Catalogue"/>.</summary>
/// <param name="Kind">The kind of view.</param>
/// <param name="Name">Its name, lower case, as <c>--view</c> takes it.</param>
/// <param name="Build">Builds it.</param>
/// <param name="TakesAgency">Whether it is written <c>NAME:ID</c> with an agency's id.</param>
internal sealed record ViewEntry(ViewKind Kind, string Name, Func<ArchitectureModel, ViewSpec, AnalysisResult?, ViewOptions?, DiagramView> Build,
    bool TakesAgency = false)
{
    /// <summary>How the view is written: <c>landscape</c>, <c>agency:ID</c>.</summary>
    public string Usage => TakesAgency ? Name + ":ID" : Name;
}
