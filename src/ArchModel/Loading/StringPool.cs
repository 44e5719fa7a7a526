using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace ArchModel.Loading;

/// <summary>
/// One string instance per distinct short text in a load: ids and references repeat across a model
/// (an agency id is referenced by every system it owns), so a large model holds each once, and the
/// parser decodes short strings without allocating when it has seen them before.
/// </summary>
/// <remarks>
/// Keyed by the UTF-8 bytes themselves: a text seen before is found by hashing and comparing its bytes,
/// without decoding it to UTF-16 first (a national model looks up millions of short texts, most of them
/// ASCII ids). An open-addressing table of (hash, position) pairs, at most half full, over the strings in order.
/// </remarks>
internal sealed class StringPool
{
    /// <summary>Texts longer than this many bytes are not pooled (names and descriptions rarely repeat).</summary>
    public const int MaxBytes = 96;

    // The table holds no references: the strings live in an array filled in order, so that a collection scans only
    // its newest part for references to young strings, not a table written all over.
    private PoolSlot[] _slots = new PoolSlot[1024];
    private string[] _texts = new string[512];
    private int _count;

    /// <summary>The pooled string of some UTF-8 bytes (at most <see cref="MaxBytes"/>); <see langword="false"/> when they are not valid UTF-8.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string text) => TryGet(utf8, out text, out _);

    /// <summary>The pooled string of some UTF-8 bytes, and the hash of the bytes (equal for equal strings, the same on
    /// every run); <see langword="false"/> when they are not valid UTF-8.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string text, out int hash)
    {
        hash = Hash(utf8);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot].Number != 0)
        {
            if (_slots[slot].Hash == hash && Matches(_texts[_slots[slot].Number - 1], utf8))
            {
                text = _texts[_slots[slot].Number - 1];
                return true;
            }
            slot = (slot + 1) & mask;
        }
        Span<char> chars = stackalloc char[MaxBytes];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            text = "";
            return false;
        }
        text = chars[..written].ToString();
        PoolSlot.Add(ref _slots, slot, hash, ref _texts, ref _count, text);
        return true;
    }

    /// <summary>Whether a pooled text has these UTF-8 bytes.</summary>
    private static bool Matches(string text, ReadOnlySpan<byte> utf8)
    {
        if (text.Length == utf8.Length)
        {
            // Equal lengths: both are ASCII or they differ (any other character takes more bytes than chars).
            return Ascii.Equals(utf8, text);
        }
        if (text.Length > utf8.Length)
        {
            return false;
        }
        Span<char> chars = stackalloc char[MaxBytes];
        return Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            && chars[..written].SequenceEqual(text);
    }

    /// <summary>A hash of the bytes, eight at a time, mixed so that its low bits (the slot) depend on every byte.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var h = (ulong)bytes.Length * Multiplier;
        var i = 0;
        for (; i + sizeof(ulong) <= bytes.Length; i += sizeof(ulong))
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(bytes[i..])) * Multiplier, 29);
        }
        if (i < bytes.Length)
        {
            var tail = 0UL;
            for (var shift = 0; i < bytes.Length; i++, shift += 8)
            {
                tail |= (ulong)bytes[i] << shift;
            }
            h = BitOperations.RotateLeft((h ^ tail) * Multiplier, 29);
        }
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        return (int)(h & int.MaxValue);
    }
}
