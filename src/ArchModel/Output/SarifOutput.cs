using System.Text.Json;
using ArchModel.Diagnostics;
using ArchModel.Loading;

namespace ArchModel.Output;

/// <summary>One result in a SARIF log: a diagnostic or a finding.</summary>
/// <param name="RuleId">The rule or diagnostic code.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Message">Its message.</param>
/// <param name="Location">Where it is, when known.</param>
/// <param name="Elements">The ids of the model elements it names (SARIF logical locations).</param>
/// <param name="Justification">For a suppressed finding, why it is accepted; <see langword="null"/> otherwise.</param>
/// <param name="Properties">The result's property bag (a finding's evidence that is a single value: its kind, anchor,
/// capability, cost …; lists are left out, the elements are the logical locations); <see langword="null"/> for none.</param>
internal sealed record SarifResult(
    string RuleId, DiagnosticSeverity Severity, LocalizedText Message, SourceLocation? Location,
    IReadOnlyList<string> Elements, string? Justification = null, IReadOnlyDictionary<string, object?>? Properties = null);

/// <summary>
/// Writes SARIF 2.1.0 logs (one run) so that code-review tools can annotate model files in a pull request.
/// </summary>
internal static class SarifOutput
{
    /// <summary>Writes a log with the given rules and results.</summary>
    public static void Write(Stream output, IReadOnlyList<RuleDescriptor> rules, IEnumerable<SarifResult> results, Language language)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex.TryAdd(rules[i].Code, i);
        }
        using var w = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", ToolInfo.Name);
        w.WriteString("version", ToolInfo.Version);
        w.WriteString("semanticVersion", ToolInfo.Version);
        w.WriteString("informationUri", ToolInfo.InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Code);
            w.WriteString("name", PascalName(rule.Title.English));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title[language]);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Help[language]);
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", rule.Help[language]);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.DefaultSeverity));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartArray("results");
        foreach (var result in results)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", result.RuleId);
            if (ruleIndex.TryGetValue(result.RuleId, out var index))
            {
                w.WriteNumber("ruleIndex", index);
            }
            w.WriteString("level", Level(result.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", result.Message[language]);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            if (result.Location is { } location)
            {
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", ToUri(location.File));
                w.WriteEndObject();
                w.WriteStartObject("region");
                w.WriteNumber("startLine", location.Line);
                w.WriteNumber("startColumn", location.Column);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            if (result.Elements.Count > 0 || result.Location is { Path.Length: > 0 })
            {
                w.WriteStartArray("logicalLocations");
                foreach (var element in result.Elements)
                {
                    w.WriteStartObject();
                    w.WriteString("name", element);
                    w.WriteString("kind", "element");
                    w.WriteEndObject();
                }
                if (result.Elements.Count == 0 && result.Location is { } l)
                {
                    w.WriteStartObject();
                    w.WriteString("fullyQualifiedName", l.Path);
                    w.WriteString("kind", "member");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndArray();
            if (result.Properties is { Count: > 0 } properties)
            {
                w.WriteStartObject("properties");
                foreach (var (key, value) in properties.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
                {
                    if (value is null or string or bool or int or long or double)
                    {
                        w.WritePropertyName(key);
                        AnalysisOutput.WriteValue(w, value);
                    }
                }
                w.WriteEndObject();
            }
            if (result.Justification is not null)
            {
                w.WriteStartArray("suppressions");
                w.WriteStartObject();
                w.WriteString("kind", "inSource");
                w.WriteString("justification", result.Justification);
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
            JsonOutput.FlushWhenFull(w);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes the diagnostics of a load or build as a SARIF log.</summary>
    public static void WriteDiagnostics(Stream output, IEnumerable<Diagnostic> diagnostics, Language language) =>
        Write(output, LoadingDiagnostics.All,
            diagnostics.Select(static d => new SarifResult(d.Code, d.Severity, d.Message, d.Location, [])), language);

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static string ToUri(string file) => Path.IsPathRooted(file)
        ? new Uri(file).AbsoluteUri
        : string.Join('/', file.Split('/').Select(static (segment, i) => i == 0 && segment.EndsWith(':') ? segment : Uri.EscapeDataString(segment)));

    private static string PascalName(string title) =>
        string.Concat(title.Split([' ', '-', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(static w => char.ToUpperInvariant(w[0]) + w[1..]));
}
