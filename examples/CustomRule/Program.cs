using ArchModel.Analysis;
using ArchModel.Examples.CustomRule;
using ArchModel.Loading;
using ArchModel.Model;

// A two-agency model built in code.
var build = new ModelBuilder(new ModelInfo { Id = "custom-rule-demo", Name = "自定义规则示例" })
    .Add(new Agency { Id = "ag.gov", Name = "示范市人民政府", Level = AgencyLevel.Municipal, Region = "990100" })
    .Add(new Agency { Id = "ag.hr", Name = "示范市人社局", Level = AgencyLevel.Municipal, Region = "990100" })
    .Add(new InformationSystem { Id = "sys.gov.oa", Name = "协同办公系统", Owner = "ag.gov", ProtectionLevel = 2 })
    .Add(new InformationSystem { Id = "sys.hr.social", Name = "社保业务系统", Owner = "ag.hr" })
    .Add(new Flow { Id = "flow.1", From = "sys.hr.social", To = "sys.gov.oa" })
    .Build();

// The default rules plus ours.
var options = new AnalysisOptions { Rules = RuleSet.Default.With(new MissingProtectionLevelRule()) };
var result = Analyzer.Analyze(build.Model, options);

foreach (var finding in result.Findings)
{
    Console.WriteLine($"{finding.Rule} {finding.Severity.ToString().ToLowerInvariant()} [{string.Join(", ", finding.Elements)}] {finding.Message.Chinese}");
}
return result.Findings.Any(static f => f.Rule == "X0001") ? 0 : 1;
