using System.Text.Json;

namespace ArchModel.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [Test]
    public void Analyze_DemoProvince_PrintsEveryRuleAndTheScorecardInChinese()
    {
        var (code, stdout, stderr) = CliRunner.Run("analyze", CliRunner.Model("demo-province"));
        Assert.That(stderr, Is.Empty);
        Assert.That(code, Is.EqualTo(1), "the demo province has error-level findings on purpose");
        foreach (var rule in new[] { "AM1001", "AM1002", "AM1003", "AM1004", "AM2001", "AM2002", "AM2003", "AM2004", "AM2005", "AM2006",
                     "AM2007", "AM3001", "AM3002", "AM4001", "AM4002", "AM4003", "AM4004", "AM5001", "AM5002" })
        {
            Assert.That(stdout, Does.Contain($"\n{rule} ").Or.StartWith($"{rule} "), rule);
        }
        Assert.That(stdout, Does.Contain("计分卡（绩效评价）"));
        Assert.That(stdout, Does.Contain("重复建设率 (duplicateRate)"));
        Assert.That(stdout, Does.Contain("[已抑制]"));
    }

    [Test]
    public void Analyze_LangEn_PrintsEnglish()
    {
        var (_, stdout, _) = CliRunner.Run("analyze", CliRunner.Model("demo-province"), "--lang", "en");
        Assert.That(stdout, Does.Contain("Scorecard"));
        Assert.That(stdout, Does.Contain("[suppressed]"));
    }

    [Test]
    public void Analyze_FailOnNever_ExitsZero() =>
        Assert.That(CliRunner.Run("analyze", CliRunner.Model("demo-province"), "--fail-on", "never").ExitCode, Is.EqualTo(0));

    [Test]
    public void Analyze_Quickstart_FindsTheDuplicateAndTheIsolatedSystem()
    {
        var (code, stdout, _) = CliRunner.Run("analyze", CliRunner.Model("quickstart"), "--format", "json");
        Assert.That(code, Is.EqualTo(0), "only warnings");
        using var doc = JsonDocument.Parse(stdout);
        var rules = doc.RootElement.GetProperty("findings").EnumerateArray().Select(static f => f.GetProperty("rule").GetString()).ToList();
        Assert.That(rules, Does.Contain("AM1001").And.Contains("AM2001"));
        Assert.That(CliRunner.Run("analyze", CliRunner.Model("quickstart"), "--fail-on", "warning").ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Analyze_ModelWithErrors_ReportsThemWithoutFindings()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """{ "formatVersion": "1", "systems": [ { "id": "s", "name": "S", "owner": "nobody" } ] }""");
        var (code, stdout, _) = CliRunner.Run("analyze", path, "--format", "json");
        Assert.That(code, Is.EqualTo(1));
        using var doc = JsonDocument.Parse(stdout);
        Assert.That(doc.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString(), Is.EqualTo("AM0006"));
        Assert.That(doc.RootElement.GetProperty("findings").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Analyze_TwoRuns_AreByteIdentical()
    {
        var first = CliRunner.Run("analyze", CliRunner.Model("demo-province"), "--format", "sarif").Stdout;
        Assert.That(CliRunner.Run("analyze", CliRunner.Model("demo-province"), "--format", "sarif").Stdout, Is.EqualTo(first));
    }
}
