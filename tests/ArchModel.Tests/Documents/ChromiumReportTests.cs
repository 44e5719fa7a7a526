using ArchModel.Localization;
using System.Diagnostics;
using System.Text.Json;
using ArchModel.Documents;

namespace ArchModel.Tests.Documents;

/// <summary>
/// The HTML reports opened by their real reader: headless Chromium (Debian's <c>chromium</c>, installed by
/// scripts/install-report-tools.sh) loads the demo province's overview and roadmap (demo-province → demo-province-2020) from a file:// URL with the network
/// unreachable, takes a screenshot, and the test fails on any console message (a script error or a
/// Content-Security-Policy violation is one) or any request the page makes beyond file: and data: URLs.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class ChromiumReportTests
{
    private const string InstallScript = "scripts/install-report-tools.sh";

    private static string Chromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("ARCHMODEL_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        var found = candidates.FirstOrDefault(static c => !string.IsNullOrEmpty(c) && File.Exists(c));
        if (found is null)
        {
            Assert.Fail($"Chromium is not installed, so the HTML reports cannot be checked: run {InstallScript} (apt-get install -y chromium).");
        }
        return found!;
    }

    private sealed record PageRun(string Console, IReadOnlyList<string> Requests, string Screenshot);

    private static PageRun Open(string chromium, string htmlPath, string folder)
    {
        var name = Path.GetFileNameWithoutExtension(htmlPath);
        var screenshot = Path.Combine(folder, name + ".png");
        var netLog = Path.Combine(folder, name + ".netlog.json");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={Path.Combine(folder, name + ".profile")}",
            "--enable-logging=stderr", "--v=0",
            $"--log-net-log={netLog}",
            // Nothing resolves: a fetch can never succeed, and the net log still records the attempt.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            $"--screenshot={screenshot}", "--window-size=1280,4000",
            new Uri(htmlPath).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within 120 s on {htmlPath}");
        }
        var console = string.Join("\n", (stderr.Result + stdout.Result).Split('\n')
            .Where(static l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)
                || l.Contains("Refused to", StringComparison.Ordinal)));
        return new PageRun(console, PageRequests(netLog), screenshot);
    }

    /// <summary>The URLs the page itself (not the browser's own services) asked for, other than file: and data:.</summary>
    private static List<string> PageRequests(string netLog)
    {
        Assert.That(File.Exists(netLog), Is.True, "chromium wrote no net log");
        using var doc = JsonDocument.Parse(File.ReadAllText(netLog), new JsonDocumentOptions { AllowTrailingCommas = true });
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
        {
            if (e.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("url", out var url) && p.TryGetProperty("network_isolation_key", out var key)
                && key.GetString() is { } k && k.StartsWith("file://", StringComparison.Ordinal)
                && url.GetString() is { } u && !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))
            {
                urls.Add(u);
            }
        }
        return [.. urls];
    }

    private static string OutputFolder()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [TestCase(Language.Chinese)]
    [TestCase(Language.English)]
    public void OverviewAndRoadmapHtml_DemoProvince_RenderOfflineWithoutConsoleErrorsOrFetches(Language language)
    {
        var chromium = Chromium();
        var folder = OutputFolder();
        // The overview of the as-is province, then the roadmap from it to the 2020 target architecture.
        foreach (var template in new[] { "overview", "roadmap" })
        {
            var (model, options) = DocumentTestSupport.For(template, demo: true,
                new ReportOptions { Format = DocumentFormat.Html, Language = language });
            // With the diagrams, as archmodel report writes it: the page's script wires their enlarge buttons.
            var html = DocumentTestSupport.Render(model, options with { Diagrams = new GraphvizDiagramProvider() });
            Assert.That(html, Does.Contain("class=\"enlarge\""), $"the {template} page shows a diagram");
            var path = Path.Combine(folder, $"{template}.{language.ToTag()}.html");
            File.WriteAllText(path, html);

            var run = Open(chromium, path, folder);

            Assert.That(run.Console, Is.Empty, $"the {template} page logged to the console");
            Assert.That(run.Requests, Is.Empty, $"the {template} page fetched from the network");
            Assert.That(new FileInfo(run.Screenshot).Length, Is.GreaterThan(50_000), $"the {template} screenshot is (nearly) blank");
            TestContext.AddTestAttachment(run.Screenshot, $"screenshot of the {template} report");
        }
    }

    [Test]
    public void Detector_PageWithAScriptErrorAndAFetch_IsCaught()
    {
        // The control: without it, a detector that never fires would pass the test above.
        var chromium = Chromium();
        var folder = OutputFolder();
        var path = Path.Combine(folder, "control.html");
        File.WriteAllText(path, "<!DOCTYPE html><html><body><p>control</p><img src=\"http://example.invalid/a.png\"><script>undefinedFunction();</script></body></html>");

        var run = Open(chromium, path, folder);

        Assert.That(run.Console, Does.Contain("undefinedFunction"));
        Assert.That(run.Requests, Does.Contain("http://example.invalid/a.png"));
    }
}
