using System.Runtime.InteropServices;
using ArchModel.Model;
using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace ArchModel.Graph;

/// <summary>
/// The graph views of one <see cref="ArchitectureModel"/> that the analysis needs, built once:
/// the system data flows of the silo rules (信息孤岛) and the network links, with their connected components,
/// and the elements sorted by id. Questions about one agency or flow ("is above", "share a sector line",
/// "cross-agency") have one answer, on <see cref="ArchitectureModel"/>.
/// </summary>
/// <remarks>
/// Built from the model and never the other way round. The instance is immutable after <see cref="Build"/> and
/// safe to read from several threads. Every list it returns is in ordinal id order. QuikGraph computes some of
/// the views; none of its types is part of ArchModel's API.
/// </remarks>
public sealed class ModelGraph
{
    private readonly Dictionary<string, int> _networkComponent;
    private readonly Lazy<SiloViews> _silo;
    private readonly Lazy<InformationSystem[]> _systemsById;
    private readonly Lazy<Flow[]> _flowsById;
    private readonly Lazy<DataResource[]> _dataResourcesById;
    private readonly Lazy<Dictionary<string, int>> _systemPositions;
    private readonly Lazy<FlowEndPositions> _flowEnds;
    private readonly SectorForest _sectors;

    private ModelGraph(ArchitectureModel model)
    {
        Model = model;

        // Sector lines: the agencies numbered in pre-order (SectorForest), so that "is above" is two comparisons
        // whatever the depth of a line, and no list of superiors is made per agency. Built here, not on first use:
        // the duplicate rules and the scorecard all ask for it at once.
        _sectors = model.Sectors;
        _systemsById = new(() => ById(model, model.Systems));
        _flowsById = new(() => ById(model, model.Flows));
        _dataResourcesById = new(() => ById(model, model.DataResources));
        _systemPositions = new(SystemPositions);
        _flowEnds = new(() => new FlowEndPositions(this));

        // The silo views are built when a rule first needs them, alongside the rules that do not.
        _silo = new(() => new SiloViews(this), LazyThreadSafetyMode.ExecutionAndPublication);

        // Network link graph: undirected, a link of any `via` joins both ends.
        var links = new UndirectedGraph<string, TaggedUndirectedEdge<string, LinkVia>>(allowParallelEdges: true);
        var networkIds = model.Networks.Select(static n => n.Id).Distinct(StringComparer.Ordinal)
            .OrderBy(static id => id, StringComparer.Ordinal).ToArray();
        links.AddVertexRange(networkIds);
        foreach (var network in model.Networks.OrderBy(static n => n.Id, StringComparer.Ordinal))
        {
            foreach (var link in network.Links)
            {
                if (!links.ContainsVertex(link.To))
                {
                    continue;
                }
                // QuikGraph's undirected edges want source <= target in its comparer's order.
                var (a, b) = string.CompareOrdinal(network.Id, link.To) <= 0 ? (network.Id, link.To) : (link.To, network.Id);
                links.AddEdge(new TaggedUndirectedEdge<string, LinkVia>(a, b, link.Via));
            }
        }
        NetworkLinks = links;
        var components = new ConnectedComponentsAlgorithm<string, TaggedUndirectedEdge<string, LinkVia>>(links);
        components.Compute();
        _networkComponent = new Dictionary<string, int>(components.Components, StringComparer.Ordinal);
        NetworkComponents = networkIds
            .GroupBy(id => _networkComponent[id])
            .Select(static g => (IReadOnlyList<string>)g.OrderBy(static id => id, StringComparer.Ordinal).ToArray())
            .OrderBy(static g => g[0], StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Every system once (the first definition of an id), in ordinal id order; sorted once for all rules.</summary>
    public IReadOnlyList<InformationSystem> SystemsById => _systemsById.Value;

    /// <summary>Every flow once (the first definition of an id), in ordinal id order; sorted once for all rules.</summary>
    public IReadOnlyList<Flow> FlowsById => _flowsById.Value;

    /// <summary>Every data resource once (the first definition of an id), in ordinal id order; sorted once for all rules.</summary>
    public IReadOnlyList<DataResource> DataResourcesById => _dataResourcesById.Value;

    /// <summary>
    /// The systems <paramref name="keep"/> admits, the first admitted definition of each id, in ordinal id order:
    /// filtered from <see cref="SystemsById"/> when the model's system ids are distinct (the usual case).
    /// </summary>
    internal InformationSystem[] SystemsWhere(Func<InformationSystem, bool> keep) => Kept(Model.Systems, SystemsById, keep);

    /// <summary>
    /// The systems <paramref name="keep"/> admits, as <see cref="SystemsWhere(Func{InformationSystem, bool})"/> gives
    /// them, and the position of each in <see cref="SystemsById"/> (ascending) when every id of the model is distinct,
    /// the usual case; otherwise <paramref name="positions"/> is <see langword="null"/>. A rule reports systems by
    /// these positions (the analysis's rule context), and the scorecard counts them, without hashing or sorting
    /// their ids again.
    /// </summary>
    internal InformationSystem[] SystemsWhere(Func<InformationSystem, bool> keep, out int[]? positions)
    {
        if (!Model.HasDistinctIds)
        {
            positions = null;
            return SystemsWhere(keep);
        }
        var byId = SystemsById;
        var kept = new List<InformationSystem>(byId.Count);
        var at = new List<int>(byId.Count);
        for (var i = 0; i < byId.Count; i++)
        {
            if (keep(byId[i]))
            {
                kept.Add(byId[i]);
                at.Add(i);
            }
        }
        positions = [.. at];
        return [.. kept];
    }

    /// <summary>
    /// The data resources <paramref name="keep"/> admits, the first admitted definition of each id, in ordinal id
    /// order: filtered from <see cref="DataResourcesById"/> when the model's resource ids are distinct.
    /// </summary>
    internal DataResource[] DataResourcesWhere(Func<DataResource, bool> keep) => Kept(Model.DataResources, DataResourcesById, keep);

    private static T[] Kept<T>(IReadOnlyList<T> all, IReadOnlyList<T> byId, Func<T, bool> keep) where T : Element
    {
        if (byId.Count == all.Count)
        {
            return byId.Where(keep).ToArray();
        }
        // A repeated id: its first definition that is kept counts, whatever the definitions before it.
        var kept = all.Where(keep).DistinctBy(static e => e.Id).ToArray();
        Array.Sort(kept, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return kept;
    }

    private static T[] ById<T>(ArchitectureModel model, IReadOnlyList<T> elements) where T : Element
    {
        // Sorted by an array of the ids, a few characters at a time (OrdinalSort); not at all when they come in
        // order. Each id is there once, so the order is the same as any sort's.
        var array = model.EachIdOnce(elements).ToArray();
        var ids = new string[array.Length];
        var ascending = true;
        for (var i = 0; i < array.Length; i++)
        {
            ids[i] = array[i].Id;
            ascending = ascending && (i == 0 || string.CompareOrdinal(ids[i - 1], ids[i]) < 0);
        }
        if (!ascending)
        {
            OrdinalSort.Sort(ids, array);
        }
        return array;
    }

    /// <summary>Builds the views of a model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The graph views.</returns>
    public static ModelGraph Build(ArchitectureModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ModelGraph(model);
    }

    /// <summary>The model the views were built from.</summary>
    public ArchitectureModel Model { get; }

    /// <summary>Builds the silo views now, unless built already (the analyzer builds them beside other rules).</summary>
    internal void PrepareSiloViews() => _ = _silo.Value;

    /// <summary>Sorts the flows and the data resources by id now, unless sorted already, and with
    /// <paramref name="flowEnds"/> finds the systems at the flows' ends (<see cref="FlowEnds"/>); the analyzer does so
    /// beside the first rule, which sorts the systems.</summary>
    internal void PrepareSortedViews(bool flowEnds)
    {
        _ = _flowsById.Value;
        _ = _dataResourcesById.Value;
        if (flowEnds)
        {
            _ = _flowEnds.Value;
        }
    }

    /// <summary>The position in <see cref="SystemsById"/> of the system with id <paramref name="systemId"/>, or -1.</summary>
    /// <remarks>In a model whose ids are not all distinct, the position of the first system of the id, which may not be
    /// what <see cref="ArchitectureModel.GetSystem"/> finds (an id defined first for another kind): the built-in
    /// rules and the scorecard ask only when the ids are distinct.</remarks>
    internal int SystemPositionOf(string? systemId) =>
        systemId is not null && _systemPositions.Value.TryGetValue(systemId, out var position) ? position : -1;

    /// <summary>For each flow of <see cref="FlowsById"/>, the positions in <see cref="SystemsById"/> of the systems at its
    /// ends (<see cref="SystemPositionOf"/>): each end looked up once for the silo views, the scorecard and the rules.</summary>
    internal FlowEndPositions FlowEnds => _flowEnds.Value;

    /// <summary>Whether <see cref="FlowEnds"/> has been found (a rule that needs few ends may look them up itself rather
    /// than find all of them).</summary>
    internal bool HasFlowEnds => _flowEnds.IsValueCreated;

    private Dictionary<string, int> SystemPositions()
    {
        var systems = SystemsById;
        var positions = new Dictionary<string, int>(systems.Count, StringComparer.Ordinal);
        for (var i = 0; i < systems.Count; i++)
        {
            if (systems[i].Id is { } id)
            {
                positions.TryAdd(id, i);
            }
        }
        return positions;
    }

    /// <summary>The positions in <see cref="SystemsById"/> of the systems at both ends of each flow of
    /// <see cref="FlowsById"/>, or -1 for an end that names no system.</summary>
    internal sealed class FlowEndPositions
    {
        public FlowEndPositions(ModelGraph graph)
        {
            var flows = graph.FlowsById;
            From = new int[flows.Count];
            To = new int[flows.Count];
            for (var f = 0; f < flows.Count; f++)
            {
                From[f] = graph.SystemPositionOf(flows[f].From);
                To[f] = graph.SystemPositionOf(flows[f].To);
            }
        }

        public int[] From { get; }

        public int[] To { get; }
    }

    /// <summary>
    /// The systems of the silo rules' data-flow graph (信息孤岛): the active, non-standalone systems, by id.
    /// </summary>
    public IReadOnlyList<InformationSystem> SiloSystems => _silo.Value.Systems;

    /// <summary>The flows of the silo rules' data-flow graph, by id: the active flows between two different
    /// <see cref="SiloSystems"/>.</summary>
    public IReadOnlyList<Flow> SiloFlows => _silo.Value.Flows;

    /// <summary>The systems at both ends of the flow at <paramref name="index"/> in <see cref="SiloFlows"/>, without a look-up by id.</summary>
    public (InformationSystem From, InformationSystem To) SiloFlowEnds(int index)
    {
        var silo = _silo.Value;
        return (silo.Systems[silo.FlowFrom[index]], silo.Systems[silo.FlowTo[index]]);
    }

    /// <summary>
    /// The connected components of the silo rules' data-flow graph seen as an undirected graph (isolated systems
    /// are components of one); each sorted ordinally, the list sorted by each component's first id.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> SystemComponents => _silo.Value.Components;

    /// <summary>The network link graph: undirected, one edge per link declaration, tagged with its <c>via</c>. Internal:
    /// QuikGraph is how the views are computed, not part of ArchModel's API.</summary>
    internal IUndirectedGraph<string, TaggedUndirectedEdge<string, LinkVia>> NetworkLinks { get; }

    /// <summary>The connected components of the network link graph (a link of any <c>via</c> joins both ends), each sorted,
    /// sorted by first id.</summary>
    public IReadOnlyList<IReadOnlyList<string>> NetworkComponents { get; }

    /// <summary>Whether a system is one of <see cref="SiloSystems"/> (active and not standalone).</summary>
    public bool IsSiloSystem(string systemId) => _silo.Value.IndexOf(this, systemId) >= 0;

    /// <summary>The index in <see cref="SystemComponents"/> of a silo system's component, or -1.</summary>
    public int SystemComponentOf(string systemId) => _silo.Value.IndexOf(this, systemId) is var i and >= 0 ? _silo.Value.ComponentOf[i] : -1;

    /// <summary>Whether a silo system exchanges data with another: a silo flow starts or ends at it.</summary>
    public bool HasSiloFlow(string systemId) => _silo.Value.IndexOf(this, systemId) is var i and >= 0 && HasSiloFlowAt(i);

    /// <summary>Whether the system at <paramref name="index"/> in <see cref="SiloSystems"/> exchanges data with another.</summary>
    internal bool HasSiloFlowAt(int index) => ComponentSize(_silo.Value.ComponentOf[index]) > 1;

    /// <summary>How many systems the component at <paramref name="component"/> in <see cref="SystemComponents"/> has, without making its list.</summary>
    internal int ComponentSize(int component)
    {
        var start = _silo.Value.ComponentStart;
        return start[component + 1] - start[component];
    }

    /// <summary>The position in <see cref="SystemsById"/> of each of <see cref="SiloSystems"/> when the model's ids are
    /// distinct, else <see langword="null"/> (see <see cref="SystemsWhere(Func{InformationSystem, bool}, out int[])"/>).</summary>
    internal int[]? SiloSystemPositions => _silo.Value.Positions;

    /// <summary>Whether one network equals or reaches another over links (any <c>via</c>, both directions).</summary>
    public bool NetworksConnected(string networkA, string networkB) =>
        _networkComponent.TryGetValue(networkA, out var a) && _networkComponent.TryGetValue(networkB, out var b) && a == b;

    /// <summary>The component index of a network in the link graph, or -1 for an unknown id.</summary>
    public int NetworkComponentOf(string networkId) => _networkComponent.TryGetValue(networkId, out var c) ? c : -1;

    /// <summary>The ids of an agency's superiors on its sector line, nearest first; empty for an unknown id.</summary>
    /// <remarks>A new list each call, walked up the line: O(depth). To test "is above", call <see cref="ArchitectureModel.IsAbove"/> (O(1)).
    /// A parent cycle (an AM0008 error) is cut at one agency (see <see cref="SectorForest"/>).</remarks>
    public IReadOnlyList<string> AncestorsOf(string agencyId)
    {
        var node = _sectors.NodeOf(agencyId);
        if (node < 0)
        {
            return [];
        }
        var ancestors = new List<string>(_sectors.Depth[node]);
        for (var p = _sectors.Parent[node]; p >= 0; p = _sectors.Parent[p])
        {
            ancestors.Add(_sectors.Agencies[p].Id);
        }
        return ancestors;
    }

    /// <summary>
    /// <see cref="ArchitectureModel.ShareSectorLine(string, string)"/>, the one answer: here for the rules that hold the graph.
    /// </summary>
    internal bool ShareSectorLine(string agencyA, string agencyB) => Model.ShareSectorLine(agencyA, agencyB);

    /// <summary>The sector lines as a forest numbered in pre-order (see <see cref="SectorForest"/>).</summary>
    internal SectorForest Sectors => _sectors;

    /// <summary>The jurisdiction (块) of an agency, or <see langword="null"/> (unknown agency or no region).</summary>
    public Jurisdiction? JurisdictionOf(string? agencyId) => Model.GetAgency(agencyId)?.Jurisdiction;

    /// <summary>The owner of a system, or <see langword="null"/> for an unknown system.</summary>
    public string? OwnerOf(string systemId) => Model.GetSystem(systemId)?.Owner;

    /// <summary>The data-flow views of the silo rules, built together on first use.</summary>
    private sealed class SiloViews
    {
        public SiloViews(ModelGraph graph)
        {
            var model = graph.Model;
            // System data-flow graph of the silo rules: from the systems and flows already sorted by id when ids are
            // distinct, the usual case; otherwise sorted here.
            var siloSystems = graph.SystemsWhere(static s => s.IsActive && !s.Standalone, out var positions);
            Positions = positions;
            // A silo flow: active, between two different silo systems; the positions of both ends are kept.
            var flows = new List<Flow>();
            var from = new List<int>();
            var to = new List<int>();
            Systems = siloSystems;
            if (positions is not null)
            {
                // Distinct ids: each silo system found by its position among all systems, each flow's ends by the
                // positions the graph found once (FlowEnds), without a look-up by id.
                AtPosition = new int[graph.SystemsById.Count];
                Array.Fill(AtPosition, -1);
                for (var i = 0; i < positions.Length; i++)
                {
                    AtPosition[positions[i]] = i;
                }
                var ends = graph.FlowEnds;
                var byId = graph.FlowsById;
                for (var i = 0; i < byId.Count; i++)
                {
                    var flow = byId[i];
                    if (flow.IsActive && flow.From != flow.To && ends.From[i] >= 0 && AtPosition[ends.From[i]] is var f and >= 0
                        && ends.To[i] >= 0 && AtPosition[ends.To[i]] is var t and >= 0)
                    {
                        flows.Add(flow);
                        from.Add(f);
                        to.Add(t);
                    }
                }
            }
            else
            {
                Index = new Dictionary<string, int>(siloSystems.Length, StringComparer.Ordinal);
                for (var i = 0; i < siloSystems.Length; i++)
                {
                    Index.TryAdd(siloSystems[i].Id, i);
                }
                void Keep(Flow flow)
                {
                    if (flow.IsActive && flow.From != flow.To && Index.TryGetValue(flow.From, out var f) && Index.TryGetValue(flow.To, out var t))
                    {
                        flows.Add(flow);
                        from.Add(f);
                        to.Add(t);
                    }
                }
                if (graph.FlowsById.Count == model.Flows.Count)
                {
                    foreach (var flow in graph.FlowsById)
                    {
                        Keep(flow);
                    }
                }
                else
                {
                    // By id, ties (only in a model with duplicate ids) in model order.
                    var order = new List<(Flow Flow, int Order)>(model.Flows.Count);
                    for (var i = 0; i < model.Flows.Count; i++)
                    {
                        order.Add((model.Flows[i], i));
                    }
                    order.Sort(static (a, b) => string.CompareOrdinal(a.Flow.Id, b.Flow.Id) is var c && c != 0 ? c : a.Order.CompareTo(b.Order));
                    foreach (var (flow, _) in order)
                    {
                        Keep(flow);
                    }
                }
            }
            Flows = flows;
            FlowFrom = [.. from];
            FlowTo = [.. to];

            // Undirected components of the data-flow graph: a union-find over the systems' positions, which
            // are in id order, so each component is sorted and the components come by their first id. Kept as one
            // array of every system's id, component after component, and where each component starts: a national
            // model has hundreds of thousands of isolated systems, each a component of one, and a list for each
            // would live as long as the views.
            var sets = new IndexSets(siloSystems.Length);
            for (var f = 0; f < Flows.Count; f++)
            {
                sets.Union(FlowFrom[f], FlowTo[f]);
            }
            ComponentOf = new int[siloSystems.Length];
            var sizes = new List<int>();
            for (var i = 0; i < siloSystems.Length; i++)
            {
                // A root is its set's smallest position: met before the other members, and numbered then.
                var root = sets.Find(i);
                if (root == i)
                {
                    ComponentOf[i] = sizes.Count;
                    sizes.Add(0);
                }
                else
                {
                    ComponentOf[i] = ComponentOf[root];
                }
                CollectionsMarshal.AsSpan(sizes)[ComponentOf[i]]++;
            }
            ComponentStart = new int[sizes.Count + 1];
            for (var c = 0; c < sizes.Count; c++)
            {
                ComponentStart[c + 1] = ComponentStart[c] + sizes[c];
            }
            var members = new string[siloSystems.Length];
            var next = ComponentStart[..^1];
            for (var i = 0; i < siloSystems.Length; i++)
            {
                members[next[ComponentOf[i]]++] = siloSystems[i].Id;
            }
            Components = new ComponentList(members, ComponentStart);
        }

        /// <summary>The index in <see cref="Systems"/> of each silo system's id, when the model's ids are not distinct
        /// (<see cref="Positions"/> is <see langword="null"/>).</summary>
        public Dictionary<string, int>? Index { get; }

        /// <summary>The index in <see cref="Systems"/> of the system at each position of <see cref="SystemsById"/>, or -1,
        /// when the model's ids are distinct.</summary>
        public int[]? AtPosition { get; }

        /// <summary>The index in <see cref="Systems"/> of the silo system with id <paramref name="systemId"/>, or -1.</summary>
        public int IndexOf(ModelGraph graph, string systemId)
        {
            ArgumentNullException.ThrowIfNull(systemId);
            if (AtPosition is not null)
            {
                return graph.SystemPositionOf(systemId) is var position and >= 0 ? AtPosition[position] : -1;
            }
            return Index!.TryGetValue(systemId, out var i) ? i : -1;
        }

        /// <summary>The position in <see cref="SystemsById"/> of each system, when the model's ids are distinct.</summary>
        public int[]? Positions { get; }

        public int[] ComponentOf { get; }

        public InformationSystem[] Systems { get; }

        public List<Flow> Flows { get; }

        /// <summary>The position in <see cref="Systems"/> of each flow's <c>from</c> system.</summary>
        public int[] FlowFrom { get; }

        /// <summary>The position in <see cref="Systems"/> of each flow's <c>to</c> system.</summary>
        public int[] FlowTo { get; }

        /// <summary>Where each component's ids start in <see cref="Components"/>' array; one more entry than components, the last the end.</summary>
        public int[] ComponentStart { get; }

        public IReadOnlyList<IReadOnlyList<string>> Components { get; }
    }

    /// <summary>The components as read-only lists over one array of ids, component after component: each list is
    /// made when read, so a national model's hundreds of thousands of components of one keep no list each.</summary>
    private sealed class ComponentList(string[] members, int[] start) : IReadOnlyList<IReadOnlyList<string>>
    {
        public IReadOnlyList<string> this[int index] => (uint)index < (uint)Count
            ? new ArraySegment<string>(members, start[index], start[index + 1] - start[index])
            : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => start.Length - 1;

        public IEnumerator<IReadOnlyList<string>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

}
