using NUnit.Framework;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Tests.Analysis;

/// <summary>A terse way to write the small models of the rule tests; builds through <see cref="ModelBuilder"/>.</summary>
internal sealed class TestModel
{
    private readonly List<Element> _elements = [];
    private readonly List<Suppression> _suppressions = [];
    private readonly Dictionary<string, double> _targets = new(StringComparer.Ordinal);
    private ModelSettings _settings = ModelSettings.Default;

    public IReadOnlyList<Element> Elements => _elements;

    public TestModel Agency(string id, AgencyLevel level = AgencyLevel.Provincial, string? region = "320000",
        string? sector = null, string? parent = null, string? name = null)
    {
        _elements.Add(new Agency { Id = id, Name = name ?? id, Level = level, Region = region, Sector = sector, Parent = parent });
        return this;
    }

    public TestModel System(string id, string owner, string? name = null, string[]? caps = null,
        SystemStatus status = SystemStatus.Operational, string[]? usedBy = null, string[]? networks = null,
        string? hosting = null, bool standalone = false, double? cost = null, long? mau = null, int? level = null,
        SystemComponent[]? components = null, string[]? holds = null, string[]? aliases = null, string? project = null)
    {
        foreach (var cap in caps ?? [])
        {
            if (!_elements.Any(e => e.Id == cap))
            {
                _elements.Insert(0, new Capability { Id = cap, Name = cap });
            }
        }
        _elements.Add(new InformationSystem
        {
            Id = id, Owner = owner, Name = name ?? id, Capabilities = caps ?? [], Status = status, UsedBy = usedBy ?? [],
            Networks = networks ?? [], Hosting = hosting, Standalone = standalone,
            Cost = cost is null ? null : new SystemCost(null, cost),
            Usage = mau is null ? null : new SystemUsage(null, mau), ProtectionLevel = level,
            Components = components ?? [], Holds = holds ?? [], Aliases = aliases ?? [], Project = project,
        });
        return this;
    }

    public TestModel Flow(string id, string from, string to, FlowStatus status = FlowStatus.Active, string[]? carries = null, string[]? via = null)
    {
        _elements.Add(new Flow { Id = id, From = from, To = to, Status = status, Carries = carries ?? [], Via = via ?? [] });
        return this;
    }

    public TestModel Network(string id, NetworkKind kind, bool? classified = null, params NetworkLink[] links)
    {
        _elements.Add(new Network { Id = id, Name = id, NetworkKind = kind, Classified = classified, Links = links });
        return this;
    }

    public TestModel Platform(string id, bool shared, string? owner = null, string? region = null)
    {
        _elements.Add(new Platform { Id = id, Name = id, PlatformKind = shared ? PlatformKind.Cloud : PlatformKind.Datacenter, Shared = shared, Owner = owner, Region = region });
        return this;
    }

    public TestModel Resource(string id, string owner, ResourceCategory? category = null,
        SharingLevel sharing = SharingLevel.Conditional, bool open = false, bool classified = false)
    {
        _elements.Add(new DataResource { Id = id, Name = id, Owner = owner, Category = category, Sharing = sharing, Open = open, Classified = classified });
        return this;
    }

    public TestModel Service(string id, string provider, string[]? systems = null, params ServiceChannel[] channels)
    {
        _elements.Add(new Service { Id = id, Name = id, Provider = provider, Systems = systems ?? [], Channels = channels });
        return this;
    }

    public TestModel Project(string id, string agency, ProjectStage? stage, params string[] delivers)
    {
        _elements.Add(new Project { Id = id, Name = id, Agency = agency, Stage = stage, Delivers = delivers });
        return this;
    }

    public TestModel Suppress(string rule, params string[] elements)
    {
        _suppressions.Add(new Suppression { Rule = rule, Elements = elements, Justification = "accepted" });
        return this;
    }

    public TestModel Settings(ModelSettings settings)
    {
        _settings = settings;
        return this;
    }

    public TestModel Target(string metric, double value)
    {
        _targets[metric] = value;
        return this;
    }

    public ArchitectureModel Build(IEnumerable<Element>? order = null)
    {
        var builder = new ModelBuilder(new ModelInfo { Id = "test" }).WithSettings(_settings);
        builder.AddRange(order ?? _elements);
        foreach (var s in _suppressions) builder.Add(s);
        foreach (var (k, v) in _targets) builder.WithTarget(k, v);
        var result = builder.Build();
        var errors = result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.That(errors, Is.Empty, "the test model is invalid: " + string.Join("; ", errors.Select(static e => e.ToString())));
        return result.Model;
    }

    public AnalysisResult Analyze(AnalysisOptions? options = null) => Analyzer.Analyze(Build(), options);

    /// <summary>The unsuppressed findings of one rule, each as its comma-joined elements.</summary>
    public string[] Findings(string rule) => Of(Analyze(), rule);

    public static string[] Of(AnalysisResult result, string rule) =>
        result.Findings.Where(f => f.Rule == rule && !f.Suppressed).Select(static f => string.Join(",", f.Elements)).ToArray();

    public static Finding Single(AnalysisResult result, string rule)
    {
        var found = result.Findings.Where(f => f.Rule == rule).ToArray();
        Assert.That(found, Has.Length.EqualTo(1), $"expected one {rule} finding");
        return found[0];
    }

    public static SystemComponent Component(ComponentCategory category, ComponentOrigin origin, string name = "c") =>
        new(name, category, origin, null);
}
