namespace ArchModel.Diagrams;

/// <summary>
/// A stable sort that merges the ascending runs already in the input: linear for a list already in order,
/// O(n log r) for one made of r sorted runs.
/// </summary>
/// <remarks>
/// Aggregating a national landscape gathers the sorted ids of each group's members, and the flows of each merged
/// edge in model order: lists of a few long runs, hundreds of thousands of ids long. A comparison sort compares
/// (and so reads, from all over the heap) every string some twenty times; merging the runs compares each a few
/// times. Equal items keep their order, so the result is the one any stable sort gives.
/// </remarks>
internal static class NaturalMergeSort
{
    /// <summary>Sorts <paramref name="items"/> in place, stably.</summary>
    public static void Sort<T>(Span<T> items, IComparer<T> comparer)
    {
        if (items.Length < 2)
        {
            return;
        }
        // Where each ascending run starts; the end of the input closes the last.
        var starts = new List<int> { 0 };
        for (var i = 1; i < items.Length; i++)
        {
            if (comparer.Compare(items[i - 1], items[i]) > 0)
            {
                starts.Add(i);
            }
        }
        if (starts.Count == 1)
        {
            return;
        }
        starts.Add(items.Length);
        // Merge neighbouring runs pass by pass between the input and a buffer, until one run is left.
        var buffer = new T[items.Length];
        Span<T> from = items, to = buffer;
        while (starts.Count > 2)
        {
            var merged = new List<int>(starts.Count / 2 + 2);
            var r = 0;
            for (; r + 2 < starts.Count; r += 2)
            {
                merged.Add(starts[r]);
                Merge(from, starts[r], starts[r + 1], starts[r + 2], to, comparer);
            }
            if (r + 1 < starts.Count)
            {
                // An odd run out: copied as it is.
                merged.Add(starts[r]);
                from[starts[r]..starts[r + 1]].CopyTo(to[starts[r]..]);
            }
            merged.Add(items.Length);
            starts = merged;
            var swap = from;
            from = to;
            to = swap;
        }
        if (from != items)
        {
            from.CopyTo(items);
        }
    }

    /// <summary>Merges the sorted ranges [start, middle) and [middle, end) of <paramref name="from"/> into the same range of <paramref name="to"/>; ties from the left.</summary>
    private static void Merge<T>(ReadOnlySpan<T> from, int start, int middle, int end, Span<T> to, IComparer<T> comparer)
    {
        int left = start, right = middle, at = start;
        while (left < middle && right < end)
        {
            to[at++] = comparer.Compare(from[right], from[left]) < 0 ? from[right++] : from[left++];
        }
        from[left..middle].CopyTo(to[at..]);
        at += middle - left;
        from[right..end].CopyTo(to[at..]);
    }
}
