namespace ArchModel.Diagrams;

/// <summary>Writes a <see cref="DiagramView"/> in one text format. Implement it to add a format.</summary>
/// <remarks>Writers escape every label for their format, generate their own safe identifiers, write <c>\n</c>
/// line ends, and are deterministic: the same view always gives the same text.</remarks>
public interface IDiagramWriter
{
    /// <summary>The format's name, as the CLI's <c>--format</c> takes it (<c>dot</c>, <c>mermaid</c>).</summary>
    string Name { get; }

    /// <summary>The usual file extension, with its dot.</summary>
    string FileExtension { get; }

    /// <summary>Writes <paramref name="view"/> to <paramref name="output"/>.</summary>
    void Write(DiagramView view, TextWriter output);
}

/// <summary>Conveniences for <see cref="IDiagramWriter"/>.</summary>
public static class DiagramWriterExtensions
{
    /// <summary>Writes <paramref name="view"/> to a string.</summary>
    public static string Write(this IDiagramWriter writer, DiagramView view)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.Write(view, text);
        return text.ToString();
    }
}
