using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Loading;

/// <summary>The loading and validation messages, Chinese beside English so the two stay in step.</summary>
internal static class Messages
{
    /// <summary>Shortens text from the model (a hostile file may hold a 10 MB name) to what a message can show.</summary>
    private static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    public static LocalizedText EmptyFile() => Texts.Of("load.empty-file");

    public static LocalizedText Truncated() => Texts.Of("load.truncated");

    public static LocalizedText Comment() => Texts.Of("load.comment");

    public static LocalizedText TrailingComma() => Texts.Of("load.trailing-comma");

    public static LocalizedText TooDeep(int max) => Texts.Of("load.too-deep", max);

    public static LocalizedText InvalidUtf8() => Texts.Of("load.invalid-utf8");

    /// <summary>
    /// A JSON syntax error in the planner's language: what the JSON reader met (its message, English only, is read for
    /// the kind of error and not shown) and the character <paramref name="at"/> where it stopped.
    /// </summary>
    public static LocalizedText Syntax(string readerMessage, byte at)
    {
        bool Says(string words) => readerMessage.Contains(words, StringComparison.Ordinal);
        var kind = true switch
        {
            _ when Says("single JSON value") || Says("end of data") => "after-root",
            _ when Says("after a value") => "after-value",
            _ when Says("after a property name") => "after-name",
            _ when Says("property name") => "name",
            _ when Says("start of a value") => "value-start",
            _ when Says("string") || Says("escap") => "string",
            _ when Says("number") || Says("literal") => "literal",
            _ => "other",
        };
        // A control character, or a byte that is no UTF-8, is shown by its code, not as itself.
        var shown = at is < 0x20 or >= 0x7F ? $"\\u{at:X4}" : ((char)at).ToString();
        return Texts.Of("load.syntax." + kind, shown);
    }

    public static LocalizedText FullWidthCharacter(string character, string ascii) => Texts.Of("load.full-width-character", character, ascii);

    public static LocalizedText UnexpectedCharacter(string character, int codePoint) =>
        Texts.Of("load.unexpected-character", character, codePoint.ToString("X4", CultureInfo.InvariantCulture));

    public static LocalizedText IncludeBadPath(string include) =>
        Texts.Of("load.include-bad-path", Clip(include.Replace("\0", "\\0", StringComparison.Ordinal)));

    public static LocalizedText DuplicateKey(string name) => Texts.Of("load.duplicate-key", Clip(name));

    public static LocalizedText RootNotObject() => Texts.Of("load.root-not-object");

    public static LocalizedText UnknownProperty(string name, string where, string? suggestion) =>
        UnknownProperty(name, LocalizedText.Neutral(where), suggestion);

    public static LocalizedText UnknownProperty(string name, LocalizedText where, string? suggestion) =>
        Texts.Of(suggestion is null ? "load.unknown-property" : "load.unknown-property-suggested", where, Clip(name), suggestion);

    public static LocalizedText RootOnlyProperty(string name) => Texts.Of("load.root-only-property", Clip(name));

    public static LocalizedText MissingProperty(string name, string where) => MissingProperty(name, LocalizedText.Neutral(where));

    public static LocalizedText MissingProperty(string name, LocalizedText where) => Texts.Of("load.missing-property", where, Clip(name));

    public static LocalizedText WrongType(string name, string expected, string actual) => Texts.Of("load.wrong-type", Clip(name), TypeWord(expected), TypeWord(actual));

    public static LocalizedText UnknownEnum(string name, string value, IEnumerable<string> allowed)
    {
        return Texts.Of("load.unknown-enum", Clip(name), Clip(value), string.Join(", ", allowed));
    }

    public static LocalizedText NotWhole(string name, string value) => Texts.Of("load.not-whole", Clip(name), Clip(value));

    public static LocalizedText OutOfRange(string name, string value, string range) => Texts.Of("load.out-of-range", Clip(name), Clip(value), range);

    public static LocalizedText EmptyText(string name) => Texts.Of("load.empty-text", Clip(name));

    public static LocalizedText BadId(string id) => Texts.Of("load.bad-id", Clip(id));

    public static LocalizedText BadDate(string name, string value) => Texts.Of("load.bad-date", Clip(name), Clip(value));

    public static LocalizedText BadRuleCode(string value) => Texts.Of("load.bad-rule-code", Clip(value));

    public static LocalizedText UnknownMetric(string name) =>
        Texts.Of("load.unknown-metric", Clip(name), string.Join(", ", Model.MetricNames.All));

    public static LocalizedText DuplicateId(string id, SourceLocation? first) =>
        first is null ? Texts.Of("load.duplicate-id", Clip(id)) : Texts.Of("load.duplicate-id-first", Clip(id), first.ToString());

    public static LocalizedText FormerIdInUse(string id) => Texts.Of("load.former-id-in-use", Clip(id));

    /// <summary>A reference to an id no element has; <paramref name="expected"/> names the kind (<c>load.kind.*</c>).</summary>
    public static LocalizedText UnknownReference(string field, string id, LocalizedText expected) => Texts.Of("load.unknown-reference", Clip(field), expected, Clip(id));

    /// <summary>A reference to an element of the wrong kind; the kinds as a sentence names them (<c>load.kind-a.*</c>: "a system").</summary>
    public static LocalizedText WrongKindReference(string field, string id, LocalizedText expected, LocalizedText actual) =>
        Texts.Of("load.wrong-kind-reference", Clip(field), expected, Clip(id), actual);

    public static LocalizedText ParentCycle(LocalizedText kind, IEnumerable<string> cycle)
    {
        return Texts.Of("load.parent-cycle", kind, string.Join(" → ", cycle));
    }

    public static LocalizedText IncludeMissing(string include) => Texts.Of("load.include-missing", Clip(include));

    public static LocalizedText IncludeUnreadable(string include, LocalizedText reason) => Texts.Of("load.include-unreadable", Clip(include), reason);

    public static LocalizedText IncludeEscapes(string include) => Texts.Of("load.include-escapes", Clip(include));

    public static LocalizedText IncludeMatchesNothing(string include) => Texts.Of("load.include-matches-nothing", Clip(include));

    public static LocalizedText IncludeCycle(string include) => Texts.Of("load.include-cycle", Clip(include));

    public static LocalizedText IncludeFromStream(string include) => Texts.Of("load.include-from-stream", Clip(include));

    public static LocalizedText IncludeTooDeep(int max) => Texts.Of("load.include-too-deep", max);

    public static LocalizedText RootUnreadable(string file, LocalizedText reason) => Texts.Of("load.root-unreadable", file, reason);

    public static LocalizedText UnsupportedVersion(string version) => Texts.Of("load.unsupported-version", Clip(version));

    public static LocalizedText SelfFlow(string id, string system) => Texts.Of("load.self-flow", Clip(id), Clip(system));

    // A JSON type as each language says it (json-type.*); a name the table lacks is shown as it is.
    private static LocalizedText TypeWord(string type) => Texts.Has("json-type." + type) ? Texts.Of("json-type." + type) : LocalizedText.Neutral(type);

    // "Did you mean": the closest ids or names of the right kind (Diagnostics/DidYouMean.cs), added to the message about
    // an unknown reference, an unknown agency of an agency view, or an unknown view name.

    public static LocalizedText WithClosest(LocalizedText message, IReadOnlyList<string> closest) => closest.Count == 0 ? message :
        LocalizedText.Compose((message, closest), static (s, language) => Texts.Format("load.did-you-mean", language, s.message[language], Closest(s.closest, language)));

    /// <summary>The closest names, each quoted and joined as the language does ("a" or "b").</summary>
    private static string Closest(IReadOnlyList<string> closest, Language language) =>
        string.Join(Texts.Get("load.did-you-mean-or", language), closest.Select(c => Texts.Format("load.did-you-mean-quoted", language, Clip(c))));

    public static LocalizedText UnknownAgency(string id, IReadOnlyList<string> closest) => WithClosest(Texts.Of("load.unknown-agency", Clip(id)), closest);

    public static LocalizedText UnknownView(string name, IReadOnlyList<string> closest, IReadOnlyList<string> names) =>
        WithClosest(Texts.Of("load.unknown-view", Clip(name), string.Join(", ", names)), closest);
}
