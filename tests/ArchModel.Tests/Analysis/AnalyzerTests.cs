using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Loading;
using ArchModel.Model;
using NUnit.Framework;

namespace ArchModel.Tests.Analysis;

[TestFixture]
public class AnalyzerTests
{
    private static string TestFile(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestFiles", "Analysis", name);

    private static AnalysisResult AnalyzeFile(string name)
    {
        var load = ModelLoader.LoadFile(TestFile(name));
        Assert.That(load.HasErrors, Is.False, string.Join("\n", load.Diagnostics));
        return Analyzer.Analyze(load.Model!);
    }

    [Test]
    public void Analyze_RulesSideBySideOrOneByOne_GiveTheSameResult()
    {
        using var temp = new TempFolder();
        ArchModel.Generation.ModelGenerator.WriteTo(temp.Path, new ArchModel.Generation.GeneratorOptions { Agencies = 600, SplitByRegion = true, Seed = 7 });
        var model = ModelLoader.LoadFile(Path.Combine(temp.Path, "model.json")).Model!;
        static string[] Text(AnalysisResult r) =>
        [
            .. r.Findings.Select(static f => $"{f.Rule} {string.Join(",", f.Elements)} {f.Message.English} {string.Join(";", f.Evidence.Select(static e => $"{e.Key}={e.Value}"))}"),
            .. r.Metrics.Model.Select(static m => $"{m.Key}={m.Value}"),
            .. r.Metrics.Agencies.SelectMany(static a => a.Value.Select(m => $"{a.Key}.{m.Key}={m.Value}")),
        ];
        var oneByOne = Text(Analyzer.Analyze(model, new AnalysisOptions { MaxDegreeOfParallelism = 1 }));
        Assert.That(oneByOne, Has.Length.GreaterThan(1000));
        for (var run = 0; run < 3; run++)
        {
            Assert.That(Text(Analyzer.Analyze(model)), Is.EqualTo(oneByOne));
        }
    }

    [TestCase(ArchModel.Generation.GeneratorShape.HugeJurisdictions)]
    [TestCase(ArchModel.Generation.GeneratorShape.DeepLines)]
    [TestCase(ArchModel.Generation.GeneratorShape.Realistic)]
    public void Analyze_SystemsNamedByPositionOrById_GiveTheSameResult(ArchModel.Generation.GeneratorShape shape)
    {
        // With distinct ids the rules name systems by their position in the graph (SystemIdList) and the scorecard
        // counts them by it; one repeated id anywhere (an exact copy of a capability here, which changes no finding)
        // takes every rule and the scorecard back to ids.
        using var temp = new TempFolder();
        ArchModel.Generation.ModelGenerator.WriteTo(temp.Path, new ArchModel.Generation.GeneratorOptions { Agencies = 900, Shape = shape, Seed = 3 });
        var elements = ModelLoader.LoadFile(Path.Combine(temp.Path, "model.json")).Model!.Elements.ToList();
        var byPosition = new ModelBuilder().AddRange(elements).Build().Model;
        var byId = new ModelBuilder().AddRange(elements).Add(byPosition.Capabilities[0] with { }).Build().Model;
        static string[] Text(AnalysisResult r) =>
        [
            .. r.Findings.Select(static f => $"{f.Rule} {string.Join(",", f.Elements)} {f.Location} {f.Message.English} {f.Message.Chinese} {string.Join(";", f.Evidence.Select(static e => $"{e.Key}={(e.Value is IEnumerable<string> list ? string.Join("|", list) : e.Value)}"))}"),
            .. r.Metrics.Model.Select(static m => $"{m.Key}={m.Value}"),
            .. r.Metrics.Agencies.SelectMany(static a => a.Value.Select(m => $"{a.Key}.{m.Key}={m.Value}")),
            $"without cost {r.Metrics.DuplicatesWithoutCost}",
        ];
        var positions = Analyzer.Analyze(byPosition);
        var ids = Analyzer.Analyze(byId);
        Assert.Multiple(() =>
        {
            Assert.That(byPosition.HasDistinctIds, Is.True);
            Assert.That(byId.HasDistinctIds, Is.False);
            Assert.That(positions.Findings.Where(static f => f.Rule is "AM1001" or "AM2001").Select(static f => f.Elements), Is.Not.Empty.And.All.InstanceOf<SystemIdList>());
            Assert.That(ids.Findings.Select(static f => f.Elements), Has.None.InstanceOf<SystemIdList>());
            Assert.That(positions.Metrics.Model[MetricNames.DuplicateRate], Is.GreaterThan(0));
            Assert.That(Text(positions), Is.EqualTo(Text(ids)));
        });
    }

    [Test]
    public void Analyze_FileWithSuppressions_MatchesBySetAndReportsUnused()
    {
        var result = AnalyzeFile("suppressions.json");
        var isolated = TestModel.Single(result, "AM2001");
        Assert.Multiple(() =>
        {
            Assert.That(isolated.Suppressed, Is.True);
            Assert.That(isolated.Justification, Is.EqualTo("单机运行的档案终端"));
            Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.UnusedSuppression }));
            Assert.That(result.Diagnostics[0].Severity, Is.EqualTo(DiagnosticSeverity.Warning));
            Assert.That(result.Diagnostics[0].Location!.Line, Is.EqualTo(19));
            // A suppressed finding does not count: isolationRate is 0 of 3.
            Assert.That(result.Metrics.Model[MetricNames.IsolationRate], Is.EqualTo(0.0));
        });
    }

    [Test]
    public void Analyze_FileSeverityOverrides_OffSkipsAndErrorRaises()
    {
        var result = AnalyzeFile("suppressions.json");
        Assert.That(result.Findings.Any(f => f.Rule == "AM2003"), Is.False);
        Assert.That(result.Rules.Select(r => r.Code), Does.Not.Contain("AM2003"));
        var dup = TestModel.Single(result, "AM1001");
        Assert.That(dup.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(result.MaxSeverity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void Analyze_FindingsWhoseMessagesAreNotYetRead_DoNotKeepTheGraphAlive()
    {
        using var temp = new TempFolder();
        ArchModel.Generation.ModelGenerator.WriteTo(temp.Path, new ArchModel.Generation.GeneratorOptions { Agencies = 600, SplitByRegion = true, Seed = 7 });
        var model = ModelLoader.LoadFile(Path.Combine(temp.Path, "model.json")).Model!;

        var (graph, result) = AnalyzeWithGraph(model);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // A message is composed when read, from what its rule captured: the rule's context and the graph views must
        // not be among it, or every analysis result would hold them as long as it lives.
        Assert.That(graph.IsAlive, Is.False, "the analysis result keeps the graph views alive");
        var rules = result.Findings.Select(static f => f.Rule).Distinct().ToArray();
        Assert.That(rules, Has.Length.GreaterThanOrEqualTo(15), "most built-in rules report on the generated model");
        Assert.That(result.Findings.All(static f => f.Message.Chinese.Length > 0 && f.Message.English.Length > 0));

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        static (WeakReference Graph, AnalysisResult Result) AnalyzeWithGraph(ArchitectureModel model)
        {
            var graph = ModelGraph.Build(model);
            return (new WeakReference(graph), Analyzer.Analyze(graph));
        }
    }

    [Test]
    public void Analyze_OneElementFinding_LocatedAtItsDefinition_OrTheFirstOneWhenTheIdRepeats()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "model.json");
        File.WriteAllText(file, """
            {
              "formatVersion": "1",
              "agencies": [ { "id": "ag.a", "name": "甲局", "level": "provincial", "region": "320000" } ],
              "systems": [
                { "id": "sys.lone", "name": "旧系统", "owner": "ag.a", "status": "retired" },
                { "id": "sys.other", "name": "其他系统", "owner": "ag.a", "standalone": true },
                { "id": "sys.lone", "name": "孤立系统", "owner": "ag.a" }
              ]
            }
            """);
        var load = ModelLoader.LoadFile(file);
        Assert.That(load.Diagnostics.Select(static d => d.Code), Does.Contain(DiagnosticCodes.DuplicateId));

        // The isolated system is the active definition (line 7); the finding is located where the id is first defined
        // (line 5), as a finding naming several elements is.
        var isolated = TestModel.Single(Analyzer.Analyze(load.Model!), "AM2001");
        Assert.That(isolated.Elements, Is.EqualTo(new[] { "sys.lone" }));
        Assert.That(isolated.Location!.Line, Is.EqualTo(5));

        // With distinct ids, a one-element finding is located at its element.
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"id\": \"sys.lone\", \"name\": \"旧系统\"", "\"id\": \"sys.old\", \"name\": \"旧系统\"", StringComparison.Ordinal));
        var distinct = ModelLoader.LoadFile(file);
        Assert.That(distinct.HasErrors, Is.False, string.Join("\n", distinct.Diagnostics));
        Assert.That(TestModel.Single(Analyzer.Analyze(distinct.Model!), "AM2001").Location!.Line, Is.EqualTo(7));
    }

    [Test]
    public void Analyze_FileFinding_LocatedAtFirstSortedElement()
    {
        var dup = TestModel.Single(AnalyzeFile("suppressions.json"), "AM1001");
        Assert.That(dup.Elements, Is.EqualTo(new[] { "sys.a", "sys.b" }));
        // sys.a is defined on line 12 (after sys.b on line 11).
        Assert.That(dup.Location!.Line, Is.EqualTo(12));
        Assert.That(dup.Location.Path, Does.StartWith("systems[1]"));
    }

    [Test]
    public void Analyze_FileTargets_CheckedWithDirection()
    {
        var targets = AnalyzeFile("suppressions.json").Metrics.Targets;
        Assert.That(targets.Select(t => t.Metric), Is.EqualTo(new[] { "cloudRate", "isolationRate" }));
        Assert.That(targets[0].Actual, Is.Null);
        Assert.That(targets[0].Met, Is.Null);
        Assert.That(targets[0].Direction, Is.EqualTo(MetricDirection.Higher));
        Assert.That(targets[1].Met, Is.True);
        Assert.That(targets[1].Direction, Is.EqualTo(MetricDirection.Lower));
    }

    [Test]
    public void Analyze_SuppressionOfOtherRuleSameElements_DoesNotMatch()
    {
        var m = new TestModel().Agency("a").System("s", "a").Suppress("AM3001", "s");
        var result = m.Analyze();
        Assert.That(TestModel.Single(result, "AM2001").Suppressed, Is.False);
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
    }

    [Test]
    public void Analyze_SuppressionSupersetOfElements_DoesNotMatch()
    {
        var m = new TestModel().Agency("a").Agency("b").System("s1", "a", caps: ["c"]).System("s2", "b", caps: ["c"]).System("s3", "b")
            .Suppress("AM1001", "s1", "s2", "s3");
        Assert.That(TestModel.Single(m.Analyze(), "AM1001").Suppressed, Is.False);
    }

    [Test]
    public void Analyze_SuppressionInAnyOrder_Matches()
    {
        var m = new TestModel().Agency("a").Agency("b").System("s1", "a", caps: ["c"]).System("s2", "b", caps: ["c"])
            .Suppress("AM1001", "s2", "s1");
        var result = m.Analyze();
        Assert.That(TestModel.Single(result, "AM1001").Suppressed, Is.True);
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Metrics.Model[MetricNames.DuplicateRate], Is.EqualTo(0.0));
    }

    [Test]
    public void Analyze_SuppressionForRuleTurnedOff_Unused()
    {
        var m = new TestModel().Agency("a").System("s", "a").Suppress("AM2001", "s")
            .Settings(new ModelSettings { Severity = new Dictionary<string, SeveritySetting> { ["AM2001"] = SeveritySetting.Off } });
        Assert.That(m.Analyze().Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "AM0011" }));
    }

    [Test]
    public void Analyze_SeverityInfo_Overrides()
    {
        var m = new TestModel().Agency("a").System("s", "a")
            .Settings(new ModelSettings { Severity = new Dictionary<string, SeveritySetting> { ["AM2001"] = SeveritySetting.Info } });
        Assert.That(TestModel.Single(m.Analyze(), "AM2001").Severity, Is.EqualTo(DiagnosticSeverity.Info));
    }

    [Test]
    public void Analyze_Findings_SortedByRuleThenElements()
    {
        var m = new TestModel().Agency("a").Agency("b")
            .System("z", "b").System("y", "a").System("s1", "a", caps: ["c"]).System("s2", "b", caps: ["c"]);
        var findings = m.Analyze().Findings.Select(f => f.Rule + ":" + string.Join(",", f.Elements)).ToArray();
        Assert.That(findings, Is.EqualTo(findings.Order(StringComparer.Ordinal).ToArray()));
        Assert.That(findings, Does.Contain("AM2001:y"));
    }

    [Test]
    public void Analyze_RuleReportingOutOfOrder_FindingsInTheWholeOrder()
    {
        // Findings that share their first element are ordered by the rest, a shorter list first, then by message.
        var model = new TestModel().Agency("a").Build();
        var reports = new[] { "b", "a,c", "a,b|2", "a,b|1", "a", "c,a", "a,b,c" };
        var options = new AnalysisOptions { Rules = RuleSet.Create(new ReportingRule(reports)), ComputeMetrics = false };
        var findings = Analyzer.Analyze(model, options).Findings.Select(f => string.Join(",", f.Elements) + "|" + f.Message.English);
        Assert.That(findings, Is.EqualTo(new[] { "a|x", "a,b|1", "a,b|2", "a,b,c|x", "a,c|x", "a,c|x", "b|x" }));

        // The sort of one rule's findings on its own (the join re-sorts a list that is out of order, so the above
        // would pass with a sort that left ties unordered).
        var own = Analyzer.Analyze(model, options).Findings.Reverse().ToList();
        Analyzer.SortByElements(own);
        Assert.That(own, Is.EqualTo(own.Order(Finding.Order).ToList()));
    }

    /// <summary>Reports one finding per entry ("elements|message"), in the order given.</summary>
    private sealed class ReportingRule(string[] reports) : IRule
    {
        public RuleDescriptor Descriptor { get; } = new("X0001",
            new LocalizedText("测试", "Test"), new LocalizedText("测试", "Test"), DiagnosticSeverity.Warning);

        public void Analyze(RuleContext context)
        {
            foreach (var report in reports)
            {
                var parts = report.Split('|');
                var message = parts.Length > 1 ? parts[1] : "x";
                context.Report(parts[0].Split(','), new LocalizedText(message, message));
            }
        }
    }

    [Test]
    public void Analyze_EvidenceKeys_SortedOrdinally()
    {
        var m = new TestModel().Agency("a").Agency("b").System("s1", "a", caps: ["c"]).System("s2", "b", caps: ["c"]);
        var keys = TestModel.Single(m.Analyze(), "AM1001").Evidence.Keys.ToArray();
        Assert.That(keys, Is.EqualTo(keys.Order(StringComparer.Ordinal).ToArray()));
    }

    [Test]
    public void Analyze_Messages_InBothLanguages()
    {
        var f = TestModel.Single(new TestModel().Agency("a").System("s", "a").Analyze(), "AM2001");
        Assert.That(f.Message.Chinese, Does.Contain("共享交换"));
        Assert.That(f.Message.English, Does.Contain("connect"));
        Assert.That(f.Title.English, Is.EqualTo("Isolated system"));
    }

    [Test]
    public void Analyze_Cancelled_Throws()
    {
        var model = new TestModel().Agency("a").Build();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(() => Analyzer.Analyze(model, null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Analyze_CustomRuleThatThrows_ReportsLocatedErrorNamingItAndKeepsTheOtherRulesFindings(int processors)
    {
        var model = ModelLoader.LoadFile(Path.Combine(TestPaths.Models, "quickstart", "model.json")).Model!;
        var without = Analyzer.Analyze(model, new AnalysisOptions { MaxDegreeOfParallelism = processors });
        var result = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Default.With(new ThrowingRule()), MaxDegreeOfParallelism = processors });
        var failed = result.Diagnostics.Single(static d => d.Code == DiagnosticCodes.RuleFailed);
        Assert.Multiple(() =>
        {
            Assert.That(failed.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(failed.Location, Is.EqualTo(new SourceLocation(model.Files[0], 1, 1, "")));
            Assert.That(failed.Message.English, Does.StartWith("The rule X9999 (Broken) failed (InvalidOperationException: rule bug):"));
            Assert.That(failed.Message.Chinese, Does.StartWith("规则 X9999（故障）运行失败（InvalidOperationException: rule bug）："));
            Assert.That(failed.Format(Language.English), Does.Not.Contain("second line"), "one line");
            // The failed rule's partial findings are dropped; every other rule's findings and the scorecard are as without it.
            Assert.That(Lines(result.Findings), Is.EqualTo(Lines(without.Findings)));
            Assert.That(result.Findings, Is.Not.Empty);
            Assert.That(result.Metrics.Model, Is.EqualTo(without.Metrics.Model));
            Assert.That(result.Rules.Select(static r => r.Code), Does.Contain("X9999"));
        });
    }

    private static string[] Lines(IEnumerable<Finding> findings) =>
        [.. findings.Select(static f => $"{f.Rule} {string.Join(",", f.Elements)} {f.Location} {f.Message.English} {string.Join(";", f.Evidence.Select(static e => $"{e.Key}={e.Value}"))}")];

    [Test]
    public void Analyze_RuleThatThrowsInModelBuiltInCode_ReportsUnlocatedError()
    {
        var model = new TestModel().Agency("a").Build();
        var result = Analyzer.Analyze(model, new AnalysisOptions { Rules = RuleSet.Default.With(new ThrowingRule()) });
        var failed = result.Diagnostics.Single(static d => d.Code == DiagnosticCodes.RuleFailed);
        Assert.That(failed.Location, Is.Null);
        Assert.That(failed.Message.English, Does.Contain("X9999"));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Analyze_RuleThatThrowsOperationCanceled_Propagates(int processors)
    {
        var model = new TestModel().Agency("a").System("s", "a").Build();
        var options = new AnalysisOptions
        {
            Rules = RuleSet.Default.With(new ThrowingRule(exception: new OperationCanceledException("stop"))),
            MaxDegreeOfParallelism = processors,
        };
        Assert.That(() => Analyzer.Analyze(model, options), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void LoadingDiagnostics_All_DescribesRuleFailed()
    {
        var descriptor = LoadingDiagnostics.All.Single(static d => d.Code == DiagnosticCodes.RuleFailed);
        Assert.That(descriptor.DefaultSeverity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(DiagnosticCodes.RuleFailed, Is.EqualTo("AM0013"));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Analyze_CountedRuleThatThrows_LeavesItsMetricsWithoutValueAndTheRestComputed(int processors)
    {
        // The scorecard waits for the rules whose findings it counts: one that throws must not leave it waiting.
        // The rule throws late, when the other processor has run every other item and waits for it.
        var model = new TestModel().Agency("a").System("s", "a").System("t", "a")
            .Target(MetricNames.IsolationRate, 0.1).Target(MetricNames.DuplicateRate, 0.1).Build();
        var options = new AnalysisOptions
        {
            Rules = RuleSet.Default.Without(RuleCodes.IsolatedSystem).With(new ThrowingRule(RuleCodes.IsolatedSystem, TimeSpan.FromMilliseconds(500))),
            MaxDegreeOfParallelism = processors,
        };
        var analysis = Task.Run(() => Analyzer.Analyze(model, options));
        Assert.That(analysis.Wait(TimeSpan.FromMinutes(1)), Is.True, "the analysis finished");
        var result = analysis.Result;
        var normal = Analyzer.Analyze(model);
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.RuleFailed));
            Assert.That(result.Diagnostics.Single().Message.English, Does.Contain("isolationRate"));
            Assert.That(result.Findings.Any(static f => f.Rule == RuleCodes.IsolatedSystem), Is.False);
            // Isolation counted nothing: no value, not a rate of 0 that meets its target.
            Assert.That(normal.Metrics.Model[MetricNames.IsolationRate], Is.EqualTo(1.0));
            Assert.That(result.Metrics.Model[MetricNames.IsolationRate], Is.Null);
            Assert.That(result.Metrics.Agencies["a"][MetricNames.IsolationRate], Is.Null);
            var isolation = result.Metrics.Targets.Single(static t => t.Metric == MetricNames.IsolationRate);
            Assert.That((isolation.Actual, isolation.Met), Is.EqualTo(((double?)null, (bool?)null)));
            // Every other metric is what it would be.
            Assert.That(result.Metrics.Model.Where(static m => m.Key != MetricNames.IsolationRate),
                Is.EqualTo(normal.Metrics.Model.Where(static m => m.Key != MetricNames.IsolationRate)));
            Assert.That(result.Metrics.Targets.Single(static t => t.Metric == MetricNames.DuplicateRate),
                Is.EqualTo(normal.Metrics.Targets.Single(static t => t.Metric == MetricNames.DuplicateRate)));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Analyze_DuplicateBuildRuleThatThrows_LeavesDuplicateRateAndAvoidableCostWithoutValue(int processors)
    {
        var model = new TestModel().Agency("a").System("s", "a").Build();
        var options = new AnalysisOptions
        {
            Rules = RuleSet.Default.Without(RuleCodes.DuplicateBuild).With(new ThrowingRule(RuleCodes.DuplicateBuild)),
            MaxDegreeOfParallelism = processors,
        };
        var result = Analyzer.Analyze(model, options);
        Assert.Multiple(() =>
        {
            Assert.That(result.Metrics.Model[MetricNames.DuplicateRate], Is.Null);
            Assert.That(result.Metrics.Model[MetricNames.AvoidableAnnualCost], Is.Null);
            Assert.That(result.Metrics.Model[MetricNames.IsolationRate], Is.EqualTo(1.0));
        });
    }

    [TestCase(0, 1)]
    [TestCase(1, 1)]
    [TestCase(2, 1)]
    [TestCase(0, 2)]
    [TestCase(1, 2)]
    public void Analyze_FewRules_ComputesTheScorecardOnAnyNumberOfProcessors(int rules, int processors)
    {
        // With fewer than three rules the scorecard's two items come right after them: the one that waits for the
        // counts must come after the one that makes them, or a single processor waits for itself.
        var model = new TestModel().Agency("a").System("s", "a").Build();
        var options = new AnalysisOptions
        {
            Rules = RuleSet.Empty.With([.. RuleSet.Default.Where(static r => r.Descriptor.Code is "AM3002" or "AM4004").Take(rules)]),
            MaxDegreeOfParallelism = processors,
        };
        var analysis = Task.Run(() => Analyzer.Analyze(model, options));
        Assert.That(analysis.Wait(TimeSpan.FromMinutes(1)), Is.True, "the analysis finished");
        Assert.That(analysis.Result.Metrics.Model[MetricNames.DuplicateRate], Is.EqualTo(0));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Analyze_OnlyRuleThrows_ReportsItInsteadOfWaitingForTheScorecard(int processors)
    {
        var model = new TestModel().Agency("a").System("s", "a").Build();
        var options = new AnalysisOptions { Rules = RuleSet.Empty.With(new ThrowingRule()), MaxDegreeOfParallelism = processors };
        var analysis = Task.Run(() => Analyzer.Analyze(model, options));
        Assert.That(analysis.Wait(TimeSpan.FromMinutes(1)), Is.True, "the analysis finished");
        Assert.That(analysis.Result.Findings, Is.Empty);
        Assert.That(analysis.Result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.RuleFailed }));
        // A rule the scorecard does not count: the scorecard is whole.
        Assert.That(analysis.Result.Metrics.Model[MetricNames.DuplicateRate], Is.EqualTo(0));
    }

    private sealed class ThrowingRule(string code = "X9999", TimeSpan delay = default, Exception? exception = null) : IRule
    {
        public RuleDescriptor Descriptor { get; } = new(code,
            new LocalizedText("故障", "Broken"), new LocalizedText("故障", "Broken"), DiagnosticSeverity.Warning);

        public void Analyze(RuleContext context)
        {
            Thread.Sleep(delay);
            // What it reported before it threw is dropped with the rest.
            context.Report([context.Model.Systems.Count > 0 ? context.Model.Systems[0].Id : context.Model.Agencies[0].Id], new LocalizedText("半途", "halfway"));
            throw exception ?? new InvalidOperationException("rule bug\nsecond line");
        }
    }

    [Test]
    public void RuleSet_Default_HasEveryBuiltInRuleInCodeOrder()
    {
        var codes = RuleSet.Default.Select(r => r.Descriptor.Code).ToArray();
        Assert.That(codes, Is.EqualTo(new[]
        {
            "AM1001", "AM1002", "AM1003", "AM1004", "AM2001", "AM2002", "AM2003", "AM2004", "AM2005", "AM2006", "AM2007",
            "AM3001", "AM3002", "AM4001", "AM4002", "AM4003", "AM4004", "AM5001", "AM5002",
        }));
    }

    [Test]
    public void RuleSet_Without_RemovesRule()
    {
        var m = new TestModel().Agency("a").System("s", "a");
        var result = m.Analyze(new AnalysisOptions { Rules = RuleSet.Default.Without("AM2001") });
        Assert.That(result.Findings.Any(f => f.Rule == "AM2001"), Is.False);
        Assert.That(result.Findings.Any(f => f.Rule == "AM2003"), Is.True);
    }

    [Test]
    public void RuleSet_WithDuplicateCode_Throws()
    {
        Assert.That(() => RuleSet.Default.With(RuleSet.Default[0]), Throws.ArgumentException);
    }
}

[TestFixture]
public class MetricsTests
{
    [Test]
    public void Metrics_SmallModel_AllValues()
    {
        var m = new TestModel()
            .Agency("a", sector: "x").Agency("b").Agency("c", AgencyLevel.Municipal, region: "9", sector: "x").Agency("empty")
            .Network("ext", NetworkKind.Extranet).Network("ded", NetworkKind.Dedicated)
            .Platform("cloud", true, "b").Platform("dc", false, "a")
            .System("a1", "a", caps: ["oa"], networks: ["ext"], hosting: "cloud", cost: 100,
                components: [TestModel.Component(ComponentCategory.Os, ComponentOrigin.Domestic), TestModel.Component(ComponentCategory.Database, ComponentOrigin.Foreign)])
            .System("b1", "b", caps: ["oa"], networks: ["ded"], hosting: "dc", cost: 40,
                components: [TestModel.Component(ComponentCategory.Os, ComponentOrigin.Unknown)])
            .System("b2", "b", mau: 1)
            .System("c1", "c", status: SystemStatus.Retired)
            .Flow("f1", "a1", "b1").Flow("f2", "b1", "a1", FlowStatus.Retired).Flow("f3", "a1", "c1")
            .Resource("r1", "a", sharing: SharingLevel.Unconditional, open: true).Resource("r2", "a", sharing: SharingLevel.None)
            .Resource("r3", "b", sharing: SharingLevel.Unconditional)
            .Service("svc1", "a", null, ServiceChannel.Web).Service("svc2", "a", null, ServiceChannel.Counter);
        var model = m.Analyze().Metrics.Model;
        Assert.Multiple(() =>
        {
            Assert.That(model[MetricNames.DuplicateRate], Is.EqualTo(2.0 / 3));
            Assert.That(model[MetricNames.IsolationRate], Is.EqualTo(1.0 / 3)); // b2
            Assert.That(model[MetricNames.ZombieRate], Is.EqualTo(1.0));
            // Active flows: f1 (a→b), f3 (a→c, to a retired system, still counted); both cross-agency.
            Assert.That(model[MetricNames.CrossAgencyFlowShare], Is.EqualTo(1.0));
            // f1 horizontal, f3 vertical (same sector x at different levels).
            Assert.That(model[MetricNames.HorizontalFlowShare], Is.EqualTo(0.5));
            Assert.That(model[MetricNames.SharingRate], Is.EqualTo(0.0)); // r1, r3 never reach another agency
            Assert.That(model[MetricNames.OpenDataRate], Is.EqualTo(0.5));
            Assert.That(model[MetricNames.UnifiedNetworkRate], Is.EqualTo(0.5));
            Assert.That(model[MetricNames.CloudRate], Is.EqualTo(0.5));
            Assert.That(model[MetricNames.DomesticRate], Is.EqualTo(0.5));
            Assert.That(model[MetricNames.OnlineServiceRate], Is.EqualTo(0.5));
            Assert.That(model[MetricNames.AvoidableAnnualCost], Is.EqualTo(40.0));
        });
    }

    [Test]
    public void Metrics_PerAgency_RestrictedToOwnSystemsAndTheirFlows()
    {
        var m = new TestModel().Agency("a").Agency("b").Agency("none")
            .System("a1", "a").System("a2", "a").System("b1", "b")
            .Flow("f1", "a1", "a2").Flow("f2", "a1", "b1");
        var metrics = m.Analyze().Metrics;
        Assert.That(metrics.Agencies.Keys, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(metrics.Agencies["a"][MetricNames.CrossAgencyFlowShare], Is.EqualTo(0.5));
        Assert.That(metrics.Agencies["b"][MetricNames.CrossAgencyFlowShare], Is.EqualTo(1.0));
        Assert.That(metrics.Agencies["a"].Keys, Is.EquivalentTo(MetricsReport.PerAgencyMetrics));
        Assert.That(metrics.Agencies["b"][MetricNames.CloudRate], Is.Null);
    }

    [Test]
    public void Metrics_AvoidableCost_SuppressedDuplicateNotCounted_InTheAnalysisAndFromFindings()
    {
        // s1,s2 duplicate capability x (avoidable 10); s3,s4 duplicate y (avoidable 7), suppressed.
        var m = new TestModel().Agency("a").Agency("b")
            .System("s1", "a", caps: ["x"], cost: 10).System("s2", "b", caps: ["x"], cost: 30)
            .System("s3", "a", caps: ["y"], cost: 7).System("s4", "b", caps: ["y"], cost: 9)
            .Suppress("AM1001", "s3", "s4");
        var model = m.Build();
        var result = Analyzer.Analyze(model);
        Assert.That(result.Findings.Count(static f => f.Rule == "AM1001" && f.Suppressed), Is.EqualTo(1));
        Assert.That(result.Metrics.Model[MetricNames.AvoidableAnnualCost], Is.EqualTo(10.0));
        var recomputed = Analyzer.ComputeMetrics(ModelGraph.Build(model), result.Findings);
        Assert.That(recomputed.Model[MetricNames.AvoidableAnnualCost], Is.EqualTo(10.0));
    }

    [Test]
    public void Metrics_PerAgency_OrdinalOrderAndLookUps()
    {
        var m = new TestModel().Agency("b").Agency("a").Agency("B").Agency("无系统")
            .System("s1", "b").System("s2", "a").System("s3", "B").System("s4", "b");
        var agencies = m.Analyze().Metrics.Agencies;
        Assert.Multiple(() =>
        {
            // The agencies that own systems, each once, in ordinal order.
            Assert.That(agencies.Keys, Is.EqualTo(new[] { "B", "a", "b" }));
            Assert.That(agencies.Select(static kv => kv.Key), Is.EqualTo(new[] { "B", "a", "b" }));
            Assert.That(agencies.Count, Is.EqualTo(3));
            Assert.That(agencies.ContainsKey("a"), Is.True);
            Assert.That(agencies.ContainsKey("c"), Is.False);
            Assert.That(agencies.TryGetValue("无系统", out _), Is.False);
            Assert.That(() => agencies["A"], Throws.TypeOf<KeyNotFoundException>());
            var values = agencies["b"];
            Assert.That(values.Keys, Is.EqualTo(MetricsReport.PerAgencyMetrics.Order(StringComparer.Ordinal)));
            Assert.That(values.TryGetValue("noSuchMetric", out _), Is.False);
            Assert.That(() => values["noSuchMetric"], Throws.TypeOf<KeyNotFoundException>());
            // The keys every agency shares cannot be changed through one agency's map.
            Assert.That(values.Keys, Is.Not.InstanceOf<string[]>());
            Assert.That(agencies.Keys, Is.Not.InstanceOf<string[]>());
        });
    }

    [Test]
    public void Metrics_AvoidableCost_FindingsInAnyOrder_SameTotalToTheBitAndSameCount()
    {
        // Costs whose floating-point sum depends on the order of adding: the total must not.
        var m = new TestModel();
        for (var i = 0; i < 24; i++)
        {
            m.Agency($"a{i}");
        }
        for (var i = 0; i < 24; i++)
        {
            var cap = $"cap{i % 6}";
            if (i % 5 == 0)
            {
                m.System($"s{i}", $"a{i}", caps: [cap]);
            }
            else
            {
                m.System($"s{i}", $"a{i}", caps: [cap], cost: 0.1 * i + 1e-7 * i * i);
            }
        }
        var model = m.Build();
        var result = Analyzer.Analyze(model);
        var graph = ModelGraph.Build(model);
        var forwards = Analyzer.ComputeMetrics(graph, result.Findings);
        var backwards = Analyzer.ComputeMetrics(graph, result.Findings.Reverse().ToArray());
        var shuffled = Analyzer.ComputeMetrics(graph, result.Findings.OrderBy(static f => f.Message.Chinese.Length).ThenByDescending(static f => f.Elements[^1], StringComparer.Ordinal).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Count(static f => f.Rule == "AM1001"), Is.GreaterThan(1));
            Assert.That(BitConverter.DoubleToInt64Bits(backwards.Model[MetricNames.AvoidableAnnualCost]!.Value),
                Is.EqualTo(BitConverter.DoubleToInt64Bits(forwards.Model[MetricNames.AvoidableAnnualCost]!.Value)));
            Assert.That(BitConverter.DoubleToInt64Bits(shuffled.Model[MetricNames.AvoidableAnnualCost]!.Value),
                Is.EqualTo(BitConverter.DoubleToInt64Bits(result.Metrics.Model[MetricNames.AvoidableAnnualCost]!.Value)));
            // s0, s5, s10, s15, s20 have no cost; each is a duplicate (every capability has four systems).
            Assert.That(result.Metrics.DuplicatesWithoutCost, Is.EqualTo(5));
            Assert.That(backwards.DuplicatesWithoutCost, Is.EqualTo(5));
        });
    }

    [Test]
    public void Metrics_DuplicatesWithoutCost_SuppressedFindingsNotCounted()
    {
        var m = new TestModel().Agency("a").Agency("b")
            .System("s1", "a", caps: ["x"]).System("s2", "b", caps: ["x"], cost: 30)
            .System("s3", "a", caps: ["y"]).System("s4", "b", caps: ["y"])
            .Suppress("AM1001", "s3", "s4");
        Assert.That(m.Analyze().Metrics.DuplicatesWithoutCost, Is.EqualTo(1));
    }

    [Test]
    public void Metrics_AvoidableCost_OverlappingFindingsCountedOnce()
    {
        // s1,s2 duplicate capability x; s2,s3 duplicate capability y: one group {s1,s2,s3}.
        var m = new TestModel().Agency("a").Agency("b").Agency("c")
            .System("s1", "a", caps: ["x"], cost: 10).System("s2", "b", caps: ["x", "y"], cost: 30).System("s3", "c", caps: ["y"], cost: 5);
        Assert.That(m.Analyze().Metrics.Model[MetricNames.AvoidableAnnualCost], Is.EqualTo(15.0));
    }

    [Test]
    public void Metrics_TargetLowerIsBetter_MetWhenAtOrBelow()
    {
        var m = new TestModel().Agency("a").System("s1", "a").System("s2", "a").Flow("f", "s1", "s2").System("s3", "a")
            .Target(MetricNames.IsolationRate, 1.0 / 3).Target(MetricNames.CrossAgencyFlowShare, 0.5);
        var targets = m.Analyze().Metrics.Targets;
        Assert.That(targets.Single(t => t.Metric == MetricNames.IsolationRate).Met, Is.True);
        Assert.That(targets.Single(t => t.Metric == MetricNames.CrossAgencyFlowShare).Met, Is.False);
    }

    [Test]
    public void Metrics_RepeatedSystemId_CountsForEveryOwnerOnceAndForTheModelOnce()
    {
        // s and r are each defined under agencies a and b (an error validation reports; analysis still runs).
        // s is isolated, r receives a flow from u: each owner of a repeated id gets its counts, the model once.
        var result = new ModelBuilder()
            .Add(new Agency { Id = "a", Name = "甲", Level = AgencyLevel.Municipal })
            .Add(new Agency { Id = "b", Name = "乙", Level = AgencyLevel.Municipal })
            .Add(new Agency { Id = "c", Name = "丙", Level = AgencyLevel.Municipal })
            .Add(new InformationSystem { Id = "s", Name = "审批", Owner = "a" })
            .Add(new InformationSystem { Id = "r", Name = "登记", Owner = "a" })
            .Add(new InformationSystem { Id = "s", Name = "审批", Owner = "b" })
            .Add(new InformationSystem { Id = "r", Name = "登记", Owner = "b" })
            .Add(new InformationSystem { Id = "u", Name = "交换", Owner = "c" })
            .Add(new Flow { Id = "f", From = "u", To = "r" })
            .Build();
        Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0005", "AM0005" }));
        var metrics = Analyzer.Analyze(result.Model).Metrics;
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Model[MetricNames.IsolationRate], Is.EqualTo(1.0 / 3));
            foreach (var owner in new[] { "a", "b" })
            {
                Assert.That(metrics.Agencies[owner][MetricNames.IsolationRate], Is.EqualTo(0.5), owner);
                Assert.That(metrics.Agencies[owner][MetricNames.CrossAgencyFlowShare], Is.EqualTo(1.0), owner);
            }
            Assert.That(metrics.Agencies["c"][MetricNames.IsolationRate], Is.EqualTo(0.0));
        });
    }
}
