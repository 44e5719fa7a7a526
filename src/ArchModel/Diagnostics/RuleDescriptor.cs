namespace ArchModel.Diagnostics;

/// <summary>
/// What a rule is — an analysis rule (AM1001…), a loading check (AM0001…) or a template check (AM0101…): its
/// stable code, title and help text in both languages, and its default severity. One type for all, so that
/// SARIF and documents list them alike.
/// </summary>
/// <param name="Code">The stable code, such as <c>AM1001</c>; a custom rule should use its own prefix (e.g. <c>X0001</c>).</param>
/// <param name="Title">A short title, such as 重复建设 / Duplicate build.</param>
/// <param name="Help">What the rule checks and what a planner does about a finding.</param>
/// <param name="DefaultSeverity">The severity when the model's <c>settings.severity</c> does not override it.</param>
public sealed record RuleDescriptor(string Code, LocalizedText Title, LocalizedText Help, DiagnosticSeverity DefaultSeverity);
