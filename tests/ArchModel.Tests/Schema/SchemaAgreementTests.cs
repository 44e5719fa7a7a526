using NJsonSchema;

namespace ArchModel.Tests.Schema;

/// <summary>The shipped JSON Schema and the loader must agree: valid models pass both, structurally bad files fail both.</summary>
public sealed class SchemaAgreementTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(TestPaths.SchemaFile)).GetAwaiter().GetResult());

    /// <summary>Codes the schema can see: syntax, unknown and missing properties, types and ranges, version.</summary>
    private static readonly string[] StructuralCodes = ["AM0002", "AM0003", "AM0004", "AM0010"];

    public static IEnumerable<string> ModelFiles() =>
        TestPaths.SampleModels().SelectMany(static root => Directory.EnumerateFiles(Path.GetDirectoryName(root)!, "*.json", SearchOption.AllDirectories))
            .Where(static f => !f.Contains("schema", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);

    [Test]
    public void SampleModels_LoadWithoutDiagnostics()
    {
        var roots = TestPaths.SampleModels().ToList();
        Assert.That(roots, Has.Count.GreaterThanOrEqualTo(3));
        foreach (var root in roots)
        {
            var result = ModelLoader.LoadFile(root);
            Assert.That(result.Diagnostics, Is.Empty, root + ":\n" + string.Join("\n", result.Diagnostics));
        }
    }

    [Test]
    public void SampleModelFiles_PassTheSchema()
    {
        var files = ModelFiles().ToList();
        Assert.That(files, Has.Count.GreaterThan(5));
        foreach (var file in files)
        {
            var errors = Schema.Value.Validate(File.ReadAllText(file));
            Assert.That(errors, Is.Empty, $"{file}: {string.Join("; ", errors.Select(static e => $"{e.Path} {e.Kind}"))}");
        }
    }

    [Test]
    public void InvalidCorpus_FilesTheLoaderRejectsStructurally_FailTheSchema()
    {
        var folder = Path.Combine(TestPaths.TestFiles, "Invalid");
        var checkedCount = 0;
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var root = Path.Combine(dir, "model.json");
            var result = ModelLoader.LoadFile(root, new LoadOptions { DisplayBase = dir });
            // One schema serves root and included files, so it cannot require the root's formatVersion.
            var rootDiagnostics = result.Diagnostics
                .Where(static d => d.Location?.File == "model.json" && !(d.Code == "AM0003" && d.Location.Path.Length == 0))
                .Select(static d => d.Code).ToList();
            if (rootDiagnostics.Count == 0 || !rootDiagnostics.All(StructuralCodes.Contains))
            {
                continue;
            }
            checkedCount++;
            var errors = Schema.Value.Validate(File.ReadAllText(root));
            Assert.That(errors, Is.Not.Empty, $"{Path.GetFileName(dir)}: the loader reports {string.Join(", ", rootDiagnostics)} but the schema accepts the file");
        }
        Assert.That(checkedCount, Is.GreaterThanOrEqualTo(10));
    }
}
