using System.Diagnostics;
using System.Globalization;
using ArchModel.Analysis;
using ArchModel.Benchmarks;
using ArchModel.Graph;
using BenchmarkDotNet.Running;

// `--scaling`: time each family once at 10k and 100k systems (after a warm-up) and print the scaling exponent
// log(t2/t1)/log(10): ~1 is linear (`--rules` also times every rule alone). With `--shape NAME` the models are the
// generator's of that shape at about 10k and 100k elements instead. Anything else: BenchmarkDotNet's switcher.
if (args is ["--pipeline", var pipelineSizes, ..var pipelineRest])
{
    var runs = 3;
    IReadOnlyList<string> shapes = PipelineScaling.ShapeNames;
    for (var i = 0; i + 1 < pipelineRest.Length; i += 2)
    {
        switch (pipelineRest[i])
        {
            case "--runs":
                runs = int.Parse(pipelineRest[i + 1], CultureInfo.InvariantCulture);
                break;
            case "--shapes":
                shapes = pipelineRest[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                break;
            default:
                Console.Error.WriteLine($"unknown argument '{pipelineRest[i]}'");
                return 2;
        }
    }
    return PipelineScaling.Run(pipelineSizes, runs, shapes);
}
if (args is ["--pipeline-stage", var stageFolder])
{
    return PipelineScaling.Stage(stageFolder);
}
if (args is ["--pipeline-bare", var bareFolder])
{
    return PipelineScaling.Bare(bareFolder);
}

if (args.Contains("--scaling"))
{
    var sizes = new[] { 10_000, 100_000 };
    var shapeAt = Array.IndexOf(args, "--shape");
    Func<int, ArchModel.Model.ArchitectureModel> create = shapeAt >= 0 && shapeAt + 1 < args.Length
        ? n => GeneratedModels.Load(args[shapeAt + 1], n)
        : n => SyntheticModel.Create(n);
    // Warm-up: everything once on the 10k model (untimed), so that the timed runs measure optimized code.
    var warmClock = Stopwatch.StartNew();
    var warm = create(sizes[0]);
    var warmGraph = ModelGraph.Build(warm);
    foreach (var prefix in Families.Prefixes)
    {
        Analyzer.Analyze(warmGraph, Families.Options(prefix));
    }
    Analyzer.ComputeMetrics(warmGraph, Analyzer.Analyze(warmGraph).Findings);
    Console.Error.WriteLine($"warm-up done: {warmClock.ElapsedMilliseconds} ms");

    var times = new Dictionary<string, double[]>();
    var counts = new Dictionary<string, long[]>();
    void Record(string name, int index, double ms, long count)
    {
        if (!times.ContainsKey(name)) { times[name] = new double[sizes.Length]; counts[name] = new long[sizes.Length]; }
        times[name][index] = ms;
        counts[name][index] = count;
        Console.Error.WriteLine($"  {name}: {ms:F1} ms ({count:N0})");
    }

    for (var i = 0; i < sizes.Length; i++)
    {
        var sw = Stopwatch.StartNew();
        var model = create(sizes[i]);
        Console.Error.WriteLine($"{sizes[i]:N0} {(shapeAt >= 0 ? "elements" : "systems")}: model of {model.Agencies.Count:N0} agencies, {model.Flows.Count:N0} flows built in {sw.ElapsedMilliseconds} ms");
        GC.Collect();
        sw.Restart();
        var graph = ModelGraph.Build(model);
        Record("graph", i, sw.Elapsed.TotalMilliseconds, graph.SiloFlows.Count);
        foreach (var prefix in Families.Prefixes)
        {
            GC.Collect();
            sw.Restart();
            var result = Analyzer.Analyze(graph, Families.Options(prefix));
            Record(prefix + "xxx", i, sw.Elapsed.TotalMilliseconds, result.Findings.Count);
        }
        if (args.Contains("--rules"))
        {
            foreach (var rule in RuleSet.Default)
            {
                GC.Collect();
                sw.Restart();
                var single = Analyzer.Analyze(graph, new AnalysisOptions { Rules = RuleSet.Create(rule), ComputeMetrics = false });
                Record(rule.Descriptor.Code, i, sw.Elapsed.TotalMilliseconds, single.Findings.Count);
            }
        }
        var all = Analyzer.Analyze(graph, new AnalysisOptions { ComputeMetrics = false }).Findings;
        GC.Collect();
        sw.Restart();
        var metrics = Analyzer.ComputeMetrics(graph, all);
        Record("metrics", i, sw.Elapsed.TotalMilliseconds, metrics.Agencies.Count);
        GC.Collect();
        sw.Restart();
        var full = Analyzer.Analyze(model);
        Record("full analyze", i, sw.Elapsed.TotalMilliseconds, full.Findings.Count);
    }

    Console.WriteLine($"{"family",-13} {"t(10k) ms",10} {"t(100k) ms",11} {"ratio",7} {"exponent",9}   output counts (10k / 100k)");
    foreach (var (name, t) in times)
    {
        var ratio = t[1] / t[0];
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-13} {1,10:F1} {2,11:F1} {3,7:F2} {4,9:F2}   {5:N0} / {6:N0}",
            name, t[0], t[1], ratio, Math.Log10(ratio), counts[name][0], counts[name][1]));
    }
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(SyntheticModel).Assembly).Run(args);
return 0;
