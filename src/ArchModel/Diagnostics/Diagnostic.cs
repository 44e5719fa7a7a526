namespace ArchModel.Diagnostics;

/// <summary>
/// One problem found while loading or validating a model: a stable code (<c>AM0006</c>), a severity,
/// a message in Chinese and English, and where it is.
/// </summary>
/// <param name="Code">The stable code from the rule catalogue, such as <c>AM0006</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What is wrong and, where possible, what to do, in both languages.</param>
/// <param name="Location">Where it is; <see langword="null"/> for a model built in code, which has no files.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, LocalizedText Message, SourceLocation? Location)
{
    /// <summary>Formats the diagnostic as compilers do: <c>file(line,col): error AM0006: message</c>.</summary>
    public string Format(Language language)
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var where = Location is null ? "" : $"{Location}: ";
        return $"{where}{severity} {Code}: {Message[language]}";
    }

    /// <inheritdoc />
    public override string ToString() => Format(Language.English);

    /// <summary>Orders diagnostics by file, sheet (spreadsheets), line, column, code and message (ordinal), the order every output uses.</summary>
    public static IComparer<Diagnostic> Order { get; } = Comparer<Diagnostic>.Create(static (a, b) =>
    {
        var c = string.CompareOrdinal(a.Location?.File, b.Location?.File);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Location?.Sheet, b.Location?.Sheet);
        if (c != 0) return c;
        c = (a.Location?.Line ?? 0).CompareTo(b.Location?.Line ?? 0);
        if (c != 0) return c;
        c = (a.Location?.Column ?? 0).CompareTo(b.Location?.Column ?? 0);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Code, b.Code);
        return c != 0 ? c : string.CompareOrdinal(a.Message.English, b.Message.English);
    });
}
