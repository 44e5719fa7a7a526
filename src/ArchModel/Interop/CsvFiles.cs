using System.Globalization;
using System.Text;
using CsvHelper;

namespace ArchModel.Interop;

/// <summary>Reads and writes one table as a CSV file with CsvHelper: UTF-8 with a byte order mark (so Excel reads Chinese), CRLF, RFC 4180 quoting.</summary>
internal static class CsvFiles
{
    /// <summary>The table's rows as CSV bytes.</summary>
    public static byte[] Write(Table table)
    {
        using var bytes = new MemoryStream();
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            NewLine = "\r\n",
            ValidateFieldCount = false,
            // Cells are written exactly as the model has them, so that importing gives the same model back: a text that
            // begins with '-' or '=' is not prefixed (docs/spreadsheets.md, CSV).
            Injection = CsvInjection.None,
        };
        using (var csv = CsvWriter.Create(bytes, options, true))
        {
            var width = table.Rows.Count == 0 ? 0 : table.Rows.Max(static r => r.Cells.Length);
            foreach (var row in table.Rows)
            {
                for (var c = 1; c <= width; c++)
                {
                    csv.WriteField(row[c].IsEmpty ? "" : row[c].Text);
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return bytes.ToArray();
    }

    /// <summary>
    /// Reads a CSV file's bytes as a table of text cells. Returns <see langword="false"/> when they are not UTF-8
    /// (Excel's plain "CSV" saves in the system's code page; "CSV UTF-8" is what is read).
    /// </summary>
    public static bool TryRead(byte[] bytes, string name, string file, out Table table)
    {
        table = new Table(name, file, sheet: null, typed: false);
        string text;
        try
        {
            var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false });
        while (csv.Read())
        {
            var cells = new CellData[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellData.Of(csv.GetString(i));
            }
            table.Rows.Add(new TableRow((int)csv.RowNumber, cells));
        }
        return true;
    }
}
