namespace ArchModel.Model;

// The JSON spelling of every value is its name in kebab-case (LegalEntity ⇄ "legal-entity"); see JsonNames.

/// <summary>The kinds of element a model holds. Every element id is unique across all kinds.</summary>
public enum ElementKind
{
    /// <summary>A business or technical capability (功能).</summary>
    Capability,
    /// <summary>A government agency (机构).</summary>
    Agency,
    /// <summary>A network (网络).</summary>
    Network,
    /// <summary>A hosting platform: cloud or data centre (平台).</summary>
    Platform,
    /// <summary>An information system (信息系统).</summary>
    System,
    /// <summary>A government data resource (政务信息资源).</summary>
    DataResource,
    /// <summary>A data flow between two systems (数据流).</summary>
    Flow,
    /// <summary>A public service (政务服务).</summary>
    Service,
    /// <summary>An IT project (项目).</summary>
    Project,
}

/// <summary>The level of government an agency belongs to.</summary>
public enum AgencyLevel
{
    /// <summary>国家级.</summary>
    National,
    /// <summary>省级.</summary>
    Provincial,
    /// <summary>市级.</summary>
    Municipal,
    /// <summary>县级.</summary>
    County,
    /// <summary>乡镇级.</summary>
    Township,
}

/// <summary>What kind of body an agency is.</summary>
public enum AgencyKind
{
    /// <summary>A government (人民政府), the body that heads a jurisdiction.</summary>
    Government,
    /// <summary>A government department (政府部门); the default.</summary>
    Department,
    /// <summary>A party organ (党委机关).</summary>
    Party,
    /// <summary>A public institution (事业单位).</summary>
    Institution,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>What kind of network.</summary>
public enum NetworkKind
{
    /// <summary>政务内网: the unified classified government network.</summary>
    Intranet,
    /// <summary>政务外网: the unified non-classified government network.</summary>
    Extranet,
    /// <summary>业务专网: a sector's dedicated network.</summary>
    Dedicated,
    /// <summary>The Internet.</summary>
    Internet,
    /// <summary>Any other network.</summary>
    Other,
}

/// <summary>How two networks are joined.</summary>
public enum LinkVia
{
    /// <summary>A gateway (网关).</summary>
    Gateway,
    /// <summary>A one-way isolation device (网闸).</summary>
    Isolation,
    /// <summary>A direct connection.</summary>
    Direct,
}

/// <summary>What kind of hosting platform.</summary>
public enum PlatformKind
{
    /// <summary>A cloud platform (政务云).</summary>
    Cloud,
    /// <summary>A data centre (数据中心, 机房).</summary>
    Datacenter,
}

/// <summary>Where a system is in its life.</summary>
public enum SystemStatus
{
    /// <summary>规划中.</summary>
    Planned,
    /// <summary>建设中.</summary>
    Building,
    /// <summary>运行中; the default.</summary>
    Operational,
    /// <summary>即将退役.</summary>
    Retiring,
    /// <summary>已退役.</summary>
    Retired,
}

/// <summary>The category of a system component.</summary>
public enum ComponentCategory
{
    /// <summary>芯片.</summary>
    Chip,
    /// <summary>服务器.</summary>
    Server,
    /// <summary>操作系统.</summary>
    Os,
    /// <summary>数据库.</summary>
    Database,
    /// <summary>中间件.</summary>
    Middleware,
    /// <summary>办公软件.</summary>
    Office,
    /// <summary>安全产品.</summary>
    Security,
    /// <summary>网络设备.</summary>
    Network,
    /// <summary>应用软件.</summary>
    Application,
    /// <summary>其他.</summary>
    Other,
}

/// <summary>Where a component comes from.</summary>
public enum ComponentOrigin
{
    /// <summary>国产.</summary>
    Domestic,
    /// <summary>国外.</summary>
    Foreign,
    /// <summary>未知; the value when none is given.</summary>
    Unknown,
}

/// <summary>The category of a data resource (base data resources and others).</summary>
public enum ResourceCategory
{
    /// <summary>人口.</summary>
    Population,
    /// <summary>法人.</summary>
    LegalEntity,
    /// <summary>自然资源和空间地理.</summary>
    Geospatial,
    /// <summary>宏观经济.</summary>
    Economy,
    /// <summary>社会信用.</summary>
    Credit,
    /// <summary>电子证照.</summary>
    License,
    /// <summary>其他.</summary>
    Other,
}

/// <summary>How a data resource may be shared between agencies.</summary>
public enum SharingLevel
{
    /// <summary>无条件共享.</summary>
    Unconditional,
    /// <summary>有条件共享; the default.</summary>
    Conditional,
    /// <summary>不予共享.</summary>
    None,
}

/// <summary>How a flow exchanges data.</summary>
public enum FlowMode
{
    /// <summary>Online interface calls.</summary>
    Api,
    /// <summary>Scheduled batch exchange.</summary>
    Batch,
    /// <summary>File transfer.</summary>
    File,
    /// <summary>Messaging.</summary>
    Message,
    /// <summary>By hand (paper, copy, removable media).</summary>
    Manual,
}

/// <summary>Where a flow is in its life.</summary>
public enum FlowStatus
{
    /// <summary>规划中.</summary>
    Planned,
    /// <summary>运行中; the default.</summary>
    Active,
    /// <summary>已停用.</summary>
    Retired,
}

/// <summary>A channel through which a service reaches the public.</summary>
public enum ServiceChannel
{
    /// <summary>A website.</summary>
    Web,
    /// <summary>A mobile app.</summary>
    Mobile,
    /// <summary>WeChat (微信).</summary>
    Wechat,
    /// <summary>A service counter (窗口).</summary>
    Counter,
    /// <summary>A hotline (热线).</summary>
    Hotline,
    /// <summary>A self-service kiosk (自助终端).</summary>
    Kiosk,
    /// <summary>Any other channel.</summary>
    Other,
}

/// <summary>Where a project is in its lifecycle (管、建、用、评).</summary>
public enum ProjectStage
{
    /// <summary>立项申请.</summary>
    Proposed,
    /// <summary>已批复.</summary>
    Approved,
    /// <summary>建设中.</summary>
    Building,
    /// <summary>已验收.</summary>
    Accepted,
    /// <summary>已评价.</summary>
    Evaluated,
    /// <summary>已取消.</summary>
    Cancelled,
}

/// <summary>A severity a model's <c>settings.severity</c> can give a rule.</summary>
public enum SeveritySetting
{
    /// <summary>The rule does not run.</summary>
    Off,
    /// <summary>Report as information.</summary>
    Info,
    /// <summary>Report as a warning.</summary>
    Warning,
    /// <summary>Report as an error.</summary>
    Error,
}
