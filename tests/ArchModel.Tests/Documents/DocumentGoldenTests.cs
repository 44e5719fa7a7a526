using ArchModel.Localization;
using System.Text;
using ArchModel.Documents;

namespace ArchModel.Tests.Documents;

/// <summary>
/// The Markdown output of every built-in template, in both languages, on a small model (the roadmap: a small to-be model against it), against golden files in
/// TestFiles/Documents (a missing golden file fails; ARCHMODEL_UPDATE_GOLDEN=1 rewrites them in the source tree).
/// </summary>
public sealed class DocumentGoldenTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from template in ReportGenerator.BuiltInTemplates
        from lang in new[] { Language.Chinese, Language.English }
        select new TestCaseData(template, lang).SetName($"Render_{template}_{lang.ToTag()}_MatchesGoldenMarkdown");

    [TestCaseSource(nameof(Cases))]
    public void Render_BuiltInTemplate_MatchesGoldenMarkdown(string template, Language language)
    {
        var (model, options) = DocumentTestSupport.For(template, demo: false,
            new ReportOptions { Format = DocumentFormat.Markdown, Language = language });
        var text = DocumentTestSupport.Render(model, options);
        var name = $"{template}.{language.ToTag()}.md";
        if (Environment.GetEnvironmentVariable("ARCHMODEL_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(TestPaths.RepoRoot, "tests", "ArchModel.Tests", "TestFiles", "Documents", name);
            File.WriteAllText(source, text, new UTF8Encoding(false));
            Assert.Pass($"golden file {name} rewritten");
        }
        var golden = Path.Combine(TestPaths.TestFiles, "Documents", name);
        Assert.That(File.Exists(golden), Is.True, $"golden file {name} is missing: run the tests with ARCHMODEL_UPDATE_GOLDEN=1 and review it");
        Assert.That(text, Is.EqualTo(File.ReadAllText(golden).Replace("\r\n", "\n", StringComparison.Ordinal)));
    }
}
