using System.Text;
using ArchModel.Generation;
using ArchModel.Interop;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

// FsCheck supplies the arguments of [Property] methods, which the NUnit analyzer cannot see.
#pragma warning disable NUnit1027

namespace ArchModel.Tests.Interop;

[TestFixture]
public class ModelWriterTests
{
    private static ArchitectureModel Load(string path)
    {
        var load = ModelLoader.LoadFile(path);
        Assert.That(load.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        return load.Model!;
    }

    private static ArchitectureModel Reload(string json, string name = "written.json")
    {
        var load = ModelLoader.LoadText(json, name);
        var errors = load.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, json.Length < 4000 ? json : json[..4000]);
        return load.Model!;
    }

    [Test]
    public void Write_EverySampleModel_LoadsBackEqual()
    {
        foreach (var path in TestPaths.SampleModels())
        {
            var model = Load(path);
            var json = ModelWriter.WriteString(model);
            Assert.That(ModelComparison.Differences(model, Reload(json)), Is.Empty, path);
        }
    }

    [Test]
    public void Write_SameModelTwice_ByteIdentical()
    {
        var model = Load(Path.Combine(TestPaths.Models, "demo-province", "model.json"));
        var first = ModelWriter.Write(model);
        var second = ModelWriter.Write(Load(Path.Combine(TestPaths.Models, "demo-province", "model.json")));
        Assert.That(second.Select(static f => f.Path), Is.EqualTo(first.Select(static f => f.Path)));
        Assert.That(second.Select(static f => f.Content), Is.EqualTo(first.Select(static f => f.Content)));
    }

    [Test]
    public void Write_LoadedModel_OneElementPerLineInFormatOrder()
    {
        var model = Load(Path.Combine(TestPaths.Models, "quickstart", "model.json"));
        var lines = ModelWriter.WriteString(model).Split('\n');
        var system = lines.Single(static l => l.Contains("\"id\": \"sys.city-police.oa\"", StringComparison.Ordinal));
        Assert.That(system.Trim(), Does.StartWith("{ \"id\": \"sys.city-police.oa\", \"name\": "));
        Assert.That(system.IndexOf("\"owner\"", StringComparison.Ordinal), Is.LessThan(system.IndexOf("\"capabilities\"", StringComparison.Ordinal)));
        Assert.That(system.IndexOf("\"capabilities\"", StringComparison.Ordinal), Is.LessThan(system.IndexOf("\"networks\"", StringComparison.Ordinal)));
        Assert.That(lines.Count(static l => l.Contains("\"id\": ", StringComparison.Ordinal)), Is.EqualTo(model.Elements.Count() + 1));
    }

    [Test]
    public void Write_BuiltInCode_ElementsByIdAndGeneratedFlowsKeepTheirNumbers()
    {
        var model = new ModelBuilder(new ModelInfo { Id = "m" })
            .Add(new Agency { Id = "ag.b", Name = "B", Level = AgencyLevel.Provincial })
            .Add(new Agency { Id = "ag.a", Name = "A", Level = AgencyLevel.Provincial })
            .Add(new InformationSystem { Id = "sys.b", Name = "B", Owner = "ag.b" })
            .Add(new InformationSystem { Id = "sys.a", Name = "A", Owner = "ag.a" })
            .Add(new Flow { Id = "", IdGenerated = true, From = "sys.b", To = "sys.a", Mode = FlowMode.Api })
            .Add(new Flow { Id = "z.flow", From = "sys.a", To = "sys.b" })
            .Add(new Flow { Id = "", IdGenerated = true, From = "sys.b", To = "sys.a", Mode = FlowMode.File })
            .Build().Model;
        var json = ModelWriter.WriteString(model);
        Assert.That(json.IndexOf("\"ag.a\"", StringComparison.Ordinal), Is.LessThan(json.IndexOf("\"ag.b\"", StringComparison.Ordinal)));
        var reloaded = Reload(json);
        Assert.That(reloaded.Flows.Select(static f => f.Id), Is.EqualTo(new[] { "z.flow", "sys.b->sys.a", "sys.b->sys.a#2" }));
        Assert.That(reloaded.Flows.Select(static f => f.Mode), Is.EqualTo(new FlowMode?[] { null, FlowMode.Api, FlowMode.File }));
    }

    [Property(MaxTest = 150)]
    public bool Write_RandomModel_LoadsBackEqual(int seed)
    {
        var model = RichRandomModel.Build(seed);
        // Built in code, a model is written by id by default; in its own order (what this compares) when asked.
        var reloaded = ModelLoader.LoadText(ModelWriter.WriteString(model, new ModelWriterOptions { Order = ElementOrder.AsDefined }), "random.json");
        if (reloaded.HasErrors)
        {
            throw new AssertionException(string.Join("\n", reloaded.Diagnostics));
        }
        var differences = ModelComparison.Differences(model, reloaded.Model!);
        return differences.Count == 0 ? true : throw new AssertionException(string.Join("\n", differences));
    }

    [Property(MaxTest = 100)]
    public bool Write_RandomModelById_LoadsBackEqualUpToOrder(int seed)
    {
        var model = RichRandomModel.Build(seed);
        var reloaded = ModelLoader.LoadText(ModelWriter.WriteString(model), "random.json");
        var differences = ModelComparison.DifferencesIgnoringOrder(model, reloaded.Model!);
        return !reloaded.HasErrors && differences.Count == 0 ? true : throw new AssertionException(string.Join("\n", reloaded.Diagnostics.Concat<object>(differences)));
    }

    [Property(MaxTest = 40)]
    public bool Write_RandomModelSplitByKind_LoadsBackEqual(int seed)
    {
        var model = RichRandomModel.Build(seed);
        using var temp = new TempFolder();
        var written = ModelWriter.WriteTo(model, temp.Path, new ModelWriterOptions { Split = ModelSplit.ByKind, Order = ElementOrder.AsDefined });
        var reloaded = ModelLoader.LoadFile(written[0]);
        var differences = ModelComparison.Differences(model, reloaded.Model!);
        return !reloaded.HasErrors && differences.Count == 0 ? true : throw new AssertionException(string.Join("\n", reloaded.Diagnostics.Concat<object>(differences)));
    }

    [Test]
    public void WriteTo_GeneratedModelSplitByRegion_LoadsBackEqualUpToOrder()
    {
        using var temp = new TempFolder();
        var generated = ModelGenerator.WriteTo(Path.Combine(temp.Path, "gen"), new GeneratorOptions { Agencies = 300, Seed = 3 });
        var model = Load(generated.Files[0]);
        var written = ModelWriter.WriteTo(model, Path.Combine(temp.Path, "out"), new ModelWriterOptions { Split = ModelSplit.ByRegion, SchemaPath = "archmodel.schema.json" });
        Assert.That(written.Count, Is.GreaterThan(2), "one file per region");
        Assert.That(written.Skip(1).All(static f => f.Contains("/regions/", StringComparison.Ordinal) || f.Contains("\\regions\\", StringComparison.Ordinal)));
        Assert.That(File.ReadAllText(written[1]), Does.Contain("\"$schema\": \"../archmodel.schema.json\""));
        var reloaded = Load(written[0]);
        Assert.That(ModelComparison.DifferencesIgnoringOrder(model, reloaded), Is.Empty);
        // The same model written again (now loaded from the split files) gives the same single file, element for element.
        Assert.That(ModelComparison.DifferencesIgnoringOrder(model, Reload(ModelWriter.WriteString(reloaded))), Is.Empty);
    }

    [Test]
    public void Write_GeneratedModel_LoadsBackEqual()
    {
        using var temp = new TempFolder();
        var generated = ModelGenerator.WriteTo(temp.Path, new GeneratorOptions { Agencies = 500, Seed = 7 });
        var model = Load(generated.Files[0]);
        Assert.That(ModelComparison.Differences(model, Reload(ModelWriter.WriteString(model))), Is.Empty);
    }

    [Test]
    public void Write_SplitToStream_Refused()
    {
        var model = new ModelBuilder().Build().Model;
        Assert.Throws<ArgumentException>(() => ModelWriter.Write(model, Stream.Null, new ModelWriterOptions { Split = ModelSplit.ByKind }));
    }
}

[TestFixture]
public class LoadFromStreamTests
{
    [Test]
    public void LoadText_BrokenModel_DiagnosticsNameTheCallersFile()
    {
        var json = "{ \"formatVersion\": \"1\",\n  \"systems\": [ { \"id\": \"sys.a\", \"name\": \"A\", \"owner\": \"nobody\" } ] }";
        var result = ModelLoader.LoadText(json, "inbox/台账.json");
        Assert.That(result.Diagnostics.Select(static d => d.Format(Language.English)),
            Is.EqualTo(new[] { "inbox/台账.json(2,55): error AM0006: Property 'owner' references unknown agency 'nobody'." }));
        Assert.That(result.Files, Is.EqualTo(new[] { "inbox/台账.json" }));
    }

    [Test]
    public void LoadStream_SameBytesAsAFile_SameModelAndDiagnostics()
    {
        var path = Path.Combine(TestPaths.Models, "quickstart", "model.json");
        using var stream = File.OpenRead(path);
        var fromStream = ModelLoader.LoadStream(stream, "model.json");
        var fromFile = ModelLoader.LoadFile(path);
        Assert.That(fromStream.Diagnostics, Is.Empty);
        Assert.That(ModelComparison.Differences(fromFile.Model!, fromStream.Model!), Is.Empty);
        Assert.That(stream.CanRead, Is.True, "the stream is not closed");
    }

    [Test]
    public void LoadText_IncludesWithoutFolder_RefusedWithAM0009()
    {
        var result = ModelLoader.LoadText("{ \"formatVersion\": \"1\", \"includes\": [\"more.json\"] }", "root.json");
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.IncludeProblem));
        Assert.That(diagnostic.Location!.ToString(), Is.EqualTo("root.json(1,38)"));
        Assert.That(diagnostic.Message.English, Does.Contain("has no folder"));
    }

    [Test]
    public void LoadStream_IncludesWithFolder_ResolvedThere()
    {
        using var temp = new TempFolder();
        temp.Write("parts/agencies.json", "{ \"agencies\": [ { \"id\": \"ag.a\", \"name\": \"A\", \"level\": \"county\" } ] }");
        var result = ModelLoader.LoadText("{ \"formatVersion\": \"1\", \"includes\": [\"parts/*.json\", \"../escape.json\"] }", "root.json",
            new LoadOptions { DisplayBase = temp.Path }, includeFolder: temp.Path);
        Assert.That(result.Model!.Agencies.Single().Id, Is.EqualTo("ag.a"));
        Assert.That(result.Files, Is.EqualTo(new[] { "root.json", "parts/agencies.json" }));
        Assert.That(result.Diagnostics.Single().Message.English, Does.Contain("leads outside"));
    }

    [Test]
    public void LoadStream_LargerThanTheLimit_RootReadFailed()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 2000) + "{}"));
        var result = ModelLoader.LoadStream(stream, "big.json", new LoadOptions { MaxFileBytes = 1000 });
        Assert.That(result.RootReadFailed, Is.True);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.IncludeProblem));
    }
}
