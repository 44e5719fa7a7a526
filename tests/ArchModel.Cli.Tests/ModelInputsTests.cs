namespace ArchModel.Cli.Tests;

/// <summary>"Load or fail" is written once (ModelInputs): every command that needs a valid model stops the same way.</summary>
public sealed class ModelInputsTests
{
    private const string Broken = """
        { "formatVersion": "1", "model": { "id": "broken", "name": "坏模型" },
          "agencies": [ { "id": "a", "name": "甲", "level": "county" } ],
          "systems": [ { "id": "s", "name": "系统", "owner": "nobody" } ] }
        """;

    private static IEnumerable<TestCaseData> Commands()
    {
        yield return new TestCaseData((object)new[] { "diagram", "{0}", "--view", "landscape" }).SetName("LoadOrFail_diagram");
        yield return new TestCaseData((object)new[] { "report", "{0}", "--template", "overview" }).SetName("LoadOrFail_report");
        yield return new TestCaseData((object)new[] { "site", "{0}", "--output", "{1}", "--no-diagrams" }).SetName("LoadOrFail_site");
        yield return new TestCaseData((object)new[] { "diff", "{0}", "{0}" }).SetName("LoadOrFail_diff");
        yield return new TestCaseData((object)new[] { "export", "{0}", "--format", "csv", "--output", "{1}" }).SetName("LoadOrFail_export");
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_ModelWithErrors_ExitsOneWithTheErrorsAndOneSentence(string[] args)
    {
        using var temp = new TempFolder();
        var model = temp.Write("model.json", Broken);
        var output = Path.Combine(temp.Path, "out");
        var (code, stdout, stderr) = CliRunner.Run([.. args.Select(a => a.Replace("{0}", model, StringComparison.Ordinal).Replace("{1}", output, StringComparison.Ordinal)), "--lang", "en"]);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("error AM0006").And.Contain($"archmodel {args[0]}: the model has errors and nothing was written; fix them first (archmodel validate)."));
        Assert.That(stdout, Is.Empty);
        Assert.That(Directory.Exists(output) || File.Exists(output), Is.False);
    }

    [TestCaseSource(nameof(Commands))]
    public void Command_FolderWithoutModelJson_ExitsThree(string[] args)
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var (code, _, stderr) = CliRunner.Run([.. args.Select(a => a.Replace("{0}", temp.Path, StringComparison.Ordinal).Replace("{1}", output, StringComparison.Ordinal))]);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("没有 model.json"));
    }
}
