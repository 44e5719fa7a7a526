using System.Text;
using System.Text.Json;
using ArchModel.Analysis;
using ArchModel.Output;
using NJsonSchema;

namespace ArchModel.Tests.Output;

public sealed class AnalysisOutputTests
{
    private static (LoadResult Load, AnalysisResult Analysis) Demo()
    {
        var load = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province", "model.json"), new LoadOptions { DisplayBase = TestPaths.RepoRoot });
        return (load, Analyzer.Analyze(load.Model!));
    }

    private static string Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    public void WriteJsonAndSarif_ManyFindings_ReachTheStreamInPiecesAndUnchanged()
    {
        // A Utf8JsonWriter over a stream holds everything until flushed: the findings of a national model are
        // hundreds of megabytes. The writers hand them on a megabyte at a time.
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "model.json");
        using (var file = File.Create(path))
        {
            ArchModel.Generation.ModelGenerator.Write(file, new ArchModel.Generation.GeneratorOptions { Agencies = 2000, Seed = 3 });
        }
        var load = ModelLoader.LoadFile(path);
        var analysis = Analyzer.Analyze(load.Model!);
        foreach (var write in new Action<Stream>[]
        {
            s => AnalysisOutput.WriteJson(s, load, analysis, Language.Chinese),
            s => AnalysisOutput.WriteSarif(s, load, analysis, Language.Chinese),
        })
        {
            using var pieces = new WriteSizes();
            write(pieces);
            Assert.That(pieces.Length, Is.GreaterThan(3 << 20), "enough findings to need several pieces");
            Assert.That(pieces.Writes, Is.GreaterThan(2));
            Assert.That(pieces.Largest, Is.LessThan(2 << 20));
            Assert.That(Encoding.UTF8.GetString(pieces.ToArray()), Is.EqualTo(Write(write)));
        }
    }

    [Test]
    public void WriteSarif_DemoProvince_ValidatesAgainstTheSarifSchema()
    {
        var (load, analysis) = Demo();
        var json = Write(s => AnalysisOutput.WriteSarif(s, load, analysis, Language.Chinese));
        var schema = JsonSchema.FromFileAsync(Path.Combine(TestPaths.TestFiles, "Schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult();
        var errors = schema.Validate(json);
        Assert.That(errors, Is.Empty, string.Join("; ", errors.Select(static e => $"{e.Path} {e.Kind}")));

        using var doc = JsonDocument.Parse(json);
        var run = doc.RootElement.GetProperty("runs")[0];
        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(static r => r.GetProperty("id").GetString()).ToList();
        Assert.That(ruleIds, Does.Contain("AM0001").And.Contains("AM1001").And.Contains("AM5002"));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.EqualTo(analysis.Findings.Count));
        Assert.That(results.Count(static r => r.TryGetProperty("suppressions", out _)), Is.EqualTo(analysis.Findings.Count(static f => f.Suppressed)));
        Assert.That(results.All(static r => r.GetProperty("locations")[0].GetProperty("logicalLocations").GetArrayLength() > 0), Is.True);
        // Rules v2: every duplicate finding carries its overlap kind and anchor as SARIF properties.
        var duplicates = results.Where(static r => r.GetProperty("ruleId").GetString() is "AM1001" or "AM1002").ToList();
        Assert.That(duplicates, Is.Not.Empty);
        Assert.That(duplicates.Select(static r => r.GetProperty("properties").GetProperty("kind").GetString()),
            Is.All.AnyOf("horizontal", "vertical", "shared-use"));
        Assert.That(duplicates.All(static r => r.GetProperty("properties").TryGetProperty("anchor", out _)), Is.True);
    }

    [Test]
    public void WriteJson_DemoProvince_HasTheDocumentedShapeAndIsDeterministic()
    {
        var (load, analysis) = Demo();
        var json = Write(s => AnalysisOutput.WriteJson(s, load, analysis, Language.English));
        Assert.That(Write(s => AnalysisOutput.WriteJson(s, load, Analyzer.Analyze(load.Model!), Language.English)), Is.EqualTo(json));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.That(root.EnumerateObject().Select(static p => p.Name), Is.EqualTo(new[] { "tool", "model", "diagnostics", "findings", "metrics" }));
        var finding = root.GetProperty("findings")[0];
        Assert.That(finding.GetProperty("rule").GetString(), Is.EqualTo("AM1001"));
        Assert.That(finding.GetProperty("elements").EnumerateArray().Select(static e => e.GetString()), Is.Ordered.Using((IComparer<string?>)StringComparer.Ordinal));
        Assert.That(finding.GetProperty("evidence").GetProperty("capability").GetString(), Is.Not.Empty);
        Assert.That(finding.GetProperty("location").GetProperty("line").GetInt32(), Is.GreaterThan(0));
        var metrics = root.GetProperty("metrics");
        Assert.That(metrics.GetProperty("model").EnumerateObject().Count(), Is.EqualTo(MetricNames.All.Count));
        Assert.That(metrics.GetProperty("agencies").EnumerateObject().Count(), Is.GreaterThan(10));
        var target = metrics.GetProperty("targets")[0];
        Assert.That(target.EnumerateObject().Select(static p => p.Name), Is.EqualTo(new[] { "metric", "target", "actual", "met", "direction" }));
    }

    [Test]
    public void WriteJson_WithoutAnalysis_KeepsAllThreeSections()
    {
        var (load, _) = Demo();
        using var doc = JsonDocument.Parse(Write(s => AnalysisOutput.WriteJson(s, load, null, Language.Chinese)));
        Assert.That(doc.RootElement.GetProperty("findings").GetArrayLength(), Is.Zero);
        Assert.That(doc.RootElement.GetProperty("metrics").GetProperty("targets").GetArrayLength(), Is.Zero);
    }
}
