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

    /// <summary>
    /// The worksheet of a location in a workbook (<c>系统</c>), else <see langword="null"/>. A location in a spreadsheet
    /// (<see cref="IsCell"/>) has its row as <see cref="Line"/> and its column number as <see cref="Column"/>.
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>Whether the location is a spreadsheet cell (a workbook's or a CSV file's), shown as <c>FILE[SHEET]!D7</c>.</summary>
    public bool IsCell { get; init; }

    /// <summary>The cell in A1 notation (<c>D7</c>) when <see cref="IsCell"/>, else <see langword="null"/>.</summary>
    public string? CellReference => IsCell ? ColumnName(Column) + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A spreadsheet cell: row and column 1-based; <paramref name="sheet"/> <see langword="null"/> for a CSV file.</summary>
    public static SourceLocation ForCell(string file, string? sheet, int row, int column, string path) =>
        new(file, row, column, path) { Sheet = sheet, IsCell = true };

    /// <summary>The letters of a 1-based column number: 1 is <c>A</c>, 27 is <c>AA</c>.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = Math.Max(column, 1); n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>Byte offset of the token in its file, for the loader's own use; -1 when unknown.</summary>
    internal long Offset { get; init; } = -1;

    /// <summary>
    /// Formats the location the way compilers do, <c>file(line,column)</c>; a spreadsheet cell the way spreadsheets
    /// do, <c>file[sheet]!D7</c> (<c>file!D7</c> for a CSV file).
    /// </summary>
    public override string ToString() => !IsCell ? $"{File}({Line},{Column})"
        : Sheet is null ? $"{File}!{CellReference}" : $"{File}[{Sheet}]!{CellReference}";

    /// <summary>Two locations are equal when file, sheet, line, column and path are.</summary>
    public bool Equals(SourceLocation? other) =>
        other is not null && File == other.File && Line == other.Line && Column == other.Column && Path == other.Path
        && Sheet == other.Sheet && IsCell == other.IsCell;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(File, Sheet, Line, Column, Path);
}

/// <summary>
/// The file and top-level array of the elements a loader read from one array (<c>systems</c> of <c>regions/11.json</c>),
/// shared by all of them: each element keeps its line, column, item and offset beside it, and makes its
/// <see cref="SourceLocation"/> when asked, so that a national model's million elements carry no location object each.
/// </summary>
internal sealed record LocationOrigin(string File, string Array)
{
    /// <summary>The location of item <paramref name="item"/> of the array, at a line, column and byte offset.</summary>
    public SourceLocation At(int line, int column, int item, long offset) => new(File, line, column, Array, item) { Offset = offset };
}

/// <summary>
/// Where the loader found an element: a <see cref="LocationOrigin"/> with the line, column, item and byte offset of an
/// item of a top-level array (the usual case), or any other place as a <see cref="SourceLocation"/>.
/// </summary>
internal readonly record struct ElementLocation(object Where, int Line, int Column, int Item, long Offset)
{
    /// <summary>The place as a <see cref="SourceLocation"/>, for what keeps one (a suppression).</summary>
    public SourceLocation ToSourceLocation() => Where as SourceLocation ?? ((LocationOrigin)Where).At(Line, Column, Item, Offset);
}

