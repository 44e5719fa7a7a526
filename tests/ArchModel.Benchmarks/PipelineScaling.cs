using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagrams;
using ArchModel.Documents;
using ArchModel.Generation;
using ArchModel.Loading;
using Newtonsoft.Json;

namespace ArchModel.Benchmarks;

/// <summary>
/// <c>--pipeline 10000,100000,1000000 [--runs N] [--shapes a,b]</c>: for each shape (default every one; one table
/// each), generates a model of about each number of elements, split into files as the generator splits it, then
/// per run (N runs, default 3) and size, the sizes one after another, times each stage once in fresh processes,
/// after a warm-up on a small model, and reads the peak memory after it: the bare read of the files with Newtonsoft's JsonTextReader (the
/// floor, in a process of its own with .NET's default GC), then load and validate, analyse, a diagram, a
/// report (the scorecard) and the overview report in one process with the tool's GC settings (the heap is collected between stages, outside the
/// timings, except between load and analyse, which the tool runs back to back). Both processes compile each
/// method fully optimized at its first call, without tiering (the project's runtimeconfig). Prints a table of
/// the median times, the highest peaks, and the median and range of the scaling exponent between sizes and of
/// the ratio to the bare read, both taken within each run.
/// </summary>
internal static class PipelineScaling
{
    private static readonly string[] Stages = ["bare read", "load+validate", "analyse", "diagram", "report", "overview"];

    /// <summary>The shapes of <c>archmodel generate</c>, by their command-line names.</summary>
    public static readonly string[] ShapeNames = ["synthetic", "realistic", "huge-jurisdictions", "deep-lines", "uniform-names"];

    public static GeneratorShape ShapeOf(string name) => name switch
    {
        "synthetic" => GeneratorShape.Synthetic,
        "realistic" => GeneratorShape.Realistic,
        "huge-jurisdictions" => GeneratorShape.HugeJurisdictions,
        "deep-lines" => GeneratorShape.DeepLines,
        "uniform-names" => GeneratorShape.UniformNames,
        _ => throw new ArgumentException($"unknown shape '{name}'; known: {string.Join(", ", ShapeNames)}"),
    };

    /// <summary>Elements per agency of each shape, measured (seed 1): used to size the generator.</summary>
    private static double ElementsPerAgency(GeneratorShape shape) => shape switch
    {
        GeneratorShape.Realistic => 8.45,
        GeneratorShape.HugeJurisdictions => 79.4,
        GeneratorShape.DeepLines => 6.07,
        GeneratorShape.UniformNames => 6.35,
        _ => 8.2,
    };

    /// <summary>
    /// The folder of a generated model of about <paramref name="elements"/> elements of a shape, split into files as
    /// the generator splits it (seed 1); generated on first use and kept under $TMPDIR/archmodel-scaling.
    /// </summary>
    public static string ModelFolder(string shape, int elements)
    {
        var root = Path.Combine(Path.GetTempPath(), "archmodel-scaling");
        // The synthetic models keep the folders they had before shapes existed, so models generated earlier are reused.
        var folder = shape == "synthetic"
            ? Path.Combine(root, elements.ToString(CultureInfo.InvariantCulture))
            : Path.Combine(root, shape, elements.ToString(CultureInfo.InvariantCulture));
        var kind = ShapeOf(shape);
        var agencies = Math.Max(42, (int)(elements / ElementsPerAgency(kind)));
        if (!File.Exists(Path.Combine(folder, "model.json")))
        {
            ModelGenerator.WriteTo(folder, new GeneratorOptions { Shape = kind, Agencies = agencies, SplitByRegion = true, Seed = 1 });
        }
        return folder;
    }

    /// <summary>Runs the scaling of every shape in <paramref name="shapes"/> one after another: one table each.</summary>
    public static int Run(string sizesArgument, int runs, IReadOnlyList<string> shapes)
    {
        foreach (var shape in shapes)
        {
            ShapeOf(shape);
        }
        foreach (var shape in shapes)
        {
            Console.Error.WriteLine($"shape {shape}");
            if (Run(sizesArgument, runs, shape) != 0)
            {
                return 1;
            }
        }
        return 0;
    }

    private static int Run(string sizesArgument, int runs, string shape)
    {
        var sizes = sizesArgument.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var folders = new string[sizes.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            folders[i] = ModelFolder(shape, sizes[i]);
        }
        // Each run is a fresh process per size, the sizes one after another, so that what is compared within a run
        // was measured within a minute: the machine's speed drifts by a third between minutes. A stage's time is
        // the median of the runs and its peak the highest; the ratio to the bare read and the exponent between
        // sizes are taken within each run, and the median and range of those are shown.
        var times = new double[sizes.Length][][];
        var peaks = new long[sizes.Length][][];
        var elements = new long[sizes.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            times[i] = new double[runs][];
            peaks[i] = new long[runs][];
        }
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < sizes.Length; i++)
            {
                if (RunStage(folders[i]) is not { } measured)
                {
                    return 1;
                }
                (elements[i], times[i][run], peaks[i][run]) = measured;
                Console.Error.WriteLine($"{elements[i]:N0} elements, run {run + 1}: " + string.Join(", ", Stages.Select((s, k) => $"{s} {times[i][run][k]:F0} ms")));
            }
        }
        var results = Enumerable.Range(0, sizes.Length).Select(i => (
            Elements: elements[i],
            Ms: Enumerable.Range(0, Stages.Length).Select(s => Median(times[i].Select(t => t[s]))).ToArray(),
            PeakBytes: Enumerable.Range(0, Stages.Length).Select(s => peaks[i].Max(p => p[s])).ToArray(),
            Ratios: times[i].Select(static t => (t[1] + t[2]) / t[0]).Order().ToArray())).ToList();
        // exponents[i][s]: stage s from size i - 1 to size i, one per run, in order.
        var exponents = Enumerable.Range(1, sizes.Length - 1).Select(i => Enumerable.Range(0, Stages.Length)
            .Select(s => Enumerable.Range(0, runs)
                .Select(run => Math.Log(times[i][run][s] / times[i - 1][run][s]) / Math.Log((double)elements[i] / elements[i - 1]))
                .Order().ToArray())
            .ToArray()).ToArray();

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"shape: {shape} (archmodel generate --shape {shape} --split, seed 1; {FilesOf(folders[^1]).Length} files at the largest size)");
        text.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        text.Append("| stage |");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $" {r.Elements:N0} elements |");
        }
        for (var i = 1; i < results.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" exponent {Short(results[i - 1].Elements)}→{Short(results[i].Elements)} (median of {runs} runs; lowest–highest) |");
        }
        text.AppendLine();
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", results.Count * 2 - 1))).AppendLine();
        for (var s = 0; s < Stages.Length; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Stages[s]} |");
            foreach (var r in results)
            {
                text.Append(CultureInfo.InvariantCulture, $" {r.Ms[s]:N0} ms, peak {r.PeakBytes[s] / 1048576.0:N0} MiB |");
            }
            foreach (var between in exponents)
            {
                var e = between[s];
                text.Append(CultureInfo.InvariantCulture, $" {Median(e):F2} ({e[0]:F2}–{e[^1]:F2}) |");
            }
            text.AppendLine();
        }
        text.Append(CultureInfo.InvariantCulture, $"| load+validate+analyse ÷ bare read (median of {runs} runs; lowest–highest) |");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Median(r.Ratios):F2}× ({r.Ratios[0]:F2}–{r.Ratios[^1]:F2}) |");
        }
        text.Append(string.Concat(Enumerable.Repeat(" |", results.Count - 1))).AppendLine();
        Console.WriteLine(text.ToString());
        return 0;
    }

    /// <summary>
    /// Runs the stages once: the bare read in a fresh process with .NET's default GC (the floor must not depend on
    /// the tool's GC settings: Newtonsoft's reader allocates a string per token, and the server GC slows it by
    /// about 5%), then the tool's stages in another fresh process with the tool's settings. <see langword="null"/>
    /// (reported) when either fails.
    /// </summary>
    private static (long Elements, double[] Ms, long[] Peaks)? RunStage(string folder)
    {
        if (RunChild("--pipeline-bare", folder, defaultGc: true) is not [var bareMs, var barePeak]
            || RunChild("--pipeline-stage", folder, defaultGc: false) is not { } stages)
        {
            return null;
        }
        var elements = long.Parse(stages[0], CultureInfo.InvariantCulture);
        var ms = stages.Skip(1).Take(Stages.Length).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var peaks = stages.Skip(1 + Stages.Length).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        ms[0] = double.Parse(bareMs, CultureInfo.InvariantCulture);
        peaks[0] = long.Parse(barePeak, CultureInfo.InvariantCulture);
        return (elements, ms, peaks);
    }

    /// <summary>Runs this program in a fresh process and returns the words of its last output line.</summary>
    private static string[]? RunChild(string mode, string folder, bool defaultGc)
    {
        // Under `dotnet X.dll` the process is the host: hand it the assembly again.
        var host = Environment.ProcessPath!;
        string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [typeof(PipelineScaling).Assembly.Location, mode, folder]
            : [mode, folder];
        var start = new ProcessStartInfo(host, childArgs)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (defaultGc)
        {
            // Environment settings win over the runtimeconfig's: the workstation GC with .NET's default regions (4 MB)
            // and large-object threshold (85,000 bytes, in hexadecimal as the runtime reads it).
            start.Environment["DOTNET_gcServer"] = "0";
            start.Environment["DOTNET_GCRegionSize"] = "400000";
            start.Environment["DOTNET_GCLOHThreshold"] = "14C08";
        }
        using var child = Process.Start(start)!;
        var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            Console.Error.WriteLine($"{mode} failed for {folder}: {line}");
            return null;
        }
        return line.Split(' ');
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Short(long n) => n >= 1_000_000 ? $"{n / 1_000_000.0:0.#}M" : $"{n / 1000.0:0.#}k";

    /// <summary>The child process of the tool's stages: warm up, then time each stage but the bare read once on the model in <paramref name="folder"/>.</summary>
    public static int Stage(string folder)
    {
        Measure(WarmUpModel(), out _, out _, out _);
        GC.Collect();
        Measure(folder, out var elements, out var ms, out var peaks);
        Console.WriteLine(string.Join(' ', new[] { elements.ToString(CultureInfo.InvariantCulture) }
            .Concat(ms.Select(m => m.ToString("F1", CultureInfo.InvariantCulture)))
            .Concat(peaks.Select(p => p.ToString(CultureInfo.InvariantCulture)))));
        return 0;
    }

    /// <summary>The child process of the bare read: warm up, then read the files of <paramref name="folder"/> once; prints the time and the peak.</summary>
    public static int Bare(string folder)
    {
        ReadBare(WarmUpModel());
        GC.Collect();
        var clock = Stopwatch.StartNew();
        ReadBare(folder);
        var ms = clock.Elapsed.TotalMilliseconds;
        using var process = Process.GetCurrentProcess();
        Console.Error.WriteLine($"bare read: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms:F1} {process.PeakWorkingSet64}"));
        return 0;
    }

    private static string WarmUpModel()
    {
        var warm = Path.Combine(Path.GetTempPath(), "archmodel-scaling", "warm-up");
        if (!File.Exists(Path.Combine(warm, "model.json")))
        {
            ModelGenerator.WriteTo(warm, new GeneratorOptions { Agencies = 500, SplitByRegion = true, Seed = 2 });
        }
        return warm;
    }

    private static string[] FilesOf(string folder) =>
        new[] { Path.Combine(folder, "model.json") }
            .Concat(Directory.Exists(Path.Combine(folder, "regions")) ? Directory.GetFiles(Path.Combine(folder, "regions")).Order(StringComparer.Ordinal) : [])
            .ToArray();

    /// <summary>The floor: every token of every file read with Newtonsoft's JsonTextReader, nothing done with them.</summary>
    private static long ReadBare(string folder)
    {
        long tokens = 0;
        foreach (var file in FilesOf(folder))
        {
            using var reader = new JsonTextReader(new StreamReader(file));
            while (reader.Read())
            {
                tokens++;
            }
        }
        return tokens;
    }

    private static void Measure(string folder, out long elements, out double[] ms, out long[] peaks)
    {
        // Stage 0, the bare read, is timed by its own process (Bare).
        ms = new double[Stages.Length];
        peaks = new long[Stages.Length];
        var clock = Stopwatch.StartNew();
        Settle(clock);
        var load = ModelLoader.LoadFile(FilesOf(folder)[0]);
        if (load.HasErrors)
        {
            throw new InvalidOperationException("the generated model has errors: " + load.Diagnostics[0]);
        }
        Lap(1, ref ms, ref peaks, clock);
        var model = load.Model!;
        elements = model.Elements.LongCount();

        // No collection between loading and analysing: `archmodel analyze` runs them back to back, and what the
        // load leaves for the collector is paid inside the analyse stage, as it is in the tool.
        clock.Restart();
        var analysis = Analyzer.Analyze(model);
        Lap(2, ref ms, ref peaks, clock);

        Settle(clock);
        var view = Views.Landscape(model, analysis);
        var dot = new DotWriter().Write(view);
        GC.KeepAlive(dot);
        Lap(3, ref ms, ref peaks, clock);

        Settle(clock);
        var report = ReportGenerator.Render(model, analysis, new ReportOptions { Template = "scorecard" });
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("report failed: " + report.Diagnostics[0]);
        }
        Lap(4, ref ms, ref peaks, clock);

        // The planning document reviewers read first: the overview in Markdown (its diagrams are the diagram stage's).
        Settle(clock);
        var overview = ReportGenerator.Render(model, analysis, new ReportOptions { Template = "overview" });
        if (!overview.Succeeded)
        {
            throw new InvalidOperationException("overview failed: " + overview.Diagnostics[0]);
        }
        Lap(5, ref ms, ref peaks, clock);
    }

    /// <summary>
    /// Collects what the previous stage left behind, outside the timings: the load, the diagram and the report
    /// start from the heap a fresh <c>archmodel</c> command would have at that point, not with the garbage of
    /// the stages before them.
    /// </summary>
    private static void Settle(Stopwatch clock)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        clock.Restart();
    }

    private static void Lap(int stage, ref double[] ms, ref long[] peaks, Stopwatch clock)
    {
        ms[stage] = clock.Elapsed.TotalMilliseconds;
        using var process = Process.GetCurrentProcess();
        peaks[stage] = process.PeakWorkingSet64;
        clock.Restart();
    }
}
