namespace ArchModel.Tests.Loading;

public sealed class LoaderTests
{
    private static LoadResult Load(TempFolder temp, string root = "model.json") =>
        ModelLoader.LoadFile(Path.Combine(temp.Path, root), new LoadOptions { DisplayBase = temp.Path });

    private const string Root = """{ "formatVersion": "1", "model": { "id": "m" }, "includes": [INCLUDES] }""";

    [Test]
    public void Load_GlobIncludes_LoadsMatchesInOrdinalOrderOnce()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", Root.Replace("INCLUDES", "\"parts/**/*.json\", \"parts/b.json\"", StringComparison.Ordinal));
        temp.Write("parts/b.json", """{ "agencies": [ { "id": "b", "name": "B", "level": "county" } ] }""");
        temp.Write("parts/a.json", """{ "agencies": [ { "id": "a", "name": "A", "level": "county" } ] }""");
        temp.Write("parts/deep/c.json", """{ "agencies": [ { "id": "c", "name": "C", "level": "county" } ] }""");
        var result = Load(temp);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Files, Is.EqualTo(new[] { "model.json", "parts/a.json", "parts/b.json", "parts/deep/c.json" }));
        Assert.That(result.Model!.Agencies.Select(static a => a.Id), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void Load_DiamondInclude_ReadsTheSharedFileOnceWithoutWarning()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", Root.Replace("INCLUDES", "\"a.json\", \"b.json\"", StringComparison.Ordinal));
        temp.Write("a.json", """{ "includes": ["shared.json"] }""");
        temp.Write("b.json", """{ "includes": ["shared.json"] }""");
        temp.Write("shared.json", """{ "agencies": [ { "id": "s", "name": "S", "level": "county" } ] }""");
        var result = Load(temp);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Files, Is.EqualTo(new[] { "model.json", "a.json", "shared.json", "b.json" }));
    }

    [Test]
    public void Load_SiblingAlreadyIncludedByAnEarlierSibling_JoinsWhereItWasFirstIncluded()
    {
        // The files of one list are parsed side by side; the order they join in is still depth-first.
        using var temp = new TempFolder();
        temp.Write("model.json", Root.Replace("INCLUDES", "\"a.json\", \"shared.json\", \"z.json\"", StringComparison.Ordinal));
        temp.Write("a.json", """{ "includes": ["shared.json"], "agencies": [ { "id": "a", "name": "A", "level": "county" } ] }""");
        temp.Write("shared.json", """{ "agencies": [ { "id": "s", "name": "S", "level": "county" } ] }""");
        temp.Write("z.json", """{ "agencies": [ { "id": "z", "name": "Z", "level": "county" } ] }""");
        var result = Load(temp);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Files, Is.EqualTo(new[] { "model.json", "a.json", "shared.json", "z.json" }));
        Assert.That(result.Model!.Agencies.Select(static a => a.Id), Is.EqualTo(new[] { "a", "s", "z" }));
    }

    [Test]
    public void Load_ManyIncludedFiles_KeepsListOrderLocationsAndDiagnosticsOfEachFile()
    {
        using var temp = new TempFolder();
        var names = Enumerable.Range(0, 24).Select(static i => $"r{i:00}.json").ToArray();
        temp.Write("model.json", Root.Replace("INCLUDES", string.Join(", ", names.Reverse().Select(static n => $"\"{n}\"")), StringComparison.Ordinal));
        for (var i = 0; i < names.Length; i++)
        {
            // Every file has two agencies (the second on line 3) and one reference to an unknown agency.
            temp.Write(names[i], $$"""
                { "agencies": [ { "id": "a{{i}}", "name": "机构{{i}}", "level": "county" },
                  { "id": "b{{i}}", "name": "机构{{i}}乙", "level": "county",
                    "parent": "missing{{i}}" } ] }
                """);
        }
        for (var run = 0; run < 3; run++)
        {
            var result = Load(temp);
            Assert.That(result.Files, Is.EqualTo(new[] { "model.json" }.Concat(names.Reverse())));
            var expected = Enumerable.Range(0, names.Length).Reverse().SelectMany(static i => new[] { $"a{i}", $"b{i}" });
            Assert.That(result.Model!.Agencies.Select(static a => a.Id), Is.EqualTo(expected));
            var b7 = result.Model.GetAgency("b7")!;
            Assert.That((b7.Location!.File, b7.Location.Line, b7.Location.Column, b7.Location.Path), Is.EqualTo(("r07.json", 2, 3, "agencies[1]")));
            Assert.That(result.Diagnostics.Select(static d => (d.Code, d.Location!.File, d.Location.Line, d.Location.Path)),
                Is.EqualTo(names.Order(StringComparer.Ordinal).Select(static n => ("AM0006", n, 3, "agencies[1].parent"))));
        }
    }

    [Test]
    public void Load_ElementLocation_IsAnOrdinaryLocationWhosePathIsFormattedOnRead()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", Root.Replace("INCLUDES", "\"a.json\"", StringComparison.Ordinal));
        temp.Write("a.json", """{ "agencies": [ { "id": "a", "name": "A", "level": "county" }, { "id": "b", "name": "B", "level": "county" } ] }""");
        var location = Load(temp).Model!.GetAgency("b")!.Location!;
        var same = new SourceLocation("a.json", 1, 64, "agencies[1]");
        Assert.Multiple(() =>
        {
            Assert.That(location, Is.EqualTo(same));
            Assert.That(location.GetHashCode(), Is.EqualTo(same.GetHashCode()));
            Assert.That(location.Path, Is.EqualTo("agencies[1]"));
            Assert.That((location with { Path = "agencies[1].name" }).Path, Is.EqualTo("agencies[1].name"));
            Assert.That(location.Path, Is.EqualTo("agencies[1]"));
        });
    }

    [Test]
    public void Load_ElementLocations_AreLinesAndUtf16ColumnsWhateverTheLineEndings()
    {
        // Element lines are counted forward from the previous element; this checks them against the text.
        foreach (var newline in new[] { "\n", "\r\n" })
        {
            using var temp = new TempFolder();
            temp.Write("model.json", Root.Replace("INCLUDES", "\"a.json\"", StringComparison.Ordinal));
            var agencies = Enumerable.Range(0, 40).Select(i =>
                string.Concat(Enumerable.Repeat(newline, i % 3)) + new string(' ', i % 5)
                + $$"""{ "id": "a{{i}}", "name": "机构𠀀{{i}}", "level": "county" }""");
            // Every other element shares its line with the one before (CJK and a surrogate pair before it).
            var text = "\uFEFF{ \"agencies\": [" + newline
                + string.Concat(agencies.Select((a, i) => (i == 0 ? "" : i % 2 == 0 ? ", " : "," + newline + "\t") + a)) + "] }";
            File.WriteAllText(Path.Combine(temp.Path, "a.json"), text, new System.Text.UTF8Encoding(false));
            var model = Load(temp).Model!;
            var body = text[1..];
            for (var i = 0; i < 40; i++)
            {
                var at = body.IndexOf($"{{ \"id\": \"a{i}\"", StringComparison.Ordinal);
                var line = body[..at].Count(static c => c == '\n') + 1;
                var column = at - (body.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
                var location = model.GetAgency($"a{i}")!.Location!;
                Assert.That((location.Line, location.Column), Is.EqualTo((line, column)), $"a{i} with {newline.Length}-character newlines");
            }
        }
    }

    [Test]
    public void Load_Cancelled_ThrowsOperationCanceled()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", Root.Replace("INCLUDES", "\"a.json\", \"b.json\"", StringComparison.Ordinal));
        temp.Write("a.json", """{ "agencies": [ { "id": "a", "name": "A", "level": "county" } ] }""");
        temp.Write("b.json", """{ "agencies": [ { "id": "b", "name": "B", "level": "county" } ] }""");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(() => ModelLoader.LoadFile(Path.Combine(temp.Path, "model.json"), null, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Load_IncludeCycle_WarnsAtTheIncludeAndLoadsEachFileOnce()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", Root.Replace("INCLUDES", "\"a.json\"", StringComparison.Ordinal));
        temp.Write("a.json", """{ "includes": ["model.json"] }""");
        var result = Load(temp);
        var d = result.Diagnostics.Single();
        Assert.That((d.Code, d.Severity, d.Location!.File, d.Location.Line, d.Location.Column),
            Is.EqualTo(("AM0009", DiagnosticSeverity.Warning, "a.json", 1, 16)));
    }

    [Test]
    public void Load_IncludeEscapingTheRootFolder_IsRefused()
    {
        using var temp = new TempFolder();
        temp.Write("outside.json", """{ "agencies": [ { "id": "x", "name": "X", "level": "county" } ] }""");
        temp.Write("m/model.json", Root.Replace("INCLUDES", "\"../outside.json\", \"../*.json\"", StringComparison.Ordinal));
        var result = ModelLoader.LoadFile(Path.Combine(temp.Path, "m", "model.json"), new LoadOptions { DisplayBase = temp.Path });
        Assert.That(result.Diagnostics.Select(static d => (d.Code, d.Location!.Column)), Is.EqualTo(new[] { ("AM0009", 62), ("AM0009", 81) }));
        Assert.That(result.Model!.Agencies, Is.Empty);
    }

    [Test]
    public void Load_FlowsWithoutIds_GetStableGeneratedIdsThatAvoidExplicitOnes()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", """
            { "formatVersion": "1",
              "agencies": [ { "id": "a", "name": "A", "level": "county" } ],
              "systems": [ { "id": "s1", "name": "1", "owner": "a" }, { "id": "s2", "name": "2", "owner": "a" } ],
              "flows": [ { "from": "s1", "to": "s2" }, { "id": "s1->s2#2", "from": "s2", "to": "s1" }, { "from": "s1", "to": "s2" } ] }
            """);
        var result = Load(temp);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Model!.Flows.Select(static f => f.Id), Is.EqualTo(new[] { "s1->s2", "s1->s2#2", "s1->s2#3" }));
        Assert.That(result.Model.Flows.Select(static f => f.IdGenerated), Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void Load_ChineseBeforeAnError_CountsColumnsInUtf16Units()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", "{ \"formatVersion\": \"1\", \"agencies\": [ { \"id\": \"机构\", \"name\": \"省政府😀\", \"level\": \"国家\" } ] }");
        var d = Load(temp).Diagnostics.Single();
        // "level" value starts after: { "formatVersion": "1", "agencies": [ { "id": "机构", "name": "省政府😀", "level": — the emoji is two UTF-16 units.
        var text = "{ \"formatVersion\": \"1\", \"agencies\": [ { \"id\": \"机构\", \"name\": \"省政府😀\", \"level\": ";
        Assert.That((d.Code, d.Location!.Column, d.Location.Path), Is.EqualTo(("AM0004", text.Length + 1, "agencies[0].level")));
    }

    [Test]
    public void Load_MissingRootFile_ReportsRootReadFailed()
    {
        using var temp = new TempFolder();
        var result = Load(temp, "absent.json");
        Assert.That(result.RootReadFailed, Is.True);
        Assert.That(result.Model, Is.Null);
        Assert.That(result.Diagnostics.Single().Location!.File, Is.EqualTo("absent.json"));
    }

    [Test]
    public void Load_DanglingReferenceToAnElementDroppedForAnError_IsNotReportedTwice()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", """
            { "formatVersion": "1",
              "agencies": [ { "id": "a", "level": "county" } ],
              "systems": [ { "id": "s1", "name": "1", "owner": "a" } ] }
            """);
        var result = Load(temp);
        Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0003" }));
    }

    [Test]
    public void Load_DoesNotModifyItsInput()
    {
        using var temp = new TempFolder();
        var path = temp.Write("model.json", """{ "formatVersion": "1", "bad": [1,2,] }""");
        var before = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);
        Load(temp);
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(stamp));
    }

    [Test]
    public void Load_SameModelTwice_GivesIdenticalDiagnostics()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", """{ "formatVersion": "2", "agencies": [ { "id": "a", "name": "", "level": "x", "parent": "a" } ], "zz": 1 }""");
        var first = Load(temp).Diagnostics.Select(static d => d.ToString()).ToList();
        var second = Load(temp).Diagnostics.Select(static d => d.ToString()).ToList();
        Assert.That(first, Is.Not.Empty);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Load_RepeatedListsAndComponents_AreSharedAndKeepTheirValues()
    {
        using var temp = new TempFolder();
        temp.Write("model.json", Root.Replace("INCLUDES", "\"a.json\"", StringComparison.Ordinal));
        temp.Write("a.json", """
            { "agencies": [ { "id": "a", "name": "A", "level": "county" } ],
              "networks": [ { "id": "n1", "name": "N1", "kind": "extranet" }, { "id": "n2", "name": "N2", "kind": "internet" } ],
              "systems": [
                { "id": "s1", "name": "1", "owner": "a", "networks": ["n1", "n2"],
                  "components": [ { "name": "鲲鹏920", "category": "chip", "origin": "domestic", "vendor": "华为" } ] },
                { "id": "s2", "name": "2", "owner": "a", "networks": ["n1", "n2"],
                  "components": [ { "name": "鲲鹏920", "category": "chip", "origin": "domestic", "vendor": "华为" } ] },
                { "id": "s3", "name": "3", "owner": "a", "networks": ["n2", "n1"],
                  "components": [ { "name": "鲲鹏920", "category": "chip", "origin": "domestic" } ] } ] }
            """);
        var result = Load(temp);
        Assert.That(result.Diagnostics, Is.Empty);
        var systems = result.Model!.Systems;
        Assert.That(systems[1].Networks, Is.SameAs(systems[0].Networks));
        Assert.That(systems[1].Components, Is.SameAs(systems[0].Components));
        Assert.That(systems[2].Networks, Is.EqualTo(new[] { "n2", "n1" }));
        Assert.That(systems[2].Components.Single(), Is.EqualTo(new SystemComponent("鲲鹏920", ComponentCategory.Chip, ComponentOrigin.Domestic, null)));
        Assert.That(systems[2].Components[0], Is.Not.SameAs(systems[0].Components[0]));
    }
}
