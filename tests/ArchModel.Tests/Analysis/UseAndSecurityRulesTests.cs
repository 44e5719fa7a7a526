using ArchModel.Analysis;
using ArchModel.Analysis.Rules;
using ArchModel.Model;
using NUnit.Framework;
using static ArchModel.Tests.Analysis.TestModel;

namespace ArchModel.Tests.Analysis;

[TestFixture]
public class BuiltButUnusedTests
{
    [TestCase(9L, 1)]
    [TestCase(10L, 0)]
    [TestCase(0L, 1)]
    public void Analyze_MonthlyActiveUsers_BelowThresholdIsZombie(long users, int expected)
    {
        var m = new TestModel().Agency("a").System("s", "a", mau: users);
        Assert.That(m.Findings("AM3001"), Has.Length.EqualTo(expected));
    }

    [Test]
    public void Analyze_UsageMissing_NotZombie()
    {
        Assert.That(new TestModel().Agency("a").System("s", "a").Findings("AM3001"), Is.Empty);
    }

    [TestCase(SystemStatus.Planned)]
    [TestCase(SystemStatus.Building)]
    [TestCase(SystemStatus.Retiring)]
    public void Analyze_NotOperational_NotZombie(SystemStatus status)
    {
        Assert.That(new TestModel().Agency("a").System("s", "a", mau: 1, status: status).Findings("AM3001"), Is.Empty);
    }

    [Test]
    public void Analyze_ActiveFlowToRetiredSystem_NotZombie()
    {
        var m = new TestModel().Agency("a").System("s", "a", mau: 1).System("old", "a", status: SystemStatus.Retired).Flow("f", "old", "s");
        Assert.That(m.Findings("AM3001"), Is.Empty);
    }

    [Test]
    public void Analyze_OnlyRetiredFlow_Zombie()
    {
        var m = new TestModel().Agency("a").System("s", "a", mau: 1).System("t", "a").Flow("f", "s", "t", FlowStatus.Retired);
        Assert.That(m.Findings("AM3001"), Is.EqualTo(new[] { "s" }));
    }

    [Test]
    public void Analyze_FlowEndsFoundByTheGraphOrNot_SameFindings()
    {
        // Run with the other rules one by one, the rule reads the flows' ends the graph found beside the first rule;
        // run alone without the scorecard, nobody finds them and it tests the flows against its candidates itself.
        var m = new TestModel().Agency("a")
            .System("in-flow", "a", mau: 1).System("in-retired-flow", "a", mau: 1).System("no-flow", "a", mau: 2)
            .System("busy", "a", mau: 500)
            .Flow("f1", "busy", "in-flow").Flow("f2", "in-retired-flow", "busy", FlowStatus.Retired);
        var withAll = Of(m.Analyze(new AnalysisOptions { MaxDegreeOfParallelism = 1 }), "AM3001");
        var alone = Of(m.Analyze(new AnalysisOptions { Rules = RuleSet.Create(new BuiltButUnusedRule()), ComputeMetrics = false }), "AM3001");
        Assert.Multiple(() =>
        {
            Assert.That(withAll, Is.EqualTo(new[] { "in-retired-flow", "no-flow" }));
            Assert.That(alone, Is.EqualTo(withAll));
        });
    }

    [Test]
    public void Analyze_InService_NotZombie()
    {
        var m = new TestModel().Agency("a").System("s", "a", mau: 1).Service("svc", "a", ["s"]);
        Assert.That(m.Findings("AM3001"), Is.Empty);
    }

    [Test]
    public void Analyze_ThresholdSetting_Used()
    {
        var m = new TestModel().Agency("a").System("s", "a", mau: 15).Settings(new ModelSettings { ZombieMonthlyActiveUsers = 20 });
        Assert.That(m.Findings("AM3001"), Has.Length.EqualTo(1));
    }
}

[TestFixture]
public class InvestmentWithoutResultTests
{
    [TestCase(ProjectStage.Accepted, 1)]
    [TestCase(ProjectStage.Evaluated, 1)]
    [TestCase(ProjectStage.Building, 0)]
    [TestCase(null, 0)]
    public void Analyze_ProjectWithoutSystems_ByStage(ProjectStage? stage, int expected)
    {
        Assert.That(new TestModel().Agency("a").Project("p", "a", stage).Findings("AM3002"), Has.Length.EqualTo(expected));
    }

    [Test]
    public void Analyze_DeliversOrNamedBySystem_NoFinding()
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a", project: "p2", status: SystemStatus.Retired)
            .Project("p1", "a", ProjectStage.Accepted, "s1").Project("p2", "a", ProjectStage.Evaluated);
        Assert.That(m.Findings("AM3002"), Is.Empty);
    }
}

[TestFixture]
public class SecurityRulesTests
{
    [Test]
    public void Analyze_ClassifiedFlowOverSharedOpenNetwork_Finding()
    {
        var m = new TestModel().Agency("a")
            .Network("ext", NetworkKind.Extranet).Network("int", NetworkKind.Intranet)
            .System("s1", "a", networks: ["ext", "int"]).System("s2", "a", networks: ["ext", "int"])
            .Resource("r", "a", classified: true)
            .Flow("f", "s1", "s2", carries: ["r"]);
        var f = TestModel.Single(m.Analyze(), "AM4001");
        Assert.That(f.Elements, Is.EqualTo(new[] { "f" }));
        Assert.That(f.Evidence["networks"], Is.EqualTo(new[] { "ext" }));
    }

    [Test]
    public void Analyze_ClassifiedFlowsInAnyModelOrder_ReportedInIdOrder()
    {
        var m = new TestModel().Agency("a").Network("ext", NetworkKind.Extranet)
            .System("s1", "a").System("s2", "a").Resource("r", "a", classified: true)
            .Flow("f2", "s1", "s2", carries: ["r"], via: ["ext"])
            .Flow("f10", "s1", "s2", carries: ["r"], via: ["ext"])
            .Flow("f1", "s1", "s2", carries: ["r"], via: ["ext"]);
        Assert.That(m.Findings("AM4001"), Is.EqualTo(new[] { "f1", "f10", "f2" }));
    }

    [TestCase(false, true, 0)]
    [TestCase(true, false, 1)]
    [TestCase(true, true, 1)]
    public void Analyze_FlowIdDefinedTwice_TheFirstFlowCounts(bool firstClassified, bool secondClassified, int findings)
    {
        // Validation reports the repeated id (AM0005); the analysis reads the first flow of it, as every rule does.
        var m = new TestModel().Agency("a").Network("ext", NetworkKind.Extranet)
            .System("s1", "a").System("s2", "a").Resource("r", "a", classified: true).Resource("open", "a")
            .Flow("f", "s1", "s2", carries: [firstClassified ? "r" : "open"], via: ["ext"])
            .Flow("f", "s2", "s1", carries: [secondClassified ? "r" : "open"], via: ["ext"])
            .Flow("g", "s1", "s2", carries: ["r"], via: ["ext"]);
        var model = new ModelBuilder().AddRange(m.Elements).Build().Model;
        var found = Analyzer.Analyze(model).Findings.Where(f => f.Rule == "AM4001").ToList();
        Assert.That(found.Count(f => f.Elements.SequenceEqual(["f"])), Is.EqualTo(findings));
        Assert.That(found.Count(f => f.Elements.SequenceEqual(["g"])), Is.EqualTo(1));
        if (findings == 1)
        {
            Assert.That(found.Single(f => f.Elements.SequenceEqual(["f"])).Message.English, Does.Contain("'s1' → 's2'"), "the first flow's ends");
        }
    }

    [Test]
    public void Analyze_ClassifiedFlowViaClassifiedOnly_NoFinding()
    {
        var m = new TestModel().Agency("a")
            .Network("ext", NetworkKind.Extranet).Network("int", NetworkKind.Intranet)
            .System("s1", "a", networks: ["ext", "int"]).System("s2", "a", networks: ["ext", "int"])
            .Resource("r", "a", classified: true).Flow("f", "s1", "s2", carries: ["r"], via: ["int"]);
        Assert.That(m.Findings("AM4001"), Is.Empty);
    }

    [Test]
    public void Analyze_SystemHoldsClassifiedOnOpenNetwork_Finding()
    {
        var m = new TestModel().Agency("a").Network("ded", NetworkKind.Dedicated, classified: false)
            .Resource("r", "a", classified: true)
            .System("s1", "a", networks: ["ded"], holds: ["r"]).System("s2", "a", networks: ["ded"], holds: ["r"], status: SystemStatus.Retired);
        Assert.That(m.Findings("AM4001"), Is.EqualTo(new[] { "s1" }));
    }

    [Test]
    public void Analyze_RetiredFlowClassified_NoFinding()
    {
        var m = new TestModel().Agency("a").Network("ext", NetworkKind.Extranet)
            .System("s1", "a").System("s2", "a").Resource("r", "a", classified: true)
            .Flow("f", "s1", "s2", FlowStatus.Retired, carries: ["r"], via: ["ext"]);
        Assert.That(m.Findings("AM4001"), Is.Empty);
    }

    [TestCase(3, 1)]
    [TestCase(2, 0)]
    public void Analyze_ProtectedSystemOnInternet_ByLevel(int level, int expected)
    {
        var m = new TestModel().Agency("a").Network("inet", NetworkKind.Internet).System("s", "a", networks: ["inet"], level: level);
        Assert.That(m.Findings("AM4002"), Has.Length.EqualTo(expected));
    }

    [Test]
    public void Analyze_ForeignDatabaseOnLevel3_Finding()
    {
        var m = new TestModel().Agency("a")
            .System("s", "a", level: 3, components: [Component(ComponentCategory.Database, ComponentOrigin.Foreign, "Oracle")])
            .System("t", "a", level: 3, components: [Component(ComponentCategory.Middleware, ComponentOrigin.Foreign)])
            .System("u", "a", level: 2, components: [Component(ComponentCategory.Os, ComponentOrigin.Foreign)])
            .System("v", "a", level: 4, components: [Component(ComponentCategory.Chip, ComponentOrigin.Unknown)]);
        var f = TestModel.Single(m.Analyze(), "AM4003");
        Assert.That(f.Elements, Is.EqualTo(new[] { "s" }));
        Assert.That(f.Evidence["foreignComponents"], Is.EqualTo(new[] { "database:Oracle" }));
    }

    [Test]
    public void Analyze_LinkDeclaredTwiceOneUnsafe_OneFinding()
    {
        var m = new TestModel()
            .Network("int", NetworkKind.Intranet, null, new NetworkLink("ext", LinkVia.Isolation))
            .Network("ext", NetworkKind.Extranet, null, new NetworkLink("int", LinkVia.Gateway));
        var f = TestModel.Single(m.Analyze(), "AM4004");
        Assert.That(f.Elements, Is.EqualTo(new[] { "ext", "int" }));
        Assert.That(f.Evidence["via"], Is.EqualTo(new[] { "gateway", "isolation" }));
    }

    [Test]
    public void Analyze_IsolationLinkOrSameClassification_Safe()
    {
        var m = new TestModel()
            .Network("int", NetworkKind.Intranet, null, new NetworkLink("ext", LinkVia.Isolation))
            .Network("ext", NetworkKind.Extranet, null, new NetworkLink("ded", LinkVia.Direct))
            .Network("ded", NetworkKind.Dedicated, true, new NetworkLink("int", LinkVia.Direct));
        // ded is classified: ext–ded is unsafe, int–ded is between two classified networks.
        Assert.That(m.Findings("AM4004"), Is.EqualTo(new[] { "ded,ext" }));
    }
}

[TestFixture]
public class ConsolidationRulesTests
{
    [Test]
    public void Analyze_DedicatedWithSameClassificationUnified_TargetLinkedFirst()
    {
        var m = new TestModel().Agency("a")
            .Network("ext.a", NetworkKind.Extranet).Network("ext.b", NetworkKind.Extranet)
            .Network("ded", NetworkKind.Dedicated, null, new NetworkLink("ext.b", LinkVia.Gateway))
            .Network("ded2", NetworkKind.Dedicated)
            .System("s1", "a", networks: ["ded"]).System("s0", "a", networks: ["ded"], status: SystemStatus.Retired);
        var result = m.Analyze();
        var byNetwork = result.Findings.Where(f => f.Rule == "AM5001").ToDictionary(f => f.Elements[0]);
        Assert.That(byNetwork["ded"].Evidence["target"], Is.EqualTo("ext.b"));
        Assert.That(byNetwork["ded"].Evidence["systemsToMove"], Is.EqualTo(new[] { "s1" }));
        Assert.That(byNetwork["ded2"].Evidence["target"], Is.EqualTo("ext.a"));
    }

    [Test]
    public void Analyze_ClassifiedDedicatedOnlyOpenUnified_NoFinding()
    {
        var m = new TestModel().Network("ext", NetworkKind.Extranet).Network("ded", NetworkKind.Dedicated, true);
        Assert.That(m.Findings("AM5001"), Is.Empty);
    }

    [Test]
    public void Analyze_SystemOnOwnDatacenterWithCloudInJurisdiction_Candidate()
    {
        var m = new TestModel().Agency("a").Agency("gov")
            .Platform("dc", false, "a").Platform("cloud.z", true, "gov").Platform("cloud.b", true, null, "320000")
            .System("s", "a", hosting: "dc").System("old", "a", hosting: "dc", status: SystemStatus.Retired)
            .System("on", "a", hosting: "cloud.z");
        var f = TestModel.Single(m.Analyze(), "AM5002");
        Assert.That(f.Elements, Is.EqualTo(new[] { "s" }));
        Assert.That(f.Evidence["target"], Is.EqualTo("cloud.b"));
    }

    [Test]
    public void Analyze_CloudElsewhere_NoCandidate()
    {
        var m = new TestModel().Agency("a").Agency("gov", AgencyLevel.Municipal)
            .Platform("dc", false, "a").Platform("cloud", true, "gov", "999")
            .System("s", "a", hosting: "dc");
        Assert.That(m.Findings("AM5002"), Is.Empty);
    }

    [Test]
    public void Analyze_OwnerWithoutRegion_NoCandidate()
    {
        var m = new TestModel().Agency("a", region: null).Agency("gov", region: null)
            .Platform("dc", false, "a").Platform("cloud", true, "gov")
            .System("s", "a", hosting: "dc");
        Assert.That(m.Findings("AM5002"), Is.Empty);
    }
}
