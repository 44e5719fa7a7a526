using ArchModel.Planning;
using ArchModel.Tests.Analysis;

namespace ArchModel.Tests.Planning;

/// <summary>
/// Plans a planning office would sign: replacements match the component's category, every retired host names where
/// its systems go (or the gap is reported), record keeping is one closing step per agency, the operating cost is shown
/// net, and phases have dates when the models do.
/// </summary>
public sealed class SignablePlanTests
{
    private static MigrationPlan Plan(ArchitectureModel before, ArchitectureModel after) => MigrationPlanner.Plan(ModelDiff.Compare(before, after));

    private static MigrationPlan Plan(TestModel before, TestModel after) => Plan(before.Build(), after.Build());

    private static SystemComponent C(string name, ComponentCategory category, ComponentOrigin origin) => new(name, category, origin, null);

    // ───────────────────────── components ─────────────────────────

    [Test]
    public void Plan_MiddlewareDroppedAndSwitchSwapped_ReplacementsStayWithinTheirCategory()
    {
        SystemComponent[] kept = [C("TongWeb", ComponentCategory.Middleware, ComponentOrigin.Domestic)];
        var plan = Plan(
            new TestModel().Agency("ag.a").System("sys.s", "ag.a", components: [.. kept, C("WebLogic", ComponentCategory.Middleware, ComponentOrigin.Foreign), C("Cisco", ComponentCategory.Network, ComponentOrigin.Foreign)]),
            new TestModel().Agency("ag.a").System("sys.s", "ag.a", components: [.. kept, C("Huawei", ComponentCategory.Network, ComponentOrigin.Domestic)]));
        var step = plan.Steps.Single(s => s.Action == StepAction.Localize);
        Assert.That(step.Description.English, Is.EqualTo(
            "Localize system sys.s: remove WebLogic (foreign) (the existing TongWeb takes over); replace Cisco (foreign) with Huawei (domestic)"));
        Assert.That(step.Description.Chinese, Does.Not.Contain("以Huawei（国产）替换WebLogic"));
        Assert.That(step.Description.Chinese, Does.Contain("以Huawei（国产）替换Cisco（国外）"));
    }

    [Test]
    public void Plan_ReplacementOfAnotherCategoryOnly_IsNotCalledAReplacement()
    {
        var plan = Plan(
            new TestModel().Agency("ag.a").System("sys.s", "ag.a", components: [C("WebLogic", ComponentCategory.Middleware, ComponentOrigin.Foreign)]),
            new TestModel().Agency("ag.a").System("sys.s", "ag.a", components: [C("Huawei", ComponentCategory.Network, ComponentOrigin.Domestic)]));
        var step = plan.Steps.Single(s => s.Action == StepAction.Localize);
        Assert.That(step.Description.English, Is.EqualTo(
            "Change the components of system sys.s: remove WebLogic (foreign); add Huawei (domestic)"));
    }

    [Test]
    public void Plan_DemoProvince_NoLocalizationReplacesAComponentWithOneOfAnotherCategory()
    {
        var platform = DemoPlan.Plan.Steps.Single(s => s.Action == StepAction.Localize && s.Subject == "sys.prov-health.platform");
        Assert.That(platform.Description.Chinese, Does.Contain("停用Oracle WebLogic（国外），由已有的东方通 TongWeb承担"));
        Assert.That(platform.Description.Chinese, Does.Contain("以华为 CloudEngine 交换机（国产）替换Cisco Catalyst 交换机（国外）"));
        Assert.That(platform.Description.Chinese, Does.Not.Contain("交换机（国产）替换Oracle"));
    }

    // ───────────────────────── hosts ─────────────────────────

    [Test]
    public void Plan_DataCentreClosed_NamesWhereEachSystemGoes()
    {
        var before = new TestModel().Agency("ag.a").Platform("plat.dc", shared: false, owner: "ag.a")
            .System("sys.a", "ag.a", hosting: "plat.dc").System("sys.b", "ag.a", hosting: "plat.dc");
        var after = new TestModel().Agency("ag.a").Platform("plat.cloud", shared: true, owner: "ag.a")
            .System("sys.a", "ag.a", hosting: "plat.cloud").System("sys.b", "ag.a", status: SystemStatus.Retired);
        var plan = Plan(before, after);
        var close = plan.Steps.Single(s => s.Action == StepAction.RetirePlatform);
        Assert.That(close.Destinations, Is.EqualTo(new[] { new HostDestination("sys.a", ["plat.cloud"], false), new HostDestination("sys.b", [], true) })
            .Using<HostDestination>(static (x, y) => x.System == y.System && x.To.SequenceEqual(y.To) && x.Retired == y.Retired));
        Assert.That(close.Description.English, Is.EqualTo("Shut down platform plat.dc: sys.a moves to plat.cloud; sys.b retires"));
        Assert.That(plan.Unresolved, Is.Empty);
    }

    [Test]
    public void Plan_SystemTakenOffItsDataCentreToNowhere_IsReportedUnresolvedAtItsMove()
    {
        var before = new TestModel().Agency("ag.a").Platform("plat.dc", shared: false, owner: "ag.a").System("sys.a", "ag.a", hosting: "plat.dc");
        var after = new TestModel().Agency("ag.a").System("sys.a", "ag.a");
        var plan = Plan(before, after);
        var move = plan.Steps.Single(s => s.Action == StepAction.MoveToPlatform);
        var close = plan.Steps.Single(s => s.Action == StepAction.RetirePlatform);
        Assert.That(close.Destinations.Single().Unresolved, Is.True);
        Assert.That(plan.Unresolved, Is.EqualTo(new[] { new UnresolvedMove(move.Order, "sys.a", "plat.dc", ElementKind.Platform) }));
        Assert.That(move.Description.Chinese, Does.Contain("去向待定"));
        Assert.That(close.Description.Chinese, Does.Contain("「sys.a」去向未定"));
    }

    [Test]
    public void Plan_NetworkRetired_NamesTheNetworksItsSystemsMoveTo()
    {
        var plan = Plan(
            new TestModel().Agency("ag.a").Network("net.old", NetworkKind.Dedicated).System("sys.a", "ag.a", networks: ["net.old"]),
            new TestModel().Agency("ag.a").Network("net.x", NetworkKind.Extranet).System("sys.a", "ag.a", networks: ["net.x"]));
        var retire = plan.Steps.Single(s => s.Action == StepAction.RetireNetwork);
        Assert.That(retire.Description.Chinese, Is.EqualTo("撤销网络「net.old」：「sys.a」改接「net.x」"));
    }

    [Test]
    public void Plan_DemoProvince_OnlyTheClassifiedSurveySystemIsUnresolved()
    {
        var plan = DemoPlan.Plan;
        var survey = plan.Steps.Single(s => s.Action == StepAction.MoveToPlatform && s.Subject == "sys.prov-land.survey");
        Assert.That(plan.Unresolved, Is.EqualTo(new[] { new UnresolvedMove(survey.Order, "sys.prov-land.survey", "plat.prov-land.dc", ElementKind.Platform) }));
        foreach (var step in plan.Steps.Where(s => s.Action == StepAction.RetirePlatform))
        {
            var hosted = DemoPlan.Diff.Before.SystemsHostedOn(step.Subject).Select(s => s.Id).Order(StringComparer.Ordinal);
            Assert.That(step.Destinations.Select(d => d.System), Is.EqualTo(hosted), step.Subject);
        }
    }

    // ───────────────────────── records ─────────────────────────

    [Test]
    public void Plan_RecordUpdates_OneClosingStepPerAgency()
    {
        static TestModel Model(string text) => new TestModel().Agency("ag.a").Agency("ag.b")
            .System("sys.a1", "ag.a", name: "A1 " + text).System("sys.a2", "ag.a", name: "A2 " + text).System("sys.b1", "ag.b", name: "B1 " + text)
            .Flow("flow.1", "sys.b1", "sys.a1");
        var before = Model("old").Build();
        var after = Model("new").Build([.. Model("new").Elements.Select(e => e is Flow f ? f with { Description = "changed" } : e)]);
        var plan = Plan(before, after);
        var records = plan.Steps.Where(s => s.Action == StepAction.Update).ToList();
        Assert.That(records.Select(s => (s.Subject, s.Phase)), Is.EqualTo(new[] { ("ag.a", PlanPhase.CloseOut), ("ag.b", PlanPhase.CloseOut) }));
        Assert.That(records[0].Records.Select(r => r.Element), Is.EqualTo(new[] { "sys.a1", "sys.a2" }));
        Assert.That(records[1].Records.Select(r => r.Element), Is.EqualTo(new[] { "flow.1", "sys.b1" }), "a flow is kept by the owner of its sender");
        Assert.That(records[0].Description.English, Is.EqualTo("Update the records of ag.a (2): system A1 new: name: A1 old → A1 new; system A2 new: name: A2 old → A2 new"));
    }

    [Test]
    public void Plan_DemoProvince_AtMostOneRecordStepPerAgency()
    {
        var records = DemoPlan.Plan.Steps.Where(s => s.Action == StepAction.Update).ToList();
        Assert.That(records.Select(s => s.Subject), Is.Unique);
        Assert.That(records.Select(s => s.Kind), Is.All.EqualTo(ElementKind.Agency));
        Assert.That(records.Sum(s => s.Records.Count), Is.EqualTo(23), "the 23 record updates of the demo, folded");
        Assert.That(records.Count, Is.LessThan(23));
    }

    // ───────────────────────── cost ─────────────────────────

    [Test]
    public void Plan_OperatingCost_NetIsWhatComesMinusWhatRetiresPlusWhatChanges()
    {
        var plan = Plan(
            new TestModel().Agency("ag.a").System("sys.keep", "ag.a", cost: 100).System("sys.old", "ag.a", cost: 40).System("sys.later", "ag.a", status: SystemStatus.Retired, cost: 7),
            new TestModel().Agency("ag.a").System("sys.keep", "ag.a", cost: 90).System("sys.old", "ag.a", status: SystemStatus.Retired, cost: 40).System("sys.new", "ag.a", cost: 75));
        var cost = plan.OperatingCost;
        Assert.That((cost.Before, cost.After, cost.Retired, cost.Added, cost.Changed, cost.Net), Is.EqualTo((140d, 165d, 40d, 75d, -10d, 25d)));
    }

    [Test]
    public void Plan_DemoProvince_AvoidableSavingAndRisingTotalAreBothKnown()
    {
        var cost = DemoPlan.Plan.OperatingCost;
        Assert.That((cost.AvoidableSaved, cost.Before, cost.After), Is.EqualTo((2_110_000d, 46_015_000d, 46_625_000d)));
        Assert.That(cost.Added - cost.Retired + cost.Changed, Is.EqualTo(cost.Net).Within(0.001));
    }

    // ───────────────────────── timeline ─────────────────────────

    private static ArchitectureModel Dated(TestModel model, string? asOf, params Milestone[] milestones)
    {
        var result = new ModelBuilder(new ModelInfo { Id = "m", AsOf = asOf is null ? null : DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), Milestones = milestones })
            .AddRange(model.Elements).Build();
        return result.Model;
    }

    private static TestModel Before() => new TestModel().Agency("ag.a").Network("net.old", NetworkKind.Dedicated)
        .System("sys.a", "ag.a", networks: ["net.old"]).System("sys.b", "ag.a", networks: ["net.old"]);

    private static TestModel After() => new TestModel().Agency("ag.a").Network("net.x", NetworkKind.Extranet)
        .System("sys.a", "ag.a", networks: ["net.x"]).System("sys.b", "ag.a", networks: ["net.x"]);

    private static string Dates(MigrationPlan plan) =>
        string.Join("; ", plan.Phases.Select(static p =>
            $"{p.Phase} {p.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}–{p.End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}"));

    [Test]
    public void Plan_ModelWithoutDate_PhasesCarryNoDates()
    {
        var plan = Plan(Dated(Before(), null), Dated(After(), "2020-12-31"));
        Assert.That(plan.Schedule, Is.Null);
        Assert.That(plan.Phases.Select(static p => (p.Start, p.End)), Is.All.EqualTo(((DateOnly?)null, (DateOnly?)null)));
    }

    [Test]
    public void Plan_ModelDatesOnly_PhasesShareTheYearHalfEquallyHalfBySteps()
    {
        // Foundations 1 step, Systems 2, Retire 1: shares 1/6 + 1/8, 1/6 + 1/4, 1/6 + 1/8 of 365 days.
        var plan = Plan(Dated(Before(), "2020-01-01"), Dated(After(), "2020-12-31"));
        Assert.That(Dates(plan), Is.EqualTo("Foundations 2020-01-01–2020-04-16; Systems 2020-04-16–2020-09-16; Retire 2020-09-16–2020-12-31"));
    }

    [Test]
    public void Plan_PhaseMilestone_FixesThatPhaseEndAndTheOthersShareTheRest()
    {
        var due = new Milestone("ms.systems", "Systems moved", new DateOnly(2020, 6, 30), PlanPhase.Systems, null);
        var late = new Milestone("ms.late", "After the plan", new DateOnly(2021, 3, 1), PlanPhase.Retire, null);
        var marker = new Milestone("ms.mark", "Marker", new DateOnly(2020, 2, 1), null, null);
        var plan = Plan(Dated(Before(), "2020-01-01"), Dated(After(), "2020-12-31", late, due, marker));
        // Foundations and Systems share 181 days: Foundations 1/4 + 1/6 of them.
        Assert.That(Dates(plan), Is.EqualTo("Foundations 2020-01-01–2020-03-16; Systems 2020-03-16–2020-06-30; Retire 2020-06-30–2020-12-31"));
        Assert.That(plan.Schedule!.Milestones.Select(static m => (m.Milestone.Id, m.ClosesPhase, m.OutsidePeriod)),
            Is.EqualTo(new[] { ("ms.mark", false, false), ("ms.systems", true, false), ("ms.late", false, true) }));
    }

    [Test]
    public void Plan_PhaseMilestonesOutOfOrder_TheLaterPhaseMilestoneFixesNothing()
    {
        // Built in code, so the loader's check never saw them: the plan still gives consecutive dates.
        var systems = new Milestone("ms.systems", "Systems moved", new DateOnly(2020, 6, 30), PlanPhase.Systems, null);
        var retire = new Milestone("ms.retire", "Retired", new DateOnly(2020, 3, 1), PlanPhase.Retire, null);
        var plan = Plan(Dated(Before(), "2020-01-01"), Dated(After(), "2020-12-31", retire, systems));
        Assert.That(plan.Schedule!.Milestones.Select(static m => (m.Milestone.Id, m.ClosesPhase, m.OutOfOrder)),
            Is.EqualTo(new[] { ("ms.retire", false, true), ("ms.systems", true, false) }));
        Assert.That(Dates(plan), Is.EqualTo("Foundations 2020-01-01–2020-03-16; Systems 2020-03-16–2020-06-30; Retire 2020-06-30–2020-12-31"));
    }

    [Test]
    public void Plan_DemoProvince_PhasesEndOnTheirMilestonesAndThePlanOnTheTargetDate()
    {
        var phases = DemoPlan.Plan.Phases;
        Assert.That(phases[0].Start, Is.EqualTo(new DateOnly(2016, 4, 8)));
        Assert.That(phases.Single(p => p.Phase == PlanPhase.Prepare).End, Is.EqualTo(new DateOnly(2017, 6, 30)));
        Assert.That(phases.Single(p => p.Phase == PlanPhase.Systems).End, Is.EqualTo(new DateOnly(2018, 12, 31)));
        Assert.That(phases.Single(p => p.Phase == PlanPhase.Retire).End, Is.EqualTo(new DateOnly(2020, 9, 30)));
        Assert.That(phases[^1].End, Is.EqualTo(new DateOnly(2020, 12, 31)));
        for (var i = 1; i < phases.Count; i++)
        {
            Assert.That(phases[i].Start, Is.EqualTo(phases[i - 1].End), "phases follow each other without gaps");
        }
    }
}
