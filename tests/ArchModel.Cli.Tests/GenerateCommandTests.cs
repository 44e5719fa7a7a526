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

    [TestCase("abc")]
    [TestCase("99999999999")]
    [TestCase("1000001")]
    [TestCase("41")]
    public void Generate_AgenciesNotAUsableNumber_IsAUsageErrorWithOneLineWhy(string agencies)
    {
        var (code, stdout, stderr) = CliRunner.Run("generate", "--agencies", agencies);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("archmodel generate: --agencies "));
        Assert.That(lines, Has.Length.EqualTo(2), stderr);
    }

    [TestCase("synthetic")]
    [TestCase("realistic")]
    [TestCase("huge-jurisdictions")]
    [TestCase("deep-lines")]
    [TestCase("uniform-names")]
    public void Generate_Shape_IsDeterministicAndValidatesWithNoErrors(string shape)
    {
        using var temp = new TempFolder();
        var first = Path.Combine(temp.Path, "a.json");
        var second = Path.Combine(temp.Path, "b.json");
        Assert.That(CliRunner.Run("generate", "--shape", shape, "--agencies", "1100", "--seed", "4", "--output", first).ExitCode, Is.EqualTo(0));
        Assert.That(CliRunner.Run("generate", "--shape", shape, "--agencies", "1100", "--seed", "4", "--output", second).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(first)));
        var (code, stdout, _) = CliRunner.Run("validate", first, "--fail-on", "warning");
        Assert.That(code, Is.EqualTo(0), stdout);
    }

    [Test]
    public void Generate_UnknownShape_IsAUsageError() =>
        Assert.That(CliRunner.Run("generate", "--shape", "round").ExitCode, Is.EqualTo(2));

    [Test]
    public void Generate_OneFileWouldExceedTheLimit_WritesFilesWithinItBesideTheNamedFile()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "nation.json");
        const int limit = 6_000_000;
        var (code, _, stderr) = CliRunner.Run("generate", "--shape", "realistic", "--agencies", "5000", "--max-file-bytes", $"{limit}", "--output", root);
        Assert.That(code, Is.EqualTo(0), stderr);
        var parts = Directory.GetFiles(Path.Combine(temp.Path, "nation.regions"), "*.json");
        Assert.That(parts, Has.Length.GreaterThan(1));
        Assert.That(parts.Append(root).Max(static f => new FileInfo(f).Length), Is.LessThanOrEqualTo(limit));
        Assert.That(parts.Append(root).Sum(static f => new FileInfo(f).Length), Is.GreaterThan(limit));
        var (valid, stdout, _) = CliRunner.Run("validate", root, "--fail-on", "warning");
        Assert.That(valid, Is.EqualTo(0), stdout);
        Assert.That(stdout, Does.Contain($"{parts.Length + 1} 个文件"));
    }

    [Test]
    public void Generate_OneFileWouldExceedTheLimitOnStandardOutput_IsAUsageError()
    {
        var (code, stdout, stderr) = CliRunner.Run("generate", "--agencies", "500", "--max-file-bytes", "100000");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain("--output"));
    }

    [TestCase("0")]
    [TestCase("2000000000")]
    [TestCase("big")]
    public void Generate_MaxFileBytesOutOfRange_IsAUsageError(string bytes) =>
        Assert.That(CliRunner.Run("generate", "--max-file-bytes", bytes).ExitCode, Is.EqualTo(2));
}
