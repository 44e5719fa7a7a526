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

    public static LocalizedText Syntax(string detail) => Texts.Of("load.syntax", detail);

    public static LocalizedText FullWidthCharacter(string character, string ascii) => Texts.Of("load.full-width-character", character, ascii);

    public static LocalizedText UnexpectedCharacter(string character, int codePoint) => new(
        $"JSON 语法错误：此处不应出现字符“{character}”（U+{codePoint:X4}）；字符只能出现在引号内的字符串中。",
        $"Invalid JSON: the character '{character}' (U+{codePoint:X4}) cannot appear here; text belongs inside a quoted string.");

    public static LocalizedText IncludeBadPath(string include) => new(
        $"包含路径“{Clip(include.Replace("\0", "\\0", StringComparison.Ordinal))}”含有空字符（\\0），不是有效的路径。",
        $"Include '{Clip(include.Replace("\0", "\\0", StringComparison.Ordinal))}' holds a null character (\\0) and is not a valid path.");

    public static LocalizedText DuplicateKey(string name) => Texts.Of("load.duplicate-key", Clip(name));

    public static LocalizedText RootNotObject() => Texts.Of("load.root-not-object");

    public static LocalizedText UnknownProperty(string name, string where, string? suggestion) =>
        UnknownProperty(name, LocalizedText.Neutral(where), suggestion);

    public static LocalizedText UnknownProperty(string name, LocalizedText where, string? suggestion) => new(
        $"{where.Chinese} 中的属性“{Clip(name)}”未知，将被忽略。" + (suggestion is null ? "" : $"是否应为“{suggestion}”？"),
        $"Unknown property '{Clip(name)}' in {where.English}; it is ignored." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"));

    public static LocalizedText RootOnlyProperty(string name) => Texts.Of("load.root-only-property", Clip(name));

    public static LocalizedText MissingProperty(string name, string where) => MissingProperty(name, LocalizedText.Neutral(where));

    public static LocalizedText MissingProperty(string name, LocalizedText where) => Texts.Of("load.missing-property", where.Chinese, Clip(name), where.English);

    public static LocalizedText WrongType(string name, string expected, string actual) => Texts.Of("load.wrong-type", Clip(name), ZhType(expected), ZhType(actual), EnType(expected), EnType(actual));

    public static LocalizedText UnknownEnum(string name, string value, IEnumerable<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return new($"属性“{Clip(name)}”的值“{Clip(value)}”无效，可选值：{list}。", $"'{Clip(value)}' is not a valid value of '{Clip(name)}'; use one of: {list}.");
    }

    public static LocalizedText NotWhole(string name, string value) => Texts.Of("load.not-whole", Clip(name), Clip(value));

    public static LocalizedText OutOfRange(string name, string value, string range) => Texts.Of("load.out-of-range", Clip(name), Clip(value), range);

    public static LocalizedText EmptyText(string name) => Texts.Of("load.empty-text", Clip(name));

    public static LocalizedText BadId(string id) => Texts.Of("load.bad-id", Clip(id));

    public static LocalizedText BadDate(string name, string value) => Texts.Of("load.bad-date", Clip(name), Clip(value));

    public static LocalizedText BadRuleCode(string value) => Texts.Of("load.bad-rule-code", Clip(value));

    public static LocalizedText UnknownMetric(string name) => new(
        $"目标中的指标“{Clip(name)}”未知，将被忽略。可用指标：{string.Join(", ", Model.MetricNames.All)}。",
        $"Target '{Clip(name)}' names no metric and is ignored. Metrics: {string.Join(", ", Model.MetricNames.All)}.");

    public static LocalizedText DuplicateId(string id, SourceLocation? first) => new(
        $"标识“{Clip(id)}”重复" + (first is null ? "。" : $"，首次定义于 {first}。"),
        $"Duplicate id '{Clip(id)}'" + (first is null ? "." : $"; it is first defined at {first}."));

    public static LocalizedText FormerIdInUse(string id) => Texts.Of("load.former-id-in-use", Clip(id));

    public static LocalizedText UnknownReference(string field, string id, string expectedZh, string expectedEn) => Texts.Of("load.unknown-reference", Clip(field), expectedZh, Clip(id), expectedEn);

    public static LocalizedText WrongKindReference(string field, string id, string expectedZh, string expectedEn, string actualZh, string actualEn) => Texts.Of("load.wrong-kind-reference", Clip(field), expectedZh, Clip(id), actualZh, Article(expectedEn), expectedEn, Article(actualEn), actualEn);

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    public static LocalizedText ParentCycle(string kindZh, string kindEn, IEnumerable<string> cycle)
    {
        var path = string.Join(" → ", cycle);
        return new($"{kindZh}的上级关系形成循环：{path}。", $"The parent chain of {kindEn} forms a cycle: {path}.");
    }

    public static LocalizedText IncludeMissing(string include) => Texts.Of("load.include-missing", Clip(include));

    public static LocalizedText IncludeUnreadable(string include, LocalizedText reason) => Texts.Of("load.include-unreadable", Clip(include), reason.Chinese, reason.English);

    public static LocalizedText IncludeEscapes(string include) => Texts.Of("load.include-escapes", Clip(include));

    public static LocalizedText IncludeMatchesNothing(string include) => Texts.Of("load.include-matches-nothing", Clip(include));

    public static LocalizedText IncludeCycle(string include) => Texts.Of("load.include-cycle", Clip(include));

    public static LocalizedText IncludeFromStream(string include) => Texts.Of("load.include-from-stream", Clip(include));

    public static LocalizedText IncludeTooDeep(int max) => Texts.Of("load.include-too-deep", max);

    public static LocalizedText RootUnreadable(string file, LocalizedText reason) => Texts.Of("load.root-unreadable", file, reason.Chinese, reason.English);

    public static LocalizedText UnsupportedVersion(string version) => Texts.Of("load.unsupported-version", Clip(version));

    public static LocalizedText SelfFlow(string id, string system) => Texts.Of("load.self-flow", Clip(id), Clip(system));

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
