using ArchModel.Analysis;

namespace ArchModel.Tests.Model;

/// <summary>
/// A loaded element keeps its place (file, array, line, column, item) beside its fields rather than in a location
/// object, and makes its <see cref="Element.Location"/> when asked; equality and findings see no difference.
/// </summary>
public sealed class ElementLocationTests
{
    private const string Json = """
        {
          "formatVersion": "1",
          "model": {"id": "m", "name": "m"},
          "agencies": [{"id": "a", "name": "局", "level": "county", "region": "990101"}],
          "systems": [
            {"id": "s1", "name": "办公系统", "owner": "a"},
            {"id": "s2", "name": "审批系统", "owner": "a"}
          ],
          "suppressions": [
            {"rule": "AM3001", "elements": ["s1"], "justification": "试点"}
          ]
        }
        """;

    private static ArchitectureModel Load()
    {
        var result = ModelLoader.LoadText(Json, "model.json");
        Assert.That(result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        return result.Model!;
    }

    [Test]
    public void Location_OfALoadedElement_IsItsArrayItemWithLineColumnAndOffset()
    {
        var s2 = Load().GetSystem("s2")!;
        var location = s2.Location!;
        Assert.Multiple(() =>
        {
            Assert.That((location.File, location.Line, location.Column, location.Path), Is.EqualTo(("model.json", 7, 5, "systems[1]")));
            var text = Json.ReplaceLineEndings("\n");
            Assert.That(location.Offset, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(text[..text.IndexOf("{\"id\": \"s2\"", StringComparison.Ordinal)])),
                "the byte offset of its object");
            Assert.That(s2.Location, Is.EqualTo(location).And.Not.SameAs(location), "made again when asked, equal each time");
        });
    }

    [Test]
    public void Location_OfASuppression_IsItsArrayItem()
    {
        var location = Load().Suppressions[0].Location!;
        Assert.That((location.File, location.Line, location.Column, location.Path), Is.EqualTo(("model.json", 10, 5, "suppressions[0]")));
    }

    [Test]
    public void Equals_LoadedAndBuiltWithTheSameLocation_EqualWithEqualHashes()
    {
        var loaded = Load().GetSystem("s1")!;
        var built = loaded with { Location = new SourceLocation("model.json", 6, 5, "systems[0]") };
        var elsewhere = loaded with { Location = new SourceLocation("model.json", 6, 6, "systems[0]") };
        Assert.Multiple(() =>
        {
            Assert.That(built.Location, Is.EqualTo(loaded.Location));
            Assert.That(built, Is.EqualTo(loaded));
            Assert.That(built.GetHashCode(), Is.EqualTo(loaded.GetHashCode()));
            Assert.That(Load().GetSystem("s1"), Is.EqualTo(loaded), "two loads of one file");
            Assert.That(elsewhere, Is.Not.EqualTo(loaded));
            Assert.That(loaded with { Location = null }, Is.Not.EqualTo(loaded));
            Assert.That(loaded with { Name = "另一系统" }, Is.Not.EqualTo(loaded));
            Assert.That(Load().GetSystem("s2"), Is.Not.EqualTo(loaded));
        });
    }

    [Test]
    public void Finding_LocationOfItsFirstElement_EqualToAFindingGivenItOutright()
    {
        var model = Load();
        var finding = Analyzer.Analyze(model).Findings.First(static f => f.Elements[0] == "s1");
        var given = finding with { Location = model.GetSystem("s1")!.Location };
        Assert.Multiple(() =>
        {
            Assert.That(finding.Location, Is.EqualTo(model.GetSystem("s1")!.Location));
            var first = finding.Location;
            Assert.That(finding.Location, Is.SameAs(first), "read once, then kept");
            Assert.That(given, Is.EqualTo(finding));
            Assert.That(given.GetHashCode(), Is.EqualTo(finding.GetHashCode()));
            Assert.That(finding with { Location = null }, Is.Not.EqualTo(finding));
        });
    }
}
