using ArchModel.Diagnostics;

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
                Notes = [.. view.Notes, new LocalizedText(
                    $"连线仍超过上限 {maxEdges} 条：只画出权重最大的 {kept.Count} 条，省略 {dropped} 条。",
                    $"Still more than {maxEdges} edges: only the {kept.Count} heaviest are drawn, {dropped} left out.")],
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
                Notes = [.. view.Notes, new LocalizedText(
                    $"节点仍超过上限 {maxNodes} 个：只画出连线最多的 {keep.Count} 个，省略 {dropped} 个。",
                    $"Still more than {maxNodes} nodes: only the {keep.Count} most connected are drawn, {dropped} left out.")],
            };
        }
        return view;
    }

    /// <summary>Collapses every node that has a group at <paramref name="level"/> into that group.</summary>
    private static DiagramView Collapse(DiagramView view, int level, int maxNodes, int maxEdges)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new SortedDictionary<string, List<DiagramNode>>(StringComparer.Ordinal);
        var groupInfo = new Dictionary<string, DiagramGroup>(StringComparer.Ordinal);
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
            var key = "g:" + level + ":" + group.Key;
            map[node.Key] = key;
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
                groupInfo[key] = group;
            }
            members.Add(node);
        }
        if (groups.Count == 0)
        {
            return view with { AggregationLevel = level + 1 };
        }
        var language = view.Language;
        var kinds = new SortedSet<DiagramGroupKind>();
        foreach (var (key, members) in groups)
        {
            var info = groupInfo[key];
            kinds.Add(info.Kind);
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
            DiagramHighlight? highlight = null;
            foreach (var m in members)
            {
                highlight = DiagramHighlight.Merge(highlight, m.Highlight);
            }
            nodes.Add(new DiagramNode
            {
                Key = key,
                Kind = DiagramNodeKind.Group,
                Label = info.Label,
                Details = [DiagramStyle.CountsText(counts, language)],
                // Clusters hold what is being collapsed (an agency's systems, a finding's elements): a group
                // node stands outside them.
                Cluster = null,
                ElementIds = members.SelectMany(static m => m.ElementIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                Highlight = highlight,
                Groups = members[0].Groups,
                Counts = counts,
            });
        }
        var edges = MergeEdges(view.Edges, map, out var internalEdges);
        var nodeArray = nodes.OrderBy(static n => n.Key, StringComparer.Ordinal).ToArray();
        var kindText = string.Join("、", kinds.Select(k => DiagramStyle.GroupKindText(k).Chinese));
        var kindTextEn = string.Join(", ", kinds.Select(k => DiagramStyle.GroupKindText(k).English));
        var note = new LocalizedText(
            $"模型超过可读上限（{maxNodes} 个节点、{maxEdges} 条连线），已按{kindText}聚合：{view.Nodes.Count} 个节点合并为 {nodeArray.Length} 个，{view.Edges.Count} 条连线合并为 {edges.Count} 条" +
                (internalEdges > 0 ? $"，{internalEdges} 条组内连线未画出。" : "。"),
            $"Too big to read (limits: {maxNodes} nodes, {maxEdges} edges): collapsed by {kindTextEn}, {view.Nodes.Count} nodes into {nodeArray.Length}, {view.Edges.Count} edges into {edges.Count}" +
                (internalEdges > 0 ? $"; {internalEdges} edges inside groups are not drawn." : "."));
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

    private static DiagramCluster[] KeepUsedClusters(IReadOnlyList<DiagramCluster> clusters, IReadOnlyList<DiagramNode> nodes)
    {
        var used = nodes.Select(static n => n.Cluster).Where(static c => c is not null).ToHashSet(StringComparer.Ordinal);
        return clusters.Where(c => used.Contains(c.Key)).ToArray();
    }

    /// <summary>Re-points edges through <paramref name="map"/>, drops the ones that fall inside one node and
    /// merges parallel edges of one kind and status.</summary>
    internal static List<DiagramEdge> MergeEdges(IEnumerable<DiagramEdge> edges, IReadOnlyDictionary<string, string> map, out int internalEdges)
    {
        internalEdges = 0;
        var merged = new SortedDictionary<(string, string, DiagramEdgeKind, DiagramStatus), DiagramEdge>(EdgeKeyComparer.Instance);
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
                merged[key] = existing with
                {
                    Weight = existing.Weight + edge.Weight,
                    Label = existing.Label == edge.Label ? existing.Label : null,
                    ElementIds = existing.ElementIds.Concat(edge.ElementIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                    Highlight = DiagramHighlight.Merge(existing.Highlight, edge.Highlight),
                };
            }
            else
            {
                merged[key] = edge with { From = from, To = to };
            }
        }
        return [.. merged.Values];
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
