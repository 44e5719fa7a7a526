using System.Text.Json;

namespace ArchModel.Cli.Tests;

public sealed class DiffCommandTests
{
    private static readonly string Before = CliRunner.Model("demo-province");
    private static readonly string After = CliRunner.Model("demo-province-2020");

    [Test]
    public void Diff_DemoProvince_TextPlanInChineseExitsZero()
    {
        var (code, stdout, stderr) = CliRunner.Run("diff", Before, After);
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Does.StartWith("示范省电子政务现状（2016） → 示范省电子政务目标架构（2020）\n"));
        Assert.That(stdout, Does.Contain("第二阶段：夯实基础设施"));
        // Steps in words, elements by name: the action tokens and ids are in the JSON output.
        Assert.That(stdout, Does.Contain(". 建设共享平台「示范省公安云」（政务云），接入「公安信息网」"));
        Assert.That(stdout, Does.Contain(". 撤销网络「国土资源业务专网」"));
        Assert.That(stdout, Does.Not.Contain("[build-platform]").And.Not.Contain("(net.land)"));
    }

    [Test]
    public void Diff_JsonFormat_HasTheDocumentedShape()
    {
        var (code, stdout, _) = CliRunner.Run("diff", Before, After, "--format", "json", "--lang", "en");
        Assert.That(code, Is.EqualTo(0));
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "added", "removed", "changed", "metrics", "findings", "steps", "phases", "unresolved", "cycles" }));
        // Both demo models have a date: phases are dated; the classified survey system has nowhere to go.
        Assert.That(root.GetProperty("phases")[0].GetProperty("start").GetString(), Is.EqualTo("2016-04-08"));
        var unresolved = root.GetProperty("unresolved").EnumerateArray().Single();
        Assert.That((unresolved.GetProperty("system").GetString(), unresolved.GetProperty("host").GetString()), Is.EqualTo(("sys.prov-land.survey", "plat.prov-land.dc")));
        var changed = root.GetProperty("changed").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "sys.prov-psd.pop");
        Assert.That(changed.GetProperty("kind").GetString(), Is.EqualTo("system"));
        var hosting = changed.GetProperty("fields").GetProperty("hosting");
        Assert.That((hosting.GetProperty("before").GetString(), hosting.GetProperty("after").GetString()), Is.EqualTo(("plat.prov-psd.dc", "plat.prov-psd.cloud")));
        var cloud = root.GetProperty("metrics").GetProperty("cloudRate");
        Assert.That(cloud.GetProperty("after").GetDouble(), Is.EqualTo(1.0));
        Assert.That(root.GetProperty("findings").GetProperty("introduced").GetArrayLength(), Is.EqualTo(0));
        var resolved = root.GetProperty("findings").GetProperty("resolved")[0];
        Assert.That(resolved.GetProperty("rule").GetString(), Is.EqualTo("AM1001"));
        var step = root.GetProperty("steps")[0];
        Assert.That(step.GetProperty("order").GetInt32(), Is.EqualTo(1));
        Assert.That(step.GetProperty("action").GetString(), Is.EqualTo("register"));
        Assert.That(step.GetProperty("after").GetArrayLength(), Is.EqualTo(0));
        Assert.That(step.GetProperty("description").GetString(), Does.StartWith("Register the new capability"));
        Assert.That(root.GetProperty("removed").EnumerateArray().Select(e => e.GetProperty("id").GetString()), Does.Contain("net.land"));
    }

    [Test]
    public void Diff_MarkdownFormat_IsAPlanningDocument()
    {
        var (code, stdout, _) = CliRunner.Run("diff", Before, After, "--format", "md");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.StartWith("# 迁移规划：示范省电子政务现状（2016） → 示范省电子政务目标架构（2020）\n"));
        Assert.That(stdout, Does.Contain("## 实施步骤").And.Contain("## 指标变化").And.Contain("## 问题变化").And.Contain("## 元素变化"));
        // Metrics by their one name and as percentages, changes in percentage points.
        Assert.That(stdout, Does.Contain("| 政务云使用率 | 64.9% | 100% | +35.1 个百分点（改善） | ≥ 90% | 是 |"));
        // Change tables name fields and values in words, the element by its id.
        Assert.That(stdout, Does.Contain("| `flow.gov.exchange-to-bigdata` | 状态 | 规划中 | 运行中 |"));
    }

    [Test]
    public void Diff_ModelAgainstItself_NoStepsExitsZero()
    {
        var (code, stdout, _) = CliRunner.Run("diff", Before, Before, "--lang", "en");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("0 elements added, 0 removed, 0 changed; the plan has 0 steps in 0 phases"));
        var json = CliRunner.Run("diff", Before, Before, "--format", "json").Stdout;
        using var doc = JsonDocument.Parse(json);
        Assert.That(doc.RootElement.GetProperty("steps").GetArrayLength(), Is.EqualTo(0));
        Assert.That(doc.RootElement.GetProperty("changed").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public void Diff_TwoRuns_ByteIdentical()
    {
        var first = CliRunner.Run("diff", Before, After, "--format", "json").Stdout;
        var second = CliRunner.Run("diff", Before, After, "--format", "json").Stdout;
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Diff_OutputFile_WrittenAndNeverOverAnInput()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "plan.md");
        var (code, stdout, _) = CliRunner.Run("diff", Before, After, "--format", "md", "--output", output);
        Assert.That((code, stdout), Is.EqualTo((0, "")));
        Assert.That(File.ReadAllText(output), Does.StartWith("# 迁移规划"));
        var refused = CliRunner.Run("diff", Before, After, "--output", After);
        Assert.That(refused.ExitCode, Is.EqualTo(3));
    }

    [Test]
    public void Diff_ModelWithErrors_PrintsThemAndExitsOne()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("model.json", """{ "formatVersion": "1", "systems": [ { "id": "s", "name": "系统", "owner": "nobody" } ] }""");
        var (code, stdout, stderr) = CliRunner.Run("diff", Before, broken);
        Assert.That((code, stdout), Is.EqualTo((1, "")));
        Assert.That(stderr, Does.Contain("error AM0006"));
    }

    [Test]
    public void Diff_MissingFile_ExitsThree()
    {
        Assert.That(CliRunner.Run("diff", Before, "/nonexistent/model.json").ExitCode, Is.EqualTo(3));
    }

    [Test]
    public void Diff_MissingArgumentOrUnknownFormat_ExitsTwo()
    {
        Assert.That(CliRunner.Run("diff", Before).ExitCode, Is.EqualTo(2));
        Assert.That(CliRunner.Run("diff", Before, After, "--format", "sarif").ExitCode, Is.EqualTo(2));
    }
}
