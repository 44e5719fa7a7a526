namespace ArchModel.Graph;

/// <summary>
/// Sorts items by string keys in ordinal order, a few characters at a time: the keys' next three characters are
/// packed into one integer, the items sorted by those integers, and only runs that tie go on to the next three.
/// </summary>
/// <remarks>
/// A national model's ids share long prefixes (<c>sys.410000.gov.</c>): a comparison sort reads both strings from
/// their start in each of its twenty million comparisons, through a pointer to each. Here each key is read a few
/// characters at a time, once per round it still ties in, and the characters all keys of a run share are skipped in
/// one pass rather than sorted in rounds where every key ties; the sorting itself moves integers. The result is the
/// order of <see cref="StringComparer.Ordinal"/>; items with equal keys keep no particular order.
/// </remarks>
internal static class OrdinalSort
{
    // Three UTF-16 units of 21 bits each: a unit u is u + 1, a position past the key's end 0, so a shorter key
    // sorts before any longer key it starts.
    private const int Chars = 3;
    private const int Bits = 21;
    private const ulong LastMask = (1UL << Bits) - 1;

    // Runs this short are finished by comparing the rest of their keys.
    private const int Small = 12;

    /// <summary>Sorts <paramref name="keys"/> in place.</summary>
    public static void Sort(string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length < 2)
        {
            return;
        }
        var order = Order(keys);
        var sorted = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = keys[order[i]];
        }
        sorted.CopyTo(keys, 0);
    }

    /// <summary>Sorts <paramref name="items"/> by <paramref name="keys"/> (one key per item, same length), both in place.</summary>
    public static void Sort<T>(string[] keys, T[] items)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(items);
        if (keys.Length != items.Length)
        {
            throw new ArgumentException("One key per item.", nameof(keys));
        }
        var n = keys.Length;
        if (n < 2)
        {
            return;
        }
        var order = Order(keys);
        var sortedKeys = new string[n];
        var sortedItems = new T[n];
        for (var i = 0; i < n; i++)
        {
            sortedKeys[i] = keys[order[i]];
            sortedItems[i] = items[order[i]];
        }
        sortedKeys.CopyTo(keys, 0);
        sortedItems.CopyTo(items, 0);
    }

    /// <summary>The positions of the keys in sorted order.</summary>
    private static int[] Order(string[] keys)
    {
        var n = keys.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        var packed = new ulong[n];
        // Runs still tied: (start, end, depth), an explicit stack, so keys with a long common prefix go deep
        // without recursion.
        var runs = new Stack<(int Start, int End, int Depth)>();
        runs.Push((0, n, 0));
        while (runs.Count > 0)
        {
            var (start, end, depth) = runs.Pop();
            if (end - start <= Small)
            {
                order.AsSpan(start, end - start).Sort((a, b) => string.CompareOrdinal(keys[a], depth, keys[b], depth, int.MaxValue));
                continue;
            }
            // The characters every key of the run shares from here are skipped in one pass, not sorted three at a time
            // in rounds where all keys tie (sys.410000.gov. is five rounds).
            depth += CommonPrefix(keys, order.AsSpan(start, end - start), depth);
            for (var i = start; i < end; i++)
            {
                packed[i] = Pack(keys[order[i]], depth);
            }
            Array.Sort(packed, order, start, end - start);
            for (var i = start; i < end;)
            {
                var j = i + 1;
                while (j < end && packed[j] == packed[i]) j++;
                // A tie whose last packed unit is present goes on; one whose keys ended here holds equal keys.
                if (j - i > 1 && (packed[i] & LastMask) != 0)
                {
                    runs.Push((i, j, depth + Chars));
                }
                i = j;
            }
        }
        return order;
    }

    /// <summary>How many characters from <paramref name="depth"/> on the keys at <paramref name="run"/> all share.</summary>
    private static int CommonPrefix(string[] keys, ReadOnlySpan<int> run, int depth)
    {
        var first = keys[run[0]].AsSpan(depth);
        var common = first.Length;
        for (var i = 1; i < run.Length && common > 0; i++)
        {
            common = first[..common].CommonPrefixLength(keys[run[i]].AsSpan(depth));
        }
        return common;
    }

    private static ulong Pack(string key, int depth)
    {
        ulong value = 0;
        for (var c = 0; c < Chars; c++)
        {
            var at = depth + c;
            value = value << Bits | (at < key.Length ? key[at] + 1UL : 0UL);
        }
        return value;
    }
}
