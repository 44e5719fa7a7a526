using ArchModel.Generation;
using ArchModel.Tests.Output;

namespace ArchModel.Tests.Generation;

public sealed class ModelGeneratorTests
{
    [Test]
    public void Write_ALargeModel_ReachesTheStreamInPiecesAndTheSameEveryTime()
    {
        // A Utf8JsonWriter over a stream keeps everything until flushed: a national model in one file is 440 MB.
        // The generator hands it on about a megabyte at a time.
        var options = new GeneratorOptions { Agencies = 3000, Seed = 5 };
        using var pieces = new WriteSizes();
        ModelGenerator.Write(pieces, options);
        Assert.That(pieces.Length, Is.GreaterThan(4 << 20), "large enough to need several pieces");
        Assert.That(pieces.Writes, Is.GreaterThan(3));
        Assert.That(pieces.Largest, Is.LessThan(2 << 20));
        using var whole = new MemoryStream();
        ModelGenerator.Write(whole, options);
        Assert.That(pieces.ToArray(), Is.EqualTo(whole.ToArray()));
    }
}

public sealed class GeneratorShapeTests
{
    private static readonly GeneratorShape[] Shaped = [GeneratorShape.Realistic, GeneratorShape.HugeJurisdictions, GeneratorShape.DeepLines, GeneratorShape.UniformNames];

    private static byte[] Bytes(GeneratorOptions options)
    {
        using var stream = new MemoryStream();
        ModelGenerator.Write(stream, options);
        return stream.ToArray();
    }

    private static ArchModel.Model.ArchitectureModel Load(string root)
    {
        var load = ArchModel.Loading.ModelLoader.LoadFile(root);
        Assert.That(load.Diagnostics, Is.Empty, string.Join("\n", load.Diagnostics.Take(5)));
        return load.Model!;
    }

    private static ArchModel.Model.ArchitectureModel Generate(GeneratorShape shape, int agencies, bool split = false)
    {
        using var temp = new TempFolder();
        var written = ModelGenerator.WriteTo(temp.Path, new GeneratorOptions { Shape = shape, Agencies = agencies, SplitByRegion = split, Seed = 3 });
        var model = Load(written.Files[0]);
        Assert.That(model.Elements.LongCount(), Is.EqualTo(written.Elements));
        return model;
    }

    [TestCaseSource(nameof(Shaped))]
    public void Write_SameSeed_GivesTheSameBytesAndAnotherSeedOthers(GeneratorShape shape)
    {
        var options = new GeneratorOptions { Shape = shape, Agencies = 1200, Seed = 9 };
        var first = Bytes(options);
        Assert.That(Bytes(options), Is.EqualTo(first));
        Assert.That(Bytes(options with { Seed = 10 }), Is.Not.EqualTo(first));
    }

    [TestCaseSource(nameof(Shaped))]
    public void WriteTo_OneFileOrSplit_LoadsWithoutDiagnosticsAndTheSameElements(GeneratorShape shape)
    {
        var whole = Generate(shape, 1500);
        var split = Generate(shape, 1500, split: true);
        Assert.That(split.Files, Has.Count.GreaterThan(1));
        Assert.That(split.Elements.Select(static e => e.Id).Order(StringComparer.Ordinal),
            Is.EqualTo(whole.Elements.Select(static e => e.Id).Order(StringComparer.Ordinal)));
    }

    [TestCaseSource(nameof(Shaped))]
    public void AgencyCount_GrowsLinearlyWithAgencies(GeneratorShape shape)
    {
        foreach (var n in new[] { 2000, 20000, 200000 })
        {
            var count = ModelGenerator.AgencyCount(new GeneratorOptions { Shape = shape, Agencies = n });
            Assert.That(count, Is.InRange(n * 0.9, n * 1.1), $"{n}");
        }
    }

    [Test]
    public void Realistic_EveryDepartmentsParent_IsTheSameSectorOneLevelUp()
    {
        var model = Generate(GeneratorShape.Realistic, 3000);
        var agencies = model.Agencies.ToDictionary(static a => a.Id);
        var departments = model.Agencies.Where(static a => a.AgencyKind == ArchModel.Model.AgencyKind.Department).ToList();
        Assert.That(departments, Has.Count.GreaterThan(2500));
        foreach (var d in departments)
        {
            if (d.Level == ArchModel.Model.AgencyLevel.National)
            {
                Assert.That(d.Parent, Is.Null);
                continue;
            }
            var parent = agencies[d.Parent!];
            Assert.That(parent.Sector, Is.EqualTo(d.Sector), d.Id);
            Assert.That((int)parent.Level, Is.EqualTo((int)d.Level - 1), d.Id);
        }
        // Every government an office and twenty departments, down to counties; many systems share the office capabilities.
        Assert.That(model.Agencies.Where(static a => a.AgencyKind == ArchModel.Model.AgencyKind.Government).Count() * 21, Is.EqualTo(model.Agencies.Count));
        Assert.That(model.Agencies.Select(static a => a.Level).Distinct().Count(), Is.EqualTo(4));
        Assert.That(model.Systems.Count(static s => s.Capabilities.Contains("cap.oa")), Is.GreaterThan(500));
        Assert.That(model.Systems.Count(static s => s.UsedBy.Count > 0), Is.GreaterThan(model.Systems.Count / 10));
        Assert.That(model.Systems.Count * 6, Is.InRange(model.Elements.Count(), model.Elements.Count() * 2), "about one element in four a system");
    }

    [Test]
    public void HugeJurisdictions_FewJurisdictionsOfManyAgencies_AndFewNames()
    {
        var model = Generate(GeneratorShape.HugeJurisdictions, 2200);
        var jurisdictions = model.Agencies.GroupBy(static a => a.Jurisdiction).ToList();
        Assert.That(jurisdictions, Has.Count.EqualTo(4));
        Assert.That(jurisdictions.All(static j => j.Count() == 550));
        Assert.That(model.Systems.Count, Is.GreaterThan(2200 * 40));
        Assert.That(model.Systems.Select(static s => s.Name).Distinct().Count(), Is.LessThan(500));
    }

    [Test]
    public void DeepLines_OneMinistryHasHalfTheAgenciesBelowIt_AndAChainIsATwentiethDeep()
    {
        const int n = 4000;
        var model = Generate(GeneratorShape.DeepLines, n);
        var parent = model.Agencies.Where(static a => a.Parent is not null).ToDictionary(static a => a.Id, static a => a.Parent!);
        var descendants = new Dictionary<string, int>();
        var deepest = 0;
        foreach (var a in model.Agencies)
        {
            var depth = 0;
            for (var p = a.Id; parent.TryGetValue(p, out var up); p = up)
            {
                descendants[up] = descendants.GetValueOrDefault(up) + 1;
                depth++;
            }
            deepest = Math.Max(deepest, depth);
        }
        Assert.That(descendants.Values.Max(), Is.GreaterThanOrEqualTo(n / 2 - 1));
        Assert.That(deepest, Is.GreaterThanOrEqualTo(n / 20 - 1));
    }

    [Test]
    public void UniformNames_OneAgencyHoldsABlockOfOneNameAndOneCapability()
    {
        const int n = 2000;
        var model = Generate(GeneratorShape.UniformNames, n);
        var block = model.Systems.GroupBy(static s => (s.Owner, s.Name)).MaxBy(static g => g.Count())!;
        Assert.That(block.Count(), Is.GreaterThanOrEqualTo(n * 6 / 5));
        Assert.That(block.All(static s => s.Capabilities.SequenceEqual(["cap.oa"])));
        // Near-identical names with one shared capability, and classes of one name without capabilities.
        var near = model.Systems.Where(static s => s.Id.StartsWith("sys.b.", StringComparison.Ordinal)).ToList();
        Assert.That(near.Select(static s => s.Owner).Distinct().Count(), Is.EqualTo(1));
        Assert.That(near.SelectMany(static s => s.Capabilities).Distinct().Count(), Is.EqualTo(1));
        Assert.That(near.Select(static s => s.Name).Distinct().Count(), Is.InRange(2, 10));
        var classes = model.Systems.Where(static s => s.Capabilities.Count == 0).GroupBy(static s => s.Name).ToList();
        Assert.That(classes.Max(static c => c.Count()), Is.GreaterThanOrEqualTo(500));
        Assert.That(classes.Max(static c => c.Select(static s => s.Owner).Distinct().Count()), Is.GreaterThan(100));
    }

    [TestCase(GeneratorShape.Synthetic, 9000)]
    [TestCase(GeneratorShape.Realistic, 5000)]
    [TestCase(GeneratorShape.UniformNames, 3000)]
    public void WriteTo_OneFileWouldExceedTheLimit_SplitsIntoFilesWithinIt(GeneratorShape shape, int agencies)
    {
        using var temp = new TempFolder();
        var options = new GeneratorOptions { Shape = shape, Agencies = agencies, Seed = 2 };
        var whole = ModelGenerator.WriteTo(Path.Combine(temp.Path, "whole"), options);
        Assert.That(whole.Files, Has.Count.EqualTo(1));
        var limit = new FileInfo(whole.Files[0]).Length * 4 / 5;
        Assert.That(ModelGenerator.WouldSplit(options), Is.False);
        Assert.That(ModelGenerator.WouldSplit(options with { MaxFileBytes = limit }), Is.True);
        var written = ModelGenerator.WriteTo(Path.Combine(temp.Path, "split"), options with { MaxFileBytes = limit });
        Assert.That(written.Files, Has.Count.GreaterThan(2));
        Assert.That(written.Files.Max(static f => new FileInfo(f).Length), Is.LessThanOrEqualTo(limit));
        Assert.That(Load(written.Files[0]).Elements.LongCount(), Is.EqualTo(whole.Elements));
    }

    [Test]
    public void Write_MoreThanTheMostAgencies_IsRefused() =>
        Assert.That(() => ModelGenerator.Write(Stream.Null, new GeneratorOptions { Agencies = ModelGenerator.MaxAgencies + 1 }),
            Throws.TypeOf<ArgumentOutOfRangeException>());
}
