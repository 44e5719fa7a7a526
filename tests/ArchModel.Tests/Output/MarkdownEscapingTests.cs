using ArchModel.Analysis;
using ArchModel.Documents;
using ArchModel.Output;
using ArchModel.Planning;
using ArchModel.Tests.Documents;

namespace ArchModel.Tests.Output;

/// <summary>
/// Every Markdown ArchModel writes — each built-in report and <c>archmodel diff --format md</c> — goes through the one
/// Markdown escaper: a hostile name is text, never HTML, a link, an image, a broken table row or a raw control.
/// </summary>
public sealed class MarkdownEscapingTests
{
    private static (ArchitectureModel Before, ArchitectureModel After) HostilePair(TempFolder temp)
    {
        var before = DocumentTestSupport.Load(HostileText.Write(temp, "before/model.json", 0)).Model;
        var after = DocumentTestSupport.Load(HostileText.Write(temp, "after/model.json", 1, toBe: true)).Model;
        return (before, after);
    }

    [TestCase("<script>", "&lt;script&gt;")]
    [TestCase("[x](javascript:alert(1))", @"\[x\](javascript:alert(1))")]
    [TestCase("![i](u)", @"!\[i\](u)")]
    [TestCase("a|b\nc\r\nd", @"a\|b c d")]
    [TestCase("\\ ` * _ # ~ &", @"\\ \` \* \_ \# \~ &amp;")]
    [TestCase("\u001b]0;t\u0007", @"\u001B\]0;t\u0007")]
    [TestCase("\u202Eabc\u2066", @"\u202Eabc\u2066")]
    [TestCase("中文 plain", "中文 plain")]
    public void Text_HostileText_IsEscaped(string input, string expected)
    {
        Assert.That(MarkdownEscaper.Text(input), Is.EqualTo(expected));
    }

    [TestCase("sys.a", "`sys.a`")]
    [TestCase("a`b", "``a`b``")]
    [TestCase("`a", "`` `a ``")]
    [TestCase("a\u001bb", @"`a\u001Bb`")]
    public void Code_HostileText_IsOneCodeSpan(string input, string expected)
    {
        Assert.That(MarkdownEscaper.Code(input), Is.EqualTo(expected));
    }

    [Test]
    public void DiffMarkdown_HostileNames_AreEscaped([Values] Language language)
    {
        using var temp = new TempFolder();
        var (before, after) = HostilePair(temp);
        var diff = ModelDiff.Compare(before, after);
        var markdown = DiffOutput.Markdown(diff, MigrationPlanner.Plan(diff), language);
        Assert.That(diff.Changed, Is.Not.Empty);
        Assert.That(diff.Added, Is.Not.Empty);
        HostileText.AssertInertMarkdown(markdown);
        Assert.That(markdown, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain(@"\[x\](javascript:alert(1))")
            .And.Contain(@"\u001B\]0;pwned\u0007").And.Contain(@"\u202Eexe.txt"));
    }

    [Test]
    public void ReportMarkdown_HostileNames_AreEscapedInEveryBuiltInTemplate(
        [ValueSource(typeof(ReportGenerator), nameof(ReportGenerator.BuiltInTemplates))] string template, [Values] Language language)
    {
        using var temp = new TempFolder();
        var (before, after) = HostilePair(temp);
        var model = ReportGenerator.NeedsBaseline(template) ? after : before;
        var result = ReportGenerator.Render(model, Analyzer.Analyze(model), new ReportOptions
        {
            Template = template,
            Format = DocumentFormat.Markdown,
            Language = language,
            Baseline = ReportGenerator.NeedsBaseline(template) ? before : null,
        });
        Assert.That(result.Diagnostics, Is.Empty);
        HostileText.AssertInertMarkdown(result.Text!);
        Assert.That(result.Text, Does.Contain("&lt;script&gt;").Or.Contain("&lt;img"));
    }

    [Test]
    public void ReportHtml_ControlCharacters_AreVisibleEscapes()
    {
        using var temp = new TempFolder();
        var (before, _) = HostilePair(temp);
        var result = ReportGenerator.Render(before, Analyzer.Analyze(before), new ReportOptions { Template = "findings", Format = DocumentFormat.Html });
        Assert.That(result.Text!.IndexOfAny(HostileText.Raw), Is.EqualTo(-1));
        Assert.That(result.Text, Does.Contain(@"\u001B]0;pwned\u0007").And.Not.Contain("<img"));
    }
}
