namespace ArchModel.Cli.Tests;

public sealed class GenerateCommandTests
{
    [Test]
    public void Generate_SmallModel_ValidatesWithNoDiagnosticsAndIsDeterministic()
    {
        using var temp = new TempFolder();
        var first = Path.Combine(temp.Path, "a.json");
        var second = Path.Combine(temp.Path, "b.json");
        Assert.That(CliRunner.Run("generate", "--agencies", "500", "--seed", "7", "--output", first).ExitCode, Is.EqualTo(0));
        Assert.That(CliRunner.Run("generate", "--agencies", "500", "--seed", "7", "--output", second).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
        var (code, stdout, _) = CliRunner.Run("validate", first, "--fail-on", "warning");
        Assert.That(code, Is.EqualTo(0), stdout);
    }

    [Test]
    public void Generate_OtherSeed_GivesAnotherModel()
    {
        var a = CliRunner.Run("generate", "--agencies", "100", "--seed", "1").Stdout;
        var b = CliRunner.Run("generate", "--agencies", "100", "--seed", "2").Stdout;
        Assert.That(a, Is.Not.EqualTo(b));
    }

    [Test]
    public void Generate_SplitByRegion_WritesIncludedFilesThatValidate()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "gen");
        Assert.That(CliRunner.Run("generate", "--agencies", "9000", "--split", "--output", folder).ExitCode, Is.EqualTo(0));
        var regions = Directory.GetFiles(Path.Combine(folder, "regions"), "*.json");
        Assert.That(regions, Has.Length.GreaterThan(1));
        var (code, stdout, _) = CliRunner.Run("validate", Path.Combine(folder, "model.json"), "--fail-on", "warning");
        Assert.That(code, Is.EqualTo(0), stdout);
        Assert.That(stdout, Does.Contain($"{regions.Length + 1} 个文件"));
    }

    [Test]
    public void Generate_Analysed_PlantsEveryKindOfProblemTheStrategyNames()
    {
        var model = CliRunner.Run("generate", "--agencies", "3000").Stdout;
        using var temp = new TempFolder();
        var path = temp.Write("model.json", model);
        var (_, stdout, _) = CliRunner.Run("analyze", path, "--format", "json", "--fail-on", "never");
        foreach (var rule in new[] { "AM1001", "AM2001", "AM2003", "AM2004", "AM2006", "AM3001", "AM4001", "AM4002", "AM4003", "AM4004", "AM5001", "AM5002" })
        {
            Assert.That(stdout, Does.Contain($"\"rule\": \"{rule}\""), rule);
        }
    }

    [Test]
    public void Generate_SplitWithoutOutput_IsAUsageError() =>
        Assert.That(CliRunner.Run("generate", "--split").ExitCode, Is.EqualTo(2));
}
