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
    private static LocalizedText T(string zh, string en) => new(zh, en);

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

    private static SheetColumn IdColumn(string zh, string en, string example) => new("id", T("标识", "Id"), ColumnType.Id, true,
        T($"{zh}的唯一标识：不含空白、不用全角字符，全模型唯一（如 {example}）", $"the {en}'s unique id: no whitespace, no full-width characters, unique across the model (e.g. {example})"));

    private static SheetColumn NameColumn() => new("name", T("名称", "Name"), ColumnType.Text, true, T("名称", "the name"));

    private static SheetColumn Owner(string key, string zh, string en, bool required, LocalizedText meaning) =>
        new(key, T(zh, en), ColumnType.Reference, required, meaning, ElementKind.Agency);

    private static readonly SheetColumn[] Common =
    [
        new("description", T("说明", "Description"), ColumnType.Text, false, T("自由文本", "free text")),
        new("tags", T("标签", "Tags"), ColumnType.TextList, false, T("分组和筛选用的标签，用 ; 分隔", "labels for grouping and filtering, separated by ;")),
        new("formerIds", T("曾用标识", "Former ids"), ColumnType.ReferenceList, false,
            T("在较早的模型中曾用的标识，用 ; 分隔（用于 archmodel diff 匹配改名的元素）", "ids it had in an earlier model, separated by ; (archmodel diff matches renamed elements by them)")),
    ];

    /// <summary>The model sheet: one row per setting (key, value).</summary>
    public static SheetDefinition ModelSheet { get; } = new("model", T("模型", "Model"),
        T("模型本身：标识、名称、语言、日期，以及规则阈值（settings.*）和规划目标（targets.*），每行一项", "the model itself: id, name, language, date, and rule thresholds (settings.*) and plan targets (targets.*), one per row"),
        [
            new("key", T("属性", "Key"), ColumnType.Text, true, T("id、name、description、language、asOf、settings.…、settings.severity.AMxxxx 或 targets.…", "id, name, description, language, asOf, settings.…, settings.severity.AMxxxx or targets.…")),
            new("value", T("值", "Value"), ColumnType.Text, false, T("该属性的值", "the value")),
        ]);

    /// <summary>Extension properties: one row per element and name.</summary>
    public static SheetDefinition PropertiesSheet { get; } = new("properties", T("扩展属性", "Properties"),
        T("元素的扩展属性（properties），每行一个", "an element's user extensions (properties), one per row"),
        [
            new("element", T("元素", "Element"), ColumnType.Reference, true, T("所属元素的标识", "the id of the element")),
            new("name", T("属性名", "Name"), ColumnType.Text, true, T("扩展属性的名称", "the property's name")),
            new("value", T("值", "Value"), ColumnType.Text, false, T("值", "the value")),
            new("type", T("类型", "Type"), ColumnType.Enum, false, T("值的类型，默认 string", "the value's type; string when empty"), Values: PropertyType),
        ]);

    /// <summary>The readme sheet: what each column means.</summary>
    public static SheetDefinition ReadmeSheet { get; } = new("readme", T("说明", "Readme"),
        T("每一列的含义", "what each column means"),
        [
            new("sheet", T("工作表", "Sheet"), ColumnType.Text, false, T("工作表", "the sheet")),
            new("column", T("列", "Column"), ColumnType.Text, false, T("列标题", "the column's header")),
            new("type", T("类型", "Type"), ColumnType.Text, false, T("取值类型", "what a cell holds")),
            new("required", T("必填", "Required"), ColumnType.Text, false, T("是否必填", "whether a value is required")),
            new("meaning", T("含义", "Meaning"), ColumnType.Text, false, T("含义", "what it means")),
            new("values", T("可选值", "Values"), ColumnType.Text, false, T("可选值及可用的中文名称", "the allowed values and the Chinese names accepted")),
        ]);

    /// <summary>Every sheet of the workbook, in order: the model sheet, the element kinds with their nested objects, suppressions, properties.</summary>
    public static IReadOnlyList<SheetDefinition> Sheets { get; } =
    [
        ModelSheet,
        new("capabilities", T("功能", "Capabilities"), T("系统提供的业务或技术功能", "a business or technical function systems provide"),
        [
            IdColumn("功能", "capability", "cap.oa"), NameColumn(),
            new("parent", T("上级功能", "Parent"), ColumnType.Reference, false, T("更宽泛的上级功能", "the broader capability"), ElementKind.Capability),
            new("shareable", T("可共用", "Shareable"), ColumnType.Boolean, false, T("各机构都需要、应统建共用的功能（办公、视频会议、电子印章…），默认 false", "a function every agency needs that should be built once and shared; false when empty")),
            .. Common,
        ], ElementKind.Capability),
        new("agencies", T("机构", "Agencies"), T("政府部门、党委机关或事业单位", "a government body, Party organ or public institution"),
        [
            IdColumn("机构", "agency", "ag.prov-drc"), NameColumn(),
            new("level", T("层级", "Level"), ColumnType.Enum, true, T("行政层级", "the level of government"), Values: Level),
            new("region", T("行政区划代码", "Region"), ColumnType.Text, false, T("行政区划代码（GB/T 2260），如 320000", "administrative division code (GB/T 2260), e.g. 320000")),
            new("sector", T("条线", "Sector"), ColumnType.Text, false, T("所属条线（行业），如 公安", "the sector, e.g. 公安")),
            new("parent", T("上级机构", "Parent"), ColumnType.Reference, false, T("本条线的上级机构", "the superior in the agency's own sector"), ElementKind.Agency),
            new("kind", T("机构类型", "Kind"), ColumnType.Enum, false, T("机构类型，默认 department", "what kind of body; department when empty"), Values: AgencyKindValues),
            .. Common,
        ], ElementKind.Agency),
        new("networks", T("网络", "Networks"), T("政务内网、政务外网、业务专网、互联网等", "a network: intranet, extranet, dedicated, Internet"),
        [
            IdColumn("网络", "network", "net.extranet"), NameColumn(),
            new("kind", T("网络类型", "Kind"), ColumnType.Enum, true, T("网络类型", "what kind of network"), Values: NetworkKindValues),
            new("classified", T("涉密", "Classified"), ColumnType.Boolean, false, T("是否可承载涉密信息；留空时政务内网为 true，其余为 false", "whether it may carry classified information; when empty, true for the intranet, false otherwise")),
            Owner("owner", "运维机构", "Owner", false, T("运行该网络的机构", "the agency that runs it")),
            .. Common,
        ], ElementKind.Network),
        new("networkLinks", T("网络互联", "Network links"), T("两个网络之间的一条连接（双向可用），按网络标识归属", "a connection between two networks (usable both ways), keyed by the network's id"),
        [
            new("network", T("网络", "Network"), ColumnType.Reference, true, T("声明该连接的网络", "the network the link is declared on"), ElementKind.Network),
            new("to", T("对端网络", "To"), ColumnType.Reference, true, T("另一端的网络", "the network at the other end"), ElementKind.Network),
            new("via", T("连接方式", "Via"), ColumnType.Enum, true, T("连接方式", "how the two are joined"), Values: Via),
        ]),
        new("platforms", T("平台", "Platforms"), T("承载系统的云平台或数据中心", "a cloud or data centre that hosts systems"),
        [
            IdColumn("平台", "platform", "plat.prov-cloud"), NameColumn(),
            new("kind", T("平台类型", "Kind"), ColumnType.Enum, true, T("平台类型", "cloud or data centre"), Values: PlatformKindValues),
            new("shared", T("共享", "Shared"), ColumnType.Boolean, false, T("是否面向多个机构提供（如省级政务云），默认 false", "offered to many agencies, like a provincial government cloud; false when empty")),
            Owner("owner", "运维机构", "Owner", false, T("运行该平台的机构", "the agency that runs it")),
            new("region", T("行政区划代码", "Region"), ColumnType.Text, false, T("服务的行政区划代码", "the administrative division code it serves")),
            new("networks", T("接入网络", "Networks"), ColumnType.ReferenceList, false, T("平台接入的网络，用 ; 分隔", "the networks it is attached to, separated by ;"), ElementKind.Network),
            .. Common,
        ], ElementKind.Platform),
        new("systems", T("系统", "Systems"), T("一个信息系统（政务信息系统台账的一行）", "an information system (a row of the inventory of systems)"),
        [
            IdColumn("系统", "system", "sys.prov-drc.oa"), NameColumn(),
            Owner("owner", "所属机构", "Owner", true, T("建设和拥有该系统的机构", "the agency that owns the system")),
            new("aliases", T("别名", "Aliases"), ColumnType.TextList, false, T("系统的其他名称，用 ; 分隔", "other names, separated by ;")),
            new("capabilities", T("功能", "Capabilities"), ColumnType.ReferenceList, false, T("系统提供的功能，用 ; 分隔", "the capabilities it provides, separated by ;"), ElementKind.Capability),
            new("status", T("状态", "Status"), ColumnType.Enum, false, T("系统状态，默认 operational", "where it is in its life; operational when empty"), Values: SystemStatusValues),
            new("usedBy", T("共用机构", "Used by"), ColumnType.ReferenceList, false, T("也使用该系统的其他机构（统建共用），用 ; 分隔", "other agencies that use it, separated by ;"), ElementKind.Agency),
            new("networks", T("接入网络", "Networks"), ColumnType.ReferenceList, false, T("系统接入的网络，用 ; 分隔", "the networks it is attached to, separated by ;"), ElementKind.Network),
            new("hosting", T("承载平台", "Hosting"), ColumnType.Reference, false, T("系统部署的平台", "the platform it runs on"), ElementKind.Platform),
            new("protectionLevel", T("等保级别", "Protection level"), ColumnType.Integer, false, T("等级保护级别，1–5", "classified protection level, 1–5")),
            new("holds", T("数据资源", "Holds"), ColumnType.ReferenceList, false, T("系统持有或维护的数据资源，用 ; 分隔", "the data resources it holds, separated by ;"), ElementKind.DataResource),
            new("project", T("建设项目", "Project"), ColumnType.Reference, false, T("建设该系统的项目", "the project that built it"), ElementKind.Project),
            new("standalone", T("单机", "Standalone"), ColumnType.Boolean, false, T("不得交换数据的系统（如涉密单机），默认 false", "must not exchange data (e.g. a classified stand-alone terminal); false when empty")),
            .. Common,
        ], ElementKind.System),
        new("systemUsage", T("系统使用", "System usage"), T("一个系统的用户数，按系统标识归属", "how many people use a system, keyed by the system's id"),
        [
            new("system", T("系统", "System"), ColumnType.Reference, true, T("系统的标识", "the system's id"), ElementKind.System),
            new("registeredUsers", T("注册用户数", "Registered users"), ColumnType.Integer, false, T("注册用户数，整数 ≥ 0", "registered users, a whole number ≥ 0")),
            new("monthlyActiveUsers", T("月活跃用户数", "Monthly active users"), ColumnType.Integer, false, T("月活跃用户数，整数 ≥ 0", "monthly active users, a whole number ≥ 0")),
        ]),
        new("systemCosts", T("系统费用", "System costs"), T("一个系统的费用（元），按系统标识归属", "what a system cost (yuan), keyed by the system's id"),
        [
            new("system", T("系统", "System"), ColumnType.Reference, true, T("系统的标识", "the system's id"), ElementKind.System),
            new("build", T("建设费用", "Build cost"), ColumnType.Number, false, T("建设费用，≥ 0", "what building it cost, ≥ 0")),
            new("annualOperation", T("年运维费用", "Annual operation"), ColumnType.Number, false, T("每年运维费用，≥ 0", "what running it costs a year, ≥ 0")),
        ]),
        new("systemComponents", T("系统组件", "System components"), T("系统的一个技术组件（芯片、服务器、操作系统、数据库…），按系统标识归属", "one technology component of a system, keyed by the system's id"),
        [
            new("system", T("系统", "System"), ColumnType.Reference, true, T("系统的标识", "the system's id"), ElementKind.System),
            new("name", T("产品名称", "Name"), ColumnType.Text, true, T("产品名称", "the product's name")),
            new("category", T("类别", "Category"), ColumnType.Enum, false, T("组件类别；chip、server、os、database 为核心技术", "the kind of part; chip, server, os and database are core technology"), Values: Category),
            new("origin", T("来源", "Origin"), ColumnType.Enum, false, T("国产或国外，默认 unknown", "domestic or foreign; unknown when empty"), Values: Origin),
            new("vendor", T("厂商", "Vendor"), ColumnType.Text, false, T("厂商", "the manufacturer")),
        ]),
        new("dataResources", T("数据资源", "Data resources"), T("政务信息资源目录中的一项数据资源", "a data resource of the resource catalogue"),
        [
            IdColumn("数据资源", "data resource", "res.prov-psd.population"), NameColumn(),
            Owner("owner", "权威来源机构", "Owner", true, T("该数据的权威来源机构", "the authoritative source")),
            new("category", T("类别", "Category"), ColumnType.Enum, false, T("资源类别", "the category"), Values: ResourceCategoryValues),
            new("sharing", T("共享类型", "Sharing"), ColumnType.Enum, false, T("共享类型，默认 conditional", "how it may be shared; conditional when empty"), Values: Sharing),
            new("open", T("开放", "Open"), ColumnType.Boolean, false, T("是否作为开放数据发布，默认 false", "published as open data; false when empty")),
            new("classified", T("涉密", "Classified"), ColumnType.Boolean, false, T("是否涉密，默认 false", "classified data; false when empty")),
            .. Common,
        ], ElementKind.DataResource),
        new("flows", T("数据流", "Flows"), T("两个系统之间的一次数据交换", "a data exchange from one system to another"),
        [
            new("id", T("标识", "Id"), ColumnType.Id, false, T("数据流的标识；留空时按 来源->去向 生成", "the flow's id; generated as FROM->TO when empty")),
            new("from", T("来源系统", "From"), ColumnType.Reference, true, T("数据来自的系统", "the system the data comes from"), ElementKind.System),
            new("to", T("去向系统", "To"), ColumnType.Reference, true, T("数据去往的系统", "the system the data goes to"), ElementKind.System),
            new("carries", T("交换数据", "Carries"), ColumnType.ReferenceList, false, T("交换的数据资源，用 ; 分隔", "the data resources exchanged, separated by ;"), ElementKind.DataResource),
            new("via", T("经由网络", "Via"), ColumnType.ReferenceList, false, T("交换经由的网络，用 ; 分隔；留空为两系统共有的任一网络", "the networks it travels over, separated by ;; when empty, any network both share"), ElementKind.Network),
            new("mode", T("交换方式", "Mode"), ColumnType.Enum, false, T("交换方式", "how the data is exchanged"), Values: Mode),
            new("status", T("状态", "Status"), ColumnType.Enum, false, T("状态，默认 active", "where it is in its life; active when empty"), Values: FlowStatusValues),
            .. Common,
        ], ElementKind.Flow),
        new("services", T("服务", "Services"), T("机构提供的一项政务服务", "a public service an agency offers"),
        [
            IdColumn("服务", "service", "svc.prov.license"), NameColumn(),
            Owner("provider", "提供机构", "Provider", true, T("提供该服务的机构", "the agency that provides it")),
            new("systems", T("支撑系统", "Systems"), ColumnType.ReferenceList, false, T("支撑该服务的系统，用 ; 分隔", "the systems behind it, separated by ;"), ElementKind.System),
            new("channels", T("渠道", "Channels"), ColumnType.EnumList, false, T("服务渠道，用 ; 分隔；web、mobile、wechat 算网上服务", "the channels, separated by ;; web, mobile and wechat count as online"), Values: Channel),
            .. Common,
        ], ElementKind.Service),
        new("projects", T("项目", "Projects"), T("一个信息化项目", "an IT project"),
        [
            IdColumn("项目", "project", "proj.prov-drc.oa"), NameColumn(),
            Owner("agency", "建设单位", "Agency", true, T("负责该项目的机构", "the agency responsible")),
            new("budget", T("预算", "Budget"), ColumnType.Number, false, T("预算（元），≥ 0", "the budget (yuan), ≥ 0")),
            new("year", T("年度", "Year"), ColumnType.Integer, false, T("年度，如 2016", "the year, e.g. 2016")),
            new("stage", T("阶段", "Stage"), ColumnType.Enum, false, T("项目阶段", "the project's stage"), Values: Stage),
            new("delivers", T("交付系统", "Delivers"), ColumnType.ReferenceList, false, T("项目交付的系统，用 ; 分隔", "the systems it delivers, separated by ;"), ElementKind.System),
            .. Common,
        ], ElementKind.Project),
        new("suppressions", T("抑制", "Suppressions"), T("一条已接受的检查发现：规则和它涉及的元素", "an accepted finding: the rule and the elements it names"),
        [
            new("rule", T("规则", "Rule"), ColumnType.Text, true, T("规则代码，如 AM1001", "the rule code, e.g. AM1001")),
            new("elements", T("涉及元素", "Elements"), ColumnType.ReferenceList, true, T("发现涉及的元素标识，用 ; 分隔", "the ids the finding names, separated by ;")),
            new("justification", T("理由", "Justification"), ColumnType.Text, true, T("接受该发现的理由", "why the finding is accepted")),
        ]),
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

    /// <summary>A column type as the readme and the docs name it.</summary>
    public static LocalizedText TypeName(SheetColumn column) => column.Type switch
    {
        ColumnType.Id => T("标识", "id"),
        ColumnType.Text => T("文本", "text"),
        ColumnType.Reference => column.Refers is { } kind ? T($"引用（{KindTitle(kind).Chinese}）", $"reference ({KindTitle(kind).English.ToLowerInvariant()})") : T("引用", "reference"),
        ColumnType.ReferenceList => column.Refers is { } kind ? T($"引用列表（{KindTitle(kind).Chinese}，; 分隔）", $"references ({KindTitle(kind).English.ToLowerInvariant()}, ;-separated)") : T("标识列表（; 分隔）", "ids (;-separated)"),
        ColumnType.TextList => T("文本列表（; 分隔）", "texts (;-separated)"),
        ColumnType.Enum => T("枚举", "enum"),
        ColumnType.EnumList => T("枚举列表（; 分隔）", "enums (;-separated)"),
        ColumnType.Boolean => T("是/否（true/false）", "true/false"),
        ColumnType.Integer => T("整数", "whole number"),
        ColumnType.Number => T("数字", "number"),
        ColumnType.Date => T("日期 YYYY-MM-DD", "date YYYY-MM-DD"),
        _ => T("", ""),
    };

    /// <summary>The title of the sheet of an element kind.</summary>
    public static LocalizedText KindTitle(ElementKind kind) => Sheets.First(s => s.Kind == kind).Title;

    /// <summary>The allowed values as the readme shows them: <c>county（县级；也可：区县级、县、区县）</c>.</summary>
    public static string ValuesText(SheetColumn column, Language language)
    {
        if (column.Values is not { } table)
        {
            return column.Type == ColumnType.Boolean ? (language == Language.English ? "true, false (also 是, 否)" : "true、false（也可：是、否）") : "";
        }
        return string.Join(language == Language.English ? "; " : "；", table.Values.Select(v => v.Also.Count == 0
            ? $"{v.Json} ({v.Chinese})"
            : language == Language.English ? $"{v.Json} ({v.Chinese}; also {string.Join(", ", v.Also)})" : $"{v.Json}（{v.Chinese}；也可：{string.Join("、", v.Also)}）"));
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
