using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ArchModel.Diagnostics;

namespace ArchModel.Interop;

/// <summary>Reads and writes workbooks (.xlsx) with the Open XML SDK.</summary>
internal static partial class XlsxFile
{
    [System.Text.RegularExpressions.GeneratedRegex("Id=\"R[0-9a-f]{16}\"")]
    private static partial System.Text.RegularExpressions.Regex RandomRelationshipId();

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;

    /// <summary>Writes the tables as a workbook: header row bold and frozen, columns sized, drop-downs on enum columns.</summary>
    public static void Write(Stream output, IReadOnlyList<Table> tables, LocalizedText dropDownError, Language language)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            for (var i = 0; i < tables.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>($"rId{i + 1}");
                part.Worksheet = Worksheet(tables[i], i == 0, dropDownError[language]);
                sheets.Append(new Sheet { Id = $"rId{i + 1}", SheetId = (uint)(i + 1), Name = tables[i].Name });
            }
            workbookPart.Workbook.Save();
        }
        Normalize(buffer, output);
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            // Text cells are formatted as text (@), so that an agency typing 320000 or 001 into them keeps a text.
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Worksheet Worksheet(Table table, bool selected, string dropDownError)
    {
        var worksheet = new Worksheet();
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        if (table.HasHeader)
        {
            view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        }
        worksheet.Append(new SheetViews(view));
        if (table.Widths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < table.Widths.Count; i++)
            {
                var column = new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = table.Widths[i], CustomWidth = true };
                if (table.TextColumns.Contains(i + 1))
                {
                    column.Style = TextStyle;
                }
                columns.Append(column);
            }
            worksheet.Append(columns);
        }
        var data = new SheetData();
        foreach (var row in table.Rows)
        {
            var r = new Row { RowIndex = (uint)row.Number };
            for (var c = 1; c <= row.Cells.Length; c++)
            {
                var value = row[c];
                if (value.IsEmpty)
                {
                    continue;
                }
                var reference = SourceLocation.ColumnName(c) + row.Number.ToString(CultureInfo.InvariantCulture);
                var cell = value.Kind == CellKind.Number
                    ? new Cell { CellReference = reference, CellValue = new CellValue(value.Text) }
                    : new Cell
                    {
                        CellReference = reference, DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(value.Text) { Space = SpaceProcessingModeValues.Preserve }),
                    };
                if (table.HasHeader && row.Number == 1)
                {
                    cell.StyleIndex = HeaderStyle;
                }
                else if (table.TextColumns.Contains(c))
                {
                    cell.StyleIndex = TextStyle;
                }
                r.Append(cell);
            }
            data.Append(r);
        }
        worksheet.Append(data);
        if (table.DropDowns.Count > 0)
        {
            var validations = new DataValidations { Count = (uint)table.DropDowns.Count };
            foreach (var (column, values) in table.DropDowns)
            {
                var letters = SourceLocation.ColumnName(column);
                validations.Append(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    // A warning, not a stop: the Chinese names of the values (县级 for county) are accepted on import too.
                    ErrorStyle = DataValidationErrorStyleValues.Warning,
                    Error = dropDownError,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letters}2:{letters}1048576" },
                    Formula1 = new Formula1("\"" + string.Join(",", values) + "\""),
                });
            }
            worksheet.Append(validations);
        }
        return worksheet;
    }

    /// <summary>
    /// Copies the package with every entry's time set to one fixed date: the packaging library stamps the time of
    /// writing, and the same model must give the same bytes.
    /// </summary>
    private static void Normalize(MemoryStream package, Stream output)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var fixedTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = fixedTime;
            using var from = entry.Open();
            using var to = copy.Open();
            if (entry.FullName == "_rels/.rels")
            {
                // The package's relationship to the workbook gets a random id ("R" and 16 hex digits): made fixed.
                using var reader = new StreamReader(from);
                var text = RandomRelationshipId().Replace(reader.ReadToEnd(), "Id=\"rIdWorkbook\"");
                using var writer = new StreamWriter(to, new System.Text.UTF8Encoding(true));
                writer.Write(text);
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    /// <summary>Reads every sheet of a workbook as tables; throws <see cref="InvalidDataException"/> when it is no workbook.</summary>
    public static List<Table> Read(Stream input, string file)
    {
        var seekable = new MemoryStream();
        input.CopyTo(seekable);
        seekable.Position = 0;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(seekable, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException(e.Message, e);
        }
        using (document)
        {
            var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook");
            var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToArray() ?? [];
            var tables = new List<Table>();
            foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                var name = sheet.Name?.Value ?? "";
                var table = new Table(name, file, name, typed: true);
                tables.Add(table);
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }
                var data = part.Worksheet?.GetFirstChild<SheetData>();
                var next = 1;
                foreach (var row in data?.Elements<Row>() ?? [])
                {
                    var number = row.RowIndex?.Value is { } index ? (int)index : next;
                    next = number + 1;
                    var cells = new List<CellData>();
                    var column = 1;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        if (cell.CellReference?.Value is { } reference)
                        {
                            column = ColumnNumber(reference);
                        }
                        while (cells.Count < column - 1)
                        {
                            cells.Add(CellData.Empty);
                        }
                        cells.Add(Value(cell, shared));
                        column++;
                    }
                    table.Rows.Add(new TableRow(number, [.. cells]));
                }
            }
            return tables;
        }
    }

    private static string ItemText(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(static r => r.Text?.Text ?? ""));

    private static CellData Value(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length
                ? CellData.Of(shared[i]) : CellData.Empty;
        }
        if (type == CellValues.InlineString)
        {
            var inline = cell.InlineString;
            return CellData.Of(inline?.Text?.Text ?? string.Concat(inline?.Elements<Run>().Select(static r => r.Text?.Text ?? "") ?? []));
        }
        if (type == CellValues.Boolean)
        {
            return CellData.Of(raw == "1");
        }
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
        {
            return CellData.Of(raw);
        }
        if (string.IsNullOrEmpty(raw))
        {
            return CellData.Empty;
        }
        return Numbers.TryParse(raw, out var number) ? new CellData(CellKind.Number, ModelWriter.FormatNumber(number), number) : CellData.Of(raw);
    }

    private static int ColumnNumber(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                n = n * 26 + (ch - 'A' + 1);
            }
            else if (ch is >= 'a' and <= 'z')
            {
                n = n * 26 + (ch - 'a' + 1);
            }
            else
            {
                break;
            }
        }
        return Math.Max(n, 1);
    }
}
