using ArchModel.Analysis;
using ArchModel.Diagnostics;

namespace ArchModel.Examples.CustomRule;

/// <summary>
/// X0001: an active system with no protection level (未定级). Every system must be graded under the
/// classified protection scheme (等级保护) before it goes live.
/// </summary>
public sealed class MissingProtectionLevelRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "X0001",
        new LocalizedText("系统未定级", "System without protection level"),
        new LocalizedText("在用系统没有登记等级保护级别：请完成定级备案。", "An active system has no protection level: grade it and file the grading."),
        DiagnosticSeverity.Warning);

    public void Analyze(RuleContext context)
    {
        foreach (var system in context.Model.Systems)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (system.IsActive && system.ProtectionLevel is null)
            {
                context.Report(
                    [system.Id],
                    new LocalizedText(
                        $"系统“{system.Name}”未登记等级保护级别：请按等级保护要求完成定级和备案。",
                        $"The system '{system.Name}' has no protection level: grade it under the classified protection scheme and file the grading."),
                    new Dictionary<string, object?> { ["owner"] = system.Owner, ["status"] = system.Status });
            }
        }
    }
}
