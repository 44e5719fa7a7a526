using System.Diagnostics;
using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

/// <summary>The real consumers of the diagram formats: Graphviz <c>dot</c> and the Mermaid parser (Node).
/// A missing tool fails the test (never skips it) and names the script that installs it.</summary>
internal static class VerifyTools
{
    public const string InstallScript = "scripts/install-verify-tools.sh";

    public static string MermaidFolder => Path.Combine(TestPaths.RepoRoot, "tests", "tools", "mermaid");

    /// <summary>Runs <c>dot -Tsvg</c> on each file; returns one line per file that failed or warned.</summary>
    public static IReadOnlyList<string> RunDot(IEnumerable<string> files, TimeSpan? timeout = null)
    {
        RequireDot();
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        // Two at a time: the machines running these have two cores.
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var (code, _, stderr) = Run("dot", ["-Tsvg", "-o", "/dev/null", file], timeout ?? TimeSpan.FromSeconds(60));
            if (code != 0 || stderr.Trim().Length > 0)
            {
                problems.Add($"{Path.GetFileName(file)}: exit {code}: {stderr.Trim()}");
            }
        });
        return problems.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs the Mermaid parser once over all files; returns the failing lines.</summary>
    public static IReadOnlyList<string> RunMermaid(IReadOnlyList<string> files)
    {
        RequireMermaid();
        var (code, stdout, stderr) = Run("node", [Path.Combine(MermaidFolder, "check.mjs"), .. files], TimeSpan.FromMinutes(3));
        var failures = stdout.Split('\n').Where(static l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        var oks = stdout.Split('\n').Count(static l => l.StartsWith("OK", StringComparison.Ordinal));
        if (code != 0 && failures.Count == 0)
        {
            failures.Add($"node exited {code}: {stderr.Trim()}");
        }
        if (failures.Count == 0 && oks != files.Count)
        {
            failures.Add($"the checker reported {oks} files parsed of {files.Count}: {stdout} {stderr}");
        }
        return failures;
    }

    public static void RequireDot()
    {
        if (!OnPath("dot"))
        {
            Assert.Fail($"Graphviz 'dot' is not installed: run {InstallScript} (Debian: apt-get install graphviz fonts-wqy-microhei).");
        }
    }

    public static void RequireMermaid()
    {
        if (!OnPath("node"))
        {
            Assert.Fail($"Node.js is not installed: run {InstallScript}.");
        }
        if (!Directory.Exists(Path.Combine(MermaidFolder, "node_modules", "mermaid")) || !Directory.Exists(Path.Combine(MermaidFolder, "node_modules", "jsdom")))
        {
            Assert.Fail($"The Mermaid parser is not installed in tests/tools/mermaid: run {InstallScript}.");
        }
    }

    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, name)));

    private static (int Code, string Stdout, string Stderr) Run(string exe, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{exe} {string.Join(" ", args.Take(3))} did not finish within {timeout.TotalSeconds} s.");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>Models for the diagram tests.</summary>
internal static class DiagramModels
{
    public static string SmallModelPath => Path.Combine(TestPaths.TestFiles, "Diagrams", "small-model.json");

    public static ArchitectureModel Load(string path)
    {
        var result = ModelLoader.LoadFile(path);
        Assert.That(result.HasErrors, Is.False, () => string.Join("\n", result.Diagnostics.Select(d => d.Format(Language.English))));
        return result.Model!;
    }

    public static ArchitectureModel Small() => Load(SmallModelPath);

    /// <summary>Every name a format could choke on, as element names (ids cannot hold whitespace, but may hold the rest).</summary>
    public static readonly string[] HostileNames =
    [
        "say \"hi\" to 'them'",
        @"back\slash \N \G \l \\ end\",
        "line one\nline two\r\nline three\rfour",
        "<b>bold</b> & <script>alert(1)</script> &amp; &#35;",
        "{braces} [brackets] (parens) {{double}} [[x]] ((y)) >z] [/slash/]",
        "pipe | pipe || -->|label| x",
        "end",
        "graph",
        "style",
        "subgraph",
        "click",
        "classDef",
        "linkStyle",
        "flowchart TD",
        "123 starts with digits",
        "emoji 😀🚀👨‍👩‍👧 and ZWJ",
        "中文名称：省级政务信息资源共享交换平台（一期）",
        new string('长', 5000),
        "a --> b -.-> c ==> d --- e ~~~ f",
        "%% not a comment %%{init: {'theme':'dark'}}%%",
        "semi; colon; ;",
        "#hash #35; #quot;",
        "`backticks` ``double``",
        "tab\there\u0001\u0007control\u007f",
        "\u202Eright-to-left override",
        "trailing backslash \\",
        "*stars* _under_ ~tilde~ = equals",
    ];

    /// <summary>A model whose every name is hostile; ids are hostile too, as far as ids may be.</summary>
    public static ArchitectureModel Hostile()
    {
        var b = new ModelBuilder(new ModelInfo { Id = "hostile", Name = "hostile \"model\" \\ <x> {end}\nsubgraph", Language = Language.Chinese });
        var ids = new[] { "ag.\"q\"", "ag.\\back", "ag.<x>&", "ag.{end}", "ag.|pipe|", "ag.end", "ag.graph", "ag.style", "ag.subgraph", "ag.click",
            "ag.1st", "ag.😀", "ag.中文", "ag.-->", "ag.%%", "ag.;", "ag.#", "ag.`", "ag.[x]", "ag.(y)", "ag.a", "ag.b", "ag.c", "ag.d", "ag.e", "ag.f", "ag.g" };
        b.Add(new Capability { Id = "cap.shared", Name = HostileNames[0], Shareable = true });
        b.Add(new Capability { Id = "cap.\"x\"", Name = HostileNames[3] });
        b.Add(new Network { Id = "net.\"intra\"", Name = HostileNames[6], NetworkKind = NetworkKind.Intranet, Links = [new NetworkLink("net.<ext>", LinkVia.Direct)] });
        b.Add(new Network { Id = "net.<ext>", Name = HostileNames[7], NetworkKind = NetworkKind.Extranet, Links = [new NetworkLink("net.{ded}", LinkVia.Gateway)] });
        b.Add(new Network { Id = "net.{ded}", Name = HostileNames[8], NetworkKind = NetworkKind.Dedicated });
        b.Add(new Platform { Id = "plat.|cloud|", Name = HostileNames[9], PlatformKind = PlatformKind.Cloud, Shared = true, Networks = ["net.<ext>"] });
        b.Add(new Platform { Id = "plat.end", Name = HostileNames[10], PlatformKind = PlatformKind.Datacenter, Owner = "ag.end", Networks = ["net.{ded}"] });
        for (var i = 0; i < HostileNames.Length; i++)
        {
            var agency = ids[i % ids.Length];
            if (i < ids.Length)
            {
                b.Add(new Agency
                {
                    Id = agency, Name = HostileNames[(i + 3) % HostileNames.Length], Level = (AgencyLevel)(i % 4), Region = "99000" + (i % 2),
                    Sector = HostileNames[(i + 5) % HostileNames.Length],
                });
            }
            b.Add(new InformationSystem
            {
                Id = "sys." + i + ids[i % ids.Length][3..],
                Name = HostileNames[i],
                Owner = agency,
                Capabilities = i % 3 == 0 ? ["cap.shared"] : ["cap.\"x\""],
                Networks = [i % 2 == 0 ? "net.<ext>" : "net.{ded}"],
                Hosting = i % 2 == 0 ? "plat.|cloud|" : "plat.end",
                Status = (SystemStatus)(i % 4),
                UsedBy = i % 5 == 0 ? [ids[(i + 1) % ids.Length]] : [],
                Tags = ["hostile"],
            });
        }
        for (var i = 0; i + 1 < HostileNames.Length; i += 2)
        {
            b.Add(new Flow { Id = "flow." + i + "\"→\"", From = "sys." + i + ids[i % ids.Length][3..], To = "sys." + (i + 1) + ids[(i + 1) % ids.Length][3..] });
        }
        var result = b.Build();
        Assert.That(result.HasErrors, Is.False, () => string.Join("\n", result.Diagnostics.Select(d => d.Format(Language.English))));
        return result.Model;
    }

    /// <summary>A model far too big to draw: <paramref name="agencies"/> agencies in 10 sectors, 5 systems each,
    /// flows between neighbouring agencies.</summary>
    public static ArchitectureModel Big(int agencies = 300)
    {
        var b = new ModelBuilder(new ModelInfo { Id = "big", Name = "大模型" });
        b.Add(new Capability { Id = "cap.oa", Name = "办公", Shareable = true });
        for (var a = 0; a < agencies; a++)
        {
            b.Add(new Agency { Id = $"ag.{a:D4}", Name = $"机构{a}", Level = (AgencyLevel)(1 + a % 3), Region = $"99{a % 7:D2}00", Sector = $"条线{a % 10}" });
            for (var s = 0; s < 5; s++)
            {
                b.Add(new InformationSystem { Id = $"sys.{a:D4}.{s}", Name = $"机构{a}系统{s}", Owner = $"ag.{a:D4}", Capabilities = s == 0 ? ["cap.oa"] : [] });
            }
        }
        for (var a = 0; a < agencies; a++)
        {
            for (var s = 0; s < 5; s++)
            {
                b.Add(new Flow { Id = $"f.{a:D4}.{s}", From = $"sys.{a:D4}.{s}", To = $"sys.{(a + 1 + s) % agencies:D4}.{(s + 1) % 5}" });
                b.Add(new Flow { Id = $"g.{a:D4}.{s}", From = $"sys.{a:D4}.{s}", To = $"sys.{a:D4}.{(s + 2) % 5}" });
            }
        }
        var result = b.Build();
        Assert.That(result.HasErrors, Is.False, () => string.Join("\n", result.Diagnostics.Take(5).Select(d => d.Format(Language.English))));
        return result.Model;
    }

    /// <summary>Every view of a model: the six model-wide views and the agency view of every agency.</summary>
    public static IEnumerable<(string Name, DiagramView View)> AllViews(ArchitectureModel model, AnalysisResult analysis, ViewOptions? options = null)
    {
        foreach (var kind in new[] { ViewKind.Landscape, ViewKind.Network, ViewKind.Dataflow, ViewKind.Duplicates, ViewKind.Silos, ViewKind.Capabilities })
        {
            yield return (kind.ToString().ToLowerInvariant(), Views.Build(model, new ViewSpec(kind), analysis, options));
        }
        var i = 0;
        foreach (var agency in model.Agencies.OrderBy(static a => a.Id, StringComparer.Ordinal))
        {
            i++;
            yield return ($"agency-{i:D3}", Views.Agency(model, agency.Id, analysis, options));
        }
    }
}
