using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArchModel.Diagnostics;
using ArchModel.Diagrams;

namespace ArchModel.Site;

/// <summary>
/// A page's diagram: nodes that link to the pages of what they stand for (DOT <c>URL</c>), clusters, and merged
/// edges with counts. Written as DOT by the site itself (the view builders of ArchModel.Diagrams draw whole
/// models; a page draws its scope and links out of it) with the diagrams' fonts and colours, and laid out by
/// <see cref="GraphvizRenderer"/>.
/// </summary>
internal sealed partial class SiteDiagram
{
    public sealed record Node(string Key, string Label, string Url, string Kind)
    {
        public string? Cluster { get; init; }
        public DiagnosticSeverity? Severity { get; init; }
        public string? Marker { get; init; }
        public bool External { get; init; }
    }

    public sealed record Cluster(string Key, string Label, string Url);

    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Cluster> _clusters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string From, string To, string Kind), (int Count, DiagnosticSeverity? Severity)> _edges = new();

    public int NodeCount => _nodes.Count;

    public bool Has(string key) => _nodes.ContainsKey(key);

    public void Add(Node node) => _nodes.TryAdd(node.Key, node);

    public void Add(Cluster cluster) => _clusters.TryAdd(cluster.Key, cluster);

    /// <summary>Adds one relation to the edge between two nodes (a flow, or "contains"); edges to themselves are dropped.</summary>
    public void Edge(string from, string to, string kind, DiagnosticSeverity? severity = null)
    {
        if (from == to || !_nodes.ContainsKey(from) || !_nodes.ContainsKey(to))
        {
            return;
        }
        var key = (from, to, kind);
        var (count, sev) = _edges.GetValueOrDefault(key);
        _edges[key] = (count + 1, Max(sev, severity));
    }

    private static DiagnosticSeverity? Max(DiagnosticSeverity? a, DiagnosticSeverity? b) => a is null ? b : b is null ? a : a > b ? a : b;

    public static string Color(DiagnosticSeverity? severity) => severity switch
    {
        DiagnosticSeverity.Error => "#c0392b",
        DiagnosticSeverity.Warning => "#e67e22",
        DiagnosticSeverity.Info => "#8e44ad",
        _ => "#52606d",
    };

    private static (string Shape, string Fill, string Style) Look(string kind) => kind switch
    {
        "jurisdiction" => ("folder", "#e3ecf7", "filled"),
        "parent" => ("folder", "#f5f7fa", "filled,dashed"),
        "external" => ("folder", "#f5f7fa", "filled,dashed"),
        "agency" => ("box", "#e0e7ff", "filled"),
        "group" => ("box3d", "#eef0f3", "filled"),
        "system" => ("box", "#dbeafe", "rounded,filled"),
        _ => ("box", "#ffffff", "filled"),
    };

    /// <summary>The DOT text, nodes and edges in ordinal key order (deterministic).</summary>
    public string ToDot(string title)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var key in _nodes.Keys.Order(StringComparer.Ordinal))
        {
            ids[key] = "n" + (++n).ToString(CultureInfo.InvariantCulture);
        }
        var b = new StringBuilder();
        var font = DotWriter.FontList;
        b.Append("digraph site {\n");
        b.Append($"  graph [rankdir=LR, fontname={DotWriter.Quote(font)}, fontsize=12, labelloc=t, label={DotWriter.Quote(title)}, nodesep=0.2, ranksep=0.6, tooltip={DotWriter.Quote(title)}];\n");
        b.Append($"  node [fontname={DotWriter.Quote(font)}, fontsize=10, penwidth=1.2];\n");
        b.Append($"  edge [fontname={DotWriter.Quote(font)}, fontsize=9, color=\"#7b8794\", arrowsize=0.6];\n");
        void WriteNode(Node node, string indent)
        {
            var (shape, fill, style) = Look(node.Kind);
            var label = node.Marker is null ? node.Label : node.Label + "\n" + node.Marker;
            b.Append(indent).Append(ids[node.Key]).Append(" [label=").Append(DotWriter.Quote(Clip(label)))
                .Append(", shape=").Append(shape).Append(", style=\"").Append(style).Append("\", fillcolor=\"").Append(fill)
                .Append("\", color=\"").Append(Color(node.Severity)).Append('"')
                .Append(node.Severity is null ? "" : ", penwidth=2.4")
                .Append(", URL=").Append(DotWriter.Quote(node.Url)).Append(", target=\"_top\", tooltip=").Append(DotWriter.Quote(node.Label)).Append("];\n");
        }
        foreach (var node in _nodes.Values.Where(static x => x.Cluster is null).OrderBy(static x => x.Key, StringComparer.Ordinal))
        {
            WriteNode(node, "  ");
        }
        var c = 0;
        foreach (var cluster in _clusters.Values.OrderBy(static x => x.Key, StringComparer.Ordinal))
        {
            var members = _nodes.Values.Where(x => x.Cluster == cluster.Key).OrderBy(static x => x.Key, StringComparer.Ordinal).ToList();
            if (members.Count == 0)
            {
                continue;
            }
            b.Append("  subgraph cluster_").Append(++c).Append(" {\n");
            b.Append("    label=").Append(DotWriter.Quote(Clip(cluster.Label))).Append("; style=\"rounded\"; color=\"#9aa5b1\"; fontsize=10; URL=")
                .Append(DotWriter.Quote(cluster.Url)).Append("; target=\"_top\"; tooltip=").Append(DotWriter.Quote(cluster.Label)).Append(";\n");
            foreach (var node in members)
            {
                WriteNode(node, "    ");
            }
            b.Append("  }\n");
        }
        foreach (var ((from, to, kind), (count, severity)) in _edges)
        {
            b.Append("  ").Append(ids[from]).Append(" -> ").Append(ids[to]).Append(" [");
            if (kind == "contains")
            {
                b.Append("style=dashed, arrowhead=none, color=\"#bcccdc\"");
            }
            else
            {
                b.Append("penwidth=").Append(Math.Min(4, 1 + Math.Log10(count)).ToString("0.##", CultureInfo.InvariantCulture));
                if (count > 1) b.Append(", label=\"").Append(count.ToString(CultureInfo.InvariantCulture)).Append('"');
                if (severity is not null) b.Append(", color=\"").Append(Color(severity)).Append('"');
            }
            b.Append("];\n");
        }
        b.Append("}\n");
        return b.ToString();
    }

    private static string Clip(string text)
    {
        var lines = text.Split('\n').Select(static l =>
        {
            var e = System.Globalization.StringInfo.GetTextElementEnumerator(l);
            var sb = new StringBuilder();
            var count = 0;
            while (e.MoveNext())
            {
                if (++count > 30)
                {
                    sb.Append('…');
                    break;
                }
                sb.Append(e.GetTextElement());
            }
            return sb.ToString();
        });
        return string.Join("\n", lines);
    }

    /// <summary>Renders the diagram as inline SVG for a page, or returns <see langword="null"/> and the problem.</summary>
    public string? ToSvg(string title, GraphvizRenderer renderer, out LocalizedText? problem)
    {
        var dot = ToDot(title);
        var result = renderer.RenderAsync(dot, "svg", fastLayout: _nodes.Count >= renderer.Options.FastLayoutNodes || _edges.Count >= renderer.Options.FastLayoutEdges)
            .GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            problem = result.Message;
            return null;
        }
        problem = null;
        return Clean(Encoding.UTF8.GetString(result.Output));
    }

    /// <summary>Graphviz's SVG made fit for inlining: no prolog, doctype or comments; sized by the page (its viewBox kept).</summary>
    internal static string Clean(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start >= 0 ? svg[start..] : svg;
        svg = Comments().Replace(svg, "");
        svg = SvgSize().Replace(svg, "<svg class=\"graph\"", 1);
        // A style attribute would be refused by the pages' Content-Security-Policy (style-src 'self').
        svg = StyleAttribute().Replace(svg, "");
        return svg.Trim();
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex("<svg width=\"[^\"]*\" height=\"[^\"]*\"")]
    private static partial Regex SvgSize();

    [GeneratedRegex(" style=\"[^\"]*\"")]
    private static partial Regex StyleAttribute();
}
