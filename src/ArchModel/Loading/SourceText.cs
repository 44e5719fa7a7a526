using System.Text;
using ArchModel.Diagnostics;

namespace ArchModel.Loading;

/// <summary>One model file's bytes and the index that turns byte offsets into lines and columns.</summary>
/// <remarks>Kept only while a load runs; the frozen model holds no file contents.</remarks>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string displayPath, string fullPath, byte[] bytes)
    {
        DisplayPath = displayPath;
        FullPath = fullPath;
        Bytes = bytes;
        Start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var starts = new List<int> { Start };
        var span = bytes.AsSpan();
        var at = Start;
        while (at < span.Length)
        {
            var i = span[at..].IndexOf((byte)'\n');
            if (i < 0)
            {
                break;
            }
            at += i + 1;
            starts.Add(at);
        }
        _lineStarts = [.. starts];
    }

    /// <summary>The path shown in diagnostics.</summary>
    public string DisplayPath { get; }

    /// <summary>The absolute path.</summary>
    public string FullPath { get; }

    /// <summary>The file's bytes, BOM included.</summary>
    public byte[] Bytes { get; }

    /// <summary>Where the JSON text starts: after the UTF-8 BOM, if any.</summary>
    public int Start { get; }

    /// <summary>The JSON text without the BOM.</summary>
    public ReadOnlySpan<byte> Json => Bytes.AsSpan(Start);

    /// <summary>The 1-based line and UTF-16 column of a byte offset.</summary>
    public (int Line, int Column) Position(long offset)
    {
        offset = Math.Clamp(offset, Start, Bytes.Length);
        var index = Array.BinarySearch(_lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var lineStart = _lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(Bytes, lineStart, (int)offset - lineStart) + 1;
        return (line + 1, column);
    }

    /// <summary>The absolute byte offset of a 0-based line and a 0-based byte position in that line.</summary>
    public long OffsetOf(long line, long bytePositionInLine) =>
        line < _lineStarts.Length ? _lineStarts[line] + bytePositionInLine : Bytes.Length;

    /// <summary>The location of a byte offset, with its JSON path.</summary>
    public SourceLocation Locate(long offset, string path)
    {
        var (line, column) = Position(offset);
        return new SourceLocation(DisplayPath, line, column, path) { Offset = offset };
    }

    /// <summary>The location of a byte offset that starts item <paramref name="item"/> of the top-level array <paramref name="array"/>.</summary>
    /// <remarks>Every element has one: the path is formatted only if somebody reads it.</remarks>
    public SourceLocation Locate(long offset, string array, int item)
    {
        var (line, column) = Position(offset);
        return new SourceLocation(DisplayPath, line, column, array, item) { Offset = offset };
    }
}
