using System.Text.Json.Nodes;
using ArchModel.Analysis;
using ArchModel.Interop;
using ArchModel.Output;

namespace ArchModel.Tests.Interop;

internal static class SheetTestSupport
{
    /// <summary>The analysis JSON (findings and metrics) without what names the files: locations, the model's files, the diagnostics.</summary>
    public static string AnalysisJson(ArchitectureModel model, Language language = Language.Chinese)
    {
        var load = ModelLoader.LoadText("{\"formatVersion\":\"1\"}", "placeholder.json");
        using var stream = new MemoryStream();
        AnalysisOutput.WriteJson(stream, load, Analyzer.Analyze(model), language);
        var json = JsonNode.Parse(stream.ToArray())!.AsObject();
        json.Remove("tool");
        json.Remove("model");
        json.Remove("diagnostics");
        foreach (var finding in json["findings"]!.AsArray())
        {
            finding!.AsObject().Remove("location");
        }
        return json.ToJsonString();
    }

    /// <summary>A workbook written from tables given as rows of texts (a number when the text is one and <paramref name="numbers"/>).</summary>
    public static byte[] Workbook(params (string Sheet, string[][] Rows)[] sheets)
    {
        var tables = new List<Table>();
        foreach (var (name, rows) in sheets)
        {
            var table = new Table(name, name, name, typed: true);
            for (var i = 0; i < rows.Length; i++)
            {
                table.Rows.Add(new TableRow(i + 1, [.. rows[i].Select(static text => text.StartsWith('#') && Numbers.TryParse(text[1..], out var n) ? CellData.Of(n) : CellData.Of(text))]));
            }
            tables.Add(table);
        }
        using var stream = new MemoryStream();
        XlsxFile.Write(stream, tables, LocalizedText.Neutral(""), Language.Chinese);
        return stream.ToArray();
    }
}
