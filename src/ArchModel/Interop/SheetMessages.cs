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

    public static LocalizedText UnknownSheet(string name) => Texts.Of("sheet-message.unknown-sheet", Clip(name));

    public static LocalizedText RepeatedSheet(string name, string first) => Texts.Of("sheet-message.repeated-sheet", Clip(name), Clip(first));

    public static LocalizedText UnknownColumn(string header) => Texts.Of("sheet-message.unknown-column", Clip(header));

    public static LocalizedText RepeatedColumn(string header) => Texts.Of("sheet-message.repeated-column", Clip(header));

    public static LocalizedText MissingColumn(string header) => Texts.Of("sheet-message.missing-column", header);

    public static LocalizedText EmptyRequired(string header, string? kind) => new(
        $"必填的“{header}”为空，本行未读取：请填写" + (kind is null ? "。" : $"{kind}的标识。"),
        $"The required '{header}' is empty, so this row was not read: fill it in" + (kind is null ? "." : $" with the id of {kind}."));

    public static LocalizedText Spaces(string header, string value) => Texts.Of("sheet-message.spaces", header, Clip(value));

    public static LocalizedText TextSpaces(string header, string value) => Texts.Of("sheet-message.text-spaces", header, Clip(value));

    public static LocalizedText FullWidth(string header, string value, char ch) => new(
        $"“{header}”的值“{Clip(value)}”含全角字符“{ch}”（U+{(int)ch:X4}）：标识请用半角字符输入" + (ch == '；' ? "，列表用英文分号 ; 分隔。" : "。"),
        $"'{header}' is '{Clip(value)}', which holds the full-width character '{ch}' (U+{(int)ch:X4}): type ids with half-width characters" + (ch == '；' ? " and separate list items with ';'." : "."));

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
        DiagnosticCodes.UnknownReference => new("请改正标识，或先在相应的工作表中添加该元素。", "Correct the id, or add the element to its sheet first."),
        DiagnosticCodes.DuplicateId => new("请给其中一行换一个标识。", "Give one of the rows another id."),
        DiagnosticCodes.WrongKindReference => new("请填写正确类型元素的标识。", "Give the id of an element of the right kind."),
        _ => new("", ""),
    };
}
