using System.Globalization;

namespace ArchModel.Interop;

/// <summary>What a spreadsheet cell holds, as the file stores it.</summary>
internal enum CellKind
{
    Empty,
    Text,
    Number,
    Boolean,
}

/// <summary>One cell: its kind and value (a number's text is the number as written, for messages).</summary>
internal readonly record struct CellData(CellKind Kind, string Text, double Number = 0)
{
    public static CellData Empty { get; } = new(CellKind.Empty, "");

    public static CellData Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(CellKind.Text, text);

    public static CellData Of(double number) => new(CellKind.Number, ModelWriter.FormatNumber(number), number);

    public static CellData Of(bool value) => new(CellKind.Boolean, value ? "true" : "false", value ? 1 : 0);

    public bool IsEmpty => Kind == CellKind.Empty || (Kind == CellKind.Text && Text.Length == 0);
}

/// <summary>One row of a sheet: its 1-based row number and its cells by 1-based column.</summary>
internal sealed class TableRow(int number, CellData[] cells)
{
    public int Number { get; } = number;

    public CellData[] Cells { get; } = cells;

    public CellData this[int column] => column >= 1 && column <= Cells.Length ? Cells[column - 1] : CellData.Empty;

    public bool IsBlank => Cells.All(static c => c.IsEmpty || (c.Kind == CellKind.Text && string.IsNullOrWhiteSpace(c.Text)));
}

/// <summary>One sheet of a workbook, or one CSV file: its name, where it is, and its rows (the header first).</summary>
internal sealed class Table(string name, string file, string? sheet, bool typed)
{
    /// <summary>The sheet's name (the CSV file's name without <c>.csv</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The file, as diagnostics show it.</summary>
    public string File { get; } = file;

    /// <summary>The sheet name diagnostics show, or <see langword="null"/> for a CSV file.</summary>
    public string? Sheet { get; } = sheet;

    /// <summary>Whether cells carry types (a workbook) or are all text (CSV).</summary>
    public bool Typed { get; } = typed;

    public List<TableRow> Rows { get; } = [];

    /// <summary>Column widths the writer sets, in characters (a workbook only).</summary>
    public List<double> Widths { get; } = [];

    /// <summary>The columns (1-based) formatted as text, so that what is typed into them stays text (a workbook only).</summary>
    public HashSet<int> TextColumns { get; } = [];

    /// <summary>Drop-down lists the writer adds: the 1-based column and its values.</summary>
    public List<(int Column, IReadOnlyList<string> Values)> DropDowns { get; } = [];

    /// <summary>Whether the first row is a header to style and freeze.</summary>
    public bool HasHeader { get; init; } = true;
}

internal static class Numbers
{
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
