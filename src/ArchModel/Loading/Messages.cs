using ArchModel.Diagnostics;

namespace ArchModel.Loading;

/// <summary>The loading and validation messages, Chinese beside English so the two stay in step.</summary>
internal static class Messages
{
    /// <summary>Shortens text from the model (a hostile file may hold a 10 MB name) to what a message can show.</summary>
    private static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");

    public static LocalizedText EmptyFile() => new(
        "文件为空：模型文件必须是一个 JSON 对象。",
        "The file is empty: a model file must hold one JSON object.");

    public static LocalizedText Truncated() => new(
        "文件意外结束：JSON 不完整（可能被截断，或缺少右括号、引号）。",
        "Unexpected end of file: the JSON is incomplete (truncated, or a closing bracket or quote is missing).");

    public static LocalizedText Comment() => new(
        "JSON 不允许注释：请删除注释，或把说明写进 description 属性。",
        "Comments are not JSON: remove the comment, or put the text in a 'description' property.");

    public static LocalizedText TrailingComma() => new(
        "JSON 不允许尾随逗号：请删除最后一项后面的逗号。",
        "Trailing commas are not JSON: remove the comma after the last item.");

    public static LocalizedText TooDeep(int max) => new(
        $"JSON 嵌套过深（超过 {max} 层）：模型文件不需要这么深的结构。",
        $"The JSON is nested too deeply (more than {max} levels); no model file needs that.");

    public static LocalizedText InvalidUtf8() => new(
        "文本无效：文件不是有效的 UTF-8 编码（请以 UTF-8 保存），或字符串中有不成对的 \\u 代理项转义。",
        "The text is not valid: the file is not valid UTF-8 (save it as UTF-8), or a string holds an unpaired \\u surrogate escape.");

    public static LocalizedText Syntax(string detail) => new(
        $"JSON 语法错误：{detail}",
        $"Invalid JSON: {detail}");

    public static LocalizedText FullWidthCharacter(string character, string ascii) => new(
        $"JSON 语法错误：此处的“{character}”是全角字符，JSON 只接受半角（ASCII）的“{ascii}”：请切换到英文输入法重新输入。",
        $"Invalid JSON: '{character}' here is a full-width character; JSON needs the ASCII '{ascii}' (switch the input method to English and retype it).");

    public static LocalizedText UnexpectedCharacter(string character, int codePoint) => new(
        $"JSON 语法错误：此处不应出现字符“{character}”（U+{codePoint:X4}）；字符只能出现在引号内的字符串中。",
        $"Invalid JSON: the character '{character}' (U+{codePoint:X4}) cannot appear here; text belongs inside a quoted string.");

    public static LocalizedText IncludeBadPath(string include) => new(
        $"包含路径“{Clip(include.Replace("\0", "\\0", StringComparison.Ordinal))}”含有空字符（\\0），不是有效的路径。",
        $"Include '{Clip(include.Replace("\0", "\\0", StringComparison.Ordinal))}' holds a null character (\\0) and is not a valid path.");

    public static LocalizedText DuplicateKey(string name) => new(
        $"同一对象中属性“{Clip(name)}”出现了两次：JSON 对象的键必须唯一。",
        $"Property '{Clip(name)}' appears twice in one object: keys must be unique.");

    public static LocalizedText RootNotObject() => new(
        "文件的根必须是 JSON 对象 { … }。",
        "The file's root must be a JSON object { … }.");

    public static LocalizedText UnknownProperty(string name, string where, string? suggestion) =>
        UnknownProperty(name, LocalizedText.Neutral(where), suggestion);

    public static LocalizedText UnknownProperty(string name, LocalizedText where, string? suggestion) => new(
        $"{where.Chinese} 中的属性“{Clip(name)}”未知，将被忽略。" + (suggestion is null ? "" : $"是否应为“{suggestion}”？"),
        $"Unknown property '{Clip(name)}' in {where.English}; it is ignored." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    public static LocalizedText RootOnlyProperty(string name) => new(
        $"属性“{Clip(name)}”只能写在根模型文件中，在被包含的文件中将被忽略。",
        $"Property '{Clip(name)}' belongs in the root model file only; in an included file it is ignored.");

    public static LocalizedText MissingProperty(string name, string where) => MissingProperty(name, LocalizedText.Neutral(where));

    public static LocalizedText MissingProperty(string name, LocalizedText where) => new(
        $"{where.Chinese} 缺少必需属性“{Clip(name)}”。",
        $"{where.English} is missing the required property '{Clip(name)}'.");

    public static LocalizedText WrongType(string name, string expected, string actual) => new(
        $"属性“{Clip(name)}”应为{ZhType(expected)}，实际为{ZhType(actual)}。",
        $"Property '{Clip(name)}' must be {EnType(expected)}, not {EnType(actual)}.");

    public static LocalizedText UnknownEnum(string name, string value, IEnumerable<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return new($"属性“{Clip(name)}”的值“{Clip(value)}”无效，可选值：{list}。", $"'{Clip(value)}' is not a valid value of '{Clip(name)}'; use one of: {list}.");
    }

    public static LocalizedText NotWhole(string name, string value) => new(
        $"属性“{Clip(name)}”必须是整数，实际为 {Clip(value)}。",
        $"Property '{Clip(name)}' must be a whole number, not {Clip(value)}.");

    public static LocalizedText OutOfRange(string name, string value, string range) => new(
        $"属性“{Clip(name)}”的值 {Clip(value)} 超出范围（{range}）。",
        $"Property '{Clip(name)}' is {Clip(value)}, outside its range ({range}).");

    public static LocalizedText EmptyText(string name) => new(
        $"属性“{Clip(name)}”不能为空。",
        $"Property '{Clip(name)}' must not be empty.");

    public static LocalizedText BadId(string id) => new(
        $"标识“{Clip(id)}”无效：标识不能为空，也不能包含空白字符。",
        $"Id '{Clip(id)}' is not valid: an id must be non-empty and contain no whitespace.");

    public static LocalizedText BadDate(string name, string value) => new(
        $"属性“{Clip(name)}”的值“{Clip(value)}”不是有效的 YYYY-MM-DD 日期。",
        $"Property '{Clip(name)}' is '{Clip(value)}', not a valid date in the form YYYY-MM-DD.");

    public static LocalizedText BadRuleCode(string value) => new(
        $"规则代码“{Clip(value)}”无效，应形如 AM1001。",
        $"'{Clip(value)}' is not a rule code; codes look like AM1001.");

    public static LocalizedText UnknownMetric(string name) => new(
        $"目标中的指标“{Clip(name)}”未知，将被忽略。可用指标：{string.Join(", ", Model.MetricNames.All)}。",
        $"Target '{Clip(name)}' names no metric and is ignored. Metrics: {string.Join(", ", Model.MetricNames.All)}.");

    public static LocalizedText DuplicateId(string id, SourceLocation? first) => new(
        $"标识“{Clip(id)}”重复" + (first is null ? "。" : $"，首次定义于 {first}。"),
        $"Duplicate id '{Clip(id)}'" + (first is null ? "." : $"; it is first defined at {first}."));

    public static LocalizedText FormerIdInUse(string id) => new(
        $"曾用标识“{Clip(id)}”与模型中现有的标识或另一元素的曾用标识重复。",
        $"Former id '{Clip(id)}' is also a current id, or another element's former id, in this model.");

    public static LocalizedText UnknownReference(string field, string id, string expectedZh, string expectedEn) => new(
        $"属性“{Clip(field)}”引用的{expectedZh}“{Clip(id)}”不存在。",
        $"Property '{Clip(field)}' references unknown {expectedEn} '{Clip(id)}'.");

    public static LocalizedText WrongKindReference(string field, string id, string expectedZh, string expectedEn, string actualZh, string actualEn) => new(
        $"属性“{Clip(field)}”应引用{expectedZh}，但“{Clip(id)}”是{actualZh}。",
        $"Property '{Clip(field)}' must reference {Article(expectedEn)} {expectedEn}, but '{Clip(id)}' is {Article(actualEn)} {actualEn}.");

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    public static LocalizedText ParentCycle(string kindZh, string kindEn, IEnumerable<string> cycle)
    {
        var path = string.Join(" → ", cycle);
        return new($"{kindZh}的上级关系形成循环：{path}。", $"The parent chain of {kindEn} forms a cycle: {path}.");
    }

    public static LocalizedText IncludeMissing(string include) => new(
        $"包含的文件“{Clip(include)}”不存在。",
        $"Included file '{Clip(include)}' does not exist.");

    public static LocalizedText IncludeUnreadable(string include, LocalizedText reason) => new(
        $"无法读取包含的文件“{Clip(include)}”：{reason.Chinese}",
        $"Included file '{Clip(include)}' cannot be read: {reason.English}");

    public static LocalizedText IncludeEscapes(string include) => new(
        $"包含路径“{Clip(include)}”超出了根模型文件所在的文件夹，已拒绝。",
        $"Include '{Clip(include)}' leads outside the root model file's folder and is refused.");

    public static LocalizedText IncludeMatchesNothing(string include) => new(
        $"包含模式“{Clip(include)}”没有匹配任何文件。",
        $"Include pattern '{Clip(include)}' matches no file.");

    public static LocalizedText IncludeCycle(string include) => new(
        $"包含“{Clip(include)}”形成循环（该文件已在包含链中），已跳过。",
        $"Include '{Clip(include)}' forms a cycle (the file is already being included) and is skipped.");

    public static LocalizedText IncludeFromStream(string include) => new(
        $"包含“{Clip(include)}”已拒绝：从流或文本读取的模型没有所在文件夹，请给出包含文件所在的文件夹，或改为从文件加载。",
        $"Include '{Clip(include)}' is refused: a model read from a stream or text has no folder; give the folder its includes are in, or load it from its file.");

    public static LocalizedText IncludeTooDeep(int max) => new(
        $"包含嵌套超过 {max} 层，已停止。",
        $"Includes are nested more than {max} levels deep; stopped.");

    public static LocalizedText RootUnreadable(string file, LocalizedText reason) => new(
        $"无法读取模型文件“{file}”：{reason.Chinese}",
        $"Model file '{file}' cannot be read: {reason.English}");

    public static LocalizedText UnsupportedVersion(string version) => new(
        $"不支持的格式版本“{Clip(version)}”：本版本的 ArchModel 读取 formatVersion \"1\"。",
        $"Unsupported formatVersion '{Clip(version)}': this version of ArchModel reads formatVersion \"1\".");

    public static LocalizedText SelfFlow(string id, string system) => new(
        $"数据流“{Clip(id)}”的来源和去向是同一个系统“{Clip(system)}”。",
        $"Flow '{Clip(id)}' goes from system '{Clip(system)}' to itself.");

    private static string ZhType(string type) => type switch
    {
        "string" => "字符串",
        "number" => "数字",
        "integer" => "整数",
        "boolean" => "布尔值（true 或 false）",
        "object" => "对象",
        "array" => "数组",
        "null" => "null",
        "scalar" => "字符串、数字或布尔值",
        _ => type,
    };

    private static string EnType(string type) => type switch
    {
        "string" => "a string",
        "number" => "a number",
        "integer" => "a whole number",
        "boolean" => "true or false",
        "object" => "an object",
        "array" => "an array",
        "null" => "null",
        "scalar" => "a string, a number or true/false",
        _ => type,
    };

    // "Did you mean": the closest ids or names of the right kind (Diagnostics/DidYouMean.cs), added to the message about
    // an unknown reference, an unknown agency of an agency view, or an unknown view name.

    public static LocalizedText WithClosest(LocalizedText message, IReadOnlyList<string> closest) => closest.Count == 0 ? message : new(
        message.Chinese + $"是否指{string.Join("或", closest.Select(static c => $"“{Clip(c)}”"))}？",
        message.English + $" Did you mean {string.Join(" or ", closest.Select(static c => $"'{Clip(c)}'"))}?");

    public static LocalizedText UnknownAgency(string id, IReadOnlyList<string> closest) => WithClosest(new(
        $"模型中没有机构“{Clip(id)}”。", $"The model has no agency '{Clip(id)}'."), closest);

    public static LocalizedText UnknownView(string name, IReadOnlyList<string> closest, IReadOnlyList<string> names) => WithClosest(new(
        $"未知视图“{Clip(name)}”；可用视图：{string.Join(", ", names)}。", $"Unknown view '{Clip(name)}'; views: {string.Join(", ", names)}."), closest);
}
