using ArchModel.Analysis;
using ArchModel.Documents;

namespace ArchModel.Tests.Documents;

/// <summary>Loads the models the document tests render, with stable display paths.</summary>
internal static class DocumentTestSupport
{
    public static string GoldenModelPath => Path.Combine(TestPaths.TestFiles, "Documents", "model", "model.json");

    public static string DemoProvincePath => Path.Combine(TestPaths.Models, "demo-province", "model.json");

    public static (ArchitectureModel Model, AnalysisResult Analysis) Load(string path)
    {
        var load = ModelLoader.LoadFile(path, new LoadOptions { DisplayBase = Path.GetDirectoryName(path) });
        Assert.That(load.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error), Is.Empty, $"{path} must load without errors");
        return (load.Model!, Analyzer.Analyze(load.Model!));
    }

    public static (ArchitectureModel Model, AnalysisResult Analysis) Golden() => Load(GoldenModelPath);

    public static (ArchitectureModel Model, AnalysisResult Analysis) Demo() => Load(DemoProvincePath);

    /// <summary>Renders, failing the test with the diagnostics when the template fails.</summary>
    public static string Render((ArchitectureModel Model, AnalysisResult Analysis) m, ReportOptions options)
    {
        var result = ReportGenerator.Render(m.Model, m.Analysis, options);
        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        return result.Text!;
    }

    /// <summary>A small model built in code with one system whose name is an HTML script element.</summary>
    public static (ArchitectureModel Model, AnalysisResult Analysis) Hostile()
    {
        var model = new ModelBuilder(new ModelInfo { Id = "hostile", Name = "<b>bold</b> & \"quoted\"", AsOf = new DateOnly(2021, 1, 1) })
            .Add(new Agency { Id = "ag.a", Name = "Agency <i>A</i>", Level = AgencyLevel.County, Region = "1" })
            .Add(new InformationSystem { Id = "sys.x", Name = "<script>alert(1)</script>", Owner = "ag.a" })
            .Add(new InformationSystem { Id = "sys.y", Name = "Plain | *md* [link](http://x) `code`", Owner = "ag.a" })
            .Build();
        Assert.That(model.HasErrors, Is.False);
        return (model.Model, Analyzer.Analyze(model.Model));
    }
}
