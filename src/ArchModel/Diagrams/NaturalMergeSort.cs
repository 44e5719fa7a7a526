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
    /// <summary>From this many items an array's two halves are sorted side by side and merged in two pieces.</summary>
    internal const int ParallelFrom = 1 << 15;

    /// <summary>
    /// Sorts <paramref name="items"/> in place, stably; a long array on more than one processor in two halves side
    /// by side, then merged in two independent pieces (the same result: the sort is stable, and so is the split).
    /// </summary>
    /// <remarks>A national landscape sorts a hundred thousand node and edge keys at each level of aggregation, on
    /// one thread of an otherwise idle machine.</remarks>
    public static void Sort<T>(T[] items, IComparer<T> comparer)
    {
        if (items.Length < ParallelFrom || Environment.ProcessorCount < 2)
        {
            Sort(items.AsSpan(), comparer);
            return;
        }
        var middle = items.Length / 2;
        Parallel.Invoke(() => Sort(items.AsSpan(0, middle), comparer), () => Sort(items.AsSpan(middle), comparer));
        if (comparer.Compare(items[middle - 1], items[middle]) <= 0)
        {
            return;
        }
        // The left half's middle item splits the merge: what comes before it (the left items before it, the right
        // items less than it) and what comes after (the rest: equal right items after equal left ones, as ties
        // go from the left), each merged on its own.
        var leftSplit = middle / 2;
        var rightSplit = LowerBound(items, middle, items.Length, items[leftSplit], comparer);
        var buffer = new T[items.Length];
        Parallel.Invoke(
            () => Merge(items, 0, leftSplit, middle, rightSplit, buffer, 0, comparer),
            () => Merge(items, leftSplit, middle, rightSplit, items.Length, buffer, leftSplit + rightSplit - middle, comparer));
        buffer.CopyTo(items, 0);
    }

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
                Merge(from, starts[r], starts[r + 1], starts[r + 1], starts[r + 2], to, starts[r], comparer);
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

    /// <summary>The first position in [start, end) of the sorted <paramref name="items"/> whose item is not less than <paramref name="value"/>.</summary>
    private static int LowerBound<T>(T[] items, int start, int end, T value, IComparer<T> comparer)
    {
        while (start < end)
        {
            var middle = start + (end - start) / 2;
            if (comparer.Compare(items[middle], value) < 0)
            {
                start = middle + 1;
            }
            else
            {
                end = middle;
            }
        }
        return start;
    }

    /// <summary>Merges the sorted ranges [leftStart, leftEnd) and [rightStart, rightEnd) of <paramref name="from"/> into <paramref name="to"/> from <paramref name="at"/>; ties from the left.</summary>
    private static void Merge<T>(ReadOnlySpan<T> from, int leftStart, int leftEnd, int rightStart, int rightEnd, Span<T> to, int at, IComparer<T> comparer)
    {
        int left = leftStart, right = rightStart;
        while (left < leftEnd && right < rightEnd)
        {
            to[at++] = comparer.Compare(from[right], from[left]) < 0 ? from[right++] : from[left++];
        }
        from[left..leftEnd].CopyTo(to[at..]);
        at += leftEnd - left;
        from[right..rightEnd].CopyTo(to[at..]);
    }
}
