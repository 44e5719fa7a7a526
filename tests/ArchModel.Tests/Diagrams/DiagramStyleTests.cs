using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

public sealed class DiagramStyleTests
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
}
