using System.Runtime.InteropServices;
using ArchModel.Graph;
using ArchModel.Model;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// The name classes of AM1002: every distinct normalized name (not empty) of the active systems once, prepared for
/// the similarity join, and each system's classes and capabilities as sorted small integers.
/// </summary>
internal sealed class SystemClasses
{
    private readonly int[] _classStart;
    private readonly int[] _classes;
    private readonly int[] _capabilityStart;
    private readonly int[] _capabilities;

    public SystemClasses(ArchitectureModel model, InformationSystem[] systems)
    {
        var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var capabilityOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var classes = new List<int>(systems.Length);
        var capabilities = new List<int>(systems.Length);
        _classStart = new int[systems.Length + 1];
        _capabilityStart = new int[systems.Length + 1];
        for (var s = 0; s < systems.Length; s++)
        {
            var system = systems[s];
            var ownerName = model.GetAgency(system.Owner)?.Name;
            AddClass(system.Name);
            foreach (var alias in system.Aliases) AddClass(alias);
            classes.Sort(_classStart[s], classes.Count - _classStart[s], null);
            _classStart[s + 1] = classes.Count;

            foreach (var capability in system.Capabilities)
            {
                if (!capabilityOf.TryGetValue(capability, out var c))
                {
                    capabilityOf[capability] = c = capabilityOf.Count;
                }
                if (!CollectionsMarshal.AsSpan(capabilities)[_capabilityStart[s]..].Contains(c)) capabilities.Add(c);
            }
            capabilities.Sort(_capabilityStart[s], capabilities.Count - _capabilityStart[s], null);
            _capabilityStart[s + 1] = capabilities.Count;

            void AddClass(string name)
            {
                var normalized = NameSimilarityIndex.Normalize(name, ownerName);
                if (normalized.Length == 0)
                {
                    return; // an empty name is similar to nothing
                }
                if (!classOf.TryGetValue(normalized, out var c))
                {
                    classOf[normalized] = c = classOf.Count;
                    Names.Add(c, normalized);
                }
                if (!CollectionsMarshal.AsSpan(classes)[_classStart[s]..].Contains(c)) classes.Add(c);
            }
        }
        _classes = [.. classes];
        _capabilities = [.. capabilities];
    }

    /// <summary>The distinct normalized names; a class's number is its name's index and owner.</summary>
    public NameSimilarityIndex.PreparedNames Names { get; } = new();

    /// <summary>How many classes there are.</summary>
    public int Count => Names.Count;

    /// <summary>How many systems there are.</summary>
    public int SystemCount => _classStart.Length - 1;

    /// <summary>The classes of a system's names and aliases, ascending.</summary>
    public ReadOnlySpan<int> ClassesOf(int system) => _classes.AsSpan(_classStart[system], _classStart[system + 1] - _classStart[system]);

    /// <summary>The numbers of a system's capabilities, ascending.</summary>
    public ReadOnlySpan<int> CapabilitiesOf(int system) =>
        _capabilities.AsSpan(_capabilityStart[system], _capabilityStart[system + 1] - _capabilityStart[system]);
}

/// <summary>
/// The groups of AM1002 within blocks whose pairs all have one kind's relation (see <see cref="ProbableDuplicateRule"/>):
/// per block, the similarity join over the block's distinct name classes, then a search over the members that takes
/// a class's unvisited members as a list; the block's groups are joined into the kind's groups.
/// </summary>
/// <remarks>Not thread-safe; buffers are kept between blocks, so a block allocates nothing once they have grown.</remarks>
internal sealed class BlockSearch
{
    private readonly SystemClasses _classes;
    private readonly NameSimilarityIndex.Join _join;
    private readonly double _threshold;
    private readonly CancellationToken _cancellationToken;
    private readonly IndexSets[] _groups;
    private readonly List<(OverlapKind Kind, int First, double Max, double Min)> _links = [];
    private readonly Dictionary<int, (double Max, double Min)>?[] _similarity = new Dictionary<int, (double, double)>?[3];

    // By system: the block it was last visited in, and its side in the current block (0, or 1 below in a vertical block).
    private readonly int[] _visited;
    private readonly int[] _side;
    // By class: the block it was last seen in, and its number in that block.
    private readonly int[] _classStamp;
    private readonly int[] _local;
    private int _stamp;

    private readonly List<int> _localClass = [];
    // Lists of a block's members by (local class, side): list q = 2·class + side holds items [_start[q], _live[q]), of
    // which _count[q] are not yet visited (visited ones are dropped when a scan meets them).
    private int[] _start = [];
    private int[] _live = [];
    private int[] _count = [];
    private int[] _items = [];
    private Dictionary<long, int> _capabilityCount = [];
    private readonly List<(int A, int B, double Similarity)> _pairs = [];
    private readonly List<int> _names = [];
    private int[] _adjacencyStart = [];
    private (int Class, double Similarity)[] _adjacency = [];
    private readonly List<int> _component = [];
    private double _max;
    private double _min;

    public BlockSearch(SystemClasses classes, NameSimilarityIndex.Join join, double threshold, CancellationToken cancellationToken)
    {
        _classes = classes;
        _join = join;
        _threshold = threshold;
        _cancellationToken = cancellationToken;
        var n = classes.SystemCount;
        _groups = [new IndexSets(n), new IndexSets(n), new IndexSets(n)];
        _visited = new int[n];
        _side = new int[n];
        _classStamp = new int[classes.Count];
        _local = new int[classes.Count];
    }

    /// <summary>Finds the groups of one block of a kind: every pair of <paramref name="members"/> has the kind's relation,
    /// or, when <paramref name="leftCount"/> ≥ 0, every pair of one of the first <paramref name="leftCount"/> and one of
    /// the others.</summary>
    public void Run(OverlapKind kind, ReadOnlySpan<int> members, int leftCount)
    {
        if (members.Length < 2)
        {
            return;
        }
        _cancellationToken.ThrowIfCancellationRequested();
        _stamp++;
        var bipartite = leftCount >= 0;

        // The block's classes, and the size of each (class, side) list.
        _localClass.Clear();
        for (var b = 0; b < members.Length; b++)
        {
            var s = members[b];
            _side[s] = bipartite && b >= leftCount ? 1 : 0;
            foreach (var c in _classes.ClassesOf(s))
            {
                if (_classStamp[c] != _stamp)
                {
                    _classStamp[c] = _stamp;
                    _local[c] = _localClass.Count;
                    _localClass.Add(c);
                }
            }
        }
        var lists = 2 * _localClass.Count;
        Ensure(ref _start, lists + 1);
        Ensure(ref _live, lists);
        Ensure(ref _count, lists);
        Array.Clear(_start, 0, lists + 1);
        foreach (var s in members)
        {
            foreach (var c in _classes.ClassesOf(s)) _start[List(c, _side[s]) + 1]++;
        }
        for (var q = 0; q < lists; q++) _start[q + 1] += _start[q];
        Ensure(ref _items, _start[lists]);
        for (var q = 0; q < lists; q++)
        {
            _live[q] = _start[q];
            _count[q] = _start[q + 1] - _start[q];
        }
        // Clearing a dictionary costs its capacity, not its count: after a large block the next ones start a small
        // table, or each of a national model's hundred thousand blocks would clear the largest one's.
        if (_capabilityCount.Count > 1024)
        {
            _capabilityCount = [];
        }
        else
        {
            _capabilityCount.Clear();
        }
        foreach (var s in members)
        {
            foreach (var c in _classes.ClassesOf(s))
            {
                var q = List(c, _side[s]);
                _items[_live[q]++] = s;
                foreach (var capability in _classes.CapabilitiesOf(s))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(_capabilityCount, Key(q, capability), out _)++;
                }
            }
        }

        // Similar pairs of distinct classes (a bipartite join: the classes with members on the indexed side first).
        _names.Clear();
        var indexed = -1;
        if (bipartite)
        {
            foreach (var c in _localClass) if (_count[2 * _local[c]] > 0) _names.Add(c);
            indexed = _names.Count;
            foreach (var c in _localClass) if (_count[2 * _local[c] + 1] > 0) _names.Add(c);
        }
        else
        {
            _names.AddRange(_localClass);
        }
        _pairs.Clear();
        if (_names.Count >= 2)
        {
            _join.Run(CollectionsMarshal.AsSpan(_names), indexed, _threshold, _pairs, _cancellationToken);
        }
        BuildAdjacency();

        // The search: from each member not yet visited, every member reachable through similar classes and disjoint
        // capabilities.
        foreach (var s in members)
        {
            if (_visited[s] == _stamp)
            {
                continue;
            }
            _component.Clear();
            _max = double.NegativeInfinity;
            _min = double.PositiveInfinity;
            Visit(s);
            for (var next = 0; next < _component.Count; next++)
            {
                var x = _component[next];
                var side = bipartite ? 1 - _side[x] : 0;
                foreach (var c in _classes.ClassesOf(x))
                {
                    var local = _local[c];
                    Scan(x, List(c, side), 1.0);
                    for (var a = _adjacencyStart[local]; a < _adjacencyStart[local + 1]; a++)
                    {
                        var (other, similarity) = _adjacency[a];
                        Scan(x, 2 * other + side, similarity);
                    }
                }
            }
            if (_component.Count >= 2)
            {
                var sets = _groups[(int)kind];
                var first = _component[0];
                foreach (var member in _component)
                {
                    sets.Union(first, member);
                    first = Math.Min(first, member);
                }
                _links.Add((kind, first, _max, _min));
            }
        }
    }

    /// <summary>A kind's groups of ≥ 2 systems, each ascending, in order of their first member.</summary>
    public List<List<int>> Groups(OverlapKind kind) => _groups[(int)kind].Groups(2);

    /// <summary>The highest and lowest similarity of the links that joined a kind's group (its first member given).</summary>
    public (double Max, double Min) Similarity(OverlapKind kind, int first)
    {
        var sets = _groups[(int)kind];
        if (_similarity[(int)kind] is not { } byRoot)
        {
            _similarity[(int)kind] = byRoot = [];
            foreach (var (k, member, max, min) in _links)
            {
                if (k != kind) continue;
                var root = sets.Find(member);
                byRoot[root] = byRoot.TryGetValue(root, out var known) ? (Math.Max(known.Max, max), Math.Min(known.Min, min)) : (max, min);
            }
        }
        return byRoot[sets.Find(first)];
    }

    private int List(int classNumber, int side) => 2 * _local[classNumber] + side;

    private static long Key(int list, int capability) => (long)list << 32 | (uint)capability;

    /// <summary>Each local class's similar classes, most similar first (then by class), from the join's pairs.</summary>
    private void BuildAdjacency()
    {
        var count = _localClass.Count;
        Ensure(ref _adjacencyStart, count + 1);
        Array.Clear(_adjacencyStart, 0, count + 1);
        foreach (var (a, b, _) in _pairs)
        {
            _adjacencyStart[_local[a] + 1]++;
            _adjacencyStart[_local[b] + 1]++;
        }
        for (var c = 0; c < count; c++) _adjacencyStart[c + 1] += _adjacencyStart[c];
        Ensure(ref _adjacency, _adjacencyStart[count]);
        var fill = _adjacencyStart.AsSpan(0, count).ToArray();
        foreach (var (a, b, similarity) in _pairs)
        {
            _adjacency[fill[_local[a]]++] = (_local[b], similarity);
            _adjacency[fill[_local[b]]++] = (_local[a], similarity);
        }
        for (var c = 0; c < count; c++)
        {
            _adjacency.AsSpan(_adjacencyStart[c], _adjacencyStart[c + 1] - _adjacencyStart[c])
                .Sort(static (x, y) => x.Similarity != y.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.Class.CompareTo(y.Class));
        }
    }

    /// <summary>Visits every member of list <paramref name="q"/> not yet visited that lists no capability of <paramref name="x"/>.</summary>
    private void Scan(int x, int q, double similarity)
    {
        if (_count[q] == 0)
        {
            return;
        }
        var capabilities = _classes.CapabilitiesOf(x);
        foreach (var capability in capabilities)
        {
            if (_capabilityCount.GetValueOrDefault(Key(q, capability)) == _count[q])
            {
                return; // every one of them shares this capability with x
            }
        }
        var i = _start[q];
        var end = _live[q];
        while (i < end)
        {
            var u = _items[i];
            if (_visited[u] == _stamp)
            {
                _items[i] = _items[--end];
            }
            else if (Disjoint(capabilities, _classes.CapabilitiesOf(u)))
            {
                _items[i] = _items[--end];
                Visit(u);
                _max = Math.Max(_max, similarity);
                _min = Math.Min(_min, similarity);
            }
            else
            {
                i++;
            }
        }
        _live[q] = end;
    }

    private void Visit(int s)
    {
        _visited[s] = _stamp;
        _component.Add(s);
        foreach (var c in _classes.ClassesOf(s))
        {
            var q = List(c, _side[s]);
            _count[q]--;
            foreach (var capability in _classes.CapabilitiesOf(s))
            {
                CollectionsMarshal.GetValueRefOrNullRef(_capabilityCount, Key(q, capability))--;
            }
        }
    }

    private static bool Disjoint(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) return false;
            if (a[i] < b[j]) i++;
            else j++;
        }
        return true;
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, 2 * array.Length)];
        }
    }
}
