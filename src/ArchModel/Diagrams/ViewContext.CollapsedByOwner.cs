using System.Runtime.InteropServices;
using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Model;

namespace ArchModel.Diagrams;

/// <summary>The landscape too large to draw system by system, built at the level of aggregation it ends at.</summary>
internal sealed partial class ViewContext
{
    /// <summary>
    /// The systems and the flows between them as <see cref="Finish"/> would leave them once <see cref="ViewAggregator.Fit"/>
    /// had collapsed them into their owners, and <see cref="ViewAggregator.CollapseWhile"/> had gone on collapsing into
    /// jurisdictions and areas while over a quarter of the limits, then fitted: the same nodes, edges and notes, level
    /// by level. Each level is only counted, on integers, and the view is built once, at the level it ends at, without
    /// a node per system, an edge per flow, or the nodes and edges of the levels in between: for a national model
    /// those are hundreds of thousands of objects, each level's ids sorted again, only to be merged.
    /// For a view that has more systems than <see cref="ViewOptions.MaxNodes"/>, so that the first level is certain
    /// to be collapsed.
    /// </summary>
    /// <param name="kind">The kind of view.</param>
    /// <param name="title">Its title, without the model's name.</param>
    /// <param name="systems">The systems, each once, every one with an owner group (as <see cref="SystemNode"/> gives).</param>
    /// <param name="direction">The layout direction.</param>
    public DiagramView FinishCollapsedByOwner(ViewKind kind, LocalizedText title, IReadOnlyList<InformationSystem> systems, DiagramDirection direction)
    {
        var maxNodes = Math.Max(1, Options.MaxNodes);
        var maxEdges = Math.Max(0, Options.MaxEdges);

        // The owners, numbered in system order, each with the groups it collapses into and its systems; each system
        // numbered, with its owner's number, so that the million flows of a national model are joined on integers.
        var groupOf = new Dictionary<string, (int System, int Group)>(systems.Count, StringComparer.Ordinal);
        var ownerNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var owners = new List<Owner>();
        foreach (var s in systems)
        {
            if (!ownerNumbers.TryGetValue(s.Owner, out var g))
            {
                ownerNumbers[s.Owner] = g = owners.Count;
                owners.Add(new Owner(OwnerGroups(s.Owner).Groups, []));
            }
            owners[g].Systems.Add(s);
            groupOf.TryAdd(s.Id, (groupOf.Count, g));
        }

        // Every flow drawn is a system-level edge (counted for the first note); one between two owners is kept, with
        // what its edge needs, for each level. Two flows are one system-level edge when their systems and status are
        // (a flow's kind follows from its systems): each packed into one number (systems below 2^30, five statuses).
        // What each flow needs of the look-ups is found side by side, a block of flows at a time, then kept in model order.
        var flows = Model.EachIdOnce(Model.Flows.Where(FlowPasses)).ToArray();
        var systemEdges = new List<ulong>(flows.Length);
        var between = new List<Crossing>();
        var insideOwners = 0;
        var block = new FlowEnds[Math.Min(flows.Length, FlowBlock)];
        for (var start = 0; start < flows.Length; start += FlowBlock)
        {
            var count = Math.Min(FlowBlock, flows.Length - start);
            var first = start;
            SideBySide.For(count, count >= FlowBlock / 4, i => block[i] = Resolve(flows[first + i], groupOf));
            for (var i = 0; i < count; i++)
            {
                var (from, to, status, edgeKind, highlight, drawn) = block[i];
                if (!drawn)
                {
                    continue;
                }
                systemEdges.Add((ulong)from.System << 34 | (ulong)to.System << 4 | (ulong)status);
                if (from.Group == to.Group)
                {
                    insideOwners++;
                    continue;
                }
                between.Add(new Crossing(start + i, from.Group, to.Group, edgeKind, status, highlight));
            }
        }

        // Collapsed into owners; then, while over a quarter of the limits, level after level: a landscape too big to
        // draw system by system is a map for reading, not a hairball within the limits, which Graphviz lays out with
        // room for every label.
        var level = CollapseLevel.Owners(owners);
        var (edges, _) = level.CountEdges(between, null);
        var notes = new List<LocalizedText>
        {
            ViewAggregator.CollapseNote(maxNodes, maxEdges, [DiagramGroupKind.Agency], systems.Count, level.Count,
                CountDistinct(systemEdges), edges, insideOwners),
        };
        var aggregationLevel = 1;
        var levels = owners.Max(static o => o.Groups.Count);
        var quarterNodes = Math.Max(1, Options.MaxNodes / 4);
        var quarterEdges = Math.Max(0, Options.MaxEdges / 4);
        while ((level.Count > quarterNodes || edges > quarterEdges) && aggregationLevel < levels)
        {
            // A level at which no node has a group changes nothing, and says nothing.
            var next = level.Collapse(aggregationLevel++, owners);
            if (next is null)
            {
                continue;
            }
            var (nextEdges, inside) = next.CountEdges(between, level);
            notes.Add(ViewAggregator.CollapseNote(maxNodes, maxEdges, next.Kinds, level.Count, next.Count, edges, nextEdges, inside));
            level = next;
            edges = nextEdges;
        }

        var view = Frame(kind, title, direction) with
        {
            Nodes = GroupNodes(level, owners, systems.Count),
            Edges = MergedEdges(level, between, flows),
            AggregationLevel = aggregationLevel,
            Aggregated = true,
            Notes = notes,
        };
        return ViewAggregator.Fit(view, Options.MaxNodes, Options.MaxEdges);
    }

    /// <summary>The nodes of a level, sorted by key: each its members' systems counted, their ids sorted and their
    /// highlights combined. The ids are sorted once, all together, and dealt out to their nodes in that order.</summary>
    private DiagramNode[] GroupNodes(CollapseLevel level, List<Owner> owners, int systemCount)
    {
        var ids = new string[systemCount];
        var nodeOf = new int[systemCount];
        var sizes = new int[level.Count];
        var i = 0;
        for (var g = 0; g < owners.Count; g++)
        {
            var node = level.NodeOf[g];
            foreach (var s in owners[g].Systems)
            {
                ids[i] = s.Id;
                nodeOf[i++] = node;
            }
            sizes[node] += owners[g].Systems.Count;
        }
        OrdinalSort.Sort(ids, nodeOf);
        var members = new string[level.Count][];
        for (var n = 0; n < members.Length; n++)
        {
            members[n] = new string[sizes[n]];
        }
        var filled = new int[level.Count];
        var highlights = new ViewAggregator.HighlightUnion[level.Count];
        for (i = 0; i < ids.Length; i++)
        {
            var n = nodeOf[i];
            members[n][filled[n]++] = ids[i];
            highlights[n].Add(Highlight(ids[i]));
        }
        var nodes = new DiagramNode[level.Count];
        for (var n = 0; n < nodes.Length; n++)
        {
            var counts = new SortedDictionary<DiagramNodeKind, int> { [DiagramNodeKind.System] = sizes[n] };
            nodes[n] = ViewAggregator.GroupNode(level.Keys[n], level.Groups[n], owners[level.Representatives[n]].Groups,
                counts, highlights[n].Result, members[n], Language);
        }
        NaturalMergeSort.Sort(nodes, ViewAggregator.NodeKeyComparer.Instance);
        return nodes;
    }

    /// <summary>The flows between the nodes of a level, merged by their nodes, kind and status, in key order.</summary>
    private static List<DiagramEdge> MergedEdges(CollapseLevel level, List<Crossing> between, Flow[] flows)
    {
        var merged = new Dictionary<(int, int, DiagramEdgeKind, DiagramStatus), ViewAggregator.MergedEdge>();
        foreach (var (flow, fromOwner, toOwner, kind, status, highlight) in between)
        {
            var from = level.NodeOf[fromOwner];
            var to = level.NodeOf[toOwner];
            if (from == to)
            {
                continue;
            }
            ref var existing = ref CollectionsMarshal.GetValueRefOrAddDefault(merged, (from, to, kind, status), out var known);
            if (known)
            {
                existing!.Add(flows[flow].Id, highlight);
            }
            else
            {
                existing = new ViewAggregator.MergedEdge(new DiagramEdge
                {
                    From = level.Keys[from],
                    To = level.Keys[to],
                    Kind = kind,
                    Status = status,
                    ElementIds = [flows[flow].Id],
                    Highlight = highlight,
                });
            }
        }
        // The nodes' numbers and keys stand for each other.
        var byKeys = new Dictionary<(string, string, DiagramEdgeKind, DiagramStatus), ViewAggregator.MergedEdge>(merged.Count);
        foreach (var ((from, to, kind, status), edge) in merged)
        {
            byKeys.Add((level.Keys[from], level.Keys[to], kind, status), edge);
        }
        return ViewAggregator.Merged(byKeys);
    }

    /// <summary>How many flows a collapsed landscape resolves side by side before keeping them.</summary>
    private const int FlowBlock = 65_536;

    /// <summary>An owner of systems drawn: the groups it collapses into (agency, jurisdiction, area) and its systems.</summary>
    private sealed record Owner(IReadOnlyList<DiagramGroup?> Groups, List<InformationSystem> Systems);

    /// <summary>A flow drawn between two owners: its position among the flows, its owners' numbers, and its edge's kind,
    /// status and highlight.</summary>
    private readonly record struct Crossing(int Flow, int From, int To, DiagramEdgeKind Kind, DiagramStatus Status, DiagramHighlight? Highlight);

    /// <summary>What the merge needs of one flow: its systems' numbers and owner groups, status, kind and highlight;
    /// <c>Drawn</c> is false for a flow to itself or from or to a system not drawn.</summary>
    private readonly record struct FlowEnds(
        (int System, int Group) From, (int System, int Group) To, DiagramStatus Status, DiagramEdgeKind Kind, DiagramHighlight? Highlight, bool Drawn);

    /// <summary>Looks one flow up (reads only: safe side by side); the kind and highlight only for a flow between two groups.</summary>
    private FlowEnds Resolve(Flow flow, Dictionary<string, (int System, int Group)> groupOf)
    {
        if (flow.From == flow.To || !groupOf.TryGetValue(flow.From, out var from) || !groupOf.TryGetValue(flow.To, out var to))
        {
            return default;
        }
        var between = from.Group != to.Group;
        return new FlowEnds(from, to, FlowStatusOf(flow), between ? FlowKind(flow) : default, between ? Highlight(flow.Id) : null, true);
    }

    /// <summary>How many distinct values the list holds (it is sorted in place).</summary>
    private static int CountDistinct(List<ulong> values) => CountDistinct(CollectionsMarshal.AsSpan(values));

    /// <summary>How many distinct values the span holds (it is sorted in place).</summary>
    private static int CountDistinct(Span<ulong> values)
    {
        values.Sort();
        var distinct = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i == 0 || values[i] != values[i - 1])
            {
                distinct++;
            }
        }
        return distinct;
    }

    /// <summary>
    /// The nodes of a collapsed landscape at one level of aggregation, numbered: the node each owner is drawn in, and
    /// each node's key, its group (label, kind, rank), and the owner whose groups it carries on to the next level.
    /// </summary>
    /// <remarks>As <see cref="ViewAggregator"/> collapses a view: its nodes in key order, each into its group at the level
    /// (or kept, when it has none there); a group's node is made from its first member in that order, whose group and
    /// groups it takes. An edge packs into 64 bits while nodes number fewer than 2^28: they are at most the owners, and a
    /// model with 268 million agencies owning systems would not fit in memory.</remarks>
    private sealed class CollapseLevel
    {
        private CollapseLevel(int owners) => NodeOf = new int[owners];

        /// <summary>The node of each owner, by owner number.</summary>
        public int[] NodeOf { get; }

        public List<string> Keys { get; } = [];

        public List<DiagramGroup> Groups { get; } = [];

        /// <summary>The owner whose groups each node carries.</summary>
        public List<int> Representatives { get; } = [];

        /// <summary>The kinds of the groups collapsed into at this level, for its note.</summary>
        public SortedSet<DiagramGroupKind> Kinds { get; } = [];

        public int Count => Keys.Count;

        /// <summary>The first level: a node per owner, its agency.</summary>
        public static CollapseLevel Owners(List<Owner> owners)
        {
            var level = new CollapseLevel(owners.Count);
            for (var g = 0; g < owners.Count; g++)
            {
                var agency = owners[g].Groups[0]!;
                level.NodeOf[g] = g;
                level.Keys.Add("g:0:" + agency.Key);
                level.Groups.Add(agency);
                level.Representatives.Add(g);
            }
            level.Kinds.Add(DiagramGroupKind.Agency);
            return level;
        }

        /// <summary>This level's nodes collapsed into their groups at <paramref name="depth"/>; <see langword="null"/> when
        /// none has a group there.</summary>
        public CollapseLevel? Collapse(int depth, List<Owner> owners)
        {
            var next = new CollapseLevel(NodeOf.Length);
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            // One collapsed key per group, not one string per node.
            var collapsedKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            var into = new int[Count];
            // The first member of each new node in key order, found in one pass rather than by sorting the keys.
            var firsts = new List<int>();
            var grouped = false;
            for (var n = 0; n < Count; n++)
            {
                var groups = owners[Representatives[n]].Groups;
                var group = depth < groups.Count ? groups[depth] : null;
                var key = Keys[n];
                if (group is not null)
                {
                    grouped = true;
                    ref var collapsed = ref CollectionsMarshal.GetValueRefOrAddDefault(collapsedKeys, group.Key, out var known);
                    key = known ? collapsed! : collapsed = "g:" + depth + ":" + group.Key;
                }
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, key, out var seen);
                if (!seen)
                {
                    number = next.Keys.Count;
                    next.Keys.Add(key);
                    firsts.Add(n);
                }
                else if (string.CompareOrdinal(Keys[n], Keys[firsts[number]]) < 0)
                {
                    firsts[number] = n;
                }
                into[n] = number;
            }
            if (!grouped)
            {
                return null;
            }
            foreach (var first in firsts)
            {
                var groups = owners[Representatives[first]].Groups;
                var group = depth < groups.Count ? groups[depth] : null;
                next.Groups.Add(group ?? Groups[first]);
                next.Representatives.Add(Representatives[first]);
                if (group is not null)
                {
                    next.Kinds.Add(group.Kind);
                }
            }
            for (var g = 0; g < NodeOf.Length; g++)
            {
                next.NodeOf[g] = into[NodeOf[g]];
            }
            return next;
        }

        /// <summary>How many edges the flows between owners make at this level (distinct nodes, kind and status), and how
        /// many of them, drawn between two nodes of <paramref name="before"/>, fall inside one node here.</summary>
        public (int Edges, int Inside) CountEdges(List<Crossing> between, CollapseLevel? before)
        {
            var keys = new ulong[between.Count];
            var count = 0;
            var inside = 0;
            foreach (var c in between)
            {
                var from = NodeOf[c.From];
                var to = NodeOf[c.To];
                if (from == to)
                {
                    inside += before is not null && before.NodeOf[c.From] != before.NodeOf[c.To] ? 1 : 0;
                    continue;
                }
                keys[count++] = (ulong)from << 36 | (ulong)to << 8 | (ulong)c.Kind << 3 | (ulong)c.Status;
            }
            return (CountDistinct(keys.AsSpan(0, count)), inside);
        }
    }
}
