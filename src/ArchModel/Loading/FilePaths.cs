using System.Runtime.InteropServices;

namespace ArchModel.Loading;

/// <summary>What a path names once symbolic links are followed.</summary>
internal enum FileKind
{
    /// <summary>Nothing (or a link to nothing).</summary>
    Missing,

    /// <summary>A regular file: the only kind a model, an include or a template is read from.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A pipe (FIFO), a character or block device, or a socket: opening it may block, reading it may never end.</summary>
    Special,
}

/// <summary>
/// Identity of files as the file system sees them: real paths (every symbolic link followed, case as the file
/// system stores it) and the kind of file a path names. The loader identifies files, and confines includes, by real
/// path; the command line compares an output's real path with every input's.
/// </summary>
internal static partial class FilePaths
{
    /// <summary>How real paths compare: exactly on Linux, ignoring case where file systems usually do (Windows, macOS).</summary>
    public static StringComparison Comparison { get; } = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// The absolute path with every symbolic link in it followed (in folders as in the last name) and, where the file
    /// system ignores case, each existing name spelt as stored. The part that does not exist is kept as written.
    /// Never throws for a path <see cref="Path.GetFullPath(string)"/> accepts; a link loop is left unresolved.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var remaining = new List<string>(Split(full[root.Length..]));
        var current = root;
        var exists = true;
        var hops = 0;
        for (var i = 0; i < remaining.Count; i++)
        {
            var part = remaining[i];
            if (part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            if (exists)
            {
                var target = LinkTarget(next);
                if (target is not null && ++hops <= 40)
                {
                    // Resolve the link's text against the (real) folder holding it, then go on with what followed it.
                    var rest = remaining.Skip(i + 1).ToList();
                    remaining = [.. Split(Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target), .. rest];
                    if (Path.IsPathRooted(target))
                    {
                        current = Path.GetPathRoot(Path.GetFullPath(target))!;
                    }
                    i = -1;
                    continue;
                }
                if (!Path.Exists(next))
                {
                    exists = false;
                }
                else if (!OperatingSystem.IsLinux())
                {
                    next = Path.Combine(current, StoredName(current, part));
                }
            }
            current = next;
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies below it (both real, absolute paths).</summary>
    public static bool IsUnder(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return string.Equals(path, trimmed, Comparison)
            || (path.Length > trimmed.Length && path.StartsWith(trimmed, Comparison)
                && (path[trimmed.Length] == Path.DirectorySeparatorChar || trimmed.EndsWith(Path.DirectorySeparatorChar)));
    }

    /// <summary>What <paramref name="path"/> names, links followed.</summary>
    public static FileKind KindOf(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }
        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }
        if (OperatingSystem.IsWindows())
        {
            return FileKind.Regular;
        }
        return UnixKind(path);
    }

    private static FileKind UnixKind(string path)
    {
        // .NET has no public API for the type of a file. The runtime's own native shim (shipped with every .NET on
        // Unix) has a stat whose result has one layout on every Unix: Flags, then Mode with the S_IFMT bits.
        Span<byte> status = stackalloc byte[512];
        int result;
        try
        {
            unsafe
            {
                fixed (byte* buffer = status)
                {
                    result = SystemNativeStat(path, buffer);
                }
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without the shim the type cannot be known; treat the file as regular, as before this check existed.
            return FileKind.Regular;
        }
        if (result != 0)
        {
            return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }
        var mode = MemoryMarshal.Read<int>(status[4..]);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int SystemNativeStat(string path, byte* status);

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string StoredName(string folder, string name)
    {
        try
        {
            var options = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, MatchType = MatchType.Simple, AttributesToSkip = 0 };
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, name, options))
            {
                var stored = Path.GetFileName(entry);
                if (string.Equals(stored, name, StringComparison.OrdinalIgnoreCase))
                {
                    return stored;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Keep the name as written.
        }
        return name;
    }
}
