namespace ArchModel.Analysis;

/// <summary>How to run an analysis.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The default options: every built-in rule, metrics computed.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>The rules to run (default <see cref="RuleSet.Default"/>).</summary>
    public RuleSet Rules { get; init; } = RuleSet.Default;

    /// <summary>Whether to compute the scorecard (default true).</summary>
    public bool ComputeMetrics { get; init; } = true;

    /// <summary>
    /// How many rules may run at once; <see langword="null"/> (the default) for as many as there are processors,
    /// 1 to run them one after another. The findings are the same either way.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
