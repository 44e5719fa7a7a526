using System.Text;
using System.Text.RegularExpressions;
using ArchModel.Analysis;
using ArchModel.Documents;
using ArchModel.Generation;

namespace ArchModel.Tests.Documents;

/// <summary>Reports that fit the model's size: per rule a count and the largest findings, all on request, and links
/// into the published site.</summary>
[NonParallelizable]
public sealed partial class ReportSizeTests
{
    private static (ArchitectureModel Model, AnalysisResult Analysis)? _province;

    /// <summary>The generated province (4,592 agencies, 11,492 systems), made once for the tests that need it.</summary>
    private static (ArchitectureModel Model, AnalysisResult Analysis) Province()
    {
        if (_province is { } p)
        {
            return p;
        }
        using var temp = new TempFolder();
        ModelGenerator.WriteTo(temp.Path, new GeneratorOptions { Preset = GeneratorPreset.Province });
        var model = ModelLoader.LoadFile(Path.Combine(temp.Path, "model.json")).Model!;
        _province = (model, Analyzer.Analyze(model));
        return _province.Value;
    }

    [Test]
    public void Overview_ProvincePresetWithDiagrams_IsUnderTwoMegabytes()
    {
        var province = Province();
        Assert.That(province.Model.Agencies.Count, Is.GreaterThan(4000), "the province preset");
        var provider = new GraphvizDiagramProvider();
        var html = DocumentTestSupport.Render(province,
            new ReportOptions { Template = "overview", Format = DocumentFormat.Html, Diagrams = provider });
        Assert.That(provider.Problems, Is.Empty, "Graphviz must be installed (scripts/install-verify-tools.sh)");
        var bytes = Encoding.UTF8.GetByteCount(html);
        TestContext.Out.WriteLine($"province overview: {bytes:N0} bytes");
        Assert.That(bytes, Is.LessThan(2_000_000));
        Assert.That(html, Does.Contain("id=\"diagram-landscape\""));
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(static m => m.Groups[1].Value).ToList();
        Assert.That(ids, Is.Unique);
        var targets = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(static m => m.Groups[1].Value).Distinct();
        Assert.That(targets.Except(ids), Is.Empty, "every in-page link has a target");
    }

    [Test]
    public void Findings_ProvinceByDefault_ListsTheTwentyLargestPerRuleAndAllWithListAll()
    {
        var province = Province();
        var active = province.Analysis.ActiveFindings.ToArray();
        var busiest = active.GroupBy(static f => f.Rule).OrderByDescending(static g => g.Count()).First();
        Assert.That(busiest.Count(), Is.GreaterThan(ViewModelBuilder.ListLimit), "some rule has more findings than are listed");
        var md = DocumentTestSupport.Render(province, new ReportOptions { Template = "findings", Language = Language.English });
        var listed = FindingRule().Matches(md).Select(static m => m.Groups[1].Value).ToList();
        foreach (var rule in active.GroupBy(static f => f.Rule))
        {
            Assert.That(listed.Count(r => r == rule.Key), Is.EqualTo(Math.Min(rule.Count(), ViewModelBuilder.ListLimit)), rule.Key);
        }
        Assert.That(md, Does.Contain($"{busiest.Count() - ViewModelBuilder.ListLimit} more are not listed"));

        var all = DocumentTestSupport.Render(province, new ReportOptions { Template = "findings", Language = Language.English, ListAll = true });
        Assert.That(FindingRule().Matches(all).Count, Is.EqualTo(active.Length));
        Assert.That(all, Does.Not.Contain("more are not listed"));
    }

    [Test]
    public void Findings_EvidenceListingThousands_NamesTheFirstTwelveAndCountsTheRest_AllWithListAll()
    {
        // A national duplicate group's evidence names thousands of agencies and systems: one line of 600 KB, unless
        // a value shows what an element list shows, the first twelve and how many more.
        var golden = DocumentTestSupport.Golden();
        var names = Enumerable.Range(1, 30).Select(static i => $"机构{i:D2}").ToArray();
        var finding = new Finding
        {
            Rule = RuleCodes.DuplicateBuild, Severity = DiagnosticSeverity.Warning, Title = LocalizedText.Neutral("重复建设"),
            Message = LocalizedText.Neutral("许多机构各建一套"), Elements = ["sys.unknown"],
            Evidence = new SortedDictionary<string, object?>(StringComparer.Ordinal) { [EvidenceKeys.DuplicateBuild.Owners] = names },
        };
        var model = (golden.Model, golden.Analysis with { Findings = [.. golden.Analysis.Findings, finding] });

        var md = DocumentTestSupport.Render(model, new ReportOptions { Template = "findings" });
        var all = DocumentTestSupport.Render(model, new ReportOptions { Template = "findings", ListAll = true });

        var line = md.Split('\n').Single(l => l.Contains("机构01", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("机构12").And.Not.Contain("机构13").And.Contain("等，另有 18 个"));
        var full = all.Split('\n').Single(l => l.Contains("机构01", StringComparison.Ordinal));
        Assert.That(full, Does.Contain("机构30").And.Not.Contain("另有"));
    }

    [Test]
    public void Scorecard_ProvinceByDefault_ListsTheFirstAgenciesAndTheEndsOfEachRanking_AllWithListAll()
    {
        var province = Province();
        var owning = province.Analysis.Metrics.Agencies.Count;
        Assert.That(owning, Is.GreaterThan(ViewModelBuilder.AgencyLimit + 2 * ViewModelBuilder.ListLimit), "the province preset");
        var md = DocumentTestSupport.Render(province, new ReportOptions { Template = "scorecard", Language = Language.English });
        var tables = md.Split("\n## ");
        var byAgency = tables.Single(static t => t.StartsWith("3 ", StringComparison.Ordinal));
        var rankings = tables.Single(static t => t.StartsWith("4 ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            // The header, its rule and the listed agencies.
            Assert.That(byAgency.Split('\n').Count(static l => l.StartsWith('|')), Is.EqualTo(2 + ViewModelBuilder.AgencyLimit));
            Assert.That(byAgency, Does.Contain($"{owning - ViewModelBuilder.AgencyLimit:N0} more agencies are not listed".Replace(",", "")));
            foreach (var ranking in rankings.Split("\n### ").Skip(1).Where(static r => r.Contains("| 1 |", StringComparison.Ordinal)))
            {
                var rows = ranking.Split('\n').Count(static l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Rank", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal));
                Assert.That(rows, Is.LessThanOrEqualTo(2 * ViewModelBuilder.ListLimit + 1), ranking[..40]);
            }
            Assert.That(rankings, Does.Contain("agencies in between left out"));
            Assert.That(Encoding.UTF8.GetByteCount(md), Is.LessThan(100_000));
        });

        var html = DocumentTestSupport.Render(province, new ReportOptions { Template = "scorecard", Format = DocumentFormat.Html });
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(static m => m.Groups[1].Value).ToHashSet();
        var targets = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(static m => m.Groups[1].Value).Distinct();
        Assert.That(targets.Except(ids), Is.Empty, "every in-page link has a target");

        var all = DocumentTestSupport.Render(province, new ReportOptions { Template = "scorecard", Language = Language.English, ListAll = true });
        var allByAgency = all.Split("\n## ").Single(static t => t.StartsWith("3 ", StringComparison.Ordinal));
        Assert.That(allByAgency.Split('\n').Count(static l => l.StartsWith('|')), Is.EqualTo(2 + owning));
        Assert.That(all, Does.Not.Contain("more agencies are not listed").And.Not.Contain("agencies in between left out"));
    }

    [Test]
    public void Render_SiteBase_LinksEveryElementToFindHtml()
    {
        var demo = DocumentTestSupport.Demo();
        var html = DocumentTestSupport.Render(demo, new ReportOptions
        {
            Template = "overview", Format = DocumentFormat.Html, SiteBase = "https://plan.example.gov/site/",
        });
        Assert.That(html, Does.Contain("<a href=\"https://plan.example.gov/site/find.html#sys.prov-psd.oa\""));
        var md = DocumentTestSupport.Render(demo, new ReportOptions { Template = "findings", SiteBase = "site" });
        // Markdown escapes the "#" of the link (a backslash escape CommonMark reads as "#").
        Assert.That(md, Does.Contain("(site/find.html\\#sys.prov-psd.video)"));
        Assert.That(ViewModelBuilder.SiteLink("https://x/", "sys.a b/c"), Is.EqualTo("https://x/find.html#sys.a%20b%2Fc"));
        var without = DocumentTestSupport.Render(demo, new ReportOptions { Template = "overview", Format = DocumentFormat.Html });
        Assert.That(without, Does.Not.Contain("find.html"));
    }

    [GeneratedRegex("· Rule (\\S+)\\n")]
    private static partial Regex FindingRule();
}
