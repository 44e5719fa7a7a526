using ArchModel.Analysis;
using ArchModel.Graph;
using ArchModel.Model;
using BenchmarkDotNet.Attributes;

namespace ArchModel.Benchmarks;

/// <summary>Shared set-up: the synthetic model and its graph views, built once per size.</summary>
public abstract class FamilyBenchmark
{
    private static readonly Dictionary<int, (ArchitectureModel, ModelGraph)> Cache = [];

    [Params(10_000, 100_000)]
    public int Systems { get; set; }

    protected ModelGraph Graph { get; private set; } = null!;

    protected ArchitectureModel Model { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!Cache.TryGetValue(Systems, out var built))
        {
            var model = SyntheticModel.Create(Systems);
            Cache[Systems] = built = (model, ModelGraph.Build(model));
        }
        (Model, Graph) = built;
        AfterSetup();
    }

    /// <summary>Extra set-up of a benchmark class, after the model and graph exist.</summary>
    protected virtual void AfterSetup()
    {
    }

    protected AnalysisResult Run(string prefix) => Analyzer.Analyze(Graph, Families.Options(prefix));
}

/// <summary>AM1xxx: duplicate builds, including the AM1002 bigram index.</summary>
[MemoryDiagnoser]
public class DuplicateRulesBenchmark : FamilyBenchmark
{
    [Benchmark]
    public int AM1xxx() => Run("AM1").Findings.Count;
}

/// <summary>AM2xxx: silos and interconnection.</summary>
[MemoryDiagnoser]
public class SiloRulesBenchmark : FamilyBenchmark
{
    [Benchmark]
    public int AM2xxx() => Run("AM2").Findings.Count;
}

/// <summary>AM3xxx: use of what was built.</summary>
[MemoryDiagnoser]
public class UseRulesBenchmark : FamilyBenchmark
{
    [Benchmark]
    public int AM3xxx() => Run("AM3").Findings.Count;
}

/// <summary>AM4xxx: security and independence.</summary>
[MemoryDiagnoser]
public class SecurityRulesBenchmark : FamilyBenchmark
{
    [Benchmark]
    public int AM4xxx() => Run("AM4").Findings.Count;
}

/// <summary>AM5xxx: consolidation opportunities.</summary>
[MemoryDiagnoser]
public class ConsolidationRulesBenchmark : FamilyBenchmark
{
    [Benchmark]
    public int AM5xxx() => Run("AM5").Findings.Count;
}

/// <summary>The scorecard, from the findings of every rule (computed once in set-up).</summary>
[MemoryDiagnoser]
public class MetricsBenchmark : FamilyBenchmark
{
    private IReadOnlyList<Finding> _findings = [];

    protected override void AfterSetup()
    {
        _findings = Analyzer.Analyze(Graph, new AnalysisOptions { ComputeMetrics = false }).Findings;
    }

    [Benchmark]
    public int Metrics() => Analyzer.ComputeMetrics(Graph, _findings).Model.Count;
}

/// <summary>Building the graph views.</summary>
[MemoryDiagnoser]
public class GraphBenchmark : FamilyBenchmark
{
    [Benchmark]
    public int BuildGraph() => ModelGraph.Build(Model).SystemComponents.Count;
}
