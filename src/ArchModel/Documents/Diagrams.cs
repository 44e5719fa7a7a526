using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Documents;

/// <summary>
/// Supplies diagrams to documents: the seam through which the diagram writers (DOT, Mermaid, SVG) plug into
/// reports without the documents depending on them.
/// </summary>
/// <remarks>
/// Called once per document. Return the diagrams in the order they should appear; the built-in
/// <c>overview</c> template shows views named <c>landscape</c> and <c>dataflow</c> in its diagram section and
/// leaves the section out when the list is empty. Must be deterministic for determinism of documents.
/// </remarks>
public interface IDiagramProvider
{
    /// <summary>The diagrams for one document.</summary>
    /// <param name="request">The model, its analysis, and the language and format of the document.</param>
    IReadOnlyList<ReportDiagram> GetDiagrams(DiagramRequest request);
}

/// <summary>What a document asks of an <see cref="IDiagramProvider"/>.</summary>
/// <param name="Model">The model.</param>
/// <param name="Analysis">Its analysis.</param>
/// <param name="Language">The document's language, for labels.</param>
/// <param name="Format">The document's format: an HTML document shows <see cref="ReportDiagram.Svg"/>, a Markdown one <see cref="ReportDiagram.Mermaid"/>.</param>
public sealed record DiagramRequest(ArchitectureModel Model, AnalysisResult Analysis, Language Language, DocumentFormat Format);

/// <summary>One diagram for a document.</summary>
/// <param name="View">The view's name, such as <c>landscape</c> or <c>dataflow</c>.</param>
/// <param name="Title">The caption, in the document's language.</param>
/// <param name="Svg">
/// The diagram as an inline <c>&lt;svg&gt;</c> element, or <see langword="null"/>. It is written into HTML as is,
/// so it must be trusted markup with every model string escaped and no external reference.
/// </param>
/// <param name="Mermaid">The diagram as Mermaid source, or <see langword="null"/>; Markdown documents put it in a <c>mermaid</c> code block.</param>
public sealed record ReportDiagram(string View, string Title, string? Svg, string? Mermaid);

/// <summary>An <see cref="IDiagramProvider"/> built from a delegate.</summary>
/// <param name="provide">Returns the diagrams for a request.</param>
public sealed class DelegateDiagramProvider(Func<DiagramRequest, IReadOnlyList<ReportDiagram>> provide) : IDiagramProvider
{
    /// <inheritdoc />
    public IReadOnlyList<ReportDiagram> GetDiagrams(DiagramRequest request) => provide(request);
}
