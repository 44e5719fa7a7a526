namespace ArchModel.Analysis;

/// <summary>
/// The codes of the built-in rules, AM1001 to AM5002: compare <see cref="Finding.Rule"/> with these rather than
/// with string literals (a test keeps the literals in the rule classes and here).
/// </summary>
/// <remarks>The first digit is the family: 1 duplicate builds, 2 silos, 3 use, 4 security, 5 consolidation. The
/// evidence each rule's findings carry is named in <see cref="EvidenceKeys"/>.</remarks>
public static class RuleCodes
{
    /// <summary>The prefix of the duplicate-build rules' codes (AM1xxx, 重复建设).</summary>
    public const string DuplicateFamily = "AM1";

    /// <summary>The prefix of the silo and interconnection rules' codes (AM2xxx, 信息孤岛).</summary>
    public const string SiloFamily = "AM2";

    /// <summary>AM1001 重复建设, duplicate build: active systems in overlapping scopes providing one capability.</summary>
    public const string DuplicateBuild = "AM1001";

    /// <summary>AM1002 疑似重复建设, probable duplicate: similar names in overlapping scopes, no capability in common.</summary>
    public const string ProbableDuplicate = "AM1002";

    /// <summary>AM1003 重复建设机房, duplicate hosting: non-shared platforms duplicated in one jurisdiction.</summary>
    public const string DuplicateHosting = "AM1003";

    /// <summary>AM1004 多头采集, duplicate data collection: agencies collecting the same category of data.</summary>
    public const string DuplicateDataCollection = "AM1004";

    /// <summary>AM2001 孤立系统, isolated system: an active system with no data flow to or from another.</summary>
    public const string IsolatedSystem = "AM2001";

    /// <summary>AM2002 信息孤岛群, island: a group of systems connected among themselves but not to the main component.</summary>
    public const string Island = "AM2002";

    /// <summary>AM2003 封闭机构, closed agency: an agency whose systems take part in no cross-agency flow.</summary>
    public const string ClosedAgency = "AM2003";

    /// <summary>AM2004 纵强横弱, stovepipe: an agency exchanging data only up and down its sector line.</summary>
    public const string Stovepipe = "AM2004";

    /// <summary>AM2005 应共享未共享, unshared resource: a shareable data resource that reaches no other agency.</summary>
    public const string UnsharedResource = "AM2005";

    /// <summary>AM2006 网络孤岛, network island: a network linked to no unified network.</summary>
    public const string NetworkIsland = "AM2006";

    /// <summary>AM2007 数据流不可达, unroutable flow: a flow whose two systems share no connected network.</summary>
    public const string UnroutableFlow = "AM2007";

    /// <summary>AM3001 建而不用, built but unused: an operational system with fewer monthly users than the threshold, in no flow and no service.</summary>
    public const string BuiltButUnused = "AM3001";

    /// <summary>AM3002 投资无成果, investment without result: an accepted or evaluated project that delivers no system.</summary>
    public const string InvestmentWithoutResult = "AM3002";

    /// <summary>AM4001 涉密数据上非涉密网, classified data on an open network.</summary>
    public const string ClassifiedOnOpenNetwork = "AM4001";

    /// <summary>AM4002 高等保系统暴露在互联网, exposed protected system: a system of a high protection level on the internet.</summary>
    public const string ExposedProtectedSystem = "AM4002";

    /// <summary>AM4003 核心技术国外依赖, foreign core technology in a protected system.</summary>
    public const string ForeignCoreTechnology = "AM4003";

    /// <summary>AM4004 涉密网与非涉密网违规互联, unsafe network link between a classified and an open network.</summary>
    public const string UnsafeNetworkLink = "AM4004";

    /// <summary>AM5001 业务专网整合, dedicated network to migrate onto a unified network.</summary>
    public const string DedicatedNetwork = "AM5001";

    /// <summary>AM5002 迁移上云, cloud migration candidate: an active system on a non-shared platform where a shared one serves its owner.</summary>
    public const string CloudMigration = "AM5002";

    /// <summary>Every built-in rule's code, in code order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DuplicateBuild, ProbableDuplicate, DuplicateHosting, DuplicateDataCollection,
        IsolatedSystem, Island, ClosedAgency, Stovepipe, UnsharedResource, NetworkIsland, UnroutableFlow,
        BuiltButUnused, InvestmentWithoutResult,
        ClassifiedOnOpenNetwork, ExposedProtectedSystem, ForeignCoreTechnology, UnsafeNetworkLink,
        DedicatedNetwork, CloudMigration,
    ];
}
