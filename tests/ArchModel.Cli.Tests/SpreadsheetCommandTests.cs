using System.Text.Json.Nodes;
using ArchModel.Diagnostics;
using ArchModel.Interop;

namespace ArchModel.Cli.Tests;

public class SpreadsheetCommandTests
{
    private static string Golden(string name) => Path.Combine(CliRunner.RepoRoot, "tests", "ArchModel.Tests", "TestFiles", "Spreadsheets", name);

    /// <summary>The analysis JSON without what names files: the tool, the model's files, the diagnostics and the findings' locations.</summary>
    private static string Analysis(string model)
    {
        var (code, stdout, stderr) = CliRunner.Run("analyze", model, "--format", "json", "--fail-on", "never");
        Assert.That(code, Is.EqualTo(0), stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();
        json.Remove("tool");
        json.Remove("model");
        json.Remove("diagnostics");
        foreach (var finding in json["findings"]!.AsArray())
        {
            finding!.AsObject().Remove("location");
        }
        return json.ToJsonString();
    }

    [TestCase("xlsx", "demo.xlsx")]
    [TestCase("csv", "demo-csv")]
    public void ExportThenImport_DemoProvince_SameFindingsAndMetrics(string format, string exported)
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, exported);
        var export = CliRunner.Run("export", CliRunner.Model("demo-province"), "--format", format, "--output", target);
        Assert.That(export.ExitCode, Is.EqualTo(0), export.Stderr);
        var out1 = Path.Combine(temp.Path, "imported");
        var import = CliRunner.Run("import", target, "--output", out1);
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Stdout + import.Stderr);
        Assert.That(import.Stdout, Does.Contain("0 个错误，0 个警告"));
        Assert.That(Directory.GetFiles(out1).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "archmodel.schema.json", "model.json" }));
        Assert.That(Analysis(Path.Combine(out1, "model.json")), Is.EqualTo(Analysis(CliRunner.Model("demo-province"))));
        var validate = CliRunner.Run("validate", Path.Combine(out1, "model.json"));
        Assert.That(validate.ExitCode, Is.EqualTo(0), validate.Stdout);
    }

    [Test]
    public void ImportSplitByKind_DemoProvince_OneFilePerKind()
    {
        using var temp = new TempFolder();
        var workbook = Path.Combine(temp.Path, "demo.xlsx");
        Assert.That(CliRunner.Run("export", CliRunner.Model("demo-province"), "--output", workbook).ExitCode, Is.EqualTo(0));
        var import = CliRunner.Run("import", workbook, "--output", Path.Combine(temp.Path, "out"), "--split", "kind", "--lang", "en");
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Stdout);
        Assert.That(File.Exists(Path.Combine(temp.Path, "out", "systems.json")), Is.True);
        Assert.That(Analysis(Path.Combine(temp.Path, "out", "model.json")), Is.EqualTo(Analysis(CliRunner.Model("demo-province"))));
    }

    /// <summary>A workbook filled in by hand: a dangling owner, a duplicate id, an unknown enum, a Chinese enum value, an empty required cell.</summary>
    private static string DefectWorkbook(string folder)
    {
        var tables = new List<Table>();
        void Sheet(string name, string[][] rows)
        {
            var table = new Table(name, name, name, typed: true);
            for (var i = 0; i < rows.Length; i++)
            {
                table.Rows.Add(new TableRow(i + 1, [.. rows[i].Select(CellData.Of)]));
            }
            tables.Add(table);
        }
        Sheet("模型", [["属性 (key)", "值 (value)"], ["id", "ledger"], ["name", "县级台账"], ["language", "zh-CN"]]);
        Sheet("机构", [
            ["标识 (id)", "名称 (name)", "层级 (level)", "行政区划代码 (region)"],
            ["ag.prov", "省政府", "provincial", "990000"],
            ["ag.county", "县民政局", "县级", "990101"],
            ["ag.city", "市民政局", "地级市", "990100"],
        ]);
        Sheet("系统", [
            ["标识 (id)", "名称 (name)", "所属机构 (owner)", "状态 (status)"],
            ["sys.oa", "协同办公系统", "ag.prov", "在用"],
            ["sys.approval", "审批系统", "ag.nobody", ""],
            ["sys.oa", "县协同办公", "ag.county", ""],
            ["sys.archive", "", "ag.county", "operational"],
        ]);
        var path = Path.Combine(folder, "台账.xlsx");
        using var stream = File.Create(path);
        XlsxFile.Write(stream, tables, LocalizedText.Neutral(""), Language.Chinese);
        return path;
    }

    [TestCase("zh-CN", "defects.zh.txt")]
    [TestCase("en", "defects.en.txt")]
    public void Import_HandFilledWorkbookWithDefects_ExactLocatedDiagnosticsExit1NothingWritten(string lang, string golden)
    {
        using var temp = new TempFolder();
        var workbook = DefectWorkbook(temp.Path);
        var output = Path.Combine(temp.Path, "out");
        var (code, stdout, _) = CliRunner.Run("import", workbook, "--output", output, "--lang", lang);
        Assert.That(code, Is.EqualTo(1));
        var actual = stdout.Replace(temp.Path + "/", "", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("ARCHMODEL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Golden(golden), actual);
        }
        Assert.That(actual, Is.EqualTo(File.ReadAllText(Golden(golden)).ReplaceLineEndings("\n")));
        Assert.That(Directory.Exists(output), Is.False, "nothing written");
    }

    [Test]
    public void Import_DefectsWithForce_WritesWhatCouldBeReadAndExits1()
    {
        using var temp = new TempFolder();
        var workbook = DefectWorkbook(temp.Path);
        var (code, _, _) = CliRunner.Run("import", workbook, "--output", Path.Combine(temp.Path, "out"), "--force", "-q");
        Assert.That(code, Is.EqualTo(1));
        var model = File.ReadAllText(Path.Combine(temp.Path, "out", "model.json"));
        Assert.That(model, Does.Contain("{ \"id\": \"ag.county\", \"name\": \"县民政局\", \"level\": \"county\", \"region\": \"990101\" }"));
        Assert.That(model, Does.Not.Contain("sys.archive"), "the row with an empty name is left out");
    }

    [Test]
    public void ExportTemplate_ThenImportUnfilled_EmptyModelWritten()
    {
        using var temp = new TempFolder();
        var template = Path.Combine(temp.Path, "模板.xlsx");
        var export = CliRunner.Run("export", "--template", "--output", template);
        Assert.That(export.ExitCode, Is.EqualTo(0), export.Stderr);
        var import = CliRunner.Run("import", template, "--output", Path.Combine(temp.Path, "out"));
        Assert.That(import.ExitCode, Is.EqualTo(0), import.Stdout);
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "out", "model.json")), Does.Contain("\"id\": \"模板\""));
    }

    [Test]
    public void Import_OneCsvFile_LocatedAtItsCells()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("机构.csv", "\uFEFF标识 (id),名称 (name),层级 (level)\r\nag.a,县政府,县级\r\nag.b,市政府,city\r\n");
        var (code, stdout, _) = CliRunner.Run("import", csv, "--output", Path.Combine(temp.Path, "out"), "--lang", "en", "-q");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout.Replace(temp.Path + "/", "", StringComparison.Ordinal), Does.StartWith("机构.csv!C3: error AM0004: '层级 (level)' is 'city', which is not allowed"));
    }

    [Test]
    public void Export_NoModelNoTemplate_UsageError()
    {
        var (code, _, stderr) = CliRunner.Run("export", "--output", "x.xlsx");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--template"));
    }

    [Test]
    public void Export_BrokenModel_Exit1NothingWritten()
    {
        using var temp = new TempFolder();
        var model = temp.Write("model.json", "{ \"formatVersion\": \"1\", \"systems\": [ { \"id\": \"s\", \"name\": \"S\", \"owner\": \"nobody\" } ] }");
        var (code, _, stderr) = CliRunner.Run("export", model, "--output", Path.Combine(temp.Path, "x.xlsx"), "--lang", "en");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("error AM0006"));
        Assert.That(File.Exists(Path.Combine(temp.Path, "x.xlsx")), Is.False);
    }

    [Test]
    public void Import_OutputWouldOverwriteTheInput_Refused()
    {
        using var temp = new TempFolder();
        var workbook = Path.Combine(temp.Path, "model.json");
        Assert.That(CliRunner.Run("export", CliRunner.Model("quickstart"), "--output", workbook).ExitCode, Is.EqualTo(0));
        var before = File.ReadAllBytes(workbook);
        var (code, _, stderr) = CliRunner.Run("import", workbook, "--output", temp.Path);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("输入文件"));
        Assert.That(File.ReadAllBytes(workbook), Is.EqualTo(before));
    }
}
