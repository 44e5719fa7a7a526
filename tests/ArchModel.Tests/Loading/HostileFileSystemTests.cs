using System.Diagnostics;
using System.Text;

namespace ArchModel.Tests.Loading;

/// <summary>
/// File systems built to break a loader: pipes, devices, links out of the model's folder, one file reached twice, paths
/// no file can have. None may hang, exhaust memory, leak what lies outside the folder, or throw (docs/reliability.md).
/// </summary>
[NonParallelizable]
public sealed class HostileFileSystemTests
{
    private const string Root = """
        { "formatVersion": "1", "model": { "id": "m", "name": "M", "language": "en" },
          "includes": [INCLUDES] }
        """;

    private static string RootWith(params string[] includes) =>
        Root.Replace("INCLUDES", string.Join(", ", includes.Select(static i => "\"" + i + "\"")), StringComparison.Ordinal);

    private const string Agencies = """{ "agencies": [ { "id": "ag.a", "name": "A", "level": "county", "region": "990101" } ] }""";

    /// <summary>Loads on another thread, so that a load that blocks fails the test instead of hanging the run.</summary>
    private static LoadResult LoadWithin(string path, string folder, int seconds = 20)
    {
        var load = Task.Run(() => ModelLoader.LoadFile(path, new LoadOptions { DisplayBase = folder }));
        if (!load.Wait(TimeSpan.FromSeconds(seconds)))
        {
            Assert.Fail($"the load did not finish within {seconds} s");
        }
        return load.Result;
    }

    internal static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "mkfifo");
    }

    /// <summary>Lets a loader blocked opening a FIFO (the old behaviour) go on, so the test run can end.</summary>
    private static void Release(string fifo) => _ = Task.Run(() =>
    {
        try
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }
        catch (IOException)
        {
        }
    });

    [Test]
    public void Load_IncludeIsAFifo_ReportsAm0009AtTheIncludeWithoutBlocking()
    {
        using var temp = new TempFolder();
        var fifo = Path.Combine(temp.Path, "pipe.json");
        MakeFifo(fifo);
        var root = temp.Write("model.json", RootWith("pipe.json"));
        try
        {
            var d = LoadWithin(root, temp.Path).Diagnostics.Single();
            Assert.That((d.Code, d.Location!.File, d.Location.Line, d.Location.Column), Is.EqualTo(("AM0009", "model.json", 2, 16)));
            Assert.That(d.Message.English, Does.Contain("not a regular file"));
        }
        finally
        {
            Release(fifo);
        }
    }

    [Test]
    public void Load_GlobMatchingAFifo_ReportsAm0009WithoutBlocking()
    {
        using var temp = new TempFolder();
        temp.Write("parts/a.json", Agencies);
        var fifo = Path.Combine(temp.Path, "parts", "b.json");
        MakeFifo(fifo);
        var root = temp.Write("model.json", RootWith("parts/*.json"));
        try
        {
            var result = LoadWithin(root, temp.Path);
            Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0009" }));
            Assert.That(result.Model!.GetAgency("ag.a"), Is.Not.Null, "the regular file beside the pipe is still read");
        }
        finally
        {
            Release(fifo);
        }
    }

    [TestCase("/dev/zero")]
    [TestCase("/dev/urandom")]
    public void Load_IncludeLinkedToADevice_IsRefusedWithoutReadingIt(string device)
    {
        using var temp = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(temp.Path, "data.json"), device);
        var root = temp.Write("model.json", RootWith("data.json"));
        var d = LoadWithin(root, temp.Path).Diagnostics.Single();
        Assert.That((d.Code, d.Location!.Line), Is.EqualTo(("AM0009", 2)));
    }

    [Test]
    public void Load_IncludeLinkedToAFileOutsideTheFolder_IsRefusedAndNothingOfItShows()
    {
        using var temp = new TempFolder();
        using var outside = new TempFolder();
        var secret = outside.Write("secret.json", "S3CRET-CONTENT that is not JSON");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "data.json"), secret);
        var root = temp.Write("model.json", RootWith("data.json"));
        var d = LoadWithin(root, temp.Path).Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo("AM0009"));
        Assert.That(d.Message.English, Does.Contain("outside"));
        Assert.That(d.Message.English + d.Message.Chinese, Does.Not.Contain("S3CRET").And.Not.Contain("'S'"));
    }

    [Test]
    public void Load_PatternThroughALinkedFolderOutside_IsRefusedWithoutListingItsFiles()
    {
        using var temp = new TempFolder();
        using var outside = new TempFolder();
        outside.Write("hidden-name-1.json", Agencies);
        outside.Write("hidden-name-2.json", Agencies);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "linked"), outside.Path);
        var root = temp.Write("model.json", RootWith("linked/*.json", "linked/hidden-name-1.json"));
        var result = LoadWithin(root, temp.Path);
        Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0009", "AM0009" }));
        Assert.That(result.Diagnostics.All(static d => d.Message.English.Contains("outside", StringComparison.Ordinal)), Is.True);
        Assert.That(result.Files, Is.EqualTo(new[] { "model.json" }));
    }

    [Test]
    public void Load_LinksInsideTheFolder_AreFollowed()
    {
        using var temp = new TempFolder();
        temp.Write("real/agencies.json", Agencies);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "alias.json"), Path.Combine("real", "agencies.json"));
        var root = temp.Write("model.json", RootWith("alias.json"));
        var result = LoadWithin(root, temp.Path);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Model!.GetAgency("ag.a"), Is.Not.Null);
    }

    [Test]
    public void Load_RootGivenThroughALinkedFolder_ReadsItsIncludes()
    {
        using var temp = new TempFolder();
        temp.Write("m/agencies.json", Agencies);
        temp.Write("m/model.json", RootWith("agencies.json", "*.json"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "mlink"), Path.Combine(temp.Path, "m"));
        var result = LoadWithin(Path.Combine(temp.Path, "mlink", "model.json"), temp.Path);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Files, Has.Count.EqualTo(2));
    }

    [Test]
    public void Load_SameFileDirectlyAndThroughALink_IsReadOnce()
    {
        using var temp = new TempFolder();
        temp.Write("agencies.json", Agencies);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "again.json"), "agencies.json");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "folder-link"), temp.Path);
        var root = temp.Write("model.json", RootWith("agencies.json", "again.json", "folder-link/agencies.json"));
        var result = LoadWithin(root, temp.Path);
        Assert.That(result.Diagnostics, Is.Empty, "no AM0005 for an id defined in one file reached three ways");
        Assert.That(result.Files, Is.EqualTo(new[] { "model.json", "agencies.json" }));
    }

    [Test]
    public void Load_RootIncludedAgainThroughALink_IsACycleNotADuplicate()
    {
        using var temp = new TempFolder();
        var root = temp.Write("model.json", RootWith("self.json"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "self.json"), "model.json");
        var d = LoadWithin(root, temp.Path).Diagnostics.Single();
        Assert.That((d.Code, d.Severity), Is.EqualTo(("AM0009", DiagnosticSeverity.Warning)));
    }

    [TestCase("x\\u0000y.json")]
    [TestCase("\\u0000")]
    [TestCase("parts/\\u0000*.json")]
    public void Load_IncludeWithANullCharacter_IsLocatedAm0009(string include)
    {
        using var temp = new TempFolder();
        var root = temp.Write("model.json", RootWith(include));
        var d = LoadWithin(root, temp.Path).Diagnostics.Single();
        Assert.That((d.Code, d.Location!.Line, d.Location.Column), Is.EqualTo(("AM0009", 2, 16)));
        Assert.That(d.Message.English, Does.Contain("null character"));
    }

    [TestCase("")]
    [TestCase("a\0b.json")]
    public void LoadFile_PathThatNamesNoFile_ReportsTheRootUnreadable(string path)
    {
        var result = ModelLoader.LoadFile(path);
        Assert.That(result.RootReadFailed, Is.True);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("AM0009"));
    }

    [Test]
    public void Load_SyntaxErrorBeforeLaterIds_ReportsNoUnknownReferenceAndKeepsCheckingTheRest()
    {
        using var temp = new TempFolder();
        var root = temp.Write("model.json", """
            { "formatVersion": "1", "model": { "id": "m" },
              "includes": ["systems.json"],
              "agencies": [ { "id": "ag.a", "name": "A", "level": "county" } x,
                            { "id": "ag.b", "name": "B", "level": "county" } ] }
            """);
        temp.Write("systems.json", """
            { "systems": [ { "id": "s.1", "name": "S", "owner": "ag.b", "protectionLevel": "high" } ] }
            """);
        var result = LoadWithin(root, temp.Path);
        Assert.That(result.Diagnostics.Select(static d => (d.Code, d.Location!.File)),
            Is.EqualTo(new[] { ("AM0001", "model.json"), ("AM0004", "systems.json") }),
            "the syntax error, and the real error in the file that parsed; no AM0006 for ag.b, which the unread rest defines");
    }

    [Test]
    public void Load_UnreadableInclude_ReportsNoUnknownReference()
    {
        using var temp = new TempFolder();
        var root = temp.Write("model.json", """
            { "formatVersion": "1", "model": { "id": "m" }, "includes": ["missing.json"],
              "systems": [ { "id": "s.1", "name": "S", "owner": "ag.elsewhere" } ] }
            """);
        Assert.That(LoadWithin(root, temp.Path).Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0009" }));
    }

    [Test]
    public void Load_CompleteModel_StillReportsUnknownReferences()
    {
        using var temp = new TempFolder();
        var root = temp.Write("model.json", """
            { "formatVersion": "1", "model": { "id": "m" },
              "systems": [ { "id": "s.1", "name": "S", "owner": "ag.none" } ] }
            """);
        Assert.That(LoadWithin(root, temp.Path).Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0006" }));
    }

    [TestCase("，", ",", "{ \"formatVersion\": \"1\"， \"model\": { \"id\": \"m\" } }")]
    [TestCase("：", ":", "{ \"formatVersion\"： \"1\" }")]
    [TestCase("“", "\"", "{ \"formatVersion\": “1” }")]
    [TestCase("【", "[", "{ \"formatVersion\": \"1\", \"agencies\": 【 ] }")]
    [TestCase("｛", "{", "{ \"formatVersion\": \"1\", \"model\": ｛ } }")]
    public void Load_FullWidthPunctuation_NamesTheCharacterAndTheAsciiOne(string character, string ascii, string text)
    {
        using var temp = new TempFolder();
        var root = temp.WriteBytes("model.json", Encoding.UTF8.GetBytes(text));
        var d = LoadWithin(root, temp.Path).Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo("AM0001"));
        Assert.That(d.Location!.Column, Is.EqualTo(text.IndexOf(character, StringComparison.Ordinal) + 1));
        Assert.That(d.Message.Chinese, Does.Contain($"“{character}”是全角字符").And.Contain($"“{ascii}”"));
        Assert.That(d.Message.English, Does.Contain($"'{character}'").And.Contain($"ASCII '{ascii}'").And.Not.Contain("0x"));
    }

    [Test]
    public void Load_OtherCharacterOutsideAString_IsNamedNotItsFirstByte()
    {
        using var temp = new TempFolder();
        var root = temp.WriteBytes("model.json", Encoding.UTF8.GetBytes("{ \"formatVersion\": 好 }"));
        var d = LoadWithin(root, temp.Path).Diagnostics.Single();
        Assert.That(d.Message.English, Does.Contain("'好' (U+597D)").And.Not.Contain("0xE5"));
    }

    [Test]
    public void RealPath_FollowsLinksInFoldersAndNames()
    {
        using var temp = new TempFolder();
        temp.Write("a/b/file.json", "{}");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "l1"), "a");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "a", "b", "f2"), Path.Combine("..", "b", "file.json"));
        var real = FilePaths.RealPath(temp.Path);
        Assert.That(FilePaths.RealPath(Path.Combine(temp.Path, "l1", "b", "f2")), Is.EqualTo(Path.Combine(real, "a", "b", "file.json")));
        Assert.That(FilePaths.RealPath(Path.Combine(temp.Path, "l1", "b", "new.json")), Is.EqualTo(Path.Combine(real, "a", "b", "new.json")));
        Assert.That(FilePaths.KindOf(Path.Combine(temp.Path, "l1")), Is.EqualTo(FileKind.Directory));
        Assert.That(FilePaths.KindOf("/dev/null"), Is.EqualTo(FileKind.Special));
        Assert.That(FilePaths.KindOf(Path.Combine(temp.Path, "l1", "b", "f2")), Is.EqualTo(FileKind.Regular));
    }

    [Test]
    public void RealPath_LinkLoop_EndsWithoutThrowing()
    {
        using var temp = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(temp.Path, "x"), "y");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "y"), "x");
        Assert.That(() => FilePaths.RealPath(Path.Combine(temp.Path, "x", "z")), Throws.Nothing);
        var root = temp.Write("model.json", RootWith("x", "x/*.json"));
        Assert.That(LoadWithin(root, temp.Path).Diagnostics.Select(static d => d.Code), Is.All.EqualTo("AM0009"));
    }
}
