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
}
