using System.Diagnostics.CodeAnalysis;

namespace ArchModel.Analysis;

/// <summary>
/// A finding's evidence: a few facts, keys in ordinal order, in one array.
/// </summary>
/// <remarks>
/// A national model reports a quarter of a million findings, each with two to eight facts: one object and one
/// array each, looked up by a binary search over the keys (a sorted list would be three objects). Immutable.
/// </remarks>
internal sealed class EvidenceMap : IReadOnlyDictionary<string, object?>
{
    public static readonly EvidenceMap Empty = new([]);

    private readonly KeyValuePair<string, object?>[] _entries;

    /// <param name="entries">The facts, keys distinct and in ordinal order; the map keeps the array.</param>
    private EvidenceMap(KeyValuePair<string, object?>[] entries) => _entries = entries;

    /// <summary>The map of <paramref name="facts"/>: sorted by key; of a key given more than once, the last value.</summary>
    public static EvidenceMap Of(ReadOnlySpan<KeyValuePair<string, object?>> facts)
    {
        if (facts.IsEmpty)
        {
            return Empty;
        }
        var entries = facts.ToArray();
        // Stably by key: a finding's few facts by insertion; a long list (a custom rule's) by positions.
        if (entries.Length <= 16)
        {
            for (var i = 1; i < entries.Length; i++)
            {
                var entry = entries[i];
                var j = i - 1;
                for (; j >= 0 && string.CompareOrdinal(entries[j].Key, entry.Key) > 0; j--)
                {
                    entries[j + 1] = entries[j];
                }
                entries[j + 1] = entry;
            }
        }
        else
        {
            var order = Enumerable.Range(0, entries.Length).ToArray();
            var given = entries.ToArray();
            Array.Sort(order, (a, b) => string.CompareOrdinal(given[a].Key, given[b].Key) is var c && c != 0 ? c : a.CompareTo(b));
            for (var i = 0; i < order.Length; i++)
            {
                entries[i] = given[order[i]];
            }
        }
        // Of equal keys, now side by side in the order given, the last stays.
        var count = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            if (i + 1 < entries.Length && entries[i + 1].Key == entries[i].Key)
            {
                continue;
            }
            entries[count++] = entries[i];
        }
        return new EvidenceMap(count == entries.Length ? entries : entries[..count]);
    }

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(static e => e.Key);

    public IEnumerable<object?> Values => _entries.Select(static e => e.Value);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int low = 0, high = _entries.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var c = string.CompareOrdinal(_entries[middle].Key, key);
            if (c == 0)
            {
                return middle;
            }
            if (c < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }
}
