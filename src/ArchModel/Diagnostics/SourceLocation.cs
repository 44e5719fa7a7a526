namespace ArchModel.Diagnostics;

/// <summary>Where something is in a model file.</summary>
/// <param name="File">The file, as a path relative to the loader's display base (forward slashes).</param>
/// <param name="Line">1-based line of the start of the token.</param>
/// <param name="Column">1-based column of the start of the token, counted in UTF-16 code units (as editors and SARIF count).</param>
/// <param name="Path">The JSON path of the value inside its file, such as <c>flows[3].to</c>; empty for the file's root.</param>
/// <remarks>
/// Positions always name the <em>start</em> of the offending token: the opening quote of a string, the first
/// digit of a number, the brace of an object. Locations are immutable and safe to share between threads.
/// </remarks>
public sealed record SourceLocation(string File, int Line, int Column, string Path)
{
    private readonly string? _array;
    private readonly int _item = -1;
    private string? _path = Path;

    /// <summary>A location whose path is item <paramref name="item"/> of the top-level array <paramref name="array"/>, formatted when first read.</summary>
    internal SourceLocation(string file, int line, int column, string array, int item)
        : this(file, line, column, (string)null!)
    {
        _array = array;
        _item = item;
    }

    /// <summary>The JSON path of the value inside its file, such as <c>flows[3].to</c>; empty for the file's root.</summary>
    public string Path
    {
        // A race formats the same text twice; either copy is right.
        get => _path ?? (_array is null ? null! : _path = $"{_array}[{_item}]");
        init => _path = value;
    }

    /// <summary>Byte offset of the token in its file, for the loader's own use; -1 when unknown.</summary>
    internal long Offset { get; init; } = -1;

    /// <summary>Formats the location the way compilers do: <c>file(line,column)</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column})";

    /// <summary>Two locations are equal when file, line, column and path are.</summary>
    public bool Equals(SourceLocation? other) =>
        other is not null && File == other.File && Line == other.Line && Column == other.Column && Path == other.Path;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(File, Line, Column, Path);
}
