using ArchModel.Planning;
using ArchModel.Tests.Analysis;

namespace ArchModel.Tests.Planning;

public sealed class ModelDiffTests
{
    private static TestModel Base() => new TestModel()
        .Agency("ag.a").Agency("ag.b")
        .Network("net.x", NetworkKind.Extranet)
        .Platform("pf.cloud", shared: true, owner: "ag.a")
        .System("sys.1", "ag.a", caps: ["cap.oa"], networks: ["net.x"], hosting: "pf.cloud", cost: 100)
        .System("sys.2", "ag.b", caps: ["cap.oa"], networks: ["net.x"])
        .Flow("flow.1", "sys.1", "sys.2");

    [Test]
    public void Compare_ModelAgainstItself_IsEmpty()
    {
        var model = Base().Build();
        var diff = ModelDiff.Compare(model, model);
        Assert.That(diff.IsEmpty, Is.True);
        Assert.That(diff.ResolvedFindings, Is.Empty);
        Assert.That(diff.IntroducedFindings, Is.Empty);
        Assert.That(diff.Metrics.All(m => m.Delta is null or 0), Is.True);
    }

    [Test]
    public void Compare_DemoProvinceAgainstItself_IsEmpty()
    {
        var model = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province", "model.json")).Model!;
        var again = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province", "model.json")).Model!;
        var diff = ModelDiff.Compare(model, again);
        Assert.That((diff.Added.Count, diff.Removed.Count, diff.Changed.Count), Is.EqualTo((0, 0, 0)));
        Assert.That(MigrationPlanner.Plan(diff).Steps, Is.Empty);
    }

    [Test]
    public void Compare_AddedAndRemovedElements_ListedByIdWithKind()
    {
        var before = Base().Build();
        var after = Base().Network("net.new", NetworkKind.Intranet).Build(Base().Network("net.new", NetworkKind.Intranet).Elements.Where(e => e.Id != "flow.1"));
        var diff = ModelDiff.Compare(before, after);
        Assert.That(diff.Added.Select(c => (c.Id, c.Kind)), Is.EqualTo(new[] { ("net.new", ElementKind.Network) }));
        Assert.That(diff.Removed.Select(c => (c.Id, c.Kind)), Is.EqualTo(new[] { ("flow.1", ElementKind.Flow) }));
    }

    [Test]
    public void Compare_ListsInAnotherOrder_NoChange()
    {
        var before = new TestModel().Agency("ag.a").Network("n1", NetworkKind.Extranet).Network("n2", NetworkKind.Internet)
            .System("s", "ag.a", networks: ["n1", "n2"], aliases: ["甲", "乙"]).Build();
        var after = new TestModel().Agency("ag.a").Network("n1", NetworkKind.Extranet).Network("n2", NetworkKind.Internet)
            .System("s", "ag.a", networks: ["n2", "n1"], aliases: ["乙", "甲"]).Build();
        Assert.That(ModelDiff.Compare(before, after).IsEmpty, Is.True);
    }

    [Test]
    public void Compare_ScalarSetAndNestedFields_ReportedFieldByField()
    {
        var before = new TestModel().Agency("ag.a").Network("n1", NetworkKind.Extranet).Network("n2", NetworkKind.Internet)
            .System("s", "ag.a", networks: ["n1"], cost: 100, mau: 5, level: 2,
                components: [TestModel.Component(ComponentCategory.Os, ComponentOrigin.Foreign, "Windows")]).Build();
        var after = new TestModel().Agency("ag.a").Network("n1", NetworkKind.Extranet).Network("n2", NetworkKind.Internet)
            .System("s", "ag.a", networks: ["n1", "n2"], cost: 200, mau: 5, level: 3,
                components: [TestModel.Component(ComponentCategory.Os, ComponentOrigin.Domestic, "麒麟")]).Build();
        var change = ModelDiff.Compare(before, after).Changed.Single();
        Assert.That(change.Fields.Select(f => f.Field), Is.EqualTo(new[] { "components", "cost.annualOperation", "networks", "protectionLevel" }));
        var networks = change.Field("networks")!;
        Assert.That((networks.IsSet, networks.AddedValues.Single(), networks.RemovedValues), Is.EqualTo((true, (object)"n2", Array.Empty<object?>())));
        Assert.That((change.Field("cost.annualOperation")!.Before, change.Field("cost.annualOperation")!.After), Is.EqualTo(((object)100.0, (object)200.0)));
        Assert.That((change.Field("protectionLevel")!.Before, change.Field("protectionLevel")!.After), Is.EqualTo(((object)2L, (object)3L)));
        Assert.That(change.Field("components")!.RemovedValues.Single(), Is.EqualTo(new SortedDictionary<string, object?>(StringComparer.Ordinal)
            { ["category"] = "os", ["name"] = "Windows", ["origin"] = "foreign" }));
    }

    [Test]
    public void Compare_PropertiesTagsAndLinks_Compared()
    {
        var before = new ModelBuilder().Add(new Network
        {
            Id = "n", Name = "n", NetworkKind = NetworkKind.Dedicated, Tags = ["a"],
            Properties = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["k"] = "v" },
        }).Add(new Network { Id = "m", Name = "m", NetworkKind = NetworkKind.Extranet }).Build().Model;
        var after = new ModelBuilder().Add(new Network
        {
            Id = "n", Name = "n", NetworkKind = NetworkKind.Dedicated, Tags = ["a", "b"],
            Properties = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["k"] = "w" },
            Links = [new NetworkLink("m", LinkVia.Isolation)],
        }).Add(new Network { Id = "m", Name = "m", NetworkKind = NetworkKind.Extranet }).Build().Model;
        var change = ModelDiff.Compare(before, after).Changed.Single();
        Assert.That(change.Fields.Select(f => f.Field), Is.EqualTo(new[] { "links", "properties.k", "tags" }));
    }

    [Test]
    public void Compare_EffectiveDefaults_NotAChange()
    {
        // An intranet is classified by default: saying so explicitly changes nothing.
        var before = new TestModel().Network("n", NetworkKind.Intranet).Build();
        var after = new TestModel().Network("n", NetworkKind.Intranet, classified: true).Build();
        Assert.That(ModelDiff.Compare(before, after).IsEmpty, Is.True);
    }

    [Test]
    public void Compare_RenamedViaFormerIds_OneChangeWithIdField()
    {
        var before = Base().Build();
        var elements = Base().Elements.Select(e => e switch
        {
            InformationSystem { Id: "sys.2" } s => s with { Id = "sys.2-new", FormerIds = ["sys.2"] },
            Flow f => f with { To = f.To == "sys.2" ? "sys.2-new" : f.To },
            _ => e,
        });
        var after = new ModelBuilder().AddRange(elements).Build().Model;
        var diff = ModelDiff.Compare(before, after);
        Assert.That((diff.Added.Count, diff.Removed.Count), Is.EqualTo((0, 0)));
        var renamed = diff.Changed.Single(c => c.Kind == ElementKind.System);
        Assert.That((renamed.Id, renamed.BeforeId, renamed.IsRename), Is.EqualTo(("sys.2-new", "sys.2", true)));
        Assert.That(renamed.Fields.Select(f => f.Field), Is.EqualTo(new[] { "id" }));
        // The flow now points at the new id: a change of "to" from the old to the new id.
        var flow = diff.Changed.Single(c => c.Kind == ElementKind.Flow);
        Assert.That(flow.Field("to")!.After, Is.EqualTo("sys.2-new"));
        Assert.That(diff.AfterIdOf("sys.2"), Is.EqualTo("sys.2-new"));
    }

    [Test]
    public void Plan_RenameOnly_GivesOneRecordUpdateNoRetirement()
    {
        var before = Base().Build();
        var elements = Base().Elements.Select(e => e is InformationSystem { Id: "sys.1" } s ? s with { Id = "sys.one", FormerIds = ["sys.1"] }
            : e is Flow f ? f with { From = "sys.one" } : e);
        var after = new ModelBuilder().AddRange(elements).Build().Model;
        var plan = MigrationPlanner.Plan(ModelDiff.Compare(before, after));
        Assert.That(plan.Steps.Select(s => (s.Action, s.Subject)), Is.EquivalentTo(new[]
        {
            (StepAction.Update, "ag.a"),
            (StepAction.ChangeFlow, "flow.1"),
        }));
        // The rename is a record of the owner's one closing record-keeping step.
        Assert.That(plan.Steps.Single(s => s.Action == StepAction.Update).Records.Select(r => r.Element), Is.EqualTo(new[] { "sys.one" }));
    }

    [Test]
    public void Compare_FormerIdOfAnElementMatchedById_IsAMerge()
    {
        var before = new TestModel().Agency("ag.a").System("sys.a", "ag.a").System("sys.b", "ag.a").Build();
        var after = new ModelBuilder().Add(new Agency { Id = "ag.a", Name = "ag.a", Level = AgencyLevel.Provincial, Region = "320000" })
            .Add(new InformationSystem { Id = "sys.b", Name = "sys.b", Owner = "ag.a", FormerIds = ["sys.a"] }).Build().Model;
        var diff = ModelDiff.Compare(before, after);
        Assert.That(diff.Removed.Single().Id, Is.EqualTo("sys.a"));
        Assert.That(diff.MergedInto["sys.a"], Is.EqualTo("sys.b"));
        Assert.That(diff.Changed, Is.Empty, "a former id that names another element is not a field change");
        var plan = MigrationPlanner.Plan(diff);
        var retire = plan.Steps.Single(s => s.Action == StepAction.RetireSystem);
        Assert.That(retire.Elements, Is.EqualTo(new[] { "sys.a", "sys.b" }));
        Assert.That(retire.Description.English, Does.Contain("taken over by sys.b"));
    }

    [Test]
    public void Compare_SameIdDifferentKind_RemovedAndAdded()
    {
        var before = new TestModel().Agency("ag.a").System("x", "ag.a").Build();
        var after = new TestModel().Agency("ag.a").Network("x", NetworkKind.Extranet).Build();
        var diff = ModelDiff.Compare(before, after);
        Assert.That((diff.Added.Single().Kind, diff.Removed.Single().Kind), Is.EqualTo((ElementKind.Network, ElementKind.System)));
    }

    [Test]
    public void Compare_Findings_ResolvedAndIntroducedMappedThroughRenames()
    {
        // Two OA systems of one agency: a duplicate build (AM1001). After: one retired, and a new isolated system.
        var before = new TestModel().Agency("ag.a")
            .System("sys.oa1", "ag.a", caps: ["cap.oa"]).System("sys.oa2", "ag.a", caps: ["cap.oa"]).Flow("f", "sys.oa1", "sys.oa2").Build();
        var after = new TestModel().Agency("ag.a")
            .System("sys.oa1", "ag.a", caps: ["cap.oa"]).System("sys.oa2", "ag.a", caps: ["cap.oa"], status: SystemStatus.Retired)
            .Flow("f", "sys.oa1", "sys.oa2", FlowStatus.Retired).Build();
        var diff = ModelDiff.Compare(before, after);
        Assert.That(diff.ResolvedFindings.Select(f => (f.Rule, string.Join(",", f.Elements))), Does.Contain(("AM1001", "sys.oa1,sys.oa2")));
        Assert.That(diff.IntroducedFindings.Select(f => f.Rule), Does.Contain("AM2001"));

        // Renaming both members keeps the finding: neither resolved nor introduced.
        var renamed = new ModelBuilder().AddRange(before.Elements.Select(e => e switch
        {
            InformationSystem s => s with { Id = s.Id + "-x", FormerIds = [s.Id] },
            Flow f => f with { From = f.From + "-x", To = f.To + "-x" },
            _ => e,
        })).Build().Model;
        var again = ModelDiff.Compare(before, renamed);
        Assert.That(again.ResolvedFindings.Concat(again.IntroducedFindings), Is.Empty);
    }

    [Test]
    public void Compare_Metrics_EveryMetricInOrdinalOrderWithTarget()
    {
        var before = Base().Build();
        var after = Base().Target(MetricNames.CloudRate, 0.9).Build();
        var diff = ModelDiff.Compare(before, after);
        Assert.That(diff.Metrics.Select(m => m.Metric), Is.EqualTo(MetricNames.All.Order(StringComparer.Ordinal)));
        var cloud = diff.Metrics.Single(m => m.Metric == MetricNames.CloudRate);
        Assert.That((cloud.Before, cloud.After, cloud.Target, cloud.TargetMet), Is.EqualTo(((double?)1.0, (double?)1.0, (double?)0.9, (bool?)true)));
    }
}
