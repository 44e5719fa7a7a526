namespace ArchModel.Loading;

/// <summary>
/// A slot of the loader pools' open-addressing tables: a value's hash and its number, its position in the
/// pool's array of values plus one (0: an empty slot). The tables hold no references, so a collection never
/// scans them.
/// </summary>
internal struct PoolSlot
{
    public int Hash;
    public int Number;

    /// <summary>
    /// Adds <paramref name="value"/> to a pool: appended to its values (doubled when full), numbered in the empty
    /// slot its look-up ended on, and the table doubled once it is half full.
    /// </summary>
    public static void Add<T>(ref PoolSlot[] table, int slot, int hash, ref T[] values, ref int count, T value)
    {
        if (count == values.Length)
        {
            Array.Resize(ref values, count * 2);
        }
        values[count++] = value;
        table[slot] = new PoolSlot { Hash = hash, Number = count };
        if (count * 2 > table.Length)
        {
            table = Grow(table);
        }
    }

    /// <summary>A table twice the size holding the same entries, each at its first free slot from its hash.</summary>
    public static PoolSlot[] Grow(PoolSlot[] table)
    {
        var grown = new PoolSlot[table.Length * 2];
        var mask = grown.Length - 1;
        foreach (var entry in table)
        {
            if (entry.Number == 0)
            {
                continue;
            }
            var slot = entry.Hash & mask;
            while (grown[slot].Number != 0)
            {
                slot = (slot + 1) & mask;
            }
            grown[slot] = entry;
        }
        return grown;
    }
}
