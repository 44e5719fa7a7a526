using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// Name normalization and the bigram index of AM1002: finds every pair of names whose character-bigram
/// sets have a Dice coefficient at or above a threshold without comparing all pairs.
/// </summary>
/// <remarks>
/// <para><b>Characters.</b> A "character" is a text element (a grapheme cluster, <see cref="StringInfo"/>): a
/// CJK character outside the BMP (a surrogate pair, e.g. CJK Extension B) counts as one character, and a base
/// letter with combining marks as one. Bigrams are pairs of consecutive text elements.</para>
/// <para><b>Index.</b> An all-pairs similarity join with prefix filtering on combinations of bigrams.
/// Bigrams are ranked by how many names contain them (rarest first, ties by bigram id). A name with bigram set A
/// must share at least α = ⌈t·|A|/(2−t)⌉ bigrams with any name it is similar to (Dice ≥ t implies
/// |B| ≥ t·|A|/(2−t)), so two similar names share their k rarest common bigrams inside their first |A|−α+k
/// bigrams, for any k ≤ α. Each name is indexed under the k-combinations of that prefix with k = min(3, α),
/// and probes with k = 1..min(3, α); names are processed by increasing size (so a smaller name's k never
/// exceeds the larger one's), a candidate must pass the size filter, and survivors are verified exactly.
/// Any total order of the bigrams finds the same pairs (the prefix argument holds for every order); rarest
/// first only keeps the postings short.
/// Cost: O(L log L) to rank bigrams (L the total length of the names), plus O(Σ C(|A|−α+3, 3)) signatures —
/// for t = 0.8 and a 10-character name, 20 — plus the postings probed, which stay short because a signature
/// is a triple of the name's rarest bigrams, plus the output (the similar pairs themselves). Single rare
/// bigrams would not do: with a fixed vocabulary their postings grow with the model and the join turns
/// quadratic; with triples the work is proportional to the names that share three rare bigrams with a name.
/// Long names at low thresholds make many combinations (C(|A|−α+3, 3) grows cubically in the prefix).
/// One-character names are bucketed by character; within a bucket every pair is similar (the output itself
/// is quadratic there). A threshold ≤ 0 makes every pair of names of two or more characters similar, which
/// no index can avoid: that degenerate case compares all pairs.</para>
/// <para><b>Data structures.</b> AM1002 joins the same names in many blocks (every scope block a system is
/// in), so the text work is done once, in <see cref="PreparedNames"/>: each name is cut into text elements
/// once, and every distinct bigram and every distinct one-character name gets an int id, so that a name is
/// a sorted <c>int[]</c> segment of bigram ids. Per block, <see cref="Join"/> only does integer work on
/// buffers it keeps between blocks: frequencies are counted in an array indexed by bigram id (reset through
/// the list of ids touched), the block's bigrams are ranked by sorting (frequency, id) keys, and the
/// postings are an open-addressing table from a signature (up to three ranks) to the head of a chain of
/// entries (entry numbers run on across blocks, so a slot left by an earlier block reads as empty and the table
/// is never cleared). Nothing is allocated per block once the buffers have grown to the largest block.</para>
/// <para><b>Shortcuts that find the same pairs.</b> A block of few candidate pairs (at most
/// <see cref="Join.SmallBlockPairs"/> plus <see cref="Join.PairsPerName"/> per name: most scope blocks hold a
/// handful of systems, and most bipartite blocks a handful on the indexed side) is compared pair by pair with the
/// same size filter and exact similarity, which costs less than ranking and indexing it. A name skips probing k-combinations when no name indexed under them is long enough to pass
/// the size filter: only names of at most 2(2−t)/t bigrams (3 at t = 0.8) are indexed under one or two bigrams,
/// so long names probe only triples.</para>
/// </remarks>
internal static class NameSimilarityIndex
{
    /// <summary>
    /// Normalizes a name: every occurrence of the owner agency's name removed (ordinal, left to right),
    /// then every character of the Unicode categories Z* and P* removed, then lower-cased (invariant).
    /// </summary>
    public static string Normalize(string name, string? ownerName)
    {
        char[]? rented = null;
        var buffer = name.Length <= 128 ? stackalloc char[3 * 128] : (rented = ArrayPool<char>.Shared.Rent(3 * name.Length));
        var length = Normalize(name, ownerName, buffer[..name.Length], buffer[name.Length..]);
        var result = new string(buffer.Slice(name.Length, length));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return result;
    }

    /// <summary>
    /// <see cref="Normalize(string, string?)"/> into a buffer: <paramref name="scratch"/> holds at least the name's
    /// length, <paramref name="into"/> twice that (a rune is read from at least one UTF-16 unit and written as at
    /// most two); returns the normalized length.
    /// </summary>
    internal static int Normalize(ReadOnlySpan<char> name, string? ownerName, Span<char> scratch, Span<char> into)
    {
        var text = name;
        if (!string.IsNullOrEmpty(ownerName) && name.IndexOf(ownerName, StringComparison.Ordinal) is var at and >= 0)
        {
            // As string.Replace(ownerName, "", Ordinal): every occurrence, left to right, none overlapping. The
            // runes are read afterwards, from the joined text, as they would be from the replaced string.
            var length = 0;
            var rest = name;
            while (at >= 0)
            {
                rest[..at].CopyTo(scratch[length..]);
                length += at;
                rest = rest[(at + ownerName.Length)..];
                at = rest.IndexOf(ownerName, StringComparison.Ordinal);
            }
            rest.CopyTo(scratch[length..]);
            text = scratch[..(length + rest.Length)];
        }

        var written = 0;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            // Fast paths with the same result as the rune path (a test checks every UTF-16 unit): ASCII, whose
            // case mapping is A–Z only, and the CJK ideographs of U+3400–U+9FFF, which are neither separators
            // nor punctuation and have no case.
            if (c < '\u0080')
            {
                if (!IsRemoved(char.GetUnicodeCategory(c)))
                {
                    into[written++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
                }
                i++;
                continue;
            }
            if (c >= '\u3400' && c <= '\u9FFF')
            {
                into[written++] = c;
                i++;
                continue;
            }
            // Invalid UTF-16 decodes to U+FFFD one unit at a time, as string.EnumerateRunes does.
            Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
            i += consumed;
            if (!IsRemoved(Rune.GetUnicodeCategory(rune)))
            {
                written += Rune.ToLowerInvariant(rune).EncodeToUtf16(into[written..]);
            }
        }
        return written;
    }

    /// <summary>Whether normalization removes a character of this category (Z* and P*).</summary>
    private static bool IsRemoved(UnicodeCategory category) => category switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
        _ => false,
    };

    /// <summary>The text elements of a string.</summary>
    public static string[] Characters(string text)
    {
        var result = new List<string>(text.Length);
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            result.Add(e.GetTextElement());
        }
        return [.. result];
    }

    /// <summary>The set of bigrams of a normalized name (empty for fewer than two characters).</summary>
    public static HashSet<string> Bigrams(string normalized)
    {
        var chars = Characters(normalized);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            set.Add(chars[i] + chars[i + 1]);
        }
        return set;
    }

    /// <summary>
    /// The similarity of two normalized names: the Dice coefficient of their bigram sets; 1.0 for the same
    /// single character; <see langword="null"/> (similar at no threshold, even 0) when either is empty or
    /// when one has a single character and the other is a different string.
    /// </summary>
    public static double? Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return null;
        }
        var ca = Characters(a);
        var cb = Characters(b);
        if (ca.Length == 1 || cb.Length == 1)
        {
            return ca.Length == 1 && cb.Length == 1 && ca[0] == cb[0] ? 1.0 : null;
        }
        var ba = Bigrams(a);
        var bb = Bigrams(b);
        var common = ba.Count(bb.Contains);
        return 2.0 * common / (ba.Count + bb.Count);
    }

    /// <summary>
    /// Every pair of names of different owners (the <c>Owner</c> index, e.g. a system) whose similarity is ≥
    /// <paramref name="threshold"/> (inclusive), as (owner, owner, similarity); a pair may come more than once
    /// when owners have several names.
    /// </summary>
    /// <param name="names">The names with their owners.</param>
    /// <param name="threshold">The similarity threshold, inclusive.</param>
    /// <param name="cancellationToken">Cancels the join.</param>
    /// <param name="indexed">For a bipartite join: which names form the indexed side; only pairs of one indexed
    /// and one other name are returned. <see langword="null"/> (the default) joins all names with each other.</param>
    public static List<(int A, int B, double Similarity)> SimilarPairs(
        IReadOnlyList<(int Owner, string Normalized)> names, double threshold, CancellationToken cancellationToken = default,
        IReadOnlyList<bool>? indexed = null)
    {
        var prepared = new PreparedNames();
        foreach (var (owner, normalized) in names)
        {
            prepared.Add(owner, normalized);
        }
        // The join wants the indexed side first; the order within a side does not change the pairs found.
        var order = new int[names.Count];
        var indexedCount = -1;
        if (indexed is null)
        {
            for (var n = 0; n < order.Length; n++) order[n] = n;
        }
        else
        {
            indexedCount = 0;
            for (var n = 0; n < order.Length; n++)
            {
                if (indexed[n]) order[indexedCount++] = n;
            }
            var next = indexedCount;
            for (var n = 0; n < order.Length; n++)
            {
                if (!indexed[n]) order[next++] = n;
            }
        }
        var result = new List<(int A, int B, double Similarity)>();
        new Join(prepared).Run(order, indexedCount, threshold, result, cancellationToken);
        return result;
    }

    /// <summary>
    /// Normalized names cut into text elements and bigrams once, with an int id for every distinct bigram and
    /// every distinct one-character name, to be joined in several blocks by <see cref="Join"/>.
    /// </summary>
    /// <remarks>Not thread-safe; add every name before joining.</remarks>
    internal sealed class PreparedNames
    {
        private readonly List<int> _owner = [];
        private readonly List<int> _single = [];
        private readonly List<int> _start = [0];
        private readonly List<int> _bigrams = [];
        private readonly Dictionary<uint, int> _pairIds = [];
        private readonly Dictionary<string, int> _longIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _singleIds = new(StringComparer.Ordinal);
        private readonly List<int> _elementStarts = [];
        private readonly List<int> _ids = [];
        private char[] _scratch = [];
        private char[] _normalized = [];

        /// <summary>The number of names.</summary>
        public int Count => _owner.Count;

        /// <summary>The number of distinct bigrams of all names: bigram ids are 0..BigramCount−1.</summary>
        public int BigramCount => _pairIds.Count + _longIds.Count;

        /// <summary>The owner of each name.</summary>
        internal ReadOnlySpan<int> Owners => CollectionsMarshal.AsSpan(_owner);

        /// <summary>The id of each name's only character when it has exactly one, else −1 (none: empty or longer).</summary>
        internal ReadOnlySpan<int> Singles => CollectionsMarshal.AsSpan(_single);

        /// <summary>Where each name's bigrams start in <see cref="Bigrams"/>; one more entry than names.</summary>
        internal ReadOnlySpan<int> Starts => CollectionsMarshal.AsSpan(_start);

        /// <summary>The distinct bigram ids of every name, ascending within a name.</summary>
        internal ReadOnlySpan<int> Bigrams => CollectionsMarshal.AsSpan(_bigrams);

        /// <summary>Adds a normalized name of an owner; returns its index.</summary>
        public int Add(int owner, string normalized) => Add(owner, normalized.AsSpan());

        /// <summary>Normalizes a name of an owner (see <see cref="Normalize(string, string?)"/>) and adds it; returns its index.</summary>
        public int Add(int owner, string name, string? ownerName)
        {
            if (_scratch.Length < name.Length)
            {
                _scratch = new char[Math.Max(name.Length, 2 * _scratch.Length)];
                _normalized = new char[2 * _scratch.Length];
            }
            var length = Normalize(name, ownerName, _scratch, _normalized);
            return Add(owner, _normalized.AsSpan(0, length));
        }

        private int Add(int owner, ReadOnlySpan<char> text)
        {
            // Text elements, as StringInfo cuts them. Most names are CJK ideographs, Latin letters and digits,
            // each its own element whatever surrounds it; only other text needs the grapheme rules.
            _elementStarts.Clear();
            if (IsOneElementPerChar(text))
            {
                for (var i = 0; i < text.Length; i++) _elementStarts.Add(i);
            }
            else
            {
                for (var i = 0; i < text.Length; i += StringInfo.GetNextTextElementLength(text[i..]))
                {
                    _elementStarts.Add(i);
                }
            }
            _elementStarts.Add(text.Length);
            var elements = _elementStarts.Count - 1;

            var single = -1;
            if (elements == 1)
            {
                var singles = _singleIds.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!singles.TryGetValue(text, out single))
                {
                    single = _singleIds.Count;
                    singles[text] = single;
                }
            }

            // A bigram is identified by its text, the concatenation of two adjacent elements: two UTF-16 units
            // (two one-unit elements) are keyed by value, longer ones by string; lengths differ, so the two
            // maps never hold the same text.
            _ids.Clear();
            var alternate = _longIds.GetAlternateLookup<ReadOnlySpan<char>>();
            var starts = CollectionsMarshal.AsSpan(_elementStarts);
            for (var e = 0; e + 1 < elements; e++)
            {
                var start = starts[e];
                var length = starts[e + 2] - start;
                int id;
                if (length == 2)
                {
                    var key = (uint)text[start] << 16 | text[start + 1];
                    if (!_pairIds.TryGetValue(key, out id))
                    {
                        _pairIds[key] = id = BigramCount;
                    }
                }
                else if (!alternate.TryGetValue(text.Slice(start, length), out id))
                {
                    id = BigramCount;
                    alternate[text.Slice(start, length)] = id;
                }
                _ids.Add(id);
            }
            var ids = CollectionsMarshal.AsSpan(_ids);
            ids.Sort();
            var previous = -1;
            foreach (var id in ids)
            {
                if (id != previous) _bigrams.Add(id);
                previous = id;
            }

            _owner.Add(owner);
            _single.Add(single);
            _start.Add(_bigrams.Count);
            return _owner.Count - 1;
        }

        /// <summary>
        /// Whether every UTF-16 unit of the text is a text element by itself: ASCII and Latin-1/Latin Extended
        /// letters (below the combining diacritics at U+0300) except CR (CR LF is one element), and the CJK
        /// ideographs of U+3400–U+9FFF. None of these is a surrogate, an extending or spacing mark, a prepended
        /// character, a Hangul jamo or a regional indicator, so no grapheme rule joins two of them.
        /// </summary>
        internal static bool IsOneElementPerChar(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (!((c < '\u0300' && c != '\r') || (c >= '\u3400' && c <= '\u9FFF')))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>
    /// The similarity join over subsets (blocks) of <see cref="PreparedNames"/>, with buffers kept between blocks
    /// (see the remarks of <see cref="NameSimilarityIndex"/>).
    /// </summary>
    /// <remarks>Not thread-safe: one instance per caller (AM1002 makes one per analysis).</remarks>
    internal sealed class Join
    {
        private const double Epsilon = 1e-9;
        private const int None = -1;

        /// <summary>
        /// A block is compared pair by pair instead of indexed when its candidate pairs are at most this many plus
        /// <see cref="PairsPerName"/> per name: ranking and indexing cost a fixed part per block and a part per
        /// name (a few dozen hash look-ups), comparing costs per pair.
        /// </summary>
        public const long SmallBlockPairs = 128;

        /// <summary>See <see cref="SmallBlockPairs"/>.</summary>
        public const long PairsPerName = 8;

        private readonly PreparedNames _names;
        private readonly bool _indexEveryBlock;

        // By bigram id: occurrences in the block (zero outside a run) and rank (valid for the block's bigrams).
        private int[] _counts = [];
        private int[] _rank = [];
        private int[] _touched = [];
        private long[] _keys = [];

        // By position in the block's names of two or more characters ("multi" names).
        private int[] _multi = [];
        private int[] _owner = [];
        private bool[] _side = [];
        private int[] _tokenStart = [];
        private int[] _tokens = [];
        private int[] _order = [];
        private int[] _stamp = [];
        private int _generation;

        // Postings: open addressing (linear probing) from a signature to the last entry indexed under it; entries
        // chain back through Next. Entries are numbered on from run to run ("_base" is the first number of this
        // run), so a slot whose head is below _base belongs to an earlier block and counts as empty: the table is
        // never cleared, except when the numbers would overflow.
        private Slot[] _slots = [];
        private int _mask;
        private int _shift;
        private Entry[] _entries = [];
        private int _base = 1;
        private int _entryCount;
        // By combination size k: the longest name indexed under k-combinations in this run (0: none yet).
        private readonly int[] _longestIndexed = new int[4];

        // The name being indexed or probing, and where pairs go.
        private int _rStart;
        private int _rLength;
        private int _rOwner;
        private double _ratio;
        private double _threshold;
        private List<(int A, int B, double Similarity)>? _into;

        /// <summary>Creates a join over prepared names.</summary>
        /// <param name="names">The names.</param>
        /// <param name="indexEveryBlock">Index small blocks too instead of comparing their pairs (for tests: both
        /// ways must find the same pairs).</param>
        public Join(PreparedNames names, bool indexEveryBlock = false)
        {
            _names = names;
            _indexEveryBlock = indexEveryBlock;
        }

        /// <summary>A slot of the postings: a signature (one to three bigram ranks, unused ones −1) and its last entry.</summary>
        private struct Slot
        {
            public int A;
            public int B;
            public int C;
            public int Head;
        }

        /// <summary>A posting: the indexed name, with what the filters need, and the previous entry of its signature.</summary>
        private struct Entry
        {
            public int Next;
            public int Name;
            public int Length;
            public int Owner;
        }

        /// <summary>
        /// Adds to <paramref name="into"/> every pair of the given names of different owners whose similarity is
        /// ≥ <paramref name="threshold"/>, as (owner, owner, similarity).
        /// </summary>
        /// <param name="block">Indexes into the prepared names.</param>
        /// <param name="indexedCount">For a bipartite join, the number of leading names that form the indexed side
        /// (only pairs of one of them and one later name); −1 joins all names with each other.</param>
        /// <param name="threshold">The similarity threshold, inclusive.</param>
        /// <param name="into">Receives the pairs.</param>
        /// <param name="cancellationToken">Cancels the join.</param>
        public void Run(ReadOnlySpan<int> block, int indexedCount, double threshold,
            List<(int A, int B, double Similarity)> into, CancellationToken cancellationToken)
        {
            var owners = _names.Owners;
            var singles = _names.Singles;
            var starts = _names.Starts;
            var bipartite = indexedCount >= 0;

            // One-character names: sorted by (character, position), each run of one character is a bucket.
            if (1.0 >= threshold)
            {
                var count = 0;
                EnsureCapacity(ref _keys, block.Length);
                for (var l = 0; l < block.Length; l++)
                {
                    if (singles[block[l]] >= 0) _keys[count++] = (long)singles[block[l]] << 32 | (uint)l;
                }
                var keys = _keys.AsSpan(0, count);
                keys.Sort();
                for (var i = 0; i < keys.Length; i++)
                {
                    var li = (int)keys[i];
                    for (var j = i + 1; j < keys.Length && keys[j] >> 32 == keys[i] >> 32; j++)
                    {
                        var lj = (int)keys[j];
                        var oi = owners[block[li]];
                        var oj = owners[block[lj]];
                        if (oi != oj && (!bipartite || (li < indexedCount) != (lj < indexedCount)))
                        {
                            into.Add((oi, oj, 1.0));
                        }
                    }
                }
            }

            // Names of two or more characters, in block order (a bipartite block's indexed side first).
            var m = 0;
            EnsureCapacity(ref _multi, block.Length);
            EnsureCapacity(ref _owner, block.Length);
            EnsureCapacity(ref _side, block.Length);
            for (var l = 0; l < block.Length; l++)
            {
                var n = block[l];
                if (starts[n + 1] > starts[n])
                {
                    _side[m] = !bipartite || l < indexedCount;
                    _owner[m] = owners[n];
                    _multi[m++] = n;
                }
            }
            if (m < 2)
            {
                return;
            }
            // A threshold ≤ 0 makes every pair similar; a small block (most scope blocks hold a handful of systems,
            // and many bipartite blocks have a handful of systems on the indexed side) is cheaper to compare pair by
            // pair than to rank and index. Both find the same pairs as the index.
            var indexedMulti = bipartite ? 0 : m;
            while (bipartite && indexedMulti < m && _side[indexedMulti])
            {
                indexedMulti++; // the indexed side comes first
            }
            var candidates = bipartite ? (long)indexedMulti * (m - indexedMulti) : (long)m * (m - 1) / 2;
            if (threshold <= 0 || (!_indexEveryBlock && candidates <= SmallBlockPairs + PairsPerName * m))
            {
                AllPairs(m, bipartite ? indexedMulti : -1, threshold, into, cancellationToken);
                return;
            }

            Rank(m);
            var order = Order(m, bipartite);

            // Signatures. Let c1 < c2 < c3 be the rarest bigrams two similar names A and B share (overlap o). A name
            // has at most |A|−α ≥ |A|−o bigrams outside the overlap, so its first |A|−α+k bigrams hold c1..ck for
            // any k ≤ o. Symmetric join: each name is indexed under every k-combination of that prefix, with
            // k = min(3, α), and probes with k = 1..its own k: when A comes before B (|A| ≤ |B|), k_A ≤ k_B and
            // k_A ≤ α_A ≤ o, so B's probe with k_A finds the combination (c1..ck) A was indexed under. Bipartite
            // join: indexed names are indexed under k = 1..3 (prefixes clamped to the name), the others probe with
            // k = min(3, α) ≤ o. Combinations of rare bigrams are far more selective than single ones, whose
            // postings grow with the model.
            _ratio = threshold / (2 - threshold);
            _threshold = threshold;
            _into = into;
            PreparePostings(m, bipartite);
            EnsureCapacity(ref _stamp, m);
            foreach (var r in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = _tokenStart[r + 1] - _tokenStart[r];
                var a = _tokens.AsSpan(_tokenStart[r], length);
                var alpha = Math.Max(1, (int)Math.Ceiling(_ratio * length - Epsilon));
                if (alpha > length)
                {
                    continue; // threshold above 1: nothing is similar
                }
                var kOwn = Math.Min(3, alpha);
                // The current name: what its entries record, and what its probes compare against.
                _rStart = _tokenStart[r];
                _rLength = length;
                _rOwner = _owner[r];
                if (bipartite && _side[r])
                {
                    for (var k = 1; k <= 3; k++)
                    {
                        Combinations(a[..Math.Min(length, length - alpha + k)], k, probe: false, index: r);
                    }
                    continue;
                }
                NextGeneration();
                if (bipartite)
                {
                    if (Reachable(kOwn, length))
                    {
                        Combinations(a[..Math.Min(length, length - alpha + kOwn)], kOwn, probe: true, index: None);
                    }
                    continue;
                }
                // Probe the smaller combinations, then probe and index the name's own (a probe runs before the
                // same signature is indexed, so a name never meets itself).
                for (var k = 1; k < kOwn; k++)
                {
                    if (Reachable(k, length))
                    {
                        Combinations(a[..Math.Min(length, length - alpha + k)], k, probe: true, index: None);
                    }
                }
                Combinations(a[..Math.Min(length, length - alpha + kOwn)], kOwn, probe: Reachable(kOwn, length), index: r);
            }
            _base += _entryCount;
            _into = null;
        }

        /// <summary>
        /// Compares every pair of multi names of different owners (in a bipartite join, every pair of one of the
        /// first <paramref name="indexedMulti"/> and one later; −1 for a symmetric join) with the index's size filter
        /// and exact similarity: for a small block, or the degenerate threshold ≤ 0 where every pair is similar (there
        /// the filter passes everything).
        /// </summary>
        private void AllPairs(int m, int indexedMulti, double threshold, List<(int A, int B, double Similarity)> into, CancellationToken cancellationToken)
        {
            var starts = _names.Starts;
            var bigrams = _names.Bigrams;
            var ratio = threshold / (2 - threshold);
            var bipartite = indexedMulti >= 0;
            for (var i = 0; i < (bipartite ? indexedMulti : m); i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var a = bigrams[starts[_multi[i]]..starts[_multi[i] + 1]];
                for (var j = bipartite ? indexedMulti : i + 1; j < m; j++)
                {
                    if (_owner[i] == _owner[j])
                    {
                        continue;
                    }
                    var b = bigrams[starts[_multi[j]]..starts[_multi[j] + 1]];
                    if (threshold > 0 && (b.Length < ratio * a.Length - Epsilon || a.Length < ratio * b.Length - Epsilon))
                    {
                        continue;
                    }
                    var dice = 2.0 * Overlap(a, b) / (a.Length + b.Length);
                    if (dice >= threshold)
                    {
                        into.Add((_owner[i], _owner[j], dice));
                    }
                }
            }
        }

        /// <summary>
        /// Ranks the bigrams of the block's multi names (rarest first, ties by id) and writes each name's ranks,
        /// ascending, to its token segment.
        /// </summary>
        private void Rank(int m)
        {
            var starts = _names.Starts;
            var bigrams = _names.Bigrams;
            var vocabulary = _names.BigramCount;
            if (_counts.Length < vocabulary)
            {
                // Counts are zero outside a run; the grown part is zero too.
                var grown = Math.Max(vocabulary, _counts.Length * 2);
                Array.Resize(ref _counts, grown);
                Array.Resize(ref _rank, grown);
                Array.Resize(ref _touched, grown);
            }
            var touched = 0;
            var tokens = 0;
            EnsureCapacity(ref _tokenStart, m + 1);
            for (var i = 0; i < m; i++)
            {
                _tokenStart[i] = tokens;
                var n = _multi[i];
                tokens += starts[n + 1] - starts[n];
                foreach (var id in bigrams[starts[n]..starts[n + 1]])
                {
                    if (_counts[id]++ == 0)
                    {
                        _touched[touched++] = id;
                    }
                }
            }
            _tokenStart[m] = tokens;

            EnsureCapacity(ref _keys, touched);
            for (var i = 0; i < touched; i++)
            {
                var id = _touched[i];
                _keys[i] = (long)_counts[id] << 32 | (uint)id;
                _counts[id] = 0;
            }
            var keys = _keys.AsSpan(0, touched);
            keys.Sort();
            for (var i = 0; i < keys.Length; i++)
            {
                _rank[(int)keys[i]] = i;
            }

            EnsureCapacity(ref _tokens, tokens);
            for (var i = 0; i < m; i++)
            {
                var n = _multi[i];
                var segment = _tokens.AsSpan(_tokenStart[i], _tokenStart[i + 1] - _tokenStart[i]);
                var source = bigrams[starts[n]..starts[n + 1]];
                for (var j = 0; j < source.Length; j++) segment[j] = _rank[source[j]];
                segment.Sort();
            }
        }

        /// <summary>
        /// The processing order: symmetric, by increasing size (then position); bipartite, block order (the
        /// indexed side, which must be fully indexed before any probe, comes first).
        /// </summary>
        private ReadOnlySpan<int> Order(int m, bool bipartite)
        {
            EnsureCapacity(ref _order, m);
            if (bipartite)
            {
                for (var i = 0; i < m; i++) _order[i] = i;
                return _order.AsSpan(0, m);
            }
            EnsureCapacity(ref _keys, m);
            for (var i = 0; i < m; i++)
            {
                _keys[i] = (long)(_tokenStart[i + 1] - _tokenStart[i]) << 32 | (uint)i;
            }
            var keys = _keys.AsSpan(0, m);
            keys.Sort();
            for (var i = 0; i < m; i++)
            {
                _order[i] = (int)keys[i];
            }
            return _order.AsSpan(0, m);
        }

        /// <summary>Sizes the postings for the signatures the block's names are indexed under (load ≤ ½).</summary>
        private void PreparePostings(int m, bool bipartite)
        {
            long signatures = 0;
            for (var r = 0; r < m; r++)
            {
                var length = _tokenStart[r + 1] - _tokenStart[r];
                var alpha = Math.Max(1, (int)Math.Ceiling(_ratio * length - Epsilon));
                if (alpha > length || (bipartite && !_side[r]))
                {
                    continue;
                }
                if (bipartite)
                {
                    for (var k = 1; k <= 3; k++) signatures += Choose(Math.Min(length, length - alpha + k), k);
                }
                else
                {
                    var kOwn = Math.Min(3, alpha);
                    signatures += Choose(Math.Min(length, length - alpha + kOwn), kOwn);
                }
            }
            if (signatures > 1 << 29)
            {
                throw new InvalidOperationException("Too many name signatures in one block for the similarity index.");
            }
            if ((long)_base + signatures >= int.MaxValue)
            {
                // Entry numbers would overflow: forget every earlier block and number from 1 again.
                Array.Clear(_slots);
                _base = 1;
            }
            var size = 16;
            while (size < 2 * signatures) size *= 2;
            EnsureCapacity(ref _slots, size);
            EnsureCapacity(ref _entries, (int)signatures);
            _mask = size - 1;
            _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
            _entryCount = 0;
            Array.Clear(_longestIndexed);
        }

        private static long Choose(int n, int k) => k switch
        {
            _ when n < k => 0,
            1 => n,
            2 => (long)n * (n - 1) / 2,
            _ => (long)n * (n - 1) * (n - 2) / 6,
        };

        /// <summary>
        /// Every k-combination (k = 1..3) of <paramref name="prefix"/>: first probed for the current name when
        /// <paramref name="probe"/>, then indexed for name <paramref name="index"/> unless it is <see cref="None"/>.
        /// </summary>
        private void Combinations(ReadOnlySpan<int> prefix, int k, bool probe, int index)
        {
            if (index != None && prefix.Length >= k)
            {
                _longestIndexed[k] = Math.Max(_longestIndexed[k], _tokenStart[index + 1] - _tokenStart[index]);
            }
            for (var x = 0; x < prefix.Length; x++)
            {
                if (k == 1)
                {
                    Visit(prefix[x], None, None, probe, index);
                    continue;
                }
                for (var y = x + 1; y < prefix.Length; y++)
                {
                    if (k == 2)
                    {
                        Visit(prefix[x], prefix[y], None, probe, index);
                        continue;
                    }
                    for (var z = y + 1; z < prefix.Length; z++)
                    {
                        Visit(prefix[x], prefix[y], prefix[z], probe, index);
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Visit(int a, int b, int c, bool probe, int index)
        {
            // Find the signature's slot, or the free slot where it goes.
            var hash = ((ulong)(uint)a * 0x9E3779B97F4A7C15UL ^ (uint)b) * 0xC2B2AE3D27D4EB4FUL;
            hash = (hash ^ (uint)c) * 0x165667B19E3779F9UL;
            var i = (int)(hash >> _shift) & _mask;
            while (_slots[i].Head >= _base && (_slots[i].A != a || _slots[i].B != b || _slots[i].C != c))
            {
                i = (i + 1) & _mask;
            }
            ref var slot = ref _slots[i];
            var occupied = slot.Head >= _base;
            if (probe && occupied)
            {
                Candidates(slot.Head);
            }
            if (index != None)
            {
                if (!occupied)
                {
                    slot.A = a;
                    slot.B = b;
                    slot.C = c;
                }
                _entries[_entryCount] = new Entry { Next = occupied ? slot.Head : 0, Name = index, Length = _rLength, Owner = _rOwner };
                slot.Head = _base + _entryCount++;
            }
        }

        /// <summary>Filters and verifies the names of a posting chain against the current name.</summary>
        private void Candidates(int head)
        {
            var own = _tokens.AsSpan(_rStart, _rLength);
            for (var e = head; e >= _base; e = _entries[e - _base].Next)
            {
                ref var entry = ref _entries[e - _base];
                var q = entry.Name;
                if (_stamp[q] == _generation)
                {
                    continue;
                }
                _stamp[q] = _generation;
                if (entry.Length < _ratio * _rLength - Epsilon || _rLength < _ratio * entry.Length - Epsilon || entry.Owner == _rOwner)
                {
                    continue;
                }
                var dice = 2.0 * Overlap(own, _tokens.AsSpan(_tokenStart[q], entry.Length)) / (_rLength + entry.Length);
                if (dice >= _threshold)
                {
                    _into!.Add((entry.Owner, _rOwner, dice));
                }
            }
        }

        /// <summary>
        /// Whether probing k-combinations for a name of this many bigrams can find a candidate: some name was indexed
        /// under k-combinations, and the longest of them passes the size filter (every shorter one fails it too).
        /// Short names are the only ones indexed under one or two bigrams, so long names skip those probes.
        /// </summary>
        private bool Reachable(int k, int length) => _longestIndexed[k] > 0 && _longestIndexed[k] >= _ratio * length - Epsilon;

        /// <summary>Starts a probe: names stamped with an older generation are new candidates again.</summary>
        private void NextGeneration()
        {
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_stamp);
                _generation = 1;
            }
        }

        private static void EnsureCapacity<T>(ref T[] array, int length)
        {
            if (array.Length < length)
            {
                Array.Resize(ref array, Math.Max(length, array.Length * 2));
            }
        }
    }

    private static int Overlap(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { n++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return n;
    }
}
