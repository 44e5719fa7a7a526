using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagrams;
using ArchModel.Generation;
using ArchModel.Localization;

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

    private static IEnumerable<TestCaseData> CollapsedLandscapes()
    {
        (string Shape, int MaxNodes, int MaxEdges)[] cases =
        [
            ("big", 1200, 8000), ("big", 200, 400), ("big", 40, 10), ("big", 2, 0),
            ("synthetic", 200, 400), ("synthetic", 60, 2000), ("synthetic", 10, 3),
            ("realistic", 200, 400), ("realistic", 800, 3000), ("realistic", 12, 12),
            ("deep-lines", 200, 400), ("deep-lines", 800, 400), ("deep-lines", 30, 5),
            ("huge-jurisdictions", 200, 400), ("huge-jurisdictions", 100, 100000), ("huge-jurisdictions", 1, 1),
            ("uniform-names", 200, 400), ("uniform-names", 50, 50),
        ];
        return cases.Select(c => new TestCaseData(c.Shape, c.MaxNodes, c.MaxEdges));
    }

    /// <summary>
    /// A landscape too large to draw system by system is built straight at the level it ends at; it must be what the
    /// system-level view gives when collapsed one level at a time by the general aggregator (into agencies while over
    /// the limits, then jurisdictions and areas while over a quarter of them, then fitted): every node, edge, id,
    /// count, highlight and note alike.
    /// </summary>
    [TestCaseSource(nameof(CollapsedLandscapes))]
    public void Landscape_TooLargeToDraw_IsWhatCollapsingTheSystemLevelViewLevelByLevelGives(string shape, int maxNodes, int maxEdges)
    {
        var model = shape == "big" ? _big : Shaped(shape);
        var analysis = Analyzer.Analyze(model);
        var options = new ViewOptions { MaxNodes = maxNodes, MaxEdges = maxEdges };

        var built = Views.Landscape(model, analysis, options);

        var expected = LandscapeCollapsedLevelByLevel(model, analysis, options);
        Assert.That(built.Aggregated, Is.True);
        Assert.That(Describe(built), Is.EqualTo(Describe(expected)));
    }

    private static readonly Dictionary<string, ArchitectureModel> ShapedModels = [];

    private static ArchitectureModel Shaped(string shape)
    {
        if (!ShapedModels.TryGetValue(shape, out var model))
        {
            var options = new GeneratorOptions
            {
                Shape = shape switch
                {
                    "realistic" => GeneratorShape.Realistic,
                    "deep-lines" => GeneratorShape.DeepLines,
                    "huge-jurisdictions" => GeneratorShape.HugeJurisdictions,
                    "uniform-names" => GeneratorShape.UniformNames,
                    _ => GeneratorShape.Synthetic,
                },
                Agencies = 400,
                Seed = 5,
            };
            using var json = new MemoryStream();
            ModelGenerator.Write(json, options);
            json.Position = 0;
            var load = ModelLoader.LoadStream(json, "model.json");
            Assert.That(load.HasErrors, Is.False);
            ShapedModels[shape] = model = load.Model!;
        }
        return model;
    }

    /// <summary>The landscape as the general aggregator makes it from a node per system and an edge per flow.</summary>
    private static DiagramView LandscapeCollapsedLevelByLevel(ArchitectureModel model, AnalysisResult analysis, ViewOptions options)
    {
        var ctx = new ViewContext(model, analysis, options) { ByJurisdiction = true };
        var systems = model.EachIdOnce(model.Systems.Where(ctx.SystemPasses)).ToArray();
        Assert.That(systems, Has.Length.GreaterThan(options.MaxNodes), "the case must be too large to draw system by system");
        var nodes = systems.Select(s => ctx.SystemNode(s, clustered: true)).ToList();
        var clusters = systems.Select(static s => s.Owner).Distinct(StringComparer.Ordinal).Select(ctx.AgencyCluster).ToList();
        var edges = ctx.FlowEdges(systems.Select(static s => s.Id).ToHashSet(StringComparer.Ordinal));
        var view = ctx.Finish(ViewKind.Landscape, Texts.Of("view.landscape-agencies-and-their-systems"), nodes, clusters, edges, [],
            DiagramDirection.TopToBottom);
        view = ViewAggregator.CollapseWhile(view, Math.Max(1, options.MaxNodes / 4), Math.Max(0, options.MaxEdges / 4),
            Math.Max(1, options.MaxNodes), Math.Max(0, options.MaxEdges));
        return ViewAggregator.Fit(view, options.MaxNodes, options.MaxEdges);
    }

    /// <summary>Everything a view holds, one line each, and its DOT.</summary>
    private static string Describe(DiagramView view)
    {
        static string Highlight(DiagramHighlight? h) =>
            h is null ? "-" : $"{h.Severity}:{string.Join("+", h.Rules)}:{string.Join("+", h.Names)}";
        var text = new StringBuilder();
        text.AppendLine($"{view.Kind} {view.Direction} level {view.AggregationLevel} aggregated {view.Aggregated} {view.Title.Chinese} | {view.Title.English}");
        foreach (var note in view.Notes)
        {
            text.AppendLine($"note {note.Chinese} | {note.English}");
        }
        foreach (var c in view.Clusters)
        {
            text.AppendLine($"cluster {c.Key} {c.Label}");
        }
        foreach (var n in view.Nodes)
        {
            text.AppendLine($"node {n.Key} {n.Kind} {n.Status} {n.Variant} {n.Label} [{string.Join("; ", n.Details)}] rank {n.Rank} cluster {n.Cluster} "
                + $"counts {string.Join(",", n.Counts.Select(static c => $"{c.Key}={c.Value}"))} "
                + $"groups {string.Join(",", n.Groups.Select(static g => g is null ? "-" : $"{g.Key}/{g.Label}/{g.Kind}/{g.Rank}"))} "
                + $"{Highlight(n.Highlight)} ids {string.Join(",", n.ElementIds)}");
        }
        foreach (var e in view.Edges)
        {
            text.AppendLine($"edge {e.From} -> {e.To} {e.Kind} {e.Status} weight {e.Weight} label {e.Label} {Highlight(e.Highlight)} ids {string.Join(",", e.ElementIds)}");
        }
        text.Append(new DotWriter().Write(view));
        return text.ToString();
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
