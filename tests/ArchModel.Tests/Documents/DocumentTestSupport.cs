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

    /// <summary>The to-be model of the golden roadmap; its baseline is <see cref="Golden"/>.</summary>
    public static string GoldenToBePath => Path.Combine(TestPaths.TestFiles, "Documents", "roadmap", "model.json");

    public static string DemoProvince2020Path => Path.Combine(TestPaths.Models, "demo-province-2020", "model.json");

    /// <summary>The model a built-in template is rendered on, with the options it needs: the roadmap is the to-be model with the as-is baseline.</summary>
    public static ((ArchitectureModel Model, AnalysisResult Analysis) Model, ReportOptions Options) For(string template, bool demo, ReportOptions options)
    {
        if (!ReportGenerator.NeedsBaseline(template))
        {
            return (demo ? Demo() : Golden(), options with { Template = template });
        }
        var baseline = demo ? Demo() : Golden();
        return (Load(demo ? DemoProvince2020Path : GoldenToBePath), options with { Template = template, Baseline = baseline.Model });
    }

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
