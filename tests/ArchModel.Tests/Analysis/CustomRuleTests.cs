using ArchModel.Analysis;
using ArchModel.Examples.CustomRule;
using ArchModel.Model;
using NUnit.Framework;

namespace ArchModel.Tests.Analysis;

/// <summary>The custom rule of examples/CustomRule run through the public API, as an embedding application would.</summary>
[TestFixture]
public class CustomRuleTests
{
    private static ArchitectureModel Model(ModelSettings? settings = null) => new ModelBuilder()
        .WithSettings(settings ?? ModelSettings.Default)
        .Add(new Agency { Id = "ag", Name = "局", Level = AgencyLevel.Municipal, Region = "1" })
        .Add(new InformationSystem { Id = "sys.graded", Name = "已定级", Owner = "ag", ProtectionLevel = 3 })
        .Add(new InformationSystem { Id = "sys.ungraded", Name = "未定级", Owner = "ag" })
        .Add(new InformationSystem { Id = "sys.retired", Name = "已退役", Owner = "ag", Status = SystemStatus.Retired })
        .Add(new Suppression { Rule = "X0001", Elements = ["sys.retired"], Justification = "never matches" })
        .Build().Model;

    [Test]
    public void Analyze_DefaultPlusCustomRule_ReportsCustomFindingsWithEngineServices()
    {
        var result = Analyzer.Analyze(Model(), new AnalysisOptions { Rules = RuleSet.Default.With(new MissingProtectionLevelRule()) });
        var custom = result.Findings.Where(static f => f.Rule == "X0001").ToArray();
        Assert.That(custom.Select(static f => f.Elements.Single()), Is.EqualTo(new[] { "sys.ungraded" }));
        Assert.That(custom[0].Title.English, Is.EqualTo("System without protection level"));
        Assert.That(custom[0].Evidence["status"], Is.EqualTo("operational"));
        Assert.That(result.Findings.Any(static f => f.Rule.StartsWith("AM", StringComparison.Ordinal)), Is.True);
        Assert.That(result.Rules.Select(static r => r.Code), Does.Contain("X0001"));
        // The suppression naming the retired system matched nothing: the engine reports it for custom rules too.
        Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0011" }));
    }

    [Test]
    public void Analyze_CustomRuleTurnedOffBySettings_NotRun()
    {
        var settings = new ModelSettings { Severity = new Dictionary<string, SeveritySetting> { ["X0001"] = SeveritySetting.Off } };
        var result = Analyzer.Analyze(Model(settings), new AnalysisOptions { Rules = RuleSet.Empty.With(new MissingProtectionLevelRule()) });
        Assert.That(result.Findings, Is.Empty);
    }

    /// <summary>A rule that reports one finding with the evidence it is given.</summary>
    private sealed class EvidenceRule(IEnumerable<KeyValuePair<string, object?>> evidence) : IRule
    {
        public RuleDescriptor Descriptor { get; } = new(
            "X0002", new LocalizedText("证据", "Evidence"), new LocalizedText("证据", "Evidence"), DiagnosticSeverity.Info);

        public void Analyze(RuleContext context) => context.Report(["sys.graded"], new LocalizedText("证据", "evidence"), evidence);
    }

    private static Finding ReportWith(IEnumerable<KeyValuePair<string, object?>> evidence) =>
        Analyzer.Analyze(Model(), new AnalysisOptions { Rules = RuleSet.Empty.With(new EvidenceRule(evidence)) }).Findings.Single();

    [Test]
    public void Report_EvidenceInAnyOrderAndRepeated_KeysSortedLastValueKept()
    {
        KeyValuePair<string, object?>[] given =
        [
            new("zeta", 1), new("alpha", "a"), new("中文", true), new("Beta", SystemStatus.Planned), new("alpha", "b"), new("none", null),
        ];
        var evidence = ReportWith(given).Evidence;
        Assert.That(evidence.Keys, Is.EqualTo(new[] { "Beta", "alpha", "none", "zeta", "中文" }));
        Assert.That(evidence.Values, Is.EqualTo(new object?[] { "planned", "b", null, 1L, true }));
        Assert.That(evidence.Count, Is.EqualTo(5));
        Assert.That(evidence["alpha"], Is.EqualTo("b"));
        Assert.That(evidence.TryGetValue("none", out var none) && none is null, Is.True);
        Assert.That(evidence.ContainsKey("Alpha"), Is.False);
        Assert.That(() => evidence["missing"], Throws.TypeOf<KeyNotFoundException>());
        Assert.That(ReportWith([]).Evidence, Is.Empty);
    }

    [Test]
    public void Report_ManyFacts_SortedAsFewAre()
    {
        var given = Enumerable.Range(0, 40).Select(static i => new KeyValuePair<string, object?>($"k{(i * 7) % 40:D2}", (long)i)).ToList();
        given.Add(new("k05", "last"));
        var evidence = ReportWith(given).Evidence;
        Assert.That(evidence.Keys, Is.EqualTo(Enumerable.Range(0, 40).Select(static i => $"k{i:D2}")));
        Assert.That(evidence["k05"], Is.EqualTo("last"));
        Assert.That(evidence["k07"], Is.EqualTo(1L));
    }

    [Test]
    public void Report_NullEvidenceKey_IsRefused()
    {
        // A rule's bug fails the rule, as any exception a rule throws does: an AM0013 error naming the rule and what it threw.
        var result = Analyzer.Analyze(Model(), new AnalysisOptions { Rules = RuleSet.Empty.With(new EvidenceRule([new(null!, 1)])) });
        Assert.That(result.Findings, Is.Empty);
        var failed = result.Diagnostics.Single(static d => d.Code == ArchModel.Diagnostics.DiagnosticCodes.RuleFailed);
        Assert.That(failed.Message.English, Does.Contain("X0002").And.Contain("ArgumentException: An evidence key is null."));
    }
}
