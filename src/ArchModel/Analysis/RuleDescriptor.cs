using ArchModel.Diagnostics;

namespace ArchModel.Analysis;

/// <summary>What a rule is: its stable code, title and help text in both languages, and its default severity.</summary>
/// <param name="Code">The stable code, such as <c>AM1001</c>; a custom rule should use its own prefix (e.g. <c>X0001</c>).</param>
/// <param name="Title">A short title, such as 重复建设 / Duplicate build.</param>
/// <param name="Help">What the rule checks and what a planner does about a finding.</param>
/// <param name="DefaultSeverity">The severity when the model's <c>settings.severity</c> does not override it.</param>
public sealed record RuleDescriptor(string Code, LocalizedText Title, LocalizedText Help, DiagnosticSeverity DefaultSeverity);
