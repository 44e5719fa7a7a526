using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>
/// Turns a <see cref="ModelDiff"/> into an ordered <see cref="MigrationPlan"/>: every change becomes a
/// step with an action and its dependencies, sorted topologically (QuikGraph) and grouped into phases.
/// </summary>
/// <remarks>
/// Ordering rules (docs/planning.md): a system moves onto a network or platform only after that exists; a
/// network or platform is retired only after every system left it; a system is retired only after the
/// flows that depended on it moved to its replacement; a flow is stopped only after the flow replacing it
/// runs. Steps with no order between them keep a stable order (phase, action, subject id). Stateless and
/// thread-safe; the same diff always gives the same plan.
/// </remarks>
public static class MigrationPlanner
{
    /// <summary>Plans the migration from the diff's as-is model to its to-be model.</summary>
    /// <param name="diff">The diff to plan.</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static MigrationPlan Plan(ModelDiff diff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var builder = new PlanBuilder(diff);
        builder.CreateSteps();
        builder.FoldRecords();
        cancellationToken.ThrowIfCancellationRequested();
        builder.AddDependencies();
        builder.ResolveHosts();
        builder.Describe();
        cancellationToken.ThrowIfCancellationRequested();
        var plan = StepOrder.Order(builder.Steps, builder.Edges);
        var schedule = PlanTimeline.Schedule(diff.Before.Info.AsOf, diff.After.Info.AsOf, diff.After.Info.Milestones, plan.Phases);
        return new MigrationPlan(plan.Steps, schedule.Phases, plan.Cycles)
        {
            Unresolved = Unresolved(diff, plan),
            OperatingCost = OperatingCost(diff),
            Schedule = schedule.Schedule,
        };
    }

    /// <summary>
    /// Every system that leaves a platform or network and is given no new one while staying in service: reported at the
    /// step in which it moves off, else at the retirement of its host.
    /// </summary>
    private static List<UnresolvedMove> Unresolved(ModelDiff diff, MigrationPlan plan)
    {
        var result = new List<UnresolvedMove>();
        var seen = new HashSet<(string, string)>();
        MigrationStep? MoveOff(string system, StepAction action) =>
            plan.Steps.FirstOrDefault(s => s.Action == action && s.Subject == system);
        foreach (var step in plan.Steps)
        {
            foreach (var d in step.Destinations.Where(static d => d.Unresolved))
            {
                var move = MoveOff(d.System, step.Action == StepAction.RetirePlatform ? StepAction.MoveToPlatform : StepAction.MoveToNetwork);
                if (seen.Add((d.System, step.Subject)))
                {
                    result.Add(new UnresolvedMove(move?.Order ?? step.Order, d.System, step.Subject, step.Kind));
                }
            }
            // A system taken off a platform that stays: nothing retires, but the system has nowhere to run.
            if (step.Action == StepAction.MoveToPlatform && diff.Find(step.Subject) is { Before: InformationSystem { Hosting: { } old }, After: InformationSystem { Hosting: null, IsActive: true } }
                && seen.Add((step.Subject, diff.AfterIdOf(old) ?? old)))
            {
                result.Add(new UnresolvedMove(step.Order, step.Subject, diff.AfterIdOf(old) ?? old, ElementKind.Platform));
            }
        }
        return result.OrderBy(static u => u.Step).ThenBy(static u => u.System, StringComparer.Ordinal).ThenBy(static u => u.Host, StringComparer.Ordinal).ToList();
    }

    /// <summary>The annual operating cost of the active systems before and after, split into what retires, what comes, what changes.</summary>
    internal static OperatingCostChange OperatingCost(ModelDiff diff)
    {
        static double Cost(InformationSystem? s) => s is { IsActive: true } ? s.Cost?.AnnualOperation ?? 0 : 0;
        double before = 0, after = 0, retired = 0, added = 0, changed = 0;
        foreach (var s in diff.Before.Systems)
        {
            before += Cost(s);
            var now = diff.AfterIdOf(s.Id) is { } id ? diff.After.GetSystem(id) : null;
            if (s.IsActive && now is not { IsActive: true })
            {
                retired += Cost(s);
            }
            else if (s.IsActive)
            {
                changed += Cost(now) - Cost(s);
            }
        }
        var formerlyActive = new HashSet<string>(diff.Before.Systems.Where(static s => s.IsActive)
            .Select(s => diff.AfterIdOf(s.Id) ?? "").Where(static id => id.Length > 0), StringComparer.Ordinal);
        foreach (var s in diff.After.Systems)
        {
            after += Cost(s);
            if (s.IsActive && !formerlyActive.Contains(s.Id))
            {
                added += Cost(s);
            }
        }
        var avoidable = diff.Metrics.FirstOrDefault(static m => m.Metric == MetricNames.AvoidableAnnualCost);
        return new OperatingCostChange(before, after, retired, added, changed, avoidable?.Before ?? 0, avoidable?.After ?? 0);
    }
}

/// <summary>A step before it has a number.</summary>
internal sealed class DraftStep
{
    public required StepAction Action { get; init; }
    public required string Subject { get; init; }
    public required ElementKind Kind { get; init; }
    public required ElementChange Change { get; init; }
    public List<FieldChange> Changes { get; } = [];
    public SortedSet<string> Elements { get; } = new(StringComparer.Ordinal);
    public List<string> Replacements { get; } = [];
    public List<HostDestination> Destinations { get; } = [];

    /// <summary>For a folded record-keeping step, the per-element record steps it stands for, by element id.</summary>
    public List<DraftStep> Records { get; } = [];
    public LocalizedText Description { get; set; } = LocalizedText.Neutral("");
    public int Index { get; set; }

    /// <summary>The phase the action belongs to, before dependencies push it later.</summary>
    public PlanPhase BasePhase => PhaseOf(Action);

    public static PlanPhase PhaseOf(StepAction action) => action switch
    {
        StepAction.Register or StepAction.StartProject => PlanPhase.Prepare,
        StepAction.BuildNetwork or StepAction.BuildPlatform or StepAction.LinkNetworks or StepAction.UpdateNetwork
            or StepAction.UpdatePlatform => PlanPhase.Foundations,
        StepAction.BuildSystem or StepAction.GoLive or StepAction.MoveToNetwork or StepAction.MoveToPlatform
            or StepAction.Localize or StepAction.ShareSystem => PlanPhase.Systems,
        StepAction.RegisterData or StepAction.ShareData or StepAction.OpenData or StepAction.Connect
            or StepAction.ChangeFlow or StepAction.LaunchService or StepAction.ChangeService => PlanPhase.ConnectAndShare,
        StepAction.Disconnect or StepAction.WithdrawService or StepAction.RetireSystem or StepAction.RetireData
            or StepAction.RetirePlatform or StepAction.RetireNetwork or StepAction.Deregister => PlanPhase.Retire,
        _ => PlanPhase.CloseOut,
    };
}

/// <summary>The component changes of one category in a localization step.</summary>
/// <param name="Category">The category's JSON spelling, or null for components without one.</param>
/// <param name="Removed">The components of the category removed.</param>
/// <param name="Added">The components of the category added.</param>
/// <param name="Kept">The names of the system's other components of the category in the to-be model.</param>
internal sealed record ComponentGroup(string? Category, IReadOnlyList<IReadOnlyDictionary<string, object?>> Removed,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Added, IReadOnlyList<string> Kept);

/// <summary>Creates the steps of a diff and the dependencies between them.</summary>
internal sealed class PlanBuilder
{
    private readonly ModelDiff _diff;
    private readonly Dictionary<(string, StepAction), DraftStep> _byKey = new();
    private readonly Dictionary<string, List<DraftStep>> _bySubject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _replacements = new(StringComparer.Ordinal);

    /// <summary>The most equally scored replacements a retired system may have; more is ambiguous, and none is chosen.</summary>
    internal const int MaxReplacements = 3;

    public PlanBuilder(ModelDiff diff) => _diff = diff;

    public List<DraftStep> Steps { get; } = [];

    /// <summary>Dependencies as (prerequisite, dependent) step pairs.</summary>
    public HashSet<(DraftStep Before, DraftStep After)> Edges { get; } = [];

    private ArchitectureModel BeforeModel => _diff.Before;
    private ArchitectureModel AfterModel => _diff.After;

    // The steps that connect or change a flow, indexed by the flow's ends: a national plan has a hundred thousand of
    // them, and every retired system and stopped flow looks for the few at its own systems. Made again when the steps
    // have changed since (records fold into one step per agency before any dependency is looked for).
    private NewFlowIndex? _newFlows;
    private int _newFlowsAt = -1;

    private NewFlowIndex NewFlowSteps
    {
        get
        {
            if (_newFlows is null || _newFlowsAt != Steps.Count)
            {
                _newFlows = new NewFlowIndex(Steps);
                _newFlowsAt = Steps.Count;
            }
            return _newFlows;
        }
    }

    // The to-be systems by id (every system of an id, as a scan of the model would meet them), made on first use.
    private Dictionary<string, List<InformationSystem>>? _afterSystems;

    // ───────────────────────────── steps ─────────────────────────────

    public void CreateSteps()
    {
        foreach (var change in _diff.All)
        {
            switch (change.Change)
            {
                case ChangeKind.Added: Added(change); break;
                case ChangeKind.Removed: Removed(change); break;
                default: Changed(change); break;
            }
        }
        foreach (var step in Steps)
        {
            step.Elements.Add(step.Subject);
        }
    }

    /// <summary>Writes every step's description (after the dependencies, which add the elements descriptions name).</summary>
    public void Describe()
    {
        foreach (var step in Steps)
        {
            step.Description = Describer.Describe(this, step);
        }
    }

    private void Added(ElementChange c)
    {
        var action = c.After switch
        {
            Capability or Agency => StepAction.Register,
            Project => StepAction.StartProject,
            Network => StepAction.BuildNetwork,
            Platform => StepAction.BuildPlatform,
            InformationSystem s => s.Status is SystemStatus.Retiring or SystemStatus.Retired ? StepAction.Update : StepAction.BuildSystem,
            DataResource => StepAction.RegisterData,
            Flow f => f.IsActive ? StepAction.Connect : StepAction.Update,
            _ => StepAction.LaunchService,
        };
        Add(c, action, FieldValues.Of(c.After!).Where(static f => !FieldValues.IsEmpty(f.Value))
            .Select(static f => new FieldChange(f.Path, null, f.Value, f.IsSet)));
    }

    private void Removed(ElementChange c)
    {
        var action = c.Before switch
        {
            Network => StepAction.RetireNetwork,
            Platform => StepAction.RetirePlatform,
            InformationSystem s => s.Status == SystemStatus.Retired ? StepAction.Deregister : StepAction.RetireSystem,
            DataResource => StepAction.RetireData,
            Flow f => f.IsActive ? StepAction.Disconnect : StepAction.Deregister,
            Service => StepAction.WithdrawService,
            _ => StepAction.Deregister,
        };
        Add(c, action, []);
    }

    private void Changed(ElementChange c)
    {
        // Each field goes to the action that carries it out; what no action covers is a record update.
        Func<string, StepAction> route = c.After switch
        {
            Project => static f => f == "stage" ? StepAction.AdvanceProject : StepAction.Update,
            Network => static f => f == "links" ? StepAction.LinkNetworks : f is "kind" or "classified" or "owner" ? StepAction.UpdateNetwork : StepAction.Update,
            Platform => static f => f is "kind" or "shared" or "owner" or "region" or "networks" ? StepAction.UpdatePlatform : StepAction.Update,
            InformationSystem s => SystemRoute((InformationSystem)c.Before!, s),
            DataResource => static f => f switch
            {
                "sharing" => StepAction.ShareData,
                "open" => StepAction.OpenData,
                _ => StepAction.Update,
            },
            Flow f => FlowRoute((Flow)c.Before!, f),
            Service => static f => f is "systems" or "channels" ? StepAction.ChangeService : StepAction.Update,
            _ => static _ => StepAction.Update,
        };
        foreach (var group in c.Fields.GroupBy(f => route(f.Field)))
        {
            Add(c, group.Key, group);
        }
    }

    private static Func<string, StepAction> SystemRoute(InformationSystem before, InformationSystem after)
    {
        var wasGone = before.Status is SystemStatus.Retiring or SystemStatus.Retired;
        var isGone = after.Status is SystemStatus.Retiring or SystemStatus.Retired;
        if (before.Status == SystemStatus.Retired && after.Status == SystemStatus.Retired)
        {
            // Out of service in both: only the record changes.
            return static _ => StepAction.Update;
        }
        if (isGone && (!wasGone || after.Status == SystemStatus.Retired))
        {
            return static _ => StepAction.RetireSystem;
        }
        var live = before.Status != after.Status && after.Status is SystemStatus.Operational or SystemStatus.Building
            && (wasGone || before.Status < after.Status);
        var liveAction = after.Status == SystemStatus.Building ? StepAction.BuildSystem : StepAction.GoLive;
        return f => f switch
        {
            "status" or "networks" or "hosting" or "components" when live => liveAction,
            "networks" => StepAction.MoveToNetwork,
            "hosting" => StepAction.MoveToPlatform,
            "components" => StepAction.Localize,
            "usedBy" => StepAction.ShareSystem,
            _ => StepAction.Update,
        };
    }

    private static Func<string, StepAction> FlowRoute(Flow before, Flow after)
    {
        if (before.IsActive && !after.IsActive)
        {
            return static _ => StepAction.Disconnect;
        }
        if (!after.IsActive)
        {
            return static _ => StepAction.Update;
        }
        if (!before.IsActive || before.Status != after.Status)
        {
            return static _ => StepAction.Connect;
        }
        return static f => f is "from" or "to" or "carries" or "via" or "mode" ? StepAction.ChangeFlow : StepAction.Update;
    }

    private void Add(ElementChange c, StepAction action, IEnumerable<FieldChange> changes)
    {
        var step = new DraftStep { Action = action, Subject = c.Id, Kind = c.Kind, Change = c };
        step.Changes.AddRange(changes);
        step.Changes.Sort(static (a, b) => string.CompareOrdinal(a.Field, b.Field));
        if (!_byKey.TryAdd((c.Id, action), step))
        {
            // A removed element and an added one cannot share an id and action; keep the first.
            return;
        }
        if (!_bySubject.TryGetValue(c.Id, out var list))
        {
            _bySubject[c.Id] = list = [];
        }
        list.Add(step);
        Steps.Add(step);
    }

    /// <summary>
    /// Record keeping is one closing step per agency: every <see cref="StepAction.Update"/> step of an element the agency
    /// owns (systems, networks, platforms, data, services and projects by owner; flows by the owner of their sending
    /// system; the agency itself) becomes part of one step whose subject is the agency. An element with no agency
    /// (a capability) keeps its own step. Runs before the dependencies: no dependency involves a record step.
    /// </summary>
    public void FoldRecords()
    {
        var records = Steps.Where(static s => s.Action == StepAction.Update).ToList();
        if (records.Count == 0)
        {
            return;
        }
        var byAgency = new SortedDictionary<string, List<DraftStep>>(StringComparer.Ordinal);
        foreach (var step in records)
        {
            if (AgencyOf(step) is not { } agency)
            {
                continue;
            }
            if (!byAgency.TryGetValue(agency, out var list))
            {
                byAgency[agency] = list = [];
            }
            list.Add(step);
        }
        // The folded steps leave the list in one pass (one removal at a time is quadratic on a national plan).
        var folding = byAgency.Values.SelectMany(static l => l).ToHashSet(ReferenceEqualityComparer.Instance);
        Steps.RemoveAll(folding.Contains);
        foreach (var (agency, list) in byAgency)
        {
            foreach (var step in list)
            {
                _byKey.Remove((step.Subject, StepAction.Update));
                _bySubject[step.Subject].Remove(step);
            }
            var before = BeforeModel.Find(agency);
            var after = AfterModel.Find(agency);
            var folded = new DraftStep
            {
                Action = StepAction.Update,
                Subject = agency,
                Kind = ElementKind.Agency,
                Change = new ElementChange(ChangeKind.Changed, ElementKind.Agency, agency, before is null ? null : agency, before, after, []),
            };
            folded.Records.AddRange(list.OrderBy(static s => s.Subject, StringComparer.Ordinal));
            folded.Elements.Add(agency);
            folded.Elements.UnionWith(list.Select(static s => s.Subject));
            _byKey[(agency, StepAction.Update)] = folded;
            if (!_bySubject.TryGetValue(agency, out var mine))
            {
                _bySubject[agency] = mine = [];
            }
            mine.Add(folded);
            Steps.Add(folded);
        }
    }

    /// <summary>The agency responsible for an element's record (its to-be id), or null when it has none.</summary>
    private string? AgencyOf(DraftStep step)
    {
        var e = step.Change.After ?? step.Change.Before;
        var owner = e switch
        {
            Agency a => a.Id,
            Flow f => (AfterModel.GetSystem(f.From) ?? BeforeModel.GetSystem(f.From))?.Owner,
            _ => OwnerOf(e!),
        };
        return owner is null ? null : Map(owner);
    }

    /// <summary>
    /// Where the systems of a retired platform or network go: the platform hosting them, or the networks they are on,
    /// in the to-be model; nowhere when they retire; unresolved when they stay in service with neither.
    /// </summary>
    public void ResolveHosts()
    {
        foreach (var step in Steps.Where(static s => s.Action is StepAction.RetirePlatform or StepAction.RetireNetwork))
        {
            var host = step.Change.Before!.Id;
            var systems = step.Action == StepAction.RetirePlatform ? BeforeModel.SystemsHostedOn(host) : BeforeModel.SystemsOn(host);
            foreach (var old in systems)
            {
                var id = Map(old.Id);
                var now = AfterModel.GetSystem(id);
                var retired = now is not { IsActive: true };
                IReadOnlyList<string> to = retired ? []
                    : step.Action == StepAction.RetirePlatform ? (now!.Hosting is { } h ? [h] : [])
                    : now!.Networks.Where(n => n != Map(host)).ToList();
                step.Destinations.Add(new HostDestination(id, to, retired));
                step.Elements.Add(id);
                step.Elements.UnionWith(to);
            }
            step.Destinations.Sort(static (a, b) => string.CompareOrdinal(a.System, b.System));
        }
    }

    /// <summary>
    /// A localization's component changes by category: a removed component is replaced only by added components of
    /// the same category (a switch by a switch, middleware by middleware); a removed one with none added is stopped,
    /// noting the kept components of its category that take over its work.
    /// </summary>
    public static IReadOnlyList<ComponentGroup> ComponentGroups(DraftStep step)
    {
        var change = step.Changes.First(static f => f.Field == "components");
        static string? Category(IReadOnlyDictionary<string, object?> c) => c.TryGetValue("category", out var v) ? v as string : null;
        static string Name(IReadOnlyDictionary<string, object?> c) => (string)c["name"]!;
        var added = change.AddedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
        var removed = change.RemovedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
        var now = (step.Change.After as InformationSystem)?.Components ?? [];
        var categories = added.Concat(removed).Select(Category).Distinct()
            .OrderBy(static c => c is null ? int.MaxValue : JsonNames.TryParse<ComponentCategory>(c, out var k) ? (int)k : int.MaxValue - 1)
            .ThenBy(static c => c, StringComparer.Ordinal);
        var result = new List<ComponentGroup>();
        foreach (var category in categories)
        {
            var add = added.Where(c => Category(c) == category).ToList();
            var addedNames = add.Select(Name).ToHashSet(StringComparer.Ordinal);
            var kept = now.Where(c => (c.Category is { } k ? JsonNames.Of(k) : null) == category && !addedNames.Contains(c.Name))
                .Select(static c => c.Name).Distinct(StringComparer.Ordinal).ToList();
            result.Add(new ComponentGroup(category, removed.Where(c => Category(c) == category).ToList(), add, kept));
        }
        return result;
    }

    // ─────────────────────────── look-ups ───────────────────────────

    public DraftStep? Step(string? id, StepAction action) => id is not null && _byKey.TryGetValue((id, action), out var s) ? s : null;

    public IReadOnlyList<DraftStep> StepsOf(string? id) => id is not null && _bySubject.TryGetValue(id, out var l) ? l : [];

    /// <summary>The to-be id of an as-is id (renames followed), else the id itself.</summary>
    public string Map(string beforeId) => _diff.AfterIdOf(beforeId) ?? beforeId;

    /// <summary>The to-be id of an as-is data resource, following renames and merges (<see cref="DataReplacement"/>).</summary>
    private string MapData(string beforeId) => _diff.AfterIdOf(beforeId) ?? DataReplacement(beforeId) ?? beforeId;

    /// <summary>
    /// The to-be resource a removed as-is resource was merged into: the one naming it in <c>formerIds</c>; else
    /// the one resource of the same category (not <c>other</c>) whose owner is in the same jurisdiction or on the
    /// same sector line (the duplicate-collection relation of AM1004); else none.
    /// </summary>
    public string? DataReplacement(string beforeId)
    {
        if (_diff.MergedInto.TryGetValue(beforeId, out var into))
        {
            return into;
        }
        if (_diff.AfterIdOf(beforeId) is not null || BeforeModel.GetDataResource(beforeId) is not { Category: { } category and not ResourceCategory.Other } old)
        {
            return null;
        }
        var owner = Map(old.Owner);
        var candidates = AfterModel.DataResources.Where(d => d.Category == category
            && (d.Owner == owner || AfterModel.SameJurisdiction(d.Owner, owner) || AfterModel.ShareSectorLine(d.Owner, owner))).ToList();
        return candidates.Count == 1 ? candidates[0].Id : null;
    }

    public Element? AfterElement(string id) => AfterModel.Find(id);

    /// <summary>The element as the to-be model has it, else as the as-is model had it (for names).</summary>
    public Element? AnyElement(string id) => AfterModel.Find(id) ?? BeforeModel.Find(id);

    /// <summary>The step that makes a to-be system available: its build or go-live step.</summary>
    private DraftStep? Ready(string? systemId) => Step(systemId, StepAction.BuildSystem) ?? Step(systemId, StepAction.GoLive);

    private DraftStep? Built(string? id) => Step(id, StepAction.BuildNetwork) ?? Step(id, StepAction.BuildPlatform);

    private static bool IsRetiring(DraftStep step) => step.Action == StepAction.RetireSystem;

    /// <summary>
    /// The to-be systems that take over from a retired system: the to-be element naming it in
    /// <c>formerIds</c>; else active systems sharing a capability whose owner is its owner or whose
    /// <c>usedBy</c> includes its owner; else the systems at the other end of new flows with its counterparts.
    /// </summary>
    public IReadOnlyList<string> Replacements(DraftStep retire)
    {
        if (_replacements.TryGetValue(retire.Subject, out var cached))
        {
            return cached;
        }
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var old = (InformationSystem)retire.Change.Before!;
        if (_diff.MergedInto.TryGetValue(old.Id, out var merged) && AfterModel.GetSystem(merged) is { IsActive: true })
        {
            result.Add(merged);
        }
        if (result.Count == 0)
        {
            // Score every active to-be system: +2 a capability in common, +2 its usedBy gains the retired system's
            // owner in this plan (+1 when it already had it), +1 the same owner, +2 a new flow of it takes over a flow
            // of the retired system. A candidate needs the flow evidence, the owner in usedBy, or the same owner and a
            // common capability; the best score wins (ties: all).
            var owner = Map(old.Owner);
            var caps = old.Capabilities.Select(Map).ToHashSet(StringComparer.Ordinal);
            var flowEvidence = new HashSet<string>(StringComparer.Ordinal);
            var index = NewFlowSteps;
            foreach (var (flow, counterpart, outgoing) in OldFlows(old.Id))
            {
                // The new flows whose other end is the counterpart: to it when the retired system sent, else from it.
                foreach (var i in outgoing ? index.To(counterpart) : index.From(counterpart))
                {
                    var f = index.Flows[i];
                    var end = outgoing ? f.From : f.To;
                    if (end != counterpart && CarriesOverlap(flow, f))
                    {
                        flowEvidence.Add(end);
                    }
                }
            }
            // Only a system with flow evidence, the owner among its users, or the same owner can qualify: those are
            // scored, each once (the result is a set, and the best score the same, in any order).
            _afterSystems ??= AfterModel.Systems.GroupBy(static x => x.Id, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.ToList(), StringComparer.Ordinal);
            var candidates = new HashSet<InformationSystem>(ReferenceEqualityComparer.Instance);
            candidates.UnionWith(AfterModel.SystemsOwnedBy(owner));
            candidates.UnionWith(AfterModel.SystemsUsedBy(owner));
            foreach (var id in flowEvidence)
            {
                if (_afterSystems.TryGetValue(id, out var withId))
                {
                    candidates.UnionWith(withId);
                }
            }
            var best = 0;
            foreach (var s in candidates)
            {
                if (!s.IsActive || s.Id == retire.Subject || StepsOf(s.Id).Any(IsRetiring))
                {
                    continue;
                }
                var common = s.Capabilities.Any(caps.Contains);
                var user = s.UsedBy.Contains(owner, StringComparer.Ordinal);
                var newUser = user && Step(s.Id, StepAction.ShareSystem) is { } share
                    && share.Changes.SelectMany(static c => c.AddedValues).OfType<string>().Contains(owner, StringComparer.Ordinal);
                var sameOwner = s.Owner == owner;
                var flows = flowEvidence.Contains(s.Id);
                if (!flows && !user && !(sameOwner && common))
                {
                    continue;
                }
                var score = (common ? 2 : 0) + (newUser ? 2 : user ? 1 : 0) + (sameOwner ? 1 : 0) + (flows ? 2 : 0);
                if (score > best)
                {
                    best = score;
                    result.Clear();
                }
                if (score == best)
                {
                    result.Add(s.Id);
                }
            }
        }
        // More than three equally good candidates is no evidence for any of them.
        var list = result.Count <= MaxReplacements ? result.ToList() : [];
        _replacements[retire.Subject] = list;
        return list;
    }

    /// <summary>The as-is active flows touching a system: the flow, the counterpart (to-be id), whether the system sends.</summary>
    private IEnumerable<(Flow Flow, string Counterpart, bool Outgoing)> OldFlows(string beforeSystemId)
    {
        foreach (var f in BeforeModel.FlowsFrom(beforeSystemId).Where(static f => f.IsActive))
        {
            yield return (f, Map(f.To), true);
        }
        foreach (var f in BeforeModel.FlowsTo(beforeSystemId).Where(static f => f.IsActive))
        {
            yield return (f, Map(f.From), false);
        }
    }

    private bool CarriesOverlap(Flow old, Flow now)
    {
        if (old.Carries.Count == 0 || now.Carries.Count == 0)
        {
            return true;
        }
        var mapped = old.Carries.Select(MapData).ToHashSet(StringComparer.Ordinal);
        return now.Carries.Any(mapped.Contains);
    }

    /// <summary>For a stopped as-is flow, the new or changed to-be flows that take its place.</summary>
    public IReadOnlyList<DraftStep> ReplacementFlows(Flow old)
    {
        var from = Map(old.From);
        var to = Map(old.To);
        var fromRetire = StepsOf(from).FirstOrDefault(IsRetiring);
        var toRetire = StepsOf(to).FirstOrDefault(IsRetiring);
        var fromOk = fromRetire is null ? null : Replacements(fromRetire).ToHashSet(StringComparer.Ordinal);
        var toOk = toRetire is null ? null : Replacements(toRetire).ToHashSet(StringComparer.Ordinal);
        var result = new List<DraftStep>();
        // Every match starts at the old sender or one of its replacements, or (when neither end retires) ends at the
        // old receiver: only the new flows there are tried, in step order.
        var index = NewFlowSteps;
        var tried = fromOk is null ? index.From(from) : fromOk.SelectMany(index.From);
        if (fromOk is null && toOk is null)
        {
            tried = tried.Concat(index.To(to));
        }
        foreach (var i in tried.Distinct().Order())
        {
            var step = index.Steps[i];
            var f = index.Flows[i];
            if (f.Id == Map(old.Id) && step.Action == StepAction.ChangeFlow)
            {
                continue;
            }
            bool match;
            if (fromOk is null && toOk is null)
            {
                // Neither end retires: a flow with one end in common carrying some of the same data.
                match = (f.From == from) != (f.To == to) && old.Carries.Count > 0 && f.Carries.Count > 0 && CarriesOverlap(old, f);
            }
            else
            {
                match = (fromOk is null ? f.From == from : fromOk.Contains(f.From))
                    && (toOk is null ? f.To == to : toOk.Contains(f.To))
                    && CarriesOverlap(old, f);
            }
            if (match)
            {
                result.Add(step);
            }
        }
        return result;
    }

    // ───────────────────────── dependencies ─────────────────────────

    private void Edge(DraftStep? before, DraftStep after)
    {
        if (before is not null && before != after)
        {
            Edges.Add((before, after));
        }
    }

    public void AddDependencies()
    {
        ProjectsFirst();
        foreach (var step in Steps)
        {
            var after = step.Change.After;
            var before = step.Change.Before;
            switch (step.Action)
            {
                case StepAction.Register when after is Agency a:
                    Edge(Step(a.Parent, StepAction.Register), step);
                    break;
                case StepAction.Register when after is Capability c:
                    Edge(Step(c.Parent, StepAction.Register), step);
                    break;
                case StepAction.StartProject:
                    Edge(Step(((Project)after!).Agency, StepAction.Register), step);
                    break;
                case StepAction.BuildNetwork or StepAction.UpdateNetwork:
                    Edge(Step(((Network)after!).Owner, StepAction.Register), step);
                    if (step.Action == StepAction.BuildNetwork)
                    {
                        step.Elements.UnionWith(((Network)after).Links.Select(static l => l.To));
                    }
                    break;
                case StepAction.LinkNetworks:
                    foreach (var link in step.Changes.SelectMany(static c => c.AddedValues).OfType<IReadOnlyDictionary<string, object?>>())
                    {
                        Edge(Step(link["to"] as string, StepAction.BuildNetwork), step);
                        step.Elements.Add((string)link["to"]!);
                    }
                    foreach (var link in step.Changes.SelectMany(static c => c.RemovedValues).OfType<IReadOnlyDictionary<string, object?>>())
                    {
                        step.Elements.Add((string)link["to"]!);
                    }
                    break;
                case StepAction.BuildPlatform or StepAction.UpdatePlatform:
                {
                    var p = (Platform)after!;
                    Edge(Step(p.Owner, StepAction.Register), step);
                    foreach (var n in p.Networks)
                    {
                        Edge(Step(n, StepAction.BuildNetwork), step);
                        step.Elements.Add(n);
                    }
                    break;
                }
                case StepAction.BuildSystem or StepAction.GoLive:
                {
                    var s = (InformationSystem)after!;
                    Edge(Step(s.Owner, StepAction.Register), step);
                    Edge(Step(s.Project, StepAction.StartProject), step);
                    foreach (var n in s.Networks)
                    {
                        Edge(Step(n, StepAction.BuildNetwork), step);
                        step.Elements.Add(n);
                    }
                    if (s.Hosting is not null)
                    {
                        Edge(Step(s.Hosting, StepAction.BuildPlatform), step);
                        Edge(Step(s.Hosting, StepAction.UpdatePlatform), step);
                        step.Elements.Add(s.Hosting);
                    }
                    foreach (var cap in s.Capabilities)
                    {
                        Edge(Step(cap, StepAction.Register), step);
                    }
                    break;
                }
                case StepAction.MoveToNetwork:
                    foreach (var n in step.Changes.SelectMany(static c => c.AddedValues).OfType<string>())
                    {
                        Edge(Step(n, StepAction.BuildNetwork), step);
                        step.Elements.Add(n);
                    }
                    foreach (var n in step.Changes.SelectMany(static c => c.RemovedValues).OfType<string>())
                    {
                        step.Elements.Add(Map(n));
                    }
                    break;
                case StepAction.MoveToPlatform:
                {
                    var hosting = ((InformationSystem)after!).Hosting;
                    Edge(Step(hosting, StepAction.BuildPlatform), step);
                    Edge(Step(hosting, StepAction.UpdatePlatform), step);
                    if (hosting is not null) step.Elements.Add(hosting);
                    if (((InformationSystem)before!).Hosting is { } old) step.Elements.Add(Map(old));
                    break;
                }
                case StepAction.ShareSystem:
                    Edge(Ready(step.Subject), step);
                    foreach (var agency in step.Changes.SelectMany(static c => c.AddedValues.Concat(c.RemovedValues)).OfType<string>())
                    {
                        Edge(Step(agency, StepAction.Register), step);
                        step.Elements.Add(agency);
                    }
                    break;
                case StepAction.RegisterData:
                    Edge(Step(((DataResource)after!).Owner, StepAction.Register), step);
                    break;
                case StepAction.Connect or StepAction.ChangeFlow:
                {
                    var f = (Flow)after!;
                    foreach (var end in new[] { f.From, f.To })
                    {
                        Edge(Ready(end), step);
                        Edge(Step(end, StepAction.MoveToNetwork), step);
                        step.Elements.Add(end);
                    }
                    foreach (var n in f.Via)
                    {
                        Edge(Step(n, StepAction.BuildNetwork), step);
                    }
                    foreach (var d in f.Carries)
                    {
                        Edge(Step(d, StepAction.RegisterData), step);
                    }
                    break;
                }
                case StepAction.LaunchService or StepAction.ChangeService:
                {
                    var svc = (Service)after!;
                    Edge(Step(svc.Provider, StepAction.Register), step);
                    var listed = step.Action == StepAction.LaunchService
                        ? svc.Systems
                        : step.Changes.Where(static c => c.Field == "systems").SelectMany(static c => c.AddedValues).OfType<string>().ToList();
                    foreach (var s in listed)
                    {
                        Edge(Ready(s), step);
                        step.Elements.Add(s);
                    }
                    break;
                }
                case StepAction.Disconnect:
                {
                    var old = (Flow)before!;
                    foreach (var replacement in ReplacementFlows(old))
                    {
                        Edge(replacement, step);
                        step.Elements.Add(replacement.Subject);
                    }
                    // A flow of a retiring system stops once the replacing system is ready for its users.
                    foreach (var retire in new[] { Map(old.From), Map(old.To) }.SelectMany(StepsOf).Where(IsRetiring))
                    {
                        foreach (var r in Replacements(retire))
                        {
                            Edge(Ready(r), step);
                            Edge(Step(r, StepAction.ShareSystem), step);
                        }
                    }
                    break;
                }
                case StepAction.RetireSystem:
                    RetireSystem(step, (InformationSystem)before!);
                    break;
                case StepAction.RetireData:
                {
                    var d = (DataResource)before!;
                    foreach (var f in BeforeModel.FlowsCarrying(d.Id))
                    {
                        Edge(Step(Map(f.Id), StepAction.ChangeFlow), step);
                        Edge(Step(Map(f.Id), StepAction.Disconnect), step);
                    }
                    foreach (var s in BeforeModel.SystemsHolding(d.Id))
                    {
                        Edge(Step(Map(s.Id), StepAction.RetireSystem), step);
                    }
                    if (DataReplacement(d.Id) is { } into)
                    {
                        Edge(Step(into, StepAction.RegisterData), step);
                        step.Elements.Add(into);
                    }
                    break;
                }
                case StepAction.RetirePlatform:
                    foreach (var s in BeforeModel.SystemsHostedOn(before!.Id))
                    {
                        Edge(Step(Map(s.Id), StepAction.MoveToPlatform), step);
                        Edge(Step(Map(s.Id), StepAction.RetireSystem), step);
                    }
                    break;
                case StepAction.RetireNetwork:
                    foreach (var s in BeforeModel.SystemsOn(before!.Id))
                    {
                        Edge(Step(Map(s.Id), StepAction.MoveToNetwork), step);
                        Edge(Step(Map(s.Id), StepAction.RetireSystem), step);
                    }
                    foreach (var p in BeforeModel.Platforms.Where(p => p.Networks.Contains(before.Id, StringComparer.Ordinal)))
                    {
                        Edge(Step(Map(p.Id), StepAction.UpdatePlatform), step);
                        Edge(Step(Map(p.Id), StepAction.RetirePlatform), step);
                    }
                    foreach (var f in BeforeModel.Flows.Where(f => f.Via.Contains(before.Id, StringComparer.Ordinal)))
                    {
                        Edge(Step(Map(f.Id), StepAction.ChangeFlow), step);
                        Edge(Step(Map(f.Id), StepAction.Disconnect), step);
                    }
                    foreach (var (other, _) in BeforeModel.LinksOf(before.Id))
                    {
                        Edge(Step(Map(other.Id), StepAction.LinkNetworks), step);
                    }
                    break;
                case StepAction.Deregister when before is Agency agency:
                    foreach (var e in BeforeModel.Elements.Where(e => OwnerOf(e) == agency.Id))
                    {
                        foreach (var s in StepsOf(Map(e.Id)).Where(static s => s.BasePhase == PlanPhase.Retire))
                        {
                            Edge(s, step);
                        }
                    }
                    break;
                case StepAction.AdvanceProject:
                    foreach (var s in AfterModel.SystemsDeliveredBy(step.Subject))
                    {
                        foreach (var work in StepsOf(s.Id).Where(static w => w.BasePhase == PlanPhase.Systems))
                        {
                            Edge(work, step);
                        }
                        step.Elements.Add(s.Id);
                    }
                    break;
            }
        }
    }

    /// <summary>Work on a system (build, move, localize …) starts after the new projects that deliver it are started.</summary>
    private void ProjectsFirst()
    {
        foreach (var project in Steps.Where(static s => s.Action == StepAction.StartProject))
        {
            foreach (var s in AfterModel.SystemsDeliveredBy(project.Subject))
            {
                foreach (var work in StepsOf(s.Id).Where(static w => w.BasePhase == PlanPhase.Systems))
                {
                    Edge(project, work);
                }
            }
        }
    }

    private static string? OwnerOf(Element e) => e switch
    {
        InformationSystem s => s.Owner,
        Network n => n.Owner,
        Platform p => p.Owner,
        DataResource d => d.Owner,
        Service v => v.Provider,
        Project j => j.Agency,
        _ => null,
    };

    private void RetireSystem(DraftStep step, InformationSystem old)
    {
        var replacements = Replacements(step);
        step.Replacements.AddRange(replacements);
        var replacementSet = replacements.ToHashSet(StringComparer.Ordinal);
        foreach (var r in replacements)
        {
            step.Elements.Add(r);
            Edge(Ready(r), step);
            Edge(Step(r, StepAction.ShareSystem), step);
            Edge(Step(r, StepAction.MoveToNetwork), step);
            Edge(Step(r, StepAction.MoveToPlatform), step);
        }
        // The flows that depended on it: each is stopped or redirected first …
        var counterparts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (flow, counterpart, _) in OldFlows(old.Id))
        {
            counterparts.Add(counterpart);
            foreach (var s in StepsOf(Map(flow.Id)).Where(static s => s.Action is StepAction.Disconnect or StepAction.ChangeFlow))
            {
                Edge(s, step);
            }
        }
        // … and the replacement's new flows with the same counterparts run first (in step order).
        var index = NewFlowSteps;
        foreach (var i in replacements.SelectMany(r => index.From(r).Concat(index.To(r))).Distinct().Order())
        {
            var f = index.Flows[i];
            if ((replacementSet.Contains(f.From) && counterparts.Contains(f.To)) || (replacementSet.Contains(f.To) && counterparts.Contains(f.From)))
            {
                Edge(index.Steps[i], step);
            }
        }
        // Services it supported have moved to other systems.
        foreach (var svc in BeforeModel.ServicesUsing(old.Id))
        {
            Edge(Step(Map(svc.Id), StepAction.ChangeService), step);
            Edge(Step(Map(svc.Id), StepAction.WithdrawService), step);
        }
    }
}

/// <summary>The steps of a plan that connect or change a flow, numbered in step order, with their to-be flows by sender and receiver.</summary>
internal sealed class NewFlowIndex
{
    private readonly Dictionary<string, List<int>> _from = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _to = new(StringComparer.Ordinal);

    public NewFlowIndex(IEnumerable<DraftStep> steps)
    {
        foreach (var step in steps)
        {
            if (step.Action is not (StepAction.Connect or StepAction.ChangeFlow))
            {
                continue;
            }
            var flow = (Flow)step.Change.After!;
            var number = Steps.Count;
            Steps.Add(step);
            Flows.Add(flow);
            Add(_from, flow.From, number);
            Add(_to, flow.To, number);
        }
    }

    /// <summary>The steps, in step order.</summary>
    public List<DraftStep> Steps { get; } = [];

    /// <summary>Each step's to-be flow.</summary>
    public List<Flow> Flows { get; } = [];

    /// <summary>The numbers of the steps whose flow a system sends, ascending.</summary>
    public IReadOnlyList<int> From(string systemId) => _from.TryGetValue(systemId, out var list) ? list : [];

    /// <summary>The numbers of the steps whose flow a system receives, ascending.</summary>
    public IReadOnlyList<int> To(string systemId) => _to.TryGetValue(systemId, out var list) ? list : [];

    private static void Add(Dictionary<string, List<int>> index, string id, int number)
    {
        if (!index.TryGetValue(id, out var list))
        {
            index[id] = list = [];
        }
        list.Add(number);
    }
}
