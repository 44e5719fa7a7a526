namespace ArchModel.Diagnostics;

/// <summary>
/// "Did you mean": the names closest to one that was not found, for the messages about an unknown id or view name.
/// </summary>
/// <remarks>
/// Close means a small edit distance (insertions, deletions, substitutions and swaps of two neighbours, ignoring case),
/// at most a quarter of the name's length and never more than three: <c>sys.hr.socail</c> finds <c>sys.hr.social</c>, but
/// <c>a</c> does not find every other one-letter id. At most three names, nearest first, then in ordinal order, so the
/// message is the same on every run.
/// </remarks>
internal static class DidYouMean
{
    /// <summary>The most names a message offers.</summary>
    public const int MaxNames = 3;

    /// <summary>
    /// The names among <paramref name="candidates"/> closest to <paramref name="name"/>; empty when none is close. Costs one
    /// bounded comparison per candidate whose length is near enough.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        var limit = Limit(name);
        var found = new List<(int Distance, string Name)>();
        var lower = name.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            if (candidate is null || Math.Abs(candidate.Length - name.Length) > limit || candidate == name)
            {
                continue;
            }
            var d = Distance(lower, candidate.ToLowerInvariant(), limit);
            if (d <= limit)
            {
                found.Add((d, candidate));
            }
        }
        found.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
        return found.Take(MaxNames).Select(static f => f.Name).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The largest distance that still counts as close for <paramref name="name"/>.</summary>
    public static int Limit(string name) => Math.Clamp(name.Length / 4, 1, 3);

    /// <summary>
    /// The optimal-string-alignment distance of <paramref name="a"/> and <paramref name="b"/>, or <paramref name="limit"/> + 1
    /// as soon as it must exceed <paramref name="limit"/>.
    /// </summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, previous2[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
