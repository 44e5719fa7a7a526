using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArchModel.Loading;

namespace ArchModel.Cli;

/// <summary>
/// Where a command's main output goes: standard output, or a file. A regular file (or a new path) is written
/// atomically — a temporary file in the same folder, renamed over the target — and never over one of the command's
/// inputs, compared by real path (links followed). A device or a pipe (<c>/dev/null</c>, <c>/dev/stdout</c>, a FIFO)
/// is written directly: renaming over it would replace it. docs/reliability.md says what is guaranteed.
/// </summary>
internal sealed class OutputTarget
{
    /// <summary>
    /// How old a temporary file of a live process must be before it counts as left behind: a write takes seconds, and a
    /// process id can be reused by another program after the writer was killed.
    /// </summary>
    public static readonly TimeSpan StaleAge = TimeSpan.FromHours(24);

    private readonly string? _path;
    private readonly TextWriter _stdout;

    public OutputTarget(string? path, TextWriter stdout)
    {
        _path = path;
        _stdout = stdout;
    }

    /// <summary>Whether the output goes to a file.</summary>
    public bool IsFile => _path is not null;

    /// <summary>
    /// A folder whose template files (<c>*.sbn*</c>, the names a template's includes read) the output may not replace:
    /// a custom report template's own folder.
    /// </summary>
    public string? TemplateFolder { get; init; }

    /// <summary>
    /// Writes the bytes <paramref name="write"/> produces. Returns an error message (for exit code 3) or null.
    /// </summary>
    public string? Write(Action<Stream> write, IEnumerable<string> inputs)
    {
        if (_path is null)
        {
            return WriteStandardOutput(write);
        }
        if (_path.Length == 0 || _path.Contains('\0', StringComparison.Ordinal))
        {
            return CliText.T("cli.output.needs-path");
        }
        var target = Path.GetFullPath(_path);
        var real = FilePaths.RealPath(target);
        foreach (var input in inputs)
        {
            if (string.Equals(FilePaths.RealPath(input), real, FilePaths.Comparison))
            {
                return CliText.T("cli.output.input", _path);
            }
        }
        if (TemplateFolder is { } templates && FilePaths.IsUnder(real, FilePaths.RealPath(templates))
            && Path.GetFileName(real).Contains(".sbn", FilePaths.Comparison))
        {
            return CliText.T("cli.output.template", _path);
        }
        // The kernel follows the links (including /proc's, which name pipes and terminals): what is really there?
        var kind = FilePaths.KindOf(target);
        if (kind == FileKind.Directory)
        {
            return CliText.T("cli.output.folder", _path);
        }
        if (kind == FileKind.Special || IsSystemPath(target))
        {
            return WriteDirectly(write, target, kind);
        }
        return WriteAtomically(write, real);
    }

    /// <summary>Writes text as UTF-8 without a byte-order mark, control and bidi characters as visible escapes (<see cref="SafeTextWriter"/>).</summary>
    public string? WriteText(string text, IEnumerable<string> inputs) =>
        Write(stream => stream.Write(new UTF8Encoding(false).GetBytes(ArchModel.Output.VisibleControls.Escape(text))), inputs);

    private string? WriteStandardOutput(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        try
        {
            _stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            _stdout.Flush();
            return null;
        }
        catch (IOException e)
        {
            return CliText.T("cli.output.stdout", e.Message);
        }
    }

    /// <summary>
    /// <c>/dev/stdout</c>, <c>/dev/fd/N</c>, <c>/proc/self/fd/N</c>: names of what the shell already opened, written
    /// through as a shell redirection would be, whatever they lead to.
    /// </summary>
    private static bool IsSystemPath(string full) => !OperatingSystem.IsWindows()
        && (full is "/dev/stdout" or "/dev/stderr" || full.StartsWith("/dev/fd/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));

    private string? WriteDirectly(Action<Stream> write, string target, FileKind kind)
    {
        try
        {
            // No temporary file, no rename: a device or a pipe is written in place (a FIFO waits for its reader). A
            // regular file reached through /dev/stdout is the shell's redirection: appended to, as `>>` expects (after
            // `>` it is empty).
            using var stream = new FileStream(target, kind == FileKind.Regular ? FileMode.Append : FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            write(stream);
            stream.Flush();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return CliText.T("cli.output.cannot", _path, e.Message);
        }
    }

    private string? WriteAtomically(Action<Stream> write, string real)
    {
        var folder = Path.GetDirectoryName(real)!;
        var name = Path.GetFileName(real);
        var temp = Path.Combine(folder, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (!Directory.Exists(folder))
            {
                return CliText.T("cli.output.no-folder", _path, folder);
            }
            RemoveStaleTemporaryFiles(folder, name);
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }
            // Renamed over the link's target, not the link: a link to a regular file stays a link.
            File.Move(temp, real, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return CliText.T("cli.output.cannot", _path, e.Message);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Removes the temporary files an earlier write to the same target left when it was killed: those of this naming
    /// (<c>.NAME.PID.GUID.tmp</c>) whose process is gone, or which are older than <see cref="StaleAge"/>. A temporary
    /// file of a live process is another write under way and is left alone.
    /// </summary>
    internal static void RemoveStaleTemporaryFiles(string folder, string name)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, $".{name}.*.tmp").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        var pattern = new Regex($"^\\.{Regex.Escape(name)}\\.([0-9]{{1,10}})\\.[0-9a-f]{{32}}\\.tmp$", RegexOptions.CultureInvariant);
        foreach (var candidate in candidates)
        {
            var match = pattern.Match(Path.GetFileName(candidate));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            bool old;
            try
            {
                old = DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) > StaleAge;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (old || (pid != Environment.ProcessId && !IsAlive(pid)))
            {
                TryDelete(candidate);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            // Cannot tell: keep the file until it is old.
            return true;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the temporary name says what it is, and the next write removes it.
        }
    }
}
