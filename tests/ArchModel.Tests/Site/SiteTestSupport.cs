using System.Net;
using System.Text.RegularExpressions;
using ArchModel.Analysis;
using ArchModel.Generation;
using ArchModel.Site;

namespace ArchModel.Tests.Site;

/// <summary>The sites the site tests read: the demo province (with its 2020 plan) and a generated province of about 600 agencies, each made once per run.</summary>
internal static partial class SiteTestSupport
{
    /// <summary>Kept under the test run's folder, so that a failing run can be opened by hand.</summary>
    public static string Root { get; } = Path.Combine(TestContext.CurrentContext.WorkDirectory, "site-output", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Lazy<Built> DemoSite = new(() => Build("demo", Path.Combine(TestPaths.Models, "demo-province-2020", "model.json"),
        Path.Combine(TestPaths.Models, "demo-province", "model.json")));

    private static readonly Lazy<Built> GeneratedSite = new(() =>
    {
        var folder = Path.Combine(Root, "generated-model");
        ModelGenerator.WriteTo(folder, new GeneratorOptions { Agencies = 600, Seed = 1 });
        return Build("generated", Path.Combine(folder, "model.json"), null);
    });

    public sealed record Built(ArchitectureModel Model, AnalysisResult Analysis, SiteResult Result, string Folder);

    public static Built Demo => DemoSite.Value;

    public static Built Generated => GeneratedSite.Value;

    private static Built Build(string name, string modelPath, string? baselinePath)
    {
        var load = ModelLoader.LoadFile(modelPath);
        Assert.That(load.HasErrors, Is.False, $"{modelPath} must load");
        var baseline = baselinePath is null ? null : ModelLoader.LoadFile(baselinePath).Model;
        var analysis = Analyzer.Analyze(load.Model!);
        var folder = Path.Combine(Root, name);
        var result = SiteGenerator.Generate(load.Model!, analysis, folder, new SiteOptions { Baseline = baseline });
        Assert.That(result.Problems, Is.Empty, "the site was written without a problem (Graphviz must be installed: scripts/install-verify-tools.sh)");
        return new Built(load.Model!, analysis, result, folder);
    }

    /// <summary>Every broken local link of a site: a file that does not exist or an #anchor the file does not hold; and every link leaving the site.</summary>
    public static List<string> BrokenLinks(string folder)
    {
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string file)
        {
            if (!ids.TryGetValue(file, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                foreach (Match m in IdAttribute().Matches(File.ReadAllText(Path.Combine(folder, file))))
                {
                    set.Add(WebUtility.HtmlDecode(m.Groups[1].Value));
                }
                ids[file] = set;
            }
            return set;
        }
        var broken = new List<string>();
        foreach (var page in Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(page);
            foreach (Match m in LinkAttribute().Matches(File.ReadAllText(page)))
            {
                var target = WebUtility.HtmlDecode(m.Groups[2].Value);
                if (Scheme().IsMatch(target))
                {
                    broken.Add($"{name}: leaves the site: {target}");
                    continue;
                }
                var hash = target.IndexOf('#');
                var file = hash >= 0 ? target[..hash] : target;
                var query = file.IndexOf('?');
                if (query >= 0) file = file[..query];
                if (file.Length == 0) file = name;
                if (!File.Exists(Path.Combine(folder, file)))
                {
                    broken.Add($"{name}: no file {file}");
                    continue;
                }
                if (hash >= 0 && !IdsOf(file).Contains(Uri.UnescapeDataString(target[(hash + 1)..])))
                {
                    broken.Add($"{name}: no #{target[(hash + 1)..]} in {file}");
                }
            }
        }
        return broken;
    }

    /// <summary>The element ids that have an anchor somewhere in the site.</summary>
    public static HashSet<string> Anchors(string folder)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in Directory.EnumerateFiles(folder, "*.html"))
        {
            foreach (Match m in IdAttribute().Matches(File.ReadAllText(page)))
            {
                set.Add(WebUtility.HtmlDecode(m.Groups[1].Value));
            }
        }
        return set;
    }

    [GeneratedRegex("\\s(href|src|xlink:href)=\"([^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();
}
