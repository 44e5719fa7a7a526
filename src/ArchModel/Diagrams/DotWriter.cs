using System.Globalization;
using System.Text;
using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Diagrams;

/// <summary>
/// Writes a view as Graphviz DOT: a <c>digraph</c> with generated node identifiers (<c>n1</c>, <c>n2</c>, … in
/// key order), every label a quoted and escaped string, a CJK-capable font list, clusters, a legend and the
/// title and notes as the graph's label.
/// </summary>
/// <remarks>Stateless and thread-safe. Verified by running Graphviz <c>dot</c> over its output in the tests.</remarks>
public sealed class DotWriter : IDiagramWriter
{
    /// <inheritdoc />
    public string Name => "dot";

    /// <inheritdoc />
    public string FileExtension => ".dot";

    /// <summary>The font list written on the graph, nodes and edges.</summary>
    public static string FontList => DiagramStyle.FontList;

    /// <inheritdoc />
    public void Write(DiagramView view, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        var lang = view.Language;
        var ids = NodeIds(view);
        var text = new StringBuilder();
        text.Append("digraph \"archmodel\" {\n");
        var titleLines = new List<string> { view.Title[lang] };
        titleLines.AddRange(view.Notes.Select(n => n[lang]));
        text.Append("  graph [charset=\"UTF-8\", fontname=").Append(Quote(FontList))
            .Append(", fontsize=16, label=\"").Append(EscapeLines(titleLines.SelectMany(DiagramText.Lines), "\\l")).Append("\\l\"")
            .Append(", labelloc=\"t\", labeljust=\"l\", rankdir=\"").Append(view.Direction == DiagramDirection.TopToBottom ? "TB" : "LR")
            .Append("\", newrank=true, nodesep=\"0.25\", ranksep=\"0.6\", pad=\"0.3\", outputorder=\"edgesfirst\"")
            // Rows by level hold labelled edges between nodes of one row, which dot's spline router can fail on ("Unable
            // to reclaim box space"); polylines route them.
            .Append(RankRows(view).Length >= 2 ? ", splines=\"polyline\"" : "").Append("];\n");
        text.Append("  node [fontname=").Append(Quote(FontList)).Append(", fontsize=11, shape=\"box\", style=\"rounded,filled\", margin=\"0.12,0.06\"];\n");
        text.Append("  edge [fontname=").Append(Quote(FontList)).Append(", fontsize=9, arrowsize=\"0.7\"];\n");

        var byCluster = view.Nodes.Where(static n => n.Cluster is not null).GroupBy(static n => n.Cluster!, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.ToArray(), StringComparer.Ordinal);
        var clusterNumber = 0;
        foreach (var cluster in view.Clusters)
        {
            clusterNumber++;
            if (!byCluster.TryGetValue(cluster.Key, out var members))
            {
                continue;
            }
            var color = cluster.Highlight is { } h ? DiagramStyle.HighlightColor(h.Severity) : cluster.Focus ? "#F9A825" : "#B0BEC5";
            var fill = cluster.Focus ? "#FFFDE7" : "#F7F9FB";
            text.Append("  subgraph \"cluster_c").Append(clusterNumber.ToString(CultureInfo.InvariantCulture)).Append("\" {\n");
            text.Append("    graph [label=").Append(Label(DiagramStyle.ClusterLines(cluster, view)))
                .Append(", style=\"rounded,filled\", fillcolor=\"").Append(fill).Append("\", color=\"").Append(color)
                .Append("\", penwidth=").Append(cluster.Highlight is not null || cluster.Focus ? "2.5" : "1")
                .Append(", fontsize=12, fontcolor=\"").Append(cluster.Highlight is { } hc ? DiagramStyle.HighlightColor(hc.Severity) : "#37474F").Append("\"");
            if (cluster.ElementId is { } id)
            {
                text.Append(", tooltip=").Append(Quote(Tooltip(cluster.Highlight, [id])));
            }
            text.Append("];\n");
            foreach (var node in members)
            {
                text.Append("    ");
                WriteNode(text, node, ids[node.Key], view);
            }
            text.Append("  }\n");
        }
        var known = view.Clusters.Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var node in view.Nodes.Where(n => n.Cluster is null || !known.Contains(n.Cluster)))
        {
            text.Append("  ");
            WriteNode(text, node, ids[node.Key], view);
        }
        foreach (var edge in view.Edges)
        {
            if (!ids.TryGetValue(edge.From, out var from) || !ids.TryGetValue(edge.To, out var to))
            {
                continue;
            }
            WriteEdge(text, edge, from, to);
        }
        WriteRanks(text, view, ids);
        WriteColumns(text, view, ids);
        WriteLegend(text, view);
        text.Append("}\n");
        output.Write(text.ToString());
    }

    /// <summary>Escapes text for a DOT double-quoted string and quotes it: backslashes and quotes are
    /// escaped, <c>&amp;</c> becomes <c>&amp;amp;</c> (Graphviz decodes entities in every label), line breaks
    /// become <c>\n</c>, other control characters spaces.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + EscapeLines(DiagramText.Lines(text)) + "\"";
    }

    /// <summary>Escapes text for a Graphviz HTML-like label (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&quot;</c>;
    /// line breaks become spaces).</summary>
    public static string EscapeHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var c in string.Join(" ", DiagramText.Lines(text)))
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static string Label(IEnumerable<string> lines) =>
        "\"" + EscapeLines(lines.SelectMany(DiagramText.Lines)) + "\"";

    private static string EscapeLines(IEnumerable<string> lines, string separator = "\\n")
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var line in lines)
        {
            if (!first)
            {
                sb.Append(separator);
            }
            first = false;
            foreach (var c in line)
            {
                switch (c)
                {
                    case '\\': sb.Append("\\\\"); break;
                    case '"': sb.Append("\\\""); break;
                    // Graphviz decodes HTML entities (&amp;, &#35;) even in plain labels: keep a literal '&'.
                    case '&': sb.Append("&amp;"); break;
                    default: sb.Append(c); break;
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>The rule codes of a highlight (the marker spells the findings out; the codes are for looking them up),
    /// then the ids.</summary>
    private static string Tooltip(DiagramHighlight? highlight, IReadOnlyList<string> ids) => highlight is null
        ? Tooltip(ids)
        : ids.Count == 0 ? "⚠ " + highlight.Codes : "⚠ " + highlight.Codes + " · " + Tooltip(ids);

    /// <summary>The ids, comma-separated, clipped to 200 text elements.</summary>
    /// <remarks>A collapsed node stands for every system of a sector: only as many ids are joined as the clipped
    /// text can show. A prefix of more than 200 text elements clips to the same text as the whole, whose
    /// first text elements are those of the prefix.</remarks>
    private static string Tooltip(IReadOnlyList<string> ids)
    {
        const int max = 200;
        var text = new StringBuilder();
        var check = max;
        for (var i = 0; i < ids.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }
            text.Append(ids[i]);
            if (text.Length > check && i < ids.Count - 1)
            {
                var prefix = text.ToString();
                if (new StringInfo(prefix).LengthInTextElements > max)
                {
                    return DiagramText.Clip(prefix, max);
                }
                check = 2 * text.Length;
            }
        }
        return DiagramText.Clip(text.ToString(), max);
    }

    internal static Dictionary<string, string> NodeIds(DiagramView view)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var node in view.Nodes.OrderBy(static n => n.Key, StringComparer.Ordinal))
        {
            ids.TryAdd(node.Key, "n" + (++i).ToString(CultureInfo.InvariantCulture));
        }
        return ids;
    }

    private static string Shape(DiagramNodeKind kind) => kind switch
    {
        DiagramNodeKind.Agency => "box",
        DiagramNodeKind.Network => "hexagon",
        DiagramNodeKind.Platform => "cylinder",
        DiagramNodeKind.Capability => "ellipse",
        DiagramNodeKind.DataResource => "note",
        DiagramNodeKind.Group => "box3d",
        DiagramNodeKind.Note => "note",
        _ => "box",
    };

    private static void WriteNode(StringBuilder text, DiagramNode node, string id, DiagramView view)
    {
        var look = DiagramStyle.Look(node.Kind, node.Variant);
        var style = node.Kind is DiagramNodeKind.System ? "rounded,filled" : "filled";
        var status = DiagramStyle.StatusLook(node.Status);
        var fill = status.Fill ?? look.Fill;
        var font = status.Font ?? look.Font;
        var stroke = status.Stroke ?? look.Stroke;
        if (status.Line.Length > 0)
        {
            style += "," + status.Line;
        }
        if (node.Kind == DiagramNodeKind.Note)
        {
            fill = "#FFFDE7";
        }
        text.Append('"').Append(id).Append("\" [label=").Append(Label(DiagramStyle.NodeLines(node, view)))
            .Append(", shape=\"").Append(Shape(node.Kind)).Append("\", style=\"").Append(style)
            .Append("\", fillcolor=\"").Append(fill).Append("\", fontcolor=\"").Append(font).Append('"');
        if (node.Highlight is { } h)
        {
            text.Append(", color=\"").Append(DiagramStyle.HighlightColor(h.Severity)).Append("\", penwidth=2.5");
        }
        else
        {
            text.Append(", color=\"").Append(stroke).Append('"');
        }
        if (node.ElementIds.Count > 0 || node.Highlight is not null)
        {
            text.Append(", tooltip=").Append(Quote(Tooltip(node.Highlight, node.ElementIds)));
        }
        text.Append("];\n");
    }

    private static void WriteEdge(StringBuilder text, DiagramEdge edge, string from, string to)
    {
        var look = DiagramStyle.Look(edge.Kind);
        var styles = new List<string>();
        if (look.Dashed || edge.Status is DiagramStatus.Planned or DiagramStatus.Building)
        {
            styles.Add("dashed");
        }
        else if (look.Dotted || edge.Status is DiagramStatus.Retired or DiagramStatus.Retiring)
        {
            styles.Add("dotted");
        }
        var color = edge.Highlight is { } h ? DiagramStyle.HighlightColor(h.Severity) : look.Color;
        var width = DiagramStyle.Width(edge) + (edge.Highlight is null ? 0 : 1.5);
        text.Append("  \"").Append(from).Append("\" -> \"").Append(to).Append("\" [color=\"").Append(color)
            .Append("\", penwidth=").Append(DiagramStyle.Number(width));
        if (styles.Count > 0)
        {
            text.Append(", style=\"").Append(string.Join(",", styles)).Append('"');
        }
        if (edge.Undirected)
        {
            text.Append(", dir=\"none\"");
        }
        var lines = DiagramStyle.EdgeLines(edge);
        if (lines.Count > 0)
        {
            text.Append(", label=").Append(Label(lines)).Append(", fontcolor=\"").Append(color).Append('"');
        }
        if (edge.ElementIds.Count > 0 || edge.Highlight is not null)
        {
            text.Append(", tooltip=").Append(Quote(Tooltip(edge.Highlight, edge.ElementIds)));
        }
        text.Append("];\n");
    }

    /// <summary>The nodes outside clusters that have a rank, one row per rank, top-down.</summary>
    private static IGrouping<int, DiagramNode>[] RankRows(DiagramView view) =>
        view.Nodes.Where(static n => n.Rank is not null && n.Cluster is null).GroupBy(static n => n.Rank!.Value).OrderBy(static g => g.Key).ToArray();

    /// <summary>Nodes outside clusters that have a rank (a level of government) are drawn in one row per rank, in
    /// rank order top-down, held in order by an invisible chain when ranks are not joined by edges.</summary>
    private static void WriteRanks(StringBuilder text, DiagramView view, Dictionary<string, string> ids)
    {
        var rows = RankRows(view);
        if (rows.Length < 2)
        {
            return;
        }
        foreach (var row in rows)
        {
            text.Append("  { rank=\"same\"; ");
            foreach (var node in row)
            {
                text.Append('"').Append(ids[node.Key]).Append("\"; ");
            }
            text.Append("}\n");
        }
        for (var i = 1; i < rows.Length; i++)
        {
            text.Append("  \"").Append(ids[rows[i - 1].First().Key]).Append("\" -> \"").Append(ids[rows[i].First().Key])
                .Append("\" [style=\"invis\", weight=0];\n");
        }
    }

    /// <summary>
    /// A view of many small disconnected pieces (a capability and its systems, …) would be laid out as one
    /// long strip. Without clusters, the pieces are dealt into columns, held apart by a chain of invisible
    /// anchors, so that the drawing keeps a readable shape. (Graphviz's own <c>pack</c> crashes <c>dot</c>
    /// 2.43 on such graphs.)
    /// </summary>
    private static void WriteColumns(StringBuilder text, DiagramView view, Dictionary<string, string> ids)
    {
        if (view.Clusters.Count > 0 || view.Nodes.Count < 60)
        {
            return;
        }
        var parent = view.Nodes.ToDictionary(static n => n.Key, static n => n.Key, StringComparer.Ordinal);
        string Find(string key)
        {
            while (parent[key] != key)
            {
                key = parent[key] = parent[parent[key]];
            }
            return key;
        }
        var edges = view.Edges.Where(e => ids.ContainsKey(e.From) && ids.ContainsKey(e.To) && e.From != e.To).ToArray();
        foreach (var e in edges)
        {
            var (a, b) = (Find(e.From), Find(e.To));
            if (a != b)
            {
                // The ordinally smaller root wins, so components do not depend on edge order.
                if (string.CompareOrdinal(a, b) < 0) parent[b] = a; else parent[a] = b;
            }
        }
        var components = view.Nodes.GroupBy(n => Find(n.Key), StringComparer.Ordinal)
            .Select(static g => g.Select(static n => n.Key).Order(StringComparer.Ordinal).ToArray())
            .OrderBy(static c => c[0], StringComparer.Ordinal)
            .ToArray();
        if (components.Length < 12)
        {
            return;
        }
        var targets = edges.Where(e => !e.Undirected).Select(static e => e.To).ToHashSet(StringComparer.Ordinal);
        var outgoing = edges.Where(e => !e.Undirected).ToLookup(static e => e.From, static e => e.To, StringComparer.Ordinal);
        var sources = new List<string[]>();
        var heights = new List<int>();
        var depth = 1;
        foreach (var component in components)
        {
            var roots = component.Where(k => !targets.Contains(k)).ToArray();
            if (roots.Length == 0)
            {
                roots = [component[0]];
            }
            sources.Add(roots);
            heights.Add(Math.Max(1, Math.Max(roots.Length, component.Length - roots.Length)));
            // Breadth-first levels from the roots: how many ranks the component spans (capped).
            var level = new HashSet<string>(roots, StringComparer.Ordinal);
            var seen = new HashSet<string>(roots, StringComparer.Ordinal);
            var span = 0;
            while (level.Count > 0 && span < 6)
            {
                level = level.SelectMany(k => outgoing[k]).Where(seen.Add).ToHashSet(StringComparer.Ordinal);
                if (level.Count > 0) span++;
            }
            depth = Math.Max(depth, span);
        }
        var columns = Math.Clamp((int)Math.Round(Math.Sqrt(view.Nodes.Count / 15.0)), 2, 6);
        var perColumn = (heights.Sum() + columns - 1) / columns;
        var column = 1;
        var filled = 0;
        var minlen = (depth + 2).ToString(CultureInfo.InvariantCulture);
        text.Append("  \"col1\" [style=\"invis\", shape=\"point\", width=0, height=0, label=\"\"];\n");
        for (var i = 0; i < components.Length; i++)
        {
            if (filled >= perColumn && column < columns)
            {
                column++;
                filled = 0;
                var name = column.ToString(CultureInfo.InvariantCulture);
                var previous = (column - 1).ToString(CultureInfo.InvariantCulture);
                text.Append("  \"col").Append(name).Append("\" [style=\"invis\", shape=\"point\", width=0, height=0, label=\"\"];\n");
                text.Append("  \"col").Append(previous).Append("\" -> \"col").Append(name).Append("\" [style=\"invis\", minlen=").Append(minlen).Append("];\n");
            }
            filled += heights[i];
            foreach (var root in sources[i])
            {
                text.Append("  \"col").Append(column.ToString(CultureInfo.InvariantCulture)).Append("\" -> \"").Append(ids[root])
                    .Append("\" [style=\"invis\", weight=0];\n");
            }
        }
    }

    private static void WriteLegend(StringBuilder text, DiagramView view)
    {
        var legend = view.Legend;
        if (legend.Count == 0)
        {
            return;
        }
        var lang = view.Language;
        text.Append("  subgraph \"cluster_legend\" {\n");
        text.Append("    graph [label=").Append(Quote(Texts.Get("diagram.legend", lang)))
            .Append(", style=\"rounded\", color=\"#B0BEC5\", fontsize=12, fontcolor=\"#37474F\"];\n");
        text.Append("    \"legend\" [shape=\"plain\", style=\"\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">");
        foreach (var entry in legend)
        {
            text.Append("<TR>").Append(Swatch(entry)).Append("<TD ALIGN=\"LEFT\">")
                .Append(EscapeHtml(entry.Text[lang])).Append("</TD></TR>");
        }
        text.Append("</TABLE>>];\n");
        text.Append("  }\n");
    }

    private static string Swatch(LegendEntry entry)
    {
        if (entry.NodeKind is { } kind)
        {
            var look = DiagramStyle.Look(kind, entry.Variant);
            return $"<TD BGCOLOR=\"{look.Fill}\" COLOR=\"{look.Stroke}\" BORDER=\"1\" WIDTH=\"28\" HEIGHT=\"14\"> </TD>";
        }
        if (entry.EdgeKind is { } edgeKind)
        {
            var look = DiagramStyle.Look(edgeKind);
            var stroke = look.Dashed ? "╍╍╍" : look.Dotted ? "┈┈┈" : "━━━";
            var arrow = edgeKind is DiagramEdgeKind.GatewayLink or DiagramEdgeKind.IsolationLink or DiagramEdgeKind.DirectLink or DiagramEdgeKind.Attachment ? "" : "▶";
            return $"<TD><FONT COLOR=\"{look.Color}\">{stroke}{arrow}</FONT></TD>";
        }
        if (entry.Severity is { } severity)
        {
            var color = DiagramStyle.HighlightColor(severity);
            return $"<TD COLOR=\"{color}\" BORDER=\"2\" WIDTH=\"28\" HEIGHT=\"14\"><FONT COLOR=\"{color}\">⚠</FONT></TD>";
        }
        return StatusSwatch(entry.Status);
    }

    /// <summary>A legend swatch drawn exactly as a node of that status: its fill, border colour and line
    /// (<see cref="DiagramStyle.StatusLook"/>); a status that keeps the kind's colours shows white and grey.</summary>
    internal static string StatusSwatch(DiagramStatus status)
    {
        var look = DiagramStyle.StatusLook(status);
        var line = look.Line.Length > 0 ? $" STYLE=\"{look.Line}\"" : "";
        return $"<TD BGCOLOR=\"{look.Fill ?? "#FFFFFF"}\" COLOR=\"{look.Stroke ?? "#616161"}\"{line} BORDER=\"1\" WIDTH=\"28\" HEIGHT=\"14\"> </TD>";
    }
}
