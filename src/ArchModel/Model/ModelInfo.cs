using ArchModel.Diagnostics;

namespace ArchModel.Model;

/// <summary>What the root file says about the model itself.</summary>
public sealed record ModelInfo
{
    /// <summary>The model's id.</summary>
    public required string Id { get; init; }

    /// <summary>The model's name.</summary>
    public string? Name { get; init; }

    /// <summary>What the model describes.</summary>
    public string? Description { get; init; }

    /// <summary>The default language for reports and messages.</summary>
    public Language Language { get; init; } = Language.Chinese;

    /// <summary>The date the model describes (the as-of date), used as the generation date of documents.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// The dates a to-be model's plan must meet (<c>model.milestones</c>), in file order; empty when none. A milestone
    /// with a <see cref="Milestone.Phase"/> fixes the date by which that phase of the migration plan is done
    /// (docs/planning.md, Timeline).
    /// </summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
}

/// <summary>A dated milestone of a plan (an entry of <c>model.milestones</c>).</summary>
/// <param name="Id">Its id, unique among the model's milestones.</param>
/// <param name="Name">Its name for a planner.</param>
/// <param name="Date">The date it is due.</param>
/// <param name="Phase">The plan phase that is done by <paramref name="Date"/>, or <see langword="null"/> for a milestone that only marks a date.</param>
/// <param name="Description">What it means, if said.</param>
public sealed record Milestone(string Id, string Name, DateOnly Date, PlanPhase? Phase, string? Description);

/// <summary>
/// The named phases of a migration plan, in the order a planning office schedules them: what the plan's steps are
/// grouped by (<c>ArchModel.Planning</c>) and what a milestone can close (<see cref="Milestone.Phase"/>). Written in
/// JSON as <c>prepare</c>, <c>foundations</c>, <c>systems</c>, <c>connect-and-share</c>, <c>retire</c>, <c>close-out</c>.
/// </summary>
public enum PlanPhase
{
    /// <summary><c>prepare</c>, 准备: agencies, capabilities and projects on record.</summary>
    Prepare = 1,
    /// <summary><c>foundations</c>, 夯实基础设施: networks and platforms built, linked and changed.</summary>
    Foundations = 2,
    /// <summary><c>systems</c>, 系统建设与迁移: systems built, moved, localized and shared.</summary>
    Systems = 3,
    /// <summary><c>connect-and-share</c>, 互联互通与数据共享: flows connected or changed, data registered, shared and
    /// opened, services.</summary>
    ConnectAndShare = 4,
    /// <summary><c>retire</c>, 整合下线: flows stopped, systems, data, platforms and networks retired.</summary>
    Retire = 5,
    /// <summary><c>close-out</c>, 验收与台账更新: projects advanced, inventory records updated.</summary>
    CloseOut = 6,
}

/// <summary>The thresholds and severity overrides of the analysis (the root file's <c>settings</c>).</summary>
public sealed record ModelSettings
{
    /// <summary>The default settings.</summary>
    public static ModelSettings Default { get; } = new();

    /// <summary>AM1002: the Dice similarity at or above which two names are probably the same system.</summary>
    public double DuplicateNameSimilarity { get; init; } = 0.8;

    /// <summary>AM3001: monthly active users below which an operational system counts as unused.</summary>
    public long ZombieMonthlyActiveUsers { get; init; } = 10;

    /// <summary>AM4002: the protection level from which a system must not sit on the Internet.</summary>
    public int ExposureMinProtectionLevel { get; init; } = 3;

    /// <summary>AM4003: the protection level from which foreign core technology is reported.</summary>
    public int LocalizationMinProtectionLevel { get; init; } = 3;

    /// <summary>Severity overrides by rule code (<c>off</c> turns the rule off).</summary>
    public IReadOnlyDictionary<string, SeveritySetting> Severity { get; init; } =
        new SortedDictionary<string, SeveritySetting>(StringComparer.Ordinal);
}

/// <summary>The metrics the model's plan aims for, and the direction in which each is better.</summary>
public static class MetricNames
{
    /// <summary>Active systems in a duplicate-build finding / active systems (↓).</summary>
    public const string DuplicateRate = "duplicateRate";
    /// <summary>Isolated systems / active non-standalone systems (↓).</summary>
    public const string IsolationRate = "isolationRate";
    /// <summary>Unused systems / operational systems with known use (↓).</summary>
    public const string ZombieRate = "zombieRate";
    /// <summary>Cross-agency active flows / active flows (↑).</summary>
    public const string CrossAgencyFlowShare = "crossAgencyFlowShare";
    /// <summary>Horizontal / cross-agency active flows (↑).</summary>
    public const string HorizontalFlowShare = "horizontalFlowShare";
    /// <summary>Shared resources / shareable resources (↑).</summary>
    public const string SharingRate = "sharingRate";
    /// <summary>Open resources / unconditionally shareable resources (↑).</summary>
    public const string OpenDataRate = "openDataRate";
    /// <summary>Active systems on a unified network / active systems on any network (↑).</summary>
    public const string UnifiedNetworkRate = "unifiedNetworkRate";
    /// <summary>Active systems on a shared platform / hosted active systems (↑).</summary>
    public const string CloudRate = "cloudRate";
    /// <summary>Domestic components / components of known origin (↑).</summary>
    public const string DomesticRate = "domesticRate";
    /// <summary>Services with an online channel / services (↑).</summary>
    public const string OnlineServiceRate = "onlineServiceRate";
    /// <summary>Operation cost that consolidating duplicate builds would save (↓; a number, not a ratio).</summary>
    public const string AvoidableAnnualCost = "avoidableAnnualCost";

    /// <summary>Every metric, in the order of the rule catalogue.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DuplicateRate, IsolationRate, ZombieRate, CrossAgencyFlowShare, HorizontalFlowShare, SharingRate,
        OpenDataRate, UnifiedNetworkRate, CloudRate, DomesticRate, OnlineServiceRate, AvoidableAnnualCost,
    ];

    /// <summary>Whether a larger value of <paramref name="metric"/> is better (so a target is a minimum).</summary>
    public static bool HigherIsBetter(string metric) => metric is CrossAgencyFlowShare or HorizontalFlowShare
        or SharingRate or OpenDataRate or UnifiedNetworkRate or CloudRate or DomesticRate or OnlineServiceRate;

    /// <summary>Whether <paramref name="metric"/> is a ratio in [0, 1].</summary>
    public static bool IsRatio(string metric) => metric != AvoidableAnnualCost;

    /// <summary>Whether <paramref name="metric"/> is a known metric name.</summary>
    public static bool IsKnown(string metric) => All.Contains(metric, StringComparer.Ordinal);
}
