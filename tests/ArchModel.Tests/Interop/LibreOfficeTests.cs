using System.Diagnostics;
using ArchModel.Interop;

namespace ArchModel.Tests.Interop;

/// <summary>
/// The exported workbooks opened by a real spreadsheet program: LibreOffice, headless, converts every sheet to CSV without an
/// error, and what it read imports back into the same model. Without LibreOffice the tests are skipped with a message, except
/// in CI (CI=true), where they fail as the other real-tool tests do.
/// </summary>
[TestFixture]
[NonParallelizable]
public class LibreOfficeTests
{
    private const string InstallHint = "run scripts/install-verify-tools.sh (Debian: apt-get install libreoffice-calc-nogui)";

    private static string RequireSoffice()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "soffice");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        var message = $"LibreOffice (soffice) is not installed, so the exported workbooks cannot be opened: {InstallHint}.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message);
        return "";
    }

    /// <summary>Converts every sheet of <paramref name="workbook"/> to CSV files in <paramref name="folder"/> (LibreOffice names them BOOK-SHEET.csv).</summary>
    private static void ConvertEverySheet(string soffice, string workbook, string folder, string profile)
    {
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A profile of its own: a second LibreOffice on the machine would otherwise hold the shared one's lock.
        start.ArgumentList.Add($"-env:UserInstallation=file://{profile}");
        start.ArgumentList.Add("--headless");
        start.ArgumentList.Add("--convert-to");
        // Field separator, quote, UTF-8, first line, …; the last token (-1) writes every sheet to a file of its own.
        start.ArgumentList.Add("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1");
        start.ArgumentList.Add("--outdir");
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add(workbook);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"soffice did not finish within 3 minutes on {workbook}");
        }
        var errors = (stdout.Result + "\n" + stderr.Result).Split('\n')
            .Where(static l => l.Contains("rror", StringComparison.Ordinal) && !l.Contains("javaldx", StringComparison.Ordinal)).ToList();
        Assert.That(process.ExitCode, Is.EqualTo(0), stdout.Result + stderr.Result);
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Soffice_ExportedDemoProvince_OpensAndReadsBackAsTheSameModel()
    {
        var soffice = RequireSoffice();
        using var temp = new TempFolder();
        var model = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province", "model.json")).Model!;
        var workbook = Path.Combine(temp.Path, "demo.xlsx");
        using (var stream = File.Create(workbook))
        {
            SpreadsheetExport.WriteXlsx(model, stream, Language.Chinese);
        }
        var converted = Path.Combine(temp.Path, "converted");
        ConvertEverySheet(soffice, workbook, converted, Path.Combine(temp.Path, "profile"));

        // What LibreOffice read, sheet by sheet, imported as a folder of CSV files: the same model.
        var sheets = Path.Combine(temp.Path, "sheets");
        Directory.CreateDirectory(sheets);
        foreach (var file in Directory.GetFiles(converted, "demo-*.csv"))
        {
            File.Copy(file, Path.Combine(sheets, Path.GetFileName(file)["demo-".Length..]));
        }
        Assert.That(Directory.GetFiles(sheets).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            Is.EqualTo(SpreadsheetExport.Tables(null, Language.Chinese).Select(static t => t.Name).Order(StringComparer.Ordinal)));
        var imported = SpreadsheetImport.ReadCsvFolder(sheets, "sheets");
        Assert.That(imported.Diagnostics, Is.Empty);
        Assert.That(ModelComparison.Differences(model, imported.Model!), Is.Empty);
    }

    [Test]
    public void Soffice_Template_OpensWithoutError()
    {
        var soffice = RequireSoffice();
        using var temp = new TempFolder();
        var workbook = Path.Combine(temp.Path, "template.xlsx");
        using (var stream = File.Create(workbook))
        {
            SpreadsheetExport.WriteXlsx(null, stream, Language.English);
        }
        ConvertEverySheet(soffice, workbook, Path.Combine(temp.Path, "converted"), Path.Combine(temp.Path, "profile"));
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "converted", "template-Systems.csv")), Does.StartWith("Id (id),Name (name),Owner (owner),"));
    }
}
