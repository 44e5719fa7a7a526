namespace ArchModel.Diagnostics;

/// <summary>
/// What a rule is — an analysis rule (AM1001…), a loading check (AM0001…) or a template check (AM0101…): its
/// stable code, title and help text in both languages, and its default severity. One type for all, so that
/// SARIF and documents list them alike.
/// </summary>
/// <param name="Code">The stable code, such as <c>AM1001</c>; a custom rule should use its own prefix (e.g. <c>X0001</c>).</param>
/// <param name="Title">A short title, such as 重复建设 / Duplicate build.</param>
/// <param name="Help">What the rule checks and what a planner does about a finding.</param>
/// <param name="DefaultSeverity">The severity when the model's <c>settings.severity</c> does not override it.</param>
public sealed record RuleDescriptor(string Code, LocalizedText Title, LocalizedText Help, DiagnosticSeverity DefaultSeverity);

/// <summary>The descriptors of the loading, validation and analysis codes AM0001–AM0013.</summary>
public static class LoadingDiagnostics
{
    /// <summary>Every loading and validation code, in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new(DiagnosticCodes.InvalidJson, new("无效的 JSON", "Invalid JSON"),
            new("文件必须是严格的 JSON：不允许注释、尾随逗号、重复键，必须是 UTF-8 编码。", "The file must be strict JSON: no comments, no trailing commas, no duplicate keys, UTF-8."),
            DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnknownProperty, new("未知属性", "Unknown property"),
            new("属性名不在模型格式中，可能是拼写错误；该属性被忽略。自定义数据请放在 properties 或 tags 中。", "The property is not part of the model format, probably a typo; it is ignored. Put your own data in 'properties' or 'tags'."),
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.MissingProperty, new("缺少必需属性", "Required property missing"),
            new("补上该元素的必需属性。", "Add the element's required property."), DiagnosticSeverity.Error),
        new(DiagnosticCodes.InvalidValue, new("值无效", "Invalid value"),
            new("类型错误、枚举值未知或数值超出范围。", "Wrong type, unknown enum value, or a number out of range."), DiagnosticSeverity.Error),
        new(DiagnosticCodes.DuplicateId, new("标识重复", "Duplicate id"),
            new("模型中所有元素的标识必须唯一（所有类型、所有文件共用一个命名空间）。", "Every element id must be unique across the whole model (all kinds and files share one namespace)."),
            DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnknownReference, new("引用不存在", "Unknown reference"),
            new("引用的标识在模型中不存在：检查拼写，或补上被引用的元素。", "The referenced id does not exist: check the spelling or add the element."), DiagnosticSeverity.Error),
        new(DiagnosticCodes.WrongKindReference, new("引用类型错误", "Reference to the wrong kind"),
            new("引用的元素类型不对，例如数据流的 from 指向了机构。", "The referenced element is of the wrong kind, e.g. a flow's 'from' naming an agency."), DiagnosticSeverity.Error),
        new(DiagnosticCodes.ParentCycle, new("上级关系循环", "Parent cycle"),
            new("机构或功能的 parent 链形成了循环。", "An agency or capability parent chain forms a cycle."), DiagnosticSeverity.Error),
        new(DiagnosticCodes.IncludeProblem, new("包含文件问题", "Include problem"),
            new("包含的文件不存在、超出根文件夹、模式未匹配任何文件，或（警告）形成循环。", "An include is missing, escapes the root folder, matches nothing, or (warning) forms a cycle."),
            DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnsupportedVersion, new("不支持的格式版本", "Unsupported format version"),
            new("formatVersion 必须是 \"1\"。", "formatVersion must be \"1\"."), DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnusedSuppression, new("未使用的抑制", "Unused suppression"),
            new("该抑制没有匹配任何发现：问题可能已解决，请删除它，或核对规则代码和元素列表。", "The suppression matched no finding: the problem may be solved (remove it), or check its rule and elements."),
            DiagnosticSeverity.Warning),
        new(DiagnosticCodes.SelfFlow, new("自环数据流", "Flow to itself"),
            new("数据流的来源和去向是同一个系统。", "A flow's 'from' and 'to' are the same system."), DiagnosticSeverity.Warning),
        new(DiagnosticCodes.RuleFailed, new("规则运行失败", "Rule failed"),
            new("分析规则运行时抛出异常：该规则的发现未列出，由其发现计算的指标无值，其他规则的结果不受影响。请修正该规则（自定义规则），报告问题（内置规则），或在 settings.severity 中将其设为 off。",
                "An analysis rule threw while running: its findings are not listed and the metrics made from them have no value; the other rules' results stand. Fix the rule (a custom one), report the problem (a built-in one), or turn it off in settings.severity."),
            DiagnosticSeverity.Error),
    ];
}
