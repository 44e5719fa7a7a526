using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArchModel.Cli.Tests;

/// <summary>
/// No name in a model reaches a terminal as a control character: every text output, on standard output, in a file
/// or on standard error, shows ESC, BEL, C1 controls and bidi overrides as visible <c>\uXXXX</c> escapes. Markdown
/// from <c>diff</c> shows hostile names as text. And a template file's time limit is a command-line option.
/// </summary>
public sealed class TerminalSafetyTests
{
    private const string Title = "\u001b]0;pwned\u0007\u001b[2J\u009b31m \u202Egnp.exe\u2066x\u2069";
    private const string TitleShown = @"\u001B]0;pwned\u0007\u001B[2J\u009B31m \u202Egnp.exe\u2066x\u2069";
    private static readonly char[] Raw = ['\u001b', '\u0007', '\u009b', '\u202E', '\u2066', '\u2069'];

    /// <summary>The quickstart model with a hostile model name and system names; <paramref name="toBe"/> renames one system more.</summary>
    private static string Write(TempFolder temp, string file, bool toBe = false)
    {
        var root = JsonNode.Parse(File.ReadAllText(CliRunner.Model("quickstart")))!.AsObject();
        root.Remove("$schema");
        root["model"]!["name"] = Title;
        var systems = root["systems"]!.AsArray();
        systems[0]!["name"] = "<script>alert(1)</script> " + Title;
        systems[1]!["name"] = "[x](javascript:alert(1)) <img src=x onerror=alert(1)>";
        if (toBe)
        {
            systems[2]!["name"] = "![i](http://evil.invalid/p.png) | " + Title;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(temp.Path, file))!);
        return temp.Write(file, root.ToJsonString());
    }

    private static void AssertNoRaw(string text, string what) =>
        Assert.That(text.IndexOfAny(Raw), Is.EqualTo(-1), $"{what} holds a raw control or bidi character");

    [Test]
    public void Validate_HostileModelName_IsShownWithVisibleEscapes()
    {
        using var temp = new TempFolder();
        var model = Write(temp, "model.json");
        var (code, stdout, stderr) = CliRunner.Run("validate", model);
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        AssertNoRaw(stdout, "validate's text");
        Assert.That(stdout, Does.StartWith(TitleShown + " (1 file): valid"));
    }

    [Test]
    public void Analyze_HostileNames_TextOnStandardOutputAndInAFileHasNoRawControl()
    {
        using var temp = new TempFolder();
        var model = Write(temp, "model.json");
        var (code, stdout, _) = CliRunner.Run("analyze", model, "--fail-on", "never");
        Assert.That(code, Is.EqualTo(0));
        AssertNoRaw(stdout, "analyze's text");
        Assert.That(stdout, Does.Contain(TitleShown));
        var output = Path.Combine(temp.Path, "out.txt");
        var (fileCode, _, _) = CliRunner.Run("analyze", model, "--fail-on", "never", "--output", output);
        Assert.That(fileCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(output), Is.EqualTo(stdout));
    }

    [Test]
    public void Analyze_JsonAndSarif_HaveNoRawControlAndReadBackTheName([Values("json", "sarif")] string format)
    {
        using var temp = new TempFolder();
        var model = Write(temp, "model.json");
        var output = Path.Combine(temp.Path, "out." + format);
        var (code, stdout, _) = CliRunner.Run("analyze", model, "--format", format, "--fail-on", "never");
        var (fileCode, _, _) = CliRunner.Run("analyze", model, "--format", format, "--fail-on", "never", "--output", output);
        Assert.That((code, fileCode), Is.EqualTo((0, 0)));
        var file = File.ReadAllText(output);
        AssertNoRaw(stdout, format + " on standard output");
        AssertNoRaw(file, format + " in a file");
        Assert.That(file, Is.EqualTo(stdout), "the same bytes to a file as to standard output");
        using var doc = JsonDocument.Parse(file);
        if (format == "json")
        {
            Assert.That(doc.RootElement.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo(Title));
        }
    }

    [Test]
    public void Diff_TextAndMarkdown_ShowHostileNamesAsText()
    {
        using var temp = new TempFolder();
        var before = Write(temp, "before/model.json");
        var after = Write(temp, "after/model.json", toBe: true);
        var (code, text, _) = CliRunner.Run("diff", before, after, "--lang", "en");
        Assert.That(code, Is.EqualTo(0));
        AssertNoRaw(text, "diff's text");
        Assert.That(text, Does.StartWith(TitleShown + " → " + TitleShown + "\n"));

        var (mdCode, md, _) = CliRunner.Run("diff", before, after, "--format", "md", "--lang", "en");
        Assert.That(mdCode, Is.EqualTo(0));
        AssertNoRaw(md, "diff's Markdown");
        Assert.That(md, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("!["));
        Assert.That(md, Does.Not.Match(@"(?<!\\)\]\((javascript|http://evil)"));
        Assert.That(md, Does.Contain(@"!\[i\](http://evil.invalid/p.png) \|"));
    }

    [Test]
    public void Diagram_UnknownAgencyWithControls_IsReportedOnStandardErrorWithVisibleEscapes()
    {
        var (code, stdout, stderr) = CliRunner.Run("diagram", CliRunner.Model("quickstart"), "--view", "agency:x\u001b]0;t\u0007");
        Assert.That((code, stdout), Is.EqualTo((2, "")));
        AssertNoRaw(stderr, "standard error");
        Assert.That(stderr, Does.Contain(@"x\u001B]0;t\u0007"));
    }

    [Test]
    public void SafeTextWriter_WriteLine_KeepsTheInnerNewLineAndEscapesEverythingElse()
    {
        var inner = new StringWriter { NewLine = "\r\n" };
        var safe = SafeTextWriter.Wrap(inner);
        safe.WriteLine("a\u001bb\r");
        safe.Write('\u0007');
        safe.Write("tab\tnew\n".ToCharArray(), 0, 8);
        safe.WriteLine();
        Assert.That(inner.ToString(), Is.EqualTo("a\\u001Bb\\u000D\r\n\\u0007tab\tnew\n\r\n"));
        Assert.That(SafeTextWriter.Wrap(safe), Is.SameAs(safe));
    }

    [Test]
    public void Report_TemplateTimeout_StopsASlowTemplateWithALocatedError()
    {
        using var temp = new TempFolder();
        var template = temp.Write("slow.sbn-md", "{{ func f(n)\n  if n > 0\n    f(n - 1)\n    f(n - 1)\n  end\nend }}{{ f 40 }}");
        var (code, stdout, stderr) = CliRunner.Run("report", CliRunner.Model("quickstart"), "--template", template, "--template-timeout", "1.5");
        Assert.That((code, stdout), Is.EqualTo((1, "")));
        Assert.That(stderr, Does.Contain("slow.sbn-md(").And.Contain("error AM0105").And.Contain("1.5 s"));
    }

    [TestCase("-1")]
    [TestCase("NaN")]
    [TestCase("abc")]
    public void Report_InvalidTemplateTimeout_IsWrongUsage(string value)
    {
        var (code, _, stderr) = CliRunner.Run("report", CliRunner.Model("quickstart"), "--template-timeout", value);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--template-timeout"));
    }

    [Test]
    public void Report_TemplateTimeoutZero_LiftsTheLimit()
    {
        using var temp = new TempFolder();
        var template = temp.Write("fast.sbn-md", "{{ model.id }}");
        var (code, stdout, _) = CliRunner.Run("report", CliRunner.Model("quickstart"), "--template", template, "--template-timeout", "0");
        Assert.That((code, stdout), Is.EqualTo((0, "quickstart")));
    }
}
