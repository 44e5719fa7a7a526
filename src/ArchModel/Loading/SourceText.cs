using System.Text;
using ArchModel.Diagnostics;

namespace ArchModel.Loading;

/// <summary>One model file's bytes, and what turns byte offsets into lines and columns.</summary>
/// <remarks>Kept only while a load runs, which disposes it at the end; the frozen model holds no file contents.</remarks>
internal sealed class SourceText : IDisposable
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly IDisposable? _owner;
    private int[]? _lineStarts;

    // The parser locates every element, in file order, and its own diagnostics, in file order too: a cursor
    // for each, counting lines and columns forward from the last place it answered, locates them without an
    // index of every line (a national model has 20 million lines) and without counting a long line from its
    // start each time (a minified file is one line). Used only by the one thread that parses the file.
    private Cursor _elements;
    // The origin of the array whose items were last located: a file's arrays come one after another.
    private LocationOrigin? _origin;
    private Cursor _reports;

    /// <summary>A file's text over <paramref name="bytes"/>, which <paramref name="owner"/> (if any) frees when the text is disposed.</summary>
    public SourceText(string displayPath, string fullPath, ReadOnlyMemory<byte> bytes, IDisposable? owner = null)
    {
        DisplayPath = displayPath;
        FullPath = fullPath;
        _bytes = bytes;
        _owner = owner;
        Start = bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        _elements = _reports = new Cursor { Offset = Start };
    }

    /// <summary>The path shown in diagnostics.</summary>
    public string DisplayPath { get; }

    /// <summary>The absolute path.</summary>
    public string FullPath { get; }

    /// <summary>The file's bytes, BOM included; not to be read after <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.Span;

    /// <summary>Where the JSON text starts: after the UTF-8 BOM, if any.</summary>
    public int Start { get; }

    /// <summary>The JSON text without the BOM.</summary>
    public ReadOnlySpan<byte> Json => Bytes[Start..];

    /// <summary>Whether the index of line starts has been built (only a position asked for out of order builds it).</summary>
    internal bool HasLineIndex => Volatile.Read(ref _lineStarts) is not null;

    /// <summary>The start of every line, built the first time a position is asked for out of order.</summary>
    private int[] LineStarts => LazyInitializer.EnsureInitialized(ref _lineStarts, () =>
    {
        var starts = new List<int> { Start };
        var span = Bytes;
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
        offset = Math.Clamp(offset, Start, _bytes.Length);
        var lineStarts = LineStarts;
        var index = Array.BinarySearch(lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        var lineStart = lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(Bytes[lineStart..(int)offset]) + 1;
        return (line + 1, column);
    }

    /// <summary>
    /// The same as <see cref="Position"/>, counted forward from <paramref name="cursor"/>, which moves to
    /// <paramref name="offset"/>; from <paramref name="other"/> when the offset is behind the cursor but not behind
    /// the other; from the line index only when it is behind both.
    /// </summary>
    private (int Line, int Column) PositionForward(ref Cursor cursor, in Cursor other, long offset)
    {
        offset = Math.Clamp(offset, Start, _bytes.Length);
        if (offset < cursor.Offset)
        {
            if (offset < other.Offset)
            {
                return Position(offset);
            }
            cursor = other;
        }
        cursor = Advance(cursor, offset);
        return (cursor.Line + 1, cursor.Column + 1);
    }

    /// <summary>The cursor at <paramref name="offset"/>, counted from <paramref name="start"/>, which is not after it.</summary>
    private Cursor Advance(Cursor start, long offset)
    {
        var skipped = Bytes[(int)start.Offset..(int)offset];
        var lastNewline = skipped.LastIndexOf((byte)'\n');
        return lastNewline < 0
            ? start with { Offset = offset, Column = start.Column + Encoding.UTF8.GetCharCount(skipped) }
            : new Cursor
            {
                Offset = offset,
                Line = start.Line + skipped.Count((byte)'\n'),
                Column = Encoding.UTF8.GetCharCount(skipped[(lastNewline + 1)..]),
            };
    }

    /// <summary>A place in the file whose 0-based line and UTF-16 column are known.</summary>
    private record struct Cursor
    {
        public long Offset;
        public int Line;
        public int Column;
    }

    /// <summary>The absolute byte offset of a 0-based line and a 0-based byte position in that line.</summary>
    public long OffsetOf(long line, long bytePositionInLine) =>
        line < LineStarts.Length ? LineStarts[line] + bytePositionInLine : _bytes.Length;

    /// <summary>The location of a byte offset, with its JSON path. Safe on any thread.</summary>
    public SourceLocation Locate(long offset, string path)
    {
        var (line, column) = Position(offset);
        return new SourceLocation(DisplayPath, line, column, path) { Offset = offset };
    }

    /// <summary>The same as <see cref="Locate(long, string)"/>, counting forward from the previous location asked for.</summary>
    /// <remarks>For the parsing thread only, which asks in file order: the index of every line (some megabytes for
    /// each file of a national model) is then never built.</remarks>
    public SourceLocation LocateForward(long offset, string path)
    {
        var (line, column) = PositionForward(ref _elements, _reports, offset);
        return new SourceLocation(DisplayPath, line, column, path) { Offset = offset };
    }

    /// <summary>
    /// The location of <paramref name="offset"/> inside the value that starts at <paramref name="anchor"/> (a location
    /// in this file), counted from the anchor's line and column: safe on any thread, and as cheap in a long line as in
    /// a short one.
    /// </summary>
    public SourceLocation LocateFrom(SourceLocation anchor, long offset, string path)
    {
        if (anchor.Offset < Start || offset < anchor.Offset || offset > _bytes.Length)
        {
            return Locate(offset, path);
        }
        var at = Advance(new Cursor { Offset = anchor.Offset, Line = anchor.Line - 1, Column = anchor.Column - 1 }, offset);
        return new SourceLocation(DisplayPath, at.Line + 1, at.Column + 1, path) { Offset = offset };
    }

    /// <summary>The location of a diagnostic the parser reports, counting forward from the previous one.</summary>
    /// <remarks>For the parsing thread only. Diagnostics come in file order, except those that name the start of
    /// an object after something inside it; those count from the last element located.</remarks>
    public SourceLocation LocateReport(long offset, string path)
    {
        var (line, column) = PositionForward(ref _reports, _elements, offset);
        return new SourceLocation(DisplayPath, line, column, path) { Offset = offset };
    }

    /// <summary>Where item <paramref name="item"/> of the top-level array <paramref name="array"/> starts, at byte
    /// <paramref name="offset"/>: the array's <see cref="LocationOrigin"/> (one for all its items) and the line and column.</summary>
    /// <remarks>Every element has one, in file order: the line is found by counting forward from the previous element.
    /// For the parsing thread only.</remarks>
    public ElementLocation LocateItem(long offset, string array, int item)
    {
        var (line, column) = PositionForward(ref _elements, _reports, offset);
        if (_origin is null || !ReferenceEquals(_origin.Array, array))
        {
            _origin = new LocationOrigin(DisplayPath, array);
        }
        return new ElementLocation(_origin, line, column, item, offset);
    }

    /// <summary>Frees the bytes, if this text owns them.</summary>
    public void Dispose() => _owner?.Dispose();
}
