using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>What a migration step does. The declaration order is the tie-break order within a phase.</summary>
public enum StepAction
{
    /// <summary>Record a new agency or capability (机构、能力登记).</summary>
    Register,
    /// <summary>Start a new IT project (项目立项).</summary>
    StartProject,
    /// <summary>Build a network (建设网络).</summary>
    BuildNetwork,
    /// <summary>Build a hosting platform (建设平台).</summary>
    BuildPlatform,
    /// <summary>Add, remove or change links between networks (网络互联).</summary>
    LinkNetworks,
    /// <summary>Change a network's other fields (owner, classification, …).</summary>
    UpdateNetwork,
    /// <summary>Change a platform's fields (networks it is attached to, sharing, …).</summary>
    UpdatePlatform,
    /// <summary>Build a new system (建设系统).</summary>
    BuildSystem,
    /// <summary>Put a planned or building system (or a retired one again) into operation (上线).</summary>
    GoLive,
    /// <summary>Move a system onto other networks (迁移网络).</summary>
    MoveToNetwork,
    /// <summary>Move a system onto another platform (迁移上云).</summary>
    MoveToPlatform,
    /// <summary>Replace a system's components (国产化替代).</summary>
    Localize,
    /// <summary>Open a system to more (or fewer) agencies (统建共用).</summary>
    ShareSystem,
    /// <summary>Register a new data resource in the catalogue (资源编目).</summary>
    RegisterData,
    /// <summary>Change how a data resource may be shared (共享属性).</summary>
    ShareData,
    /// <summary>Publish a data resource as open data, or withdraw it (数据开放).</summary>
    OpenData,
    /// <summary>Set up a new data exchange, or reactivate one (数据对接).</summary>
    Connect,
    /// <summary>Change an exchange: its endpoints, data, networks or mode (调整数据流).</summary>
    ChangeFlow,
    /// <summary>Offer a new public service (上线服务).</summary>
    LaunchService,
    /// <summary>Change a service's systems or channels (调整服务).</summary>
    ChangeService,
    /// <summary>Stop a data exchange (停用数据流).</summary>
    Disconnect,
    /// <summary>Withdraw a public service (撤销服务).</summary>
    WithdrawService,
    /// <summary>Retire a system (系统下线).</summary>
    RetireSystem,
    /// <summary>Retire a data resource (撤销资源).</summary>
    RetireData,
    /// <summary>Retire a platform (平台关停).</summary>
    RetirePlatform,
    /// <summary>Retire a network (网络撤并).</summary>
    RetireNetwork,
    /// <summary>Remove an agency, capability or project from the records.</summary>
    Deregister,
    /// <summary>Move a project to its next stage (项目验收、评价…).</summary>
    AdvanceProject,
    /// <summary>Update the inventory record of an element (台账更新): fields no other action covers.</summary>
    Update,
}

/// <summary>One step of a migration plan.</summary>
/// <remarks>Immutable. <see cref="After"/> only names steps with a smaller <see cref="Order"/>.</remarks>
public sealed record MigrationStep
{
    /// <summary>The step's number, from 1, in the order the steps are carried out.</summary>
    public required int Order { get; init; }

    /// <summary>What the step does.</summary>
    public required StepAction Action { get; init; }

    /// <summary>The phase the step belongs to.</summary>
    public required PlanPhase Phase { get; init; }

    /// <summary>The id of the element the step acts on (its to-be id when it has one).</summary>
    public required string Subject { get; init; }

    /// <summary>The subject's kind.</summary>
    public required ElementKind Kind { get; init; }

    /// <summary>The subject and the elements the step involves (targets, replacements, counterparts), sorted ordinally.</summary>
    public required IReadOnlyList<string> Elements { get; init; }

    /// <summary>The numbers of the steps that must be done first, ascending.</summary>
    public required IReadOnlyList<int> After { get; init; }

    /// <summary>What to do, for a planner, in Chinese and English.</summary>
    public required LocalizedText Description { get; init; }

    /// <summary>The field changes the step carries out (all of the element's changes for a build or a retirement).</summary>
    public required IReadOnlyList<FieldChange> Changes { get; init; }

    /// <summary>
    /// For a <see cref="StepAction.RetireSystem"/> step, the to-be systems that take over from the retired one
    /// (docs/planning.md, Replacements), sorted ordinally; empty when none was found and for every other action.
    /// </summary>
    public IReadOnlyList<string> Replacements { get; init; } = [];

    /// <summary>
    /// For a <see cref="StepAction.RetirePlatform"/> or <see cref="StepAction.RetireNetwork"/> step, where each system
    /// on the host goes (docs/planning.md, Retiring a host), sorted by system id; empty for every other action.
    /// </summary>
    public IReadOnlyList<HostDestination> Destinations { get; init; } = [];

    /// <summary>
    /// For an <see cref="StepAction.Update"/> step, the inventory records it updates: record keeping is folded into one
    /// closing step per agency (its <see cref="Subject"/>), sorted by element id. Empty for every other action.
    /// </summary>
    public IReadOnlyList<RecordUpdate> Records { get; init; } = [];

    /// <summary>The JSON spelling of <see cref="Action"/>, e.g. <c>move-to-platform</c>.</summary>
    public string ActionName => JsonNames.Of(Action);
}

/// <summary>A phase of a plan and its steps.</summary>
/// <param name="Phase">Which phase.</param>
/// <param name="Name">Its name for a planner.</param>
/// <param name="Steps">The numbers of its steps, ascending and consecutive.</param>
public sealed record MigrationPhase(PlanPhase Phase, LocalizedText Name, IReadOnlyList<int> Steps)
{
    /// <summary>When the phase starts on the plan's timeline; <see langword="null"/> when the plan has no <see cref="MigrationPlan.Schedule"/>.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>When the phase is done (a milestone's date when one closes it); <see langword="null"/> without a schedule.</summary>
    public DateOnly? End { get; init; }
}

/// <summary>Where a system on a retired platform or network goes.</summary>
/// <param name="System">The system (its to-be id when it has one).</param>
/// <param name="To">The platform it is hosted on, or the networks it is attached to, in the to-be model; empty when it retires or when nothing is said.</param>
/// <param name="Retired">Whether the system itself retires (or leaves the model).</param>
public sealed record HostDestination(string System, IReadOnlyList<string> To, bool Retired)
{
    /// <summary>Whether the to-be model leaves the system in service with nowhere to go: a gap in the plan to resolve.</summary>
    public bool Unresolved => !Retired && To.Count == 0;
}

/// <summary>A system that leaves a platform or network and that the to-be model gives no new one.</summary>
/// <param name="Step">The step in which it leaves (moved off, or its host retired).</param>
/// <param name="System">The system.</param>
/// <param name="Host">The platform or network it leaves.</param>
/// <param name="HostKind">Whether <paramref name="Host"/> is a platform or a network.</param>
public sealed record UnresolvedMove(int Step, string System, string Host, ElementKind HostKind);

/// <summary>One inventory record updated by a record-keeping step.</summary>
/// <param name="Element">The element whose record changes.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Change">Whether it is added (already out of service), or changed.</param>
/// <param name="Changes">The fields that change (every field for an added record).</param>
public sealed record RecordUpdate(string Element, ElementKind Kind, ChangeKind Change, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What the systems in use cost to run a year, before and after the plan, and where the difference comes from
/// (docs/planning.md, Operating cost). Only recorded <c>cost.annualOperation</c> values count.
/// </summary>
/// <param name="Before">The as-is total over active systems.</param>
/// <param name="After">The to-be total over active systems.</param>
/// <param name="Retired">What the systems that go out of service (retired or removed) cost in the as-is model.</param>
/// <param name="Added">What the systems that come into service (new, or put into operation) cost in the to-be model.</param>
/// <param name="Changed">The change in cost of the systems active in both models (to-be minus as-is).</param>
/// <param name="AvoidableBefore">The as-is cost that consolidating duplicate builds would save (metric <c>avoidableAnnualCost</c>).</param>
/// <param name="AvoidableAfter">The same in the to-be model.</param>
public sealed record OperatingCostChange(double Before, double After, double Retired, double Added, double Changed, double AvoidableBefore, double AvoidableAfter)
{
    /// <summary>The net change a year: <see cref="After"/> − <see cref="Before"/> = <see cref="Added"/> − <see cref="Retired"/> + <see cref="Changed"/>.</summary>
    public double Net => After - Before;

    /// <summary>The avoidable cost the plan removes a year (<see cref="AvoidableBefore"/> − <see cref="AvoidableAfter"/>).</summary>
    public double AvoidableSaved => AvoidableBefore - AvoidableAfter;
}

/// <summary>A milestone of the to-be model placed on the plan's timeline.</summary>
/// <param name="Milestone">The milestone.</param>
/// <param name="ClosesPhase">Whether its date fixed the end of its phase.</param>
/// <param name="OutsidePeriod">Whether it falls before the as-is date or after the to-be date (then it is shown but fixes nothing).</param>
/// <param name="OutOfOrder">Whether it closes a phase earlier than an earlier phase's milestone (then it fixes nothing).</param>
public sealed record ScheduledMilestone(Milestone Milestone, bool ClosesPhase, bool OutsidePeriod, bool OutOfOrder);

/// <summary>The plan's timeline: from the as-is model's date to the to-be model's date, with the to-be model's milestones.</summary>
/// <param name="Start">The as-is model's <c>asOf</c>.</param>
/// <param name="End">The to-be model's <c>asOf</c>.</param>
/// <param name="Milestones">The to-be model's milestones, by date then id.</param>
public sealed record PlanSchedule(DateOnly Start, DateOnly End, IReadOnlyList<ScheduledMilestone> Milestones);

/// <summary>Steps that depend on each other in a circle, so that no order satisfies all their dependencies.</summary>
/// <param name="Steps">The numbers of the steps in the cycle, ascending.</param>
/// <param name="Dependencies">The dependencies among them that the order could not honour, as (step, must come after) pairs.</param>
public sealed record DependencyCycle(IReadOnlyList<int> Steps, IReadOnlyList<(int Step, int After)> Dependencies);

/// <summary>The ordered plan that takes the as-is model to the to-be model.</summary>
/// <remarks>Immutable. Steps are in execution order; phases are consecutive ranges of steps.</remarks>
public sealed class MigrationPlan
{
    internal MigrationPlan(IReadOnlyList<MigrationStep> steps, IReadOnlyList<MigrationPhase> phases, IReadOnlyList<DependencyCycle> cycles)
    {
        Steps = steps;
        Phases = phases;
        Cycles = cycles;
    }

    /// <summary>The systems the to-be model leaves without a platform or network after theirs is retired or left, by step.</summary>
    public IReadOnlyList<UnresolvedMove> Unresolved { get; internal init; } = [];

    /// <summary>The annual operating cost before and after, and the net change.</summary>
    public OperatingCostChange OperatingCost { get; internal init; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The timeline, when both models have a date (<c>model.asOf</c>) and the to-be date is later; then every phase
    /// has a <see cref="MigrationPhase.Start"/> and <see cref="MigrationPhase.End"/>. <see langword="null"/> otherwise.
    /// </summary>
    public PlanSchedule? Schedule { get; internal init; }

    /// <summary>The steps, in order (<see cref="MigrationStep.Order"/> 1, 2, …).</summary>
    public IReadOnlyList<MigrationStep> Steps { get; }

    /// <summary>The phases that have steps, in order.</summary>
    public IReadOnlyList<MigrationPhase> Phases { get; }

    /// <summary>Dependency cycles found (normally none); their steps are still in <see cref="Steps"/>, in tie-break order.</summary>
    public IReadOnlyList<DependencyCycle> Cycles { get; }

    /// <summary>Whether there is nothing to do.</summary>
    public bool IsEmpty => Steps.Count == 0;

    /// <summary>The step with this number.</summary>
    public MigrationStep this[int order] => Steps[order - 1];

    /// <summary>The name of a phase in both languages.</summary>
    public static LocalizedText PhaseName(PlanPhase phase) =>
        Texts.Of("plan.phase." + (phase is >= PlanPhase.Prepare and < PlanPhase.CloseOut ? (int)phase : (int)PlanPhase.CloseOut).ToString(CultureInfo.InvariantCulture));

    /// <summary>The name of an action in both languages.</summary>
    public static LocalizedText ActionLabel(StepAction action) => Texts.Of("plan.action." + (Enum.IsDefined(action) ? JsonNames.Of(action) : "update"));
}
