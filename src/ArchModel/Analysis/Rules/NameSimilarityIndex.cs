using System.Globalization;
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
/// Bigrams are ranked by how many names contain them (rarest first, ties ordinal). A name with bigram set A
/// must share at least α = ⌈t·|A|/(2−t)⌉ bigrams with any name it is similar to (Dice ≥ t implies
/// |B| ≥ t·|A|/(2−t)), so two similar names share their k rarest common bigrams inside their first |A|−α+k
/// bigrams, for any k ≤ α. Each name is indexed under the k-combinations of that prefix with k = min(3, α),
/// and probes with k = 1..min(3, α); names are processed by increasing size (so a smaller name's k never
/// exceeds the larger one's), a candidate must pass the size filter, and survivors are verified exactly.
/// Cost: O(L log L) to rank bigrams (L the total length of the names), plus O(Σ C(|A|−α+3, 3)) signatures —
/// for t = 0.8 and a 10-character name, 20 — plus the postings probed, which stay short because a signature
/// is a triple of the name's rarest bigrams, plus the output (the similar pairs themselves). Single rare
/// bigrams would not do: with a fixed vocabulary their postings grow with the model and the join turns
/// quadratic; with triples the work is proportional to the names that share three rare bigrams with a name.
/// Long names at low thresholds make many combinations (C(|A|−α+3, 3) grows cubically in the prefix).
/// One-character names are bucketed by character; within a bucket every pair is similar (the output itself
/// is quadratic there). A threshold ≤ 0 makes every pair of names of two or more characters similar, which
/// no index can avoid: that degenerate case compares all pairs.</para>
/// </remarks>
internal static class NameSimilarityIndex
{
    /// <summary>
    /// Normalizes a name: every occurrence of the owner agency's name removed (ordinal, left to right),
    /// then every character of the Unicode categories Z* and P* removed, then lower-cased (invariant).
    /// </summary>
    public static string Normalize(string name, string? ownerName)
    {
        var text = string.IsNullOrEmpty(ownerName) ? name : name.Replace(ownerName, "", StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.DashPunctuation:
                case UnicodeCategory.OpenPunctuation:
                case UnicodeCategory.ClosePunctuation:
                case UnicodeCategory.InitialQuotePunctuation:
                case UnicodeCategory.FinalQuotePunctuation:
                case UnicodeCategory.OtherPunctuation:
                    continue;
                default:
                    sb.Append(Rune.ToLowerInvariant(rune).ToString());
                    break;
            }
        }
        return sb.ToString();
    }

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
        IReadOnlyList<bool>? indexed = null) =>
        SimilarPairs(names.Select(static n => Prepare(n.Owner, n.Normalized)).ToArray(), threshold, cancellationToken, indexed);

    /// <summary>A normalized name cut into characters and bigrams once, to be joined in several blocks.</summary>
    /// <param name="Owner">The owner index.</param>
    /// <param name="Length">The number of characters (text elements).</param>
    /// <param name="Single">The character of a one-character name, else empty.</param>
    /// <param name="Bigrams">The distinct bigrams.</param>
    internal readonly record struct PreparedName(int Owner, int Length, string Single, string[] Bigrams);

    /// <summary>Cuts a normalized name into characters and bigrams.</summary>
    public static PreparedName Prepare(int owner, string normalized)
    {
        var chars = Characters(normalized);
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++) bigrams.Add(chars[i] + chars[i + 1]);
        return new PreparedName(owner, chars.Length, chars.Length == 1 ? chars[0] : "", [.. bigrams]);
    }

    /// <summary>The join over prepared names; see the other overload.</summary>
    public static List<(int A, int B, double Similarity)> SimilarPairs(
        IReadOnlyList<PreparedName> names, double threshold, CancellationToken cancellationToken = default,
        IReadOnlyList<bool>? indexed = null)
    {
        var singles = new Dictionary<string, List<(int Owner, bool Side)>>(StringComparer.Ordinal);
        var multi = new List<(int Owner, bool Side, string[] Bigrams)>();
        for (var n = 0; n < names.Count; n++)
        {
            var name = names[n];
            if (name.Length == 0)
            {
                continue;
            }
            var side = indexed?[n] ?? true;
            if (name.Length == 1)
            {
                if (!singles.TryGetValue(name.Single, out var list)) singles[name.Single] = list = [];
                list.Add((name.Owner, side));
            }
            else
            {
                multi.Add((name.Owner, side, name.Bigrams));
            }
        }
        var bipartite = indexed is not null;
        bool Pairable(bool x, bool y) => !bipartite || x != y;

        var result = new List<(int, int, double)>();
        if (1.0 >= threshold)
        {
            foreach (var bucket in singles.Values)
            {
                for (var i = 0; i < bucket.Count; i++)
                {
                    for (var j = i + 1; j < bucket.Count; j++)
                    {
                        if (bucket[i].Owner != bucket[j].Owner && Pairable(bucket[i].Side, bucket[j].Side))
                        {
                            result.Add((bucket[i].Owner, bucket[j].Owner, 1.0));
                        }
                    }
                }
            }
        }

        var sets = multi.Select(static m => m.Bigrams).ToArray();

        if (threshold <= 0)
        {
            for (var i = 0; i < sets.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var j = i + 1; j < sets.Length; j++)
                {
                    if (multi[i].Owner != multi[j].Owner && Pairable(multi[i].Side, multi[j].Side))
                    {
                        result.Add((multi[i].Owner, multi[j].Owner, 2.0 * sets[i].Intersect(sets[j], StringComparer.Ordinal).Count() / (sets[i].Length + sets[j].Length)));
                    }
                }
            }
            return result;
        }

        // Bigram sets as sorted arrays of token ranks (rarest first).
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            foreach (var bigram in set) frequency[bigram] = frequency.GetValueOrDefault(bigram) + 1;
        }
        var rank = frequency.OrderBy(static kv => kv.Value).ThenBy(static kv => kv.Key, StringComparer.Ordinal)
            .Select(static (kv, i) => (kv.Key, i)).ToDictionary(static x => x.Key, static x => x.i, StringComparer.Ordinal);
        var tokens = sets.Select(set => set.Select(b => rank[b]).Order().ToArray()).ToArray();

        // Signatures. Let c1 < c2 < c3 be the rarest bigrams two similar names A and B share (overlap o). A name
        // has at most |A|−α ≥ |A|−o bigrams outside the overlap, so its first |A|−α+k bigrams hold c1..ck for
        // any k ≤ o. Symmetric join: each name is indexed under every k-combination of that prefix, with
        // k = min(3, α), and probes with k = 1..its own k: when A comes before B (|A| ≤ |B|), k_A ≤ k_B and
        // k_A ≤ α_A ≤ o, so B's probe with k_A finds the combination (c1..ck) A was indexed under. Bipartite
        // join: indexed names are indexed under k = 1..3 (prefixes clamped to the name), the others probe with
        // k = min(3, α) ≤ o. Combinations of rare bigrams are far more selective than single ones, whose
        // postings grow with the model.
        const double Epsilon = 1e-9;
        var ratio = threshold / (2 - threshold);
        var order = bipartite
            ? Enumerable.Range(0, tokens.Length).OrderBy(i => multi[i].Side ? 0 : 1).ThenBy(static i => i).ToArray()
            : Enumerable.Range(0, tokens.Length).OrderBy(i => tokens[i].Length).ThenBy(static i => i).ToArray();
        var postings = new Dictionary<(int K, int A, int B, int C), List<int>>();
        var stamp = new int[tokens.Length];
        Array.Fill(stamp, -1);
        var probe = new List<(int, int, int, int)>();
        var own = new List<(int, int, int, int)>();
        foreach (var r in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = tokens[r];
            var alpha = Math.Max(1, (int)Math.Ceiling(ratio * a.Length - Epsilon));
            if (alpha > a.Length)
            {
                continue; // threshold above 1: nothing is similar
            }
            var kOwn = Math.Min(3, alpha);
            probe.Clear();
            own.Clear();
            if (!bipartite)
            {
                for (var k = 1; k <= kOwn; k++)
                {
                    own.Clear();
                    Combinations(a, Math.Min(a.Length, a.Length - alpha + k), k, own);
                    probe.AddRange(own);
                }
                // `own` now holds the combinations of size kOwn: the ones this name is indexed under.
            }
            else if (multi[r].Side)
            {
                for (var k = 1; k <= 3; k++)
                {
                    Combinations(a, Math.Min(a.Length, a.Length - alpha + k), k, own);
                }
            }
            else
            {
                Combinations(a, Math.Min(a.Length, a.Length - alpha + kOwn), kOwn, probe);
            }

            foreach (var signature in probe)
            {
                if (!postings.TryGetValue(signature, out var list))
                {
                    continue;
                }
                foreach (var q in list)
                {
                    if (stamp[q] == r)
                    {
                        continue;
                    }
                    stamp[q] = r;
                    var b = tokens[q];
                    if (b.Length < ratio * a.Length - Epsilon || a.Length < ratio * b.Length - Epsilon || multi[q].Owner == multi[r].Owner)
                    {
                        continue;
                    }
                    var dice = 2.0 * Overlap(a, b) / (a.Length + b.Length);
                    if (dice >= threshold)
                    {
                        result.Add((multi[q].Owner, multi[r].Owner, dice));
                    }
                }
            }
            foreach (var signature in own)
            {
                if (!postings.TryGetValue(signature, out var list)) postings[signature] = list = [];
                list.Add(r);
            }
        }
        return result;
    }

    /// <summary>Every k-combination (k = 1..3) of the first <paramref name="prefix"/> tokens, as keys.</summary>
    private static void Combinations(int[] tokens, int prefix, int k, List<(int, int, int, int)> into)
    {
        for (var x = 0; x < prefix; x++)
        {
            if (k == 1)
            {
                into.Add((1, tokens[x], 0, 0));
                continue;
            }
            for (var y = x + 1; y < prefix; y++)
            {
                if (k == 2)
                {
                    into.Add((2, tokens[x], tokens[y], 0));
                    continue;
                }
                for (var z = y + 1; z < prefix; z++)
                {
                    into.Add((3, tokens[x], tokens[y], tokens[z]));
                }
            }
        }
    }

    private static int Overlap(int[] a, int[] b)
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
