using System.Text.Json;

namespace ArchModel.Cli.Tests;

public sealed class ValidateCommandTests
{
    private const string Broken = """
        { "formatVersion": "1", "model": { "id": "broken", "name": "坏模型", "language": "zh-CN" },
          "agencies": [ { "id": "a", "name": "甲", "level": "county" } ],
          "systems": [ { "id": "s", "name": "系统", "owner": "nobody" } ],
          "unknownThing": 1 }
        """;

    [TestCase("demo-province")]
    [TestCase("demo-province-2020")]
    [TestCase("quickstart")]
    public void Validate_SampleModel_ExitsZeroWithNoDiagnostics(string name)
    {
        var (code, stdout, stderr) = CliRunner.Run("validate", CliRunner.Model(name));
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Does.Contain("0 个错误").Or.Contain("0 errors"));
    }

    [Test]
    public void Validate_BrokenModel_PrintsCompilerStyleLinesInChineseAndExitsOne()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        var (code, stdout, _) = CliRunner.Run("validate", path);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(lines[0], Does.Match(@"model\.json\(3,52\): error AM0006: 属性“owner”引用的机构“nobody”不存在。$"));
        Assert.That(lines[1], Does.Match(@"model\.json\(4,3\): warning AM0002: "));
        Assert.That(lines[^1], Is.EqualTo("坏模型（1 个文件）：校验未通过，1 个错误，1 个警告。"));
    }

    [TestCase("zh-CN", "typo（1 个文件）：校验通过，但结果存疑，0 个错误，1 个警告。有 1 个未知属性被忽略（AM0002）：其中的数据不在模型中，本结果和任何分析都可能遗漏它们；请检查拼写。")]
    [TestCase("en", "typo (1 file): valid but doubtful, 0 errors, 1 warning. 1 unknown property was ignored (AM0002): what it holds is not in the model, so this result and any analysis may miss it; check the spelling.")]
    public void Validate_UnknownPropertyOnly_SummarySaysTheResultIsDoubtful(string lang, string summary)
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """
            { "formatVersion": "1", "model": { "id": "typo", "name": "typo" },
              "agencies": [ { "id": "a", "name": "甲", "level": "county", "regoin": "990101" } ] }
            """);
        var (code, stdout, _) = CliRunner.Run("validate", path, "--lang", lang);
        Assert.That(code, Is.EqualTo(0), "a warning does not fail by default");
        Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], Is.EqualTo(summary));
    }

    [Test]
    public void Validate_WarningThatHidesNoData_SummaryJustValid()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """
            { "formatVersion": "1", "model": { "id": "self", "name": "self" },
              "agencies": [ { "id": "a", "name": "甲", "level": "county" } ],
              "systems": [ { "id": "s", "name": "系统", "owner": "a" } ],
              "flows": [ { "id": "f", "from": "s", "to": "s" } ] }
            """);
        var (_, stdout, _) = CliRunner.Run("validate", path, "--lang", "en");
        Assert.That(stdout, Does.Contain("self (1 file): valid, 0 errors, 1 warning."));
    }

    [Test]
    public void Validate_LangEn_PrintsEnglish()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        var (_, stdout, _) = CliRunner.Run("validate", path, "--lang", "en");
        Assert.That(stdout, Does.Contain("error AM0006: Property 'owner' references unknown agency 'nobody'."));
    }

    [TestCase("error", 1)]
    [TestCase("warning", 1)]
    [TestCase("never", 0)]
    public void Validate_FailOn_DecidesTheExitCode(string failOn, int expected)
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        Assert.That(CliRunner.Run("validate", path, "--fail-on", failOn).ExitCode, Is.EqualTo(expected));
    }

    [Test]
    public void Validate_WarningsOnly_FailOnErrorExitsZeroButWarningExitsOne()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """{ "formatVersion": "1", "typo": true }""");
        Assert.That(CliRunner.Run("validate", path).ExitCode, Is.EqualTo(0));
        Assert.That(CliRunner.Run("validate", path, "--fail-on", "warning").ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Validate_JsonFormat_HasTheDocumentedShape()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        var (_, stdout, _) = CliRunner.Run("validate", path, "--format", "json");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("tool").GetProperty("name").GetString(), Is.EqualTo("archmodel"));
        Assert.That(root.GetProperty("model").GetProperty("id").GetString(), Is.EqualTo("broken"));
        var first = root.GetProperty("diagnostics")[0];
        Assert.That(first.GetProperty("code").GetString(), Is.EqualTo("AM0006"));
        Assert.That(first.GetProperty("severity").GetString(), Is.EqualTo("error"));
        Assert.That(first.GetProperty("location").GetProperty("line").GetInt32(), Is.EqualTo(3));
        Assert.That(first.GetProperty("location").GetProperty("column").GetInt32(), Is.EqualTo(52));
        Assert.That(first.GetProperty("location").GetProperty("path").GetString(), Is.EqualTo("systems[0].owner"));
        Assert.That(root.TryGetProperty("findings", out _), Is.False);
        Assert.That(stdout, Does.Contain("“nobody”"), "Chinese is written as itself, not escaped");
    }

    [Test]
    public void Validate_SarifFormat_IsSarif210()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        var (_, stdout, _) = CliRunner.Run("validate", path, "--format", "sarif");
        using var doc = JsonDocument.Parse(stdout);
        Assert.That(doc.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("AM0006"));
        Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("error"));
    }

    [Test]
    public void Validate_OutputFile_IsWrittenAtomicallyAndIdenticallyEachRun()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        var output = Path.Combine(temp.Path, "out.json");
        CliRunner.Run("validate", path, "--format", "json", "--output", output);
        var first = File.ReadAllBytes(output);
        var (code, stdout, _) = CliRunner.Run("validate", path, "--format", "json", "--output", output);
        Assert.That((code, stdout), Is.EqualTo((1, "")));
        Assert.That(File.ReadAllBytes(output), Is.EqualTo(first));
        Assert.That(Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "model.json", "out.json" }));
    }

    [Test]
    public void Validate_OutputOverAnInput_IsRefusedWithExitThreeAndTheInputKept()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        var (code, _, stderr) = CliRunner.Run("validate", path, "--output", path);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("输入文件"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(Broken));
    }

    [Test]
    public void Validate_OutputInMissingFolder_ExitsThree()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", Broken);
        Assert.That(CliRunner.Run("validate", path, "--output", Path.Combine(temp.Path, "no", "out.txt")).ExitCode, Is.EqualTo(3));
    }

    [Test]
    public void Validate_MissingModelFile_ExitsThree()
    {
        var (code, stdout, stderr) = CliRunner.Run("validate", "/nonexistent/model.json");
        Assert.That((code, stdout), Is.EqualTo((3, "")));
        Assert.That(stderr, Does.Contain("AM0009"));
    }

    [TestCase("validate")]
    [TestCase("validate", "m.json", "--format", "pdf")]
    [TestCase("validate", "m.json", "--bogus")]
    [TestCase("frobnicate")]
    public void Run_WrongUsage_ExitsTwoWithAOneLineHint(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.That((code, stdout), Is.EqualTo((2, "")));
        Assert.That(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        Assert.That(stderr, Does.Contain("--help"));
    }
}

public sealed class SchemaAndInitCommandTests
{
    [Test]
    public void Schema_PrintsTheShippedSchema()
    {
        var (code, stdout, _) = CliRunner.Run("schema");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Is.EqualTo(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "models", "schema", "archmodel.schema.json"))));
    }

    [TestCase("zh-CN")]
    [TestCase("en")]
    public void Init_WritesAStarterModelThatValidatesCleanly(string lang)
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "starter");
        Assert.That(CliRunner.Run("init", folder, "--lang", lang).ExitCode, Is.EqualTo(0));
        var (code, stdout, _) = CliRunner.Run("validate", Path.Combine(folder, "model.json"), "--fail-on", "warning", "--quiet");
        Assert.That((code, stdout), Is.EqualTo((0, "")));
        Assert.That(File.Exists(Path.Combine(folder, "archmodel.schema.json")), Is.True);
    }

    [Test]
    public void Init_IntoAFolderWithAModel_RefusesAndKeepsIt()
    {
        using var temp = new TempFolder();
        var existing = temp.Write("model.json", "{}");
        Assert.That(CliRunner.Run("init", temp.Path).ExitCode, Is.EqualTo(3));
        Assert.That(File.ReadAllText(existing), Is.EqualTo("{}"));
    }
}
