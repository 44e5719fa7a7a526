using System.Globalization;
using ArchModel.Analysis;
using ArchModel.Model;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;
using NUnit.Framework;

// FsCheck supplies the arguments of [Property] methods, which the NUnit analyzer cannot see.
#pragma warning disable NUnit1027

namespace ArchModel.Tests.Analysis;

/// <summary>Invariants of the analysis over random small models (FsCheck drives the seeds and shrinks them).</summary>
[TestFixture]
public class AnalysisPropertyTests
{
    [Property(MaxTest = 150)]
    public bool Analyze_ShuffledElementOrder_SameResult(int seed, int shuffleSeed)
    {
        var elements = RandomModel.Generate(seed);
        var shuffled = elements.OrderBy(_ => 0).ToList();
        var random = new Random(shuffleSeed);
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }
        var a = Render(Analyzer.Analyze(Build(elements)));
        var b = Render(Analyzer.Analyze(Build(shuffled)));
        var c = Render(Analyzer.Analyze(Build(elements)));
        return a == b && a == c;
    }

    [Property(MaxTest = 150)]
    public bool Analyze_AddingAFlow_NeverCreatesAnIsolatedSystem(int seed, int from, int to, bool planned)
    {
        var elements = RandomModel.Generate(seed);
        var systems = elements.OfType<InformationSystem>().ToArray();
        if (systems.Length == 0)
        {
            return true;
        }
        var before = Isolated(Analyzer.Analyze(Build(elements)));
        var flow = new Flow
        {
            Id = "flow.added", From = systems[Math.Abs(from % systems.Length)].Id, To = systems[Math.Abs(to % systems.Length)].Id,
            Status = planned ? FlowStatus.Planned : FlowStatus.Active,
        };
        var after = Isolated(Analyzer.Analyze(Build([.. elements, flow])));
        return after.IsSubsetOf(before);
    }

    [Property(MaxTest = 150)]
    public bool Analyze_EveryFindingNamesExistingElementsSortedAndUnique(int seed)
    {
        var model = Build(RandomModel.Generate(seed));
        var result = Analyzer.Analyze(model);
        return result.Findings.All(f =>
            f.Elements.Count > 0
            && f.Elements.All(id => model.Find(id) is not null)
            && f.Elements.SequenceEqual(f.Elements.Distinct().Order(StringComparer.Ordinal)));
    }

    [Property(MaxTest = 100)]
    public bool Metrics_RatiosInUnitIntervalOrNull(int seed)
    {
        var metrics = Analyzer.Analyze(Build(RandomModel.Generate(seed))).Metrics;
        return metrics.Model.Concat(metrics.Agencies.Values.SelectMany(static a => a))
            .Where(static kv => MetricNames.IsRatio(kv.Key))
            .All(static kv => kv.Value is null or (>= 0 and <= 1));
    }

    [Test]
    public void RandomModel_ProducesFindingsOfManyRules()
    {
        // Guards the generator: properties over models that never trigger a rule would prove nothing.
        var rules = Enumerable.Range(0, 200).SelectMany(seed => Analyzer.Analyze(Build(RandomModel.Generate(seed))).Findings)
            .Select(static f => f.Rule).ToHashSet();
        Assert.That(rules, Is.SupersetOf(new[] { "AM1001", "AM1002", "AM2001", "AM2002", "AM2004", "AM2007", "AM4001", "AM5002" }));
    }

    private static HashSet<string> Isolated(AnalysisResult result) =>
        result.Findings.Where(static f => f.Rule == "AM2001").Select(static f => f.Elements[0]).ToHashSet();

    private static ArchitectureModel Build(IEnumerable<Element> elements) =>
        new ModelBuilder(new ModelInfo { Id = "random" }).AddRange(elements).Build().Model;

    private static string Render(AnalysisResult result)
    {
        var lines = result.Findings.Select(f =>
            $"{f.Rule}|{f.Severity}|{string.Join(",", f.Elements)}|{f.Message.Chinese}|{f.Message.English}|" +
            string.Join(";", f.Evidence.Select(kv => kv.Key + "=" + Value(kv.Value))));
        var metrics = result.Metrics.Model.Select(kv => kv.Key + "=" + Value(kv.Value))
            .Concat(result.Metrics.Agencies.SelectMany(a => a.Value.Select(kv => a.Key + "." + kv.Key + "=" + Value(kv.Value))));
        return string.Join("\n", lines.Concat(metrics));
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<string> list => "[" + string.Join(",", list) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>Small random but valid models: few agencies, regions and sectors so that rules do fire.</summary>
internal static class RandomModel
{
    private static readonly string[] Syllables = ["人口", "信息", "管理", "系统", "平台", "办公", "审批", "数据"];

    public static List<Element> Generate(int seed)
    {
        var r = new Random(seed);
        var elements = new List<Element>();
        var caps = new[] { "cap.a", "cap.b", "cap.c" };
        elements.AddRange(caps.Select(c => new Capability { Id = c, Name = c }));

        var agencies = new List<Agency>();
        var agencyCount = r.Next(1, 7);
        for (var i = 0; i < agencyCount; i++)
        {
            agencies.Add(new Agency
            {
                Id = $"ag{i}", Name = $"机构{i}", Level = (AgencyLevel)r.Next(0, 3),
                Region = r.Next(4) == 0 ? null : $"{r.Next(3)}",
                Sector = r.Next(3) == 0 ? null : (r.Next(2) == 0 ? "公安" : "民政"),
                Parent = i > 0 && r.Next(2) == 0 ? $"ag{r.Next(i)}" : null,
            });
        }
        elements.AddRange(agencies);

        var networkCount = r.Next(0, 5);
        for (var i = 0; i < networkCount; i++)
        {
            var links = new List<NetworkLink>();
            if (i > 0 && r.Next(2) == 0) links.Add(new NetworkLink($"net{r.Next(i)}", (LinkVia)r.Next(3)));
            elements.Add(new Network { Id = $"net{i}", Name = $"net{i}", NetworkKind = (NetworkKind)r.Next(5), Links = links });
        }
        var platformCount = r.Next(0, 4);
        for (var i = 0; i < platformCount; i++)
        {
            elements.Add(new Platform
            {
                Id = $"pf{i}", Name = $"pf{i}", PlatformKind = PlatformKind.Cloud, Shared = r.Next(2) == 0,
                Owner = $"ag{r.Next(agencyCount)}", Region = r.Next(2) == 0 ? $"{r.Next(3)}" : null,
            });
        }
        var resourceCount = r.Next(0, 5);
        for (var i = 0; i < resourceCount; i++)
        {
            elements.Add(new DataResource
            {
                Id = $"res{i}", Name = $"res{i}", Owner = $"ag{r.Next(agencyCount)}", Category = (ResourceCategory)r.Next(3),
                Sharing = (SharingLevel)r.Next(3), Classified = r.Next(3) == 0, Open = r.Next(2) == 0,
            });
        }

        var systemCount = r.Next(0, 14);
        for (var i = 0; i < systemCount; i++)
        {
            elements.Add(new InformationSystem
            {
                Id = $"sys{i}", Owner = $"ag{r.Next(agencyCount)}",
                Name = string.Concat(Enumerable.Range(0, r.Next(1, 4)).Select(_ => Syllables[r.Next(Syllables.Length)])),
                Capabilities = caps.Where(_ => r.Next(3) == 0).ToArray(),
                Status = (SystemStatus)r.Next(5),
                Standalone = r.Next(8) == 0,
                UsedBy = r.Next(4) == 0 ? [$"ag{r.Next(agencyCount)}"] : [],
                Networks = networkCount > 0 && r.Next(3) > 0 ? [$"net{r.Next(networkCount)}"] : [],
                Hosting = platformCount > 0 && r.Next(2) == 0 ? $"pf{r.Next(platformCount)}" : null,
                Cost = r.Next(2) == 0 ? new SystemCost(null, r.Next(1, 100) * 1000) : null,
                Usage = r.Next(2) == 0 ? new SystemUsage(null, r.Next(0, 20)) : null,
                ProtectionLevel = r.Next(2) == 0 ? r.Next(1, 6) : null,
                Holds = resourceCount > 0 && r.Next(3) == 0 ? [$"res{r.Next(resourceCount)}"] : [],
                Components = r.Next(2) == 0 ? [new SystemComponent("x", (ComponentCategory)r.Next(5), (ComponentOrigin)r.Next(3), null)] : [],
            });
        }
        var flowCount = systemCount == 0 ? 0 : r.Next(0, 16);
        for (var i = 0; i < flowCount; i++)
        {
            var from = r.Next(systemCount);
            var to = r.Next(systemCount);
            elements.Add(new Flow
            {
                Id = $"flow{i}", From = $"sys{from}", To = $"sys{to}", Status = (FlowStatus)r.Next(3),
                Carries = resourceCount > 0 && r.Next(2) == 0 ? [$"res{r.Next(resourceCount)}"] : [],
            });
        }
        return elements;
    }
}
