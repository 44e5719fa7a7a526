using System.Globalization;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Documents;

/// <summary>The display words for enum values, metrics and evidence keys, in Chinese and English.</summary>
internal static class Labels
{
    public static LocalizedText Of(AgencyLevel v) => v switch
    {
        AgencyLevel.National => new("国家级", "National"),
        AgencyLevel.Provincial => new("省级", "Provincial"),
        AgencyLevel.Municipal => new("市级", "Municipal"),
        AgencyLevel.County => new("县级", "County"),
        _ => new("乡镇级", "Township"),
    };

    public static LocalizedText Of(AgencyKind v) => v switch
    {
        AgencyKind.Government => new("人民政府", "Government"),
        AgencyKind.Department => new("政府部门", "Department"),
        AgencyKind.Party => new("党委机关", "Party organ"),
        AgencyKind.Institution => new("事业单位", "Public institution"),
        _ => new("其他", "Other"),
    };

    public static LocalizedText Of(SystemStatus v) => v switch
    {
        SystemStatus.Planned => new("规划中", "Planned"),
        SystemStatus.Building => new("建设中", "Being built"),
        SystemStatus.Operational => new("运行中", "In operation"),
        SystemStatus.Retiring => new("即将退役", "Retiring"),
        _ => new("已退役", "Retired"),
    };

    public static LocalizedText Of(NetworkKind v) => v switch
    {
        NetworkKind.Intranet => new("政务内网", "Government intranet"),
        NetworkKind.Extranet => new("政务外网", "Government extranet"),
        NetworkKind.Dedicated => new("业务专网", "Dedicated network"),
        NetworkKind.Internet => new("互联网", "Internet"),
        _ => new("其他网络", "Other network"),
    };

    public static LocalizedText Of(LinkVia v) => v switch
    {
        LinkVia.Gateway => new("网关", "gateway"),
        LinkVia.Isolation => new("网闸", "isolation gateway"),
        _ => new("直连", "direct"),
    };

    public static LocalizedText Of(PlatformKind v) => v == PlatformKind.Cloud ? new("政务云", "Cloud") : new("数据中心", "Data centre");

    public static LocalizedText Of(SharingLevel v) => v switch
    {
        SharingLevel.Unconditional => new("无条件共享", "Unconditional"),
        SharingLevel.Conditional => new("有条件共享", "Conditional"),
        _ => new("不予共享", "Not shared"),
    };

    public static LocalizedText Of(ResourceCategory? v) => v switch
    {
        ResourceCategory.Population => new("人口", "Population"),
        ResourceCategory.LegalEntity => new("法人", "Legal entities"),
        ResourceCategory.Geospatial => new("自然资源和空间地理", "Natural resources and geography"),
        ResourceCategory.Economy => new("宏观经济", "Macro-economy"),
        ResourceCategory.Credit => new("社会信用", "Social credit"),
        ResourceCategory.License => new("电子证照", "Electronic licences"),
        ResourceCategory.Other => new("其他", "Other"),
        _ => new("未分类", "Uncategorised"),
    };

    public static LocalizedText Of(ServiceChannel v) => v switch
    {
        ServiceChannel.Web => new("网站", "Web"),
        ServiceChannel.Mobile => new("移动客户端", "Mobile app"),
        ServiceChannel.Wechat => new("微信", "WeChat"),
        ServiceChannel.Counter => new("窗口", "Counter"),
        ServiceChannel.Hotline => new("热线", "Hotline"),
        ServiceChannel.Kiosk => new("自助终端", "Kiosk"),
        _ => new("其他", "Other"),
    };

    public static LocalizedText Of(ProjectStage? v) => v switch
    {
        ProjectStage.Proposed => new("立项申请", "Proposed"),
        ProjectStage.Approved => new("已批复", "Approved"),
        ProjectStage.Building => new("建设中", "Being built"),
        ProjectStage.Accepted => new("已验收", "Accepted"),
        ProjectStage.Evaluated => new("已评价", "Evaluated"),
        ProjectStage.Cancelled => new("已取消", "Cancelled"),
        _ => new("不详", "Unknown"),
    };

    public static LocalizedText Of(FlowStatus v) => v switch
    {
        FlowStatus.Planned => new("规划中", "Planned"),
        FlowStatus.Active => new("运行中", "Active"),
        _ => new("已停用", "Retired"),
    };

    public static LocalizedText Of(ElementKind v) => v switch
    {
        ElementKind.Capability => new("功能", "Capability"),
        ElementKind.Agency => new("机构", "Agency"),
        ElementKind.Network => new("网络", "Network"),
        ElementKind.Platform => new("平台", "Platform"),
        ElementKind.System => new("信息系统", "System"),
        ElementKind.DataResource => new("信息资源", "Data resource"),
        ElementKind.Flow => new("数据流", "Data flow"),
        ElementKind.Service => new("政务服务", "Service"),
        _ => new("项目", "Project"),
    };

    public static LocalizedText Of(DiagnosticSeverity v) => v switch
    {
        DiagnosticSeverity.Error => new("严重", "Serious"),
        DiagnosticSeverity.Warning => new("一般", "Moderate"),
        _ => new("提示", "Information"),
    };

    /// <summary>A metric's name, short and as a reader knows it.</summary>
    public static LocalizedText Metric(string metric) => metric switch
    {
        MetricNames.DuplicateRate => new("重复建设率", "Duplicate build rate"),
        MetricNames.IsolationRate => new("孤立系统率", "Isolated system rate"),
        MetricNames.ZombieRate => new("闲置系统率", "Unused system rate"),
        MetricNames.CrossAgencyFlowShare => new("跨部门数据流占比", "Cross-agency flow share"),
        MetricNames.HorizontalFlowShare => new("横向数据流占比", "Horizontal flow share"),
        MetricNames.SharingRate => new("信息资源共享率", "Data sharing rate"),
        MetricNames.OpenDataRate => new("数据开放率", "Open data rate"),
        MetricNames.UnifiedNetworkRate => new("统一网络接入率", "Unified network rate"),
        MetricNames.CloudRate => new("政务云部署率", "Shared cloud rate"),
        MetricNames.DomesticRate => new("国产化率", "Domestic technology rate"),
        MetricNames.OnlineServiceRate => new("政务服务网上可办率", "Online service rate"),
        MetricNames.AvoidableAnnualCost => new("可节省年运维费用", "Avoidable annual cost"),
        _ => LocalizedText.Neutral(metric),
    };

    /// <summary>How a metric is computed, in words.</summary>
    public static LocalizedText MetricDefinition(string metric) => metric switch
    {
        MetricNames.DuplicateRate => new("存在重复建设问题的在用系统数 ÷ 在用系统数", "active systems in a duplicate build ÷ active systems"),
        MetricNames.IsolationRate => new("无任何数据交换的系统数 ÷ 参与数据交换的在用系统数", "systems exchanging no data ÷ active systems expected to exchange data"),
        MetricNames.ZombieRate => new("建而不用的系统数 ÷ 有使用量统计的运行系统数", "systems built but not used ÷ operational systems with usage figures"),
        MetricNames.CrossAgencyFlowShare => new("跨部门数据流 ÷ 全部运行数据流", "cross-agency flows ÷ active flows"),
        MetricNames.HorizontalFlowShare => new("横向（不同条线之间）数据流 ÷ 跨部门数据流", "horizontal flows (across sector lines) ÷ cross-agency flows"),
        MetricNames.SharingRate => new("已实际共享的可共享资源 ÷ 可共享资源", "shareable resources actually shared ÷ shareable resources"),
        MetricNames.OpenDataRate => new("已开放的无条件共享资源 ÷ 无条件共享资源", "open unconditionally shareable resources ÷ unconditionally shareable resources"),
        MetricNames.UnifiedNetworkRate => new("接入统一政务网络的在用系统 ÷ 接入任何网络的在用系统", "active systems on a unified network ÷ active systems on any network"),
        MetricNames.CloudRate => new("部署在共享平台上的在用系统 ÷ 有部署信息的在用系统", "active systems on a shared platform ÷ hosted active systems"),
        MetricNames.DomesticRate => new("国产部件 ÷ 来源已知的部件（在用系统）", "domestic components ÷ components of known origin (active systems)"),
        MetricNames.OnlineServiceRate => new("提供网站、移动端或微信渠道的服务 ÷ 全部服务", "services offered on the web, a mobile app or WeChat ÷ services"),
        MetricNames.AvoidableAnnualCost => new("各组重复建设系统的年运维费用合计减去每组中最高的一项", "over each group of duplicate systems: total annual operation cost minus the largest"),
        _ => LocalizedText.Neutral(metric),
    };

    /// <summary>An evidence key of a rule's findings as words; the key itself when unknown.</summary>
    public static LocalizedText Evidence(string rule, string key) => (rule, key) switch
    {
        // The same key means another thing in another rule: AM1001's and AM1002's kind is how the scopes overlap.
        (RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate, EvidenceKeys.DuplicateBuild.Kind) => new("重叠方式", "overlap"),
        (RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate, EvidenceKeys.DuplicateBuild.Anchor) => new("重叠所在", "where they overlap"),
        _ => Evidence(key),
    };

    /// <summary>An evidence key as words; the key itself when unknown.</summary>
    /// <remarks>By spelling, whatever the rule: the built-in rules' keys (<see cref="EvidenceKeys"/>) share spellings, and a
    /// custom rule's key of the same spelling gets the same words.</remarks>
    private static LocalizedText Evidence(string key) => key switch
    {
        "agency" => new("机构", "agency"),
        "annualOperation" => new("年运维费用", "annual operation cost"),
        "avoidableAnnualCost" => new("可节省年运维费用", "avoidable annual cost"),
        "budget" => new("预算", "budget"),
        "capability" => new("功能", "capability"),
        "capabilityShareable" => new("属通用功能", "shareable capability"),
        "categories" => new("资源分类", "categories"),
        "category" => new("资源分类", "category"),
        "classified" => new("涉密", "classified"),
        "classifiedNetwork" => new("涉密网络", "classified network"),
        "componentSize" => new("系统数", "systems in group"),
        "currentPlatform" => new("现部署平台", "current platform"),
        "foreignComponents" => new("国外部件", "foreign components"),
        "from" => new("来源系统", "from"),
        "fromNetworks" => new("来源系统所在网络", "networks of the sender"),
        "heldBy" => new("所在系统", "held in"),
        "jurisdiction" => new("辖区", "jurisdiction"),
        "kind" => new("类型", "kind"),
        "level" => new("层级", "level"),
        "linkedComponent" => new("相连的系统群", "linked component"),
        "mainComponentFirst" => new("主连通分量首个系统", "main component's first system"),
        "mainComponentSize" => new("主连通分量系统数", "main component size"),
        "minSimilarity" => new("相似度阈值", "similarity threshold"),
        "membersWithoutCost" => new("未登记运维费用的系统", "systems without a recorded cost"),
        "monthlyActiveUsers" => new("月活跃用户", "monthly active users"),
        "names" => new("名称", "names"),
        "networks" => new("网络", "networks"),
        "openNetwork" => new("非涉密网络", "non-classified network"),
        "owner" => new("责任单位", "owner"),
        "ownerHasSystems" => new("责任单位有自有系统", "owner has systems"),
        "owners" => new("责任单位", "owners"),
        "protectionLevel" => new("等级保护级别", "protection level"),
        "region" => new("区域", "region"),
        "resources" => new("信息资源", "resources"),
        "sharing" => new("共享属性", "sharing"),
        "similarity" => new("名称相似度", "name similarity"),
        "stage" => new("项目阶段", "stage"),
        "status" => new("状态", "status"),
        "systems" => new("系统", "systems"),
        "systemsToMove" => new("待迁移系统", "systems to move"),
        "target" => new("迁移目标", "target"),
        "targetLinked" => new("目标已互联", "target already linked"),
        "threshold" => new("阈值", "threshold"),
        "to" => new("接收系统", "to"),
        "toNetworks" => new("接收系统所在网络", "networks of the receiver"),
        "vendors" => new("厂商", "vendors"),
        "verticalFlows" => new("纵向数据流", "vertical flows"),
        "verticalPartners" => new("纵向交换对象", "vertical partners"),
        _ => LocalizedText.Neutral(key),
    };

    /// <summary>Evidence values that are words, not names (the overlap kinds of AM1001 and AM1002), or <see langword="null"/>.</summary>
    public static LocalizedText? EvidenceValue(string rule, string key, string value) =>
        rule is RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate && key == EvidenceKeys.DuplicateBuild.Kind
            ? value switch
            {
                OverlapKinds.Horizontal => new("横向", "horizontal"),
                OverlapKinds.Vertical => new("纵向", "vertical"),
                OverlapKinds.SharedUse => new("共用", "shared-use"),
                _ => null,
            }
            : null;

    /// <summary>Formats a number for the reader: grouping, at most two decimals.</summary>
    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats an amount of money (yuan): 万元 in Chinese, CNY in English.</summary>
    public static string Money(double yuan, Language language)
    {
        if (language == Language.English)
        {
            // As English-language reports write large sums: CNY 2.11 million, CNY 500,000.
            return Math.Abs(yuan) >= 1_000_000
                ? "CNY " + (yuan / 1_000_000).ToString("#,0.##", CultureInfo.InvariantCulture) + " million"
                : "CNY " + Number(Math.Round(yuan));
        }
        var wan = yuan / 10000;
        return wan.ToString(Math.Abs(wan) >= 100 || wan == Math.Floor(wan) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture) + " 万元";
    }

    /// <summary>Formats a ratio in [0, 1] as a percentage with one decimal when needed.</summary>
    public static string Percent(double ratio)
    {
        var p = Math.Round(ratio * 100, 1, MidpointRounding.AwayFromZero);
        return p.ToString(p == Math.Floor(p) ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Formats a metric value: a percentage for ratios, money for the cost; "—" when absent.</summary>
    public static string MetricValue(string metric, double? value, Language language) => value switch
    {
        null => "—",
        { } v when MetricNames.IsRatio(metric) => Percent(v),
        { } v => Money(v, language),
    };
}
