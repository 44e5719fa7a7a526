using ArchModel.Analysis;

namespace ArchModel.Benchmarks;

/// <summary>The rule families benchmarked, by code prefix.</summary>
public static class Families
{
    public static readonly string[] Prefixes = ["AM1", "AM2", "AM3", "AM4", "AM5"];

    public static AnalysisOptions Options(string prefix) => new()
    {
        Rules = RuleSet.Create(RuleSet.Default.Where(r => r.Descriptor.Code.StartsWith(prefix, StringComparison.Ordinal))),
        ComputeMetrics = false,
    };
}
