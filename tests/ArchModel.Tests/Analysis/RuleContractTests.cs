using System.Reflection;
using System.Text.RegularExpressions;
using ArchModel.Analysis;
using ArchModel.Loading;
using NUnit.Framework;

namespace ArchModel.Tests.Analysis;

/// <summary>The typed rule contract: rule codes and evidence keys are constants, and the code outside the rules uses them.</summary>
[TestFixture]
public partial class RuleContractTests
{
    [GeneratedRegex("\"AM[1-5][0-9]{3}\"")]
    private static partial Regex RuleCodeLiteral();

    [Test]
    public void SourceFiles_OutsideRulesAndConstants_HaveNoRuleCodeLiteral()
    {
        var src = Path.Combine(TestPaths.RepoRoot, "src");
        var rules = Path.Combine(src, "ArchModel", "Analysis", "Rules") + Path.DirectorySeparatorChar;
        var constants = Path.Combine(src, "ArchModel", "Analysis", "RuleCodes.cs");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Split(Path.DirectorySeparatorChar).Any(static part => part is "bin" or "obj"))
            .ToArray();
        Assert.That(files, Has.Length.GreaterThan(50), "the source files were found");
        var offences = new List<string>();
        foreach (var file in files)
        {
            if (file.StartsWith(rules, StringComparison.Ordinal) || file == constants)
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (RuleCodeLiteral().Match(lines[i]) is { Success: true } match)
                {
                    offences.Add($"{Path.GetRelativePath(TestPaths.RepoRoot, file)}({i + 1}): {match.Value}: use RuleCodes");
                }
            }
        }
        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void RuleCodes_All_AreTheDefaultRulesInCodeOrder()
    {
        Assert.That(RuleCodes.All, Is.EqualTo(RuleSet.Default.Select(static r => r.Descriptor.Code)));
        Assert.That(RuleCodes.All.Where(static c => c.StartsWith(RuleCodes.DuplicateFamily, StringComparison.Ordinal)),
            Is.EqualTo(new[] { RuleCodes.DuplicateBuild, RuleCodes.ProbableDuplicate, RuleCodes.DuplicateHosting, RuleCodes.DuplicateDataCollection }));
    }

    [Test]
    public void EvidenceKeys_OneClassPerRule_NamedAsItsCode()
    {
        var names = typeof(RuleCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.IsLiteral && RuleCodes.All.Contains((string)f.GetRawConstantValue()!))
            .Select(static f => f.Name).Order(StringComparer.Ordinal);
        var classes = typeof(EvidenceKeys).GetNestedTypes().Select(static t => t.Name).Order(StringComparer.Ordinal);
        Assert.That(classes, Is.EqualTo(names));
    }

    [Test]
    public void Findings_OfEveryBuiltInRule_CarryOnlyTheirRulesEvidenceKeys()
    {
        using var temp = new TempFolder();
        ArchModel.Generation.ModelGenerator.WriteTo(temp.Path, new ArchModel.Generation.GeneratorOptions { Agencies = 300, SplitByRegion = true, Seed = 3 });
        var generated = Analyzer.Analyze(ModelLoader.LoadFile(Path.Combine(temp.Path, "model.json")).Model!);
        var demo = Analyzer.Analyze(ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "demo-province", "model.json")).Model!);
        var findings = generated.Findings.Concat(demo.Findings).ToArray();
        var byRule = typeof(RuleCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static f => f.IsLiteral && RuleCodes.All.Contains((string)f.GetRawConstantValue()!))
            .ToDictionary(static f => (string)f.GetRawConstantValue()!, static f => KeysOf(typeof(EvidenceKeys).GetNestedType(f.Name)!));
        Assert.That(findings.Select(static f => f.Rule).Distinct(), Is.EquivalentTo(RuleCodes.All), "every rule has findings to check");
        foreach (var f in findings)
        {
            var unknown = f.Evidence.Keys.Except(byRule[f.Rule]).ToArray();
            Assert.That(unknown, Is.Empty, $"{f.Rule} {string.Join(",", f.Elements)}: keys not in EvidenceKeys");
        }
    }

    private static string[] KeysOf(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(static f => f.IsLiteral).Select(static f => (string)f.GetRawConstantValue()!)];
}
