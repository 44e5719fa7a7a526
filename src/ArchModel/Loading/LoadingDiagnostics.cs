using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Loading;

/// <summary>The descriptors of the loading, validation and analysis codes AM0001–AM0013.</summary>
/// <remarks>Their titles and help come from the language tables (<c>rule.AM00nn.title</c>, <c>.help</c>), like the rules'.</remarks>
public static class LoadingDiagnostics
{
    /// <summary>Every loading and validation code, in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        Describe(DiagnosticCodes.InvalidJson, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Warning),
        Describe(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.UnknownReference, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.WrongKindReference, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.ParentCycle, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.IncludeProblem, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.UnsupportedVersion, DiagnosticSeverity.Error),
        Describe(DiagnosticCodes.UnusedSuppression, DiagnosticSeverity.Warning),
        Describe(DiagnosticCodes.SelfFlow, DiagnosticSeverity.Warning),
        Describe(DiagnosticCodes.RuleFailed, DiagnosticSeverity.Error),
    ];

    private static RuleDescriptor Describe(string code, DiagnosticSeverity severity) =>
        new(code, Terms.RuleTitle(code), Terms.RuleHelp(code), severity);
}
