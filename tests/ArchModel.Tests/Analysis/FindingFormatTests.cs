using ArchModel.Analysis;

namespace ArchModel.Tests.Analysis;

/// <summary>A finding printed for a person (a log line, a debugger, a test failure), not as a record's property dump.</summary>
public sealed class FindingFormatTests
{
    private static Finding Finding(int elements, bool suppressed = false) => new()
    {
        Rule = "AM1001",
        Severity = DiagnosticSeverity.Warning,
        Title = new("重复建设", "Duplicate build"),
        Message = new("两个系统功能相同", "Two systems do the same"),
        Elements = Enumerable.Range(1, elements).Select(static i => $"sys.{i:00}").ToArray(),
        Evidence = new Dictionary<string, object?> { ["capability"] = "cap.oa" },
        Location = new SourceLocation("model.json", 3, 5, "systems[0]"),
        Suppressed = suppressed,
        Justification = suppressed ? "planned" : null,
    };

    [Test]
    public void ToString_Finding_OneLineLikeADiagnostic()
    {
        Assert.That(Finding(2).ToString(), Is.EqualTo("model.json(3,5): warning AM1001: Two systems do the same [sys.01, sys.02]"));
    }

    [Test]
    public void Format_Chinese_SuppressedWithJustification()
    {
        Assert.That(Finding(1, suppressed: true).Format(Language.Chinese), Is.EqualTo("model.json(3,5): warning AM1001: 两个系统功能相同 [sys.01]（已抑制：planned）"));
        Assert.That(Finding(1, suppressed: true).ToString(), Does.EndWith("[sys.01] (suppressed: planned)"));
    }

    [Test]
    public void ToString_ManyElements_ListsTenAndCountsTheRest()
    {
        Assert.That(Finding(12).ToString(), Does.EndWith("sys.09, sys.10, +2]"));
    }
}
