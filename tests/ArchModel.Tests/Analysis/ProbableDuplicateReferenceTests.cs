using ArchModel.Analysis;
using ArchModel.Analysis.Rules;
using ArchModel.Model;
using NUnit.Framework;

namespace ArchModel.Tests.Analysis;

/// <summary>AM1002 and its index against a literal all-pairs reading of rules.md, on random inputs.</summary>
[TestFixture]
public class ProbableDuplicateReferenceTests
{
    [Test]
    public void SimilarPairs_Bipartite_MatchesBruteForce()
    {
        var random = new Random(11);
        const string alphabet = "人口信息管理系统平台数据";
        var names = Enumerable.Range(0, 300).Select(i =>
            (i, new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))).ToList();
        var sides = names.Select(_ => random.Next(4) == 0).ToList();
        foreach (var t in new[] { 0.3, 0.6, 0.8, 1.0 })
        {
            var fast = NameSimilarityIndex.SimilarPairs(names, t, default, sides).Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).ToHashSet();
            var slow = new HashSet<(int, int)>();
            for (var i = 0; i < names.Count; i++)
            {
                for (var j = i + 1; j < names.Count; j++)
                {
                    if (sides[i] != sides[j] && NameSimilarityIndex.Similarity(names[i].Item2, names[j].Item2) is { } s && s >= t) slow.Add((i, j));
                }
            }
            Assert.That(fast, Is.EquivalentTo(slow), $"threshold {t}");
            Assert.That(slow, Is.Not.Empty);
        }
    }

    // By default small blocks are compared pair by pair; the index must find the same pairs in every block.
    [TestCase(false)]
    [TestCase(true)]
    public void Analyze_RandomModels_MatchesAllPairsReading(bool indexEveryBlock)
    {
        var findings = 0;
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < 400; seed++)
        {
            var model = new ModelBuilder().AddRange(RandomModel.Generate(seed)).Build().Model;
            var actual = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Create(new ProbableDuplicateRule(indexEveryBlock)), ComputeMetrics = false })
                .Findings.Select(static f => $"{f.Evidence["kind"]}|{string.Join(",", f.Elements)}").Order(StringComparer.Ordinal).ToArray();
            var expected = DuplicateReference.ProbableDuplicates(model);
            Assert.That(actual, Is.EqualTo(expected), $"seed {seed}");
            findings += expected.Length;
            kinds.UnionWith(expected.Select(static e => e.Split('|')[0]));
        }
        Assert.That(findings, Is.GreaterThan(20), "the random models must exercise the rule");
        Assert.That(kinds, Is.EquivalentTo(DuplicateReference.Kinds), "every kind must occur");
    }

    [Test]
    public void AnalyzeDuplicateBuilds_RandomModels_MatchesAllPairsReading()
    {
        var findings = 0;
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < 400; seed++)
        {
            var model = new ModelBuilder().AddRange(RandomModel.Generate(seed)).Build().Model;
            var actual = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Create(new DuplicateBuildRule()), ComputeMetrics = false })
                .Findings.Select(static f => $"{f.Evidence["capability"]}|{f.Evidence["kind"]}|{string.Join(",", f.Elements)}").Order(StringComparer.Ordinal).ToArray();
            var expected = DuplicateReference.DuplicateBuilds(model);
            Assert.That(actual, Is.EqualTo(expected), $"seed {seed}");
            findings += expected.Length;
            kinds.UnionWith(expected.Select(static e => e.Split('|')[1]));
        }
        Assert.That(findings, Is.GreaterThan(20), "the random models must exercise the rule");
        Assert.That(kinds, Is.EquivalentTo(DuplicateReference.Kinds), "every kind must occur");
    }

    // Deep, branching sector lines: the vertical blocks of the heavy-path decomposition must hold every pair.
    [Test]
    public void Analyze_RandomDeepLines_MatchAllPairsReading()
    {
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < 60; seed++)
        {
            var r = new Random(seed);
            var elements = new List<Element> { new Capability { Id = "cap.a", Name = "a" }, new Capability { Id = "cap.b", Name = "b" } };
            var agencies = r.Next(10, 60);
            for (var i = 0; i < agencies; i++)
            {
                // Mostly the previous agency as parent (long chains), sometimes any earlier one (branches) or none.
                var parent = i == 0 || r.Next(10) == 0 ? null : r.Next(3) == 0 ? $"ag{r.Next(i):D2}" : $"ag{i - 1:D2}";
                elements.Add(new Agency { Id = $"ag{i:D2}", Name = $"机构{i}", Level = AgencyLevel.County, Region = r.Next(5) == 0 ? "1" : $"{i}", Parent = parent });
            }
            string[] names = ["办公系统", "办公平台", "人口信息系统", "人口系统"];
            for (var i = 0; i < 70; i++)
            {
                elements.Add(new InformationSystem
                {
                    Id = $"sys{i:D2}", Owner = $"ag{r.Next(agencies):D2}", Name = names[r.Next(names.Length)],
                    Capabilities = new[] { "cap.a", "cap.b" }.Where(_ => r.Next(3) == 0).ToArray(),
                    UsedBy = r.Next(6) == 0 ? [$"ag{r.Next(agencies):D2}"] : [],
                });
            }
            var model = new ModelBuilder().AddRange(elements).Build().Model;
            var probable = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Create(new ProbableDuplicateRule()), ComputeMetrics = false })
                .Findings.Select(static f => $"{f.Evidence["kind"]}|{string.Join(",", f.Elements)}").Order(StringComparer.Ordinal).ToArray();
            Assert.That(probable, Is.EqualTo(DuplicateReference.ProbableDuplicates(model)), $"AM1002, seed {seed}");
            var builds = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Create(new DuplicateBuildRule()), ComputeMetrics = false })
                .Findings.Select(static f => $"{f.Evidence["capability"]}|{f.Evidence["kind"]}|{string.Join(",", f.Elements)}").Order(StringComparer.Ordinal).ToArray();
            Assert.That(builds, Is.EqualTo(DuplicateReference.DuplicateBuilds(model)), $"AM1001, seed {seed}");
            kinds.UnionWith(probable.Select(static e => e.Split('|')[0]));
        }
        Assert.That(kinds, Does.Contain("vertical"));
    }
}
