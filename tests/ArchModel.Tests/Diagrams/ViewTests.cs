using ArchModel.Analysis;
using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

public sealed class ViewTests
{
    private static ArchitectureModel _small = null!;
    private static AnalysisResult _analysis = null!;

    [OneTimeSetUp]
    public void LoadSmallModel()
    {
        _small = DiagramModels.Small();
        _analysis = Analyzer.Analyze(_small);
    }

    private static DiagramNode Node(DiagramView view, string id) =>
        view.Nodes.Single(n => n.ElementIds.Contains(id) && n.Kind != DiagramNodeKind.Group);

    [Test]
    public void Landscape_SmallModel_ClustersSystemsByOwnerAndClassifiesFlows()
    {
        var view = Views.Landscape(_small, _analysis);
        Assert.That(view.Clusters.Select(c => c.ElementId), Is.EqualTo(new[] { "ag.city.edu", "ag.city.gov", "ag.city.psb", "ag.prov.psd" }));
        Assert.That(Node(view, "sys.city-psb.pop").Cluster, Is.EqualTo("c:ag.city.psb"));
        Assert.That(view.Edges.Single(e => e.ElementIds.SequenceEqual(["flow.pop-up"])).Kind, Is.EqualTo(DiagramEdgeKind.VerticalFlow));
        Assert.That(view.Edges.Single(e => e.ElementIds.SequenceEqual(["flow.pop-exchange"])).Kind, Is.EqualTo(DiagramEdgeKind.HorizontalFlow));
        Assert.That(view.Edges.Single(e => e.ElementIds.SequenceEqual(["flow.oa-internal"])).Kind, Is.EqualTo(DiagramEdgeKind.Flow));
        Assert.That(view.Edges.Single(e => e.ElementIds.SequenceEqual(["flow.exchange-oa"])).Status, Is.EqualTo(DiagramStatus.Planned));
        Assert.That(Node(view, "sys.city-edu.portal").Status, Is.EqualTo(DiagramStatus.Planned));
        Assert.That(view.Aggregated, Is.False);
    }

    [Test]
    public void Landscape_WithAnalysis_HighlightsTheElementsFindingsName()
    {
        var view = Views.Landscape(_small, _analysis);
        var oa = Node(view, "sys.city-psb.oa");
        Assert.That(oa.Highlight, Is.Not.Null);
        Assert.That(oa.Highlight!.Rules, Does.Contain("AM1001"));
        // The marker spells the findings out in the view's language (with how the duplicate overlaps); the codes
        // are the tooltip's.
        Assert.That(oa.Highlight.Marker, Does.StartWith("⚠ ").And.Contain("重复建设（横向）").And.Not.Contain("AM1001"));
        Assert.That(oa.Highlight.Codes, Does.Contain("AM1001"));
        Assert.That(new DotWriter().Write(view), Does.Contain("重复建设（横向）").And.Contain("tooltip=\"⚠ AM1001"));
        var english = Views.Landscape(_small, _analysis, new ViewOptions { Language = Language.English });
        Assert.That(Node(english, "sys.city-psb.oa").Highlight!.Marker, Does.Contain("(horizontal)"));
        Assert.That(view.Clusters.Single(c => c.ElementId == "ag.city.edu").Highlight!.Rules, Does.Contain("AM2003"));
        Assert.That(Views.Landscape(_small).Nodes.All(n => n.Highlight is null), Is.True, "no analysis, no highlight");
    }

    [Test]
    public void Landscape_SuppressedFinding_IsNotHighlighted()
    {
        var model = DiagramModels.Load(Path.Combine(TestPaths.Models, "demo-province", "model.json"));
        var view = Views.Landscape(model, Analyzer.Analyze(model));
        // AM4003 on sys.prov-psd.pop is suppressed in the demo model.
        Assert.That(Node(view, "sys.prov-psd.pop").Highlight!.Rules, Does.Not.Contain("AM4003"));
    }

    [TestCase(0, new[] { "sys.city-psb.oa", "sys.city-psb.pop" })]
    [TestCase(1, new[] { "sys.city-gov.exchange", "sys.city-psb.oa", "sys.city-psb.pop", "sys.prov-psd.pop" })]
    [TestCase(2, new[] { "sys.city-gov.exchange", "sys.city-gov.oa", "sys.city-psb.oa", "sys.city-psb.pop", "sys.prov-psd.pop" })]
    public void Agency_Depth_ReachesSystemsWithinThatManyFlowHops(int depth, string[] expected)
    {
        var view = Views.Agency(_small, "ag.city.psb", _analysis, new ViewOptions { Depth = depth });
        Assert.That(view.Nodes.SelectMany(n => n.ElementIds).Order(StringComparer.Ordinal), Is.EqualTo(expected));
        Assert.That(view.Clusters.Single(c => c.Focus).ElementId, Is.EqualTo("ag.city.psb"));
    }

    [Test]
    public void Agency_UnknownAgency_EmptyViewWithAnErrorNamingTheClosestAgency()
    {
        // A typo in an agency id is about the model, not the calling program: a result with a diagnostic, no exception.
        var view = Views.Agency(_small, "ag.city.pbs");
        Assert.That(view.HasErrors, Is.True);
        Assert.That(view.Nodes, Is.Empty);
        var error = view.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.UnknownReference));
        Assert.That(error.Message.English, Does.Contain("'ag.city.pbs'").And.Contain("Did you mean 'ag.city.psb'?"));
        Assert.That(error.Message.Chinese, Does.Contain("是否指“ag.city.psb”？"));
        Assert.That(Views.Build(_small, new ViewSpec(ViewKind.Agency, "ag.city.pbs")).HasErrors, Is.True);
    }

    [Test]
    public void Agency_UnknownAgencyWithNothingClose_NoSuggestion()
    {
        var error = Views.Agency(_small, "completely.different").Diagnostics.Single();
        Assert.That(error.Message.English, Does.Not.Contain("Did you mean"));
    }

    [Test]
    public void Agency_KnownAgency_NoDiagnostics()
    {
        Assert.That(Views.Agency(_small, "ag.city.psb").Diagnostics, Is.Empty);
    }

    [Test]
    public void ViewOptions_NoLanguage_TheModelsLanguage()
    {
        // As ReportOptions and SiteOptions: the model's language unless the caller names one.
        Assert.That(ViewOptions.Default.Language, Is.Null);
        var english = _small.Info with { Language = Language.English };
        var builder = new ModelBuilder(english).AddRange(_small.Elements);
        var view = Views.Landscape(builder.Build().Model);
        Assert.That(view.Language, Is.EqualTo(Language.English));
        Assert.That(Views.Landscape(builder.Build().Model, options: new ViewOptions { Language = Language.Chinese }).Language, Is.EqualTo(Language.Chinese));
    }

    [Test]
    public void Network_SmallModel_ShowsLinkKindsPlatformsAndSystemCounts()
    {
        var view = Views.Network(_small, _analysis);
        Assert.That(view.Edges.Where(e => e.Kind == DiagramEdgeKind.IsolationLink).Select(e => (e.From, e.To)),
            Is.EqualTo(new[] { ("e:net.extranet", "e:net.police") }));
        Assert.That(view.Edges.Single(e => e.Kind == DiagramEdgeKind.GatewayLink).Label, Is.EqualTo("网关"));
        Assert.That(view.Edges.Count(e => e.Kind == DiagramEdgeKind.Attachment), Is.EqualTo(2));
        Assert.That(Node(view, "net.police").Details, Does.Contain("3 个系统"));
        Assert.That(Node(view, "plat.cloud").Variant, Is.EqualTo(DiagramNodeVariant.SharedPlatform));
        Assert.That(view.Edges.All(e => e.Undirected), Is.True);
    }

    [Test]
    public void Dataflow_SmallModel_AggregatesFlowsBetweenAgenciesIntoWeightedEdges()
    {
        var view = Views.Dataflow(_small, _analysis);
        Assert.That(view.Nodes.All(n => n.Kind == DiagramNodeKind.Agency), Is.True);
        var up = view.Edges.Single(e => e.From == "e:ag.city.psb" && e.To == "e:ag.prov.psd");
        Assert.That((up.Kind, up.Weight), Is.EqualTo((DiagramEdgeKind.VerticalFlow, 1)));
        Assert.That(view.Edges.Single(e => e.From == "e:ag.city.psb" && e.To == "e:ag.city.gov").Kind, Is.EqualTo(DiagramEdgeKind.HorizontalFlow));
        Assert.That(view.Notes.Single().Chinese, Does.Contain("机构内部的 2 条数据流未画出"));
        // The education bureau exchanges nothing: drawn, unconnected.
        Assert.That(view.Nodes.Select(n => n.Key), Does.Contain("e:ag.city.edu"));
    }

    [Test]
    public void Dataflow_ParallelFlows_MergeWithTheirCount()
    {
        var model = new ModelBuilder()
            .Add(new Agency { Id = "a", Name = "甲", Level = AgencyLevel.Provincial, Region = "1" })
            .Add(new Agency { Id = "b", Name = "乙", Level = AgencyLevel.Provincial, Region = "1" })
            .Add(new InformationSystem { Id = "s1", Name = "s1", Owner = "a" })
            .Add(new InformationSystem { Id = "s2", Name = "s2", Owner = "b" })
            .Add(new InformationSystem { Id = "s3", Name = "s3", Owner = "b" })
            .Add(new Flow { Id = "f1", From = "s1", To = "s2" })
            .Add(new Flow { Id = "f2", From = "s1", To = "s3" })
            .Add(new Flow { Id = "f3", From = "s1", To = "s3" })
            .Build().Model;
        var edge = Views.Dataflow(model).Edges.Single();
        Assert.That((edge.Weight, edge.ElementIds), Is.EqualTo((3, new[] { "f1", "f2", "f3" })));
        Assert.That(new DotWriter().Write(Views.Dataflow(model)), Does.Contain("label=\"3\""));
    }

    [Test]
    public void Duplicates_SmallModel_DrawsEachFindingAsAClusterWithOwners()
    {
        var view = Views.Duplicates(_small, _analysis);
        var cluster = view.Clusters.Single(c => c.Label.StartsWith("AM1001", StringComparison.Ordinal) && c.Label.Contains("办公自动化"));
        Assert.That(cluster.Label, Does.Contain("每年可节省 20 万元"));
        var members = view.Nodes.Where(n => n.Cluster == cluster.Key).SelectMany(n => n.ElementIds).Order(StringComparer.Ordinal);
        Assert.That(members, Is.EqualTo(new[] { "sys.city-gov.oa", "sys.city-psb.oa" }));
        Assert.That(view.Edges.Where(e => e.Kind == DiagramEdgeKind.Owns && e.To.StartsWith(cluster.Key, StringComparison.Ordinal)).Select(e => e.From).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "e:ag.city.gov", "e:ag.city.psb" }));
        Assert.That(view.Nodes.Where(n => n.Highlight is not null).SelectMany(n => n.Highlight!.Rules).Distinct().All(r => r.StartsWith("AM1", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Duplicates_NoFinding_SaysSo()
    {
        var model = new ModelBuilder().Add(new Agency { Id = "a", Name = "甲", Level = AgencyLevel.County }).Build().Model;
        var view = Views.Duplicates(model);
        Assert.That(view.Nodes.Single().Kind, Is.EqualTo(DiagramNodeKind.Note));
        Assert.That(view.Nodes.Single().Label, Does.Contain("没有重复建设"));
    }

    [Test]
    public void Silos_SmallModel_DrawsIsolatedSystemsAndClosedAgencies()
    {
        var view = Views.Silos(_small, _analysis);
        Assert.That(Node(view, "sys.city-edu.school").Highlight!.Rules, Does.Contain("AM2001"));
        Assert.That(view.Clusters.Single(c => c.ElementId == "ag.city.edu").Highlight!.Rules, Does.Contain("AM2003"));
        Assert.That(view.Nodes.Where(n => n.Highlight is not null).SelectMany(n => n.Highlight!.Rules).All(r => r.StartsWith("AM2", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Capabilities_SmallModel_MarksShareableCapabilitiesAndSharedSystems()
    {
        var view = Views.Capabilities(_small, _analysis);
        Assert.That(Node(view, "cap.oa").Variant, Is.EqualTo(DiagramNodeVariant.Shareable));
        Assert.That(Node(view, "cap.oa").Highlight!.Rules, Does.Contain("AM1001"));
        Assert.That(Node(view, "sys.city-gov.oa").Variant, Is.EqualTo(DiagramNodeVariant.SharedUse));
        Assert.That(view.Edges.Count(e => e.To == "e:cap.oa" && e.Kind == DiagramEdgeKind.Implements), Is.EqualTo(2));
    }

    [Test]
    public void Filters_LevelSectorRegionTag_KeepOnlyMatchingAgenciesAndSystems()
    {
        Assert.That(Views.Landscape(_small, null, new ViewOptions { Levels = [AgencyLevel.Provincial] }).Clusters.Select(c => c.ElementId),
            Is.EqualTo(new[] { "ag.prov.psd" }));
        Assert.That(Views.Landscape(_small, null, new ViewOptions { Sectors = ["公安"] }).Clusters.Select(c => c.ElementId),
            Is.EqualTo(new[] { "ag.city.psb", "ag.prov.psd" }));
        Assert.That(Views.Landscape(_small, null, new ViewOptions { Regions = ["990000"] }).Nodes.SelectMany(n => n.ElementIds),
            Is.EqualTo(new[] { "sys.prov-psd.pop" }));
        Assert.That(Views.Landscape(_small, null, new ViewOptions { Tags = ["nothing-has-this"] }).Nodes, Is.Empty);
    }

    [Test]
    public void Language_English_WritesGeneratedTextInEnglish()
    {
        var view = Views.Network(_small, _analysis, new ViewOptions { Language = Language.English });
        Assert.That(Node(view, "net.police").Details, Does.Contain("3 systems"));
        Assert.That(view.Legend.Select(l => l.Text.English), Does.Contain("network link: isolation device"));
        Assert.That(new DotWriter().Write(view), Does.Contain("\"Legend\"").And.Contain("network link: isolation device"));
    }

    [Test]
    public void Catalogue_EveryViewKindOnceAndEveryNameRoundTrips()
    {
        // One table of views: Build, ViewSpec's names and parsing, and the command line's help all read it.
        Assert.That(Views.Catalogue.Select(static e => e.Kind), Is.EquivalentTo(Enum.GetValues<ViewKind>()));
        Assert.That(ViewSpec.Names, Is.EqualTo(Views.Catalogue.Select(static e => e.Usage)));
        foreach (var entry in Views.Catalogue)
        {
            var text = entry.TakesAgency ? entry.Name + ":ag.city.psb" : entry.Name;
            Assert.That(ViewSpec.TryParse(text, out var spec), Is.True, text);
            Assert.That(spec.ToString(), Is.EqualTo(text));
            Assert.That(Views.Build(_small, spec, _analysis).Kind, Is.EqualTo(entry.Kind), text);
        }
    }

    [Test]
    public void Build_KindOutsideTheEnum_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => Views.Build(_small, new ViewSpec((ViewKind)99)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase("landscape", ViewKind.Landscape, null)]
    [TestCase("Agency:ag.x", ViewKind.Agency, "ag.x")]
    [TestCase("agency:a:b", ViewKind.Agency, "a:b")]
    [TestCase("capabilities", ViewKind.Capabilities, null)]
    public void ViewSpecTryParse_Name_ParsesKindAndAgency(string text, ViewKind kind, string? agency)
    {
        Assert.That(ViewSpec.TryParse(text, out var spec), Is.True);
        Assert.That((spec.Kind, spec.AgencyId), Is.EqualTo((kind, agency)));
    }

    [TestCase("")]
    [TestCase("agency")]
    [TestCase("agency:")]
    [TestCase("landscape:x")]
    [TestCase("hairball")]
    public void ViewSpecTryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.That(ViewSpec.TryParse(text, out _), Is.False);
    }
}
