namespace ArchModel.Diagnostics;

/// <summary>How serious a diagnostic or finding is. Ordered: a larger value is more serious.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; never fails a run unless asked to.</summary>
    Info = 0,

    /// <summary>Probably a mistake or a problem to plan for.</summary>
    Warning = 1,

    /// <summary>The model is wrong, or the finding is a hard failure of the strategy's rules.</summary>
    Error = 2,
}
