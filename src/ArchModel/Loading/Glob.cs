using System.Text.RegularExpressions;

namespace ArchModel.Loading;

/// <summary>
/// The include patterns of the model format: paths relative to the including file, where <c>*</c> and
/// <c>?</c> match within one folder name and <c>**</c> matches any number of folders.
/// </summary>
internal static class Glob
{
    public static bool IsPattern(string include) => include.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The files a pattern matches under <paramref name="folder"/>, sorted ordinally by full path.</summary>
    public static IReadOnlyList<string> Match(string folder, string pattern)
    {
        var segments = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var results = new SortedSet<string>(StringComparer.Ordinal);
        Walk(Path.GetFullPath(folder), segments, 0, results);
        return [.. results];
    }

    private static void Walk(string folder, string[] segments, int index, SortedSet<string> results)
    {
        if (index == segments.Length || !Directory.Exists(folder))
        {
            return;
        }
        var segment = segments[index];
        var last = index == segments.Length - 1;
        if (segment == "**")
        {
            // Zero folders, then each sub-folder at any depth.
            Walk(folder, segments, index + 1, results);
            foreach (var sub in SafeFolders(folder))
            {
                Walk(sub, segments, index, results);
            }
            return;
        }
        if (!IsPattern(segment))
        {
            var next = Path.GetFullPath(Path.Combine(folder, segment));
            if (last)
            {
                if (File.Exists(next))
                {
                    results.Add(next);
                }
            }
            else
            {
                Walk(next, segments, index + 1, results);
            }
            return;
        }
        var regex = new Regex("^" + Regex.Escape(segment).Replace("\\*", "[^/]*").Replace("\\?", "[^/]") + "$", RegexOptions.CultureInvariant);
        var candidates = last ? SafeFiles(folder) : SafeFolders(folder);
        foreach (var candidate in candidates)
        {
            if (regex.IsMatch(Path.GetFileName(candidate)))
            {
                if (last)
                {
                    results.Add(candidate);
                }
                else
                {
                    Walk(candidate, segments, index + 1, results);
                }
            }
        }
    }

    private static IEnumerable<string> SafeFolders(string folder)
    {
        try
        {
            // Folder links are not followed: they could lead out of the model's tree or round in a loop.
            return Directory.EnumerateDirectories(folder)
                .Where(static d => (File.GetAttributes(d) & FileAttributes.ReparsePoint) == 0)
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static IEnumerable<string> SafeFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
