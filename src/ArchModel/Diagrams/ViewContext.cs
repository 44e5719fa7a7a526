using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Diagrams;

/// <summary>What every view builder needs: the model, the options, the highlights of the analysis, and the
/// node, cluster and edge makers that keep keys and styles the same across views.</summary>
internal sealed class ViewContext
{
    private readonly Dictionary<string, DiagramHighlight> _highlights = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];

    /// <param name="model">The model.</param>
    /// <param name="analysis">The analysis whose unsuppressed findings are highlighted, or null.</param>
    /// <param name="options">The options.</param>
    /// <param name="rulePrefix">Highlight only the rules whose code starts with this (a problem view
    /// highlights its own family of rules, so that the problem stands out).</param>
    public ViewContext(ArchitectureModel model, AnalysisResult? analysis, ViewOptions? options, string rulePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Options = options ?? ViewOptions.Default;
        if (analysis is null)
        {
            return;
        }
        foreach (var f in analysis.ActiveFindings.Where(f => f.Rule.StartsWith(rulePrefix, StringComparison.Ordinal)))
        {
            _findings.Add(f);
            var mark = new DiagramHighlight(f.Severity, [f.Rule]);
            foreach (var id in f.Elements)
            {
                _highlights[id] = DiagramHighlight.Merge(_highlights.GetValueOrDefault(id), mark)!;
            }
            // A duplicate build names systems; the capability they duplicate is marked too.
            if (f.Rule == "AM1001" && f.Evidence.TryGetValue("capability", out var c) && c is string capability)
            {
                _highlights[capability] = DiagramHighlight.Merge(_highlights.GetValueOrDefault(capability), mark)!;
            }
        }
    }

    public ArchitectureModel Model { get; }

    public ViewOptions Options { get; }

    public Language Language => Options.Language;

    public DiagramHighlight? Highlight(string id) => _highlights.GetValueOrDefault(id);

    /// <summary>The highlight of the findings that name both <paramref name="a"/> and <paramref name="b"/>.</summary>
    public DiagramHighlight? PairHighlight(string a, string b)
    {
        DiagramHighlight? result = null;
        foreach (var f in _findings)
        {
            if (f.Elements.Contains(a, StringComparer.Ordinal) && f.Elements.Contains(b, StringComparer.Ordinal))
            {
                result = DiagramHighlight.Merge(result, new DiagramHighlight(f.Severity, [f.Rule]));
            }
        }
        return result;
    }

    public bool StatusPasses(InformationSystem s) => Options.IncludeRetired || s.Status != SystemStatus.Retired;

    public bool SystemPasses(InformationSystem s) =>
        StatusPasses(s) && Options.Admits(Model.GetAgency(s.Owner)) && Options.AdmitsTags(s);

    public bool FlowPasses(Flow f) => Options.IncludeRetired || f.Status != FlowStatus.Retired;

    /// <summary>Whether an element named by a finding passes the filters (through its owner).</summary>
    public bool ElementPasses(string id) => Model.Find(id) switch
    {
        InformationSystem s => SystemPasses(s),
        Agency a => Options.Admits(a),
        { } e => Options.AdmitsTags(e) && (OwnerOf(e) is not { } owner || Options.Admits(Model.GetAgency(owner))),
        _ => false,
    };

    public static string? OwnerOf(Element element) => element switch
    {
        InformationSystem s => s.Owner,
        DataResource d => d.Owner,
        Platform p => p.Owner,
        Network n => n.Owner,
        Service s => s.Provider,
        Project p => p.Agency,
        _ => null,
    };

    public static DiagramStatus Status(SystemStatus status) => status switch
    {
        SystemStatus.Planned => DiagramStatus.Planned,
        SystemStatus.Building => DiagramStatus.Building,
        SystemStatus.Retiring => DiagramStatus.Retiring,
        SystemStatus.Retired => DiagramStatus.Retired,
        _ => DiagramStatus.Normal,
    };

    public DiagramGroup AgencyGroup(string agencyId) =>
        new("agency:" + agencyId, Model.GetAgency(agencyId)?.Name ?? agencyId, DiagramGroupKind.Agency);

    /// <summary>The agency's sector (条); an agency with none groups with the others of its level.</summary>
    public DiagramGroup SectorGroup(string agencyId)
    {
        var agency = Model.GetAgency(agencyId);
        if (agency?.Sector is { Length: > 0 } sector)
        {
            return new DiagramGroup("sector:" + sector, Language == Language.English ? $"{sector} (sector)" : $"{sector}（条线）", DiagramGroupKind.Sector);
        }
        var level = agency is null ? new LocalizedText("未知层级", "unknown level") : DiagramStyle.LevelText(agency.Level);
        return new DiagramGroup("level:" + (agency?.Level.ToString() ?? "?"),
            Language == Language.English ? $"other {level.English} agencies" : $"{level.Chinese}其他机构", DiagramGroupKind.Sector);
    }

    public DiagramNode SystemNode(InformationSystem s, bool clustered, bool groupable = true) => new()
    {
        Key = "e:" + s.Id,
        Kind = DiagramNodeKind.System,
        Label = s.Name,
        Status = Status(s.Status),
        Variant = s.UsedBy.Count > 0 ? DiagramNodeVariant.SharedUse : DiagramNodeVariant.None,
        Cluster = clustered ? "c:" + s.Owner : null,
        ElementIds = [s.Id],
        Highlight = Highlight(s.Id),
        Groups = groupable ? [AgencyGroup(s.Owner), SectorGroup(s.Owner)] : [],
    };

    public DiagramNode AgencyNode(string agencyId)
    {
        var agency = Model.GetAgency(agencyId);
        var details = new List<string>();
        if (agency is not null)
        {
            var level = DiagramStyle.LevelText(agency.Level)[Language];
            details.Add(string.IsNullOrEmpty(agency.Sector) ? level : $"{level} · {agency.Sector}");
        }
        return new DiagramNode
        {
            Key = "e:" + agencyId,
            Kind = DiagramNodeKind.Agency,
            Label = agency?.Name ?? agencyId,
            Details = details,
            ElementIds = [agencyId],
            Highlight = Highlight(agencyId),
            Groups = [SectorGroup(agencyId)],
        };
    }

    /// <summary>A node for any element, keyed <paramref name="key"/>.</summary>
    public DiagramNode ElementNode(Element element, string key)
    {
        var kind = element switch
        {
            Agency => DiagramNodeKind.Agency,
            InformationSystem => DiagramNodeKind.System,
            Network => DiagramNodeKind.Network,
            Platform => DiagramNodeKind.Platform,
            Capability => DiagramNodeKind.Capability,
            DataResource => DiagramNodeKind.DataResource,
            _ => DiagramNodeKind.Note,
        };
        return new DiagramNode
        {
            Key = key,
            Kind = kind,
            Label = element.DisplayName,
            Status = element is InformationSystem s ? Status(s.Status) : DiagramStatus.Normal,
            Variant = element switch
            {
                Platform { Shared: true } => DiagramNodeVariant.SharedPlatform,
                InformationSystem { UsedBy.Count: > 0 } => DiagramNodeVariant.SharedUse,
                _ => DiagramNodeVariant.None,
            },
            ElementIds = [element.Id],
            Highlight = Highlight(element.Id),
        };
    }

    public DiagramNode Note(string key, string label, LocalizedText text) => new()
    {
        Key = "n:" + key,
        Kind = DiagramNodeKind.Note,
        Label = label.Length == 0 ? text[Language] : label,
        Details = label.Length == 0 ? [] : [text[Language]],
    };

    public DiagramCluster AgencyCluster(string agencyId)
    {
        var agency = Model.GetAgency(agencyId);
        var label = agency is null ? agencyId : $"{agency.Name} · {DiagramStyle.LevelText(agency.Level)[Language]}";
        return new DiagramCluster("c:" + agencyId, label) { Highlight = Highlight(agencyId), ElementId = agencyId };
    }

    /// <summary>The flows between the systems in <paramref name="systems"/>, parallel flows merged.</summary>
    public List<DiagramEdge> FlowEdges(IReadOnlySet<string> systems)
    {
        var edges = new List<DiagramEdge>();
        foreach (var flow in Model.Flows.Where(FlowPasses).DistinctBy(static f => f.Id))
        {
            if (flow.From == flow.To || !systems.Contains(flow.From) || !systems.Contains(flow.To))
            {
                continue;
            }
            edges.Add(new DiagramEdge
            {
                From = "e:" + flow.From,
                To = "e:" + flow.To,
                Kind = !Model.IsCrossAgency(flow) ? DiagramEdgeKind.Flow
                    : Model.IsVertical(flow) ? DiagramEdgeKind.VerticalFlow : DiagramEdgeKind.HorizontalFlow,
                Status = flow.Status switch
                {
                    FlowStatus.Planned => DiagramStatus.Planned,
                    FlowStatus.Retired => DiagramStatus.Retired,
                    _ => DiagramStatus.Normal,
                },
                ElementIds = [flow.Id],
                Highlight = Highlight(flow.Id),
            });
        }
        return ViewAggregator.MergeEdges(edges, new Dictionary<string, string>(), out _);
    }

    /// <summary>"AM1001 重复建设 · 协同办公 · 每年可节省 77 万元".</summary>
    public string FindingLabel(Finding f)
    {
        var parts = new List<string> { $"{f.Rule} {f.Title[Language]}" };
        if (f.Evidence.TryGetValue("capability", out var c) && c is string capability)
        {
            parts.Add(Model.Find<Capability>(capability)?.Name ?? capability);
        }
        if (f.Evidence.TryGetValue("avoidableAnnualCost", out var a) && a is double avoidable && avoidable > 0)
        {
            var money = DiagramStyle.Money(avoidable, Language);
            parts.Add(Language == Language.English ? $"saves {money} a year" : $"每年可节省 {money}");
        }
        return string.Join(" · ", parts);
    }

    /// <summary>Sorts, fits within the limits and freezes a view.</summary>
    public DiagramView Finish(ViewKind kind, LocalizedText title, List<DiagramNode> nodes, List<DiagramCluster> clusters,
        List<DiagramEdge> edges, List<LocalizedText> notes, DiagramDirection direction)
    {
        var name = Model.Info.Name ?? Model.Info.Id;
        var view = new DiagramView
        {
            Kind = kind,
            Title = new LocalizedText($"{name} · {title.Chinese}", $"{name} · {title.English}"),
            Language = Language,
            Direction = direction,
            Nodes = nodes.DistinctBy(static n => n.Key).OrderBy(static n => n.Key, StringComparer.Ordinal).ToArray(),
            Clusters = clusters.DistinctBy(static c => c.Key).OrderBy(static c => c.Key, StringComparer.Ordinal).ToArray(),
            Edges = edges.OrderBy(static e => e.From, StringComparer.Ordinal).ThenBy(static e => e.To, StringComparer.Ordinal)
                .ThenBy(static e => e.Kind).ThenBy(static e => e.Status).ToArray(),
            Notes = notes,
            MaxLabelLength = Options.MaxLabelLength,
        };
        return ViewAggregator.Fit(view, Options.MaxNodes, Options.MaxEdges);
    }
}
