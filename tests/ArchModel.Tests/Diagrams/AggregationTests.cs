using ArchModel.Analysis;
using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

public sealed class AggregationTests
{
    private static ArchitectureModel _big = null!;

    [OneTimeSetUp]
    public void Generate() => _big = DiagramModels.Big(300);

    [Test]
    public void Landscape_BigModel_CollapsesSystemsIntoAgenciesAndSaysSo()
    {
        // A collapsed landscape keeps collapsing to a quarter of the limits: 300 agencies stay agencies under 1,200.
        var view = Views.Landscape(_big, null, new ViewOptions { MaxNodes = 1200, MaxEdges = 8000 });
        Assert.That(view.Aggregated, Is.True);
        Assert.That(view.Nodes, Has.Count.EqualTo(300));
        Assert.That(view.Nodes.All(n => n.Kind == DiagramNodeKind.Group), Is.True);
        var first = view.Nodes.Single(n => n.Key == "g:0:agency:ag.0000");
        Assert.That((first.Label, first.Details[0], first.Counts[DiagramNodeKind.System]), Is.EqualTo(("机构0", "5 个系统", 5)));
        Assert.That(view.Notes.Single().Chinese, Does.Contain("已按所属机构聚合：1500 个节点合并为 300 个"));
        Assert.That(view.Nodes.All(static n => n.Rank is >= 1 and <= 3), Is.True, "each agency drawn in the row of its level");
        Assert.That(view.Notes.Single().Chinese, Does.Contain("1500 条组内连线未画出"));
    }

    [Test]
    public void Landscape_BigModelDefaultLimits_CollapsesIntoJurisdictionsThenAreasDrawnInRowsByLevel()
    {
        var view = Views.Landscape(_big);
        // 300 agencies at three levels in seven regions: 21 jurisdictions, whose edges are still over a quarter of the
        // limit (100), so the counties join their cities: the seven provincial jurisdictions and seven city areas.
        Assert.That(view.Nodes, Has.Count.EqualTo(14));
        Assert.That(view.Nodes.Select(n => n.Label), Does.Contain("市级 990300及所辖区县").And.Contain("省级 990300"));
        Assert.That(view.Nodes.Sum(n => n.Counts[DiagramNodeKind.System]), Is.EqualTo(1500));
        Assert.That(view.Notes, Has.Count.EqualTo(3));
        Assert.That(view.Notes[1].Chinese, Does.Contain("已按行政区划（同级政府）聚合"));
        Assert.That(view.Notes[2].Chinese, Does.Contain("已按地区（市及所辖县）聚合"));
        Assert.That(view.Direction, Is.EqualTo(DiagramDirection.TopToBottom));
        Assert.That(view.Nodes.Select(static n => n.Rank).Distinct().Order(), Is.EqualTo(new int?[] { 1, 2 }));
        Assert.That(new DotWriter().Write(view), Does.Contain("{ rank=\"same\"; "));
        Assert.That(view.Edges.Sum(e => e.Weight) + 1500 + 0, Is.LessThanOrEqualTo(3000));
    }

    [Test]
    public void Mermaid_BigModel_StaysUnderMermaidsLimitsAndSaysItAggregated()
    {
        // Limits far above Mermaid's, so that the writer has to aggregate by itself.
        var view = Views.Landscape(_big, Analyzer.Analyze(_big), new ViewOptions { MaxNodes = 5000, MaxEdges = 5000 });
        Assert.That(view.Aggregated, Is.False);
        var writer = new MermaidWriter();
        var text = writer.Fit(view, out var written);
        Assert.That(text, Has.Length.LessThanOrEqualTo(50_000));
        Assert.That(written.Edges, Has.Count.LessThanOrEqualTo(500));
        Assert.That(text, Does.Contain("Mermaid 的默认上限为 500 条连线、50000 个字符"));
        Assert.That(text, Does.Contain("%% "));
        Assert.That(written.Aggregated, Is.True);
    }

    [Test]
    public void Dot_BigModel_StaysWithinTheViewLimits()
    {
        var view = Views.Dataflow(_big, null, new ViewOptions { MaxNodes = 50, MaxEdges = 100 });
        Assert.That(view.Nodes, Has.Count.LessThanOrEqualTo(50));
        Assert.That(view.Edges, Has.Count.LessThanOrEqualTo(100));
        Assert.That(view.Notes.Select(n => n.English), Has.Some.Contains("collapsed by sector"));
    }

    [Test]
    public void Fit_NoGroupsLeft_KeepsHeaviestEdgesAndMostConnectedNodes()
    {
        var nodes = Enumerable.Range(0, 20).Select(i => new DiagramNode { Key = $"k{i:D2}", Kind = DiagramNodeKind.System, Label = $"{i}" }).ToArray();
        var edges = Enumerable.Range(0, 19).Select(i => new DiagramEdge { From = $"k{i:D2}", To = $"k{i + 1:D2}", Kind = DiagramEdgeKind.Flow, Weight = i + 1 }).ToArray();
        var view = new DiagramView { Kind = ViewKind.Landscape, Title = new("t", "t"), Nodes = nodes, Edges = edges };
        var fitted = ViewAggregator.Fit(view, 5, 3);
        Assert.That(fitted.Edges.Select(e => e.Weight), Is.EqualTo(new[] { 17, 18, 19 }));
        // Most connected first (by edge weight kept), ties by key: k00 has no edge left but the smallest key.
        Assert.That(fitted.Nodes.Select(n => n.Key), Is.EqualTo(new[] { "k00", "k16", "k17", "k18", "k19" }));
        Assert.That(fitted.Notes, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GraphvizRenderer_AggregatedBigView_RendersWithinTheTimeout()
    {
        VerifyTools.RequireDot();
        var view = Views.Landscape(_big, Analyzer.Analyze(_big));
        var result = await new GraphvizRenderer(new GraphvizOptions { Timeout = TimeSpan.FromSeconds(30) }).RenderAsync(view);
        Assert.That(result.Status, Is.EqualTo(GraphvizStatus.Success), result.Errors);
    }
}
