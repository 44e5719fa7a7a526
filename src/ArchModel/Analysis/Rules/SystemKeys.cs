using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArchModel.Graph;
using ArchModel.Model;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// The keys the scope rules join systems by, as small integers computed once per system: its scope
/// (owner and users), its owner, the owner's jurisdiction and the owner's node in the sector lines
/// (<see cref="SectorForest"/>). A rule that joins
/// a million systems on these keys indexes arrays instead of hashing ids for every comparison.
/// </summary>
/// <remarks>
/// Agencies are numbered in the order they are met (any id met, known to the model or not, so a model with
/// errors joins exactly as by its ids); jurisdictions likewise. The numbers mean nothing outside one instance.
/// </remarks>
internal sealed class SystemKeys
{
    private readonly Dictionary<string, int> _agencies = new(StringComparer.Ordinal);
    private readonly List<string> _agencyIds = [];
    private readonly Lazy<(int[] Rank, string[] ByRank)> _ranks;
    private readonly int[] _scopeStart;
    private readonly List<int> _scope = [];
    private const int NotLookedUp = -2;
    private readonly List<int> _jurisdictionOf = [];
    private readonly List<int> _nodeOf = [];

    // The active systems and their keys, shared by the duplicate rules of one graph (AM1001, AM1002): each made once.
    private static readonly ConditionalWeakTable<ModelGraph, Lazy<ActiveSystems>> ActiveLists = new();
    private static readonly ConditionalWeakTable<ModelGraph, Lazy<SystemKeys>> ActiveKeys = new();

    /// <summary>The graph's active systems in id order, and their positions, made once per graph by whichever rule asks first.</summary>
    /// <remarks>Apart from <see cref="Active"/>, so that a rule can do its own work on the systems (AM1002 its name classes)
    /// while another rule makes the keys, instead of waiting for them.</remarks>
    public static ActiveSystems ActiveList(ModelGraph graph) =>
        ActiveLists.GetValue(graph, static g => new Lazy<ActiveSystems>(() =>
        {
            var systems = g.SystemsWhere(static s => s.IsActive, out var positions);
            return new ActiveSystems(systems, positions);
        })).Value;

    /// <summary>The keys of the graph's active systems (<see cref="ActiveList"/>), made once per graph by whichever rule asks first.</summary>
    public static SystemKeys Active(ModelGraph graph) =>
        ActiveKeys.GetValue(graph, static g => new Lazy<SystemKeys>(() =>
        {
            var (systems, positions) = ActiveList(g);
            return new SystemKeys(g, systems, positions);
        })).Value;

    /// <summary>Active systems in id order, and the position of each in <see cref="ModelGraph.SystemsById"/> when the model's
    /// ids are distinct.</summary>
    internal readonly record struct ActiveSystems(InformationSystem[] Systems, int[]? Positions);

    private SystemKeys(ModelGraph graph, InformationSystem[] systems, int[]? positions)
    {
        Systems = systems;
        Positions = positions;
        _ranks = new(Ranks);
        Owner = new int[systems.Length];
        OwnerNode = new int[systems.Length];
        Jurisdiction = new int[systems.Length];
        var forest = graph.Sectors;
        _scopeStart = new int[systems.Length + 1];
        var jurisdictions = new Dictionary<Jurisdiction, int>();
        // Room for every scope as listed (owner and users), so the list of a national model's millions of numbers
        // is made once.
        var listed = 0L;
        foreach (var system in systems)
        {
            listed += 1 + system.UsedBy.Count;
        }
        _scope.Capacity = (int)Math.Min(listed, Array.MaxLength);
        for (var s = 0; s < systems.Length; s++)
        {
            var system = systems[s];
            // scope(S) = {owner(S)} ∪ usedBy(S), by number: the owner first, then each user once (a set only for
            // long usedBy lists).
            var owner = Owner[s] = Number(system.Owner);
            _scope.Add(owner);
            var seen = system.UsedBy.Count > 16 ? new HashSet<int> { owner } : null;
            for (var u = 0; u < system.UsedBy.Count; u++)
            {
                var number = Number(system.UsedBy[u]);
                if (seen?.Add(number) ?? !CollectionsMarshal.AsSpan(_scope)[_scopeStart[s]..].Contains(number))
                {
                    _scope.Add(number);
                }
            }
            _scopeStart[s + 1] = _scope.Count;
            // An owner's node and jurisdiction, looked up the first time it owns a system (an agency owns several).
            if (_jurisdictionOf[owner] == NotLookedUp)
            {
                _nodeOf[owner] = forest.NodeOf(system.Owner);
                var j = -1;
                if (graph.JurisdictionOf(system.Owner) is { } jurisdiction && !jurisdictions.TryGetValue(jurisdiction, out j))
                {
                    jurisdictions[jurisdiction] = j = jurisdictions.Count;
                }
                _jurisdictionOf[owner] = j;
            }
            Jurisdiction[s] = _jurisdictionOf[owner];
            OwnerNode[s] = _nodeOf[owner];
        }
        JurisdictionCount = jurisdictions.Count;
    }

    /// <summary>The systems, by position.</summary>
    public InformationSystem[] Systems { get; }

    /// <summary>The position of each system in <see cref="ModelGraph.SystemsById"/> when the model's ids are distinct
    /// (what <see cref="RuleContext"/> reports systems by), else <see langword="null"/>.</summary>
    public int[]? Positions { get; }

    /// <summary>How many agency numbers there are (every agency met in a scope: an owner or a user).</summary>
    public int AgencyCount => _agencies.Count;

    /// <summary>How many jurisdiction numbers there are.</summary>
    public int JurisdictionCount { get; }

    /// <summary>The number of each system's owner.</summary>
    public int[] Owner { get; }

    /// <summary>The node of each system's owner in <see cref="ModelGraph.Sectors"/>, or -1 (no agency has the id).</summary>
    public int[] OwnerNode { get; }

    /// <summary>The number of each system's owner's jurisdiction, or -1 (unknown owner or no region).</summary>
    public int[] Jurisdiction { get; }

    /// <summary>scope(S): the numbers of the owner and the users of the system at <paramref name="system"/>, each once.</summary>
    public ReadOnlySpan<int> Scope(int system) =>
        CollectionsMarshal.AsSpan(_scope)[_scopeStart[system].._scopeStart[system + 1]];

    /// <summary>The id of the agency numbered <paramref name="number"/>.</summary>
    public string AgencyId(int number) => _agencyIds[number];

    /// <summary>The ids of the owners of the systems at <paramref name="members"/>, each once, in ordinal order.</summary>
    public string[] OwnerIds(IEnumerable<int> members)
    {
        // By the owners' ordinal ranks, numbered once: a group of two thousand systems sorts integers, not ids.
        var (rank, byRank) = _ranks.Value;
        var ranks = new List<int>();
        foreach (var member in members)
        {
            ranks.Add(rank[Owner[member]]);
        }
        ranks.Sort();
        var ids = new List<string>(ranks.Count);
        for (var i = 0; i < ranks.Count; i++)
        {
            if (i == 0 || ranks[i] != ranks[i - 1])
            {
                ids.Add(byRank[ranks[i]]);
            }
        }
        return [.. ids];
    }

    // Each agency number's rank in ordinal id order, and the ids by rank.
    private (int[] Rank, string[] ByRank) Ranks()
    {
        var byRank = _agencyIds.ToArray();
        var numbers = new int[byRank.Length];
        for (var n = 0; n < numbers.Length; n++)
        {
            numbers[n] = n;
        }
        Array.Sort(byRank, numbers, StringComparer.Ordinal);
        var rank = new int[byRank.Length];
        for (var r = 0; r < byRank.Length; r++)
        {
            rank[numbers[r]] = r;
        }
        return (rank, byRank);
    }

    private int Number(string agency)
    {
        if (!_agencies.TryGetValue(agency, out var n))
        {
            _agencies[agency] = n = _agencies.Count;
            _agencyIds.Add(agency);
            _jurisdictionOf.Add(NotLookedUp);
            _nodeOf.Add(-1);
        }
        return n;
    }
}
