using ArchModel.Graph;
using ArchModel.Model;
using NUnit.Framework;

namespace ArchModel.Tests.Analysis;

[TestFixture]
public class ModelGraphTests
{
    private static ArchitectureModel Deep() => new TestModel()
        .Agency("nat", AgencyLevel.National, region: "0", sector: "公安")
        .Agency("prov", AgencyLevel.Provincial, region: "1", parent: "nat")
        .Agency("city", AgencyLevel.Municipal, region: "2", parent: "prov")
        .Agency("county", AgencyLevel.County, region: "3", parent: "city")
        .Agency("other", AgencyLevel.County, region: "3")
        .System("s.nat", "nat").System("s.county", "county").System("s.other", "other")
        .System("s.retired", "other", status: SystemStatus.Retired).System("s.alone", "other", standalone: true)
        .Flow("f1", "s.county", "s.nat").Flow("f2", "s.other", "s.county").Flow("f3", "s.retired", "s.other")
        .Flow("f4", "s.alone", "s.other").Flow("f5", "s.other", "s.other")
        .Build();

    [Test]
    public void Build_SiloGraph_OnlyActiveNonStandaloneSystemsAndTheirDistinctFlows()
    {
        var graph = ModelGraph.Build(Deep());
        Assert.That(graph.SiloSystems.Select(s => s.Id), Is.EqualTo(new[] { "s.county", "s.nat", "s.other" }));
        Assert.That(graph.SiloFlows.Select(f => f.Id), Is.EqualTo(new[] { "f1", "f2" }));
        Assert.That(graph.SystemComponents, Has.Count.EqualTo(1));
    }

    [Test]
    public void SystemComponents_InterleavedGroupsAndIsolatedSystems_EachSortedByFirstIdWithItsSize()
    {
        // Members of one component far apart in id order, isolated systems between them, a chain joined from its end.
        var model = new TestModel()
            .Agency("a", AgencyLevel.County, region: "1")
            .System("s1", "a").System("s2", "a").System("s3", "a").System("s4", "a").System("s5", "a").System("s6", "a")
            .Flow("f1", "s5", "s1").Flow("f2", "s3", "s6").Flow("f3", "s6", "s5")
            .Build();
        var graph = ModelGraph.Build(model);
        Assert.That(graph.SystemComponents.Select(c => c.ToArray()),
            Is.EqualTo(new[] { new[] { "s1", "s3", "s5", "s6" }, ["s2"], ["s4"] }));
        Assert.That(Enumerable.Range(0, 3).Select(graph.ComponentSize), Is.EqualTo(new[] { 4, 1, 1 }));
        Assert.That(new[] { "s1", "s2", "s3", "s4", "s5", "s6", "nope" }.Select(graph.SystemComponentOf), Is.EqualTo(new[] { 0, 1, 0, 2, 0, 0, -1 }));
        Assert.That(new[] { "s2", "s6" }.Select(graph.HasSiloFlow), Is.EqualTo(new[] { false, true }));
        Assert.That(() => graph.SystemComponents[3], Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => graph.SystemComponents[-1], Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void SiloFlowEnds_AreTheSystemsOfEachSiloFlow()
    {
        var model = Deep();
        var graph = ModelGraph.Build(model);
        var ends = Enumerable.Range(0, graph.SiloFlows.Count).Select(i => graph.SiloFlowEnds(i)).ToList();
        Assert.That(ends.Select(e => (e.From, e.To)),
            Is.EqualTo(graph.SiloFlows.Select(f => (model.GetSystem(f.From)!, model.GetSystem(f.To)!))));
    }

    [Test]
    public void FlowEnds_PositionsInSystemsByIdOfEachFlowsEnds_MinusOneForAnIdNamingNoSystem()
    {
        var model = new TestModel()
            .Agency("a", AgencyLevel.County, region: "1")
            .System("s2", "a").System("s1", "a", status: SystemStatus.Retired).System("s3", "a", standalone: true)
            .Flow("f3", "s3", "s2").Flow("f1", "s2", "s1").Flow("f2", "s1", "nope")
            .Elements;
        // A reference to an unknown system is a load error (AM0006); such a model may still be analysed.
        var graph = ModelGraph.Build(new ModelBuilder().AddRange(model).Build().Model);
        Assert.That(graph.FlowsById.Select(static f => f.Id), Is.EqualTo(new[] { "f1", "f2", "f3" }));
        Assert.That(graph.FlowEnds.From, Is.EqualTo(new[] { 1, 0, 2 }));
        Assert.That(graph.FlowEnds.To, Is.EqualTo(new[] { 0, -1, 1 }));
        Assert.That(new[] { "s1", "s2", "s3", "nope", "a" }.Select(graph.SystemPositionOf), Is.EqualTo(new[] { 0, 1, 2, -1, -1 }));
        // Only s2 is a silo system (s1 is retired, s3 standalone): found by its position, the others not.
        Assert.That(new[] { "s1", "s2", "s3", "nope" }.Select(graph.IsSiloSystem), Is.EqualTo(new[] { false, true, false, false }));
        Assert.That(new[] { "s1", "s2", "nope" }.Select(graph.SystemComponentOf), Is.EqualTo(new[] { -1, 0, -1 }));
    }

    [TestCase(false, false, true)]
    [TestCase(true, false, false)]
    [TestCase(false, true, false)]
    public void HasDistinctIds_FalseWhenAnIdRepeatsWithinOrAcrossKinds(bool repeatSystem, bool flowNamedAsSystem, bool distinct)
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a").Flow("f1", "s1", "s2")
            .Flow(flowNamedAsSystem ? "s2" : "f2", "s2", "s1");
        if (repeatSystem)
        {
            m.System("s1", "a", status: SystemStatus.Retired);
        }
        var model = new ModelBuilder().AddRange(m.Elements).Build().Model;
        Assert.That(model.HasDistinctIds, Is.EqualTo(distinct));
        // Whichever way it is decided, the sorted views keep the first definition of each id.
        var graph = ModelGraph.Build(model);
        Assert.That(graph.SystemsById.Select(static s => (s.Id, s.Status)),
            Is.EqualTo(new[] { ("s1", SystemStatus.Operational), ("s2", SystemStatus.Operational) }));
        Assert.That(graph.FlowsById.Select(static f => f.Id), Is.EqualTo(flowNamedAsSystem ? new[] { "f1", "s2" } : new[] { "f1", "f2" }));
    }

    [Test]
    public void Build_RepeatedIds_SiloViewsKeepTheFirstActiveSystemAndEveryFlowInIdOrder()
    {
        // With a repeated id the views are sorted on their own instead of taken from SystemsById/FlowsById.
        // A model with duplicate ids has load errors (AM0005) and may still be analysed.
        var elements = new TestModel()
            .Agency("a", AgencyLevel.County, region: "1")
            .System("s2", "a").System("s1", "a").System("s1", "a", status: SystemStatus.Retired)
            .System("s3", "a", status: SystemStatus.Retired).System("s3", "a")
            .Flow("f2", "s1", "s2").Flow("f1", "s2", "s1").Flow("f1", "s1", "s2")
            .Elements;
        var model = new ModelBuilder().AddRange(elements).Build().Model;
        var graph = ModelGraph.Build(model);
        Assert.That(graph.SiloSystems.Select(s => s.Id), Is.EqualTo(new[] { "s1", "s2", "s3" }));
        Assert.That(graph.SiloSystems.All(static s => s.IsActive), Is.True);
        Assert.That(graph.SiloFlows.Select(f => (f.Id, f.From)), Is.EqualTo(new[] { ("f1", "s2"), ("f1", "s1"), ("f2", "s1") }));
        Assert.That(graph.SiloFlowEnds(0).From.Id, Is.EqualTo("s2"));
        // Silo systems are found by id here, not by position.
        Assert.That(new[] { "s1", "s2", "s3", "nope" }.Select(graph.IsSiloSystem), Is.EqualTo(new[] { true, true, true, false }));
        Assert.That(new[] { "s1", "s2", "s3" }.Select(graph.HasSiloFlow), Is.EqualTo(new[] { true, true, false }));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void IndexSets_Groups_OfAtLeastTheSizeAscendingInOrderOfFirstMember(int minSize)
    {
        var sets = new IndexSets(9);
        // {0, 4, 8}, {1, 2}, {3}, {5, 6, 7} joined in an order that makes chains.
        foreach (var (a, b) in new[] { (8, 4), (4, 0), (2, 1), (7, 6), (6, 5) })
        {
            sets.Union(a, b);
        }
        var all = new List<List<int>> { new() { 0, 4, 8 }, new() { 1, 2 }, new() { 3 }, new() { 5, 6, 7 } };
        Assert.That(sets.Groups(minSize), Is.EqualTo(all.Where(g => g.Count >= minSize)));
    }

    [Test]
    public void Build_Hierarchy_AncestorsNearestFirstAndAboveAtAnyDepth()
    {
        var model = Deep();
        var graph = ModelGraph.Build(model);
        Assert.That(graph.AncestorsOf("county"), Is.EqualTo(new[] { "city", "prov", "nat" }));
        Assert.That(model.IsAbove("nat", "county"), Is.True);
        Assert.That(model.IsAbove("county", "nat"), Is.False);
        Assert.That(model.ShareSectorLine("county", "nat"), Is.True);
        Assert.That(model.ShareSectorLine("county", "other"), Is.False);
        // The rules' shortcut on the graph is the model's answer, not a second one.
        Assert.That(graph.ShareSectorLine("county", "nat"), Is.True);
        Assert.That(graph.ShareSectorLine("county", "other"), Is.False);
    }

    [Test]
    public void Build_Flows_VerticalAlongDeepLineHorizontalOtherwise()
    {
        var model = Deep();
        Assert.That(model.IsVertical(model.Flows.Single(f => f.Id == "f1")), Is.True);
        Assert.That(model.IsHorizontal(model.Flows.Single(f => f.Id == "f1")), Is.False);
        Assert.That(model.IsHorizontal(model.Flows.Single(f => f.Id == "f2")), Is.True);
        Assert.That(model.IsVertical(model.Flows.Single(f => f.Id == "f2")), Is.False);
        Assert.That(model.IsCrossAgency(model.Flows.Single(f => f.Id == "f5")), Is.False);
    }

    [Test]
    public void Build_NetworkLinks_ComponentsIgnoreDirectionAndVia()
    {
        var model = new TestModel()
            .Network("a", NetworkKind.Dedicated, null, new NetworkLink("b", LinkVia.Isolation))
            .Network("b", NetworkKind.Dedicated)
            .Network("c", NetworkKind.Dedicated, null, new NetworkLink("b", LinkVia.Direct))
            .Network("d", NetworkKind.Other)
            .Build();
        var graph = ModelGraph.Build(model);
        Assert.That(graph.NetworksConnected("a", "c"), Is.True);
        Assert.That(graph.NetworksConnected("a", "d"), Is.False);
        Assert.That(graph.NetworkComponents.Select(c => string.Join(",", c)), Is.EqualTo(new[] { "a,b,c", "d" }));
    }

    [Test]
    public void Analyze_StovepipeAlongThreeLevels_BothEndsReported()
    {
        var result = ArchModel.Analysis.Analyzer.Analyze(Deep());
        // nat–county is vertical (nat is three levels above); county also has a horizontal flow with other.
        Assert.That(TestModel.Of(result, "AM2004"), Is.EqualTo(new[] { "nat" }));
    }
}
