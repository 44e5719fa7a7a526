using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Documents;

/// <summary>A rendered document, or the diagnostics that stopped it.</summary>
/// <param name="Text">The document, or <see langword="null"/> when the template could not be found, parsed or run.</param>
/// <param name="Diagnostics">Template diagnostics (AM0101–AM0106), each located in the template file where possible.</param>
public sealed record ReportResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether a document was written.</summary>
    public bool Succeeded => Text is not null;

    /// <summary>Whether any diagnostic is an error (then <see cref="Text"/> is <see langword="null"/>), as on every result.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Whether the template itself could not be found or read (AM0104): an input file problem, not a template error.</summary>
    public bool TemplateNotFound => Diagnostics.Any(static d => d.Code == DocumentDiagnostics.TemplateNotFound);
}

/// <summary>The codes of the template diagnostics, AM0101–AM0106 (the AM01xx family is the documents').</summary>
public static class DocumentDiagnostics
{
    /// <summary>AM0101: the template (or a template it includes) has a syntax error.</summary>
    public const string TemplateSyntax = "AM0101";

    /// <summary>AM0102: the template failed while running, or reached a limit (loops, recursion, output size).</summary>
    public const string TemplateRuntime = "AM0102";

    /// <summary>AM0103: an include was refused (outside the template's folder) or not found.</summary>
    public const string TemplateAccess = "AM0103";

    /// <summary>AM0104: the template named is neither a built-in template nor a readable file.</summary>
    public const string TemplateNotFound = "AM0104";

    /// <summary>AM0105: the template ran longer than its time limit (<see cref="TemplateLimits.Timeout"/>) and was stopped.</summary>
    public const string TemplateTimeout = "AM0105";

    /// <summary>AM0106: the template compares two models (<see cref="ReportGenerator.NeedsBaseline"/>) and
    /// <see cref="ReportOptions.Baseline"/>, the as-is model, was not given.</summary>
    public const string BaselineMissing = "AM0106";

    /// <summary>The descriptors of AM0101–AM0106, in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        Descriptor(TemplateSyntax),
        Descriptor(TemplateRuntime),
        Descriptor(TemplateAccess),
        Descriptor(TemplateNotFound),
        Descriptor(TemplateTimeout),
        Descriptor(BaselineMissing),
    ];

    // Title and help come from the text tables (report-error.<code>.title and .help).
    private static RuleDescriptor Descriptor(string code) =>
        new(code, Texts.Of($"report-error.{code}.title"), Texts.Of($"report-error.{code}.help"), DiagnosticSeverity.Error);
}
