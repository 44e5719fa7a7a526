using ArchModel.Tests.Analysis;

namespace ArchModel.Tests.Interop;

/// <summary>
/// Random valid models that use every field of the format — texts with quotes, backslashes, control characters, CJK and
/// emoji, fractions and large numbers, extension properties of each type, former ids, flows without ids, suppressions,
/// settings and targets — for the round-trip properties.
/// </summary>
internal static class RichRandomModel
{
    private static readonly string[] Texts =
        ["人口信息管理系统", "a \"quoted\" name", "back\\slash", "tab\there", "line\nbreak", "emoji 😀 名", " spaced ", "=SUM(A1)", "-leading dash", "plain"];

    public static ArchitectureModel Build(int seed, bool forSheets = false)
    {
        var r = new Random(seed);
        var elements = RandomModel.Generate(seed);
        var extra = new List<Element>();
        var agencies = elements.OfType<Agency>().Select(static a => a.Id).ToList();
        var systems = elements.OfType<InformationSystem>().Select(static s => s.Id).ToList();
        string Text() => Texts[r.Next(Texts.Length)];
        // A spreadsheet's list cell separates items with ';' and trims the spaces around them: list items there have neither.
        string Item() => forSheets ? Text().Trim().Replace(";", "", StringComparison.Ordinal) : Text();
        IReadOnlyList<string> Tags() => r.Next(3) == 0 ? ["t1", Item()] : [];
        IReadOnlyDictionary<string, object> Properties()
        {
            var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
            if (r.Next(3) == 0) properties["text"] = Text();
            if (r.Next(3) == 0) properties["number"] = r.Next(2) == 0 ? r.NextDouble() * 1e7 : -r.Next(1000);
            if (r.Next(3) == 0) properties["flag"] = r.Next(2) == 0;
            return properties;
        }
        Element Decorate(Element e) => e with
        {
            Description = r.Next(2) == 0 ? Text() : null,
            Tags = Tags(),
            Properties = Properties(),
            FormerIds = e.Id.Length > 0 && r.Next(6) == 0 ? [$"old.{e.Id}.{seed}"] : [],
        };
        var decorated = elements.Select(e => e switch
        {
            InformationSystem s => Decorate(s with
            {
                Aliases = r.Next(3) == 0 ? [Item().Replace(";", "", StringComparison.Ordinal)] : [],
                Cost = s.Cost is null ? null : new SystemCost(r.Next(2) == 0 ? r.NextDouble() * 1e6 : null, s.Cost.AnnualOperation),
                Usage = s.Usage is null ? null : new SystemUsage(r.Next(2) == 0 ? r.Next(0, 100000) : null, s.Usage.MonthlyActiveUsers),
                Components = [.. s.Components, .. r.Next(3) == 0 ? new[] { new SystemComponent(Text(), null, ComponentOrigin.Foreign, "vendor, Inc.") } : []],
            }),
            Flow f when r.Next(3) == 0 => Decorate(f with { Id = "", IdGenerated = true, Mode = (FlowMode)r.Next(5) }),
            Network n => Decorate(n with { Classified = r.Next(3) switch { 0 => true, 1 => false, _ => null }, Owner = agencies.Count > 0 && r.Next(2) == 0 ? agencies[0] : null }),
            _ => Decorate(e),
        }).ToList();
        // Flows without an id get theirs generated; keep only the first of each pair so that the numbering is exercised by
        // a repeated pair now and then.
        if (systems.Count > 0)
        {
            extra.Add(new Flow { Id = "", IdGenerated = true, From = systems[0], To = systems[^1] });
            extra.Add(new Flow { Id = "", IdGenerated = true, From = systems[0], To = systems[^1], Status = FlowStatus.Planned });
        }
        if (agencies.Count > 0)
        {
            extra.Add(new Service
            {
                Id = $"svc{seed}", Name = Text(), Provider = agencies[0], Systems = systems.Take(2).ToList(),
                Channels = [ServiceChannel.Web, ServiceChannel.Counter],
            });
            extra.Add(new Project
            {
                Id = $"prj{seed}", Name = Text(), Agency = agencies[^1], Budget = r.Next(2) == 0 ? 1234567.89 : null,
                Year = r.Next(2) == 0 ? 2016 : null, Stage = r.Next(2) == 0 ? ProjectStage.Accepted : null, Delivers = systems.Take(1).ToList(),
            });
        }
        var builder = new ModelBuilder(new ModelInfo
        {
            Id = $"rich-{seed}", Name = Text(), Description = r.Next(2) == 0 ? Text() : null,
            Language = r.Next(2) == 0 ? Language.English : Language.Chinese, AsOf = r.Next(2) == 0 ? new DateOnly(2016, 4, 8) : null,
        }).WithSettings(new ModelSettings
        {
            DuplicateNameSimilarity = r.Next(2) == 0 ? 0.85 : 0.8,
            ZombieMonthlyActiveUsers = r.Next(2) == 0 ? 20 : 10,
            Severity = new SortedDictionary<string, SeveritySetting>(StringComparer.Ordinal) { ["AM1002"] = SeveritySetting.Off },
        }).WithTarget(MetricNames.CloudRate, 0.9).WithTarget(MetricNames.AvoidableAnnualCost, 500000.5);
        builder.AddRange(decorated).AddRange(extra);
        if (systems.Count > 1)
        {
            builder.Add(new Suppression { Rule = "AM1001", Elements = [systems[0], systems[1]], Justification = Text() });
        }
        var result = builder.Build();
        var errors = result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"seed {seed} built an invalid model: {string.Join("; ", errors)}");
        }
        return result.Model;
    }
}
