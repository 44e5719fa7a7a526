using ArchModel.Diagnostics;
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
        // The few candidates against every flow, once: cheaper than indexing a million flows by both ends.
        var inFlow = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(candidates.Select(static s => s.Id), StringComparer.Ordinal);
        foreach (var flow in model.Flows)
        {
            if (flow.IsActive)
            {
                if (flow.From is { } from && ids.Contains(from)) inFlow.Add(from);
                if (flow.To is { } to && ids.Contains(to)) inFlow.Add(to);
            }
        }
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
                    return language == Language.Chinese
                        ? $"运行中的系统“{system.Name}”月活跃用户仅 {users}（低于 {threshold}），且不参与任何数据流或政务服务：请评估其必要性，整合或停用{(cost is { } c ? $"，每年可节省运维费用 {Money.Format(c, Language.Chinese)}" : "")}。"
                        : $"The operational system '{system.Name}' has only {users} monthly active users (below {threshold}) and takes part in no data flow or public service: evaluate whether it is needed, and merge or retire it{(cost is { } c2 ? $", saving {Money.Format(c2, Language.English)} a year in operation costs" : "")}.";
                }),
                [
                    new(EvidenceKeys.BuiltButUnused.MonthlyActiveUsers, users),
                    new(EvidenceKeys.BuiltButUnused.Threshold, threshold),
                    new(EvidenceKeys.BuiltButUnused.AnnualOperation, cost),
                    new(EvidenceKeys.BuiltButUnused.Owner, system.Owner),
                ]);
        }
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
                LocalizedText.Compose(project, static (project, language) => language == Language.Chinese
                    ? $"项目“{project.Name}”已{(project.Stage == ProjectStage.Accepted ? "验收" : "评价")}，但没有交付任何系统{(project.Budget is { } b ? $"（预算 {Money.Format(b, Language.Chinese)}）" : "")}：请核实项目成果，在 delivers 或系统的 project 中登记交付的系统，或在绩效评价中说明原因。"
                    : $"The project '{project.Name}' is {JsonNames.Of(project.Stage!.Value)} but delivers no system{(project.Budget is { } b2 ? $" (budget {Money.Format(b2, Language.English)})" : "")}: check what it produced and record the delivered systems (its delivers, or the systems' project), or explain it in the performance evaluation."),
                [
                    new(EvidenceKeys.InvestmentWithoutResult.Agency, project.Agency),
                    new(EvidenceKeys.InvestmentWithoutResult.Stage, project.Stage),
                    new(EvidenceKeys.InvestmentWithoutResult.Budget, project.Budget),
                ]);
        }
    }
}
