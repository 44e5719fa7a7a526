using ArchModel.Localization;
using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

/// <summary>
/// Every view of every sample model, of the hostile-names model and of an aggregated big model, written as DOT
/// and Mermaid, and checked by the real consumers: Graphviz <c>dot</c> (any error or warning fails) and the
/// Mermaid parser (one Node process for all files).
/// </summary>
[NonParallelizable]
public sealed class RealToolTests
{
    /// <summary>Set to a folder to keep every written file there for a look (default: a temporary folder, deleted).</summary>
    public const string KeepVariable = "ARCHMODEL_DIAGRAM_OUT";

    private TempFolder? _temp;
    private string _folder = "";
    private readonly List<string> _dotFiles = [];
    private readonly List<string> _mermaidFiles = [];

    [OneTimeSetUp]
    public void WriteEveryView()
    {
        var keep = Environment.GetEnvironmentVariable(KeepVariable);
        if (string.IsNullOrEmpty(keep))
        {
            _temp = new TempFolder();
            _folder = _temp.Path;
        }
        else
        {
            _folder = Directory.CreateDirectory(keep).FullName;
        }
        var models = TestPaths.SampleModels()
            .Select(path => (Name: Path.GetFileName(Path.GetDirectoryName(path))!, Model: DiagramModels.Load(path)))
            .Append(("hostile", DiagramModels.Hostile()))
            .Append(("small", DiagramModels.Small()))
            .Append(("big", DiagramModels.Big(120)))
            .ToArray();
        foreach (var (name, model) in models)
        {
            var analysis = Analyzer.Analyze(model);
            foreach (var language in new[] { Language.Chinese, Language.English })
            {
                var options = new ViewOptions { Language = language, MaxNodes = name == "big" ? 80 : 200 };
                foreach (var (viewName, view) in DiagramModels.AllViews(model, analysis, options))
                {
                    // Agency views: every agency is checked in one language; one language suffices for the syntax.
                    // The big model's agency views are alike: three of them are enough.
                    if (viewName.StartsWith("agency-", StringComparison.Ordinal)
                        && ((language == Language.English && viewName != "agency-001") || (name == "big" && string.CompareOrdinal(viewName, "agency-003") > 0)))
                    {
                        continue;
                    }
                    var stem = Path.Combine(_folder, $"{name}-{viewName}-{language.ToTag()}");
                    File.WriteAllText(stem + ".dot", new DotWriter().Write(view), new UTF8Encoding(false));
                    File.WriteAllText(stem + ".mmd", new MermaidWriter().Write(view), new UTF8Encoding(false));
                    _dotFiles.Add(stem + ".dot");
                    _mermaidFiles.Add(stem + ".mmd");
                }
            }
        }
    }

    [OneTimeTearDown]
    public void Cleanup() => _temp?.Dispose();

    [Test]
    public void Dot_EveryViewOfEveryModel_RendersWithNoErrorOrWarning()
    {
        Assert.That(_dotFiles, Has.Count.GreaterThan(100));
        var problems = VerifyTools.RunDot(_dotFiles, TimeSpan.FromSeconds(60));
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Mermaid_EveryViewOfEveryModel_ParsesWithTheRealParser()
    {
        var failures = VerifyTools.RunMermaid(_mermaidFiles);
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Mermaid_EveryViewOfEveryModel_StaysWithinMermaidsDefaultLimits()
    {
        foreach (var file in _mermaidFiles)
        {
            var text = File.ReadAllText(file);
            var edges = text.Split('\n').Count(static l => l.Contains(" --> ", StringComparison.Ordinal) || l.Contains(" -.-> ", StringComparison.Ordinal)
                || l.Contains(" --- ", StringComparison.Ordinal) || l.Contains(" -.- ", StringComparison.Ordinal) || l.Contains(" -->|", StringComparison.Ordinal) || l.Contains(" -.->|", StringComparison.Ordinal));
            Assert.That(text, Has.Length.LessThanOrEqualTo(MermaidWriter.DefaultMaxTextSize), file);
            Assert.That(edges, Is.LessThanOrEqualTo(MermaidWriter.DefaultMaxEdges), file);
        }
    }

    [Test]
    public async Task GraphvizRenderer_HostileLandscape_RendersSvgWithTheNamesEscaped()
    {
        VerifyTools.RequireDot();
        var model = DiagramModels.Hostile();
        var view = Views.Landscape(model, Analyzer.Analyze(model));
        var result = await new GraphvizRenderer().RenderAsync(view);
        Assert.That(result.Status, Is.EqualTo(GraphvizStatus.Success), result.Errors);
        Assert.That(result.Errors, Is.Empty);
        var svg = Encoding.UTF8.GetString(result.Output);
        Assert.That(svg, Does.Contain("<svg"));
        Assert.That(svg, Does.Contain("say &quot;hi&quot; to &#39;them&#39;").Or.Contain("say &quot;hi&quot; to 'them'"));
        Assert.That(svg, Does.Contain("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;"));
        Assert.That(svg, Does.Not.Contain("<script>"));
        // The literal text "&amp; &#35;" stays literal: Graphviz would decode it if the writer did not escape '&'.
        Assert.That(svg, Does.Contain("&amp;amp; &amp;#35;"));
        Assert.That(svg, Does.Contain("中文名称"));
    }
}
