using System.Collections.Concurrent;
using ArchModel.Analysis.Rules;
using ArchModel.Diagnostics;
using ArchModel.Graph;
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
    /// <returns>Findings sorted by rule then elements, AM0011 diagnostics for unused suppressions, and metrics.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
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
    /// <returns>Findings sorted by rule then elements, AM0011 diagnostics for unused suppressions, and metrics.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
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
        // Rules are independent readers of the model and its views: they run side by side, each into its own
        // list, and the lists join in rule order, so the result is the same as running them one by one.
        var work = runs.ConvertAll(run => (Action)(() =>
        {
            try
            {
                run.Rule.Analyze(new RuleContext(graph, run.Rule.Descriptor, run.Severity, run.Findings, cancellationToken));
                // Each rule's findings are sorted on its own thread (most rules report in order already: checked
                // first); rules run in code order, so the joined list is sorted too (checked below).
                if (!IsSorted(run.Findings))
                {
                    SortByElements(run.Findings);
                }
                // A suppression names one rule's finding: applied here, so the scorecard can count a rule's findings
                // as soon as it is done.
                suppressions?.Apply(run.Findings);
                run.Succeeded = true;
                run.Then?.Invoke();
            }
            finally
            {
                run.Done.Set();
            }
        }));
        MetricsCalculator.Prepared? prepared = null;
        MetricsReport? metrics = null;
        double? avoidable = null;
        using var preparing = new ManualResetEventSlim();
        if (options.ComputeMetrics)
        {
            // The scorecard's counts that need no finding are made beside the two costly duplicate rules. Those that do
            // are added a few items after the last rule they count, beside the rules still running rather than after
            // them all; it waits for the rules it counts and for the first counts (items are handed out in order, so
            // those have all started, and a rule that throws still says it is done).
            var counted = runs.FindAll(static r => MetricsCalculator.CountsFindingsOf(r.Rule.Descriptor.Code));
            // The avoidable cost needs only the duplicate builds: computed by the rule's own work item as soon as it
            // has found them, early in the analysis, rather than by the scorecard's, which is among the last to end.
            if (runs.Find(static r => r.Rule.Descriptor.Code == "AM1001") is { } duplicates)
            {
                duplicates.Then = () => avoidable = MetricsCalculator.AvoidableAnnualCost(model, duplicates.Findings);
            }
            var complete = (Action)(() =>
            {
                preparing.Wait(cancellationToken);
                foreach (var run in counted)
                {
                    run.Done.Wait(cancellationToken);
                }
                if (prepared is not null && counted.TrueForAll(static r => r.Succeeded))
                {
                    metrics = MetricsCalculator.Complete(prepared, [.. counted.SelectMany(static r => r.Findings)], avoidable, cancellationToken);
                }
            });
            var prepareAt = Math.Min(2, work.Count);
            work.Insert(prepareAt, () =>
            {
                try
                {
                    prepared = MetricsCalculator.Prepare(graph, cancellationToken);
                }
                finally
                {
                    preparing.Set();
                }
            });
            // After the last counted rule (moved one on if the first counts went before it) and always after the first
            // counts: were it handed out first, a single processor would wait for an item it has not started.
            var afterCounted = counted.Count == 0 ? 0 : counted.Max(r => runs.IndexOf(r)) + 1;
            afterCounted += afterCounted > prepareAt ? 1 : 0;
            work.Insert(Math.Max(prepareAt + 1, Math.Min(afterCounted + 3, work.Count)), complete);
        }
        // The silo views are built once, on first use; built by the first silo rule, they would keep every other
        // silo rule waiting. Built beside the duplicate rules instead, they are ready when the silo rules start.
        if (runs.Count(static r => r.Rule is BuiltInRule { UsesSiloViews: true }) > 1)
        {
            work.Insert(Math.Min(2, work.Count), graph.PrepareSiloViews);
        }
        try
        {
            // One item per processor, handed out one at a time in order: more threads than processors only make
            // the rules fight over the caches.
            Parallel.ForEach(Partitioner.Create(work, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions
                {
                    CancellationToken = cancellationToken,
                    MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
                },
                static item => item());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Throw what the (first) rule threw, as a sequential run would have.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Done.Dispose();
            }
        }
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
        if (!sorted)
        {
            findings.Sort(Finding.Order);
        }
        diagnostics.Sort(Diagnostic.Order);
        return new AnalysisResult(findings, diagnostics, metrics ?? MetricsReport.Empty, ran);
    }

    /// <summary>One rule to run, its findings, and whether it has finished.</summary>
    private sealed class RuleRun(IRule rule, DiagnosticSeverity severity)
    {
        public IRule Rule { get; } = rule;
        public DiagnosticSeverity Severity { get; } = severity;
        public List<Finding> Findings { get; } = [];
        public ManualResetEventSlim Done { get; } = new();
        public bool Succeeded { get; set; }
        /// <summary>What the rule's work item does next once the rule has succeeded (before it says it is done).</summary>
        public Action? Then { get; set; }
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
                    new LocalizedText(
                        $"规则 {s.Rule} 针对元素 [{ids}] 的抑制项未匹配任何发现：问题可能已解决，或规则代码、元素集合有误；请删除或更正该抑制项。",
                        $"The suppression of rule {s.Rule} for elements [{ids}] matched no finding: the problem may be fixed, or the rule code or element set is wrong; remove or correct the suppression."),
                    s.Location));
            }
            return diagnostics;
        }
    }

    /// <summary>
    /// Sorts one rule's findings into <see cref="Finding.Order"/>: by first element, the keys side by side in an
    /// array (a national model's rule may report 50,000 findings out of order), then each run of findings that
    /// share their first element by the whole order.
    /// </summary>
    internal static void SortByElements(List<Finding> findings)
    {
        var items = findings.ToArray();
        var keys = Array.ConvertAll(items, static f => f.Elements[0]);
        Array.Sort(keys, items, StringComparer.Ordinal);
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
