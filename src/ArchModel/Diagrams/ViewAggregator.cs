using System.Runtime.InteropServices;
using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Diagrams;

/// <summary>
/// Keeps a view readable: when it has more nodes or edges than allowed, collapses nodes into their groups
/// level by level (systems into agencies, agencies into sectors, …), and as a last resort keeps the
/// heaviest edges and the most connected nodes. Every step is recorded in the view's notes.
/// </summary>
/// <remarks>Stateless and deterministic: the same view and limits always give the same result.</remarks>
public static class ViewAggregator
{
    /// <summary>Returns <paramref name="view"/> if it fits, else an aggregated view with at most
    /// <paramref name="maxNodes"/> nodes and <paramref name="maxEdges"/> edges.</summary>
    /// <param name="view">The view.</param>
    /// <param name="maxNodes">The most nodes allowed (at least 1).</param>
    /// <param name="maxEdges">The most edges allowed (at least 0).</param>
    /// <returns>A view within the limits.</returns>
    public static DiagramView Fit(DiagramView view, int maxNodes, int maxEdges)
    {
        ArgumentNullException.ThrowIfNull(view);
        maxNodes = Math.Max(1, maxNodes);
        maxEdges = Math.Max(0, maxEdges);
        var levels = view.Nodes.Count == 0 ? 0 : view.Nodes.Max(static n => n.Groups.Count);
        while ((view.Nodes.Count > maxNodes || view.Edges.Count > maxEdges) && view.AggregationLevel < levels)
        {
            view = Collapse(view, view.AggregationLevel, maxNodes, maxEdges);
        }
        if (view.Edges.Count > maxEdges)
        {
            var kept = view.Edges
                .OrderByDescending(static e => e.Weight)
                .ThenBy(static e => e.From, StringComparer.Ordinal)
                .ThenBy(static e => e.To, StringComparer.Ordinal)
                .ThenBy(static e => e.Kind)
                .ThenBy(static e => e.Status)
                .Take(maxEdges)
                .ToHashSet();
            var dropped = view.Edges.Count - kept.Count;
            view = view with
            {
                Edges = view.Edges.Where(kept.Contains).ToArray(),
                Aggregated = true,
                Notes = [.. view.Notes, Texts.Of("view.note.edges-cut", maxEdges, kept.Count, dropped)],
            };
        }
        if (view.Nodes.Count > maxNodes)
        {
            var degree = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var e in view.Edges)
            {
                degree[e.From] = degree.GetValueOrDefault(e.From) + e.Weight;
                degree[e.To] = degree.GetValueOrDefault(e.To) + e.Weight;
            }
            var keep = view.Nodes
                .OrderByDescending(n => degree.GetValueOrDefault(n.Key))
                .ThenBy(static n => n.Key, StringComparer.Ordinal)
                .Take(maxNodes)
                .Select(static n => n.Key)
                .ToHashSet(StringComparer.Ordinal);
            var dropped = view.Nodes.Count - keep.Count;
            var nodes = view.Nodes.Where(n => keep.Contains(n.Key)).ToArray();
            view = view with
            {
                Nodes = nodes,
                Edges = view.Edges.Where(e => keep.Contains(e.From) && keep.Contains(e.To)).ToArray(),
                Clusters = KeepUsedClusters(view.Clusters, nodes),
                Aggregated = true,
                Notes = [.. view.Notes, Texts.Of("view.note.nodes-cut", maxNodes, keep.Count, dropped)],
            };
        }
        return view;
    }

    /// <summary>Collapses level after level while the view has more than <paramref name="nodes"/> nodes or
    /// <paramref name="edges"/> edges and a level is left; never drops anything (<see cref="Fit"/> does, after).</summary>
    internal static DiagramView CollapseWhile(DiagramView view, int nodes, int edges, int maxNodes, int maxEdges)
    {
        var levels = view.Nodes.Count == 0 ? 0 : view.Nodes.Max(static n => n.Groups.Count);
        while ((view.Nodes.Count > nodes || view.Edges.Count > edges) && view.AggregationLevel < levels)
        {
            view = Collapse(view, view.AggregationLevel, maxNodes, maxEdges);
        }
        return view;
    }

    /// <summary>Collapses every node that has a group at <paramref name="level"/> into that group.</summary>
    private static DiagramView Collapse(DiagramView view, int level, int maxNodes, int maxEdges)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<DiagramNode>>(StringComparer.Ordinal);
        var groupInfo = new Dictionary<string, DiagramGroup>(StringComparer.Ordinal);
        var keyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<DiagramNode>();
        foreach (var node in view.Nodes)
        {
            var group = level < node.Groups.Count ? node.Groups[level] : null;
            if (group is null)
            {
                map[node.Key] = node.Key;
                nodes.Add(node);
                continue;
            }
            // One collapsed key per group, not one string per node.
            if (!keyOf.TryGetValue(group.Key, out var key))
            {
                keyOf[group.Key] = key = "g:" + level + ":" + group.Key;
                groups[key] = [];
                groupInfo[key] = group;
            }
            map[node.Key] = key;
            groups[key].Add(node);
        }
        if (groups.Count == 0)
        {
            return view with { AggregationLevel = level + 1 };
        }
        var language = view.Language;
        var kinds = new SortedSet<DiagramGroupKind>();
        var groupKeys = new string[groups.Count];
        groups.Keys.CopyTo(groupKeys, 0);
        Array.Sort(groupKeys, StringComparer.Ordinal);
        foreach (var key in groupKeys)
        {
            kinds.Add(groupInfo[key].Kind);
        }
        // Each group's node (its counts, highlight and sorted ids) is made from its own members: side by side when
        // the view is large (a national landscape's provinces gather a hundred thousand ids each), in key order.
        var groupNodes = new DiagramNode[groupKeys.Length];
        SideBySide.For(groupKeys.Length, view.Nodes.Count >= CollapseSideBySideFrom, g => groupNodes[g] = Group(groupKeys[g]));
        nodes.AddRange(groupNodes);
        var edges = MergeEdges(view.Edges, map, out var internalEdges);
        return Collapsed(view, level, maxNodes, maxEdges, view.Nodes.Count, view.Edges.Count, nodes, kinds, edges, internalEdges);

        DiagramNode Group(string key)
        {
            var members = groups[key];
            var info = groupInfo[key];
            var counts = new SortedDictionary<DiagramNodeKind, int>();
            foreach (var m in members)
            {
                if (m.Kind == DiagramNodeKind.Group)
                {
                    foreach (var (k, c) in m.Counts)
                    {
                        counts[k] = counts.GetValueOrDefault(k) + c;
                    }
                }
                else
                {
                    counts[m.Kind] = counts.GetValueOrDefault(m.Kind) + 1;
                }
            }
            var highlight = new HighlightUnion();
            foreach (var m in members)
            {
                highlight.Add(m.Highlight);
            }
            return GroupNode(key, info, members[0].Groups, counts, highlight.Result, SortedIds(members), language);
        }
    }

    /// <summary>From this many nodes a collapse makes its group nodes side by side.</summary>
    private const int CollapseSideBySideFrom = 16_384;

    /// <summary>A node standing for the members of a group.</summary>
    internal static DiagramNode GroupNode(string key, DiagramGroup info, IReadOnlyList<DiagramGroup?> groups,
        SortedDictionary<DiagramNodeKind, int> counts, DiagramHighlight? highlight, string[] ids, Language language) => new()
    {
        Key = key,
        Kind = DiagramNodeKind.Group,
        Label = info.Label,
        Details = [DiagramStyle.CountsText(counts, language)],
        // Clusters hold what is being collapsed (an agency's systems, a finding's elements): a group
        // node stands outside them.
        Cluster = null,
        ElementIds = ids,
        Highlight = highlight,
        Groups = groups,
        Counts = counts,
        Rank = info.Rank,
    };

    /// <summary>The view collapsed at <paramref name="level"/>: its nodes and edges replaced, with a note of
    /// how many of each there were (<paramref name="nodesBefore"/>, <paramref name="edgesBefore"/>) and are.</summary>
    internal static DiagramView Collapsed(DiagramView view, int level, int maxNodes, int maxEdges, int nodesBefore, int edgesBefore,
        List<DiagramNode> nodes, SortedSet<DiagramGroupKind> kinds, List<DiagramEdge> edges, int internalEdges)
    {
        var nodeArray = nodes.ToArray();
        NaturalMergeSort.Sort(nodeArray, NodeKeyComparer.Instance);
        var note = CollapseNote(maxNodes, maxEdges, kinds, nodesBefore, nodeArray.Length, edgesBefore, edges.Count, internalEdges);
        return view with
        {
            Nodes = nodeArray,
            Edges = edges,
            Clusters = KeepUsedClusters(view.Clusters, nodeArray),
            AggregationLevel = level + 1,
            Aggregated = true,
            Notes = [.. view.Notes, note],
        };
    }

    /// <summary>The note of one collapse: the limits, the kinds of groups collapsed into, the nodes and edges before and
    /// after, and how many edges fell inside a group and are no longer drawn.</summary>
    internal static LocalizedText CollapseNote(int maxNodes, int maxEdges, IEnumerable<DiagramGroupKind> kinds, int nodesBefore, int nodesAfter,
        int edgesBefore, int edgesAfter, int internalEdges)
    {
        var kindText = LocalizedText.Compose(kinds.ToArray(), static (ks, language) =>
            string.Join(Texts.Get("p.sep", language), ks.Select(k => DiagramStyle.GroupKindText(k)[language])));
        return Texts.Of("view.note.collapsed", maxNodes, maxEdges, kindText, nodesBefore, nodesAfter, edgesBefore, edgesAfter,
            internalEdges > 0 ? Texts.Of("view.note.collapsed.internal", internalEdges) : Texts.Of("p.period"));
    }

    /// <summary>The ids of the members' elements, each once, sorted ordinally.</summary>
    private static string[] SortedIds(List<DiagramNode> members)
    {
        var all = new List<string>();
        foreach (var m in members)
        {
            all.AddRange(m.ElementIds);
        }
        NaturalMergeSort.Sort(CollectionsMarshal.AsSpan(all), StringComparer.Ordinal);
        var ids = new List<string>(all.Count);
        foreach (var id in all)
        {
            if (ids.Count == 0 || !string.Equals(ids[^1], id, StringComparison.Ordinal))
            {
                ids.Add(id);
            }
        }
        return ids.ToArray();
    }

    private static DiagramCluster[] KeepUsedClusters(IReadOnlyList<DiagramCluster> clusters, IReadOnlyList<DiagramNode> nodes)
    {
        var used = nodes.Select(static n => n.Cluster).Where(static c => c is not null).ToHashSet(StringComparer.Ordinal);
        return clusters.Where(c => used.Contains(c.Key)).ToArray();
    }

    /// <summary>Re-points edges through <paramref name="map"/>, drops the ones that fall inside one node and
    /// merges parallel edges of one kind and status.</summary>
    /// <remarks>Linear in the edges apart from one sort of the merged keys and of each merged edge's ids: a
    /// collapsed national landscape merges tens of thousands of flows into one edge between two sectors, so the
    /// ids are gathered and sorted once per merged edge, never re-sorted as each flow joins.</remarks>
    internal static List<DiagramEdge> MergeEdges(IEnumerable<DiagramEdge> edges, IReadOnlyDictionary<string, string> map, out int internalEdges)
    {
        internalEdges = 0;
        var merged = new Dictionary<(string, string, DiagramEdgeKind, DiagramStatus), MergedEdge>();
        foreach (var edge in edges)
        {
            var from = map.GetValueOrDefault(edge.From, edge.From);
            var to = map.GetValueOrDefault(edge.To, edge.To);
            if (from == to)
            {
                internalEdges += edge.Weight;
                continue;
            }
            if (edge.Undirected && string.CompareOrdinal(from, to) > 0)
            {
                (from, to) = (to, from);
            }
            var key = (from, to, edge.Kind, edge.Status);
            if (merged.TryGetValue(key, out var existing))
            {
                existing.Add(edge);
            }
            else
            {
                merged[key] = new MergedEdge(from == edge.From && to == edge.To ? edge : edge with { From = from, To = to });
            }
        }
        return Merged(merged);
    }

    /// <summary>The merged edges in key order: source, target, kind, status.</summary>
    internal static List<DiagramEdge> Merged(Dictionary<(string, string, DiagramEdgeKind, DiagramStatus), MergedEdge> merged)
    {
        var keys = new (string, string, DiagramEdgeKind, DiagramStatus)[merged.Count];
        merged.Keys.CopyTo(keys, 0);
        NaturalMergeSort.Sort(keys, EdgeKeyComparer.Instance);
        // Each merged edge sorts its own ids: side by side, when there are many (the dictionary is only read).
        var edges = new DiagramEdge[keys.Length];
        SideBySide.For(keys.Length, keys.Length >= MergeSideBySideFrom, i => edges[i] = merged[keys[i]].ToEdge());
        return [.. edges];
    }

    /// <summary>From this many merged edges their ids are sorted side by side.</summary>
    private const int MergeSideBySideFrom = 4096;

    /// <summary>Parallel edges being merged: the first (re-pointed) and what the others add to it.</summary>
    internal sealed class MergedEdge(DiagramEdge first)
    {
        private int _weight = first.Weight;
        private string? _label = first.Label;
        private HighlightUnion _highlight = HighlightUnion.Of(first.Highlight);
        private List<string>? _ids;

        public void Add(DiagramEdge edge)
        {
            _weight += edge.Weight;
            // A label survives only if every merged edge has it.
            _label = _label == edge.Label ? _label : null;
            Ids.AddRange(edge.ElementIds);
            _highlight.Add(edge.Highlight);
        }

        /// <summary>What an unlabelled edge of weight 1 and one element adds, without making the edge (a national
        /// model merges a million).</summary>
        public void Add(string elementId, DiagramHighlight? highlight)
        {
            _weight++;
            _label = null;
            Ids.Add(elementId);
            _highlight.Add(highlight);
        }

        private List<string> Ids => _ids ??= [.. first.ElementIds];

        /// <summary>The first edge as it is when nothing joined it; else the merge: weights summed, the ids
        /// of all, each once, sorted ordinally, the highlights combined.</summary>
        public DiagramEdge ToEdge()
        {
            if (_ids is null)
            {
                return first;
            }
            NaturalMergeSort.Sort(CollectionsMarshal.AsSpan(_ids), StringComparer.Ordinal);
            var ids = new List<string>(_ids.Count);
            foreach (var id in _ids)
            {
                if (ids.Count == 0 || !string.Equals(ids[^1], id, StringComparison.Ordinal))
                {
                    ids.Add(id);
                }
            }
            return first with { Weight = _weight, Label = _label, ElementIds = ids.ToArray(), Highlight = _highlight.Result };
        }
    }

    /// <summary>Combines highlights as <see cref="DiagramHighlight.Merge"/> applied one after another would (the
    /// most serious severity, the rule codes each once, sorted), without a new highlight at each step.</summary>
    internal struct HighlightUnion
    {
        private DiagramHighlight? _first;
        private int _count;
        private DiagnosticSeverity _severity;
        private HashSet<string>? _rules;
        private HashSet<string>? _names;

        public static HighlightUnion Of(DiagramHighlight? highlight)
        {
            var union = new HighlightUnion();
            union.Add(highlight);
            return union;
        }

        public void Add(DiagramHighlight? highlight)
        {
            if (highlight is null)
            {
                return;
            }
            if (++_count == 1)
            {
                _first = highlight;
                _severity = highlight.Severity;
                return;
            }
            _rules ??= new HashSet<string>(_first!.Rules, StringComparer.Ordinal);
            _rules.UnionWith(highlight.Rules);
            _names ??= new HashSet<string>(_first!.Names, StringComparer.Ordinal);
            _names.UnionWith(highlight.Names);
            if (highlight.Severity > _severity)
            {
                _severity = highlight.Severity;
            }
        }

        /// <summary>No highlight, the only one added, or their combination.</summary>
        public readonly DiagramHighlight? Result => _count switch
        {
            0 => null,
            1 => _first,
            _ => new DiagramHighlight(_severity, _rules!.Order(StringComparer.Ordinal).ToArray()) { Names = _names!.Order(StringComparer.Ordinal).ToArray() },
        };
    }

    /// <summary>Nodes in ordinal order of their keys.</summary>
    internal sealed class NodeKeyComparer : IComparer<DiagramNode>
    {
        public static readonly NodeKeyComparer Instance = new();

        public int Compare(DiagramNode? x, DiagramNode? y) => string.CompareOrdinal(x!.Key, y!.Key);
    }

    /// <summary>Orders edge keys ordinally: source, target, kind, status.</summary>
    internal sealed class EdgeKeyComparer : IComparer<(string, string, DiagramEdgeKind, DiagramStatus)>
    {
        public static readonly EdgeKeyComparer Instance = new();

        public int Compare((string, string, DiagramEdgeKind, DiagramStatus) x, (string, string, DiagramEdgeKind, DiagramStatus) y)
        {
            var c = string.CompareOrdinal(x.Item1, y.Item1);
            if (c != 0) return c;
            c = string.CompareOrdinal(x.Item2, y.Item2);
            if (c != 0) return c;
            c = x.Item3.CompareTo(y.Item3);
            return c != 0 ? c : x.Item4.CompareTo(y.Item4);
        }
    }
}
