using ArchModel.Diagnostics;

namespace ArchModel.Interop;

/// <summary>The messages of a spreadsheet import, Chinese beside English; each says what is wrong and what to do.</summary>
internal static class SheetMessages
{
    private static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    public static LocalizedText NotWorkbook(string file, string detail) => new(
        $"文件“{file}”不是可读取的 Excel 工作簿（.xlsx）：{Clip(detail)}。请在 Excel 或 WPS 中另存为 .xlsx 格式。",
        $"File '{file}' is not a readable Excel workbook (.xlsx): {Clip(detail)}. Save it as .xlsx in Excel or WPS.");

    public static LocalizedText NotUtf8(string file) => new(
        $"文件“{file}”不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。",
        $"File '{file}' is not UTF-8: in Excel, save it as 'CSV UTF-8 (Comma delimited)'.");

    public static LocalizedText Unreadable(string file, string detail) => new(
        $"无法读取“{file}”：{Clip(detail)}",
        $"Cannot read '{file}': {Clip(detail)}");

    public static LocalizedText UnknownSheet(string name) => new(
        $"工作表“{Clip(name)}”不是 ArchModel 读取的工作表，已忽略；可用的工作表及其列见“说明”工作表。",
        $"Sheet '{Clip(name)}' is not one ArchModel reads and is ignored; the Readme sheet lists the sheets and their columns.");

    public static LocalizedText RepeatedSheet(string name, string first) => new(
        $"工作表“{Clip(name)}”与“{Clip(first)}”是同一类，已忽略：请把两张表的行合并到一张中。",
        $"Sheet '{Clip(name)}' is the same kind as sheet '{Clip(first)}' and is ignored: move its rows into that sheet.");

    public static LocalizedText UnknownColumn(string header) => new(
        $"列“{Clip(header)}”未知，已忽略：列标题应为“显示名 (jsonKey)”，如“所属机构 (owner)”，可用的列见“说明”工作表。",
        $"Column '{Clip(header)}' is unknown and ignored: headers read 'Title (jsonKey)', such as 'Owner (owner)'; the Readme sheet lists the columns.");

    public static LocalizedText RepeatedColumn(string header) => new(
        $"列“{Clip(header)}”出现了两次：请删除其中一列。",
        $"Column '{Clip(header)}' appears twice: delete one of them.");

    public static LocalizedText MissingColumn(string header) => new(
        $"缺少必填列“{header}”，本表各行未读取：请在第一行添加该列标题。",
        $"The required column '{header}' is missing, so no row of this sheet was read: add it to the first row.");

    public static LocalizedText EmptyRequired(string header, string? kind) => new(
        $"必填的“{header}”为空，本行未读取：请填写" + (kind is null ? "。" : $"{kind}的标识。"),
        $"The required '{header}' is empty, so this row was not read: fill it in" + (kind is null ? "." : $" with the id of {kind}."));

    public static LocalizedText Spaces(string header, string value) => new(
        $"“{header}”的值“{Clip(value)}”首尾有空格：请删除这些空格。",
        $"'{header}' is '{Clip(value)}', with spaces at its start or end: remove them.");

    public static LocalizedText TextSpaces(string header, string value) => new(
        $"“{header}”的值“{Clip(value)}”首尾有空格，已按原样保留；如非有意，请删除。",
        $"'{header}' is '{Clip(value)}', with spaces at its start or end; kept as typed: remove them unless meant.");

    public static LocalizedText FullWidth(string header, string value, char ch) => new(
        $"“{header}”的值“{Clip(value)}”含全角字符“{ch}”（U+{(int)ch:X4}）：标识请用半角字符输入" + (ch == '；' ? "，列表用英文分号 ; 分隔。" : "。"),
        $"'{header}' is '{Clip(value)}', which holds the full-width character '{ch}' (U+{(int)ch:X4}): type ids with half-width characters" + (ch == '；' ? " and separate list items with ';'." : "."));

    public static LocalizedText BadId(string header, string value) => new(
        $"“{header}”的值“{Clip(value)}”不是有效的标识：标识不能包含空白字符，请删除空白或改用 - 连接。",
        $"'{header}' is '{Clip(value)}', not a valid id: ids contain no whitespace; remove it or join the words with '-'.");

    public static LocalizedText BadEnum(string header, string value, EnumTable table) => new(
        $"“{header}”的值“{Clip(value)}”无效：请从下拉列表中选择，可选值：{table.Describe()}（中文名称也可）。",
        $"'{header}' is '{Clip(value)}', which is not allowed: pick one from the drop-down list: {table.Describe()} (the Chinese names are accepted too).");

    public static LocalizedText BadBoolean(string header, string value) => new(
        $"“{header}”的值“{Clip(value)}”无效：请填写 true 或 false（也可填 是 或 否）。",
        $"'{header}' is '{Clip(value)}': write true or false (是 or 否 are accepted too).");

    public static LocalizedText NotNumber(string header, string value) => new(
        $"“{header}”的值“{Clip(value)}”不是数字：请填写半角数字，如 1200000 或 0.5。",
        $"'{header}' is '{Clip(value)}', not a number: write a number with half-width digits, such as 1200000 or 0.5.");

    public static LocalizedText NotWhole(string header, string value) => new(
        $"“{header}”的值“{Clip(value)}”不是整数：请填写整数。",
        $"'{header}' is '{Clip(value)}', not a whole number: write a whole number.");

    public static LocalizedText NumberAsText(string header, string value) => new(
        $"“{header}”的数字“{Clip(value)}”是以文本形式输入的，已按数字读取：请把该单元格设为数字格式。",
        $"'{header}' holds the number '{Clip(value)}' typed as text; it is read as a number: format the cell as a number.");

    public static LocalizedText BadDate(string header, string value) => new(
        $"“{header}”的值“{Clip(value)}”不是 YYYY-MM-DD 格式的日期：请改为如 2016-04-08 的形式。",
        $"'{header}' is '{Clip(value)}', not a date in the form YYYY-MM-DD: write it like 2016-04-08.");

    public static LocalizedText UnknownOwner(string header, string id, string sheet) => new(
        $"“{header}”引用的“{Clip(id)}”不在“{sheet}”工作表中：请改正标识，或先在“{sheet}”工作表中添加它。",
        $"'{header}' names '{Clip(id)}', which is not in the '{sheet}' sheet: correct the id, or add it to that sheet first.");

    public static LocalizedText UnknownElement(string header, string id) => new(
        $"“{header}”引用的“{Clip(id)}”不是任何元素的标识：请改正标识，或先在相应的工作表中添加该元素。",
        $"'{header}' names '{Clip(id)}', which is the id of no element: correct the id, or add the element to its sheet first.");

    public static LocalizedText RepeatedRow(string header, string id, SourceLocation first) => new(
        $"“{Clip(id)}”在本表已有一行（{first}）：每个{header}只能有一行，请合并这两行。",
        $"'{Clip(id)}' already has a row in this sheet ({first}): each {header} has one row; merge the two.");

    public static LocalizedText RepeatedProperty(string name, string id) => new(
        $"元素“{Clip(id)}”的扩展属性“{Clip(name)}”出现了两次：请删除其中一行。",
        $"Property '{Clip(name)}' of element '{Clip(id)}' is given twice: delete one of the rows.");

    public static LocalizedText UnknownModelKey(string key) => new(
        $"模型属性“{Clip(key)}”未知，已忽略：可用的属性为 id、name、description、language、asOf、settings.…、targets.…（见“说明”工作表）。",
        $"Model key '{Clip(key)}' is unknown and ignored: use id, name, description, language, asOf, settings.… or targets.… (see the Readme sheet).");

    public static LocalizedText BadLanguage(string value) => new(
        $"语言“{Clip(value)}”无效：请填写 zh-CN 或 en。",
        $"Language '{Clip(value)}' is not valid: write zh-CN or en.");

    public static LocalizedText BadSeverity(string value) => new(
        $"严重级别“{Clip(value)}”无效：请填写 off、info、warning 或 error。",
        $"Severity '{Clip(value)}' is not valid: write off, info, warning or error.");

    public static LocalizedText Hint(string code) => code switch
    {
        DiagnosticCodes.UnknownReference => new("请改正标识，或先在相应的工作表中添加该元素。", "Correct the id, or add the element to its sheet first."),
        DiagnosticCodes.DuplicateId => new("请给其中一行换一个标识。", "Give one of the rows another id."),
        DiagnosticCodes.WrongKindReference => new("请填写正确类型元素的标识。", "Give the id of an element of the right kind."),
        _ => new("", ""),
    };
}
