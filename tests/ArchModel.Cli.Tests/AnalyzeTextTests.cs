using System.Text;
using System.Text.RegularExpressions;

namespace ArchModel.Cli.Tests;

/// <summary>
/// The text of <c>archmodel analyze</c> at every scale: golden files under Golden/ (a missing golden file fails;
/// ARCHMODEL_UPDATE_GOLDEN=1 rewrites them in the source tree), and the bound on a large model's default output.
/// </summary>
public sealed partial class AnalyzeTextTests
{
    private static string GoldenFolder => Path.Combine(CliRunner.RepoRoot, "tests", "ArchModel.Cli.Tests", "Golden");

    /// <summary>Output with the repository's and a temporary folder's absolute paths made neutral.</summary>
    private static string Neutral(string text, string? folder = null)
    {
        text = text.Replace(CliRunner.RepoRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        return folder is null ? text : text.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    private static void AssertGolden(string name, string actual)
    {
        var golden = Path.Combine(GoldenFolder, name);
        if (Environment.GetEnvironmentVariable("ARCHMODEL_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(golden, actual, new UTF8Encoding(false));
        }
        Assert.That(File.Exists(golden), Is.True, $"golden file {name} is missing: run the tests with ARCHMODEL_UPDATE_GOLDEN=1 and review it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(golden)), name);
    }

    private static int LineCount(string text) => text.Count(static c => c == '\n');

    /// <summary>A generated model with thousands of findings, made once for the tests that need one.</summary>
    private static readonly Lazy<(TempFolder Folder, string Model)> Generated = new(() =>
    {
        var folder = new TempFolder();
        var model = Path.Combine(folder.Path, "model.json");
        var (code, _, stderr) = CliRunner.Run("generate", "--agencies", "1500", "--seed", "5", "--output", model);
        Assert.That(code, Is.EqualTo(0), stderr);
        return (folder, model);
    });

    [OneTimeTearDown]
    public void DeleteGenerated()
    {
        if (Generated.IsValueCreated)
        {
            Generated.Value.Folder.Dispose();
        }
    }

    [TestCase("zh-CN", "analyze-demo.zh.txt")]
    [TestCase("en", "analyze-demo.en.txt")]
    public void Analyze_DemoProvince_MatchesGoldenAndListsEverythingAsAll(string lang, string golden)
    {
        var model = CliRunner.Model("demo-province");
        var text = Neutral(CliRunner.Run("analyze", model, "--lang", lang).Stdout);
        AssertGolden(golden, text);
        // A small model is listed whole: the default output is what --all prints.
        Assert.That(Neutral(CliRunner.Run("analyze", model, "--lang", lang, "--all").Stdout), Is.EqualTo(text));
        Assert.That(text, Does.Not.Contain("--all"));
    }

    [Test]
    public void Analyze_Quiet_PrintsOnlyTheScorecardAndTheSummary()
    {
        var (code, stdout, _) = CliRunner.Run("analyze", CliRunner.Model("demo-province"), "--quiet", "--lang", "en");
        Assert.That(code, Is.EqualTo(1), "--quiet changes the output, not the exit code");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("Scorecard"));
        Assert.That(lines, Has.Length.EqualTo(2 + 12 + 1), "title, header, twelve metrics, summary");
        Assert.That(lines[^1], Does.StartWith("示范省电子政务现状（2016）: 56 findings (5 errors, 27 warnings, 24 info), 1 suppressed; targets met 2/12"));
        Assert.That(stdout, Does.Not.Contain("AM1001"));
    }

    [Test]
    public void Analyze_GeneratedModelWithThousandsOfFindings_DefaultStaysUnderTwoHundredLinesAndMatchesGolden()
    {
        var (folder, model) = Generated.Value;
        var (_, all, _) = CliRunner.Run("analyze", model, "--all", "--lang", "en");
        var (_, text, stderr) = CliRunner.Run("analyze", model, "--lang", "en");
        Assert.That(stderr, Is.Empty);
        var headers = HeaderPattern().Matches(text);
        Assert.Multiple(() =>
        {
            Assert.That(LineCount(all), Is.GreaterThan(5000), "the model has thousands of findings");
            Assert.That(LineCount(text), Is.LessThan(200));
            // Every rule with findings has its header and its count, as --all has.
            Assert.That(headers.Select(static m => m.Value), Is.EqualTo(HeaderPattern().Matches(all).Select(static m => m.Value)));
            Assert.That(headers, Has.Count.GreaterThanOrEqualTo(15));
            Assert.That(text, Does.Contain("more not listed").And.Contain("--all shows them all"));
        });
        AssertGolden("analyze-generated.en.txt", Neutral(text, folder.Path));
    }

    [Test]
    public void Analyze_TrimmedRule_ListsTheFindingsWithTheMostElementsFirstAndCountsTheRest()
    {
        var (_, model) = Generated.Value;
        var text = CliRunner.Run("analyze", model, "--lang", "en").Stdout;
        var all = CliRunner.Run("analyze", model, "--lang", "en", "--all").Stdout;
        foreach (Match header in HeaderPattern().Matches(text))
        {
            var rule = header.Groups["rule"].Value;
            var count = int.Parse(header.Groups["count"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            var sizes = Section(text, rule).Where(static l => l.StartsWith("      elements: ", StringComparison.Ordinal)).Select(Size).ToArray();
            var allSizes = Section(all, rule).Where(static l => l.StartsWith("      elements: ", StringComparison.Ordinal)).Select(Size).ToArray();
            Assert.That(allSizes, Has.Length.EqualTo(count), rule);
            if (sizes.Length < count)
            {
                Assert.That(sizes, Is.EqualTo(allSizes.OrderByDescending(static s => s).Take(sizes.Length)), rule + ": the largest first");
                Assert.That(Section(text, rule).Last(), Is.EqualTo($"  … {count - sizes.Length:#,0} more not listed (the {sizes.Length} above name the most elements); --all shows them all."), rule);
            }
            else
            {
                Assert.That(Section(text, rule), Is.EqualTo(Section(all, rule).Select(Clip)), rule + ": listed whole, in order");
            }
        }

        static int Size(string line)
        {
            var clipped = Regex.Match(line, @"\(([0-9,]+) in all\)$");
            return clipped.Success ? int.Parse(clipped.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : line.Split(", ").Length;
        }

        static string Clip(string line)
        {
            if (!line.StartsWith("      elements: ", StringComparison.Ordinal))
            {
                return line;
            }
            var ids = line["      elements: ".Length..].Split(", ");
            return ids.Length <= 20 ? line : "      elements: " + string.Join(", ", ids.Take(20)) + $", … ({ids.Length:#,0} in all)";
        }
    }

    /// <summary>The lines of one rule's section, from its header (excluded) to the blank line after it.</summary>
    private static string[] Section(string text, string rule)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(rule + " ", StringComparison.Ordinal)) + 1;
        var end = Array.FindIndex(lines, start, static l => l.Length == 0);
        return lines[start..end];
    }

    [GeneratedRegex(@"^(?<rule>AM\d{4}) .+ \((?:error|warning|info), (?<count>[0-9,]+) findings?\)$", RegexOptions.Multiline)]
    private static partial Regex HeaderPattern();

    [Test]
    public void Analyze_ThousandsOfDiagnostics_PrintsABoundedNumberPerCodeErrorsFirstAndAllWithAll()
    {
        using var temp = new TempFolder();
        // 400 systems with an unknown property (AM0002 warnings) and 300 flows to unknown systems (AM0006 errors):
        // the model is not analysed, its diagnostics are the output.
        var systems = string.Join(",\n", Enumerable.Range(0, 400).Select(static i => $$"""    { "id": "s{{i}}", "name": "S{{i}}", "owner": "a", "colour": "red" }"""));
        var flows = string.Join(",\n", Enumerable.Range(0, 300).Select(static i => $$"""    { "from": "s{{i}}", "to": "missing{{i}}" }"""));
        var path = temp.Write("model.json", $$"""
            { "formatVersion": "1", "model": { "id": "m", "name": "M", "language": "en" },
              "agencies": [ { "id": "a", "name": "A", "level": "municipal", "region": "1" } ],
              "systems": [
            {{systems}}
              ],
              "flows": [
            {{flows}}
              ] }
            """);
        var (code, text, _) = CliRunner.Run("analyze", path);
        var all = CliRunner.Run("analyze", path, "--all").Stdout;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(LineCount(all), Is.EqualTo(700 + 1), "--all: every diagnostic and the closing line");
            Assert.That(LineCount(text), Is.LessThan(200));
            Assert.That(lines.Count(static l => l.Contains("error AM0006", StringComparison.Ordinal)), Is.EqualTo(20));
            Assert.That(lines.Count(static l => l.Contains("warning AM0002", StringComparison.Ordinal)), Is.EqualTo(20));
            // Errors first, then the line counting the rest of their code, then the warnings.
            Assert.That(Array.FindIndex(lines, static l => l.Contains("warning AM0002", StringComparison.Ordinal)),
                Is.GreaterThan(Array.FindLastIndex(lines, static l => l.Contains("error AM0006", StringComparison.Ordinal))));
            Assert.That(lines, Does.Contain("AM0006: 280 more not listed (300 in all); --all shows them all."));
            Assert.That(lines, Does.Contain("AM0002: 380 more not listed (400 in all); --all shows them all."));
            Assert.That(lines[^1], Is.EqualTo("The model has errors and was not analysed: fix the errors above first."));
        });
    }

    [Test]
    public void Analyze_QuietOnModelWithErrors_PrintsItsDiagnostics()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """{ "formatVersion": "1", "systems": [ { "id": "s", "name": "S", "owner": "nobody" } ] }""");
        var (code, stdout, _) = CliRunner.Run("analyze", path, "--quiet", "--lang", "en");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("error AM0006"));
        Assert.That(stdout, Does.Not.Contain("Scorecard"));
    }
}
