using System.Text.Encodings.Web;
using System.Text.Json;
using ArchModel.Diagnostics;
using ArchModel.Loading;
using ArchModel.Model;

namespace ArchModel.Output;

/// <summary>
/// The machine-readable JSON outputs of the command line (see <c>docs/cli.md</c>): indented, UTF-8,
/// Chinese written as itself rather than escaped, and byte-identical for the same input.
/// </summary>
internal static class JsonOutput
{
    /// <summary>Writer options shared by every JSON output.</summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        // Relaxed (Chinese as itself), and bidi overrides escaped too: SafeJsonEncoder.
        Encoder = SafeJsonEncoder.Instance,
        NewLine = "\n",
    };

    /// <summary>Writes the result of <c>validate</c>: tool, model and diagnostics.</summary>
    public static void WriteValidation(Stream output, LoadResult result, Language language)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        WriteHeader(writer, result.Model, result.Files);
        WriteDiagnostics(writer, result.Diagnostics, language);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Hands what the writer holds to its stream once it is a megabyte: a <see cref="Utf8JsonWriter"/> over a stream
    /// keeps everything until flushed, which for the findings of a national model is hundreds of megabytes.
    /// </summary>
    internal static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= 1 << 20)
        {
            writer.Flush();
        }
    }

    /// <summary>Writes a metric's value rounded to six decimals, or <c>null</c> when it has none (or is not finite).</summary>
    internal static void WriteNumberOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes <c>"tool"</c> and <c>"model"</c>.</summary>
    internal static void WriteHeader(Utf8JsonWriter writer, ArchitectureModel? model, IReadOnlyList<string> files)
    {
        writer.WriteStartObject("tool");
        writer.WriteString("name", ToolInfo.Name);
        writer.WriteString("version", ToolInfo.Version);
        writer.WriteEndObject();
        writer.WriteStartObject("model");
        writer.WriteString("id", model?.Info.Id);
        writer.WriteString("name", model?.Info.Name);
        writer.WriteStartArray("files");
        foreach (var file in files)
        {
            writer.WriteStringValue(file);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"diagnostics"</c>.</summary>
    internal static void WriteDiagnostics(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics, Language language)
    {
        writer.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("code", d.Code);
            writer.WriteString("severity", SeverityName(d.Severity));
            writer.WriteString("message", d.Message[language]);
            WriteLocation(writer, d.Location);
            writer.WriteEndObject();
            FlushWhenFull(writer);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes <c>"location"</c> (null when there is none).</summary>
    internal static void WriteLocation(Utf8JsonWriter writer, SourceLocation? location)
    {
        if (location is null)
        {
            writer.WriteNull("location");
            return;
        }
        writer.WriteStartObject("location");
        writer.WriteString("file", location.File);
        writer.WriteNumber("line", location.Line);
        writer.WriteNumber("column", location.Column);
        writer.WriteString("path", location.Path);
        writer.WriteEndObject();
    }

    /// <summary>The JSON name of a severity: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
