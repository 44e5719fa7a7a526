using System.Text;
using ArchModel.Planning;

namespace ArchModel.Tests.Planning;

/// <summary>
/// demo-province (2016) → demo-province-2020: the JSON and the Chinese Markdown outputs, compared byte for byte
/// with tests/ArchModel.Tests/TestFiles/Planning. A missing golden file fails; ARCHMODEL_UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public sealed class PlanningGoldenTests
{
    private static string GoldenFolder => Path.Combine(TestPaths.RepoRoot, "tests", "ArchModel.Tests", "TestFiles", "Planning");

    private static bool Update => Environment.GetEnvironmentVariable("ARCHMODEL_UPDATE_GOLDEN") == "1";

    [Test]
    public void WriteJson_DemoProvinceTo2020_MatchesGolden()
    {
        using var stream = new MemoryStream();
        DiffOutput.WriteJson(stream, DemoPlan.Diff, DemoPlan.Plan, Language.Chinese);
        Compare("demo-province-2020.diff.json", Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }

    [Test]
    public void Markdown_DemoProvinceTo2020Chinese_MatchesGolden() =>
        Compare("demo-province-2020.diff.zh.md", DiffOutput.Markdown(DemoPlan.Diff, DemoPlan.Plan, Language.Chinese));

    [Test]
    public void Outputs_TwoRuns_ByteIdentical()
    {
        var before = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province", "model.json")).Model!;
        var after = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province-2020", "model.json")).Model!;
        var diff = ModelDiff.Compare(before, after);
        var plan = MigrationPlanner.Plan(diff);
        Assert.That(DiffOutput.Markdown(diff, plan, Language.English), Is.EqualTo(DiffOutput.Markdown(DemoPlan.Diff, DemoPlan.Plan, Language.English)));
        Assert.That(DiffOutput.Text(diff, plan, Language.Chinese), Is.EqualTo(DiffOutput.Text(DemoPlan.Diff, DemoPlan.Plan, Language.Chinese)));
    }

    private static void Compare(string name, string actual)
    {
        var path = Path.Combine(GoldenFolder, name);
        if (Update)
        {
            Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            Assert.Pass($"rewrote {name}");
        }
        Assert.That(File.Exists(path), Is.True, $"golden file {name} is missing; run with ARCHMODEL_UPDATE_GOLDEN=1 to create it, then review it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path, Encoding.UTF8)), $"{name} differs; if the change is intended, run with ARCHMODEL_UPDATE_GOLDEN=1 and review the diff");
    }
}
