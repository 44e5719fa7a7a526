using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

/// <summary>
/// One view of each kind of the small model, as DOT and as Mermaid, compared byte for byte with
/// <c>TestFiles/Diagrams/*.dot|.mmd</c>. A missing golden file fails; set <c>ARCHMODEL_UPDATE_GOLDEN=1</c> to
/// (re)write them into the source tree, then review the diff.
/// </summary>
public sealed class GoldenTests
{
    public const string UpdateVariable = "ARCHMODEL_UPDATE_GOLDEN";

    private static readonly IDiagramWriter[] Writers = [new DotWriter(), new MermaidWriter()];

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var view in new[] { "landscape", "agency:ag.city.psb", "network", "dataflow", "duplicates", "silos", "capabilities" })
        {
            foreach (var format in new[] { "dot", "mermaid" })
            {
                yield return new TestCaseData(view, format).SetName($"Golden_{view.Replace(':', '-')}_{format}_MatchesFile");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Golden_View_MatchesFile(string viewName, string format)
    {
        var model = DiagramModels.Small();
        Assert.That(ViewSpec.TryParse(viewName, out var spec), Is.True);
        var view = Views.Build(model, spec, Analyzer.Analyze(model));
        var writer = Writers.Single(w => w.Name == format);
        var actual = writer.Write(view);
        var name = $"small-{viewName.Replace(':', '-')}{writer.FileExtension}";
        var expectedPath = Path.Combine(TestPaths.TestFiles, "Diagrams", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var source = Path.Combine(TestPaths.RepoRoot, "tests", "ArchModel.Tests", "TestFiles", "Diagrams", name);
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            Assert.Pass($"wrote {source}");
        }
        Assert.That(File.Exists(expectedPath), Is.True, $"golden file {name} is missing: run the tests with {UpdateVariable}=1 and review it");
        var expected = File.ReadAllText(expectedPath, Encoding.UTF8);
        Assert.That(actual, Is.EqualTo(expected), $"{name} differs: if the change is intended, run with {UpdateVariable}=1 and review the diff");
    }

    [Test]
    public void Write_SameModelTwice_IsByteIdentical()
    {
        foreach (var path in TestPaths.SampleModels().Append(DiagramModels.SmallModelPath))
        {
            var first = Render(DiagramModels.Load(path));
            var second = Render(DiagramModels.Load(path));
            Assert.That(second, Is.EqualTo(first), path);
        }
        var hostile = Render(DiagramModels.Hostile());
        Assert.That(Render(DiagramModels.Hostile()), Is.EqualTo(hostile));
    }

    [Test]
    public void Write_ElementsInAnotherOrder_IsByteIdentical()
    {
        var model = DiagramModels.Small();
        var reversed = new ModelBuilder(model.Info).AddRange(model.Elements.Reverse()).Build();
        Assert.That(reversed.HasErrors, Is.False);
        Assert.That(Render(reversed.Model), Is.EqualTo(Render(model)));
    }

    private static string Render(ArchitectureModel model)
    {
        var analysis = Analyzer.Analyze(model);
        var text = new StringBuilder();
        foreach (var (name, view) in DiagramModels.AllViews(model, analysis))
        {
            text.Append("== ").Append(name).Append('\n').Append(new DotWriter().Write(view)).Append(new MermaidWriter().Write(view));
        }
        return text.ToString();
    }
}
