using System.Collections.Concurrent;
using ArchModel.Analysis.Rules;
using ArchModel.Diagnostics;
using ArchModel.Graph;

namespace ArchModel.Analysis;

/// <summary>What the analyzer prepares for a rule, or does with its findings, beside running it.</summary>
[Flags]
internal enum RuleNeeds
{
    /// <summary>Nothing: the rule reads the model and the views every rule shares.</summary>
    None = 0,

    /// <summary>The rule reads the silo views of <see cref="ModelGraph"/> (<see cref="BuiltInRule.UsesSiloViews"/>).</summary>
    SiloViews = 1,

    /// <summary>The scorecard counts the rule's findings (<see cref="MetricsCalculator.CountsFindingsOf"/>).</summary>
    CountedByScorecard = 2,

    /// <summary>The scorecard's avoidable cost comes from the rule's findings (AM1001).</summary>
    AvoidableCost = 4,
}

/// <summary>One rule to run, its findings, and whether it has finished.</summary>
internal sealed class RuleRun(IRule rule, DiagnosticSeverity severity)
{
    public IRule Rule { get; } = rule;
    public DiagnosticSeverity Severity { get; } = severity;
    public RuleNeeds Needs { get; } = RuleScheduler.NeedsOf(rule);
    public List<Finding> Findings { get; } = [];
    public ManualResetEventSlim Done { get; } = new();
    public bool Succeeded { get; set; }
    /// <summary>What the rule threw, when it failed (its findings are then dropped).</summary>
    public Exception? Failure { get; set; }
    /// <summary>What the rule's work item does next once the rule has succeeded (before it says it is done).</summary>
    public Action? Then { get; set; }
}

/// <summary>
/// Runs an analysis's rules side by side, with the scorecard's work and the shared views placed among them by what
/// each rule needs (<see cref="RuleNeeds"/>): one work item per rule, in rule order, handed out one at a time.
/// </summary>
/// <remarks>
/// The items, for rules R1…Rn: R1, [flows and data resources by id, flow ends], R2, [silo views], [first counts], R3, …, the rule
/// the scorecard counts last, and three items later [the counts from findings]. A rule that throws fails alone (<see cref="RuleRun.Failure"/>); an
/// <see cref="OperationCanceledException"/> ends the analysis.
/// </remarks>
internal sealed class RuleScheduler
{
    private readonly ModelGraph _graph;
    private readonly List<RuleRun> _runs;
    private readonly Action<List<Finding>> _settle;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Action> _work;
    private readonly ManualResetEventSlim _preparing = new();
    private MetricsCalculator.Prepared? _prepared;
    private MetricsCalculator.AvoidableCost? _avoidable;

    /// <summary>Plans the work of an analysis.</summary>
    /// <param name="graph">The graph views of the model.</param>
    /// <param name="runs">The rules to run, in rule order.</param>
    /// <param name="computeMetrics">Whether to compute the scorecard.</param>
    /// <param name="settle">What to do with a rule's findings on its own thread once it is done (sort, suppress).</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    public RuleScheduler(ModelGraph graph, List<RuleRun> runs, bool computeMetrics, Action<List<Finding>> settle, CancellationToken cancellationToken)
    {
        _graph = graph;
        _runs = runs;
        _settle = settle;
        _cancellationToken = cancellationToken;
        // Rules are independent readers of the model and its views: they run side by side, each into its own
        // list, and the lists join in rule order, so the result is the same as running them one by one.
        _work = runs.ConvertAll(run => (Action)(() => RunRule(run)));
        if (computeMetrics)
        {
            PlanMetrics();
        }
        // The silo views are built once, on first use; built by the first silo rule, they would keep every other
        // silo rule waiting. Built beside the duplicate rules instead, they are ready when the silo rules start.
        if (runs.Count(static r => r.Needs.HasFlag(RuleNeeds.SiloViews)) > 1)
        {
            _work.Insert(Math.Min(2, _work.Count), graph.PrepareSiloViews);
        }
        // The first rule to ask for the systems by id sorts them, and the next ones wait for that sort (on a national
        // model, a third of a second and more, with a processor idle): the flows and data resources are sorted beside
        // it instead, before the second rule, rather than by the rules that read them later, and the systems at the
        // flows' ends found for the silo views and the scorecard.
        if (runs.Count > 1)
        {
            // The flows' ends by position serve only a model whose ids are distinct (otherwise ids are looked up).
            var flowEnds = (computeMetrics || runs.Exists(static r => r.Needs.HasFlag(RuleNeeds.SiloViews))) && graph.Model.HasDistinctIds;
            _work.Insert(1, () => graph.PrepareSortedViews(flowEnds));
        }
    }

    /// <summary>The scorecard, once <see cref="Run"/> has returned; <see langword="null"/> when it was not asked for.</summary>
    public MetricsReport? Metrics { get; private set; }

    /// <summary>What the analyzer prepares for a rule and does with its findings.</summary>
    public static RuleNeeds NeedsOf(IRule rule) =>
        (rule is BuiltInRule { UsesSiloViews: true } ? RuleNeeds.SiloViews : RuleNeeds.None)
        | MetricsCalculator.NeedsOf(rule.Descriptor.Code);

    /// <summary>Runs every work item; returns when all have ended.</summary>
    /// <param name="maxDegreeOfParallelism">How many items run at once.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled, or a rule threw it.</exception>
    public void Run(int maxDegreeOfParallelism)
    {
        try
        {
            // One item per processor, handed out one at a time in order: more threads than processors only make
            // the rules fight over the caches.
            Parallel.ForEach(Partitioner.Create(_work, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions
                {
                    CancellationToken = _cancellationToken,
                    MaxDegreeOfParallelism = maxDegreeOfParallelism,
                },
                static item => item());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Throw what the first item threw (a cancellation; a rule's own failure stays in its run), as a
            // sequential run would have.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            foreach (var run in _runs)
            {
                run.Done.Dispose();
            }
            _preparing.Dispose();
        }
    }

    private void RunRule(RuleRun run)
    {
        try
        {
            try
            {
                run.Rule.Analyze(new RuleContext(_graph, run.Rule.Descriptor, run.Severity, run.Findings, _cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A rule that throws fails alone: the analyzer reports it (AM0013) and drops what it reported
                // before, which is an arbitrary part of what it would have found; the other rules go on.
                run.Failure = e;
                run.Findings.Clear();
                return;
            }
            // Each rule's findings are sorted on its own thread, and suppressions applied, so the scorecard can
            // count a rule's findings as soon as it is done.
            _settle(run.Findings);
            run.Succeeded = true;
            run.Then?.Invoke();
        }
        finally
        {
            run.Done.Set();
        }
    }

    private void PlanMetrics()
    {
        // The scorecard's counts that need no finding are made beside the two costly duplicate rules. Those that do
        // are added a few items after the last rule they count, beside the rules still running rather than after
        // them all; it waits for the rules it counts and for the first counts (items are handed out in order, so
        // those have all started, and a rule that fails still says it is done).
        var counted = _runs.FindAll(static r => r.Needs.HasFlag(RuleNeeds.CountedByScorecard));
        // The avoidable cost needs only the duplicate builds: computed by the rule's own work item as soon as it
        // has found them, early in the analysis, rather than by the scorecard's, which is among the last to end.
        if (_runs.Find(static r => r.Needs.HasFlag(RuleNeeds.AvoidableCost)) is { } duplicates)
        {
            duplicates.Then = () => _avoidable = MetricsCalculator.Avoidable(_graph.Model, duplicates.Findings);
        }
        var complete = (Action)(() =>
        {
            _preparing.Wait(_cancellationToken);
            foreach (var run in counted)
            {
                run.Done.Wait(_cancellationToken);
            }
            if (_prepared is not null)
            {
                // A counted rule that failed counts nothing: the metrics made from its findings have no value (null,
                // as for a zero denominator) rather than a value that looks good because nothing was found, and
                // their targets are neither met nor missed; every other metric is what it would be.
                var failed = counted.FindAll(static r => !r.Succeeded);
                var report = MetricsCalculator.Complete(_prepared, [.. counted.Where(static r => r.Succeeded).SelectMany(static r => r.Findings)],
                    _avoidable, _cancellationToken);
                Metrics = MetricsCalculator.WithoutValues(report,
                    failed.SelectMany(static r => MetricsCalculator.MetricsFrom(r.Rule.Descriptor.Code)).ToHashSet(StringComparer.Ordinal));
            }
        });
        var prepareAt = Math.Min(2, _work.Count);
        _work.Insert(prepareAt, () =>
        {
            try
            {
                _prepared = MetricsCalculator.Prepare(_graph, _cancellationToken);
            }
            finally
            {
                _preparing.Set();
            }
        });
        // After the last counted rule (moved one on if the first counts went before it) and always after the first
        // counts: were it handed out first, a single processor would wait for an item it has not started.
        var afterCounted = counted.Count == 0 ? 0 : counted.Max(r => _runs.IndexOf(r)) + 1;
        afterCounted += afterCounted > prepareAt ? 1 : 0;
        _work.Insert(Math.Max(prepareAt + 1, Math.Min(afterCounted + 3, _work.Count)), complete);
    }
}
