using ArchModel.Analysis;
using ArchModel.Model;
using NUnit.Framework;

namespace ArchModel.Tests.Analysis;

[TestFixture]
public class IsolatedSystemTests
{
    [Test]
    public void Analyze_SystemWithoutFlows_Isolated()
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a").System("s3", "a").Flow("f", "s1", "s2");
        Assert.That(m.Findings("AM2001"), Is.EqualTo(new[] { "s3" }));
    }

    [Test]
    public void Analyze_OnlyPlannedFlow_NotIsolated()
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a").Flow("f", "s1", "s2", FlowStatus.Planned);
        Assert.That(m.Findings("AM2001"), Is.Empty);
    }

    [Test]
    public void Analyze_OnlyRetiredFlow_Isolated()
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a").Flow("f", "s1", "s2", FlowStatus.Retired);
        Assert.That(m.Findings("AM2001"), Is.EqualTo(new[] { "s1", "s2" }));
    }

    [Test]
    public void Analyze_FlowToRetiredOrStandaloneSystem_Ignored()
    {
        var m = new TestModel().Agency("a")
            .System("s1", "a").System("old", "a", status: SystemStatus.Retired).System("term", "a", standalone: true)
            .Flow("f1", "s1", "old").Flow("f2", "term", "s1");
        Assert.That(m.Findings("AM2001"), Is.EqualTo(new[] { "s1" }));
    }

    [Test]
    public void Analyze_SelfFlowOnly_Isolated()
    {
        var m = new TestModel().Agency("a").System("s1", "a").Flow("f", "s1", "s1");
        Assert.That(m.Findings("AM2001"), Is.EqualTo(new[] { "s1" }));
    }

    [Test]
    public void Analyze_EmptyModel_NoFindingsAndNullRatios()
    {
        var result = new TestModel().Analyze();
        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Metrics.Model[MetricNames.IsolationRate], Is.Null);
        Assert.That(result.Metrics.Model[MetricNames.AvoidableAnnualCost], Is.EqualTo(0.0));
    }
}

[TestFixture]
public class IslandTests
{
    [Test]
    public void Analyze_SmallerComponent_Island()
    {
        var m = new TestModel().Agency("a")
            .System("m1", "a").System("m2", "a").System("m3", "a").System("x1", "a").System("x2", "a").System("lone", "a")
            .Flow("f1", "m1", "m2").Flow("f2", "m3", "m2").Flow("f3", "x2", "x1");
        var f = TestModel.Single(m.Analyze(), "AM2002");
        Assert.That(f.Elements, Is.EqualTo(new[] { "x1", "x2" }));
        Assert.That(f.Evidence["componentSize"], Is.EqualTo(2L));
    }

    [Test]
    public void Analyze_TieForMain_ComponentWithSmallestIdIsMain()
    {
        var m = new TestModel().Agency("a")
            .System("b1", "a").System("b2", "a").System("a2", "a").System("z1", "a")
            .Flow("f1", "b1", "b2").Flow("f2", "z1", "a2");
        // {b1,b2} and {a2,z1} tie; a2 is the smallest id, so {b1,b2} is the island.
        Assert.That(m.Findings("AM2002"), Is.EqualTo(new[] { "b1,b2" }));
    }

    [Test]
    public void Analyze_SingleComponent_NoIsland()
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a").Flow("f", "s1", "s2");
        Assert.That(m.Findings("AM2002"), Is.Empty);
    }

    [Test]
    public void Analyze_ComponentJoinedOnlyThroughRetiredSystem_IsSplit()
    {
        var m = new TestModel().Agency("a")
            .System("s1", "a").System("s2", "a").System("hub", "a", status: SystemStatus.Retired).System("s3", "a").System("s4", "a")
            .Flow("f1", "s1", "s2").Flow("f2", "s2", "hub").Flow("f3", "hub", "s3").Flow("f4", "s3", "s4").Flow("f5", "s4", "s1", FlowStatus.Retired);
        Assert.That(m.Findings("AM2002"), Is.EqualTo(new[] { "s3,s4" }));
    }
}

[TestFixture]
public class ClosedAgencyAndStovepipeTests
{
    [Test]
    public void Analyze_AgencyOnlyInternalFlows_Closed()
    {
        var m = new TestModel().Agency("a").Agency("b")
            .System("a1", "a").System("a2", "a").System("b1", "b")
            .Flow("f", "a1", "a2");
        Assert.That(m.Findings("AM2003"), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Analyze_CrossAgencyFlow_NotClosed()
    {
        var m = new TestModel().Agency("a").Agency("b").System("a1", "a").System("b1", "b").Flow("f", "a1", "b1");
        Assert.That(m.Findings("AM2003"), Is.Empty);
    }

    [Test]
    public void Analyze_AgencyWithOnlyRetiredSystems_NotReported()
    {
        var m = new TestModel().Agency("a").System("a1", "a", status: SystemStatus.Retired);
        Assert.That(m.Findings("AM2003"), Is.Empty);
    }

    [Test]
    public void Analyze_CrossAgencyFlowToStandalone_StillClosed()
    {
        var m = new TestModel().Agency("a").Agency("b").System("a1", "a").System("b1", "b", standalone: true).Flow("f", "a1", "b1");
        Assert.That(m.Findings("AM2003"), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Analyze_OnlyVerticalFlows_Stovepipe()
    {
        var m = new TestModel()
            .Agency("prov", AgencyLevel.Provincial, region: "1", sector: "公安")
            .Agency("city", AgencyLevel.Municipal, region: "2", sector: "公安", parent: "prov")
            .Agency("city2", AgencyLevel.Municipal, region: "2", sector: "民政")
            .System("p", "prov").System("c", "city").System("c2", "city2")
            .Flow("f1", "c", "p").Flow("f2", "c2", "c");
        // city has a horizontal flow (with city2), prov only the vertical one.
        var f = TestModel.Single(m.Analyze(), "AM2004");
        Assert.That(f.Elements, Is.EqualTo(new[] { "prov" }));
        Assert.That(f.Evidence["verticalPartners"], Is.EqualTo(new[] { "city" }));
    }

    [Test]
    public void Analyze_SameSectorDifferentLevelsNoParent_Vertical()
    {
        var m = new TestModel()
            .Agency("prov", AgencyLevel.Provincial, region: "1", sector: "公安")
            .Agency("city", AgencyLevel.Municipal, region: "2", sector: "公安")
            .System("p", "prov").System("c", "city").Flow("f1", "c", "p");
        Assert.That(m.Findings("AM2004"), Is.EqualTo(new[] { "city", "prov" }));
    }

    [Test]
    public void Analyze_SameSectorSameLevel_Horizontal()
    {
        var m = new TestModel()
            .Agency("c1", AgencyLevel.Municipal, region: "1", sector: "公安")
            .Agency("c2", AgencyLevel.Municipal, region: "2", sector: "公安")
            .System("s1", "c1").System("s2", "c2").Flow("f1", "s1", "s2");
        Assert.That(m.Findings("AM2004"), Is.Empty);
    }

    [Test]
    public void Analyze_NoCrossAgencyFlows_NotStovepipe()
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a").Flow("f", "s1", "s2");
        Assert.That(m.Findings("AM2004"), Is.Empty);
    }

    [Test]
    public void Analyze_VerticalFlowFromRetiredSystem_Ignored()
    {
        var m = new TestModel()
            .Agency("prov", AgencyLevel.Provincial, region: "1").Agency("city", AgencyLevel.Municipal, region: "2", parent: "prov")
            .System("p", "prov").System("c", "city", status: SystemStatus.Retired).Flow("f1", "c", "p");
        Assert.That(m.Findings("AM2004"), Is.Empty);
    }
}

[TestFixture]
public class UnsharedResourceTests
{
    [Test]
    public void Analyze_ShareableResourceNeverLeavesOwner_Finding()
    {
        var m = new TestModel().Agency("a").Agency("b")
            .System("a1", "a").System("a2", "a").System("b1", "b")
            .Resource("r", "a", sharing: SharingLevel.Unconditional).Resource("secret", "a", sharing: SharingLevel.None)
            .Flow("f", "a1", "a2", carries: ["r", "secret"]);
        var f = TestModel.Single(m.Analyze(), "AM2005");
        Assert.That(f.Elements, Is.EqualTo(new[] { "r" }));
        Assert.That(f.Evidence["ownerHasSystems"], Is.True);
    }

    [Test]
    public void Analyze_CarriedToOtherAgency_NoFinding()
    {
        var m = new TestModel().Agency("a").Agency("b").System("a1", "a").System("b1", "b")
            .Resource("r", "a").Flow("f", "a1", "b1", carries: ["r"]);
        Assert.That(m.Findings("AM2005"), Is.Empty);
    }

    [Test]
    public void Analyze_CarriedOnlyByRetiredFlowOrToRetiredSystem_Finding()
    {
        var m = new TestModel().Agency("a").Agency("b").System("a1", "a").System("b1", "b").System("b2", "b", status: SystemStatus.Retired)
            .Resource("r", "a").Flow("f1", "a1", "b1", FlowStatus.Retired, carries: ["r"]).Flow("f2", "a1", "b2", carries: ["r"]);
        Assert.That(m.Findings("AM2005"), Is.EqualTo(new[] { "r" }));
    }

    [Test]
    public void Analyze_OwnerWithoutSystemsReceivedByOthers_NoFinding()
    {
        var m = new TestModel().Agency("a").Agency("b").Agency("c").System("b1", "b").System("c1", "c")
            .Resource("r", "a").Flow("f", "b1", "c1", carries: ["r"]);
        Assert.That(m.Findings("AM2005"), Is.Empty);
    }

    [Test]
    public void Analyze_OwnerWithoutSystemsNeverCarried_FindingWithEvidence()
    {
        var m = new TestModel().Agency("a").Resource("r", "a");
        var f = TestModel.Single(m.Analyze(), "AM2005");
        Assert.That(f.Evidence["ownerHasSystems"], Is.False);
    }
}

[TestFixture]
public class NetworkRulesTests
{
    [Test]
    public void Analyze_DedicatedNetworkNotLinked_NetworkIsland()
    {
        var m = new TestModel()
            .Network("ext", NetworkKind.Extranet)
            .Network("ded1", NetworkKind.Dedicated, null, new NetworkLink("ext", LinkVia.Gateway))
            .Network("ded2", NetworkKind.Dedicated, null, new NetworkLink("ded3", LinkVia.Direct))
            .Network("ded3", NetworkKind.Other)
            .Network("net", NetworkKind.Internet);
        Assert.That(m.Findings("AM2006"), Is.EqualTo(new[] { "ded2", "ded3" }));
    }

    [Test]
    public void Analyze_ReachableOverSeveralLinksAnyDirection_NotIsland()
    {
        var m = new TestModel()
            .Network("int", NetworkKind.Intranet, null, new NetworkLink("d1", LinkVia.Isolation))
            .Network("d1", NetworkKind.Dedicated)
            .Network("d2", NetworkKind.Dedicated, null, new NetworkLink("d1", LinkVia.Direct));
        Assert.That(m.Findings("AM2006"), Is.Empty);
    }

    [Test]
    public void Analyze_NoUnifiedNetwork_NoNetworkIsland()
    {
        var m = new TestModel().Network("d1", NetworkKind.Dedicated).Network("d2", NetworkKind.Other);
        Assert.That(m.Findings("AM2006"), Is.Empty);
        Assert.That(m.Findings("AM5001"), Is.Empty);
    }

    [Test]
    public void Analyze_NetworksNotConnected_UnroutableFlow()
    {
        var m = new TestModel().Agency("a")
            .Network("n1", NetworkKind.Dedicated).Network("n2", NetworkKind.Dedicated)
            .System("s1", "a", networks: ["n1"]).System("s2", "a", networks: ["n2"]).System("s3", "a")
            .Flow("f1", "s1", "s2").Flow("f2", "s1", "s3");
        var f = TestModel.Single(m.Analyze(), "AM2007");
        Assert.That(f.Elements, Is.EqualTo(new[] { "f1" }));
        Assert.That(f.Severity, Is.EqualTo(ArchModel.Diagnostics.DiagnosticSeverity.Error));
    }

    [Test]
    public void Analyze_NetworksLinked_Routable()
    {
        var m = new TestModel().Agency("a")
            .Network("n1", NetworkKind.Dedicated, null, new NetworkLink("n3", LinkVia.Gateway)).Network("n2", NetworkKind.Dedicated)
            .Network("n3", NetworkKind.Extranet, null, new NetworkLink("n2", LinkVia.Isolation))
            .System("s1", "a", networks: ["n1"]).System("s2", "a", networks: ["n2"]).Flow("f1", "s2", "s1");
        Assert.That(m.Findings("AM2007"), Is.Empty);
    }

    [Test]
    public void Analyze_UnroutablePlannedFlowToRetiredSystem_Ignored()
    {
        var m = new TestModel().Agency("a")
            .Network("n1", NetworkKind.Dedicated).Network("n2", NetworkKind.Dedicated)
            .System("s1", "a", networks: ["n1"]).System("s2", "a", networks: ["n2"], status: SystemStatus.Retired)
            .Flow("f1", "s1", "s2", FlowStatus.Planned);
        Assert.That(m.Findings("AM2007"), Is.Empty);
    }
}
