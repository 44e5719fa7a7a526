using System.Globalization;
using System.Text.Json;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Loading;

namespace ArchModel.Output;

/// <summary>The machine-readable outputs of <c>analyze</c>: JSON (docs/cli.md) and SARIF 2.1.0.</summary>
internal static class AnalysisOutput
{
    /// <summary>
    /// Writes <c>tool</c>, <c>model</c>, <c>diagnostics</c>, <c>findings</c> and <c>metrics</c>. When
    /// <paramref name="analysis"/> is <see langword="null"/> (the model did not load cleanly) the findings
    /// are empty and the metrics have no values, so the shape is always the same.
    /// </summary>
    public static void WriteJson(Stream output, LoadResult load, AnalysisResult? analysis, Language language)
    {
        using var w = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        w.WriteStartObject();
        JsonOutput.WriteHeader(w, load.Model, load.Files);
        JsonOutput.WriteDiagnostics(w, AllDiagnostics(load, analysis), language);

        w.WriteStartArray("findings");
        foreach (var f in analysis?.Findings ?? [])
        {
            w.WriteStartObject();
            w.WriteString("rule", f.Rule);
            w.WriteString("severity", JsonOutput.SeverityName(f.Severity));
            w.WriteString("title", f.Title[language]);
            w.WriteString("message", f.Message[language]);
            w.WriteStartArray("elements");
            foreach (var id in f.Elements)
            {
                w.WriteStringValue(id);
            }
            w.WriteEndArray();
            w.WriteBoolean("suppressed", f.Suppressed);
            if (f.Justification is not null)
            {
                w.WriteString("justification", f.Justification);
            }
            JsonOutput.WriteLocation(w, f.Location);
            w.WritePropertyName("evidence");
            WriteValue(w, f.Evidence);
            w.WriteEndObject();
            JsonOutput.FlushWhenFull(w);
        }
        w.WriteEndArray();

        var metrics = analysis?.Metrics ?? MetricsReport.Empty;
        w.WriteStartObject("metrics");
        w.WritePropertyName("model");
        WriteMetrics(w, metrics.Model);
        w.WriteStartObject("agencies");
        foreach (var (agency, values) in metrics.Agencies)
        {
            w.WritePropertyName(agency);
            WriteMetrics(w, values);
        }
        w.WriteEndObject();
        w.WriteStartArray("targets");
        foreach (var t in metrics.Targets)
        {
            w.WriteStartObject();
            w.WriteString("metric", t.Metric);
            w.WriteNumber("target", t.Target);
            JsonOutput.WriteNumberOrNull(w, "actual", t.Actual);
            if (t.Met is { } met)
            {
                w.WriteBoolean("met", met);
            }
            else
            {
                w.WriteNull("met");
            }
            w.WriteString("direction", t.Direction == MetricDirection.Higher ? "higher" : "lower");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes a SARIF log with every loading code and every rule that ran, the diagnostics and the findings.</summary>
    public static void WriteSarif(Stream output, LoadResult load, AnalysisResult? analysis, Language language)
    {
        var rules = LoadingDiagnostics.All
            .Concat(analysis?.Rules ?? [])
            .DistinctBy(static r => r.Code)
            .ToList();
        var results = AllDiagnostics(load, analysis)
            .Select(static d => new SarifResult(d.Code, d.Severity, d.Message, d.Location, []))
            .Concat((analysis?.Findings ?? []).Select(static f =>
                new SarifResult(f.Rule, f.Severity, f.Message, f.Location, f.Elements, f.Suppressed ? f.Justification ?? "" : null, f.Evidence)));
        SarifOutput.Write(output, rules, results, language);
    }

    /// <summary>The load's diagnostics and the analysis's (unused suppressions), in output order.</summary>
    public static IReadOnlyList<Diagnostic> AllDiagnostics(LoadResult load, AnalysisResult? analysis)
    {
        var all = load.Diagnostics.Concat(analysis?.Diagnostics ?? []).ToList();
        all.Sort(Diagnostic.Order);
        return all;
    }

    private static void WriteMetrics(Utf8JsonWriter w, IReadOnlyDictionary<string, double?> values)
    {
        w.WriteStartObject();
        foreach (var (metric, value) in values)
        {
            JsonOutput.WriteNumberOrNull(w, metric, value);
        }
        w.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case int or long or short:
                w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    w.WriteNumberValue(Math.Round(d, 6));
                }
                else
                {
                    w.WriteNullValue();
                }
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                w.WriteStartObject();
                foreach (var (key, item) in map.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(key);
                    WriteValue(w, item);
                }
                w.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(w, item);
                }
                w.WriteEndArray();
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
