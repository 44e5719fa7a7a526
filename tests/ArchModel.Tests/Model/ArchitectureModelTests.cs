namespace ArchModel.Tests.Model;

public sealed class ArchitectureModelTests
{
    private static ArchitectureModel Build()
    {
        var result = new ModelBuilder()
            .Add(new Agency { Id = "ga.nat", Name = "公安部", Level = AgencyLevel.National, Sector = "公安" })
            .Add(new Agency { Id = "ga.prov", Name = "省公安厅", Level = AgencyLevel.Provincial, Region = "990000", Sector = "公安", Parent = "ga.nat" })
            .Add(new Agency { Id = "ga.city", Name = "市公安局", Level = AgencyLevel.Municipal, Region = "990100", Sector = "公安", Parent = "ga.prov" })
            .Add(new Agency { Id = "hr.city", Name = "市人社局", Level = AgencyLevel.Municipal, Region = "990100", Sector = "人社" })
            .Add(new Agency { Id = "hr.prov", Name = "省人社厅", Level = AgencyLevel.Provincial, Region = "990000", Sector = "人社" })
            .Add(new Network { Id = "n.x", Name = "外网", NetworkKind = NetworkKind.Extranet, Links = [new NetworkLink("n.d", LinkVia.Gateway)] })
            .Add(new Network { Id = "n.d", Name = "专网", NetworkKind = NetworkKind.Dedicated })
            .Add(new Network { Id = "n.i", Name = "内网", NetworkKind = NetworkKind.Intranet })
            .Add(new InformationSystem { Id = "s.1", Name = "一", Owner = "ga.city", Networks = ["n.x", "n.x"] })
            .Add(new InformationSystem { Id = "s.2", Name = "二", Owner = "hr.city", UsedBy = ["ga.city"], Networks = ["n.d"] })
            .Add(new Flow { Id = "f.1", From = "s.1", To = "s.2" })
            .Build();
        Assert.That(result.Diagnostics, Is.Empty);
        return result.Model;
    }

    [Test]
    public void ParentChain_ThreeLevels_IsNearestFirst() =>
        Assert.That(Build().ParentChain("ga.city").Select(static a => a.Id), Is.EqualTo(new[] { "ga.prov", "ga.nat" }));

    [Test]
    public void IsAbove_AlongTheSectorLine_IsTrueOnlyUpwards()
    {
        var model = Build();
        Assert.That((model.IsAbove("ga.nat", "ga.city"), model.IsAbove("ga.city", "ga.nat")), Is.EqualTo((true, false)));
    }

    [Test]
    public void ShareSectorLine_SameSectorDifferentLevels_IsTrueWithoutParentLink()
    {
        var model = Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.ShareSectorLine("hr.city", "hr.prov"), Is.True);
            Assert.That(model.ShareSectorLine("hr.city", "ga.city"), Is.False);
            Assert.That(model.ShareSectorLine("ga.city", "ga.city"), Is.False);
        });
    }

    [Test]
    public void SameJurisdiction_SameLevelAndRegion_IsTrue()
    {
        var model = Build();
        Assert.That((model.SameJurisdiction("ga.city", "hr.city"), model.SameJurisdiction("ga.prov", "ga.city")), Is.EqualTo((true, false)));
    }

    [Test]
    public void Lookups_AnswerBothDirectionsAndCountRepeatsOnce()
    {
        var model = Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.SystemsOn("n.x").Select(static s => s.Id), Is.EqualTo(new[] { "s.1" }));
            Assert.That(model.SystemsUsedBy("ga.city").Select(static s => s.Id), Is.EqualTo(new[] { "s.2" }));
            Assert.That(model.FlowsFrom("s.1").Single().Id, Is.EqualTo("f.1"));
            Assert.That(model.FlowsTo("s.2").Single().Id, Is.EqualTo("f.1"));
            Assert.That(model.LinksOf("n.d").Single().Network.Id, Is.EqualTo("n.x"));
            Assert.That(model.ChildrenOf("ga.prov").Single().Id, Is.EqualTo("ga.city"));
            Assert.That(model.IsCrossAgency(model.Flows[0]), Is.True);
            Assert.That(model.IsVertical(model.Flows[0]), Is.False);
            Assert.That(model.Find("nope"), Is.Null);
            Assert.That(model.SystemsOwnedBy("nope"), Is.Empty);
            Assert.That(model.GetNetwork("n.i")!.IsClassified, Is.True);
            Assert.That(model.GetNetwork("n.x")!.IsClassified, Is.False);
        });
    }

    [Test]
    public void ParentChain_OnACycle_Terminates()
    {
        var result = new ModelBuilder()
            .Add(new Agency { Id = "a", Name = "A", Level = AgencyLevel.County, Parent = "b" })
            .Add(new Agency { Id = "b", Name = "B", Level = AgencyLevel.County, Parent = "a" })
            .Build();
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo("AM0008"));
        Assert.That(result.Model.ParentChain("a").Select(static a => a.Id), Is.EqualTo(new[] { "b" }));
    }

    [Test]
    public void ParentCycles_OnlyTheFirstDefinitionOfARepeatedIdIsWalked()
    {
        // The second "c" would close a cycle c → d → c, but an id stands for its first definition, whose parent is
        // "a": the one cycle is a → b → a, named from its smallest id, once.
        var result = new ModelBuilder()
            .Add(new Agency { Id = "b", Name = "B", Level = AgencyLevel.County, Parent = "a" })
            .Add(new Agency { Id = "a", Name = "A", Level = AgencyLevel.County, Parent = "b" })
            .Add(new Agency { Id = "c", Name = "C", Level = AgencyLevel.County, Parent = "a" })
            .Add(new Agency { Id = "d", Name = "D", Level = AgencyLevel.County, Parent = "c" })
            .Add(new Agency { Id = "c", Name = "C2", Level = AgencyLevel.County, Parent = "d" })
            .Build();
        var cycles = result.Diagnostics.Where(static d => d.Code == "AM0008").ToList();
        Assert.That(cycles, Has.Count.EqualTo(1));
        Assert.That(cycles[0].Message.English, Does.Contain("a → b → a"));
    }

    [Test]
    public void KindLookups_ResolveARepeatedIdToItsFirstDefinitionOnly()
    {
        // Each kind's map is built from its own list, keeping an element only when the index by id resolves to
        // it: a second system with an id, or a system whose id an agency took first, is not found as a system.
        var first = new InformationSystem { Id = "s.dup", Name = "先", Owner = "a" };
        var result = new ModelBuilder()
            .Add(new Agency { Id = "a", Name = "甲", Level = AgencyLevel.Municipal })
            .Add(new Agency { Id = "shared", Name = "乙", Level = AgencyLevel.Municipal })
            .Add(first)
            .Add(new InformationSystem { Id = "s.dup", Name = "后", Owner = "a" })
            .Add(new InformationSystem { Id = "shared", Name = "丙", Owner = "a" })
            .Build();
        Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0005", "AM0005" }));
        var model = result.Model;
        Assert.Multiple(() =>
        {
            Assert.That(model.GetSystem("s.dup"), Is.SameAs(first));
            Assert.That(model.GetSystem("shared"), Is.Null);
            Assert.That(model.GetAgency("shared")?.Name, Is.EqualTo("乙"));
            Assert.That(model.GetAgency("s.dup"), Is.Null);
        });
    }

    [Test]
    public void References_ToAnIdAnotherKindDefinedFirst_AreOfTheWrongKind()
    {
        // Validation answers most references from the map of the kind they name; an agency defined after a system
        // with its id is in no map, so a system it owns is reported as owned by a system, as the index resolves it.
        var result = new ModelBuilder()
            .Add(new Agency { Id = "a", Name = "甲", Level = AgencyLevel.Municipal })
            .Add(new InformationSystem { Id = "x", Name = "先", Owner = "a" })
            .Add(new Agency { Id = "x", Name = "乙", Level = AgencyLevel.Municipal })
            .Add(new InformationSystem { Id = "s", Name = "丙", Owner = "x" })
            .Build();
        Assert.That(result.Diagnostics.Select(static d => d.Code),
            Is.EqualTo(new[] { DiagnosticCodes.DuplicateId, DiagnosticCodes.WrongKindReference }));
        Assert.That(result.Model.GetAgency("x"), Is.Null);
    }

    [Test]
    public void References_ByKind_AreCheckedWithoutARepeatedId()
    {
        var result = new ModelBuilder()
            .Add(new Agency { Id = "a", Name = "甲", Level = AgencyLevel.Municipal })
            .Add(new InformationSystem { Id = "s", Name = "乙", Owner = "a", UsedBy = ["a", "s", "none"] })
            .Build();
        Assert.That(result.Diagnostics.Select(static d => d.Code),
            Is.EquivalentTo(new[] { DiagnosticCodes.WrongKindReference, DiagnosticCodes.UnknownReference }));
        Assert.That(result.Model.GetAgency("a")?.Name, Is.EqualTo("甲"));
        Assert.That(result.Model.GetSystem("s")?.Owner, Is.EqualTo("a"));
    }
}
