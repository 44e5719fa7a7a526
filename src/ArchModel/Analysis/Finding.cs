using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Analysis;

/// <summary>One problem a rule found in a model.</summary>
/// <remarks>Immutable. <see cref="Elements"/> is sorted ordinally and holds each id once; <see cref="Evidence"/>
/// keys are in ordinal order and its values are <see cref="string"/>, <see cref="double"/>, <see cref="long"/>,
/// <see cref="bool"/>, <see langword="null"/> or a read-only list of strings.</remarks>
public sealed record Finding
{
    /// <summary>The rule's code, such as <c>AM1001</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The severity, after the model's <c>settings.severity</c> override.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>The rule's title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>What was found and what a planner should do about it, in Chinese and English.</summary>
    public required LocalizedText Message { get; init; }

    /// <summary>The ids of the elements the finding names, sorted ordinally, each once.</summary>
    public required IReadOnlyList<string> Elements { get; init; }

    /// <summary>Facts supporting the finding (rule-specific keys; see docs/rules.md), keys sorted ordinally.</summary>
    public required IReadOnlyDictionary<string, object?> Evidence { get; init; }

    private SourceLocation? _location;
    private Model.Element? _locatedBy;

    /// <summary>Where the first element of <see cref="Elements"/> is defined; <see langword="null"/> for a model built in code.</summary>
    public SourceLocation? Location
    {
        // A built-in rule's finding names the element and reads its location when first asked: a national model's
        // half a million findings, most of which no output shows, make no location object each. A race makes it
        // twice; the two are equal.
        get => _location ?? (_locatedBy is { } element ? _location = element.Location : null);
        init => (_location, _locatedBy) = (value, null);
    }

    /// <summary>The element whose location is the finding's <see cref="Location"/>, read when first asked.</summary>
    internal Model.Element? LocatedBy
    {
        init => (_location, _locatedBy) = (null, value);
    }

    /// <summary>Whether a suppression of the model accepts this finding; suppressed findings count in no metric and no exit code.</summary>
    public bool Suppressed { get; init; }

    /// <summary>The matching suppression's justification, when <see cref="Suppressed"/>.</summary>
    public string? Justification { get; init; }

    /// <summary>
    /// Formats the finding on one line, as a diagnostic is formatted: <c>file(line,col): warning AM1001: message [a, b]</c>,
    /// with <c>(suppressed: justification)</c> when suppressed. At most ten element ids are listed (then <c>+N</c>, the number left out).
    /// </summary>
    public string Format(Language language)
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var where = Location is null ? "" : $"{Location}: ";
        var shown = Elements.Count <= 10 ? string.Join(", ", Elements) : string.Join(", ", Elements.Take(10)) + $", +{Elements.Count - 10}";
        var suppressed = !Suppressed ? ""
            : Texts.Format("rule-message.suppressed", language,
                Justification is { Length: > 0 } j ? Texts.Format("rule-message.suppressed.justification", language, j) : "");
        return $"{where}{severity} {Rule}: {Message[language]} [{shown}]{suppressed}";
    }

    /// <summary>The finding as <see cref="Format"/> writes it in English (a record's default would print the evidence's types).</summary>
    public override string ToString() => Format(Language.English);

    /// <summary>Whether two findings are equal: every property, <see cref="Location"/> by value however it is kept.</summary>
    public bool Equals(Finding? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Rule == other.Rule && Severity == other.Severity
            && EqualityComparer<LocalizedText>.Default.Equals(Title, other.Title)
            && EqualityComparer<LocalizedText>.Default.Equals(Message, other.Message)
            && EqualityComparer<IReadOnlyList<string>>.Default.Equals(Elements, other.Elements)
            && EqualityComparer<IReadOnlyDictionary<string, object?>>.Default.Equals(Evidence, other.Evidence)
            && Equals(Location, other.Location) && Suppressed == other.Suppressed && Justification == other.Justification);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Rule);
        hash.Add(Severity);
        hash.Add(Title);
        hash.Add(Message);
        hash.Add(Elements);
        hash.Add(Evidence);
        hash.Add(Location);
        hash.Add(Suppressed);
        hash.Add(Justification);
        return hash.ToHashCode();
    }

    /// <summary>Orders findings by rule, then elements (element by element, ordinal; a prefix first), then message.</summary>
    public static IComparer<Finding> Order { get; } = Comparer<Finding>.Create(static (a, b) =>
    {
        var c = string.CompareOrdinal(a.Rule, b.Rule);
        if (c != 0) return c;
        for (var i = 0; i < Math.Min(a.Elements.Count, b.Elements.Count); i++)
        {
            c = string.CompareOrdinal(a.Elements[i], b.Elements[i]);
            if (c != 0) return c;
        }
        c = a.Elements.Count.CompareTo(b.Elements.Count);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Message.English, b.Message.English);
        return c != 0 ? c : string.CompareOrdinal(a.Message.Chinese, b.Message.Chinese);
    });
}
