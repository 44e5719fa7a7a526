namespace ArchModel.Tests.Loading;

/// <summary>
/// The golden corpus of bad input: each folder under <c>TestFiles/Invalid</c> holds a <c>model.json</c>
/// (and whatever it includes) and an <c>expected.txt</c> listing every diagnostic the loader must give,
/// as <c>CODE file line:column</c>, in the loader's order.
/// </summary>
public sealed class InvalidCorpusTests
{
    private static string CorpusFolder => Path.Combine(TestPaths.TestFiles, "Invalid");

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.Exists(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestFiles", "Invalid"))
            ? Directory.EnumerateDirectories(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestFiles", "Invalid"))
                .Order(StringComparer.Ordinal)
                .Select(static d => new TestCaseData(Path.GetFileName(d)).SetName($"Load_{Path.GetFileName(d)}_GivesExpectedDiagnostics"))
            : [];

    [Test]
    public void Corpus_HasAtLeastFortyCases() =>
        Assert.That(Directory.EnumerateDirectories(CorpusFolder).Count(), Is.GreaterThanOrEqualTo(40));

    [TestCaseSource(nameof(Cases))]
    public void Load_CaseFolder_GivesExpectedDiagnostics(string name)
    {
        var folder = Path.Combine(CorpusFolder, name);
        var expectedFile = Path.Combine(folder, "expected.txt");
        Assert.That(File.Exists(expectedFile), Is.True, $"{name} has no expected.txt");
        var expected = File.ReadAllLines(expectedFile)
            .Select(static l => l.Trim())
            .Where(static l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

        var result = ModelLoader.LoadFile(Path.Combine(folder, "model.json"), new LoadOptions { DisplayBase = folder });

        var actual = result.Diagnostics.Select(Describe).ToList();
        Assert.That(actual, Is.EqualTo(expected), "actual:\n" + string.Join("\n", result.Diagnostics.Select(d => $"{Describe(d)}  {d.Message.English}")));
        Assert.That(result.Diagnostics.All(static d => d.Location is { Line: >= 1, Column: >= 1 }), Is.True, "every diagnostic is located");
        Assert.That(result.Diagnostics.All(static d => d.Message.Chinese.Length > 0 && d.Message.English.Length > 0), Is.True);
    }

    private static string Describe(Diagnostic d) => $"{d.Code} {d.Location?.File} {d.Location?.Line}:{d.Location?.Column}";
}
