using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Interop;

/// <summary>The messages of a spreadsheet import, Chinese beside English; each says what is wrong and what to do.</summary>
internal static class SheetMessages
{
    private static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    public static LocalizedText NotWorkbook(string file, string detail) => Texts.Of("sheet-message.not-workbook", file, Clip(detail));

    public static LocalizedText NotUtf8(string file) => Texts.Of("sheet-message.not-utf8", file);

    public static LocalizedText Unreadable(string file, string detail) => Texts.Of("sheet-message.unreadable", file, Clip(detail));

    /// <summary>A file or folder that cannot be read, for a reason the tables say (<c>sheet-message.reason.*</c>).</summary>
    public static LocalizedText Unreadable(string file, LocalizedText reason) => Texts.Of("sheet-message.unreadable", file, reason);

    public static LocalizedText UnknownSheet(string name) => Texts.Of("sheet-message.unknown-sheet", Clip(name));

    public static LocalizedText RepeatedSheet(string name, string first) => Texts.Of("sheet-message.repeated-sheet", Clip(name), Clip(first));

    public static LocalizedText UnknownColumn(string header) => Texts.Of("sheet-message.unknown-column", Clip(header));

    public static LocalizedText RepeatedColumn(string header) => Texts.Of("sheet-message.repeated-column", Clip(header));

    public static LocalizedText MissingColumn(string header) => Texts.Of("sheet-message.missing-column", header);

    public static LocalizedText EmptyRequired(string header, LocalizedText? kind) =>
        kind is null ? Texts.Of("sheet-message.empty-required", header) : Texts.Of("sheet-message.empty-required-kind", header, kind);

    public static LocalizedText Spaces(string header, string value) => Texts.Of("sheet-message.spaces", header, Clip(value));

    public static LocalizedText TextSpaces(string header, string value) => Texts.Of("sheet-message.text-spaces", header, Clip(value));

    public static LocalizedText FullWidth(string header, string value, char ch) =>
        Texts.Of(ch == '；' ? "sheet-message.full-width-semicolon" : "sheet-message.full-width", header, Clip(value), ch.ToString(),
            ((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));

    public static LocalizedText BadId(string header, string value) => Texts.Of("sheet-message.bad-id", header, Clip(value));

    public static LocalizedText BadEnum(string header, string value, EnumTable table) => Texts.Of("sheet-message.bad-enum", header, Clip(value), table.Describe());

    public static LocalizedText BadBoolean(string header, string value) => Texts.Of("sheet-message.bad-boolean", header, Clip(value));

    public static LocalizedText NotNumber(string header, string value) => Texts.Of("sheet-message.not-number", header, Clip(value));

    public static LocalizedText NotWhole(string header, string value) => Texts.Of("sheet-message.not-whole", header, Clip(value));

    public static LocalizedText NumberAsText(string header, string value) => Texts.Of("sheet-message.number-as-text", header, Clip(value));

    public static LocalizedText BadDate(string header, string value) => Texts.Of("sheet-message.bad-date", header, Clip(value));

    public static LocalizedText UnknownOwner(string header, string id, string sheet) => Texts.Of("sheet-message.unknown-owner", header, Clip(id), sheet);

    public static LocalizedText UnknownElement(string header, string id) => Texts.Of("sheet-message.unknown-element", header, Clip(id));

    public static LocalizedText RepeatedRow(string header, string id, SourceLocation first) => Texts.Of("sheet-message.repeated-row", Clip(id), first, header);

    public static LocalizedText RepeatedProperty(string name, string id) => Texts.Of("sheet-message.repeated-property", Clip(id), Clip(name));

    public static LocalizedText UnknownModelKey(string key) => Texts.Of("sheet-message.unknown-model-key", Clip(key));

    public static LocalizedText BadLanguage(string value) => Texts.Of("sheet-message.bad-language", Clip(value));

    public static LocalizedText BadSeverity(string value) => Texts.Of("sheet-message.bad-severity", Clip(value));

    public static LocalizedText Hint(string code) => code switch
    {
        DiagnosticCodes.UnknownReference => Texts.Of("sheet-message.hint.unknown-reference"),
        DiagnosticCodes.DuplicateId => Texts.Of("sheet-message.hint.duplicate-id"),
        DiagnosticCodes.WrongKindReference => Texts.Of("sheet-message.hint.wrong-kind-reference"),
        _ => new("", ""),
    };
}
