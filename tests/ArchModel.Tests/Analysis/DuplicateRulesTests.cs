using NUnit.Framework;
using ArchModel.Analysis;
using ArchModel.Analysis.Rules;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Tests.Analysis;

[TestFixture]
public class DuplicateBuildTests
{
    [Test]
    public void Analyze_RepeatedIdRetiredFirst_JoinsItsActiveDefinition()
    {
        var m = new TestModel().Agency("a1").Agency("a2")
            .System("s1", "a1", caps: ["c"], status: SystemStatus.Retired)
            .System("s1", "a1", caps: ["c"], usedBy: ["a2"])
            .System("s2", "a2", caps: ["c"]);
        // A model with duplicate ids has load errors (AM0005) and may still be analysed.
        var model = new ModelBuilder().AddRange(m.Elements).Build().Model;
        var result = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Create(new DuplicateBuildRule()), ComputeMetrics = false });
        Assert.That(TestModel.Of(result, "AM1001"), Is.EqualTo(new[] { "s1,s2" }));
    }

    [Test]
    public void Analyze_TwoAgenciesSameJurisdictionSameCapability_OneHorizontalFinding()
    {
        var m = new TestModel()
            .Agency("a1").Agency("a2")
            .System("s1", "a1", caps: ["cap.oa"], cost: 100).System("s2", "a2", caps: ["cap.oa"], cost: 300);
        var result = m.Analyze();
        var f = TestModel.Single(result, "AM1001");
        Assert.Multiple(() =>
        {
            Assert.That(f.Elements, Is.EqualTo(new[] { "s1", "s2" }));
            Assert.That(f.Evidence["capability"], Is.EqualTo("cap.oa"));
            Assert.That(f.Evidence["kind"], Is.EqualTo("horizontal"));
            Assert.That(f.Evidence["anchor"], Is.EqualTo("provincial:320000"));
            Assert.That(f.Evidence["membersWithoutCost"], Is.EqualTo(0));
            Assert.That(f.Evidence["avoidableAnnualCost"], Is.EqualTo(100.0));
            Assert.That(f.Severity, Is.EqualTo(ArchModel.Diagnostics.DiagnosticSeverity.Warning));
        });
    }

    [Test]
    public void Analyze_DifferentJurisdictionsNoLine_NoFinding()
    {
        var m = new TestModel()
            .Agency("a1", region: "320000").Agency("a2", region: "330000")
            .System("s1", "a1", caps: ["cap.oa"]).System("s2", "a2", caps: ["cap.oa"]);
        Assert.That(m.Findings("AM1001"), Is.Empty);
    }

    [Test]
    public void Analyze_MissingRegion_NotSameJurisdiction()
    {
        var m = new TestModel()
            .Agency("a1", region: null).Agency("a2", region: null)
            .System("s1", "a1", caps: ["cap.oa"]).System("s2", "a2", caps: ["cap.oa"]);
        Assert.That(m.Findings("AM1001"), Is.Empty);
    }

    [Test]
    public void Analyze_VerticalLineThreeLevelsDeep_Vertical()
    {
        var m = new TestModel()
            .Agency("nat", AgencyLevel.National, region: "100000")
            .Agency("prov", AgencyLevel.Provincial, region: "320000", parent: "nat")
            .Agency("city", AgencyLevel.Municipal, region: "320100", parent: "prov")
            .Agency("county", AgencyLevel.County, region: "320102", parent: "city")
            .System("s1", "nat", caps: ["cap.case"]).System("s4", "county", caps: ["cap.case"]);
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Elements, Is.EqualTo(new[] { "s1", "s4" }));
        Assert.That(f.Evidence["kind"], Is.EqualTo("vertical"));
        Assert.That(f.Evidence["anchor"], Is.EqualTo("nat"));
    }

    [Test]
    public void Analyze_SameSectorDifferentLevelsWithoutParent_NotJoined()
    {
        // (c) is "one owner above the other": a shared sector name alone is not a parent chain.
        var m = new TestModel()
            .Agency("prov", AgencyLevel.Provincial, region: "320000", sector: "公安")
            .Agency("city", AgencyLevel.Municipal, region: "320100", sector: "公安")
            .System("s1", "prov", caps: ["cap.case"]).System("s2", "city", caps: ["cap.case"]);
        Assert.That(m.Findings("AM1001"), Is.Empty);
    }

    [Test]
    public void Analyze_UsedByScope_SharedUse()
    {
        var m = new TestModel()
            .Agency("a1", region: "320000").Agency("a2", region: "330000").Agency("a3", region: "340000")
            .System("s1", "a1", caps: ["cap.x"], usedBy: ["a3"]).System("s2", "a2", caps: ["cap.x"], usedBy: ["a3"]);
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Evidence["kind"], Is.EqualTo("shared-use"));
        Assert.That(f.Evidence["anchor"], Is.EqualTo("a3"));
    }

    [Test]
    public void Analyze_UsedByContainsOtherOwner_SharedUse()
    {
        var m = new TestModel()
            .Agency("a1", region: "320000").Agency("a2", region: "330000")
            .System("s1", "a1", caps: ["cap.x"], usedBy: ["a2"]).System("s2", "a2", caps: ["cap.x"]);
        Assert.That(m.Findings("AM1001"), Is.EqualTo(new[] { "s1,s2" }));
    }

    [TestCase(3)]
    [TestCase(20)]
    public void Analyze_RepeatedOrLongUsedBy_SharedUseThroughLastUser(int users)
    {
        // usedBy names every user twice and the owner too; the scope is each agency once however long the list,
        // and a user at its end still joins.
        var m = new TestModel().Agency("a1", region: "320000").Agency("a2", region: "330000");
        for (var i = 0; i < users; i++)
        {
            m.Agency($"u{i}", region: "340000");
        }
        var listed = Enumerable.Range(0, users).SelectMany(static i => new[] { $"u{i}", "a1", $"u{i}" }).ToArray();
        m.System("s1", "a1", caps: ["cap.x"], usedBy: listed).System("s2", "a2", caps: ["cap.x"], usedBy: [$"u{users - 1}"])
            .System("s3", "a2", caps: ["cap.y"], usedBy: ["u0"]);
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Elements, Is.EqualTo(new[] { "s1", "s2" }));
        Assert.That(f.Evidence["kind"], Is.EqualTo("shared-use"));
    }

    [Test]
    public void Analyze_ChainOfMixedKinds_OneFindingPerKindNeverOneChain()
    {
        // s1~s2 by jurisdiction, s2~s3 by shared use; s1 and s3 do not overlap directly. Rules v2: groups are formed per
        // kind, so the chain is two findings, each anchored at its own decision-maker.
        var m = new TestModel()
            .Agency("a1", region: "320000").Agency("a2", region: "320000").Agency("a3", region: "999999")
            .System("s1", "a1", caps: ["cap.x"], cost: 10).System("s2", "a2", caps: ["cap.x"], usedBy: ["a3"], cost: 50)
            .System("s3", "a3", caps: ["cap.x"], cost: 20);
        var result = m.Analyze();
        var findings = result.Findings.Where(static f => f.Rule == "AM1001").ToArray();
        Assert.That(findings.Select(static f => $"{f.Evidence["kind"]}:{string.Join(",", f.Elements)}"),
            Is.EqualTo(new[] { "horizontal:s1,s2", "shared-use:s2,s3" }));
        Assert.That(findings.Select(static f => f.Evidence["anchor"]), Is.EqualTo(new[] { "provincial:320000", "a3" }));
        Assert.That(findings.Select(static f => f.Evidence["avoidableAnnualCost"]), Is.EqualTo(new[] { 10.0, 20.0 }));
        // The metric counts a system once: s1, s2 and s3 are one group linked by findings of the local kinds.
        Assert.That(result.Metrics.Model[MetricNames.AvoidableAnnualCost], Is.EqualTo(30.0));
    }

    [Test]
    public void Analyze_CountyOfficesAndMinistry_VerticalGroupsPerLineNotOneNationwideGroup()
    {
        // Two counties' office systems are each in a horizontal group with their county's departments and in the
        // ministry's vertical line; no finding may chain the two counties.
        var m = new TestModel()
            .Agency("min", AgencyLevel.National, region: "100000", sector: "公安")
            .Agency("c1.police", AgencyLevel.County, region: "110101", sector: "公安", parent: "min")
            .Agency("c1.tax", AgencyLevel.County, region: "110101", sector: "税务")
            .Agency("c2.police", AgencyLevel.County, region: "110102", sector: "公安", parent: "min")
            .Agency("c2.tax", AgencyLevel.County, region: "110102", sector: "税务")
            .System("s.min", "min", caps: ["cap.oa"])
            .System("s.c1p", "c1.police", caps: ["cap.oa"]).System("s.c1t", "c1.tax", caps: ["cap.oa"])
            .System("s.c2p", "c2.police", caps: ["cap.oa"]).System("s.c2t", "c2.tax", caps: ["cap.oa"]);
        Assert.That(m.Analyze().Findings.Where(static f => f.Rule == "AM1001").Select(static f => $"{f.Evidence["kind"]}:{string.Join(",", f.Elements)}"),
            Is.EqualTo(new[] { "horizontal:s.c1p,s.c1t", "vertical:s.c1p,s.c2p,s.min", "horizontal:s.c2p,s.c2t" }));
    }

    [Test]
    public void Analyze_GroupContainedInAnotherKind_OnlyTheLargerReported()
    {
        // {s1, s2} is horizontal, and a3 uses both: the shared-use group {s1, s2, s3} contains it.
        var m = new TestModel()
            .Agency("a1", region: "320000").Agency("a2", region: "320000").Agency("a3", region: "999999")
            .System("s1", "a1", caps: ["cap.x"], usedBy: ["a3"]).System("s2", "a2", caps: ["cap.x"], usedBy: ["a3"])
            .System("s3", "a3", caps: ["cap.x"]);
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Elements, Is.EqualTo(new[] { "s1", "s2", "s3" }));
        Assert.That(f.Evidence["kind"], Is.EqualTo("shared-use"));
    }

    [Test]
    public void Analyze_SameMembersUnderTwoKinds_ReportedOnceUnderTheEarlierKind()
    {
        // Two systems of one owner with a region: the same jurisdiction and the same agency in both scopes.
        var m = new TestModel().Agency("a1", region: "320000")
            .System("s1", "a1", caps: ["cap.x"]).System("s2", "a1", caps: ["cap.x"]);
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Evidence["kind"], Is.EqualTo("horizontal"));
    }

    [Test]
    public void Analyze_SectorLineThousandsOfLevelsDeep_OneVerticalGroupWithoutRecursion()
    {
        var m = new TestModel();
        const int depth = 3000;
        for (var i = 0; i < depth; i++)
        {
            m.Agency($"a{i:D4}", AgencyLevel.County, region: $"r{i}", parent: i == 0 ? null : $"a{i - 1:D4}");
        }
        m.System("s.top", "a0000", caps: ["cap.x"]).System("s.bottom", $"a{depth - 1:D4}", caps: ["cap.x"]);
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Evidence["kind"], Is.EqualTo("vertical"));
        Assert.That(f.Evidence["anchor"], Is.EqualTo("a0000"));
    }

    [Test]
    public void Analyze_LargeGroup_MessageNamesFiveMembersAndCountsTheRest()
    {
        var m = new TestModel().Agency("gov", region: "320000");
        for (var i = 0; i < 12; i++)
        {
            m.Agency($"d{i:D2}", region: "320000").System($"s{i:D2}", $"d{i:D2}", caps: ["cap.x"], cost: 1000 * (i + 1));
        }
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Elements, Has.Count.EqualTo(12));
        var zh = f.Message[Language.Chinese];
        Assert.That(zh, Does.Contain("等 12 个系统，分属 12 个机构"));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(zh, "“").Count, Is.EqualTo(5 + 1), "five systems and the capability");
        Assert.That(zh, Does.Contain("每年可节省运维费用约 6.6 万元"));
        Assert.That(f.Message[Language.English], Does.Contain("and 7 more, of 12 agencies in all"));
    }

    [TestCase(SystemStatus.Retired, 0)]
    [TestCase(SystemStatus.Retiring, 0)]
    [TestCase(SystemStatus.Planned, 1)]
    [TestCase(SystemStatus.Building, 1)]
    public void Analyze_StatusOfSecondSystem_OnlyActiveCount(SystemStatus status, int expected)
    {
        var m = new TestModel().Agency("a1").Agency("a2")
            .System("s1", "a1", caps: ["cap.oa"]).System("s2", "a2", caps: ["cap.oa"], status: status);
        Assert.That(m.Findings("AM1001"), Has.Length.EqualTo(expected));
    }

    [Test]
    public void Analyze_TwoCapabilitiesSameGroup_OneFindingPerCapability()
    {
        var m = new TestModel().Agency("a1").Agency("a2")
            .System("s1", "a1", caps: ["cap.a", "cap.b"]).System("s2", "a2", caps: ["cap.a", "cap.b"]);
        var result = m.Analyze();
        Assert.That(result.Findings.Where(f => f.Rule == "AM1001").Select(f => f.Evidence["capability"]), Is.EqualTo(new[] { "cap.a", "cap.b" }));
    }

    [Test]
    public void Analyze_MissingCostCountsZero_AvoidableIsSumMinusLargest()
    {
        var m = new TestModel().Agency("a1").Agency("a2").Agency("a3")
            .System("s1", "a1", caps: ["c"], cost: 500).System("s2", "a2", caps: ["c"]).System("s3", "a3", caps: ["c"], cost: 200);
        Assert.That(TestModel.Single(m.Analyze(), "AM1001").Evidence["avoidableAnnualCost"], Is.EqualTo(200.0));
    }

    [Test]
    public void Analyze_SameOwnerNoRegion_SharedUseByOwner()
    {
        var m = new TestModel().Agency("a1", region: null)
            .System("s1", "a1", caps: ["c"]).System("s2", "a1", caps: ["c"]);
        var f = TestModel.Single(m.Analyze(), "AM1001");
        Assert.That(f.Evidence["kind"], Is.EqualTo("shared-use"));
    }
}

[TestFixture]
public class ProbableDuplicateTests
{
    private static TestModel TwoAgencies() => new TestModel().Agency("a1", name: "省公安厅").Agency("a2", name: "省民政厅");

    [Test]
    public void Normalize_RemovesOwnerNamePunctuationSpacesAndLowercases()
    {
        Assert.That(NameSimilarityIndex.Normalize("省公安厅 OA-系统（二期）", "省公安厅"), Is.EqualTo("oa系统二期"));
    }

    [Test]
    public void Normalize_RemovesEveryOccurrenceOfOwnerName()
    {
        Assert.That(NameSimilarityIndex.Normalize("民政民政厅系统民政", "民政"), Is.EqualTo("厅系统"));
    }

    [Test]
    public void Normalize_EveryUtf16Unit_AsTheRuneByRuneReading()
    {
        // The fast paths (ASCII, CJK ideographs) and the buffer must give what rules.md says, read literally:
        // replace the owner's name, then drop Z*/P* code points and lower-case the others one by one.
        static string Reference(string name, string? owner)
        {
            var text = string.IsNullOrEmpty(owner) ? name : name.Replace(owner, "", StringComparison.Ordinal);
            var sb = new System.Text.StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                var category = System.Text.Rune.GetUnicodeCategory(rune);
                if (category is System.Globalization.UnicodeCategory.SpaceSeparator or System.Globalization.UnicodeCategory.LineSeparator
                    or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.ConnectorPunctuation
                    or System.Globalization.UnicodeCategory.DashPunctuation or System.Globalization.UnicodeCategory.OpenPunctuation
                    or System.Globalization.UnicodeCategory.ClosePunctuation or System.Globalization.UnicodeCategory.InitialQuotePunctuation
                    or System.Globalization.UnicodeCategory.FinalQuotePunctuation or System.Globalization.UnicodeCategory.OtherPunctuation)
                {
                    continue;
                }
                sb.Append(System.Text.Rune.ToLowerInvariant(rune).ToString());
            }
            return sb.ToString();
        }

        for (var c = 0; c <= char.MaxValue; c++)
        {
            var name = $"A{(char)c}z{(char)c}";
            Assert.That(NameSimilarityIndex.Normalize(name, null), Is.EqualTo(Reference(name, null)), $"U+{c:X4}");
        }
        string[] cases =
        [
            "𠮷野家 A-B", "\uD842", "a\uDFB7b", "\uDFB7\uD842", "𐐀𐐨 Ǆ ǅ İ K Ω", "省公安厅省公安厅系统省公安厅", "省公安\uD842厅\uDFB7",
            new string('系', 300) + " X-Y " + new string('统', 300), "",
        ];
        foreach (var name in cases)
        {
            foreach (var owner in new[] { null, "", "省公安厅", "\uD842厅", "厅", "系" })
            {
                Assert.That(NameSimilarityIndex.Normalize(name, owner), Is.EqualTo(Reference(name, owner)), $"{name} / {owner}");
                var prepared = new NameSimilarityIndex.PreparedNames();
                prepared.Add(0, name, owner);
                prepared.Add(1, Reference(name, owner));
                Assert.That(prepared.Bigrams[prepared.Starts[0]..prepared.Starts[1]].ToArray(),
                    Is.EqualTo(prepared.Bigrams[prepared.Starts[1]..prepared.Starts[2]].ToArray()), $"{name} / {owner}");
                Assert.That(prepared.Singles[0], Is.EqualTo(prepared.Singles[1]));
            }
        }
    }

    [TestCase("ab", "ab", 1.0)]
    [TestCase("abc", "abd", 0.5)]
    [TestCase("a", "a", 1.0)]
    [TestCase("aaa", "aa", 1.0)] // sets, not multisets
    public void Similarity_Cases(string a, string b, double expected)
    {
        Assert.That(NameSimilarityIndex.Similarity(a, b), Is.EqualTo(expected));
    }

    [TestCase("", "")]
    [TestCase("a", "b")]
    [TestCase("a", "ab")]
    public void Similarity_EmptyOrOneCharacterAgainstOther_SimilarToNothing(string a, string b)
    {
        Assert.That(NameSimilarityIndex.Similarity(a, b), Is.Null);
    }

    [Test]
    public void SimilarPairs_ThresholdZero_OneCharacterStillOnlyMatchesItself()
    {
        var pairs = NameSimilarityIndex.SimilarPairs([(0, "a"), (1, "ab"), (2, "cd"), (3, "a")], 0);
        Assert.That(pairs.Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))), Is.EquivalentTo(new[] { (0, 3), (1, 2) }));
    }

    [Test]
    public void Similarity_SurrogatePairIsOneCharacter()
    {
        // U+20BB7 (𠮷) is one text element: a one-character name.
        Assert.That(NameSimilarityIndex.Similarity("𠮷", "𠮷"), Is.EqualTo(1.0));
        Assert.That(NameSimilarityIndex.Bigrams("𠮷野"), Has.Count.EqualTo(1));
    }

    [Test]
    public void PreparedNames_OneElementPerCharFastPath_AgreesWithStringInfo()
    {
        // Every character the fast path takes for its own text element must be one whatever its neighbours.
        var checkedChars = 0;
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (!NameSimilarityIndex.PreparedNames.IsOneElementPerChar([c]))
            {
                continue;
            }
            checkedChars++;
            foreach (var text in new[] { $"a{c}", $"{c}a", $"{c}{c}", $"中{c}", $"{c}中", $"\n{c}", $"{c}\n", $"©{c}", $"{c}©" })
            {
                Assert.That(new System.Globalization.StringInfo(text).LengthInTextElements, Is.EqualTo(2), $"U+{(int)c:X4} in {text}");
            }
        }
        Assert.That(checkedChars, Is.GreaterThan(20_000));
        Assert.That(NameSimilarityIndex.PreparedNames.IsOneElementPerChar("e\u0301"), Is.False);
        Assert.That(NameSimilarityIndex.PreparedNames.IsOneElementPerChar("\r\n"), Is.False);
    }

    [Test]
    public void SimilarPairs_GraphemeClusters_MatchBruteForce()
    {
        // Combining marks, surrogate pairs, CR LF and Hangul jamo make text elements of several UTF-16 units,
        // whose bigrams the index keys by text like the two-unit ones.
        var random = new Random(5);
        string[] alphabet = ["a", "e", "\u0301", "\r", "\n", "𠮷", "𠮷\u0301", "中", "国", "\u1100", "\u1161", "가", "ｶ", "\uFF9E"];
        var names = Enumerable.Range(0, 300).Select(i =>
            (i, string.Concat(Enumerable.Range(0, random.Next(0, 9)).Select(_ => alphabet[random.Next(alphabet.Length)])))).ToList();
        var sides = names.Select(_ => random.Next(3) == 0).ToList();
        foreach (var t in new[] { 0.0, 0.4, 0.7, 1.0 })
        {
            var fast = NameSimilarityIndex.SimilarPairs(names, t).Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).ToHashSet();
            var fastBipartite = NameSimilarityIndex.SimilarPairs(names, t, default, sides).Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).ToHashSet();
            var slow = new HashSet<(int, int)>();
            var slowBipartite = new HashSet<(int, int)>();
            for (var i = 0; i < names.Count; i++)
            {
                for (var j = i + 1; j < names.Count; j++)
                {
                    if (NameSimilarityIndex.Similarity(names[i].Item2, names[j].Item2) is { } s && s >= t)
                    {
                        slow.Add((i, j));
                        if (sides[i] != sides[j]) slowBipartite.Add((i, j));
                    }
                }
            }
            Assert.That(fast, Is.EquivalentTo(slow), $"threshold {t}");
            Assert.That(fastBipartite, Is.EquivalentTo(slowBipartite), $"bipartite, threshold {t}");
            Assert.That(slowBipartite, Is.Not.Empty);
        }
    }

    [Test]
    public void Analyze_SimilarNamesAfterRemovingOwnerNames_Finding()
    {
        var m = TwoAgencies()
            .System("s1", "a1", name: "省公安厅人口信息管理系统", caps: ["cap.x"])
            .System("s2", "a2", name: "省民政厅人口信息管理系统", caps: ["cap.y"]);
        var f = TestModel.Single(m.Analyze(), "AM1002");
        Assert.That(f.Elements, Is.EqualTo(new[] { "s1", "s2" }));
        Assert.That(f.Evidence["similarity"], Is.EqualTo(1.0));
        Assert.That(f.Severity, Is.EqualTo(ArchModel.Diagnostics.DiagnosticSeverity.Info));
    }

    [Test]
    public void Analyze_CommonCapability_NoFinding()
    {
        var m = TwoAgencies()
            .System("s1", "a1", name: "人口信息管理系统", caps: ["cap.x"])
            .System("s2", "a2", name: "人口信息管理系统", caps: ["cap.x", "cap.y"]);
        Assert.That(m.Findings("AM1002"), Is.Empty);
    }

    [Test]
    public void Analyze_NoScopeOverlap_NoFinding()
    {
        var m = new TestModel().Agency("a1", region: "1").Agency("a2", region: "2")
            .System("s1", "a1", name: "人口信息管理系统").System("s2", "a2", name: "人口信息管理系统");
        Assert.That(m.Findings("AM1002"), Is.Empty);
    }

    [Test]
    public void Analyze_AliasMatches_MaxOverNamePairs()
    {
        var m = TwoAgencies()
            .System("s1", "a1", name: "金盾工程", aliases: ["警务综合平台"])
            .System("s2", "a2", name: "警务综合平台");
        Assert.That(m.Findings("AM1002"), Is.EqualTo(new[] { "s1,s2" }));
    }

    [Test]
    public void Analyze_ThresholdIsInclusive()
    {
        // "abcd" vs "abce": bigrams {ab,bc,cd} vs {ab,bc,ce}: 2*2/6 = 0.667.
        var m = TwoAgencies().System("s1", "a1", name: "abcd").System("s2", "a2", name: "abce");
        Assert.That(m.Settings(new ModelSettings { DuplicateNameSimilarity = 2.0 / 3 }).Findings("AM1002"), Has.Length.EqualTo(1));
        Assert.That(m.Settings(new ModelSettings { DuplicateNameSimilarity = 0.67 }).Findings("AM1002"), Is.Empty);
    }

    [Test]
    public void Analyze_DiceExactlyPointEight_Matches()
    {
        // {ab,bc,cd,de,ef} vs {ab,bc,cd,de,eg}: 2*4/10 = 0.8.
        var m = TwoAgencies().System("s1", "a1", name: "abcdef").System("s2", "a2", name: "abcdeg");
        Assert.That(m.Findings("AM1002"), Has.Length.EqualTo(1));
    }

    [Test]
    public void Analyze_OneCharacterNames_OnlySameCharacter()
    {
        var m = TwoAgencies().Agency("a3", name: "x")
            .System("s1", "a1", name: "甲").System("s2", "a2", name: "甲").System("s3", "a3", name: "乙");
        Assert.That(m.Findings("AM1002"), Is.EqualTo(new[] { "s1,s2" }));
    }

    [Test]
    public void Analyze_NameIsOwnerNameOnly_EmptyMatchesNothing()
    {
        var m = TwoAgencies().System("s1", "a1", name: "省公安厅").System("s2", "a2", name: "省民政厅");
        Assert.That(m.Findings("AM1002"), Is.Empty);
    }

    [Test]
    public void Analyze_RetiredSystem_Ignored()
    {
        var m = TwoAgencies().System("s1", "a1", name: "人口库").System("s2", "a2", name: "人口库", status: SystemStatus.Retired);
        Assert.That(m.Findings("AM1002"), Is.Empty);
    }

    [Test]
    public void Analyze_DuplicateIds_FirstActiveSystemOfEachIdCounts()
    {
        // Only the first active system of an id takes part, also when an inactive system or another element
        // came first with that id.
        var m = TwoAgencies().Agency("a3", name: "x").Agency("s3", name: "y")
            .System("s1", "a1", name: "人口信息管理系统", status: SystemStatus.Retired)
            .System("s1", "a1", name: "公路养护监测平台")
            .System("s2", "a2", name: "公路养护监测平台")
            .System("s4", "a2", name: "不动产登记业务系统")
            .System("s4", "a2", name: "人口信息管理系统")
            .System("s5", "a3", name: "人口信息管理系统")
            .System("s3", "a3", name: "不动产登记业务系统");
        // A model with duplicate ids has load errors (AM0005) and may still be analysed.
        var model = new ModelBuilder().AddRange(m.Elements).Build().Model;
        var result = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Create(new ProbableDuplicateRule()), ComputeMetrics = false });
        Assert.That(TestModel.Of(result, "AM1002"), Is.EqualTo(new[] { "s1,s2", "s3,s4" }));
    }

    [Test]
    public void Analyze_ThreeSimilar_OneGroup()
    {
        var m = TwoAgencies().Agency("a3", name: "x")
            .System("s1", "a1", name: "人口信息管理系统").System("s2", "a2", name: "人口信息管理系统")
            .System("s3", "a3", name: "人口信息管理系统");
        Assert.That(m.Findings("AM1002"), Is.EqualTo(new[] { "s1,s2,s3" }));
    }

    [Test]
    public void SimilarPairs_MatchesBruteForceOnRandomNames()
    {
        var random = new Random(7);
        const string alphabet = "人口信息管理系统平台数据";
        var names = Enumerable.Range(0, 300).Select(i =>
            (i, new string(Enumerable.Range(0, random.Next(0, 15)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))).ToList();
        foreach (var t in new[] { 0.3, 0.5, 0.65, 0.8, 0.9, 1.0 })
        {
            var fast = NameSimilarityIndex.SimilarPairs(names, t).Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).ToHashSet();
            var slow = new HashSet<(int, int)>();
            for (var i = 0; i < names.Count; i++)
            {
                for (var j = i + 1; j < names.Count; j++)
                {
                    if (NameSimilarityIndex.Similarity(names[i].Item2, names[j].Item2) is { } s && s >= t) slow.Add((i, j));
                }
            }
            Assert.That(fast, Is.EquivalentTo(slow), $"threshold {t}");
            Assert.That(slow, Is.Not.Empty);
        }
    }
}

[TestFixture]
public class DuplicateHostingTests
{
    [Test]
    public void Analyze_TwoNonSharedPlatformsSameJurisdiction_Finding()
    {
        var m = new TestModel().Agency("a1").Agency("a2").Platform("dc1", false, "a1").Platform("dc2", false, "a2");
        var f = TestModel.Single(m.Analyze(), "AM1003");
        Assert.That(f.Elements, Is.EqualTo(new[] { "dc1", "dc2" }));
        Assert.That(f.Evidence["target"], Is.Null);
        Assert.That(f.Evidence["jurisdiction"], Is.EqualTo("provincial:320000"));
    }

    [Test]
    public void Analyze_OneNonSharedAndSharedInJurisdiction_FindingWithTarget()
    {
        var m = new TestModel().Agency("a1").Agency("a2")
            .Platform("dc1", false, "a1").Platform("cloud.b", true, "a2").Platform("cloud.a", true, "a2");
        var f = TestModel.Single(m.Analyze(), "AM1003");
        Assert.That(f.Elements, Is.EqualTo(new[] { "dc1" }));
        Assert.That(f.Evidence["target"], Is.EqualTo("cloud.a"));
    }

    [TestCase("cloud.a", "cloud.b", "cloud.a")]
    [TestCase("cloud.b", "cloud.a", "cloud.a")]
    public void Analyze_SharedPlatformsByOwnerAndByRegion_TargetIsTheFirstById(string byOwner, string byRegion, string target)
    {
        // One shared platform serves the jurisdiction through its owner, another through its region: whichever
        // criterion, the target is the first of them in id order.
        var m = new TestModel().Agency("a1").Agency("a2")
            .Platform("dc1", false, "a1").Platform(byOwner, true, "a2").Platform(byRegion, true, owner: null, region: "320000");
        Assert.That(TestModel.Single(m.Analyze(), "AM1003").Evidence["target"], Is.EqualTo(target));
    }

    [Test]
    public void Analyze_SharedPlatformByRegionOnly_Finding()
    {
        var m = new TestModel().Agency("a1").Platform("dc1", false, "a1").Platform("cloud", true, owner: null, region: "320000");
        Assert.That(m.Findings("AM1003"), Is.EqualTo(new[] { "dc1" }));
    }

    [Test]
    public void Analyze_OneNonSharedNoShared_NoFinding()
    {
        var m = new TestModel().Agency("a1").Agency("a2", region: "1").Platform("dc1", false, "a1").Platform("dc2", false, "a2");
        Assert.That(m.Findings("AM1003"), Is.Empty);
    }

    [Test]
    public void Analyze_PlatformWithoutOwnerOrOwnerRegion_InNoGroup()
    {
        var m = new TestModel().Agency("a1", region: null).Agency("a2", region: null)
            .Platform("dc1", false, "a1").Platform("dc2", false, "a2").Platform("dc3", false);
        Assert.That(m.Findings("AM1003"), Is.Empty);
    }

    [Test]
    public void Analyze_SameRegionDifferentLevel_DifferentGroups()
    {
        var m = new TestModel().Agency("a1", AgencyLevel.Provincial).Agency("a2", AgencyLevel.Municipal)
            .Platform("dc1", false, "a1").Platform("dc2", false, "a2");
        Assert.That(m.Findings("AM1003"), Is.Empty);
    }
}

[TestFixture]
public class DuplicateDataCollectionTests
{
    [Test]
    public void Analyze_SameCategorySameJurisdiction_Finding()
    {
        var m = new TestModel().Agency("a1").Agency("a2")
            .Resource("r1", "a1", ResourceCategory.Population).Resource("r2", "a2", ResourceCategory.Population);
        var f = TestModel.Single(m.Analyze(), "AM1004");
        Assert.That(f.Elements, Is.EqualTo(new[] { "r1", "r2" }));
        Assert.That(f.Evidence["category"], Is.EqualTo("population"));
    }

    [Test]
    public void Analyze_OtherOrMissingCategory_TakesNoPart()
    {
        var m = new TestModel().Agency("a1").Agency("a2")
            .Resource("r1", "a1", ResourceCategory.Other).Resource("r2", "a2", ResourceCategory.Other)
            .Resource("r3", "a1").Resource("r4", "a2");
        Assert.That(m.Findings("AM1004"), Is.Empty);
    }

    [Test]
    public void Analyze_DifferentCategories_NoFinding()
    {
        var m = new TestModel().Agency("a1").Agency("a2")
            .Resource("r1", "a1", ResourceCategory.Population).Resource("r2", "a2", ResourceCategory.Credit);
        Assert.That(m.Findings("AM1004"), Is.Empty);
    }

    [Test]
    public void Analyze_SameSectorDifferentLevels_OneSectorLine()
    {
        var m = new TestModel()
            .Agency("p", AgencyLevel.Provincial, region: "1", sector: "市场监管")
            .Agency("c1", AgencyLevel.Municipal, region: "2", sector: "市场监管")
            .Agency("c2", AgencyLevel.Municipal, region: "3", sector: "市场监管")
            .Resource("r1", "p", ResourceCategory.LegalEntity).Resource("r2", "c1", ResourceCategory.LegalEntity)
            .Resource("r3", "c2", ResourceCategory.LegalEntity);
        Assert.That(m.Findings("AM1004"), Is.EqualTo(new[] { "r1,r2,r3" }));
    }

    [Test]
    public void Analyze_SameSectorSameLevelDifferentRegions_NoFinding()
    {
        var m = new TestModel()
            .Agency("c1", AgencyLevel.Municipal, region: "2", sector: "市场监管")
            .Agency("c2", AgencyLevel.Municipal, region: "3", sector: "市场监管")
            .Resource("r2", "c1", ResourceCategory.LegalEntity).Resource("r3", "c2", ResourceCategory.LegalEntity);
        Assert.That(m.Findings("AM1004"), Is.Empty);
    }

    [Test]
    public void Analyze_ParentChainDeep_Joined()
    {
        var m = new TestModel()
            .Agency("n", AgencyLevel.National, region: "0").Agency("p", AgencyLevel.Provincial, region: "1", parent: "n")
            .Agency("c", AgencyLevel.Municipal, region: "2", parent: "p")
            .Resource("r1", "n", ResourceCategory.Credit).Resource("r2", "c", ResourceCategory.Credit);
        Assert.That(m.Findings("AM1004"), Is.EqualTo(new[] { "r1,r2" }));
    }

    [Test]
    public void Analyze_SameOwnerWithoutRegion_NotJoined()
    {
        var m = new TestModel().Agency("a1", region: null)
            .Resource("r1", "a1", ResourceCategory.Population).Resource("r2", "a1", ResourceCategory.Population);
        Assert.That(m.Findings("AM1004"), Is.Empty);
    }
}
