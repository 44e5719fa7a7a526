using System.Runtime.CompilerServices;

namespace ArchModel.Loading;

/// <summary>
/// One array per distinct short list of pooled values in a load: a national model repeats the same few lists
/// on hundreds of thousands of elements (<c>["net.extranet"]</c>, <c>["cap.oa"]</c>, the same five components), and
/// every array kept alive is another object each full collection marks.
/// </summary>
/// <remarks>
/// The items are compared by reference: they come from the same load's pools (<see cref="StringPool"/>, or the
/// components it shares), so equal items are the same instance. An item that was not pooled, such as a long text,
/// only misses a chance to share: two lists are only ever shared when they hold the same instances in the same order.
/// The arrays handed out are shared and must not be written to; the model exposes them as read-only lists.
/// An open-addressing table of (hash, position) pairs, at most half full, over the arrays in order.
/// </remarks>
internal sealed class ListPool<T> where T : class
{
    /// <summary>Lists longer than this are not pooled (long lists rarely repeat, and comparing them costs).</summary>
    public const int MaxItems = 8;

    private PoolSlot[] _slots = new PoolSlot[256];
    private T[][] _lists = new T[128][];
    private int _count;

    /// <summary>The pooled array of these items; a new array when the list is too long to pool, <c>[]</c> when empty.</summary>
    public T[] Get(ReadOnlySpan<T> items) => Pooled(items, items.Length is 0 or > MaxItems ? 0 : Hash(items));

    /// <summary>
    /// <see cref="Get(ReadOnlySpan{T})"/> with a hash of each item given (the <see cref="StringPool"/>'s, of its bytes):
    /// the identity hash of an object seen for the first time is a slow call into the runtime, once for each of a
    /// national model's million fresh ids.
    /// </summary>
    public T[] Get(ReadOnlySpan<T> items, ReadOnlySpan<int> itemHashes) =>
        Pooled(items, items.Length is 0 or > MaxItems ? 0 : Mix(itemHashes));

    private T[] Pooled(ReadOnlySpan<T> items, int hash)
    {
        if (items.IsEmpty)
        {
            return [];
        }
        if (items.Length > MaxItems)
        {
            return items.ToArray();
        }
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot].Number != 0)
        {
            if (_slots[slot].Hash == hash && Matches(_lists[_slots[slot].Number - 1], items))
            {
                return _lists[_slots[slot].Number - 1];
            }
            slot = (slot + 1) & mask;
        }
        var list = items.ToArray();
        PoolSlot.Add(ref _slots, slot, hash, ref _lists, ref _count, list);
        return list;
    }

    private static bool Matches(T[] list, ReadOnlySpan<T> items)
    {
        if (list.Length != items.Length)
        {
            return false;
        }
        for (var i = 0; i < list.Length; i++)
        {
            if (!ReferenceEquals(list[i], items[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A hash of the items' identities.</summary>
    private static int Hash(ReadOnlySpan<T> items)
    {
        Span<int> hashes = stackalloc int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            hashes[i] = RuntimeHelpers.GetHashCode(items[i]);
        }
        return Mix(hashes);
    }

    /// <summary>The items' hashes mixed into one, so that the low bits (the slot) depend on every item.</summary>
    private static int Mix(ReadOnlySpan<int> hashes)
    {
        var h = (uint)hashes.Length;
        foreach (var item in hashes)
        {
            h = (h ^ (uint)item) * 0x9E3779B1;
            h ^= h >> 15;
        }
        return (int)(h & int.MaxValue);
    }
}
