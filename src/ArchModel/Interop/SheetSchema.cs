using System.Text;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Interop;

/// <summary>What a spreadsheet column holds, and so how a cell of it is read.</summary>
public enum ColumnType
{
    /// <summary>An element's id: non-empty, no whitespace, no full-width characters.</summary>
    Id,
    /// <summary>Free text, kept exactly as typed.</summary>
    Text,
    /// <summary>The id of another element.</summary>
    Reference,
    /// <summary>Ids separated by <c>;</c>.</summary>
    ReferenceList,
    /// <summary>Texts separated by <c>;</c>.</summary>
    TextList,
    /// <summary>One value of a fixed list; the JSON spelling or a Chinese name of the table in docs/spreadsheets.md.</summary>
    Enum,
    /// <summary>Values of a fixed list separated by <c>;</c>.</summary>
    EnumList,
    /// <summary><c>true</c>/<c>false</c> (also <c>是</c>/<c>否</c>, or a spreadsheet's TRUE/FALSE).</summary>
    Boolean,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A date, <c>YYYY-MM-DD</c>.</summary>
    Date,
}

/// <summary>One column of a sheet: its JSON key, its title in both languages, what it holds and what it means.</summary>
/// <param name="Key">The JSON property it holds (<c>owner</c>).</param>
/// <param name="Title">The title people read (<c>所属机构</c> / <c>Owner</c>).</param>
/// <param name="Type">What a cell holds.</param>
/// <param name="Required">Whether a row needs a value.</param>
/// <param name="Meaning">What the column means, in words (the readme sheet and docs/spreadsheets.md show it).</param>
/// <param name="Refers">The kind a reference names, when it names one kind.</param>
/// <param name="Values">The allowed values of an enum column, with their Chinese names.</param>
public sealed record SheetColumn(string Key, LocalizedText Title, ColumnType Type, bool Required, LocalizedText Meaning,
    ElementKind? Refers = null, EnumTable? Values = null)
{
    /// <summary>The header cell: <c>显示名 (jsonKey)</c>, such as <c>所属机构 (owner)</c> or <c>Owner (owner)</c>.</summary>
    public string Header(Language language) => $"{Title[language]} ({Key})";
}

/// <summary>One sheet of the workbook (one CSV file): an element kind, a nested object's rows keyed by their owner, or the model's settings.</summary>
/// <param name="Key">The JSON key (<c>systems</c>; <c>systemComponents</c> for a nested object).</param>
/// <param name="Title">The sheet's name in each language (<c>系统</c> / <c>Systems</c>).</param>
/// <param name="Meaning">What one row is.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Kind">The element kind of an element sheet; <see langword="null"/> for the others.</param>
public sealed record SheetDefinition(string Key, LocalizedText Title, LocalizedText Meaning, IReadOnlyList<SheetColumn> Columns, ElementKind? Kind = null)
{
    /// <summary>The column of a key, or <see langword="null"/>.</summary>
    public SheetColumn? Column(string key) => Columns.FirstOrDefault(c => c.Key == key);
}

/// <summary>The values of one enum: JSON spelling, Chinese name, and the other names an agency may type.</summary>
public sealed class EnumTable
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A table whose Chinese names are the terminology table's (<c>prefix.json</c> keys, Localization/Terms.cs),
    /// so that a workbook says 市级 where a report does; the names the table gave before stay accepted on import.</summary>
    internal EnumTable(string name, string termPrefix, params (string Json, string Chinese, string[] Also)[] values)
        : this(name, values.Select(v => Texts.Table(Language.Chinese).Find(termPrefix + "." + v.Json) is { } term && term != v.Chinese
            ? (v.Json, term, (string[])[v.Chinese, .. v.Also.Where(x => x != term)])
            : v).ToArray())
    {
    }

    internal EnumTable(string name, params (string Json, string Chinese, string[] Also)[] values)
    {
        Name = name;
        Values = values.Select(static v => new EnumValue(v.Json, v.Chinese, v.Also)).ToArray();
        foreach (var value in Values)
        {
            _byName[value.Json] = value.Json;
            _byName[value.Chinese] = value.Json;
            foreach (var also in value.Also)
            {
                _byName[also] = value.Json;
            }
        }
    }

    /// <summary>The enum's name in the model format (<c>level</c>).</summary>
    public string Name { get; }

    /// <summary>The values, in the format's order.</summary>
    public IReadOnlyList<EnumValue> Values { get; }

    /// <summary>The JSON spelling of a typed value: the JSON spelling (any case), the Chinese name or another accepted name.</summary>
    public string? Resolve(string typed) => _byName.GetValueOrDefault(typed);

    /// <summary>The JSON spellings.</summary>
    public IEnumerable<string> JsonValues => Values.Select(static v => v.Json);

    /// <summary>The list a message shows: <c>national (国家级), provincial (省级), …</c>.</summary>
    public string Describe() => string.Join(", ", Values.Select(static v => $"{v.Json} ({v.Chinese})"));
}

/// <summary>One value of an <see cref="EnumTable"/>.</summary>
/// <param name="Json">The JSON spelling.</param>
/// <param name="Chinese">The Chinese name.</param>
/// <param name="Also">Other names accepted on import.</param>
public sealed record EnumValue(string Json, string Chinese, IReadOnlyList<string> Also);

/// <summary>
/// The sheets of the spreadsheet form of a model (docs/spreadsheets.md): the tables both export and import use, and the
/// column reference of the docs is generated from.
/// </summary>
public static class SheetSchema
{
    /// <summary>Levels of government.</summary>
    public static EnumTable Level { get; } = new("level", "level",
        ("national", "国家级", ["国家", "中央"]), ("provincial", "省级", ["省"]), ("municipal", "地市级", ["市级", "地级", "市"]),
        ("county", "县级", ["区县级", "县", "区县"]), ("township", "乡镇级", ["乡镇", "街道"]));

    /// <summary>Kinds of agency.</summary>
    public static EnumTable AgencyKindValues { get; } = new("kind", "agency-kind",
        ("government", "人民政府", ["政府"]), ("department", "部门", ["政府部门"]), ("party", "党委机关", ["党委"]),
        ("institution", "事业单位", []), ("other", "其他", []));

    /// <summary>Kinds of network.</summary>
    public static EnumTable NetworkKindValues { get; } = new("kind", "network-kind",
        ("intranet", "政务内网", ["内网"]), ("extranet", "政务外网", ["外网"]), ("dedicated", "业务专网", ["专网"]),
        ("internet", "互联网", []), ("other", "其他", []));

    /// <summary>How networks are joined.</summary>
    public static EnumTable Via { get; } = new("via", "link-via",
        ("gateway", "网关", ["防火墙"]), ("isolation", "网闸", ["隔离"]), ("direct", "直连", []));

    /// <summary>Kinds of platform.</summary>
    public static EnumTable PlatformKindValues { get; } = new("kind", "platform-kind",
        ("cloud", "云平台", ["政务云", "云"]), ("datacenter", "数据中心", ["机房"]));

    /// <summary>A system's life.</summary>
    public static EnumTable SystemStatusValues { get; } = new("status", "system-status",
        ("planned", "规划中", ["规划", "拟建"]), ("building", "建设中", ["在建"]), ("operational", "运行中", ["运行", "在用", "运营"]),
        ("retiring", "即将下线", ["拟下线", "待下线"]), ("retired", "已下线", ["下线", "停用", "已停用"]));

    /// <summary>Component categories.</summary>
    public static EnumTable Category { get; } = new("category", "component",
        ("chip", "芯片", []), ("server", "服务器", []), ("os", "操作系统", []), ("database", "数据库", []), ("middleware", "中间件", []),
        ("office", "办公软件", []), ("security", "安全产品", []), ("network", "网络设备", []), ("application", "应用软件", []),
        ("other", "其他", []));

    /// <summary>Component origins.</summary>
    public static EnumTable Origin { get; } = new("origin", "origin",
        ("domestic", "国产", []), ("foreign", "国外", ["进口"]), ("unknown", "未知", []));

    /// <summary>Data resource categories.</summary>
    public static EnumTable ResourceCategoryValues { get; } = new("category", "category",
        ("population", "人口", []), ("legal-entity", "法人", []), ("geospatial", "地理空间", ["自然资源和空间地理"]),
        ("economy", "宏观经济", ["经济"]), ("credit", "信用", ["社会信用"]), ("license", "证照", ["电子证照"]), ("other", "其他", []));

    /// <summary>Sharing levels.</summary>
    public static EnumTable Sharing { get; } = new("sharing", "sharing",
        ("unconditional", "无条件共享", []), ("conditional", "有条件共享", []), ("none", "不予共享", []));

    /// <summary>Flow modes.</summary>
    public static EnumTable Mode { get; } = new("mode", "flow-mode",
        ("api", "接口", []), ("batch", "批量", []), ("file", "文件", []), ("message", "消息", []), ("manual", "人工", []));

    /// <summary>A flow's life.</summary>
    public static EnumTable FlowStatusValues { get; } = new("status", "flow-status",
        ("planned", "规划中", ["规划"]), ("active", "运行中", ["运行", "在用"]), ("retired", "已停用", ["停用"]));

    /// <summary>Service channels.</summary>
    public static EnumTable Channel { get; } = new("channels", "channel",
        ("web", "网站", []), ("mobile", "移动应用", ["APP"]), ("wechat", "微信", []), ("counter", "窗口", []), ("hotline", "热线", []),
        ("kiosk", "自助终端", []), ("other", "其他", []));

    /// <summary>Project stages.</summary>
    public static EnumTable Stage { get; } = new("stage", "stage",
        ("proposed", "申报", []), ("approved", "批复", ["已批复"]), ("building", "建设", []), ("accepted", "验收", ["已验收"]),
        ("evaluated", "绩效评价", ["已评价"]), ("cancelled", "撤销", ["已撤销"]));

    /// <summary>The type of an extension property's value.</summary>
    public static EnumTable PropertyType { get; } = new("type",
        ("string", "文本", []), ("number", "数字", []), ("boolean", "布尔", []));

    // A column before its texts: its title and meaning are read from the tables by the sheet's and the column's key
    // (sheet-col.<sheet>.<column>, else sheet-col.<column>; docs/localization.md).
    private sealed record Col(string Key, ColumnType Type, bool Required, ElementKind? Refers = null, EnumTable? Values = null);

    private static SheetDefinition Sheet(string key, ElementKind? kind, params Col[] columns) =>
        new(key, Texts.Of("sheet-name." + key), Texts.Of("sheet-name." + key + ".meaning"),
            [.. columns.Select(c => new SheetColumn(c.Key, ColumnText(key, c.Key, ""), c.Type, c.Required, ColumnText(key, c.Key, ".meaning"), c.Refers, c.Values))],
            kind);

    private static LocalizedText ColumnText(string sheet, string column, string suffix) =>
        Texts.Has($"sheet-col.{sheet}.{column}{suffix}") ? Texts.Of($"sheet-col.{sheet}.{column}{suffix}") : Texts.Of($"sheet-col.{column}{suffix}");

    private static readonly Col IdColumn = new("id", ColumnType.Id, true);

    private static readonly Col NameColumn = new("name", ColumnType.Text, true);

    private static Col Owner(string key, bool required) => new(key, ColumnType.Reference, required, ElementKind.Agency);

    private static readonly Col[] Common =
    [
        new("description", ColumnType.Text, false),
        new("tags", ColumnType.TextList, false),
        new("formerIds", ColumnType.ReferenceList, false),
    ];

    /// <summary>The model sheet: one row per setting (key, value).</summary>
    public static SheetDefinition ModelSheet { get; } = Sheet("model", null,
        new("key", ColumnType.Text, true),
        new("value", ColumnType.Text, false));

    /// <summary>Extension properties: one row per element and name.</summary>
    public static SheetDefinition PropertiesSheet { get; } = Sheet("properties", null,
        new("element", ColumnType.Reference, true),
        new("name", ColumnType.Text, true),
        new("value", ColumnType.Text, false),
        new("type", ColumnType.Enum, false, Values: PropertyType));

    /// <summary>The readme sheet: what each column means.</summary>
    public static SheetDefinition ReadmeSheet { get; } = Sheet("readme", null,
        new("sheet", ColumnType.Text, false),
        new("column", ColumnType.Text, false),
        new("type", ColumnType.Text, false),
        new("required", ColumnType.Text, false),
        new("meaning", ColumnType.Text, false),
        new("values", ColumnType.Text, false));

    /// <summary>Every sheet of the workbook, in order: the model sheet, the element kinds with their nested objects, suppressions, properties.</summary>
    public static IReadOnlyList<SheetDefinition> Sheets { get; } =
    [
        ModelSheet,
        Sheet("capabilities", ElementKind.Capability,
        [
            IdColumn, NameColumn,
            new("parent", ColumnType.Reference, false, ElementKind.Capability),
            new("shareable", ColumnType.Boolean, false),
            .. Common,
        ]),
        Sheet("agencies", ElementKind.Agency,
        [
            IdColumn, NameColumn,
            new("level", ColumnType.Enum, true, Values: Level),
            new("region", ColumnType.Text, false),
            new("sector", ColumnType.Text, false),
            new("parent", ColumnType.Reference, false, ElementKind.Agency),
            new("kind", ColumnType.Enum, false, Values: AgencyKindValues),
            .. Common,
        ]),
        Sheet("networks", ElementKind.Network,
        [
            IdColumn, NameColumn,
            new("kind", ColumnType.Enum, true, Values: NetworkKindValues),
            new("classified", ColumnType.Boolean, false),
            Owner("owner", false),
            .. Common,
        ]),
        Sheet("networkLinks", null,
            new("network", ColumnType.Reference, true, ElementKind.Network),
            new("to", ColumnType.Reference, true, ElementKind.Network),
            new("via", ColumnType.Enum, true, Values: Via)),
        Sheet("platforms", ElementKind.Platform,
        [
            IdColumn, NameColumn,
            new("kind", ColumnType.Enum, true, Values: PlatformKindValues),
            new("shared", ColumnType.Boolean, false),
            Owner("owner", false),
            new("region", ColumnType.Text, false),
            new("networks", ColumnType.ReferenceList, false, ElementKind.Network),
            .. Common,
        ]),
        Sheet("systems", ElementKind.System,
        [
            IdColumn, NameColumn,
            Owner("owner", true),
            new("aliases", ColumnType.TextList, false),
            new("capabilities", ColumnType.ReferenceList, false, ElementKind.Capability),
            new("status", ColumnType.Enum, false, Values: SystemStatusValues),
            new("usedBy", ColumnType.ReferenceList, false, ElementKind.Agency),
            new("networks", ColumnType.ReferenceList, false, ElementKind.Network),
            new("hosting", ColumnType.Reference, false, ElementKind.Platform),
            new("protectionLevel", ColumnType.Integer, false),
            new("holds", ColumnType.ReferenceList, false, ElementKind.DataResource),
            new("project", ColumnType.Reference, false, ElementKind.Project),
            new("standalone", ColumnType.Boolean, false),
            .. Common,
        ]),
        Sheet("systemUsage", null,
            new("system", ColumnType.Reference, true, ElementKind.System),
            new("registeredUsers", ColumnType.Integer, false),
            new("monthlyActiveUsers", ColumnType.Integer, false)),
        Sheet("systemCosts", null,
            new("system", ColumnType.Reference, true, ElementKind.System),
            new("build", ColumnType.Number, false),
            new("annualOperation", ColumnType.Number, false)),
        Sheet("systemComponents", null,
            new("system", ColumnType.Reference, true, ElementKind.System),
            new("name", ColumnType.Text, true),
            new("category", ColumnType.Enum, false, Values: Category),
            new("origin", ColumnType.Enum, false, Values: Origin),
            new("vendor", ColumnType.Text, false)),
        Sheet("dataResources", ElementKind.DataResource,
        [
            IdColumn, NameColumn,
            Owner("owner", true),
            new("category", ColumnType.Enum, false, Values: ResourceCategoryValues),
            new("sharing", ColumnType.Enum, false, Values: Sharing),
            new("open", ColumnType.Boolean, false),
            new("classified", ColumnType.Boolean, false),
            .. Common,
        ]),
        Sheet("flows", ElementKind.Flow,
        [
            new("id", ColumnType.Id, false),
            new("from", ColumnType.Reference, true, ElementKind.System),
            new("to", ColumnType.Reference, true, ElementKind.System),
            new("carries", ColumnType.ReferenceList, false, ElementKind.DataResource),
            new("via", ColumnType.ReferenceList, false, ElementKind.Network),
            new("mode", ColumnType.Enum, false, Values: Mode),
            new("status", ColumnType.Enum, false, Values: FlowStatusValues),
            .. Common,
        ]),
        Sheet("services", ElementKind.Service,
        [
            IdColumn, NameColumn,
            Owner("provider", true),
            new("systems", ColumnType.ReferenceList, false, ElementKind.System),
            new("channels", ColumnType.EnumList, false, Values: Channel),
            .. Common,
        ]),
        Sheet("projects", ElementKind.Project,
        [
            IdColumn, NameColumn,
            Owner("agency", true),
            new("budget", ColumnType.Number, false),
            new("year", ColumnType.Integer, false),
            new("stage", ColumnType.Enum, false, Values: Stage),
            new("delivers", ColumnType.ReferenceList, false, ElementKind.System),
            .. Common,
        ]),
        Sheet("suppressions", null,
            new("rule", ColumnType.Text, true),
            new("elements", ColumnType.ReferenceList, true),
            new("justification", ColumnType.Text, true)),
        PropertiesSheet,
    ];

    /// <summary>The sheet whose name is <paramref name="name"/>: its title in either language, its key, or <c>title (key)</c>.</summary>
    public static SheetDefinition? FindSheet(string name)
    {
        var trimmed = name.Trim();
        var key = KeyOf(trimmed);
        return Sheets.Append(ReadmeSheet).FirstOrDefault(s =>
            s.Key == trimmed || s.Key == key || s.Title.Chinese == trimmed
            || Texts.All.Skip(1).Any(t => s.Title[t.Language].Equals(trimmed, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The key in <c>显示名 (key)</c>, or <see langword="null"/>.</summary>
    internal static string? KeyOf(string header)
    {
        var text = header.Trim();
        if (!text.EndsWith(')') && !text.EndsWith('）'))
        {
            return null;
        }
        var open = Math.Max(text.LastIndexOf('('), text.LastIndexOf('（'));
        return open < 0 ? null : text[(open + 1)..^1].Trim();
    }

    /// <summary>A column type as the readme and the docs name it (<c>sheet-type.*</c>).</summary>
    public static LocalizedText TypeName(SheetColumn column) => column.Type switch
    {
        ColumnType.Reference or ColumnType.ReferenceList when column.Refers is { } kind =>
            LocalizedText.Compose((key: column.Type == ColumnType.Reference ? "sheet-type.reference-kind" : "sheet-type.reference-list-kind", title: KindTitle(kind)),
                // The sheet's title in the middle of the words: "reference (systems)"; a language without capitals keeps it.
                static (s, language) => Texts.Format(s.key, language, s.title[language].ToLowerInvariant())),
        ColumnType.Id => Texts.Of("sheet-type.id"),
        ColumnType.Text => Texts.Of("sheet-type.text"),
        ColumnType.Reference => Texts.Of("sheet-type.reference"),
        ColumnType.ReferenceList => Texts.Of("sheet-type.reference-list"),
        ColumnType.TextList => Texts.Of("sheet-type.text-list"),
        ColumnType.Enum => Texts.Of("sheet-type.enum"),
        ColumnType.EnumList => Texts.Of("sheet-type.enum-list"),
        ColumnType.Boolean => Texts.Of("sheet-type.boolean"),
        ColumnType.Integer => Texts.Of("sheet-type.integer"),
        ColumnType.Number => Texts.Of("sheet-type.number"),
        ColumnType.Date => Texts.Of("sheet-type.date"),
        _ => LocalizedText.Neutral(""),
    };

    /// <summary>The title of the sheet of an element kind.</summary>
    public static LocalizedText KindTitle(ElementKind kind) => Sheets.First(s => s.Kind == kind).Title;

    /// <summary>The allowed values as the readme shows them: <c>county（县级；也可：区县级、县、区县）</c>.</summary>
    public static string ValuesText(SheetColumn column, Language language)
    {
        if (column.Values is not { } table)
        {
            return column.Type == ColumnType.Boolean ? Texts.Get("sheet-values.boolean", language) : "";
        }
        // The Chinese names are data (what the import accepts), shown as they are in every language.
        return string.Join(Texts.Get("sheet-values.sep", language), table.Values.Select(v => v.Also.Count == 0
            ? Texts.Format("sheet-values.item", language, v.Json, v.Chinese)
            : Texts.Format("sheet-values.item-also", language, v.Json, v.Chinese, string.Join(Texts.Get("p.sep", language), v.Also))));
    }

    /// <summary>
    /// The column reference of docs/spreadsheets.md, generated from these tables (a test keeps the docs equal to it).
    /// </summary>
    public static string MarkdownReference()
    {
        var md = new StringBuilder();
        foreach (var sheet in Sheets)
        {
            md.Append($"### {sheet.Title.Chinese} / {sheet.Title.English} (`{sheet.Key}`)\n\n{sheet.Meaning.English}.\n\n");
            md.Append("| header (zh-CN) | header (en) | type | required | meaning | values (Chinese names accepted) |\n");
            md.Append("| --- | --- | --- | --- | --- | --- |\n");
            foreach (var c in sheet.Columns)
            {
                md.Append($"| `{c.Header(Language.Chinese)}` | `{c.Header(Language.English)}` | {TypeName(c).English} | {(c.Required ? "yes" : "")} | {Escape(c.Meaning.English)} | {Escape(ValuesText(c, Language.English))} |\n");
            }
            md.Append('\n');
        }
        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
