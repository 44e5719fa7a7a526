using System.Text.RegularExpressions;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Generation;
using ArchModel.Site;

namespace ArchModel.Tests.Site;

/// <summary>
/// The site as files: every local link resolves (file and #anchor), every element id of the model has an anchor,
/// every page is at most 1 MB and every diagram at most 150 nodes; the output is deterministic, and the output
/// folder is guarded.
/// </summary>
public sealed partial class SiteGeneratorTests
{
    private static IEnumerable<TestCaseData> Sites()
    {
        // The demo province's 2020 model with its plan from 2016, and a generated province of about 600 agencies.
        yield return new TestCaseData("demo");
        yield return new TestCaseData("generated");
    }

    private static SiteTestSupport.Built Get(string name) => name == "demo" ? SiteTestSupport.Demo : SiteTestSupport.Generated;

    [TestCaseSource(nameof(Sites))]
    public void Generate_Site_EveryLocalLinkResolves(string name)
    {
        var site = Get(name);

        var broken = SiteTestSupport.BrokenLinks(site.Folder);

        Assert.That(broken, Is.Empty);
        Assert.That(site.Result.Pages, Is.GreaterThan(10));
    }

    [TestCaseSource(nameof(Sites))]
    public void Generate_Site_EveryElementIdHasAnAnchor(string name)
    {
        var site = Get(name);

        var anchors = SiteTestSupport.Anchors(site.Folder);

        var missing = site.Model.Elements.Select(static e => e.Id).Where(id => !anchors.Contains(id)).ToList();
        Assert.That(missing, Is.Empty);
    }

    [TestCaseSource(nameof(Sites))]
    public void Generate_Site_PagesSmallAndDiagramsWithinTheNodeLimit(string name)
    {
        var site = Get(name);

        foreach (var file in Directory.EnumerateFiles(site.Folder))
        {
            Assert.That(new FileInfo(file).Length, Is.LessThanOrEqualTo(1_000_000), Path.GetFileName(file));
        }
        var diagrams = 0;
        foreach (var page in Directory.EnumerateFiles(site.Folder, "*.html"))
        {
            var html = File.ReadAllText(page);
            foreach (Match m in DiagramNodes().Matches(html))
            {
                diagrams++;
                Assert.That(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(150), Path.GetFileName(page));
                // What Graphviz drew: one <g class="node"> per node.
            }
            Assert.That(NodeGroups().Matches(html).Count, Is.LessThanOrEqualTo(150), Path.GetFileName(page));
            Assert.That(html, Does.Not.Contain(" style=\""), $"{Path.GetFileName(page)}: a style attribute would break the CSP");
        }
        Assert.That(diagrams, Is.EqualTo(site.Result.Diagrams));
        Assert.That(diagrams, Is.GreaterThan(0));
    }

    [Test]
    public void Generate_DemoProvince_FindingsOnTheirJurisdictionAndLinePages()
    {
        var site = SiteTestSupport.Demo;
        var index = File.ReadAllText(Path.Combine(site.Folder, "index.html"));

        // The index links the top of the hierarchy, every rule with findings, and counts duplicate kinds.
        foreach (var rule in site.Analysis.ActiveFindings.Select(static f => f.Rule).Distinct())
        {
            Assert.That(index, Does.Contain($"href=\"rule-{rule}.html\""), rule);
        }
        Assert.That(index, Does.Contain("j-national-100000.html"));
        // Each finding is listed on the page of its rule with an anchor, and every element it names links there.
        var f = site.Analysis.Findings.Select((x, i) => (x, i)).First(p => !p.x.Suppressed && site.Model.GetSystem(p.x.Elements[0]) is not null);
        var rulePage = File.ReadAllText(Path.Combine(site.Folder, $"rule-{f.x.Rule}.html"));
        Assert.That(rulePage, Does.Contain($"id=\"f-{f.i}\""));
        var system = site.Model.GetSystem(f.x.Elements[0])!;
        var home = Directory.EnumerateFiles(site.Folder, "j-*.html").Select(File.ReadAllText).Single(h => h.Contains($"id=\"{system.Id}\"", StringComparison.Ordinal));
        Assert.That(home, Does.Contain($"rule-{f.x.Rule}.html#f-{f.i}"));
        // The plan (demo-province → 2020) is on its page and on the jurisdictions' pages.
        Assert.That(File.Exists(Path.Combine(site.Folder, "plan.html")), Is.True);
        Assert.That(Directory.EnumerateFiles(site.Folder, "j-*.html").Any(p => File.ReadAllText(p).Contains("plan.html#s-", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Generate_DemoProvince_SectorLinePagesListTheLineDownTheLevels()
    {
        var site = SiteTestSupport.Demo;

        var mps = File.ReadAllText(Path.Combine(site.Folder, "line-ag.nat.mps.html"));

        // The Ministry heads the public-security line: the provincial department, the cities' and counties' bureaux.
        Assert.That(mps, Does.Contain("ag.prov.psd"));
        Assert.That(mps, Does.Contain("j-provincial-990000.html"));
        Assert.That(mps, Does.Contain("class=\"diagram\""));
    }

    [Test]
    public void Generate_SameModelTwiceOneThreadOrMany_ByteIdentical()
    {
        var (model, analysis) = Documents.DocumentTestSupport.Demo();
        using var a = new TempFolder();
        using var b = new TempFolder();

        SiteGenerator.Generate(model, analysis, Path.Combine(a.Path, "site"), new SiteOptions { MaxDegreeOfParallelism = 1 });
        SiteGenerator.Generate(model, analysis, Path.Combine(b.Path, "site"), new SiteOptions { MaxDegreeOfParallelism = 4 });

        var files = Directory.EnumerateFiles(Path.Combine(a.Path, "site")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(Directory.EnumerateFiles(Path.Combine(b.Path, "site")).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(files));
        foreach (var file in files)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(b.Path, "site", file!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(a.Path, "site", file!))), file);
        }
    }

    [Test]
    public void Generate_FolderWithOtherFiles_RefusedAndNothingWritten()
    {
        var (model, analysis) = Documents.DocumentTestSupport.Golden();
        using var temp = new TempFolder();
        temp.Write("notes.txt", "mine");

        var e = Assert.Throws<SiteOutputException>(() => SiteGenerator.Generate(model, analysis, temp.Path, new SiteOptions { NoDiagrams = true }));

        Assert.That(e!.Reason.Chinese, Does.Contain(SiteGenerator.MarkerFile));
        Assert.That(Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }));
    }

    [Test]
    public void Generate_FolderHoldingTheModel_Refused()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", File.ReadAllText(Documents.DocumentTestSupport.GoldenModelPath));
        var (model, analysis) = Documents.DocumentTestSupport.Load(path);

        Assert.Throws<SiteOutputException>(() => SiteGenerator.Generate(model, analysis, temp.Path, new SiteOptions { NoDiagrams = true }));

        Assert.That(File.Exists(path), Is.True);
    }

    [Test]
    public void Generate_FolderWithAPreviousSite_ReplacedAndStaleFilesRemoved()
    {
        var (model, analysis) = Documents.DocumentTestSupport.Golden();
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "site");
        SiteGenerator.Generate(model, analysis, folder, new SiteOptions { NoDiagrams = true });
        // A page the previous site had and the new one does not.
        var marker = Path.Combine(folder, SiteGenerator.MarkerFile);
        File.WriteAllText(Path.Combine(folder, "j-county-000000.html"), "old");
        File.AppendAllText(marker, "j-county-000000.html\n");
        File.WriteAllText(Path.Combine(folder, "mine.txt"), "not the site's");

        var result = SiteGenerator.Generate(model, analysis, folder, new SiteOptions { NoDiagrams = true });

        Assert.That(File.Exists(Path.Combine(folder, "j-county-000000.html")), Is.False);
        Assert.That(File.Exists(Path.Combine(folder, "mine.txt")), Is.True, "a file the site never listed is left alone");
        Assert.That(result.Files, Does.Contain("index.html"));
        Assert.That(Directory.EnumerateFiles(folder, "*.tmp"), Is.Empty);
    }

    [Test]
    public void Generate_FindingOfThousandsOfElements_ItsRowShowsTheFirstAndTheJurisdictionsOfTheRest()
    {
        // A national duplicate group or multi-collected resource names tens of thousands of elements: its row on the
        // rule page names the first ones and says where the rest are, by jurisdiction, linked down, never all of them.
        var model = SiteTestSupport.Generated.Model;
        var systems = model.Systems.Select(static s => s.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.That(systems, Has.Length.GreaterThan(1000));
        var huge = new Finding
        {
            Rule = "AM1004", Severity = DiagnosticSeverity.Warning, Title = LocalizedText.Neutral("多头采集"), Message = LocalizedText.Neutral("许多机构分别采集同类数据"),
            Elements = systems, Evidence = new SortedDictionary<string, object?>(StringComparer.Ordinal),
        };
        var analysis = SiteTestSupport.Generated.Analysis with { Findings = [huge] };
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "site");

        SiteGenerator.Generate(model, analysis, folder, new SiteOptions { NoDiagrams = true });

        var page = File.ReadAllText(Path.Combine(folder, "rule-AM1004.html"));
        var row = page[page.IndexOf("id=\"f-0\"", StringComparison.Ordinal)..page.IndexOf("</tr>", page.IndexOf("id=\"f-0\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var named = systems.Count(id => row.Contains($"#{id}\"", StringComparison.Ordinal));
        Assert.That(named, Is.EqualTo(50), "the first elements, as many as a page has findings");
        Assert.That(row, Does.Contain($"#{systems[0]}\"").And.Contain($"#{systems[49]}\"").And.Not.Contain($"#{systems[50]}\""));
        var structure = SiteStructure.Build(model, analysis, new SiteOptions());
        var jurisdictions = systems.Select(id => structure.JurisdictionOfSystem(id)!).GroupBy(static j => j)
            .OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key.Key, StringComparer.Ordinal).ToList();
        Assert.That(row, Does.Contain($"共 {systems.Length:#,0} 项，分布于 {jurisdictions.Count} 个辖区"));
        foreach (var g in jurisdictions.Take(10))
        {
            Assert.That(row, Does.Contain($"href=\"{g.Key.File}.html\""), g.Key.Key);
        }
        Assert.That(row, Does.Not.Contain($"href=\"{jurisdictions[10].Key.File}.html\""));
        Assert.That(page.Length, Is.LessThan(100_000));
        Assert.That(SiteTestSupport.BrokenLinks(folder), Is.Empty);
    }

    [Test]
    public void Generate_ModelOfHundredsOfTopLevelJurisdictions_IndexNamesThePageSizeAndCataloguesTheRest()
    {
        // Region codes outside GB/T 2260 make every jurisdiction a top-level one (the deep-lines shape): the index
        // and its hierarchy diagram name as many as a page holds and link to a paged catalogue of all of them.
        using var json = new MemoryStream();
        ModelGenerator.Write(json, new GeneratorOptions { Shape = GeneratorShape.DeepLines, Agencies = 1500, Seed = 4 });
        json.Position = 0;
        var model = ModelLoader.LoadStream(json, "model.json").Model!;
        var analysis = Analyzer.Analyze(model);
        var structure = SiteStructure.Build(model, analysis, new SiteOptions { PageSize = 100 });
        Assert.That(structure.Roots, Has.Count.GreaterThan(300));
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "site");

        SiteGenerator.Generate(model, analysis, folder, new SiteOptions { NoDiagrams = true, PageSize = 100 });

        var index = File.ReadAllText(Path.Combine(folder, "index.html"));
        var linkedFromIndex = structure.Roots.Count(r => index.Contains($"href=\"{r.File}.html\"", StringComparison.Ordinal));
        Assert.That(linkedFromIndex, Is.EqualTo(100));
        Assert.That(index, Does.Contain("href=\"jurisdictions.html\""));
        Assert.That(index, Does.Contain($"全部 {structure.Roots.Count} 个顶级辖区"));
        var catalogue = Directory.EnumerateFiles(folder, "jurisdictions*.html").Select(File.ReadAllText).ToList();
        Assert.That(catalogue, Has.Count.EqualTo((structure.Roots.Count + 99) / 100));
        Assert.That(structure.Roots.Where(r => !catalogue.Any(p => p.Contains($"href=\"{r.File}.html\"", StringComparison.Ordinal))), Is.Empty);
        Assert.That(SiteTestSupport.BrokenLinks(folder), Is.Empty);
    }

    [Test]
    public void Generate_JurisdictionWithMoreChildrenThanAPage_ListsAPageAndPagesTheRest()
    {
        // A province of the uniform-names shape has thousands of jurisdictions below it: its page lists a page's
        // worth, and pages of their own list them all, each page linked.
        var site = SiteTestSupport.Generated;
        var structure = SiteStructure.Build(site.Model, site.Analysis, new SiteOptions { PageSize = 10 });
        var parent = structure.Jurisdictions.OrderByDescending(static j => j.Children.Count).First();
        Assert.That(parent.Children, Has.Count.GreaterThan(10));
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "site");

        SiteGenerator.Generate(site.Model, site.Analysis, folder, new SiteOptions { NoDiagrams = true, PageSize = 10 });

        var page = File.ReadAllText(Path.Combine(folder, parent.File + ".html"));
        var table = page[page.IndexOf("<h2>下级辖区", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.That(parent.Children.Count(c => table.Contains($"href=\"{c.File}.html\"", StringComparison.Ordinal)), Is.EqualTo(10));
        Assert.That(page, Does.Contain($"href=\"{parent.File}-below.html\""));
        var below = Directory.EnumerateFiles(folder, parent.File + "-below*.html").Select(File.ReadAllText).ToList();
        Assert.That(below, Has.Count.EqualTo((parent.Children.Count + 9) / 10));
        Assert.That(parent.Children.Where(c => !below.Any(b => b.Contains($"href=\"{c.File}.html\"", StringComparison.Ordinal))), Is.Empty);
        Assert.That(SiteTestSupport.BrokenLinks(folder), Is.Empty);
    }

    [TestCase(7)]
    [TestCase(20)]
    [TestCase(21)]
    [TestCase(876)]
    [TestCase(12_345)]
    public void InPager_AnyNumberOfPages_FewLinksAndEveryPageAFewClicksAway(int pages)
    {
        int[] Links(int page) => Enumerable.Range(0, pages).Where(p => SitePages.InPager(p, page, pages)).ToArray();

        // Breadth first from the first page, over the pagers' links.
        var clicks = new int[pages];
        Array.Fill(clicks, -1);
        clicks[0] = 0;
        var queue = new Queue<int>([0]);
        var most = 0;
        while (queue.TryDequeue(out var page))
        {
            var links = Links(page);
            most = Math.Max(most, links.Length);
            foreach (var p in links.Where(p => clicks[p] < 0))
            {
                clicks[p] = clicks[page] + 1;
                queue.Enqueue(p);
            }
        }

        Assert.That(clicks, Has.None.EqualTo(-1), "every page reachable");
        Assert.That(clicks.Max(), Is.LessThanOrEqualTo(pages <= 20 ? 1 : 8));
        Assert.That(most, Is.LessThanOrEqualTo(pages <= 20 ? pages : 60));
    }

    [TestCase("AM1001", "vertical", "vertical")]
    [TestCase("AM1002", "shared-use", "shared-use")]
    [TestCase("AM2006", "dedicated", null)]
    public void DuplicateKind_OfADuplicateFinding_ItsKindEvidence(string rule, string kind, string? expected)
    {
        var evidence = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = kind };
        var finding = new Finding
        {
            Rule = rule, Severity = DiagnosticSeverity.Warning, Title = LocalizedText.Neutral("t"), Message = LocalizedText.Neutral("m"),
            Elements = ["a", "b"], Evidence = evidence,
        };

        Assert.That(SiteStructure.DuplicateKind(finding), Is.EqualTo(expected));
    }

    [TestCase("horizontal", "county:990101", "county:990101", null)]
    [TestCase("vertical", "ag.nat.mps", "national:100000", "ag.nat.mps")]
    [TestCase("shared-use", "ag.donghu.psb", "municipal:990100", null)]
    public void AnchorOf_RulesV2Anchor_JurisdictionAndLineOfTheAnchor(string kind, string anchor, string jurisdiction, string? lineHead)
    {
        var (model, analysis) = Documents.DocumentTestSupport.Demo();
        var structure = SiteStructure.Build(model, analysis, new SiteOptions());
        var finding = new Finding
        {
            Rule = "AM1001", Severity = DiagnosticSeverity.Warning, Title = LocalizedText.Neutral("t"), Message = LocalizedText.Neutral("m"),
            Elements = ["sys.prov-psd.pop"],
            Evidence = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = kind, ["anchor"] = anchor },
        };

        var (j, line) = structure.AnchorOf(finding, kind);

        Assert.That(j?.Key, Is.EqualTo(jurisdiction));
        Assert.That(line?.Head.Id, Is.EqualTo(lineHead));
    }

    [Test]
    public void Generate_EnglishSite_EnglishWords()
    {
        var (model, analysis) = Documents.DocumentTestSupport.Golden();
        using var temp = new TempFolder();

        SiteGenerator.Generate(model, analysis, Path.Combine(temp.Path, "site"), new SiteOptions { NoDiagrams = true, Language = Language.English });

        var index = File.ReadAllText(Path.Combine(temp.Path, "site", "index.html"));
        Assert.That(index, Does.Contain("<html lang=\"en\">"));
        Assert.That(index, Does.Contain("Findings by rule"));
        Assert.That(index, Does.Not.Contain("发现（按规则）"));
    }

    [GeneratedRegex("class=\"diagram\" data-nodes=\"(\\d+)\"")]
    private static partial Regex DiagramNodes();

    [GeneratedRegex("<g id=\"node\\d+\" class=\"node\"")]
    private static partial Regex NodeGroups();
}
