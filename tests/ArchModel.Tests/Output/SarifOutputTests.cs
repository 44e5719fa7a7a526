using ArchModel.Output;
using NJsonSchema;

namespace ArchModel.Tests.Output;

public sealed class SarifOutputTests
{
    [Test]
    public void WriteDiagnostics_OfAnInvalidModel_ValidatesAgainstTheSarifSchema()
    {
        using var temp = new TempFolder();
        var path = temp.Write("模型/model.json", """{ "formatVersion": "1", "agencies": [ { "id": "a", "name": "甲", "level": "x" } ], "extra": 1 }""");
        var result = ModelLoader.LoadFile(path, new LoadOptions { DisplayBase = temp.Path });
        Assert.That(result.Diagnostics, Has.Count.EqualTo(2));
        using var stream = new MemoryStream();
        SarifOutput.WriteDiagnostics(stream, result.Diagnostics, Language.Chinese);
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        var schema = JsonSchema.FromFileAsync(Path.Combine(TestPaths.TestFiles, "Schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult();
        var errors = schema.Validate(json);
        Assert.That(errors, Is.Empty, string.Join("; ", errors.Select(static e => $"{e.Path} {e.Kind}")));
        Assert.That(json, Does.Contain("\"uri\": \"%E6%A8%A1%E5%9E%8B/model.json\""));
        Assert.That(json, Does.Contain("\"ruleId\": \"AM0004\""));
    }
}
