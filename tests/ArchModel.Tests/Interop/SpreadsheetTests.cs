using System.Diagnostics;
using System.Text;
using ArchModel.Generation;
using ArchModel.Interop;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

// FsCheck supplies the arguments of [Property] methods, which the NUnit analyzer cannot see.
#pragma warning disable NUnit1027

namespace ArchModel.Tests.Interop;

[TestFixture]
public class SpreadsheetTests
{
    private static string Demo => Path.Combine(TestPaths.Models, "demo-province", "model.json");

    private static ArchitectureModel Load(string path)
    {
        var load = ModelLoader.LoadFile(path);
        Assert.That(load.HasErrors, Is.False);
        return load.Model!;
    }

    private static LoadResult ViaXlsx(ArchitectureModel model, Language language)
    {
        using var stream = new MemoryStream();
        SpreadsheetExport.WriteXlsx(model, stream, language);
        stream.Position = 0;
        return SpreadsheetImport.ReadXlsx(stream, "台账.xlsx");
    }

    private static LoadResult ViaCsv(ArchitectureModel model, Language language, TempFolder temp)
    {
        foreach (var file in SpreadsheetExport.WriteCsv(model, language))
        {
            temp.WriteBytes(Path.Combine("csv", file.Path), file.Content);
        }
        return SpreadsheetImport.ReadCsvFolder(Path.Combine(temp.Path, "csv"), "csv");
    }

    [TestCase(Language.Chinese)]
    [TestCase(Language.English)]
    public void Xlsx_DemoProvince_ImportGivesEqualModelAndAnalysis(Language language)
    {
        var model = Load(Demo);
        var imported = ViaXlsx(model, language);
        Assert.That(imported.Diagnostics, Is.Empty);
        Assert.That(ModelComparison.Differences(model, imported.Model!), Is.Empty);
        Assert.That(SheetTestSupport.AnalysisJson(imported.Model!), Is.EqualTo(SheetTestSupport.AnalysisJson(model)));
    }

    [TestCase(Language.Chinese)]
    [TestCase(Language.English)]
    public void Csv_DemoProvince_ImportGivesEqualModelAndAnalysis(Language language)
    {
        var model = Load(Demo);
        using var temp = new TempFolder();
        var imported = ViaCsv(model, language, temp);
        Assert.That(imported.Diagnostics, Is.Empty);
        Assert.That(ModelComparison.Differences(model, imported.Model!), Is.Empty);
        Assert.That(SheetTestSupport.AnalysisJson(imported.Model!), Is.EqualTo(SheetTestSupport.AnalysisJson(model)));
        var systems = language == Language.English ? "Systems.csv" : "系统.csv";
        Assert.That(File.ReadAllBytes(Path.Combine(temp.Path, "csv", systems)).Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with a BOM");
    }

    [Test]
    public void RoundTrip_GeneratedModelOf10kElements_EqualWithinSeconds()
    {
        using var temp = new TempFolder();
        var generated = ModelGenerator.WriteTo(Path.Combine(temp.Path, "gen"), new GeneratorOptions { Agencies = 1250, Seed = 5 });
        var model = Load(generated.Files[0]);
        Assert.That(model.Elements.Count(), Is.GreaterThanOrEqualTo(10_000));
        var clock = Stopwatch.StartNew();
        var xlsx = ViaXlsx(model, Language.Chinese);
        var xlsxTime = clock.Elapsed;
        clock.Restart();
        var csv = ViaCsv(model, Language.Chinese, temp);
        var csvTime = clock.Elapsed;
        TestContext.Out.WriteLine($"{model.Elements.Count()} elements: xlsx export+import {xlsxTime.TotalSeconds:F1} s, csv {csvTime.TotalSeconds:F1} s");
        Assert.That(xlsx.Diagnostics, Is.Empty);
        Assert.That(csv.Diagnostics, Is.Empty);
        Assert.That(ModelComparison.Differences(model, xlsx.Model!), Is.Empty);
        Assert.That(ModelComparison.Differences(model, csv.Model!), Is.Empty);
        var expected = SheetTestSupport.AnalysisJson(model);
        Assert.That(SheetTestSupport.AnalysisJson(xlsx.Model!), Is.EqualTo(expected));
        Assert.That(SheetTestSupport.AnalysisJson(csv.Model!), Is.EqualTo(expected));
        // A few seconds of processor time (xlsx about 2 s to write and 2.5 s to read, CSV about 1 s each way, measured with
        // archmodel export/import); the wall-clock bound leaves room for a shared machine busy with other builds.
        Assert.That(xlsxTime, Is.LessThan(TimeSpan.FromSeconds(60)));
        Assert.That(csvTime, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    [Property(MaxTest = 60)]
    public bool Xlsx_RandomModel_ImportGivesEqualModel(int seed)
    {
        var model = RichRandomModel.Build(seed, forSheets: true);
        var imported = ViaXlsx(model, seed % 2 == 0 ? Language.Chinese : Language.English);
        var errors = imported.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        var differences = ModelComparison.Differences(model, imported.Model!);
        return errors.Count == 0 && differences.Count == 0 ? true : throw new AssertionException(string.Join("\n", errors.Concat<object>(differences)));
    }

    [Test]
    public void Export_SameModelTwice_ByteIdentical()
    {
        var model = Load(Demo);
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        SpreadsheetExport.WriteXlsx(model, first, Language.Chinese);
        SpreadsheetExport.WriteXlsx(Load(Demo), second, Language.Chinese);
        Assert.That(second.ToArray(), Is.EqualTo(first.ToArray()));
        Assert.That(SpreadsheetExport.WriteCsv(Load(Demo), Language.English).Select(static f => f.Content),
            Is.EqualTo(SpreadsheetExport.WriteCsv(model, Language.English).Select(static f => f.Content)));
    }

    [Test]
    public void Template_ImportedUnfilled_EmptyModelNamedAfterTheFile()
    {
        using var stream = new MemoryStream();
        SpreadsheetExport.WriteXlsx(null, stream, Language.Chinese);
        stream.Position = 0;
        var result = SpreadsheetImport.ReadXlsx(stream, "inbox/县民政局台账.xlsx");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Model!.Info.Id, Is.EqualTo("县民政局台账"));
        Assert.That(result.Model.Elements, Is.Empty);
    }

    [Test]
    public void Template_Headers_ReadTitleAndJsonKeyInEachLanguage()
    {
        var zh = SpreadsheetExport.Tables(null, Language.Chinese);
        var en = SpreadsheetExport.Tables(null, Language.English);
        var systems = zh.Single(static t => t.Name == "系统");
        Assert.That(systems.Rows[0][3].Text, Is.EqualTo("所属机构 (owner)"));
        Assert.That(en.Single(static t => t.Name == "Systems").Rows[0][3].Text, Is.EqualTo("Owner (owner)"));
        Assert.That(zh.Select(static t => t.Name).Last(), Is.EqualTo("说明"));
        var level = zh.Single(static t => t.Name == "机构").DropDowns.Single(static d => d.Column == 3);
        Assert.That(level.Values, Is.EqualTo(new[] { "national", "provincial", "municipal", "county", "township" }));
    }

    [Test]
    public void Import_HandFilledWorkbook_ChineseEnumNamesReadAsValues()
    {
        var bytes = SheetTestSupport.Workbook(
            ("机构", [["标识 (id)", "名称 (name)", "层级 (level)", "机构类型 (kind)"], ["ag.a", "县政府", "县级", "人民政府"], ["ag.b", "市局", "Municipal", ""]]),
            ("系统", [["标识 (id)", "名称 (name)", "所属机构 (owner)", "状态 (status)", "承载平台 (hosting)"], ["sys.a", "人口库", "ag.a", "在用", ""], ["sys.b", "旧系统", "ag.b", "停用", ""]]));
        var result = SpreadsheetImport.ReadXlsx(new MemoryStream(bytes), "台账.xlsx");
        Assert.That(result.Diagnostics, Is.Empty);
        var model = result.Model!;
        Assert.That(model.Agencies.Select(static a => (a.Level, a.AgencyKind)),
            Is.EqualTo(new[] { (AgencyLevel.County, AgencyKind.Government), (AgencyLevel.Municipal, AgencyKind.Department) }));
        Assert.That(model.Systems.Select(static s => s.Status), Is.EqualTo(new[] { SystemStatus.Operational, SystemStatus.Retired }));
    }

    [Test]
    public void Import_TypingSlips_ReportedAtTheirCellsNotChanged()
    {
        var bytes = SheetTestSupport.Workbook(
            ("机构", [["标识 (id)", "名称 (name)", "层级 (level)", "备注 (remark)"], ["ａｇ.a", "县政府", "县级", "x"], ["ag.b ", "市局", "municipal", ""], ["ag.c", "县局 ", "county", ""]]),
            ("系统", [["标识 (id)", "名称 (name)", "所属机构 (owner)", "等保级别 (protectionLevel)", "功能 (capabilities)"], ["sys.a", "人口库", "ag.c", "3", "cap.a；cap.b"], ["sys.b", "办公", "ag.c", "#2.5", ""]]),
            ("其他", [["随便"]]));
        var result = SpreadsheetImport.ReadXlsx(new MemoryStream(bytes), "台账.xlsx");
        Assert.That(result.Diagnostics.Select(static d => d.Format(Language.English)), Is.EqualTo(new[]
        {
            "台账.xlsx[机构]!D1: warning AM0002: Column '备注 (remark)' is unknown and ignored: headers read 'Title (jsonKey)', such as 'Owner (owner)'; the Readme sheet lists the columns.",
            "台账.xlsx[机构]!A2: error AM0004: '标识 (id)' is 'ａｇ.a', which holds the full-width character 'ａ' (U+FF41): type ids with half-width characters.",
            "台账.xlsx[机构]!A3: error AM0004: '标识 (id)' is 'ag.b ', with spaces at its start or end: remove them.",
            "台账.xlsx[机构]!B4: warning AM0004: '名称 (name)' is '县局 ', with spaces at its start or end; kept as typed: remove them unless meant.",
            "台账.xlsx[系统]!D2: warning AM0004: '等保级别 (protectionLevel)' holds the number '3' typed as text; it is read as a number: format the cell as a number.",
            "台账.xlsx[系统]!E2: error AM0004: '功能 (capabilities)' is 'cap.a；cap.b', which holds the full-width character '；' (U+FF1B): type ids with half-width characters and separate list items with ';'.",
            "台账.xlsx[系统]!D3: error AM0004: '等保级别 (protectionLevel)' is '2.5', not a whole number: write a whole number.",
            "台账.xlsx[其他]!A1: warning AM0002: Sheet '其他' is not one ArchModel reads and is ignored; the Readme sheet lists the sheets and their columns.",
        }));
        Assert.That(result.Model!.Agencies.Single().Name, Is.EqualTo("县局 "), "text kept as typed");
    }

    [Test]
    public void Import_CsvNumbers_NoTextWarningAndNotUtf8Reported()
    {
        using var temp = new TempFolder();
        temp.Write("in/机构.csv", "标识 (id),名称 (name),层级 (level)\r\nag.a,县政府,county\r\n");
        temp.Write("in/系统.csv", "标识 (id),名称 (name),所属机构 (owner),等保级别 (protectionLevel)\r\nsys.a,\"人口库, 新\",ag.a,3\r\n");
        temp.WriteBytes("in/项目.csv", [0xCF, 0xEE, 0xC4, 0xBF, 0x0D, 0x0A]);
        var result = SpreadsheetImport.ReadCsvFolder(Path.Combine(temp.Path, "in"), "in");
        Assert.That(result.Diagnostics.Select(static d => d.Format(Language.English)), Is.EqualTo(new[]
        {
            "in/项目.csv!A1: error AM0001: File 'in/项目.csv' is not UTF-8: in Excel, save it as 'CSV UTF-8 (Comma delimited)'.",
        }));
        Assert.That(result.Model!.Systems.Single().ProtectionLevel, Is.EqualTo(3));
        Assert.That(result.Model.Systems.Single().Name, Is.EqualTo("人口库, 新"));
    }

    [Test]
    public void Import_NotAWorkbook_RootReadFailed()
    {
        var result = SpreadsheetImport.ReadXlsx(new MemoryStream(Encoding.UTF8.GetBytes("id,name\n")), "台账.xlsx");
        Assert.That(result.RootReadFailed, Is.True);
        Assert.That(result.Diagnostics.Single().Format(Language.Chinese), Does.StartWith("台账.xlsx!A1: error AM0001: 文件“台账.xlsx”不是可读取的 Excel 工作簿"));
    }

    [Test]
    public void Docs_ColumnReference_EqualsWhatTheTablesGenerate()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "spreadsheets.md")).ReplaceLineEndings("\n");
        const string Begin = "<!-- columns:begin (generated from SheetSchema; a test keeps it equal) -->\n";
        const string End = "<!-- columns:end -->";
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "docs/spreadsheets.md has the begin marker");
        Assert.That(end, Is.GreaterThan(start), "docs/spreadsheets.md has the end marker");
        var section = doc[(start + Begin.Length)..end];
        if (Environment.GetEnvironmentVariable("ARCHMODEL_REGENERATE_DOCS") == "1")
        {
            section = "\n" + SheetSchema.MarkdownReference();
            File.WriteAllText(Path.Combine(TestPaths.RepoRoot, "docs", "spreadsheets.md"), doc[..(start + Begin.Length)] + section + doc[end..]);
        }
        Assert.That(section, Is.EqualTo("\n" + SheetSchema.MarkdownReference()),
            "Regenerate the section: ARCHMODEL_REGENERATE_DOCS=1 dotnet test --filter Docs_ColumnReference_EqualsWhatTheTablesGenerate");
    }
}
