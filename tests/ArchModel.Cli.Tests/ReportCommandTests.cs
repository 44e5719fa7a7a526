namespace ArchModel.Cli.Tests;

public sealed class ReportCommandTests
{
    [Test]
    public void Report_DemoProvince_WritesTheChineseOverviewToStandardOutput()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", CliRunner.Model("demo-province"));
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        Assert.That(stdout, Does.StartWith("# 顶层设计现状评估报告"));
        Assert.That(stdout, Does.Contain("2016 年 4 月 8 日"));
    }

    [TestCase("overview")]
    [TestCase("findings")]
    [TestCase("scorecard")]
    [TestCase("catalogue")]
    public void Report_HtmlToAFile_IsWrittenInEnglish(string template)
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, template + ".html");
        var (code, stdout, stderr) = CliRunner.Run("report", CliRunner.Model("demo-province"), "--template", template,
            "--format", "html", "--lang", "en", "--output", output);
        Assert.That((code, stdout, stderr), Is.EqualTo((0, "", "")));
        var html = File.ReadAllText(output);
        Assert.That(html, Does.StartWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    }

    [Test]
    public void Report_TemplateFileWithHtmlExtension_ChoosesHtml()
    {
        using var temp = new TempFolder();
        var template = temp.Write("mine.sbn-html", "<p>{{ model.name }}</p>");
        var (code, stdout, _) = CliRunner.Run("report", CliRunner.Model("quickstart"), "--template", template);
        Assert.That((code, stdout), Is.EqualTo((0, "<p>Quickstart city</p>")));
    }

    [Test]
    public void Report_MissingTemplateFile_ExitsThree()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", CliRunner.Model("quickstart"), "--template", "no-such-dir/none.sbn-md");
        Assert.That((code, stdout), Is.EqualTo((3, "")));
        Assert.That(stderr, Does.Contain("AM0104").And.Contain("no-such-dir/none.sbn-md"));
    }

    [Test]
    public void Report_TemplateSyntaxError_ExitsOneWithALocatedMessage()
    {
        using var temp = new TempFolder();
        var template = temp.Write("bad.sbn-md", "# t\n{{ 1 + }}\n");
        var (code, stdout, stderr) = CliRunner.Run("report", CliRunner.Model("quickstart"), "--template", template, "--lang", "en");
        Assert.That((code, stdout), Is.EqualTo((1, "")));
        Assert.That(stderr, Does.Match(@"bad\.sbn-md\(2,8\): error AM0101: Template syntax error: "));
    }

    [Test]
    public void Report_IncludeOutsideTheFolder_ExitsOneWithALocatedMessage()
    {
        using var temp = new TempFolder();
        var template = temp.Write("t.sbn-md", "{{ include \"../../../etc/passwd\" }}");
        var (code, _, stderr) = CliRunner.Run("report", CliRunner.Model("quickstart"), "--template", template, "--lang", "en");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Match(@"t\.sbn-md\(1,4\): error AM0103: "));
    }

    [Test]
    public void Report_InvalidModel_ExitsOneWithItsDiagnostics()
    {
        using var temp = new TempFolder();
        var model = temp.Write("model.json", """{ "formatVersion": "1", "model": { "id": "m" }, "systems": [ { "id": "s", "name": "S", "owner": "nobody" } ] }""");
        var (code, stdout, stderr) = CliRunner.Run("report", model);
        Assert.That((code, stdout), Is.EqualTo((1, "")));
        Assert.That(stderr, Does.Contain("AM0006"));
    }

    [Test]
    public void Report_MissingModel_ExitsThree()
    {
        var (code, _, _) = CliRunner.Run("report", "no-such-model.json");
        Assert.That(code, Is.EqualTo(3));
    }

    [TestCase("--format", "pdf")]
    [TestCase("--baseline", "x.json")] // --baseline with the overview template (the default)
    public void Report_UnsupportedOption_ExitsTwo(string option, string value)
    {
        var (code, stdout, _) = CliRunner.Run("report", CliRunner.Model("quickstart"), option, value);
        Assert.That((code, stdout), Is.EqualTo((2, "")));
    }

    private static string DemoBefore => CliRunner.Model("demo-province");

    private static string DemoAfter => CliRunner.Model("demo-province-2020");

    [Test]
    public void Report_Roadmap_WritesThePlanFromTheBaseline()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", DemoAfter, "--template", "roadmap", "--baseline", DemoBefore, "--lang", "en");
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.StartWith("# Roadmap"));
        Assert.That(stdout, Does.Contain("## 5 Phases and steps").And.Contain("## 3 Savings"));
    }

    [Test]
    public void Report_RoadmapWithoutBaseline_ExitsTwo()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", DemoAfter, "--template", "roadmap");
        Assert.That((code, stdout), Is.EqualTo((2, "")));
        Assert.That(stderr, Does.Contain("--baseline"));
    }

    [Test]
    public void Report_BaselineWithAnotherBuiltIn_ExitsTwo()
    {
        var (code, stdout, stderr) = CliRunner.Run("report", DemoAfter, "--template", "scorecard", "--baseline", DemoBefore);
        Assert.That((code, stdout), Is.EqualTo((2, "")));
        Assert.That(stderr, Does.Contain("--baseline"));
    }

    [Test]
    public void Report_BaselineWithErrors_PrintsThemAndExitsOne()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("model.json", """{ "formatVersion": "1", "systems": [ { "id": "s", "name": "系统", "owner": "nobody" } ] }""");
        var (code, stdout, stderr) = CliRunner.Run("report", DemoAfter, "--template", "roadmap", "--baseline", broken);
        Assert.That((code, stdout), Is.EqualTo((1, "")));
        Assert.That(stderr, Does.Contain("error AM0006"));
    }

    [Test]
    public void Report_UnreadableBaseline_ExitsThree()
    {
        var (code, stdout, _) = CliRunner.Run("report", DemoAfter, "--template", "roadmap", "--baseline", "/nonexistent/model.json");
        Assert.That((code, stdout), Is.EqualTo((3, "")));
    }

    [Test]
    public void Report_OutputOverTheBaseline_IsRefused()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(CliRunner.Model("quickstart"));
        var baseline = temp.Write("asis.json", text);
        var model = temp.Write("tobe.json", text);
        var (code, _, stderr) = CliRunner.Run("report", model, "--template", "roadmap", "--baseline", baseline, "--output", baseline);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("输入文件"));
        Assert.That(File.ReadAllText(baseline), Is.EqualTo(text), "the baseline is untouched");
    }

    [Test]
    public void Report_OutputOverTheModel_IsRefused()
    {
        using var temp = new TempFolder();
        var model = temp.Write("model.json", File.ReadAllText(CliRunner.Model("quickstart")));
        var (code, _, stderr) = CliRunner.Run("report", model, "--output", model);
        Assert.That(code, Is.EqualTo(3));
        Assert.That(stderr, Does.Contain("输入文件"));
    }
}
