using System.Runtime.InteropServices;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Diagrams;

/// <summary>What every view builder needs: the model, the options, the highlights of the analysis, and the
/// node, cluster and edge makers that keep keys and styles the same across views.</summary>
internal sealed partial class ViewContext
{
    private readonly Dictionary<string, DiagramHighlight> _highlights = new(StringComparer.Ordinal);
    private readonly List<Finding> _findings = [];

    // A landscape has a node per system: the groups and cluster key of an owner are made once and shared by
    // its systems' nodes (they are immutable), not made again for each system.
    private readonly Dictionary<string, (string Cluster, IReadOnlyList<DiagramGroup?> Groups)> _owners = new(StringComparer.Ordinal);

    // The node key of each system drawn ("e:" and its id), made once for the node and every flow edge.
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

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
        // A national model has 250,000 findings naming a million ids, and only a few dozen different highlights
        // (a severity and a set of rules): each is made once and shared, and so is each merge of two.
        var marks = new Dictionary<(DiagnosticSeverity, string, string?), DiagramHighlight>();
        var merges = new Dictionary<(DiagramHighlight, DiagramHighlight), DiagramHighlight>();
        void Mark(string id, DiagramHighlight mark)
        {
            ref var highlight = ref CollectionsMarshal.GetValueRefOrAddDefault(_highlights, id, out var marked);
            if (!marked)
            {
                highlight = mark;
            }
            else if (!ReferenceEquals(highlight, mark))
            {
                ref var merged = ref CollectionsMarshal.GetValueRefOrAddDefault(merges, (highlight!, mark), out var known);
                if (!known)
                {
                    merged = DiagramHighlight.Merge(highlight, mark)!;
                }
                highlight = merged;
            }
        }
        foreach (var f in analysis.ActiveFindings.Where(f => f.Rule.StartsWith(rulePrefix, StringComparison.Ordinal)))
        {
            _findings.Add(f);
            var kind = DuplicateKind(f);
            ref var mark = ref CollectionsMarshal.GetValueRefOrAddDefault(marks, (f.Severity, f.Rule, kind), out var seen);
            if (!seen)
            {
                mark = new DiagramHighlight(f.Severity, [f.Rule]) { Names = [DiagramStyle.FindingName(f.Title[Language], kind, Language)] };
            }
            for (var i = 0; i < f.Elements.Count; i++)
            {
                Mark(f.Elements[i], mark!);
            }
            // A duplicate build names systems; the capability they duplicate is marked too.
            if (f.Rule == RuleCodes.DuplicateBuild && f.Evidence.TryGetValue(EvidenceKeys.DuplicateBuild.Capability, out var c) && c is string capability)
            {
                Mark(capability, mark!);
            }
        }
    }

    /// <summary>How a duplicate build overlaps (AM1001, AM1002): the evidence <c>kind</c> (horizontal, vertical,
    /// shared-use); null for other rules.</summary>
    private static string? DuplicateKind(Finding f) =>
        f.Rule is RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate
        && f.Evidence.TryGetValue(EvidenceKeys.DuplicateBuild.Kind, out var k) && k is string kind ? kind : null;

    public ArchitectureModel Model { get; }

    /// <summary>Whether systems collapse into their agency, then its jurisdiction, then its area (the landscape), rather
    /// than their agency and then its sector.</summary>
    public bool ByJurisdiction { get; init; }

    // The government agency of each jurisdiction (level and region), whose name names the jurisdiction; made once.
    private Dictionary<(AgencyLevel, string), string>? _governments;

    /// <summary>The agency's jurisdiction: the agencies of one level and region ("第1省第11市人民政府 · 本级").</summary>
    public DiagramGroup JurisdictionGroup(string agencyId)
    {
        var agency = Model.GetAgency(agencyId);
        if (agency is null)
        {
            return new DiagramGroup("jurisdiction:?", Texts.Get("diagram.unknown-jurisdiction", Language), DiagramGroupKind.Jurisdiction);
        }
        var region = agency.Region ?? "";
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(_jurisdictions, (agency.Level, region), out var made);
        return made ? group! : group = new DiagramGroup($"jurisdiction:{(int)agency.Level}:{region}", JurisdictionName(agency.Level, region),
            DiagramGroupKind.Jurisdiction)
        {
            Rank = (int)agency.Level,
        };
    }

    // The jurisdiction and area groups by level and region: a national landscape asks for them once for each of its
    // agencies, a few thousand groups for a hundred thousand agencies; they are immutable, so made once and shared.
    private readonly Dictionary<(AgencyLevel, string), DiagramGroup> _jurisdictions = [];
    private readonly Dictionary<(AgencyLevel, string), DiagramGroup> _areas = [];

    /// <summary>The agency's area: a county's city with all its counties; a city's own; a province or the nation itself.</summary>
    public DiagramGroup AreaGroup(string agencyId)
    {
        var agency = Model.GetAgency(agencyId);
        if (agency is null)
        {
            return JurisdictionGroup(agencyId) with { Kind = DiagramGroupKind.Area };
        }
        var region = agency.Region ?? "";
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(_areas, (agency.Level, region), out var made);
        if (made)
        {
            return group!;
        }
        if (agency.Level < AgencyLevel.Municipal)
        {
            return group = JurisdictionGroup(agencyId) with { Kind = DiagramGroupKind.Area };
        }
        // A county's region code names its city in its first four digits (GB/T 2260); other codes stay themselves.
        var city = agency.Level > AgencyLevel.Municipal && region.Length == 6 && region.All(char.IsAsciiDigit)
            ? region[..4] + "00" : region;
        var name = JurisdictionName(AgencyLevel.Municipal, city);
        return group = new DiagramGroup($"area:{city}", Texts.Format("diagram.area", Language, name), DiagramGroupKind.Area)
        {
            Rank = (int)AgencyLevel.Municipal,
        };
    }

    private string JurisdictionName(AgencyLevel level, string region)
    {
        if (_governments is null)
        {
            _governments = [];
            foreach (var a in Model.Agencies)
            {
                if (a.AgencyKind == AgencyKind.Government)
                {
                    _governments.TryAdd((a.Level, a.Region ?? ""), a.Name);
                }
            }
        }
        return _governments.TryGetValue((level, region), out var name) ? name
            : Texts.Format("diagram.level-region", Language, DiagramStyle.LevelText(level)[Language], region);
    }

    public ViewOptions Options { get; }

    public Language Language => Options.Language ?? Model.Info.Language;

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

    private int? RankOf(string agencyId) => Model.GetAgency(agencyId) is { } a ? (int)a.Level : null;

    public DiagramGroup AgencyGroup(string agencyId) =>
        new("agency:" + agencyId, Model.GetAgency(agencyId)?.Name ?? agencyId, DiagramGroupKind.Agency);

    /// <summary>The agency's sector (条); an agency with none groups with the others of its level.</summary>
    public DiagramGroup SectorGroup(string agencyId)
    {
        var agency = Model.GetAgency(agencyId);
        if (agency?.Sector is { Length: > 0 } sector)
        {
            return new DiagramGroup("sector:" + sector, Texts.Format("diagram.sector-group", Language, sector), DiagramGroupKind.Sector);
        }
        var level = agency is null ? Texts.Of("diagram.unknown-level") : DiagramStyle.LevelText(agency.Level);
        return new DiagramGroup("level:" + (agency?.Level.ToString() ?? "?"),
            Texts.Format("diagram.other-agencies-of-level", Language, level[Language]), DiagramGroupKind.Sector);
    }

    public DiagramNode SystemNode(InformationSystem s, bool clustered, bool groupable = true)
    {
        var owner = OwnerGroups(s.Owner);
        return new DiagramNode
        {
            Key = Key(s.Id),
            Kind = DiagramNodeKind.System,
            Label = s.Name,
            Status = Status(s.Status),
            Variant = s.UsedBy.Count > 0 ? DiagramNodeVariant.SharedUse : DiagramNodeVariant.None,
            Cluster = clustered ? owner.Cluster : null,
            ElementIds = [s.Id],
            Highlight = Highlight(s.Id),
            Groups = groupable ? owner.Groups : [],
        };
    }

    /// <summary>An owner's cluster key and the groups its systems collapse into (agency, then sector), made once.</summary>
    private (string Cluster, IReadOnlyList<DiagramGroup?> Groups) OwnerGroups(string agencyId)
    {
        if (!_owners.TryGetValue(agencyId, out var owner))
        {
            _owners[agencyId] = owner = ByJurisdiction
                ? ("c:" + agencyId, [AgencyGroup(agencyId) with { Rank = RankOf(agencyId) }, JurisdictionGroup(agencyId), AreaGroup(agencyId)])
                : ("c:" + agencyId, [AgencyGroup(agencyId), SectorGroup(agencyId)]);
        }
        return owner;
    }

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
        // Streamed into the merge: a national model's flows are never all held as edges at once.
        IEnumerable<DiagramEdge> Edges()
        {
            foreach (var flow in Model.Flows.Where(FlowPasses).DistinctBy(static f => f.Id))
            {
                if (flow.From == flow.To || !systems.Contains(flow.From) || !systems.Contains(flow.To))
                {
                    continue;
                }
                yield return new DiagramEdge
                {
                    From = Key(flow.From),
                    To = Key(flow.To),
                    Kind = FlowKind(flow),
                    Status = FlowStatusOf(flow),
                    ElementIds = [flow.Id],
                    Highlight = Highlight(flow.Id),
                };
            }
        }
        return ViewAggregator.MergeEdges(Edges(), new Dictionary<string, string>(), out _);
    }

    /// <summary>A flow inside one agency, or across agencies along a sector line or across lines.</summary>
    private DiagramEdgeKind FlowKind(Flow flow) => !Model.IsCrossAgency(flow) ? DiagramEdgeKind.Flow
        : Model.IsVertical(flow) ? DiagramEdgeKind.VerticalFlow : DiagramEdgeKind.HorizontalFlow;

    private static DiagramStatus FlowStatusOf(Flow flow) => flow.Status switch
    {
        FlowStatus.Planned => DiagramStatus.Planned,
        FlowStatus.Retired => DiagramStatus.Retired,
        _ => DiagramStatus.Normal,
    };

    /// <summary>The node key of an element: <c>e:</c> and its id (one string per id, however often asked).</summary>
    private string Key(string id)
    {
        if (!_keys.TryGetValue(id, out var key))
        {
            _keys[id] = key = "e:" + id;
        }
        return key;
    }

    /// <summary>"AM1001 重复建设 · 协同办公 · 每年可节省 77 万元".</summary>
    public string FindingLabel(Finding f)
    {
        var parts = new List<string> { $"{f.Rule} {f.Title[Language]}" };
        if (f.Rule == RuleCodes.DuplicateBuild && f.Evidence.TryGetValue(EvidenceKeys.DuplicateBuild.Capability, out var c) && c is string capability)
        {
            parts.Add(Model.Find<Capability>(capability)?.Name ?? capability);
        }
        if (f.Rule == RuleCodes.DuplicateBuild && f.Evidence.TryGetValue(EvidenceKeys.DuplicateBuild.AvoidableAnnualCost, out var a) && a is double avoidable && avoidable > 0)
        {
            var money = DiagramStyle.Money(avoidable, Language);
            parts.Add(Texts.Format("diagram.saves-a-year", Language, money));
        }
        return string.Join(" · ", parts);
    }

    /// <summary>Sorts, fits within the limits and freezes a view.</summary>
    public DiagramView Finish(ViewKind kind, LocalizedText title, List<DiagramNode> nodes, List<DiagramCluster> clusters,
        List<DiagramEdge> edges, List<LocalizedText> notes, DiagramDirection direction)
    {
        var view = Frame(kind, title, direction) with
        {
            Nodes = SortedByKey(nodes, static n => n.Key),
            Clusters = SortedByKey(clusters, static c => c.Key),
            Edges = SortedEdges(edges),
            Notes = notes,
        };
        return ViewAggregator.Fit(view, Options.MaxNodes, Options.MaxEdges);
    }

    /// <summary>An empty view of a kind: its title, language, layout and label length.</summary>
    private DiagramView Frame(ViewKind kind, LocalizedText title, DiagramDirection direction)
    {
        var name = Model.Info.Name ?? Model.Info.Id;
        return new DiagramView
        {
            Kind = kind,
            Title = LocalizedText.Compose((name, title), static (s, language) => Texts.Format("view.model-title", language, s.name, s.title[language])),
            Language = Language,
            Direction = direction,
            Nodes = [],
            Edges = [],
            MaxLabelLength = Options.MaxLabelLength,
        };
    }

    /// <summary>The items with distinct keys (the first of each), sorted ordinally by key: what
    /// <c>DistinctBy(key).OrderBy(key)</c> gives, without its copies, and without sorting a list that already
    /// is (a landscape's nodes come in system order, its edges merged in order).</summary>
    private static T[] SortedByKey<T>(List<T> items, Func<T, string> key)
    {
        var sorted = StableSorted(items, (x, y) => string.CompareOrdinal(key(x), key(y)));
        // Equal keys are now side by side, the first in list order leading: keep that one.
        var distinct = new List<T>(sorted.Length);
        foreach (var item in sorted)
        {
            if (distinct.Count == 0 || !string.Equals(key(distinct[^1]), key(item), StringComparison.Ordinal))
            {
                distinct.Add(item);
            }
        }
        return distinct.Count == sorted.Length ? sorted : distinct.ToArray();
    }

    /// <summary>The edges stably sorted by source, target, kind and status.</summary>
    private static DiagramEdge[] SortedEdges(List<DiagramEdge> edges) => StableSorted(edges, static (x, y) =>
        ViewAggregator.EdgeKeyComparer.Instance.Compare((x.From, x.To, x.Kind, x.Status), (y.From, y.To, y.Kind, y.Status)));

    /// <summary>The items stably sorted (equal items keep their list order); a list already in order is only copied.</summary>
    private static T[] StableSorted<T>(List<T> items, Comparison<T> compare)
    {
        var result = items.ToArray();
        NaturalMergeSort.Sort(result.AsSpan(), Comparer<T>.Create(compare));
        return result;
    }
}
