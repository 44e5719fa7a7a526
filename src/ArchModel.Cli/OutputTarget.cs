using System.Text;

namespace ArchModel.Cli;

/// <summary>
/// Where a command's main output goes: standard output, or a file written atomically (a temporary file
/// in the same folder, then renamed over the target), never over one of the command's input files.
/// </summary>
internal sealed class OutputTarget
{
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
    /// Writes the bytes <paramref name="write"/> produces. Returns an error message (for exit code 3) or null.
    /// </summary>
    public string? Write(Action<Stream> write, IEnumerable<string> inputs)
    {
        if (_path is null)
        {
            using var buffer = new MemoryStream();
            write(buffer);
            _stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            _stdout.Flush();
            return null;
        }
        var target = Path.GetFullPath(_path);
        if (inputs.Any(i => string.Equals(Path.GetFullPath(i), target, StringComparison.Ordinal)))
        {
            return $"refusing to write '{_path}': it is an input file / 拒绝覆盖输入文件“{_path}”";
        }
        var folder = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (!Directory.Exists(folder))
            {
                return $"cannot write '{_path}': folder '{folder}' does not exist / 输出文件夹不存在";
            }
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return $"cannot write '{_path}': {e.Message} / 无法写入输出文件";
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes text as UTF-8 without a byte-order mark, control and bidi characters as visible escapes (<see cref="SafeTextWriter"/>).</summary>
    public string? WriteText(string text, IEnumerable<string> inputs) =>
        Write(stream => stream.Write(new UTF8Encoding(false).GetBytes(ArchModel.Output.VisibleControls.Escape(text))), inputs);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the temporary name says what it is.
        }
    }
}
