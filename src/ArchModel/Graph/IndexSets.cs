namespace ArchModel.Graph;

/// <summary>
/// A union-find over positions 0..n-1, for groupings built in linear time whatever the length of a chain (no
/// recursion). The smallest position of a set is its root, so groups come out in a fixed order.
/// </summary>
internal sealed class IndexSets
{
    private readonly int[] _parent;

    public IndexSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Count => _parent.Length;

    /// <summary>The root (the smallest position) of the set holding <paramref name="i"/>, halving the path on the way.</summary>
    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    public void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a != b)
        {
            _parent[Math.Max(a, b)] = Math.Min(a, b);
        }
    }

    /// <summary>The groups of ≥ <paramref name="minSize"/> members, each ascending, in order of their first member.</summary>
    public List<List<int>> Groups(int minSize)
    {
        // A root is its set's smallest position, so walking positions in order meets it before its members.
        var groupOf = new int[Count];
        var groups = new List<List<int>>();
        for (var i = 0; i < Count; i++)
        {
            var root = Find(i);
            if (root == i)
            {
                groupOf[i] = groups.Count;
                groups.Add([]);
            }
            groups[groupOf[root]].Add(i);
        }
        return minSize <= 1 ? groups : groups.FindAll(g => g.Count >= minSize);
    }
}
