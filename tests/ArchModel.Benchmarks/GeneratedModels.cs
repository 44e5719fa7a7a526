using ArchModel.Analysis;
using ArchModel.Graph;
using ArchModel.Loading;
using ArchModel.Model;
using BenchmarkDotNet.Attributes;

namespace ArchModel.Benchmarks;

/// <summary>Models of <c>archmodel generate</c>'s shapes, generated (split, seed 1) and loaded once per shape and size.</summary>
public static class GeneratedModels
{
    private static readonly Dictionary<(string, int), ArchitectureModel> Cache = [];

    /// <summary>The model of a shape with about <paramref name="elements"/> elements.</summary>
    public static ArchitectureModel Load(string shape, int elements)
    {
        if (!Cache.TryGetValue((shape, elements), out var model))
        {
            var load = ModelLoader.LoadFile(Path.Combine(PipelineScaling.ModelFolder(shape, elements), "model.json"));
            if (load.HasErrors)
            {
                throw new InvalidOperationException($"the generated {shape} model has errors: {load.Diagnostics[0]}");
            }
            Cache[(shape, elements)] = model = load.Model!;
        }
        return model;
    }
}

/// <summary>Shared set-up of the benchmarks on the generator's shapes: the model and its graph views, once per shape and size.</summary>
public abstract class ShapedBenchmark
{
    private static readonly Dictionary<(string, int), ModelGraph> Graphs = [];

    [Params("realistic", "huge-jurisdictions", "deep-lines", "uniform-names")]
    public string Shape { get; set; } = "realistic";

    [Params(10_000, 100_000)]
    public int Elements { get; set; }

    protected ModelGraph Graph { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!Graphs.TryGetValue((Shape, Elements), out var graph))
        {
            Graphs[(Shape, Elements)] = graph = ModelGraph.Build(GeneratedModels.Load(Shape, Elements));
        }
        Graph = graph;
    }

    protected AnalysisResult Run(string prefix) => Analyzer.Analyze(Graph, Families.Options(prefix));
}

/// <summary>AM1xxx, duplicate builds, on each shape: the family the shapes were made to test.</summary>
[MemoryDiagnoser]
public class ShapedDuplicateRulesBenchmark : ShapedBenchmark
{
    [Benchmark]
    public int AM1xxx() => Run("AM1").Findings.Count;
}

/// <summary>Every other family on each shape, one benchmark each.</summary>
[MemoryDiagnoser]
public class ShapedOtherRulesBenchmark : ShapedBenchmark
{
    [Benchmark]
    public int AM2xxx() => Run("AM2").Findings.Count;

    [Benchmark]
    public int AM3xxx() => Run("AM3").Findings.Count;

    [Benchmark]
    public int AM4xxx() => Run("AM4").Findings.Count;

    [Benchmark]
    public int AM5xxx() => Run("AM5").Findings.Count;
}
