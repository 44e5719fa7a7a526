using System.Text.RegularExpressions;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Cli.Tests;

/// <summary>
/// One voice: every output of the demo (analyze as text and JSON, every report kind in Markdown and HTML, diff as
/// text and Markdown, every page of the site), in each language, names each metric and rule by the terminology
/// table (src/ArchModel/Localization) and writes money one way.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed partial class TerminologyTests
{
    private static readonly string Before = CliRunner.Model("demo-province");
    private static readonly string After = CliRunner.Model("demo-province-2020");
    private static readonly Dictionary<Language, IReadOnlyList<(string Output, string Text)>> Rendered = [];

    [OneTimeSetUp]
    public void RenderEveryOutput()
    {
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var tag = language.ToTag();
            var outputs = new List<(string, string)>
            {
                ("analyze text", Run("analyze", Before, "--all", "--fail-on", "never", "--lang", tag)),
                ("analyze json", Run("analyze", Before, "--format", "json", "--fail-on", "never", "--lang", tag)),
                ("diff text", Run("diff", Before, After, "--lang", tag)),
                ("diff md", Run("diff", Before, After, "--format", "md", "--lang", tag)),
            };
            foreach (var template in new[] { "overview", "findings", "scorecard", "catalogue", "roadmap" })
            {
                foreach (var format in new[] { "md", "html" })
                {
                    outputs.Add(($"report {template} {format}", template == "roadmap"
                        ? Run("report", After, "--baseline", Before, "--template", template, "--format", format, "--all", "--lang", tag)
                        : Run("report", Before, "--template", template, "--format", format, "--all", "--lang", tag)));
                }
            }
            using var temp = new TempFolder();
            var site = Path.Combine(temp.Path, "site");
            var (code, _, stderr) = CliRunner.Run("site", After, "--baseline", Before, "--output", site, "--no-diagrams", "--lang", tag, "--quiet");
            Assert.That((code, stderr), Is.EqualTo((0, "")));
            foreach (var page in Directory.GetFiles(site, "*.html").Order(StringComparer.Ordinal))
            {
                outputs.Add(("site " + Path.GetFileName(page), File.ReadAllText(page)));
            }
            Rendered[language] = outputs;
        }
    }

    [Test]
    public void ChineseOutputs_EveryMetricName_IsTheTablesName()
    {
        var names = MetricNames.All.Select(static m => Terms.Metric(m).Chinese).ToArray();
        var wrong = Occurrences(Language.Chinese, ChineseMetricLike())
            .Where(o => !names.Any(n => o.Match.EndsWith(n, StringComparison.Ordinal))).ToList();
        Assert.That(wrong, Is.Empty, "metric names not from the terminology table");
        // And each metric is named somewhere, so the search above looks at the right places.
        Assert.That(names.Where(n => !Rendered[Language.Chinese].Any(o => o.Text.Contains(n, StringComparison.Ordinal))), Is.Empty);
    }

    [Test]
    public void EnglishOutputs_EveryMetricName_IsTheTablesName()
    {
        // The last word before "rate" (or "flow share") with the word itself: "Unified-network rate" → "unified-network rate".
        var names = MetricNames.All.Select(static m => Terms.Metric(m).English).ToArray();
        var tails = names.Select(static n => Tail().Match(n).Value.ToLowerInvariant()).Where(static t => t.Length > 0).ToHashSet();
        var wrong = Occurrences(Language.English, EnglishMetricLike())
            .Where(o => !tails.Contains(o.Match.ToLowerInvariant())).ToList();
        Assert.That(wrong, Is.Empty, "metric names not from the terminology table");
        Assert.That(names.Where(n => !Rendered[Language.English].Any(o => o.Text.Contains(n, StringComparison.Ordinal))), Is.Empty);
    }

    [TestCase(Language.Chinese)]
    [TestCase(Language.English)]
    public void Outputs_EveryRuleNamedWithItsCode_HasTheTablesTitle(Language language)
    {
        var wrong = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (output, text) in Rendered[language])
        {
            var pattern = language == Language.Chinese ? ChineseRuleTitle() : EnglishRuleTitle();
            foreach (Match m in pattern.Matches(text))
            {
                var code = m.Groups[1].Value;
                var title = Terms.RuleTitle(code)[language];
                if (!RuleCodes.All.Contains(code)) continue;
                seen.Add(code);
                if (!m.Groups[2].Value.StartsWith(title, StringComparison.Ordinal))
                {
                    wrong.Add($"{output}: {m.Value}");
                }
            }
        }
        Assert.That(wrong.Distinct(), Is.Empty, "rule names not from the terminology table");
        Assert.That(seen, Has.Count.GreaterThan(10), "the outputs name the rules by code and title");
    }

    [Test]
    public void ChineseOutputs_EveryAmountOfMoney_IsInWanYuan()
    {
        // Grouped digits (1,000 and more) in Chinese outputs are money, and money is 万元 with the unit; never 元 alone.
        var wrong = Occurrences(Language.Chinese, GroupedNumber())
            .Where(static o => !o.After.StartsWith(" 万元", StringComparison.Ordinal)).ToList();
        Assert.That(wrong, Is.Empty);
        Assert.That(Occurrences(Language.Chinese, YuanAlone()), Is.Empty);
    }

    [Test]
    public void EnglishOutputs_EveryAmountOfMoney_IsCnyWithSeparators()
    {
        Assert.That(Occurrences(Language.English, EnglishMoneyOther()), Is.Empty, "no 'million', no 'yuan', no 万元");
        var cny = Occurrences(Language.English, Cny()).ToList();
        Assert.That(cny, Is.Not.Empty);
        Assert.That(cny.Where(static o => !CnyAmount().IsMatch(o.Match)), Is.Empty);
    }

    [Test]
    public void ChineseOutputs_Prose_HasNoRawIdsCodesOrEnglishTokens()
    {
        // Prose names elements, levels, categories, modes and actions in Chinese; ids stay in the lists and tables
        // where a reader looks an element up (涉及：…, `id` cells).
        var prose = Rendered[Language.Chinese].Where(static o => !o.Output.StartsWith("site", StringComparison.Ordinal)
            && !o.Output.EndsWith("json", StringComparison.Ordinal) && !o.Output.EndsWith("html", StringComparison.Ordinal)).ToList();
        Assert.That(prose, Has.Count.GreaterThan(5));
        // A suppression's justification (理由：…, 接受理由) is the model author's own text, quoted as written.
        var wrong = prose.SelectMany(o => o.Text.Split('\n').Where(static l => !l.Contains("理由", StringComparison.Ordinal))
            .SelectMany(l => RawToken().Matches(l).Select(m => $"{o.Output}: {m.Value}"))).Distinct().ToList();
        Assert.That(wrong, Is.Empty);
    }

    private static string Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(0).Or.EqualTo(1), $"{string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    private static IEnumerable<(string Output, string Match, string After)> Occurrences(Language language, Regex pattern) =>
        Rendered[language].SelectMany(o => pattern.Matches(o.Text).Select(m =>
            (o.Output, m.Value, o.Text.Substring(m.Index + m.Length, Math.Min(8, o.Text.Length - m.Index - m.Length)))));

    // "[register]" step tokens; "（cap.ps.hukou）" and "」(cap.x)" ids after names; "（population）" JSON words; "方式 batch";
    // "990100（市级）" region codes; "| active |" enum values in change tables.
    [GeneratedRegex(@"\[[a-z][a-z-]+\]|（[a-z][\w.:-]*）|」\([a-z][\w.:-]*\)|方式 [a-z]|\d{6}（\p{IsCJKUnifiedIdeographs}+级）|\| (?:active|retired|planned|operational|building|retiring|api|batch|unconditional|conditional) \|")]
    private static partial Regex RawToken();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,}(?:率|占比)")]
    private static partial Regex ChineseMetricLike();

    [GeneratedRegex(@"\b[A-Za-z][\w-]* (?:rate|flow share)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishMetricLike();

    [GeneratedRegex(@"[\w-]+ (?:rate|flow share)$", RegexOptions.IgnoreCase)]
    private static partial Regex Tail();

    [GeneratedRegex(@"\b(AM\d{4})(?: \| | |：|</code> ?|</a> ?)(\p{IsCJKUnifiedIdeographs}+)")]
    private static partial Regex ChineseRuleTitle();

    [GeneratedRegex(@"\b(AM\d{4})(?: \| | |: |</code> ?|</a> ?)(?!AM\d)([A-Z][\w-]*(?: [\w-]+)*)")]
    private static partial Regex EnglishRuleTitle();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?")]
    private static partial Regex GroupedNumber();

    [GeneratedRegex(@"\d 元")]
    private static partial Regex YuanAlone();

    [GeneratedRegex(@"\d million|\d,?\d* yuan\b|万元")]
    private static partial Regex EnglishMoneyOther();

    [GeneratedRegex(@"CNY \S+")]
    private static partial Regex Cny();

    [GeneratedRegex(@"^CNY \d{1,3}(,\d{3})*")]
    private static partial Regex CnyAmount();
}
