namespace ArchModel.Model;

/// <summary>
/// A loaded, validated, frozen architecture model: every element by kind, an index by id, and the
/// look-ups the analyses, diagrams and documents need.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. Obtain one from <see cref="Loading.ModelLoader"/> or
/// <see cref="Loading.ModelBuilder"/>; both validate it the same way. Element lists keep the order the
/// elements were defined in (files in load order); every look-up that returns several elements
/// returns them in that order unless it says otherwise. A look-up by an id the model does not hold
/// returns an empty list or <see langword="null"/>, never throws.
/// </remarks>
public sealed class ArchitectureModel
{
    private readonly Dictionary<string, Element> _byId;
    private readonly Lazy<bool> _hasDistinctIds;
    private readonly ByKind<Agency> _agencies;
    private readonly ByKind<InformationSystem> _systems;
    private readonly ByKind<Network> _networks;
    private readonly ByKind<Platform> _platforms;
    private readonly ByKind<DataResource> _dataResources;
    private readonly LazyIndex<InformationSystem> _systemsByOwner;
    private readonly LazyIndex<InformationSystem> _systemsByUser;
    private readonly LazyIndex<InformationSystem> _systemsByNetwork;
    private readonly LazyIndex<InformationSystem> _systemsByPlatform;
    private readonly LazyIndex<InformationSystem> _systemsByResource;
    private readonly LazyIndex<InformationSystem> _systemsByCapability;
    private readonly LazyIndex<Flow> _flowsFrom;
    private readonly LazyIndex<Flow> _flowsTo;
    private readonly LazyIndex<Flow> _flowsByResource;
    private readonly LazyIndex<Agency> _children;
    private readonly LazyIndex<Service> _servicesBySystem;
    private readonly LazyIndex<InformationSystem> _systemsByProject;
    private readonly LazyIndex<(Network Network, LinkVia Via)> _links;

    /// <summary>Freezes <paramref name="content"/>; <paramref name="index"/> is the index by id and by kind that linking the
    /// content built (<see langword="null"/>: built here, and each map of one kind on first use).</summary>
    internal ArchitectureModel(ModelElements content, ModelIndex? index = null)
    {
        Info = content.Info;
        Settings = content.Settings;
        Targets = new SortedDictionary<string, double>(content.Targets, StringComparer.Ordinal);
        Files = content.Files;
        Capabilities = content.Capabilities;
        Agencies = content.Agencies;
        Networks = content.Networks;
        Platforms = content.Platforms;
        Systems = content.Systems;
        DataResources = content.DataResources;
        Flows = content.Flows;
        Services = content.Services;
        Projects = content.Projects;
        Suppressions = content.Suppressions;

        // The validator's index by id, when there is one: building a second dictionary of a million ids costs
        // as much again.
        var byId = index?.ById;
        if (byId is null)
        {
            byId = new Dictionary<string, Element>(StringComparer.Ordinal);
            foreach (var element in Elements)
            {
                if (element.Id is not null)
                {
                    byId.TryAdd(element.Id, element);
                }
            }
        }
        _byId = byId;
        // The index holds only ids of the model's elements (the validator drops its placeholders for the ids of
        // elements it could not read), so it has as many entries as there are elements only when no id repeats.
        _hasDistinctIds = new(() => _byId.Count == Capabilities.Count + Agencies.Count + Networks.Count + Platforms.Count
            + Systems.Count + DataResources.Count + Flows.Count + Services.Count + Projects.Count);
        // The validator's maps of each kind, when there are some; else each is built on first use.
        var kinds = index?.Kinds;
        _agencies = new(byId, Agencies, kinds?.Agencies);
        _systems = new(byId, Systems, kinds?.Systems);
        _networks = new(byId, Networks, kinds?.Networks);
        _platforms = new(byId, Platforms, kinds?.Platforms);
        _dataResources = new(byId, DataResources, kinds?.DataResources);

        // Each look-up is built on first use (safely from several threads): a caller that validates a model
        // or draws one view pays for none of the others.
        _systemsByOwner = new(() => Index(Systems, static s => s.Owner));
        _systemsByUser = new(() => Index(Systems, static s => s.UsedBy));
        _systemsByNetwork = new(() => Index(Systems, static s => s.Networks));
        _systemsByPlatform = new(() => Index(Systems, static s => s.Hosting));
        _systemsByResource = new(() => Index(Systems, static s => s.Holds));
        _systemsByCapability = new(() => Index(Systems, static s => s.Capabilities));
        _systemsByProject = new(() => Index(Systems, static s => s.Project));
        _flowsFrom = new(() => Index(Flows, static f => f.From));
        _flowsTo = new(() => Index(Flows, static f => f.To));
        _flowsByResource = new(() => Index(Flows, static f => f.Carries));
        _children = new(() => Index(Agencies, static a => a.Parent));
        _servicesBySystem = new(() => Index(Services, static s => s.Systems));
        _links = new(IndexLinks);
    }

    private Dictionary<string, IReadOnlyList<(Network Network, LinkVia Via)>> IndexLinks()
    {
        var links = new Dictionary<string, List<(Network, LinkVia)>>(StringComparer.Ordinal);
        foreach (var network in Networks)
        {
            foreach (var link in network.Links)
            {
                if (GetNetwork(link.To) is not { } other)
                {
                    continue;
                }
                Add(links, network.Id, (other, link.Via));
                Add(links, other.Id, (network, link.Via));
            }
        }
        return links.ToDictionary(
            static kv => kv.Key, static kv => (IReadOnlyList<(Network, LinkVia)>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The root file's <c>model</c> object.</summary>
    public ModelInfo Info { get; }

    /// <summary>Analysis thresholds and severity overrides.</summary>
    public ModelSettings Settings { get; }

    /// <summary>The plan's targets by metric name (see <see cref="MetricNames"/>), in ordinal order.</summary>
    public IReadOnlyDictionary<string, double> Targets { get; }

    /// <summary>The files the model was loaded from, root first, in load order; empty for a model built in code.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Capabilities (功能).</summary>
    public IReadOnlyList<Capability> Capabilities { get; }

    /// <summary>Agencies (机构).</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>Networks (网络).</summary>
    public IReadOnlyList<Network> Networks { get; }

    /// <summary>Hosting platforms (平台).</summary>
    public IReadOnlyList<Platform> Platforms { get; }

    /// <summary>Information systems (信息系统).</summary>
    public IReadOnlyList<InformationSystem> Systems { get; }

    /// <summary>Data resources (政务信息资源).</summary>
    public IReadOnlyList<DataResource> DataResources { get; }

    /// <summary>Data flows (数据流).</summary>
    public IReadOnlyList<Flow> Flows { get; }

    /// <summary>Public services (政务服务).</summary>
    public IReadOnlyList<Service> Services { get; }

    /// <summary>IT projects (项目).</summary>
    public IReadOnlyList<Project> Projects { get; }

    /// <summary>Accepted findings.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; }

    /// <summary>Every element, kind by kind in the order of <see cref="ElementKind"/>.</summary>
    public IEnumerable<Element> Elements =>
        Capabilities.Concat<Element>(Agencies).Concat(Networks).Concat(Platforms).Concat(Systems)
            .Concat(DataResources).Concat(Flows).Concat(Services).Concat(Projects);

    /// <summary>
    /// Whether every element has an id of its own (the index by id holds each element, and nothing else): then
    /// every element is the first definition of its id, and code that keeps the first of each id need not look.
    /// Validation reports a repeated id (AM0005); a model with one can still be analysed.
    /// </summary>
    internal bool HasDistinctIds => _hasDistinctIds.Value;

    /// <summary>The elements, each id once (the first of it): as they come when no id of the model repeats.</summary>
    internal IEnumerable<T> EachIdOnce<T>(IEnumerable<T> elements) where T : Element =>
        HasDistinctIds ? elements : elements.DistinctBy(static e => e.Id);

    /// <summary>The element with this id, or <see langword="null"/>.</summary>
    public Element? Find(string? id) => id is not null && _byId.TryGetValue(id, out var e) ? e : null;

    /// <summary>The element of type <typeparamref name="T"/> with this id, or <see langword="null"/>.</summary>
    public T? Find<T>(string? id) where T : Element => Find(id) as T;

    /// <summary>The agency with this id, or <see langword="null"/>.</summary>
    public Agency? GetAgency(string? id) => _agencies.Get(id);

    /// <summary>The system with this id, or <see langword="null"/>.</summary>
    public InformationSystem? GetSystem(string? id) => _systems.Get(id);

    /// <summary>The network with this id, or <see langword="null"/>.</summary>
    public Network? GetNetwork(string? id) => _networks.Get(id);

    /// <summary>The platform with this id, or <see langword="null"/>.</summary>
    public Platform? GetPlatform(string? id) => _platforms.Get(id);

    /// <summary>The data resource with this id, or <see langword="null"/>.</summary>
    public DataResource? GetDataResource(string? id) => _dataResources.Get(id);

    /// <summary>The systems an agency owns.</summary>
    public IReadOnlyList<InformationSystem> SystemsOwnedBy(string agencyId) => Get(_systemsByOwner, agencyId);

    /// <summary>The systems an agency uses without owning them (it is in their <c>usedBy</c>).</summary>
    public IReadOnlyList<InformationSystem> SystemsUsedBy(string agencyId) => Get(_systemsByUser, agencyId);

    /// <summary>The systems attached to a network.</summary>
    public IReadOnlyList<InformationSystem> SystemsOn(string networkId) => Get(_systemsByNetwork, networkId);

    /// <summary>The systems hosted on a platform.</summary>
    public IReadOnlyList<InformationSystem> SystemsHostedOn(string platformId) => Get(_systemsByPlatform, platformId);

    /// <summary>The systems that hold a data resource.</summary>
    public IReadOnlyList<InformationSystem> SystemsHolding(string resourceId) => Get(_systemsByResource, resourceId);

    /// <summary>The systems that list a capability.</summary>
    public IReadOnlyList<InformationSystem> SystemsWithCapability(string capabilityId) => Get(_systemsByCapability, capabilityId);

    /// <summary>The systems a project delivers: its <c>delivers</c> list and the systems naming it as their <c>project</c>, each once.</summary>
    public IReadOnlyList<InformationSystem> SystemsDeliveredBy(string projectId)
    {
        var project = Find<Project>(projectId);
        var named = Get(_systemsByProject, projectId);
        if (project is null || project.Delivers.Count == 0)
        {
            return named;
        }
        var result = new List<InformationSystem>(named);
        foreach (var id in project.Delivers)
        {
            if (GetSystem(id) is { } s && !result.Contains(s))
            {
                result.Add(s);
            }
        }
        return result;
    }

    /// <summary>The flows a system sends.</summary>
    public IReadOnlyList<Flow> FlowsFrom(string systemId) => Get(_flowsFrom, systemId);

    /// <summary>The flows a system receives.</summary>
    public IReadOnlyList<Flow> FlowsTo(string systemId) => Get(_flowsTo, systemId);

    /// <summary>The flows that carry a data resource.</summary>
    public IReadOnlyList<Flow> FlowsCarrying(string resourceId) => Get(_flowsByResource, resourceId);

    /// <summary>The services that run on a system.</summary>
    public IReadOnlyList<Service> ServicesUsing(string systemId) => Get(_servicesBySystem, systemId);

    /// <summary>The agencies whose <c>parent</c> is this agency.</summary>
    public IReadOnlyList<Agency> ChildrenOf(string agencyId) => Get(_children, agencyId);

    /// <summary>The networks linked to a network, with how (each declaration once; links work both ways).</summary>
    public IReadOnlyList<(Network Network, LinkVia Via)> LinksOf(string networkId) =>
        Get(_links, networkId);

    /// <summary>
    /// The agency's superiors on its sector line, nearest first (its parent, its parent's parent, …),
    /// not including the agency itself. Stops at a missing parent; safe on a cycle.
    /// </summary>
    public IReadOnlyList<Agency> ParentChain(string agencyId)
    {
        var chain = new List<Agency>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { agencyId };
        var current = GetAgency(agencyId);
        while (current?.Parent is { } parentId && seen.Add(parentId) && GetAgency(parentId) is { } parent)
        {
            chain.Add(parent);
            current = parent;
        }
        return chain;
    }

    /// <summary>Whether agency <paramref name="upper"/> is on agency <paramref name="lower"/>'s parent chain.</summary>
    /// <remarks>Two comparisons whatever the depth of the line: the agencies are numbered once, on first use, in a
    /// pre-order walk of the sector lines. A parent cycle (an AM0008 error) is cut at one agency.</remarks>
    public bool IsAbove(string upper, string lower) =>
        Sectors.NodeOf(upper) is var u and >= 0 && Sectors.NodeOf(lower) is var l and >= 0 && Sectors.IsAbove(u, l);

    /// <summary>The sector lines numbered in pre-order (see <see cref="SectorForest"/>), made on first use; the one answer
    /// to "is above" for the model, its graph views and the rules.</summary>
    internal SectorForest Sectors => LazyInitializer.EnsureInitialized(ref _sectors, () => new SectorForest(this));

    private SectorForest? _sectors;

    /// <summary>
    /// Whether two different agencies share a sector line (条): one is above the other, or both have the
    /// same non-empty sector at different levels.
    /// </summary>
    public bool ShareSectorLine(string agencyA, string agencyB) =>
        agencyA != agencyB && ShareSectorLine(GetAgency(agencyA), Sectors.NodeOf(agencyA), GetAgency(agencyB), Sectors.NodeOf(agencyB));

    /// <summary>
    /// <see cref="ShareSectorLine(string, string)"/> of two different agency ids already looked up: their agencies
    /// (<see langword="null"/> for an unknown id) and nodes in <see cref="Sectors"/> (−1 for an unknown id); for the
    /// analyses that look each agency up once and ask millions of times.
    /// </summary>
    internal bool ShareSectorLine(Agency? a, int nodeA, Agency? b, int nodeB)
    {
        if (a is null || b is null)
        {
            return false;
        }
        if (!string.IsNullOrEmpty(a.Sector) && a.Sector == b.Sector && a.Level != b.Level)
        {
            return true;
        }
        var sectors = Sectors;
        return nodeA >= 0 && nodeB >= 0 && (sectors.IsAbove(nodeA, nodeB) || sectors.IsAbove(nodeB, nodeA));
    }

    /// <summary>Whether two agencies are in the same jurisdiction (same level, same non-empty region).</summary>
    public bool SameJurisdiction(string agencyA, string agencyB) =>
        GetAgency(agencyA)?.Jurisdiction is { } ja && GetAgency(agencyB)?.Jurisdiction is { } jb && ja == jb;

    /// <summary>Whether a flow crosses agencies: both systems exist and have different owners.</summary>
    public bool IsCrossAgency(Flow flow) =>
        GetSystem(flow.From) is { } from && GetSystem(flow.To) is { } to && from.Owner != to.Owner;

    /// <summary>Whether a cross-agency flow is vertical: its two owners share a sector line.</summary>
    public bool IsVertical(Flow flow) =>
        IsCrossAgency(flow) && ShareSectorLine(GetSystem(flow.From)!.Owner, GetSystem(flow.To)!.Owner);

    /// <summary>Whether a cross-agency flow is horizontal: its two owners share no sector line.</summary>
    public bool IsHorizontal(Flow flow) =>
        IsCrossAgency(flow) && !ShareSectorLine(GetSystem(flow.From)!.Owner, GetSystem(flow.To)!.Owner);

    /// <summary>Whether a model has a unified network (政务内网 or 政务外网).</summary>
    public bool HasUnifiedNetwork => Networks.Any(static n => n.IsUnified);

    private static Dictionary<string, IReadOnlyList<T>> Index<T>(IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> keys)
    {
        var map = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            // A model built in code may hold nulls that validation reported; the index skips them.
            var itemKeys = keys(item) ?? [];
            for (var i = 0; i < itemKeys.Count; i++)
            {
                var key = itemKeys[i];
                // A key repeated in one element's list counts once.
                if (key is not null && IndexOf(itemKeys, key) == i)
                {
                    Add(map, key, item);
                }
            }
        }
        return Freeze(map);
    }

    private static Dictionary<string, IReadOnlyList<T>> Index<T>(IReadOnlyList<T> items, Func<T, string?> key)
    {
        var map = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (key(item) is { } k)
            {
                Add(map, k, item);
            }
        }
        return Freeze(map);
    }

    private static Dictionary<string, IReadOnlyList<T>> Freeze<T>(Dictionary<string, List<T>> map)
    {
        // Plain dictionaries: a frozen one reads a little faster but takes several times longer to build,
        // and a model is usually read once per build.
        var index = new Dictionary<string, IReadOnlyList<T>>(map.Count, StringComparer.Ordinal);
        foreach (var (key, list) in map)
        {
            index[key] = list;
        }
        return index;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    private static IReadOnlyList<T> Get<T>(LazyIndex<T> index, string key) =>
        index.Map.TryGetValue(key, out var list) ? list : [];

    /// <summary>
    /// The elements of one kind by id, as <see cref="Find{T}"/> resolves them: the analyses look agencies, systems
    /// and networks up millions of times, and a dictionary of one kind is a fraction of the index of every element,
    /// so far more of it stays in the processor's caches (<see cref="KindMaps"/>). Validation's map, or built on
    /// first use.
    /// </summary>
    private sealed class ByKind<T> where T : Element
    {
        private readonly Lazy<Dictionary<string, T>> _map;

        public ByKind(Dictionary<string, Element> byId, IReadOnlyList<T> elements, Dictionary<string, T>? validated)
        {
            // Built once even when rules running side by side ask at the same time.
            _map = validated is not null
                ? new(validated)
                : new(() => KindMaps.Resolved(elements, byId), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public T? Get(string? id) => id is not null && _map.Value.TryGetValue(id, out var element) ? element : null;
    }

    /// <summary>A look-up from id to elements, built on first use.</summary>
    private sealed class LazyIndex<T>(Func<Dictionary<string, IReadOnlyList<T>>> build)
    {
        // Built once even when rules running side by side ask at the same time.
        private readonly Lazy<Dictionary<string, IReadOnlyList<T>>> _map = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

        public Dictionary<string, IReadOnlyList<T>> Map => _map.Value;
    }
}
