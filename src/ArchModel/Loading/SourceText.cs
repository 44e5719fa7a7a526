using System.Text;
using ArchModel.Diagnostics;

namespace ArchModel.Loading;

/// <summary>One model file's bytes, and what turns byte offsets into lines and columns.</summary>
/// <remarks>Kept only while a load runs; the frozen model holds no file contents.</remarks>
internal sealed class SourceText
{
    private int[]? _lineStarts;

    // The parser locates every element, in file order: a cursor that counts the newlines since the last
    // element answers those without an index of every line (a national model has 20 million lines). Used
    // only by the one thread that parses the file.
    private long _cursorOffset;
    private int _cursorLine;
    private long _cursorLineStart;

    public SourceText(string displayPath, string fullPath, byte[] bytes)
    {
        DisplayPath = displayPath;
        FullPath = fullPath;
        Bytes = bytes;
        Start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        _cursorOffset = _cursorLineStart = Start;
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

    /// <summary>The start of every line, built the first time a position is asked for out of order.</summary>
    private int[] LineStarts => LazyInitializer.EnsureInitialized(ref _lineStarts, () =>
    {
        var starts = new List<int> { Start };
        var span = Bytes.AsSpan();
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
        return [.. starts];
    });

    /// <summary>The 1-based line and UTF-16 column of a byte offset.</summary>
    public (int Line, int Column) Position(long offset)
    {
        offset = Math.Clamp(offset, Start, Bytes.Length);
        var lineStarts = LineStarts;
        var index = Array.BinarySearch(lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var lineStart = lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(Bytes, lineStart, (int)offset - lineStart) + 1;
        return (line + 1, column);
    }

    /// <summary>
    /// The same as <see cref="Position"/> for offsets that only grow (the parser's elements), counting the
    /// newlines since the previous one; an offset behind the cursor falls back to the line index.
    /// </summary>
    private (int Line, int Column) PositionForward(long offset)
    {
        offset = Math.Clamp(offset, Start, Bytes.Length);
        if (offset < _cursorOffset)
        {
            return Position(offset);
        }
        var skipped = Bytes.AsSpan((int)_cursorOffset, (int)(offset - _cursorOffset));
        var newlines = skipped.Count((byte)'\n');
        if (newlines > 0)
        {
            _cursorLine += newlines;
            _cursorLineStart = _cursorOffset + skipped.LastIndexOf((byte)'\n') + 1;
        }
        _cursorOffset = offset;
        var column = Encoding.UTF8.GetCharCount(Bytes, (int)_cursorLineStart, (int)(offset - _cursorLineStart)) + 1;
        return (_cursorLine + 1, column);
    }

    /// <summary>The absolute byte offset of a 0-based line and a 0-based byte position in that line.</summary>
    public long OffsetOf(long line, long bytePositionInLine) =>
        line < LineStarts.Length ? LineStarts[line] + bytePositionInLine : Bytes.Length;

    /// <summary>The location of a byte offset, with its JSON path.</summary>
    public SourceLocation Locate(long offset, string path)
    {
        var (line, column) = Position(offset);
        return new SourceLocation(DisplayPath, line, column, path) { Offset = offset };
    }

    /// <summary>The location of a byte offset that starts item <paramref name="item"/> of the top-level array <paramref name="array"/>.</summary>
    /// <remarks>Every element has one, in file order: the path is formatted only if somebody reads it, and the
    /// line is found by counting forward from the previous element. For the parsing thread only.</remarks>
    public SourceLocation Locate(long offset, string array, int item)
    {
        var (line, column) = PositionForward(offset);
        return new SourceLocation(DisplayPath, line, column, array, item) { Offset = offset };
    }
}
