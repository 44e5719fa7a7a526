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
        cancellationToken.ThrowIfCancellationRequested();
        builder.AddDependencies();
        builder.Describe();
        cancellationToken.ThrowIfCancellationRequested();
        return StepOrder.Order(builder.Steps, builder.Edges);
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
            foreach (var (flow, counterpart, outgoing) in OldFlows(old.Id))
            {
                foreach (var f in NewFlows())
                {
                    var (end, other) = outgoing ? (f.From, f.To) : (f.To, f.From);
                    if (other == counterpart && end != counterpart && CarriesOverlap(flow, f))
                    {
                        flowEvidence.Add(end);
                    }
                }
            }
            var best = 0;
            foreach (var s in AfterModel.Systems)
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

    /// <summary>The to-be flows this plan connects or changes.</summary>
    private IEnumerable<Flow> NewFlows() =>
        Steps.Where(static s => s.Action is StepAction.Connect or StepAction.ChangeFlow).Select(static s => (Flow)s.Change.After!);

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
        foreach (var step in Steps.Where(static s => s.Action is StepAction.Connect or StepAction.ChangeFlow))
        {
            var f = (Flow)step.Change.After!;
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
        // … and the replacement's new flows with the same counterparts run first.
        foreach (var s in Steps.Where(static s => s.Action is StepAction.Connect or StepAction.ChangeFlow))
        {
            var f = (Flow)s.Change.After!;
            if ((replacementSet.Contains(f.From) && counterparts.Contains(f.To)) || (replacementSet.Contains(f.To) && counterparts.Contains(f.From)))
            {
                Edge(s, step);
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
