using ArchModel.Planning;
using ArchModel.Tests.Analysis;

namespace ArchModel.Tests.Planning;

public sealed class MigrationPlannerTests
{
    private static MigrationPlan Plan(TestModel before, TestModel after) => MigrationPlanner.Plan(ModelDiff.Compare(before.Build(), after.Build()));

    private static MigrationStep StepOf(MigrationPlan plan, StepAction action, string subject) =>
        plan.Steps.Single(s => s.Action == action && s.Subject == subject);

    private static void AssertBefore(MigrationPlan plan, MigrationStep first, MigrationStep then)
    {
        Assert.That(first.Order, Is.LessThan(then.Order), $"step {first.Order} ({first.Action} {first.Subject}) must come before {then.Order} ({then.Action} {then.Subject})");
        Assert.That(then.After, Does.Contain(first.Order), $"{then.Action} {then.Subject} must name step {first.Order} in After");
    }

    [Test]
    public void Plan_SameModel_NoSteps()
    {
        var model = new TestModel().Agency("ag.a").Network("n", NetworkKind.Extranet).System("s", "ag.a", networks: ["n"]).Build();
        var plan = MigrationPlanner.Plan(ModelDiff.Compare(model, model));
        Assert.That((plan.IsEmpty, plan.Phases.Count, plan.Cycles.Count), Is.EqualTo((true, 0, 0)));
    }

    [Test]
    public void Plan_SystemMovesToNewNetwork_AfterTheNetworkIsBuiltAndBeforeTheOldIsRetired()
    {
        var plan = Plan(
            new TestModel().Agency("ag.a").Network("net.hrss", NetworkKind.Dedicated).System("sys.s", "ag.a", networks: ["net.hrss"]),
            new TestModel().Agency("ag.a").Network("net.extranet", NetworkKind.Extranet).System("sys.s", "ag.a", networks: ["net.extranet"]));
        var build = StepOf(plan, StepAction.BuildNetwork, "net.extranet");
        var move = StepOf(plan, StepAction.MoveToNetwork, "sys.s");
        var retire = StepOf(plan, StepAction.RetireNetwork, "net.hrss");
        AssertBefore(plan, build, move);
        AssertBefore(plan, move, retire);
        Assert.That(move.Elements, Is.EqualTo(new[] { "net.extranet", "net.hrss", "sys.s" }));
        Assert.That(move.Description.Chinese, Is.EqualTo("将系统「sys.s」接入「net.extranet」，并撤出「net.hrss」"));
        Assert.That((build.Phase, move.Phase, retire.Phase), Is.EqualTo((PlanPhase.Foundations, PlanPhase.Systems, PlanPhase.Retire)));
    }

    [Test]
    public void Plan_SystemMovesToNewPlatform_AfterItIsBuiltAndBeforeTheDataCentreCloses()
    {
        var plan = Plan(
            new TestModel().Agency("ag.a").Platform("plat.dc", shared: false, owner: "ag.a").System("sys.s", "ag.a", hosting: "plat.dc"),
            new TestModel().Agency("ag.a").Platform("plat.cloud", shared: true, owner: "ag.a").System("sys.s", "ag.a", hosting: "plat.cloud"));
        var build = StepOf(plan, StepAction.BuildPlatform, "plat.cloud");
        var move = StepOf(plan, StepAction.MoveToPlatform, "sys.s");
        var retire = StepOf(plan, StepAction.RetirePlatform, "plat.dc");
        AssertBefore(plan, build, move);
        AssertBefore(plan, move, retire);
        Assert.That(move.Description.English, Is.EqualTo("Migrate system sys.s from plat.dc to plat.cloud"));
    }

    [Test]
    public void Plan_NetworkRetired_OnlyAfterEverySystemAndPlatformLeftIt()
    {
        var before = new TestModel().Agency("ag.a").Network("net.old", NetworkKind.Dedicated).Network("net.x", NetworkKind.Extranet)
            .System("sys.a", "ag.a", networks: ["net.old"]).System("sys.b", "ag.a", networks: ["net.old", "net.x"])
            .System("sys.c", "ag.a", networks: ["net.old"]);
        var after = new TestModel().Agency("ag.a").Network("net.x", NetworkKind.Extranet)
            .System("sys.a", "ag.a", networks: ["net.x"]).System("sys.b", "ag.a", networks: ["net.x"])
            .System("sys.c", "ag.a", status: SystemStatus.Retired);
        var plan = Plan(before, after);
        var retire = StepOf(plan, StepAction.RetireNetwork, "net.old");
        AssertBefore(plan, StepOf(plan, StepAction.MoveToNetwork, "sys.a"), retire);
        AssertBefore(plan, StepOf(plan, StepAction.MoveToNetwork, "sys.b"), retire);
        AssertBefore(plan, StepOf(plan, StepAction.RetireSystem, "sys.c"), retire);
    }

    [Test]
    public void Plan_PlatformLeavesARetiredNetwork_BeforeTheNetworkIsRetired()
    {
        var before = new TestModel().Network("net.old", NetworkKind.Dedicated).Network("net.x", NetworkKind.Extranet).Build();
        var withPlatform = new ModelBuilder().AddRange(before.Elements).Add(new Platform { Id = "plat.p", Name = "p", PlatformKind = PlatformKind.Cloud, Networks = ["net.old"] }).Build().Model;
        var after = new ModelBuilder().Add(new Network { Id = "net.x", Name = "net.x", NetworkKind = NetworkKind.Extranet })
            .Add(new Platform { Id = "plat.p", Name = "p", PlatformKind = PlatformKind.Cloud, Networks = ["net.x"] }).Build().Model;
        var plan = MigrationPlanner.Plan(ModelDiff.Compare(withPlatform, after));
        AssertBefore(plan, StepOf(plan, StepAction.UpdatePlatform, "plat.p"), StepOf(plan, StepAction.RetireNetwork, "net.old"));
    }

    private static TestModel Consolidation(bool after)
    {
        // sys.dup (ag.b) duplicates sys.shared (ag.a); sys.c sends it population data. To-be: sys.dup retired,
        // ag.b uses sys.shared, and sys.c sends the same data to sys.shared instead.
        var m = new TestModel().Agency("ag.a").Agency("ag.b").Agency("ag.c")
            .Resource("res.pop", "ag.c")
            .System("sys.shared", "ag.a", caps: ["cap.oa"], usedBy: after ? ["ag.b"] : null)
            .System("sys.dup", "ag.b", caps: ["cap.oa"], status: after ? SystemStatus.Retired : SystemStatus.Operational)
            .System("sys.c", "ag.c")
            .Flow("flow.c-dup", "sys.c", "sys.dup", after ? FlowStatus.Retired : FlowStatus.Active, carries: ["res.pop"]);
        return after ? m.Flow("flow.c-shared", "sys.c", "sys.shared", carries: ["res.pop"]) : m;
    }

    [Test]
    public void Plan_SystemRetired_OnlyAfterItsFlowsMovedToItsReplacement()
    {
        var plan = Plan(Consolidation(false), Consolidation(true));
        var share = StepOf(plan, StepAction.ShareSystem, "sys.shared");
        var connect = StepOf(plan, StepAction.Connect, "flow.c-shared");
        var disconnect = StepOf(plan, StepAction.Disconnect, "flow.c-dup");
        var retire = StepOf(plan, StepAction.RetireSystem, "sys.dup");
        AssertBefore(plan, connect, disconnect);
        AssertBefore(plan, disconnect, retire);
        AssertBefore(plan, connect, retire);
        AssertBefore(plan, share, retire);
        Assert.That(retire.Elements, Is.EqualTo(new[] { "sys.dup", "sys.shared" }));
        Assert.That(retire.Description.Chinese, Is.EqualTo("系统「sys.dup」下线停用，业务和数据交换由「sys.shared」承接"));
        Assert.That(disconnect.Description.English, Does.EndWith("now replaced by the flow sys.c → sys.shared"));
    }

    [Test]
    public void Plan_SystemRemovedFromTheModel_CountsAsRetirement()
    {
        var after = new TestModel().Agency("ag.a").Agency("ag.b").Agency("ag.c").Resource("res.pop", "ag.c")
            .System("sys.shared", "ag.a", caps: ["cap.oa"], usedBy: ["ag.b"]).System("sys.c", "ag.c")
            .Flow("flow.c-shared", "sys.c", "sys.shared", carries: ["res.pop"]);
        var plan = Plan(Consolidation(false), after);
        var retire = StepOf(plan, StepAction.RetireSystem, "sys.dup");
        AssertBefore(plan, StepOf(plan, StepAction.Disconnect, "flow.c-dup"), retire);
        AssertBefore(plan, StepOf(plan, StepAction.Connect, "flow.c-shared"), retire);
    }

    [TestCase(3, 3)]
    [TestCase(4, 0)]
    public void Plan_TiedReplacementCandidates_KeptUpToThree(int candidates, int expected)
    {
        TestModel Model(bool after)
        {
            var m = new TestModel().Agency("ag.a").Agency("ag.b")
                .System("sys.old", "ag.b", caps: ["cap.x"], status: after ? SystemStatus.Retired : SystemStatus.Operational);
            for (var i = 0; i < candidates; i++)
            {
                m.System($"sys.c{i}", "ag.a", caps: ["cap.x"], usedBy: ["ag.b"]);
            }
            return m;
        }
        var retire = StepOf(Plan(Model(false), Model(true)), StepAction.RetireSystem, "sys.old");
        Assert.That(retire.Elements, Has.Count.EqualTo(1 + expected));
    }

    [Test]
    public void Plan_FlowRedirectedToTheReplacement_BeforeTheRetirement()
    {
        var before = new TestModel().Agency("ag.a").System("sys.old", "ag.a", caps: ["cap.x"]).System("sys.c", "ag.a").Flow("flow.1", "sys.c", "sys.old");
        var after = new TestModel().Agency("ag.a").System("sys.old", "ag.a", caps: ["cap.x"], status: SystemStatus.Retired)
            .System("sys.c", "ag.a").System("sys.new", "ag.a", caps: ["cap.x"]).Flow("flow.1", "sys.c", "sys.new");
        var plan = Plan(before, after);
        var build = StepOf(plan, StepAction.BuildSystem, "sys.new");
        var redirect = StepOf(plan, StepAction.ChangeFlow, "flow.1");
        var retire = StepOf(plan, StepAction.RetireSystem, "sys.old");
        AssertBefore(plan, build, redirect);
        AssertBefore(plan, redirect, retire);
        AssertBefore(plan, build, retire);
    }

    [Test]
    public void Plan_StatusRetiring_IsARetirementStep()
    {
        var plan = Plan(new TestModel().Agency("ag.a").System("s", "ag.a"), new TestModel().Agency("ag.a").System("s", "ag.a", status: SystemStatus.Retiring));
        var step = plan.Steps.Single();
        Assert.That((step.Action, step.Description.English), Is.EqualTo((StepAction.RetireSystem, "Begin retiring system s")));
    }

    [Test]
    public void Plan_PlannedSystemGoesLive_OneGoLiveStepCarryingItsPlacement()
    {
        var plan = Plan(
            new TestModel().Agency("ag.a").Network("n", NetworkKind.Extranet).System("s", "ag.a", status: SystemStatus.Planned),
            new TestModel().Agency("ag.a").Network("n", NetworkKind.Extranet).System("s", "ag.a", networks: ["n"], mau: 100));
        Assert.That(plan.Steps.Select(s => s.Action), Is.EqualTo(new[] { StepAction.GoLive, StepAction.Update }));
        Assert.That(plan.Steps[0].Changes.Select(c => c.Field), Is.EqualTo(new[] { "networks", "status" }));
    }

    [Test]
    public void Plan_IndependentSteps_KeepAStableOrderByPhaseActionThenId()
    {
        var before = new TestModel().Agency("ag.a");
        var after = new TestModel().Agency("ag.a").Network("n.b", NetworkKind.Extranet).Network("n.a", NetworkKind.Internet)
            .Platform("p.z", shared: true).System("s.b", "ag.a").System("s.a", "ag.a");
        var plan = Plan(before, after);
        Assert.That(plan.Steps.Select(s => $"{s.ActionName} {s.Subject}"), Is.EqualTo(new[]
        {
            "build-network n.a", "build-network n.b", "build-platform p.z", "build-system s.a", "build-system s.b",
        }));
        Assert.That(plan.Phases.Select(p => (p.Phase, p.Steps.Count)), Is.EqualTo(new[] { (PlanPhase.Foundations, 3), (PlanPhase.Systems, 2) }));
    }

    [Test]
    public void Plan_DependencyOnALaterPhase_PushesTheStepIntoThatPhase()
    {
        // A service launched on a system that is built in the plan: the launch stays after the build.
        var plan = Plan(new TestModel().Agency("ag.a"),
            new TestModel().Agency("ag.a").System("s", "ag.a").Service("svc", "ag.a", ["s"], ServiceChannel.Web));
        AssertBefore(plan, StepOf(plan, StepAction.BuildSystem, "s"), StepOf(plan, StepAction.LaunchService, "svc"));
        foreach (var step in plan.Steps)
        {
            Assert.That(step.After.All(a => plan[a].Phase <= step.Phase), Is.True);
        }
    }

    [Test]
    public void Order_DependencyCycle_ReportedWithItsStepsNeverLoopedOn()
    {
        var change = new ElementChange(ChangeKind.Added, ElementKind.Network, "n", null, null, new Network { Id = "n", Name = "n", NetworkKind = NetworkKind.Other }, []);
        DraftStep Draft(StepAction action, string subject) => new() { Action = action, Subject = subject, Kind = ElementKind.Network, Change = change };
        var a = Draft(StepAction.BuildNetwork, "a");
        var b = Draft(StepAction.LinkNetworks, "b");
        var c = Draft(StepAction.UpdateNetwork, "c");
        var d = Draft(StepAction.BuildPlatform, "d");
        var free = Draft(StepAction.BuildNetwork, "e");
        var plan = StepOrder.Order([a, b, c, d, free], [(a, b), (b, c), (c, a), (c, d)]);
        Assert.That(plan.Steps, Has.Count.EqualTo(5));
        var cycle = plan.Cycles.Single();
        Assert.That(cycle.Steps.Select(n => plan[n].Subject), Is.EquivalentTo(new[] { "a", "b", "c" }));
        Assert.That(cycle.Dependencies, Has.Count.EqualTo(3));
        // The step outside the cycle still waits for the cycle's step it depends on.
        var dStep = plan.Steps.Single(s => s.Subject == "d");
        Assert.That(dStep.After, Is.EqualTo(new[] { plan.Steps.Single(s => s.Subject == "c").Order }));
        Assert.That(plan.Steps.All(s => s.After.All(x => x < s.Order)), Is.True);
    }

    [Test]
    public void Plan_DemoProvince_PhasesConsecutiveAndDependenciesEarlier()
    {
        var plan = DemoPlan.Plan;
        Assert.That(plan.Cycles, Is.Empty);
        Assert.That(plan.Steps.Select(s => s.Order), Is.EqualTo(Enumerable.Range(1, plan.Steps.Count)));
        Assert.That(plan.Phases.SelectMany(p => p.Steps), Is.EqualTo(Enumerable.Range(1, plan.Steps.Count)));
        Assert.That(plan.Phases.Select(p => p.Phase), Is.Ordered);
        foreach (var step in plan.Steps)
        {
            Assert.That(step.After.All(a => a < step.Order && plan[a].Phase <= step.Phase), Is.True, $"step {step.Order}");
        }
    }

    [Test]
    public void Plan_DemoProvince_EveryDataCentreAndDedicatedNetworkRetiredAfterItsSystemsLeft()
    {
        var plan = DemoPlan.Plan;
        var retired = plan.Steps.Where(s => s.Action is StepAction.RetirePlatform or StepAction.RetireNetwork).Select(s => s.Subject).ToArray();
        Assert.That(retired, Is.EquivalentTo(new[]
        {
            "plat.donghu-psb.dc", "plat.prov-health.dc", "plat.prov-hrss.dc", "plat.prov-land.dc", "plat.prov-psd.dc", "plat.xiling-gov.dc",
            "net.finance", "net.health", "net.hrss", "net.land", "net.ps-video",
        }));
        var moveToPoliceCloud = StepOf(plan, StepAction.MoveToPlatform, "sys.prov-psd.pop");
        AssertBefore(plan, StepOf(plan, StepAction.BuildPlatform, "plat.prov-psd.cloud"), moveToPoliceCloud);
        AssertBefore(plan, moveToPoliceCloud, StepOf(plan, StepAction.RetirePlatform, "plat.prov-psd.dc"));
        var hall = StepOf(plan, StepAction.RetireSystem, "sys.prov-gov-office.service-hall");
        Assert.That(hall.Elements, Does.Contain("sys.prov-gov-office.one-network"));
        AssertBefore(plan, StepOf(plan, StepAction.BuildSystem, "sys.prov-gov-office.one-network"), hall);
        AssertBefore(plan, StepOf(plan, StepAction.Disconnect, "flow.gov.hall-to-exchange"), hall);
    }

    [Test]
    public void Plan_DemoProvince_RetireSystemStepsNameTheirReplacements()
    {
        var plan = DemoPlan.Plan;
        var hall = StepOf(plan, StepAction.RetireSystem, "sys.prov-gov-office.service-hall");
        Assert.That(hall.Replacements, Is.EqualTo(new[] { "sys.prov-gov-office.one-network" }));
        foreach (var step in plan.Steps)
        {
            Assert.That(step.Elements, Is.SupersetOf(step.Replacements), $"step {step.Order}");
            if (step.Action != StepAction.RetireSystem)
            {
                Assert.That(step.Replacements, Is.Empty, $"step {step.Order}");
            }
        }
    }
}

/// <summary>The demo province diff and plan, computed once.</summary>
internal static class DemoPlan
{
    private static readonly Lazy<(ModelDiff Diff, MigrationPlan Plan)> Value = new(() =>
    {
        var before = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province", "model.json"), new LoadOptions { DisplayBase = TestPaths.RepoRoot }).Model!;
        var after = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province-2020", "model.json"), new LoadOptions { DisplayBase = TestPaths.RepoRoot }).Model!;
        var diff = ModelDiff.Compare(before, after);
        return (diff, MigrationPlanner.Plan(diff));
    });

    public static ModelDiff Diff => Value.Value.Diff;

    public static MigrationPlan Plan => Value.Value.Plan;
}
