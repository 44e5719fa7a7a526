using ArchModel.Diagnostics;

namespace ArchModel.Analysis;

/// <summary>What an analysis found: findings, analysis diagnostics and the scorecard.</summary>
/// <param name="Findings">Every finding, suppressed ones included, sorted by rule then elements (ordinal).</param>
/// <param name="Diagnostics">Diagnostics of the analysis itself: AM0011 for each suppression that matched no finding, AM0013
/// for each rule that threw (its findings are not in <paramref name="Findings"/>).</param>
/// <param name="Metrics">The scorecard (empty when metrics were not asked for).</param>
/// <param name="Rules">The descriptors of the rules that ran, by code.</param>
public sealed record AnalysisResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Diagnostic> Diagnostics,
    MetricsReport Metrics,
    IReadOnlyList<RuleDescriptor> Rules)
{
    /// <summary>The findings that are not suppressed: the ones that count for metrics and exit codes.</summary>
    public IEnumerable<Finding> ActiveFindings => Findings.Where(static f => !f.Suppressed);

    /// <summary>The most serious severity among unsuppressed findings, or <see langword="null"/> when there are none.</summary>
    public DiagnosticSeverity? MaxSeverity =>
        ActiveFindings.Select(static f => (DiagnosticSeverity?)f.Severity).DefaultIfEmpty(null).Max();
}
