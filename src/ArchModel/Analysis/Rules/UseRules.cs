using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Localization;
using ArchModel.Model;
using static ArchModel.Analysis.Rules.RuleSupport;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// AM3001 built but unused (建而不用): an operational system with <c>usage.monthlyActiveUsers</c> present and below
/// <c>zombieMonthlyActiveUsers</c>, in no active flow (either end, whatever the other end) and in no service.
/// </summary>
public sealed class BuiltButUnusedRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public BuiltButUnusedRule() : base(RuleCodes.BuiltButUnused, DiagnosticSeverity.Warning)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var threshold = context.Settings.ZombieMonthlyActiveUsers;
        var candidates = context.Graph.SystemsById
            .Where(s => s.Status == SystemStatus.Operational && s.Usage?.MonthlyActiveUsers is { } users && users < threshold)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }
        var inFlow = InFlow(context.Graph, candidates);
        foreach (var system in candidates)
        {
            if (inFlow.Contains(system.Id) || model.ServicesUsing(system.Id).Count > 0)
            {
                continue;
            }
            var users = system.Usage!.MonthlyActiveUsers!.Value;
            var cost = system.Cost?.AnnualOperation;
            context.Report([system.Id],
                LocalizedText.Compose((system, users, threshold, cost), static (state, language) =>
                {
                    var (system, users, threshold, cost) = state;
                    var saving = cost is { } c ? Texts.Format("rule-message.AM3001.saving", language, Money.Format(c, language)) : "";
                    return Texts.Format("rule-message.AM3001", language, system.Name, users, threshold, saving);
                }),
                [
                    new(EvidenceKeys.BuiltButUnused.MonthlyActiveUsers, users),
                    new(EvidenceKeys.BuiltButUnused.Threshold, threshold),
                    new(EvidenceKeys.BuiltButUnused.AnnualOperation, cost),
                    new(EvidenceKeys.BuiltButUnused.Owner, system.Owner),
                ]);
        }
    }

    /// <summary>The ids of the <paramref name="candidates"/> at either end of an active flow.</summary>
    private static HashSet<string> InFlow(ModelGraph graph, List<InformationSystem> candidates)
    {
        var inFlow = new HashSet<string>(StringComparer.Ordinal);
        if (graph.Model.HasDistinctIds && graph.HasFlowEnds)
        {
            // By the positions of the flows' ends, which the graph found once for the silo views and the scorecard.
            var systems = graph.SystemsById;
            var candidate = new bool[systems.Count];
            foreach (var system in candidates)
            {
                candidate[graph.SystemPositionOf(system.Id)] = true;
            }
            var flows = graph.FlowsById;
            var ends = graph.FlowEnds;
            for (var f = 0; f < flows.Count; f++)
            {
                if (flows[f].IsActive)
                {
                    if (ends.From[f] >= 0 && candidate[ends.From[f]]) inFlow.Add(systems[ends.From[f]].Id);
                    if (ends.To[f] >= 0 && candidate[ends.To[f]]) inFlow.Add(systems[ends.To[f]].Id);
                }
            }
            return inFlow;
        }
        // The few candidates against every flow, once: cheaper than finding both ends of a million flows for this rule alone.
        var ids = new HashSet<string>(candidates.Select(static s => s.Id), StringComparer.Ordinal);
        foreach (var flow in graph.Model.Flows)
        {
            if (flow.IsActive)
            {
                if (flow.From is { } from && ids.Contains(from)) inFlow.Add(from);
                if (flow.To is { } to && ids.Contains(to)) inFlow.Add(to);
            }
        }
        return inFlow;
    }
}

/// <summary>AM3002 investment without result: a project at stage <c>accepted</c> or <c>evaluated</c> that delivers no system.</summary>
public sealed class InvestmentWithoutResultRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public InvestmentWithoutResultRule() : base(RuleCodes.InvestmentWithoutResult, DiagnosticSeverity.Info)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        foreach (var project in model.Projects.DistinctBy(static p => p.Id).OrderBy(static p => p.Id, StringComparer.Ordinal))
        {
            if (project.Stage is not (ProjectStage.Accepted or ProjectStage.Evaluated) || model.SystemsDeliveredBy(project.Id).Count > 0)
            {
                continue;
            }
            context.Report([project.Id],
                LocalizedText.Compose(project, static (project, language) =>
                {
                    // Only accepted and evaluated projects reach here.
                    var stage = Texts.Get(project.Stage == ProjectStage.Accepted ? "rule-message.AM3002.accepted" : "rule-message.AM3002.evaluated", language);
                    var budget = project.Budget is { } b ? Texts.Format("rule-message.AM3002.budget", language, Money.Format(b, language)) : "";
                    return Texts.Format("rule-message.AM3002", language, project.Name, stage, budget);
                }),
                [
                    new(EvidenceKeys.InvestmentWithoutResult.Agency, project.Agency),
                    new(EvidenceKeys.InvestmentWithoutResult.Stage, JsonNames.Of(project.Stage!.Value)),
                    new(EvidenceKeys.InvestmentWithoutResult.Budget, project.Budget),
                ]);
        }
    }
}
