using System.Globalization;
using System.Text;
using ArchModel.Analysis;
using ArchModel.Loading;
using NUnit.Framework;

namespace ArchModel.Tests.Analysis;

/// <summary>
/// Golden files: each <c>TestFiles/Analysis/golden/NAME.json</c> model is analysed and rendered (findings, AM0011
/// diagnostics, metrics, targets) and compared with <c>NAME.expected.txt</c>. A missing expected file fails; set
/// ARCHMODEL_UPDATE_GOLDEN=1 to write it, then review the diff.
/// </summary>
[TestFixture]
public class GoldenTests
{
    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestFiles", "Analysis", "golden");

    public static IEnumerable<string> Models() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestFiles", "Analysis", "golden"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Models))]
    public void Analyze_GoldenModel_MatchesExpected(string name)
    {
        var load = ModelLoader.LoadFile(Path.Combine(Folder, name + ".json"));
        Assert.That(load.HasErrors, Is.False, string.Join("\n", load.Diagnostics));
        var actual = Render(Analyzer.Analyze(load.Model!));
        var expectedPath = Path.Combine(Folder, name + ".expected.txt");
        if (Environment.GetEnvironmentVariable("ARCHMODEL_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "TestFiles", "Analysis", "golden", name + ".expected.txt");
            File.WriteAllText(source, actual);
        }
        Assert.That(File.Exists(expectedPath), Is.True, $"missing {expectedPath}");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(expectedPath).ReplaceLineEndings("\n")));
    }

    internal static string Render(AnalysisResult result)
    {
        var sb = new StringBuilder();
        foreach (var f in result.Findings)
        {
            sb.Append(f.Rule).Append(' ').Append(f.Severity.ToString().ToLowerInvariant())
                .Append(f.Suppressed ? " suppressed" : "").Append(" [").Append(string.Join(", ", f.Elements)).Append(']')
                .Append(f.Location is { } l ? $" @{l.Line}:{l.Column}" : "").Append('\n');
            foreach (var (key, value) in f.Evidence)
            {
                sb.Append("    ").Append(key).Append(" = ").Append(Value(value)).Append('\n');
            }
            sb.Append("    zh: ").Append(f.Message.Chinese).Append('\n');
            sb.Append("    en: ").Append(f.Message.English).Append('\n');
        }
        foreach (var d in result.Diagnostics)
        {
            sb.Append(d.Format(ArchModel.Diagnostics.Language.English)).Append('\n');
        }
        foreach (var (metric, value) in result.Metrics.Model)
        {
            sb.Append("metric ").Append(metric).Append(" = ").Append(Value(value)).Append('\n');
        }
        foreach (var (agency, metrics) in result.Metrics.Agencies)
        {
            sb.Append("agency ").Append(agency).Append(": ")
                .Append(string.Join(", ", metrics.Select(kv => kv.Key + "=" + Value(kv.Value)))).Append('\n');
        }
        foreach (var t in result.Metrics.Targets)
        {
            sb.Append("target ").Append(t.Metric).Append(' ').Append(t.Direction.ToString().ToLowerInvariant())
                .Append(" target=").Append(Value(t.Target)).Append(" actual=").Append(Value(t.Actual)).Append(" met=").Append(Value(t.Met)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
