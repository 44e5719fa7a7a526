using ArchModel.Analysis;
using ArchModel.Documents;
using ArchModel.Model;

namespace ArchModel.Tests.Documents;

/// <summary>How the findings document names the evidence of the duplicate rules (their v2 keys, read through <see cref="EvidenceKeys"/>).</summary>
public sealed class EvidenceLabelTests
{
    /// <summary>Stands in for AM1001 and reports a duplicate with the evidence the rule's contract names.</summary>
    private sealed class StandIn(string kind, string anchor) : IRule
    {
        public RuleDescriptor Descriptor { get; } = new(RuleCodes.DuplicateBuild,
            new LocalizedText("重复建设", "Duplicate build"), new LocalizedText("重复建设", "Duplicate build"), DiagnosticSeverity.Warning);

        public void Analyze(RuleContext context) => context.Report(["sys.a", "sys.b"], new LocalizedText("重复", "duplicate"),
            new Dictionary<string, object?>
            {
                [EvidenceKeys.DuplicateBuild.Kind] = kind,
                [EvidenceKeys.DuplicateBuild.Anchor] = anchor,
                [EvidenceKeys.DuplicateBuild.Capability] = "cap.oa",
                [EvidenceKeys.DuplicateBuild.Owners] = new[] { "ag.a", "ag.b" },
            });
    }

    /// <summary>A network-island stand-in: its <c>kind</c> is a network kind, not an overlap.</summary>
    private sealed class NetworkStandIn : IRule
    {
        public RuleDescriptor Descriptor { get; } = new(RuleCodes.NetworkIsland,
            new LocalizedText("网络孤岛", "Network island"), new LocalizedText("网络孤岛", "Network island"), DiagnosticSeverity.Warning);

        public void Analyze(RuleContext context) => context.Report(["sys.a"], new LocalizedText("孤岛", "island"),
            new Dictionary<string, object?> { [EvidenceKeys.NetworkIsland.Kind] = NetworkKind.Dedicated });
    }

    private static string Render(Language language, params IRule[] rules)
    {
        var model = new ModelBuilder(new ModelInfo { Id = "m", Name = "M" })
            .Add(new Agency { Id = "ag.a", Name = "甲局", Level = AgencyLevel.County, Region = "110101" })
            .Add(new Agency { Id = "ag.b", Name = "乙局", Level = AgencyLevel.County, Region = "110101" })
            .Add(new InformationSystem { Id = "sys.a", Name = "甲系统", Owner = "ag.a" })
            .Add(new InformationSystem { Id = "sys.b", Name = "乙系统", Owner = "ag.b" })
            .Build().Model;
        var analysis = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Create(rules) });
        var result = ReportGenerator.Render(model, analysis, new ReportOptions { Template = "findings", Language = language, GeneratedOn = new DateOnly(2026, 1, 1) });
        Assert.That(result.Succeeded, Is.True, string.Join("\n", result.Diagnostics));
        return result.Text!;
    }

    [Test]
    public void Render_HorizontalDuplicate_NamesTheOverlapAndTheJurisdiction()
    {
        var zh = Render(Language.Chinese, new StandIn(OverlapKinds.Horizontal, "county:110101"));
        var en = Render(Language.English, new StandIn(OverlapKinds.Horizontal, "county:110101"));
        Assert.That(zh, Does.Contain("重叠方式：横向").And.Contain("重叠所在：县级 110101"));
        Assert.That(en, Does.Contain("Overlap: horizontal").And.Contain("Where they overlap: County 110101"));
    }

    [TestCase(OverlapKinds.Vertical, "纵向", "vertical")]
    [TestCase(OverlapKinds.SharedUse, "共用", "shared-use")]
    public void Render_OtherOverlaps_NamesTheOverlapAndTheAgency(string kind, string zhWord, string enWord)
    {
        var zh = Render(Language.Chinese, new StandIn(kind, "ag.a"));
        var en = Render(Language.English, new StandIn(kind, "ag.a"));
        Assert.That(zh, Does.Contain($"重叠方式：{zhWord}").And.Contain("重叠所在：甲局"));
        Assert.That(en, Does.Contain($"Overlap: {enWord}").And.Contain("Where they overlap: 甲局"));
    }

    [Test]
    public void Render_NetworkIslandKind_IsTheNetworkKindNotAnOverlap()
    {
        var zh = Render(Language.Chinese, new NetworkStandIn());
        Assert.That(zh, Does.Contain("类型：").And.Not.Contain("重叠方式"));
    }
}
