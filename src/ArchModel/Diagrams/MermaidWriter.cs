using System.Globalization;
using System.Text;
using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Diagrams;

/// <summary>
/// Writes a view as a Mermaid flowchart: generated node identifiers (<c>n1</c>, <c>n2</c>, … in key order),
/// every label a quoted string with Mermaid's entity codes for anything the parser could read as syntax,
/// shapes and classes by kind, inline styles for highlights, a legend subgraph with the title and notes.
/// </summary>
/// <remarks>
/// Stays within Mermaid's default limits: a view with more than <see cref="MaxEdges"/> edges, or whose text
/// would exceed <see cref="MaxTextSize"/> characters, is aggregated further (<see cref="ViewAggregator"/>)
/// and the output says so in its notes. Stateless and thread-safe.
/// </remarks>
public sealed class MermaidWriter : IDiagramWriter
{
    /// <summary>Mermaid's default edge limit (<c>maxEdges</c>).</summary>
    public const int DefaultMaxEdges = 500;

    /// <summary>Mermaid's default text size limit (<c>maxTextSize</c>).</summary>
    public const int DefaultMaxTextSize = 50_000;

    /// <inheritdoc />
    public string Name => "mermaid";

    /// <inheritdoc />
    public string FileExtension => ".mmd";

    /// <summary>The most edges written (default 500, Mermaid's default).</summary>
    public int MaxEdges { get; init; } = DefaultMaxEdges;

    /// <summary>The most characters written (default 50,000, Mermaid's default).</summary>
    public int MaxTextSize { get; init; } = DefaultMaxTextSize;

    /// <inheritdoc />
    public void Write(DiagramView view, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Fit(view, out _));
    }

    /// <summary>The text for <paramref name="view"/>, aggregated as far as needed to stay within the limits;
    /// <paramref name="written"/> is the view actually written.</summary>
    public string Fit(DiagramView view, out DiagramView written)
    {
        ArgumentNullException.ThrowIfNull(view);
        var fitted = view;
        if (fitted.Edges.Count > MaxEdges)
        {
            fitted = Note(ViewAggregator.Fit(fitted, fitted.Nodes.Count, MaxEdges), view);
        }
        var text = Render(fitted);
        for (var attempt = 0; text.Length > MaxTextSize && attempt < 64; attempt++)
        {
            var nodes = Math.Max(1, fitted.Nodes.Count * 2 / 3);
            var edges = Math.Min(MaxEdges, fitted.Edges.Count * 2 / 3);
            fitted = Note(ViewAggregator.Fit(fitted, nodes, edges), view);
            text = Render(fitted);
        }
        written = fitted;
        return text;
    }

    private DiagramView Note(DiagramView fitted, DiagramView original)
    {
        if (fitted.Notes.Count > 0 && fitted.Notes[^1].English.StartsWith("Mermaid", StringComparison.Ordinal))
        {
            return fitted;
        }
        return fitted with
        {
            Notes = [.. fitted.Notes, Texts.Of("view.mermaid-aggregated", MaxEdges, MaxTextSize, original.Nodes.Count, original.Edges.Count)],
        };
    }

    /// <summary>Escapes text for a Mermaid double-quoted label: quotes, <c>#</c>, <c>&amp;</c>, <c>&lt;</c>,
    /// <c>&gt;</c>, <c>%</c>, backticks, brackets, braces, pipes, backslashes and semicolons become entity codes
    /// (<c>#quot;</c>, <c>#35;</c>, …); line breaks become <c>&lt;br&gt;</c>; other control characters spaces.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join("<br>", DiagramText.Lines(text).Select(EscapeLine));
    }

    private static string EscapeLine(string line)
    {
        var sb = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            switch (c)
            {
                case '"': sb.Append("#quot;"); break;
                case '#': sb.Append("#35;"); break;
                case '&': sb.Append("#amp;"); break;
                case '<': sb.Append("#lt;"); break;
                case '>': sb.Append("#gt;"); break;
                case '%' or '`' or '[' or ']' or '{' or '}' or '(' or ')' or '|' or '\\' or ';' or '*' or '_' or '~' or '=':
                    sb.Append('#').Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static string Label(IEnumerable<string> lines) => "\"" + string.Join("<br>", lines.Select(Escape)) + "\"";

    private static (string Open, string Close) Shape(DiagramNodeKind kind) => kind switch
    {
        DiagramNodeKind.Agency => ("[", "]"),
        DiagramNodeKind.System => ("(", ")"),
        DiagramNodeKind.Network => ("{{", "}}"),
        DiagramNodeKind.Platform => ("[(", ")]"),
        DiagramNodeKind.Capability => ("([", "])"),
        DiagramNodeKind.DataResource => ("[/", "/]"),
        DiagramNodeKind.Group => ("[[", "]]"),
        _ => (">", "]"),
    };

    private static string ClassName(DiagramNodeKind kind, DiagramNodeVariant variant) =>
        "k" + kind + (variant == DiagramNodeVariant.None ? "" : variant.ToString());

    private static string Render(DiagramView view)
    {
        var lang = view.Language;
        var ids = DotWriter.NodeIds(view);
        var text = new StringBuilder();
        text.Append("%% ArchModel diagram: ").Append(view.Kind.ToString().ToLowerInvariant()).Append('\n');
        foreach (var note in view.Notes)
        {
            text.Append("%% ").Append(string.Join(" ", DiagramText.Lines(note[lang]))).Append('\n');
        }
        text.Append("flowchart ").Append(view.Direction == DiagramDirection.TopToBottom ? "TB" : "LR").Append('\n');

        var byCluster = view.Nodes.Where(static n => n.Cluster is not null).GroupBy(static n => n.Cluster!, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.ToArray(), StringComparer.Ordinal);
        var clusterStyles = new List<string>();
        var clusterNumber = 0;
        foreach (var cluster in view.Clusters)
        {
            clusterNumber++;
            if (!byCluster.TryGetValue(cluster.Key, out var members))
            {
                continue;
            }
            var id = "c" + clusterNumber.ToString(CultureInfo.InvariantCulture);
            text.Append("  subgraph ").Append(id).Append('[').Append(Label(DiagramStyle.ClusterLines(cluster, view))).Append("]\n");
            foreach (var node in members)
            {
                text.Append("    ");
                WriteNode(text, node, ids[node.Key], view);
            }
            text.Append("  end\n");
            var stroke = cluster.Highlight is { } h ? DiagramStyle.HighlightColor(h.Severity) : cluster.Focus ? "#F9A825" : "#B0BEC5";
            var fill = cluster.Focus ? "#FFFDE7" : "#F7F9FB";
            var width = cluster.Highlight is not null || cluster.Focus ? "3px" : "1px";
            clusterStyles.Add($"  style {id} fill:{fill},stroke:{stroke},stroke-width:{width}\n");
        }
        var known = view.Clusters.Select(static c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var node in view.Nodes.Where(n => n.Cluster is null || !known.Contains(n.Cluster)))
        {
            text.Append("  ");
            WriteNode(text, node, ids[node.Key], view);
        }

        var linkStyles = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var edge in view.Edges)
        {
            if (!ids.TryGetValue(edge.From, out var from) || !ids.TryGetValue(edge.To, out var to))
            {
                continue;
            }
            var look = DiagramStyle.Look(edge.Kind);
            var dashed = look.Dashed || look.Dotted || edge.Status != DiagramStatus.Normal;
            var arrow = (dashed, edge.Undirected) switch
            {
                (true, true) => "-.-",
                (true, false) => "-.->",
                (false, true) => "---",
                _ => "-->",
            };
            text.Append("  ").Append(from).Append(' ').Append(arrow);
            var lines = DiagramStyle.EdgeLines(edge);
            if (lines.Count > 0)
            {
                text.Append('|').Append(Label(lines)).Append('|');
            }
            text.Append(' ').Append(to).Append('\n');
            var color = edge.Highlight is { } h ? DiagramStyle.HighlightColor(h.Severity) : edge.Status == DiagramStatus.Retired ? "#9E9E9E" : look.Color;
            var width = DiagramStyle.Width(edge) + (edge.Highlight is null ? 0 : 1.5);
            var style = $"stroke:{color},stroke-width:{DiagramStyle.Number(width)}px";
            if (!linkStyles.TryGetValue(style, out var list))
            {
                linkStyles[style] = list = [];
            }
            list.Add(index++);
        }

        var legendClasses = WriteLegend(text, view);
        foreach (var (kind, variant) in view.Nodes.Select(static n => (n.Kind, n.Variant)).Concat(legendClasses).Distinct().Order())
        {
            var look = DiagramStyle.Look(kind, variant);
            var fill = kind == DiagramNodeKind.Note ? "#FFFDE7" : look.Fill;
            text.Append("  classDef ").Append(ClassName(kind, variant)).Append(" fill:").Append(fill).Append(",stroke:").Append(look.Stroke)
                .Append(",color:").Append(look.Font).Append('\n');
        }
        text.Append("  classDef sPlanned ").Append(StatusStyle(DiagramStatus.Planned)).Append('\n');
        text.Append("  classDef sRetiring ").Append(StatusStyle(DiagramStatus.Retiring)).Append('\n');
        text.Append("  classDef sRetired ").Append(StatusStyle(DiagramStatus.Retired)).Append('\n');
        foreach (var group in view.Nodes.GroupBy(static n => ClassName(n.Kind, n.Variant)).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            text.Append("  class ").Append(string.Join(",", group.Select(n => ids[n.Key]))).Append(' ').Append(group.Key).Append('\n');
        }
        var planned = view.Nodes.Where(static n => n.Status is DiagramStatus.Planned or DiagramStatus.Building).Select(n => ids[n.Key]).ToArray();
        if (planned.Length > 0)
        {
            text.Append("  class ").Append(string.Join(",", planned)).Append(" sPlanned\n");
        }
        foreach (var (status, name) in new[] { (DiagramStatus.Retiring, "sRetiring"), (DiagramStatus.Retired, "sRetired") })
        {
            var greyed = view.Nodes.Where(n => n.Status == status).Select(n => ids[n.Key]).ToArray();
            if (greyed.Length > 0)
            {
                text.Append("  class ").Append(string.Join(",", greyed)).Append(' ').Append(name).Append('\n');
            }
        }
        foreach (var node in view.Nodes.Where(static n => n.Highlight is not null))
        {
            text.Append("  style ").Append(ids[node.Key]).Append(" stroke:").Append(DiagramStyle.HighlightColor(node.Highlight!.Severity))
                .Append(",stroke-width:3px\n");
        }
        foreach (var line in clusterStyles)
        {
            text.Append(line);
        }
        foreach (var (style, indexes) in linkStyles)
        {
            text.Append("  linkStyle ").Append(string.Join(",", indexes.Select(static i => i.ToString(CultureInfo.InvariantCulture))))
                .Append(' ').Append(style).Append('\n');
        }
        return text.ToString();
    }

    private static void WriteNode(StringBuilder text, DiagramNode node, string id, DiagramView view)
    {
        var (open, close) = Shape(node.Kind);
        text.Append(id).Append(open).Append(Label(DiagramStyle.NodeLines(node, view))).Append(close).Append('\n');
    }

    /// <summary>Writes the legend subgraph (title, notes, one node per entry); returns the node classes it used.</summary>
    private static List<(DiagramNodeKind, DiagramNodeVariant)> WriteLegend(StringBuilder text, DiagramView view)
    {
        var lang = view.Language;
        var classes = new List<(DiagramNodeKind, DiagramNodeVariant)>();
        var styles = new List<string>();
        text.Append("  subgraph legend[").Append(Label([Texts.Get("diagram.legend", lang)])).Append("]\n");
        text.Append("    direction TB\n");
        var lines = new List<string> { view.Title[lang] };
        lines.AddRange(view.Notes.Select(n => n[lang]));
        text.Append("    lg0[").Append(Label(lines)).Append("]\n");
        styles.Add("  style legend fill:#FFFFFF,stroke:#B0BEC5\n");
        styles.Add("  style lg0 fill:#FFFFFF,stroke:#B0BEC5,color:#263238\n");
        var i = 0;
        foreach (var entry in view.Legend)
        {
            var id = "lg" + (++i).ToString(CultureInfo.InvariantCulture);
            if (entry.NodeKind is { } kind)
            {
                var (open, close) = Shape(kind);
                text.Append("    ").Append(id).Append(open).Append(Label([entry.Text[lang]])).Append(close).Append('\n');
                text.Append("    class ").Append(id).Append(' ').Append(ClassName(kind, entry.Variant)).Append('\n');
                classes.Add((kind, entry.Variant));
                continue;
            }
            string prefix;
            string style;
            if (entry.EdgeKind is { } edgeKind)
            {
                var look = DiagramStyle.Look(edgeKind);
                prefix = (look.Dashed ? "╍╍╍" : look.Dotted ? "┈┈┈" : "━━━") + "▶ ";
                style = $"fill:#FFFFFF,stroke:#FFFFFF,color:{look.Color}";
            }
            else if (entry.Severity is { } severity)
            {
                var color = DiagramStyle.HighlightColor(severity);
                prefix = "";
                style = $"fill:#FFFFFF,stroke:{color},stroke-width:3px,color:{color}";
            }
            else
            {
                prefix = "";
                var look = DiagramStyle.StatusLook(entry.Status);
                style = $"fill:{look.Fill ?? "#FFFFFF"},stroke:{look.Stroke ?? "#616161"},color:{look.Font ?? "#263238"}," + StatusStyle(entry.Status);
            }
            text.Append("    ").Append(id).Append('[').Append(Label([prefix + entry.Text[lang]])).Append("]\n");
            styles.Add($"  style {id} {style}\n");
        }
        text.Append("  end\n");
        foreach (var s in styles)
        {
            text.Append(s);
        }
        return classes;
    }

    /// <summary>A status's look as Mermaid style properties, from <see cref="DiagramStyle.StatusLook"/> (the one
    /// definition the DOT writer uses too).</summary>
    private static string StatusStyle(DiagramStatus status)
    {
        var look = DiagramStyle.StatusLook(status);
        var parts = new List<string>();
        if (look.Fill is { } fill) parts.Add("fill:" + fill);
        if (look.Stroke is { } stroke) parts.Add("stroke:" + stroke);
        if (look.Font is { } font) parts.Add("color:" + font);
        parts.Add(look.Line switch { "dashed" => "stroke-dasharray:5 4", "dotted" => "stroke-dasharray:2 3", _ => "stroke-dasharray:0" });
        return string.Join(",", parts);
    }
}
