using Microsoft.Playwright;

namespace ArchModel.Tests.Site;

/// <summary>
/// The site in a real browser, driven by Playwright for .NET (its Node driver ships inside the package) on the
/// system's Chromium (scripts/install-report-tools.sh; Playwright never downloads a browser here): from the index
/// down to a county and a system and back, the search, a diagram's zoom, and every page opened once. Any console
/// message, page error, failed request or request leaving file:// fails the test.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class PlaywrightSiteTests
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("ARCHMODEL_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        var chromium = candidates.FirstOrDefault(static c => !string.IsNullOrEmpty(c) && File.Exists(c));
        if (chromium is null)
        {
            Assert.Fail("Chromium is not installed, so the site cannot be checked: run scripts/install-report-tools.sh (apt-get install -y chromium).");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Nothing resolves: a page reaching for the network fails loudly instead of waiting.
            Args = ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND"],
        });
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private sealed class Watched(IPage page, List<string> problems)
    {
        public IPage Page { get; } = page;

        public List<string> Problems { get; } = problems;
    }

    private async Task<Watched> Open()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, m) => problems.Add($"console {m.Type}: {m.Text} ({page.Url})");
        page.PageError += (_, e) => problems.Add($"page error: {e} ({page.Url})");
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url} {r.Failure} ({page.Url})");
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) problems.Add($"request leaves the site: {r.Url}");
        };
        return new Watched(page, problems);
    }

    private static string Url(string folder, string file) => new Uri(Path.Combine(folder, file)).AbsoluteUri;

    private static IEnumerable<TestCaseData> Sites()
    {
        yield return new TestCaseData("demo");
        yield return new TestCaseData("generated");
    }

    private static SiteTestSupport.Built Get(string name) => name == "demo" ? SiteTestSupport.Demo : SiteTestSupport.Generated;

    [TestCaseSource(nameof(Sites))]
    public async Task Browse_IndexToCountyToSystemAndBack_NoConsoleMessageOrFailedRequest(string name)
    {
        var site = Get(name);
        var w = await Open();
        var page = w.Page;
        await page.GotoAsync(Url(site.Folder, "index.html"));

        // Down the hierarchy: the first jurisdiction link of the index, then the first link to a jurisdiction below, to a county.
        await page.Locator("ul.tree a").First.ClickAsync();
        for (var step = 0; step < 6 && !page.Url.Contains("j-county-", StringComparison.Ordinal); step++)
        {
            var county = page.Locator("table a[href^='j-county-']");
            var below = (await county.CountAsync()) > 0 ? county.First : page.Locator("h2 + table a[href^='j-']").First;
            await below.ClickAsync();
        }
        Assert.That(page.Url, Does.Contain("j-county-"), "no county page was reached from the index");
        var countyUrl = page.Url;

        // A system of the county: its link leads to its row, which is the page's target.
        // The click's navigation may still be loading the page: wait for it before counting. By the document's own
        // state, polled: waiting for the load event once timed out after 30 s in a clean-clone CI run.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null,
            new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = 10_000 });
        var systemLink = page.Locator("table a[href*='#sys']").First;
        await systemLink.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.That(await systemLink.CountAsync(), Is.EqualTo(1), "the county page links no system");
        await systemLink.ClickAsync();
        var id = Uri.UnescapeDataString(new Uri(page.Url).Fragment.TrimStart('#'));
        Assert.That(site.Model.GetSystem(id), Is.Not.Null, $"{page.Url} names no system");
        Assert.That(await page.Locator(":target").GetAttributeAsync("id"), Is.EqualTo(id));

        // Back where we came from.
        await page.GoBackAsync();
        Assert.That(page.Url, Is.EqualTo(countyUrl));

        Assert.That(w.Problems, Is.Empty);
        await page.CloseAsync();
    }

    // report --site-base links every element to SITE_BASE/find.html#ID (docs/documents.md, "Links into the site").
    [TestCaseSource(nameof(Sites))]
    public async Task Find_ElementIdInTheFragment_GoesToItsRowOrSaysItIsMissing(string name)
    {
        var site = Get(name);
        var system = site.Model.Systems[site.Model.Systems.Count / 3];
        var w = await Open();
        var page = w.Page;
        await page.GotoAsync(Url(site.Folder, "find.html") + "#" + Uri.EscapeDataString(system.Id));
        await page.WaitForURLAsync(url => !url.Contains("/find.html", StringComparison.Ordinal));
        Assert.That(Uri.UnescapeDataString(new Uri(page.Url).Fragment.TrimStart('#')), Is.EqualTo(system.Id));
        Assert.That(await page.Locator(":target").GetAttributeAsync("id"), Is.EqualTo(system.Id));

        await page.GotoAsync(Url(site.Folder, "find.html") + "#no.such.element");
        Assert.That(await page.Locator("#find").TextContentAsync(), Does.Contain("no.such.element"));
        Assert.That(w.Problems, Is.Empty);
        await page.CloseAsync();
    }

    [TestCaseSource(nameof(Sites))]
    public async Task Search_SystemName_FindsItAndOpensItsRow(string name)
    {
        var site = Get(name);
        var system = site.Model.Systems[site.Model.Systems.Count / 2];
        var w = await Open();
        var page = w.Page;
        await page.GotoAsync(Url(site.Folder, "index.html"));

        await page.FillAsync("#q", system.Name);
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync("**/search.html?q=*");
        var result = page.Locator($"#results a[href$='#{Uri.EscapeDataString(system.Id)}']");
        Assert.That(await result.CountAsync(), Is.EqualTo(1), $"the search for {system.Name} does not list {system.Id}");
        await result.ClickAsync();

        Assert.That(Uri.UnescapeDataString(new Uri(page.Url).Fragment.TrimStart('#')), Is.EqualTo(system.Id));
        Assert.That(await page.Locator(":target").GetAttributeAsync("id"), Is.EqualTo(system.Id));
        Assert.That(w.Problems, Is.Empty);
        await page.CloseAsync();
    }

    [Test]
    public async Task Diagram_ZoomButtonsAndWheel_ChangeTheViewAndNodesLinkToPages()
    {
        var site = SiteTestSupport.Demo;
        var w = await Open();
        var page = w.Page;
        await page.GotoAsync(Url(site.Folder, "j-provincial-990000.html"));
        var diagram = page.Locator(".diagram").First;
        var svg = diagram.Locator("svg");
        var before = await svg.GetAttributeAsync("viewBox");

        await diagram.Locator("button[data-zoom='in']").ClickAsync();
        var zoomed = double.Parse((await diagram.GetAttributeAsync("data-zoom"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(zoomed, Is.GreaterThan(1));
        var box = (await diagram.Locator(".viewport").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.WheelAsync(0, -300);
        var wheeled = double.Parse((await diagram.GetAttributeAsync("data-zoom"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(wheeled, Is.GreaterThan(zoomed));
        await diagram.Locator("button[data-zoom='reset']").ClickAsync();
        Assert.That(await svg.GetAttributeAsync("viewBox"), Is.EqualTo(before));

        // A node of a jurisdiction below opens its page.
        // Graphviz writes the links as xlink:href.
        var node = diagram.Locator("g.node a[*|href^='j-']").First;
        var href = await node.GetAttributeAsync("xlink:href");
        await node.ClickAsync();
        Assert.That(page.Url, Does.EndWith(href!));
        Assert.That(w.Problems, Is.Empty);
        await page.CloseAsync();
    }

    [TestCaseSource(nameof(Sites))]
    public async Task EveryPage_Opened_NoConsoleMessageOrFailedRequest(string name)
    {
        var site = Get(name);
        var w = await Open();
        var pages = Directory.EnumerateFiles(site.Folder, "*.html").Order(StringComparer.Ordinal).ToList();

        foreach (var file in pages)
        {
            var response = await w.Page.GotoAsync(new Uri(file).AbsoluteUri);
            Assert.That(await w.Page.TitleAsync(), Is.Not.Empty, file);
        }

        Assert.That(w.Problems, Is.Empty);
        Assert.That(pages, Has.Count.GreaterThan(10));
        await w.Page.CloseAsync();
    }

    [Test]
    public async Task Detector_PageWithAScriptErrorAConsoleLineAndAFetch_IsCaught()
    {
        // The control: without it, detectors that never fire would pass every test above.
        using var temp = new TempFolder();
        var path = temp.Write("control.html",
            "<!DOCTYPE html><html><head><title>control</title></head><body><img src=\"http://example.invalid/a.png\"><script>console.log('hello'); undefinedFunction();</script></body></html>");
        var w = await Open();

        await w.Page.GotoAsync(new Uri(path).AbsoluteUri);
        await w.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.That(w.Problems, Has.Some.Contains("hello"));
        Assert.That(w.Problems, Has.Some.Contains("undefinedFunction"));
        Assert.That(w.Problems, Has.Some.Contains("example.invalid"));
        await w.Page.CloseAsync();
    }
}
