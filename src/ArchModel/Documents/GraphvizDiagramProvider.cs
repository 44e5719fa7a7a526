using System.Text;
using System.Text.RegularExpressions;
using ArchModel.Diagnostics;
using ArchModel.Diagrams;

namespace ArchModel.Documents;

/// <summary>
/// The diagrams the built-in reports show — the landscape and the data flows — drawn with the
/// project's own views: Mermaid text always, and SVG through Graphviz for HTML when <c>dot</c> is
/// installed (without it, an HTML report simply has no diagram section, and says nothing false).
/// </summary>
public sealed partial class GraphvizDiagramProvider : IDiagramProvider
{
    private readonly GraphvizRenderer _renderer;

    /// <summary>Creates a provider that runs Graphviz with <paramref name="options"/>.</summary>
    public GraphvizDiagramProvider(GraphvizOptions? options = null) => _renderer = new GraphvizRenderer(options);

    /// <summary>What went wrong when a diagram could not be rendered (for example, Graphviz is missing); empty otherwise.</summary>
    public IReadOnlyList<LocalizedText> Problems => _problems;

    private readonly List<LocalizedText> _problems = [];

    /// <inheritdoc />
    public IReadOnlyList<ReportDiagram> GetDiagrams(DiagramRequest request)
    {
        var options = new ViewOptions { Language = request.Language };
        var views = new (string Name, DiagramView View)[]
        {
            ("landscape", Views.Landscape(request.Model, request.Analysis, options)),
            ("dataflow", Views.Dataflow(request.Model, request.Analysis, options)),
        };
        var diagrams = new List<ReportDiagram>();
        foreach (var (name, view) in views)
        {
            var mermaid = new MermaidWriter().Write(view);
            string? svg = null;
            if (request.Format == DocumentFormat.Html)
            {
                var result = _renderer.RenderAsync(view).GetAwaiter().GetResult();
                if (result.Succeeded)
                {
                    svg = PrefixIds(InlineSvg(Encoding.UTF8.GetString(result.Output)), "d-" + name + "-");
                }
                else
                {
                    _problems.Add(result.Message);
                }
            }
            diagrams.Add(new ReportDiagram(name, view.Title[request.Language], svg, mermaid));
        }
        return diagrams;
    }

    /// <summary>
    /// Prefixes every <c>id</c> of an SVG and every reference to one (<c>href="#…"</c>, <c>xlink:href="#…"</c>,
    /// <c>url(#…)</c>) with <paramref name="prefix"/>. Graphviz numbers its ids the same way in every drawing
    /// (<c>graph0</c>, <c>clust1</c>, <c>node1</c>, …), so two SVGs in one page would repeat them.
    /// </summary>
    /// <remarks>Safe on Graphviz output: it escapes <c>"</c> inside attribute values and text, so <c>id="</c> and
    /// <c>href="#</c> occur only as attributes.</remarks>
    internal static string PrefixIds(string svg, string prefix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(prefix);
        return IdReference().Replace(svg, m => m.Groups["id"].Success
            ? m.Groups["lead"].Value + "id=\"" + prefix
            : m.Groups["href"].Success ? m.Groups["href"].Value + "=\"#" + prefix : "url(#" + prefix);
    }

    [GeneratedRegex("""(?<lead>\s)(?<id>id)="|(?<href>(?<=\s)(?:xlink:)?href)="\#|url\(\#""", RegexOptions.CultureInvariant)]
    private static partial Regex IdReference();

    /// <summary>Graphviz writes a standalone SVG document; inside HTML only the <c>svg</c> element belongs.</summary>
    private static string InlineSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..].TrimEnd();
    }
}
