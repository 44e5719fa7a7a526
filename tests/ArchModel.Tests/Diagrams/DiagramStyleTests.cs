using System.Text.RegularExpressions;
using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

public sealed partial class DiagramStyleTests
{
    [Test]
    public void CountsText_NamesEachKindInKindOrderWhateverTheDictionary()
    {
        var counts = new Dictionary<DiagramNodeKind, int>
        {
            [DiagramNodeKind.Platform] = 1,
            [DiagramNodeKind.System] = 3,
            [DiagramNodeKind.Agency] = 2,
        };
        Assert.That(DiagramStyle.CountsText(counts, Language.Chinese), Is.EqualTo("2 个机构 · 3 个系统 · 1 个平台"));
        Assert.That(DiagramStyle.CountsText(counts, Language.English), Is.EqualTo("2 agencies · 3 systems · 1 platform"));
        Assert.That(DiagramStyle.CountsText(new SortedDictionary<DiagramNodeKind, int> { [DiagramNodeKind.System] = 12 }, Language.Chinese),
            Is.EqualTo("12 个系统"));
        Assert.That(DiagramStyle.CountsText(new Dictionary<DiagramNodeKind, int>(), Language.Chinese), Is.Empty);
        Assert.That(DiagramStyle.Count(1, DiagramNodeKind.DataResource, Language.English), Is.EqualTo("1 data resource"));
        Assert.That(DiagramStyle.Count(0, DiagramNodeKind.System, Language.English), Is.EqualTo("0 systems"));
    }

    [TestCase(DiagramStatus.Planned)]
    [TestCase(DiagramStatus.Building)]
    [TestCase(DiagramStatus.Retiring)]
    [TestCase(DiagramStatus.Retired)]
    public void DotLegend_EachStatus_DrawsItsSwatchAsTheNodeIsDrawn(DiagramStatus status)
    {
        // One system node of the status: the legend's swatch must have the node's fill, border colour and line.
        var view = new DiagramView
        {
            Kind = ViewKind.Landscape,
            Title = new LocalizedText("t", "t"),
            Nodes = [new DiagramNode { Key = "e:s", Kind = DiagramNodeKind.System, Label = "S", Status = status }],
            Edges = [],
        };
        var dot = new DotWriter().Write(view);
        var node = NodeLine().Match(dot);
        Assert.That(node.Success, Is.True, dot);
        var styles = node.Groups["style"].Value.Split(',');
        var line = styles.FirstOrDefault(static s => s is "dashed" or "dotted") ?? "";
        // The legend's other swatch is the system kind's own (its fill): the status swatch is the one left.
        var kindFill = DiagramStyle.Look(DiagramNodeKind.System, DiagramNodeVariant.None).Fill;
        var swatch = StatusSwatch().Matches(dot).Select(static m => m.Value).Single(s => !s.Contains(kindFill, StringComparison.Ordinal));
        var m = SwatchParts().Match(swatch);
        Assert.That(m.Success, Is.True, swatch);
        Assert.Multiple(() =>
        {
            Assert.That(line, Is.Not.Empty, "a status other than normal changes the border line");
            Assert.That(m.Groups["line"].Value, Is.EqualTo(line), "line");
            Assert.That(m.Groups["fill"].Value, Is.EqualTo(DiagramStyle.StatusLook(status).Fill ?? "#FFFFFF"), "swatch fill");
            var look = DiagramStyle.StatusLook(status);
            if (look.Fill is not null)
            {
                Assert.That(node.Groups["fill"].Value, Is.EqualTo(m.Groups["fill"].Value), "fill");
                Assert.That(node.Groups["color"].Value, Is.EqualTo(m.Groups["color"].Value), "border colour");
            }
        });
        var legendText = view.Legend.Single(static e => e.Status != DiagramStatus.Normal).Text.English;
        Assert.That(legendText, Does.Contain(line + " border"));
        Assert.That(legendText.Contains("grey", StringComparison.Ordinal), Is.EqualTo(DiagramStyle.StatusLook(status).Fill is not null));
    }

    [GeneratedRegex("\"n1\" \\[label=[^\\]]*?style=\"(?<style>[^\"]*)\", fillcolor=\"(?<fill>[^\"]*)\", fontcolor=\"[^\"]*\", color=\"(?<color>[^\"]*)\"")]
    private static partial Regex NodeLine();

    [GeneratedRegex("<TD BGCOLOR=\"[^\"]*\" COLOR=\"[^\"]*\"[^>]*>")]
    private static partial Regex StatusSwatch();

    [GeneratedRegex("BGCOLOR=\"(?<fill>[^\"]*)\" COLOR=\"(?<color>[^\"]*)\"(?: STYLE=\"(?<line>[^\"]*)\")?")]
    private static partial Regex SwatchParts();
}
