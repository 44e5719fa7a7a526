using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Analysis;

/// <summary>Runs rules over a model and computes the scorecard: the library's analysis entry point.</summary>
/// <example>
/// <code>
/// var load = ModelLoader.LoadFile("models/demo/model.json");
/// var result = Analyzer.Analyze(load.Model!);
/// foreach (var f in result.Findings) Console.WriteLine($"{f.Rule} {string.Join(",", f.Elements)} {f.Message.Chinese}");
/// </code>
/// </example>
/// <remarks>Stateless and thread-safe; the same model and options always give the same result, whatever the
/// order of elements in the model's files.</remarks>
public static class Analyzer
{
    /// <summary>Analyses a model.</summary>
    /// <param name="model">The model (loaded or built; analysing a model with load errors is allowed, unresolved references are skipped).</param>
    /// <param name="options">The rules to run and whether to compute metrics; default <see cref="AnalysisOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>Findings sorted by rule then elements, AM0011 diagnostics for unused suppressions, an AM0013 error for each
    /// rule that threw (the other rules' findings are kept), and metrics.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled (or a rule threw it).</exception>
    public static AnalysisResult Analyze(ArchitectureModel model, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        return Analyze(ModelGraph.Build(model), options, cancellationToken);
    }

    /// <summary>Analyses a model whose graph views were already built (to share them with diagrams or run several rule sets).</summary>
    /// <param name="graph">The graph views of the model to analyse.</param>
    /// <param name="options">The rules to run and whether to compute metrics; default <see cref="AnalysisOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>Findings sorted by rule then elements, AM0011 diagnostics for unused suppressions, an AM0013 error for each
    /// rule that threw (the other rules' findings are kept), and metrics.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled (or a rule threw it).</exception>
    public static AnalysisResult Analyze(ModelGraph graph, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= AnalysisOptions.Default;
        var model = graph.Model;

        var runs = new List<RuleRun>();
        foreach (var rule in options.Rules)
        {
            if (ResolveSeverity(model.Settings, rule.Descriptor) is { } severity)
            {
                runs.Add(new RuleRun(rule, severity));
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var suppressions = model.Suppressions.Count > 0 ? new Suppressions(model) : null;
        var scheduler = new RuleScheduler(graph, runs, options.ComputeMetrics, findings =>
        {
            // Each rule's findings are sorted on its own thread (most rules report in order already: checked
            // first); rules run in code order, so the joined list is sorted too (checked below).
            if (!IsSorted(findings))
            {
                SortByElements(findings);
            }
            // A suppression names one rule's finding: applied here, so the scorecard can count a rule's findings
            // as soon as it is done.
            suppressions?.Apply(findings);
        }, cancellationToken);
        scheduler.Run(options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);

        var findings = new List<Finding>(runs.Sum(static r => r.Findings.Count));
        // Each rule's list is sorted: the joined list is, when every list's first finding follows the last one before it.
        var sorted = true;
        foreach (var run in runs)
        {
            if (run.Findings.Count > 0 && findings.Count > 0)
            {
                sorted &= Finding.Order.Compare(findings[^1], run.Findings[0]) <= 0;
            }
            findings.AddRange(run.Findings);
        }
        var ran = runs.ConvertAll(static r => r.Rule.Descriptor);

        var diagnostics = suppressions?.Unused() ?? [];
        foreach (var run in runs)
        {
            if (run.Failure is { } failure)
            {
                diagnostics.Add(RuleFailed(model, run.Rule.Descriptor, failure));
            }
        }
        if (!sorted)
        {
            findings.Sort(Finding.Order);
        }
        diagnostics.Sort(Diagnostic.Order);
        return new AnalysisResult(findings, diagnostics, scheduler.Metrics ?? MetricsReport.Empty, ran);
    }

    /// <summary>
    /// The AM0013 error for a rule that threw, located at the start of the model's root file (no element is to blame;
    /// <see langword="null"/> for a model built in code): names the rule and what it threw.
    /// </summary>
    private static Diagnostic RuleFailed(ArchitectureModel model, RuleDescriptor rule, Exception failure)
    {
        var what = $"{failure.GetType().Name}: {Clip(failure.Message)}";
        var counted = MetricsCalculator.MetricsFrom(rule.Code);
        var metrics = string.Join(", ", counted);
        return new Diagnostic(
            DiagnosticCodes.RuleFailed,
            DiagnosticSeverity.Error,
            LocalizedText.Compose((rule, what, metrics, counted.Count > 0), static (state, language) =>
            {
                var (rule, what, metrics, anyMetric) = state;
                var unvalued = anyMetric ? Texts.Format("rule-message.AM0013.metrics", language, metrics) : "";
                return Texts.Format("rule-message.AM0013", language, rule.Code, rule.Title[language], what, unvalued);
            }),
            model.Files.Count > 0 ? new SourceLocation(model.Files[0], 1, 1, "") : null);
    }

    /// <summary>The first line of an exception's message, at most 200 characters: it goes into a one-line diagnostic.</summary>
    private static string Clip(string message)
    {
        var line = message.AsSpan();
        var end = line.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            line = line[..end];
        }
        return line.Length > 200 ? string.Concat(line[..199], "…") : line.ToString();
    }

    /// <summary>
    /// Computes the scorecard of a model from findings (suppressed ones are ignored), for callers that filter or
    /// merge findings themselves.
    /// </summary>
    /// <param name="graph">The graph views of the model.</param>
    /// <param name="findings">The findings, as <see cref="AnalysisResult.Findings"/> holds them.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>Every metric for the model, the per-agency metrics and the targets.</returns>
    public static MetricsReport ComputeMetrics(ModelGraph graph, IReadOnlyList<Finding> findings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(findings);
        return MetricsCalculator.Compute(graph, findings, cancellationToken);
    }

    /// <summary>The severity a rule's findings get in a model, or <see langword="null"/> when the model turns the rule off.</summary>
    public static DiagnosticSeverity? ResolveSeverity(ModelSettings settings, RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rule);
        if (!settings.Severity.TryGetValue(rule.Code, out var setting))
        {
            return rule.DefaultSeverity;
        }
        return setting switch
        {
            SeveritySetting.Off => null,
            SeveritySetting.Info => DiagnosticSeverity.Info,
            SeveritySetting.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Error,
        };
    }

    /// <summary>The model's suppressions, matched against each rule's findings; thread-safe once built.</summary>
    private sealed class Suppressions
    {
        private readonly ArchitectureModel _model;
        // Key: rule code and the element SET (distinct ids, sorted ordinally).
        private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
        private readonly bool[] _used;

        public Suppressions(ArchitectureModel model)
        {
            _model = model;
            for (var i = 0; i < model.Suppressions.Count; i++)
            {
                var s = model.Suppressions[i];
                var key = Key(s.Rule, s.Elements.Distinct(StringComparer.Ordinal).OrderBy(static e => e, StringComparer.Ordinal));
                if (!_byKey.TryGetValue(key, out var list))
                {
                    _byKey[key] = list = [];
                }
                list.Add(i);
            }
            _used = new bool[model.Suppressions.Count];
        }

        /// <summary>Marks the suppressed findings of one rule's list (in place) and the suppressions used.</summary>
        public void Apply(List<Finding> findings)
        {
            for (var f = 0; f < findings.Count; f++)
            {
                if (_byKey.TryGetValue(Key(findings[f].Rule, findings[f].Elements), out var matches))
                {
                    foreach (var i in matches)
                    {
                        Volatile.Write(ref _used[i], true);
                    }
                    findings[f] = findings[f] with { Suppressed = true, Justification = _model.Suppressions[matches[0]].Justification };
                }
            }
        }

        /// <summary>An AM0011 warning for each suppression that matched no finding (once every rule has run).</summary>
        public List<Diagnostic> Unused()
        {
            var diagnostics = new List<Diagnostic>();
            for (var i = 0; i < _used.Length; i++)
            {
                if (_used[i])
                {
                    continue;
                }
                var s = _model.Suppressions[i];
                var ids = string.Join(", ", s.Elements.Distinct(StringComparer.Ordinal).OrderBy(static e => e, StringComparer.Ordinal));
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.UnusedSuppression,
                    DiagnosticSeverity.Warning,
                    Texts.Of("rule-message.AM0011", s.Rule, ids),
                    s.Location));
            }
            return diagnostics;
        }
    }

    /// <summary>
    /// Sorts one rule's findings into <see cref="Finding.Order"/>: by first element, the keys side by side in an
    /// array (a national model's rule may report 50,000 findings out of order; <see cref="OrdinalSort"/>), then each run of findings that
    /// share their first element by the whole order.
    /// </summary>
    internal static void SortByElements(List<Finding> findings)
    {
        var items = findings.ToArray();
        var keys = Array.ConvertAll(items, static f => f.Elements[0]);
        OrdinalSort.Sort(keys, items);
        for (var start = 0; start < items.Length;)
        {
            var end = start + 1;
            while (end < items.Length && string.Equals(keys[end], keys[start], StringComparison.Ordinal))
            {
                end++;
            }
            if (end - start > 1)
            {
                Array.Sort(items, start, end - start, Finding.Order);
            }
            start = end;
        }
        findings.Clear();
        findings.AddRange(items);
    }

    private static bool IsSorted(List<Finding> findings)
    {
        for (var i = 1; i < findings.Count; i++)
        {
            if (Finding.Order.Compare(findings[i - 1], findings[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static string Key(string rule, IEnumerable<string> sortedIds) => rule + "\u0000" + string.Join("\u0000", sortedIds);
}
