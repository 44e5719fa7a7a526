using ArchModel.Interop;

namespace ArchModel.Tests.Loading;

/// <summary><c>model.milestones</c>: read with the model, every mistake a located diagnostic, written back as read.</summary>
public sealed class MilestoneLoadingTests
{
    private const string Valid = """
        { "formatVersion": "1",
          "model": { "id": "m", "asOf": "2020-12-31", "milestones": [
            { "id": "ms.cloud", "name": "迁入政务云", "date": "2018-12-31", "phase": "systems", "description": "自建机房关停前" },
            { "id": "ms.app", "name": "移动端上线", "date": "2019-06-30" }
          ] } }
        """;

    [Test]
    public void Load_Milestones_ReadInFileOrderWithTheirPhase()
    {
        var result = ModelLoader.LoadText(Valid, "model.json");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Model!.Info.Milestones, Is.EqualTo(new[]
        {
            new Milestone("ms.cloud", "迁入政务云", new DateOnly(2018, 12, 31), PlanPhase.Systems, "自建机房关停前"),
            new Milestone("ms.app", "移动端上线", new DateOnly(2019, 6, 30), null, null),
        }));
    }

    [Test]
    public void Load_BadMilestones_EachReportedAtItsLineAndColumn()
    {
        string[] lines =
        [
            """{ "formatVersion": "1",""",
            """  "model": { "id": "m", "asOf": "2020-12-31", "milestones": [""",
            """    { "id": "ms.a", "name": "A", "date": "2019-02-30", "phase": "systems" },""",
            """    { "id": "ms.b", "name": "B", "date": "2019-06-30", "phase": "later" },""",
            """    { "id": "ms.b", "name": "C", "date": "2019-07-01" },""",
            """    { "id": "ms.d", "date": "2019-08-01" },""",
            """    { "id": "ms.e", "name": "E", "date": "2021-01-01", "phase": "retire" },""",
            """    { "id": "ms.f", "name": "F", "date": "2018-01-01", "phase": "close-out", "when": 1 }""",
            """  ] } }""",
        ];
        var result = ModelLoader.LoadText(string.Join("\n", lines), "model.json");
        (int, int) At(int line, string text) => (line, lines[line - 1].IndexOf(text, StringComparison.Ordinal) + 1);
        var found = result.Diagnostics.Select(static d => (d.Code, d.Severity, d.Location!.Line, d.Location.Column, d.Location.Path)).ToList();
        var expected = new[]
        {
            (DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, At(3, "\"2019-02-30\""), "model.milestones[0].date"),
            (DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, At(4, "\"later\""), "model.milestones[1].phase"),
            (DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, At(5, "{"), "model.milestones[2].id"),
            (DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, At(6, "{"), "model.milestones[3]"),
            (DiagnosticCodes.InvalidValue, DiagnosticSeverity.Warning, At(7, "\"2021-01-01\""), "model.milestones[4].date"),
            (DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, At(8, "\"2018-01-01\""), "model.milestones[5].date"),
            (DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Warning, At(8, "\"when\""), "model.milestones[5].when"),
        }.Select(static e => (e.Item1, e.Item2, e.Item3.Item1, e.Item3.Item2, e.Item4)).ToList();
        Assert.That(found, Is.EquivalentTo(expected), string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Write_Milestones_LoadBackEqual()
    {
        var model = ModelLoader.LoadText(Valid, "model.json").Model!;
        var again = ModelLoader.LoadText(ModelWriter.WriteString(model), "written.json");
        Assert.That(again.Diagnostics, Is.Empty);
        Assert.That(again.Model!.Info.Milestones, Is.EqualTo(model.Info.Milestones));
    }

    [Test]
    public void Schema_Milestone_ListsThePropertiesTheLoaderReads()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(ArchModel.Output.ModelSchema.Text);
        var milestone = doc.RootElement.GetProperty("definitions").GetProperty("milestone");
        Assert.That(milestone.GetProperty("properties").EnumerateObject().Select(static p => p.Name), Is.EqualTo(new[] { "id", "name", "date", "phase", "description" }));
        Assert.That(milestone.GetProperty("properties").GetProperty("phase").GetProperty("enum").EnumerateArray().Select(static v => v.GetString()),
            Is.EqualTo(JsonNames.All<PlanPhase>()));
    }
}
