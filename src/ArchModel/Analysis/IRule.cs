using ArchModel.Diagnostics;

namespace ArchModel.Analysis;

/// <summary>
/// A check over a model. Implement it to add a rule of your own, then run it with
/// <c>RuleSet.Default.With(new MyRule())</c>.
/// </summary>
/// <remarks>
/// <see cref="Analyze"/> is called at most once per analysis, on one thread, while other rules of the same
/// analysis may run on other threads (a rule must not share mutable state with another); it reads the model and the
/// graph views from the context and reports findings with <see cref="RuleContext.Report(IEnumerable{string}, Diagnostics.LocalizedText, IEnumerable{KeyValuePair{string, object}}?)"/>. The
/// engine sorts element ids, locates, applies severity overrides and suppressions, so a rule only
/// says what it found. A rule must not depend on element order or dictionary order for what it
/// reports. Bad input is never an exception: a rule skips references it cannot resolve. A rule that throws anyway
/// fails alone: its findings are dropped and the analysis reports an AM0013 error naming it (the metrics made from its
/// findings, if the scorecard counts them, have no value); an <see cref="OperationCanceledException"/> ends the analysis.
/// Name the built-in rules' codes and evidence keys with <see cref="RuleCodes"/> and <see cref="EvidenceKeys"/>.
/// </remarks>
public interface IRule
{
    /// <summary>The rule's code, title, help and default severity.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>Runs the rule and reports its findings into <paramref name="context"/>.</summary>
    /// <param name="context">The model, its graph views, settings, cancellation and the sink for findings.</param>
    void Analyze(RuleContext context);
}
