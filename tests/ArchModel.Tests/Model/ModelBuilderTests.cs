namespace ArchModel.Tests.Model;

public sealed class ModelBuilderTests
{
    [Test]
    public void Build_SampleModelsRebuiltInCode_ValidateTheSameAsWhenLoaded()
    {
        foreach (var file in TestPaths.SampleModels())
        {
            var loaded = ModelLoader.LoadFile(file);
            Assert.That(loaded.Diagnostics, Is.Empty, file);
            var model = loaded.Model!;
            var builder = new ModelBuilder(model.Info).WithSettings(model.Settings);
            foreach (var (metric, value) in model.Targets)
            {
                builder.WithTarget(metric, value);
            }
            builder.AddRange(model.Elements.Select(static e => e is Flow { IdGenerated: true } f ? f with { Id = "" } : e));
            foreach (var s in model.Suppressions)
            {
                builder.Add(s);
            }
            var built = builder.Build();
            Assert.That(built.Diagnostics, Is.Empty, file);
            Assert.That(built.Model.Elements.Select(static e => e.Id), Is.EqualTo(model.Elements.Select(static e => e.Id)), file);
        }
    }

    [Test]
    public void Build_InvalidModel_GivesTheSameCodesAsTheLoader()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """
            { "formatVersion": "1",
              "agencies": [ { "id": "a", "name": "A", "level": "county", "parent": "b" }, { "id": "b", "name": "B", "level": "county", "parent": "a" } ],
              "systems": [ { "id": "s", "name": "S", "owner": "s", "protectionLevel": 9, "networks": ["n"] }, { "id": "a", "name": "dup", "owner": "a" } ],
              "flows": [ { "from": "s", "to": "s" } ] }
            """);
        var loaded = ModelLoader.LoadFile(path);
        var builder = new ModelBuilder();
        builder.AddRange(loaded.Model!.Elements.Select(static e => e is Flow { IdGenerated: true } f ? f with { Id = "" } : e with { Location = null }));
        var built = builder.Build();
        Assert.That(built.Diagnostics.Select(static d => d.Code).Order(), Is.EqualTo(loaded.Diagnostics.Select(static d => d.Code).Order()));
        Assert.That(built.Diagnostics.All(static d => d.Location is null), Is.True);
    }

    [Test]
    public void Build_NullRequiredReference_IsMissingProperty()
    {
        var built = new ModelBuilder()
            .Add(new Agency { Id = "a", Name = "A", Level = AgencyLevel.County })
            .Add(new InformationSystem { Id = "s", Name = "S", Owner = null! })
            .Build();
        Assert.That(built.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0003" }));
    }
}
