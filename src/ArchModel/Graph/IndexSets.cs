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
        // Sizes first, so that no list is made for a set that is too small (most sets of a sparse join).
        var size = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            size[Find(i)]++;
        }
        // A root is its set's smallest position, so walking positions in order meets it before its members;
        // size[root] is reused for the index of its group (-1: too small).
        var groups = new List<List<int>>();
        for (var i = 0; i < Count; i++)
        {
            var root = Find(i);
            if (root == i)
            {
                if (size[i] >= minSize)
                {
                    var members = new List<int>(size[i]);
                    size[i] = groups.Count;
                    groups.Add(members);
                }
                else
                {
                    size[i] = -1;
                }
            }
            if (size[root] >= 0)
            {
                groups[size[root]].Add(i);
            }
        }
        return groups;
    }
}
