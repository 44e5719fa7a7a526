using System.Text;
using ArchModel.Diagnostics;
using ArchModel.Diagrams;

namespace ArchModel.Documents;

/// <summary>
/// The diagrams the built-in reports show — the landscape and the data flows — drawn with the
/// project's own views: Mermaid text always, and SVG through Graphviz for HTML when <c>dot</c> is
/// installed (without it, an HTML report simply has no diagram section, and says nothing false).
/// </summary>
public sealed class GraphvizDiagramProvider : IDiagramProvider
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
                    svg = InlineSvg(Encoding.UTF8.GetString(result.Output));
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

    /// <summary>Graphviz writes a standalone SVG document; inside HTML only the <c>svg</c> element belongs.</summary>
    private static string InlineSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? svg : svg[start..].TrimEnd();
    }
}
