using ArchModel.Localization;
using System.Text.RegularExpressions;
using ArchModel.Documents;

namespace ArchModel.Tests.Documents;

/// <summary>What every document must be: escaped, deterministic, internally linked, dated from the model.</summary>
public sealed partial class DocumentRenderingTests
{
    private static IEnumerable<TestCaseData> AllBuiltIns() =>
        from template in ReportGenerator.BuiltInTemplates
        from format in new[] { DocumentFormat.Markdown, DocumentFormat.Html }
        from lang in new[] { Language.Chinese, Language.English }
        select new TestCaseData(template, format, lang).SetName($"Render_DemoProvince_{template}_{format}_{lang.ToTag()}_IsWellFormed");

    [TestCaseSource(nameof(AllBuiltIns))]
    public void Render_DemoProvince_IsWellFormed(string template, DocumentFormat format, Language language)
    {
        var (demo, options) = DocumentTestSupport.For(template, demo: true, new ReportOptions { Format = format, Language = language });
        var text = DocumentTestSupport.Render(demo, options);
        Assert.That(text, Does.Not.Contain("{{").And.Not.Contain("}}"));
        Assert.That(text, Does.Contain("2016"));
        if (format == DocumentFormat.Html)
        {
            Assert.That(text, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(text, Does.Contain("Content-Security-Policy\" content=\"default-src 'none'"));
            var ids = IdAttribute().Matches(text).Select(static m => m.Groups[1].Value).ToList();
            Assert.That(ids, Is.Unique, "every id is defined once");
            var targets = LocalHref().Matches(text).Select(static m => m.Groups[1].Value).Distinct().ToList();
            Assert.That(targets.Except(ids), Is.Empty, "every in-page link has a target");
            Assert.That(ExternalReference().IsMatch(text), Is.False, "no resource is fetched from the network");
        }
        if (language == Language.English)
        {
            // The model's own description is Chinese; everything the template writes uses English punctuation.
            Assert.That(text.Replace(demo.Model.Info.Description!, ""), Does.Not.Contain("：").And.Not.Contain("（AM"));
        }
    }

    [Test]
    public void Render_SystemNamedScript_ShowsItAsTextInHtml()
    {
        var text = DocumentTestSupport.Render(DocumentTestSupport.Hostile(),
            new ReportOptions { Template = "overview", Format = DocumentFormat.Html, Language = Language.English });
        Assert.That(text, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(text, Does.Not.Contain("<script>alert(1)"));
        Assert.That(text, Does.Contain("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;"));
        Assert.That(text, Does.Not.Contain("<i>A</i>"));
        // The only script element is the document's own sortable-table script.
        Assert.That(Regex.Matches(text, "<script>").Count, Is.EqualTo(1));
    }

    [Test]
    public void Render_SystemNamedScript_IsEscapedInMarkdown()
    {
        var text = DocumentTestSupport.Render(DocumentTestSupport.Hostile(),
            new ReportOptions { Template = "findings", Format = DocumentFormat.Markdown, Language = Language.English });
        Assert.That(text, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(text, Does.Contain(@"Plain \| \*md\* \[link\](http://x) \`code\`"));
        Assert.That(text, Does.Not.Contain("<script>"));
    }

    [Test]
    public void Render_TwoRuns_AreByteIdentical()
    {
        var options = new ReportOptions { Template = "overview", Format = DocumentFormat.Html };
        var first = DocumentTestSupport.Render(DocumentTestSupport.Demo(), options);
        var second = DocumentTestSupport.Render(DocumentTestSupport.Demo(), options);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Render_Roadmap_TwoRuns_AreByteIdentical()
    {
        var (model, options) = DocumentTestSupport.For("roadmap", demo: true, new ReportOptions { Format = DocumentFormat.Html });
        var first = DocumentTestSupport.Render(model, options);
        var second = DocumentTestSupport.Render(DocumentTestSupport.For("roadmap", demo: true, new ReportOptions { Format = DocumentFormat.Html }).Model, options);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void BuiltInTemplates_ReadFromTheEmbeddedTemplateFiles()
    {
        // The template files register themselves: every NAME.sbn-md with its NAME.sbn-html, partials (_*) left out.
        Assert.That(ReportGenerator.BuiltInTemplates, Is.EqualTo(new[] { "catalogue", "findings", "overview", "roadmap", "scorecard" }));
        Assert.That(ReportGenerator.BaselineTemplates, Is.SubsetOf(ReportGenerator.BuiltInTemplates));
    }

    [Test]
    public void Render_RoadmapWithoutBaseline_ResultWithAM0106()
    {
        // The error convention (docs/architecture.md): what a user chose comes back as a diagnostic, not an exception.
        var golden = DocumentTestSupport.Golden();
        var result = ReportGenerator.Render(golden.Model, golden.Analysis, new ReportOptions { Template = "roadmap" });
        Assert.That((result.Succeeded, result.HasErrors, result.Text), Is.EqualTo((false, true, (string?)null)));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DocumentDiagnostics.BaselineMissing));
        Assert.That(result.Diagnostics.Single().Message.English, Does.Contain("baseline"));
        Assert.That(DocumentDiagnostics.All.Select(static d => d.Code), Does.Contain("AM0106"));
    }

    [Test]
    public void Render_Roadmap_ListsConsolidationsPhasesAndSavings()
    {
        var (model, options) = DocumentTestSupport.For("roadmap", demo: true, new ReportOptions { Language = Language.Chinese });
        var text = DocumentTestSupport.Render(model, options);
        // The demo plan's consolidations, each with its replacement, and the avoidable cost it resolves.
        Assert.That(text, Does.Contain("| 安平县协同办公系统 | 安平县人民政府 |"));
        Assert.That(text, Does.Contain("东湖市协同办公系统"));
        Assert.That(text, Does.Contain("示范省一体化在线政务服务平台"));
        Assert.That(text, Does.Contain("由每年 211 万元 降至 0 万元"));
        Assert.That(text, Does.Contain("### 5.5 整合下线"));
    }

    [Test]
    public void Render_RoadmapHtml_DemoProvince_TimelineChartHasOneBarPerPhaseAndAMarkPerMilestone()
    {
        var (model, options) = DocumentTestSupport.For("roadmap", demo: true, new ReportOptions { Language = Language.Chinese, Format = DocumentFormat.Html });
        var html = DocumentTestSupport.Render(model, options);
        var start = html.IndexOf("<figure class=\"timeline\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the roadmap has a timeline chart");
        var chart = html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
        Assert.That(Regex.Count(chart, "<rect "), Is.EqualTo(6), "six phases, six bars");
        Assert.That(Regex.Count(chart, "<polygon "), Is.EqualTo(4), "four milestones");
        foreach (var year in new[] { "2017 年", "2018 年", "2019 年", "2020 年" })
        {
            Assert.That(chart, Does.Contain(year));
        }
        Assert.That(html, Does.Contain("<td class=\"nw\">2018-12-31</td>"), "the phase table gives the milestone's date as the end of phase 3");
    }

    [Test]
    public void Render_Roadmap_DemoProvince_ShowsTheNetCostNextToTheAvoidableSaving()
    {
        var (model, options) = DocumentTestSupport.For("roadmap", demo: true, new ReportOptions { Language = Language.Chinese });
        var text = DocumentTestSupport.Render(model, options);
        Assert.That(text, Does.Contain("每年节省 211 万元"));
        Assert.That(text, Does.Contain("由 4,601.5 万元 变为 4,662.5 万元，净变化 +61 万元：下线系统减少 539 万元，新投运系统增加 600 万元"));
        Assert.That(text, Does.Contain("重复建设可避免费用的减少不等于总费用下降"));
        Assert.That(text, Does.Contain("| 示范省基础测绘成果管理系统 | 示范省国土资源厅 | 平台 示范省国土资源厅机房 | 45 |"));
    }

    [Test]
    public void Render_RoadmapHtml_ManyMilestones_OneMarkEachAndNoCrowdedNumbers()
    {
        // A national plan's worth of milestones: one a fortnight over the golden plan's period.
        var (_, options) = DocumentTestSupport.For("roadmap", demo: false, new ReportOptions { Language = Language.Chinese, Format = DocumentFormat.Html });
        var json = File.ReadAllText(DocumentTestSupport.GoldenToBePath);
        var many = string.Join(", ", Enumerable.Range(0, 60).Select(static i =>
            $$"""{ "id": "ms.{{i}}", "name": "节点 {{i}}", "date": "{{new DateOnly(2020, 7, 1).AddDays(14 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}}" }"""));
        var start = json.IndexOf("\"milestones\": [", StringComparison.Ordinal);
        var end = json.IndexOf(']', start);
        var model = ModelLoader.LoadText(json[..start] + "\"milestones\": [" + many + json[end..], "model.json").Model!;
        var html = DocumentTestSupport.Render((model, ArchModel.Analysis.Analyzer.Analyze(model)), options);
        var chart = html[html.IndexOf("<figure class=\"timeline\">", StringComparison.Ordinal)..html.IndexOf("</figure>", StringComparison.Ordinal)];
        Assert.That(Regex.Count(chart, "<polygon "), Is.EqualTo(60));
        Assert.That(Regex.Count(chart, "<rect "), Is.EqualTo(3), "one bar per phase, however many milestones");
        var numbers = Regex.Matches(chart, "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222\">[0-9]+</text>")
            .Select(static m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(numbers.Count, Is.InRange(10, 59), "some numbers are left out, not all");
        Assert.That(numbers.Zip(numbers.Skip(1), static (a, b) => b - a), Is.All.GreaterThanOrEqualTo(16));
    }

    [Test]
    public void Render_Roadmap_ModelsWithoutDates_SaysWhyThereIsNoTimeline()
    {
        var (_, options) = DocumentTestSupport.For("roadmap", demo: false, new ReportOptions { Language = Language.English });
        var json = File.ReadAllText(DocumentTestSupport.GoldenToBePath);
        Assert.That(json, Does.Contain("\"asOf\": \"2022-12-31\","));
        var undated = ModelLoader.LoadText(json.Replace("\"asOf\": \"2022-12-31\",", "", StringComparison.Ordinal), "model.json").Model!;
        var text = DocumentTestSupport.Render((undated, ArchModel.Analysis.Analyzer.Analyze(undated)), options);
        Assert.That(text, Does.Contain("The plan has no timeline"));
        Assert.That(text, Does.Not.Contain("### Timeline"));
    }

    [Test]
    public void Render_CustomTemplate_SeesThePlanOnlyWithABaseline()
    {
        using var temp = new TempFolder();
        var path = temp.Write("plan.sbn-md", "{{ plan == null ? \"none\" : plan.steps_total + \"/\" + plan.baseline.id + \"/\" + plan.savings.avoidable_resolved }}");
        var golden = DocumentTestSupport.Golden();
        Assert.That(DocumentTestSupport.Render(golden, new ReportOptions { Template = path }), Is.EqualTo("none"));
        var (model, options) = DocumentTestSupport.For("roadmap", demo: false, new ReportOptions());
        Assert.That(DocumentTestSupport.Render(model, options with { Template = path }), Is.EqualTo("11/documents-golden/200000"));
    }

    [Test]
    public void Render_GeneratedOnOption_OverridesTheModelsAsOfDate()
    {
        var text = DocumentTestSupport.Render(DocumentTestSupport.Golden(),
            new ReportOptions { Template = "overview", Language = Language.English, GeneratedOn = new DateOnly(2024, 3, 1) });
        Assert.That(text, Does.Contain("Assessment date: 1 March 2024"));
        Assert.That(text, Does.Not.Contain("30 June 2020"));
    }

    [Test]
    public void Render_NoLanguageGiven_UsesTheModelsLanguage()
    {
        var text = DocumentTestSupport.Render(DocumentTestSupport.Golden(), new ReportOptions());
        Assert.That(text, Does.StartWith("# 顶层设计现状评估报告"));
    }

    [Test]
    public void Render_DiagramProvider_PutsSvgInHtmlAndMermaidInMarkdown()
    {
        DiagramRequest? seen = null;
        var provider = new DelegateDiagramProvider(request =>
        {
            seen = request;
            return [new ReportDiagram("landscape", "总体架构图", "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"test-svg\"><text>图</text></svg>", "flowchart LR\n  a --> b")];
        });
        var html = DocumentTestSupport.Render(DocumentTestSupport.Golden(),
            new ReportOptions { Template = "overview", Format = DocumentFormat.Html, Diagrams = provider });
        Assert.That(html, Does.Contain("<figure class=\"diagram\" id=\"diagram-landscape\"><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"test-svg\">"));
        Assert.That(html, Does.Contain("<a href=\"#diagrams\">"));
        Assert.That(seen!.Format, Is.EqualTo(DocumentFormat.Html));
        var md = DocumentTestSupport.Render(DocumentTestSupport.Golden(),
            new ReportOptions { Template = "overview", Format = DocumentFormat.Markdown, Diagrams = provider });
        Assert.That(md, Does.Contain("```mermaid\nflowchart LR\n  a --> b\n```"));
    }

    [TestCase(Language.Chinese)]
    [TestCase(Language.English)]
    public void Render_DemoOverviewWithGraphvizDiagrams_EveryIdIsUniqueAndEveryReferenceResolves(Language language)
    {
        var provider = new GraphvizDiagramProvider();
        var html = DocumentTestSupport.Render(DocumentTestSupport.Demo(),
            new ReportOptions { Template = "overview", Format = DocumentFormat.Html, Language = language, Diagrams = provider });
        Assert.That(provider.Problems, Is.Empty, "Graphviz must be installed (scripts/install-verify-tools.sh)");
        Assert.That(html, Does.Contain("<svg").And.Contain("id=\"d-landscape-graph0\"").And.Contain("id=\"d-dataflow-graph0\""));
        var ids = IdAttribute().Matches(html).Select(static m => m.Groups[1].Value).ToList();
        var repeated = ids.GroupBy(static id => id).Where(static g => g.Count() > 1).Select(static g => g.Key).ToList();
        Assert.That(repeated, Is.Empty, "every id in the page is defined once");
        var references = LocalHref().Matches(html).Select(static m => m.Groups[1].Value)
            .Concat(UrlReference().Matches(html).Select(static m => m.Groups[1].Value)).Distinct().ToList();
        Assert.That(references.Except(ids), Is.Empty, "every reference (href, xlink:href, url) has a target");
    }

    [Test]
    public void PrefixIds_GraphvizSvg_PrefixesIdsAndTheirReferencesOnly()
    {
        const string svg = "<svg id=\"graph0\"><defs><linearGradient id=\"l_1\"/></defs><g id=\"node1\" class=\"node\">" +
            "<a xlink:href=\"#node2\" xlink:title=\"id=&quot;x&quot;\"><path fill=\"url(#l_1)\"/></a><use href=\"#l_1\"/>" +
            "<text>grid=\"no\" id=</text></g></svg>";
        Assert.That(GraphvizDiagramProvider.PrefixIds(svg, "d-x-"), Is.EqualTo(
            "<svg id=\"d-x-graph0\"><defs><linearGradient id=\"d-x-l_1\"/></defs><g id=\"d-x-node1\" class=\"node\">" +
            "<a xlink:href=\"#d-x-node2\" xlink:title=\"id=&quot;x&quot;\"><path fill=\"url(#d-x-l_1)\"/></a><use href=\"#d-x-l_1\"/>" +
            "<text>grid=\"no\" id=</text></g></svg>"));
    }

    [Test]
    public void Render_NoDiagramProvider_LeavesTheDiagramSectionOut()
    {
        var html = DocumentTestSupport.Render(DocumentTestSupport.Golden(), new ReportOptions { Format = DocumentFormat.Html });
        Assert.That(html, Does.Not.Contain("id=\"diagrams\""));
    }

    [Test]
    public void BuiltInTemplates_EachHasMarkdownAndHtmlResources()
    {
        foreach (var name in ReportGenerator.BuiltInTemplates)
        {
            Assert.That(TemplateLoader.BuiltInFiles, Does.Contain(name + ".sbn-md").And.Contain(name + ".sbn-html"));
        }
    }

    [Test]
    public void Render_CustomTemplate_SeesTheViewModelAndHelpers()
    {
        using var temp = new TempFolder();
        var path = temp.Write("custom.sbn-md", "{{ model.name }}|{{ counts.systems }}|{{ findings.size }}|{{ t \"overview.title\" }}|{{ metrics.by_name.duplicate_rate.display }}|{{ code \"a`b\" }}|{{ percent 0.125 }}");
        var text = DocumentTestSupport.Render(DocumentTestSupport.Golden(), new ReportOptions { Template = path, Language = Language.English });
        Assert.That(text, Is.EqualTo("样例市电子政务（文档测试）|5|9|Top-level design assessment|80%|``a`b``|12.5%"));
    }

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("href=\"#([^\"]+)\"")]
    private static partial Regex LocalHref();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("(src|href)\\s*=\\s*\"(https?:)?//|url\\(\\s*['\"]?(https?:)?//|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
