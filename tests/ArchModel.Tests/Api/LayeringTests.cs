using System.Text.RegularExpressions;

namespace ArchModel.Tests.Api;

/// <summary>
/// The namespaces of the library depend in one direction only, as docs/architecture.md draws them: each on
/// namespaces of a lower layer, never on its own layer's neighbours or above. Read from the sources (using
/// directives and qualified names, comments and strings left out), so a new reference upwards fails here.
/// </summary>
public sealed partial class LayeringTests
{
    // The layers, lowest first; a namespace may use any namespace of a lower layer.
    private static readonly string[][] Layers =
    [
        ["Diagnostics"],
        ["Model"],
        ["Localization"],
        ["Loading", "Graph"],
        ["Analysis"],
        ["Output"],
        ["Diagrams", "Planning", "Interop", "Generation"],
        ["Documents"],
        ["Site"],
    ];

    [Test]
    public void Namespaces_DependOnlyOnLowerLayers()
    {
        var layerOf = Layers.SelectMany((names, layer) => names.Select(name => (name, layer))).ToDictionary(p => p.name, p => p.layer);
        var library = Path.Combine(TestPaths.RepoRoot, "src", "ArchModel");
        var folders = Directory.GetDirectories(library).Select(Path.GetFileName).Where(static f => f is not ("bin" or "obj")).ToList();
        Assert.That(folders, Is.EquivalentTo(layerOf.Keys), "every namespace folder has a layer here and in docs/architecture.md");

        var wrong = new List<string>();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(library, folder!), "*.cs", SearchOption.AllDirectories))
            {
                var code = Strings().Replace(Comments().Replace(File.ReadAllText(file), ""), "\"\"");
                foreach (var other in folders.Where(o => o != folder))
                {
                    var used = Regex.IsMatch(code, $@"\bArchModel\.{other}\b") || Regex.IsMatch(code, $@"(?<![\w.]){other}\.[A-Z]");
                    if (used && layerOf[other!] >= layerOf[folder!])
                    {
                        wrong.Add($"{Path.GetRelativePath(library, file)} uses {other}");
                    }
                }
            }
        }
        Assert.That(wrong, Is.Empty);
    }

    [GeneratedRegex(@"//.*")]
    private static partial Regex Comments();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Strings();
}
