using System.Reflection;
using System.Text;
using System.Xml.Linq;
using ArchModel.Model;
using PublicApiGenerator;

namespace ArchModel.Tests.Api;

/// <summary>
/// The library's public API, deliberate and visible in review: the whole surface is compared with
/// TestFiles/Api/ArchModel.approved.txt, so every change to it shows as a change of that file
/// (<c>scripts/approve-api.sh</c> rewrites it; see docs/architecture.md, The public API is deliberate).
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Library = typeof(ArchitectureModel).Assembly;

    private static string Surface() =>
        Library.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The assembly's attributes (InternalsVisibleTo, the target framework) are no part of what a program calls.
            ExcludeAttributes = ["System.Runtime.CompilerServices.InternalsVisibleToAttribute", "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute"],
        }).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Test]
    public void PublicApi_Library_MatchesApprovedSurface()
    {
        var api = Surface();
        // Read from the source tree, not the test's output folder: the file a review sees is the one compared.
        var approved = Path.Combine(TestPaths.RepoRoot, "tests", "ArchModel.Tests", "TestFiles", "Api", "ArchModel.approved.txt");
        if (Environment.GetEnvironmentVariable("ARCHMODEL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(approved, api, new UTF8Encoding(false));
            Assert.Pass("ArchModel.approved.txt rewritten");
        }
        Assert.That(File.Exists(approved), Is.True, "ArchModel.approved.txt is missing: run scripts/approve-api.sh and review it");
        Assert.That(api, Is.EqualTo(File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal)),
            "the public API changed: if on purpose, run scripts/approve-api.sh, review the diff of ArchModel.approved.txt and commit it");
    }

    [Test]
    public void PublicApi_NoSignature_NamesQuikGraphOrOpenXmlTypes()
    {
        // QuikGraph, the Open XML SDK and CsvHelper are how ArchModel works, not part of what it offers: a program that
        // references ArchModel gets them at run time only, so no public signature may name them.
        var api = Surface();
        Assert.Multiple(() =>
        {
            Assert.That(api, Does.Not.Contain("QuikGraph"));
            Assert.That(api, Does.Not.Contain("DocumentFormat.OpenXml"));
            Assert.That(api, Does.Not.Contain("CsvHelper"));
        });
    }

    [Test]
    public void PublicApi_OutputNamespace_IsInternal()
    {
        // The JSON and SARIF writers, the schema text and the tool's name are the command line's helpers.
        var visible = Library.GetExportedTypes().Where(static t => t.Namespace == "ArchModel.Output").Select(static t => t.FullName);
        Assert.That(visible, Is.Empty);
    }

    [Test]
    public void XmlDocumentation_HoldsOnlyPublicTypesAndTheirMembers()
    {
        var file = Path.ChangeExtension(Library.Location, ".xml");
        Assert.That(File.Exists(file), Is.True, $"{file} is missing");
        var exported = Library.GetExportedTypes().Select(static t => t.FullName!.Replace('+', '.')).ToHashSet(StringComparer.Ordinal);
        var strays = XDocument.Load(file).Descendants("member")
            .Select(static m => (string)m.Attribute("name")!)
            .Where(name => !exported.Contains(TypeOf(name)))
            .ToList();
        Assert.That(strays, Is.Empty, "documentation of types a program cannot see");
    }

    /// <summary>The type a documentation id (<c>T:A.B</c>, <c>M:A.B.C(System.String)</c>) belongs to.</summary>
    private static string TypeOf(string id)
    {
        var name = id[2..];
        if (id[0] == 'T')
        {
            return StripArity(name);
        }
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            name = name[..paren];
        }
        // A member name may hold dots of its own (an explicit interface implementation, #ctor): the type is what is
        // left before the last dot that is not inside the member's name.
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        var end = hash >= 0 ? name.LastIndexOf('.', hash) : name.LastIndexOf('.');
        return StripArity(name[..end]);
    }

    private static string StripArity(string name) =>
        string.Join('.', name.Split('.').Select(static part => part.IndexOf('`', StringComparison.Ordinal) is var i and >= 0 ? part[..i] : part));
}
