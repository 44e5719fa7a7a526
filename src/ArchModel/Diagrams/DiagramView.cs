using ArchModel.Diagnostics;

namespace ArchModel.Diagrams;

/// <summary>The kinds of view the library builds (the CLI's <c>--view</c>).</summary>
public enum ViewKind
{
    /// <summary>Agencies as clusters holding their systems, flows between systems.</summary>
    Landscape,
    /// <summary>One agency's systems and their neighbours over flows, to a depth.</summary>
    Agency,
    /// <summary>Networks, their links, platforms, and how many systems sit on each.</summary>
    Network,
    /// <summary>Agencies as nodes, cross-agency flows aggregated into weighted edges.</summary>
    Dataflow,
    /// <summary>The elements of duplicate-build findings (AM1xxx) with their owners.</summary>
    Duplicates,
    /// <summary>The systems and agencies of silo findings (AM2001–AM2004, AM2007).</summary>
    Silos,
    /// <summary>Capabilities and the systems implementing them.</summary>
    Capabilities,
}

/// <summary>What a node of a diagram stands for; writers style nodes by kind.</summary>
public enum DiagramNodeKind
{
    /// <summary>An agency.</summary>
    Agency,
    /// <summary>An information system.</summary>
    System,
    /// <summary>A network.</summary>
    Network,
    /// <summary>A hosting platform.</summary>
    Platform,
    /// <summary>A capability.</summary>
    Capability,
    /// <summary>A data resource.</summary>
    DataResource,
    /// <summary>Several elements collapsed into one node (see <see cref="DiagramNode.Counts"/>).</summary>
    Group,
    /// <summary>A text note, such as "nothing to draw".</summary>
    Note,
}

/// <summary>A refinement of a node's kind that changes its style (network kind, shared platform, …).</summary>
public enum DiagramNodeVariant
{
    /// <summary>No refinement.</summary>
    None,
    /// <summary>政务内网.</summary>
    Intranet,
    /// <summary>政务外网.</summary>
    Extranet,
    /// <summary>业务专网.</summary>
    Dedicated,
    /// <summary>The Internet.</summary>
    Internet,
    /// <summary>Another network.</summary>
    OtherNetwork,
    /// <summary>A platform offered to many agencies.</summary>
    SharedPlatform,
    /// <summary>A shareable capability (built once, used by every agency).</summary>
    Shareable,
    /// <summary>A system other agencies use (统建共用).</summary>
    SharedUse,
}

/// <summary>Where an element is in its life, as far as its style is concerned.</summary>
public enum DiagramStatus
{
    /// <summary>Operational (systems) or active (flows).</summary>
    Normal,
    /// <summary>Planned.</summary>
    Planned,
    /// <summary>Being built.</summary>
    Building,
    /// <summary>Being retired.</summary>
    Retiring,
    /// <summary>Retired.</summary>
    Retired,
}

/// <summary>What an edge of a diagram stands for; writers style edges by kind.</summary>
public enum DiagramEdgeKind
{
    /// <summary>A data flow inside one agency (or between collapsed groups of mixed kind).</summary>
    Flow,
    /// <summary>A cross-agency flow along a sector line (条, 纵向).</summary>
    VerticalFlow,
    /// <summary>A cross-agency flow across sector lines (块, 横向).</summary>
    HorizontalFlow,
    /// <summary>A network link through a gateway.</summary>
    GatewayLink,
    /// <summary>A network link through a one-way isolation device (网闸).</summary>
    IsolationLink,
    /// <summary>A direct network link.</summary>
    DirectLink,
    /// <summary>A platform attached to a network.</summary>
    Attachment,
    /// <summary>A system implementing a capability.</summary>
    Implements,
    /// <summary>An agency owning an element.</summary>
    Owns,
}

/// <summary>How a grouping level collapses nodes when a view is too big to read.</summary>
public enum DiagramGroupKind
{
    /// <summary>Into the agency that owns them.</summary>
    Agency,
    /// <summary>Into their sector (条), or their level when they have none.</summary>
    Sector,
    /// <summary>Into the finding they belong to.</summary>
    Finding,
    /// <summary>Into their kind (network kind, platform kind).</summary>
    Kind,
    /// <summary>Into their top-level capability.</summary>
    Capability,
    /// <summary>Into their jurisdiction: the government of one level and region (市本级, a county).</summary>
    Jurisdiction,
    /// <summary>Into their area: a city with its counties; a national or provincial jurisdiction stays itself.</summary>
    Area,
}

/// <summary>The group a node collapses into at one aggregation level.</summary>
/// <param name="Key">The group's key (unique within the view).</param>
/// <param name="Label">The collapsed node's label.</param>
/// <param name="Kind">What kind of grouping this is.</param>
public sealed record DiagramGroup(string Key, string Label, DiagramGroupKind Kind)
{
    /// <summary>The row the group's node is drawn in, top first (a level of government), or
    /// <see langword="null"/>: nodes of one rank are laid out side by side.</summary>
    public int? Rank { get; init; }
}

/// <summary>Findings that name an element: the most serious severity, the rule codes and what the findings are
/// called in the view's language.</summary>
/// <param name="Severity">The most serious severity among the findings.</param>
/// <param name="Rules">The rule codes, sorted ordinally, each once.</param>
public sealed record DiagramHighlight(DiagnosticSeverity Severity, IReadOnlyList<string> Rules)
{
    /// <summary>What the findings are called, in the view's language ("信息孤岛", "重复建设（横向）"), each once,
    /// sorted ordinally; empty when only the codes are known.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The marker writers print on a highlighted element: a warning sign and what the findings are called
    /// (their codes when no name is known), at most three and then "…". The codes are in <see cref="Codes"/>, which
    /// writers show as a tooltip.</summary>
    public string Marker
    {
        get
        {
            var words = Names.Count > 0 ? Names : Rules;
            return "⚠ " + string.Join(" ", words.Count > 3 ? [.. words.Take(3), "…"] : words);
        }
    }

    /// <summary>The rule codes, space-separated ("AM1001 AM4003").</summary>
    public string Codes => string.Join(" ", Rules);

    /// <summary>Combines two highlights (either may be <see langword="null"/>).</summary>
    public static DiagramHighlight? Merge(DiagramHighlight? a, DiagramHighlight? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        return new DiagramHighlight(
            a.Severity >= b.Severity ? a.Severity : b.Severity,
            a.Rules.Concat(b.Rules).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray())
        {
            Names = MergeNames(a, b),
        };
    }

    /// <summary>The names of all, each once, sorted ordinally (so that a merge never depends on its order).</summary>
    internal static string[] MergeNames(params IEnumerable<DiagramHighlight> highlights) =>
        highlights.SelectMany(static h => h.Names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>A node of a diagram.</summary>
/// <remarks>Immutable. <see cref="Key"/> is the node's identity in the view, never written as an identifier:
/// writers generate safe identifiers.</remarks>
public sealed record DiagramNode
{
    /// <summary>The node's key, unique in the view (an element id, or a generated key for groups).</summary>
    public required string Key { get; init; }

    /// <summary>What the node stands for.</summary>
    public required DiagramNodeKind Kind { get; init; }

    /// <summary>The main label (the element's name), unescaped and unclipped.</summary>
    public required string Label { get; init; }

    /// <summary>Further lines under the label (kind, counts, owner), in the view's language.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The life status, for the style.</summary>
    public DiagramStatus Status { get; init; }

    /// <summary>A refinement of the kind, for the style.</summary>
    public DiagramNodeVariant Variant { get; init; }

    /// <summary>The key of the cluster holding the node, or <see langword="null"/>.</summary>
    public string? Cluster { get; init; }

    /// <summary>The ids of the model elements the node stands for, sorted ordinally.</summary>
    public IReadOnlyList<string> ElementIds { get; init; } = [];

    /// <summary>The findings naming the node's elements, or <see langword="null"/>.</summary>
    public DiagramHighlight? Highlight { get; init; }

    /// <summary>
    /// The group the node collapses into at each aggregation level (index 0 first); a <see langword="null"/>
    /// entry keeps the node as it is at that level.
    /// </summary>
    public IReadOnlyList<DiagramGroup?> Groups { get; init; } = [];

    /// <summary>The row the node is drawn in, top first, or <see langword="null"/> (see <see cref="DiagramGroup.Rank"/>).</summary>
    public int? Rank { get; init; }

    /// <summary>For a <see cref="DiagramNodeKind.Group"/> node: how many elements of each kind it holds.</summary>
    public IReadOnlyDictionary<DiagramNodeKind, int> Counts { get; init; } = new Dictionary<DiagramNodeKind, int>();
}

/// <summary>An edge of a diagram, between two nodes by key.</summary>
public sealed record DiagramEdge
{
    /// <summary>The key of the source node.</summary>
    public required string From { get; init; }

    /// <summary>The key of the target node.</summary>
    public required string To { get; init; }

    /// <summary>What the edge stands for.</summary>
    public required DiagramEdgeKind Kind { get; init; }

    /// <summary>A label, or <see langword="null"/>; writers add the weight when it is above 1.</summary>
    public string? Label { get; init; }

    /// <summary>How many model relations (flows, links) the edge stands for.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>The life status (planned flows are drawn dashed).</summary>
    public DiagramStatus Status { get; init; }

    /// <summary>The ids of the model elements (flows) the edge stands for, sorted ordinally.</summary>
    public IReadOnlyList<string> ElementIds { get; init; } = [];

    /// <summary>The findings naming the edge's elements, or <see langword="null"/>.</summary>
    public DiagramHighlight? Highlight { get; init; }

    /// <summary>Whether the edge has no direction (network links, attachments).</summary>
    public bool Undirected { get; init; }
}

/// <summary>A cluster of nodes (an agency holding its systems, a finding holding its elements).</summary>
/// <param name="Key">The cluster's key, unique in the view.</param>
/// <param name="Label">The label, unescaped.</param>
public sealed record DiagramCluster(string Key, string Label)
{
    /// <summary>The findings naming the cluster's own element (an agency), or <see langword="null"/>.</summary>
    public DiagramHighlight? Highlight { get; init; }

    /// <summary>Whether this cluster is the view's subject (the agency of an agency view).</summary>
    public bool Focus { get; init; }

    /// <summary>The id of the model element the cluster stands for, if any.</summary>
    public string? ElementId { get; init; }
}

/// <summary>The direction a diagram is laid out in.</summary>
public enum DiagramDirection
{
    /// <summary>Left to right.</summary>
    LeftToRight,
    /// <summary>Top to bottom.</summary>
    TopToBottom,
}

/// <summary>One line of a legend: a node style or an edge style and what it means.</summary>
/// <param name="NodeKind">The node kind shown, or <see langword="null"/> for an edge or marker entry.</param>
/// <param name="Variant">The node variant shown.</param>
/// <param name="EdgeKind">The edge kind shown, or <see langword="null"/>.</param>
/// <param name="Status">The status shown (a dashed or grey style).</param>
/// <param name="Severity">The highlight shown, or <see langword="null"/>.</param>
/// <param name="Text">What it means.</param>
public sealed record LegendEntry(
    DiagramNodeKind? NodeKind,
    DiagramNodeVariant Variant,
    DiagramEdgeKind? EdgeKind,
    DiagramStatus Status,
    DiagnosticSeverity? Severity,
    LocalizedText Text);

/// <summary>
/// A diagram, independent of any format: nodes, clusters, edges, a legend, and notes about what was
/// aggregated or left out. Build one with <see cref="Views"/>, filter or transform it, and hand it to any
/// <see cref="IDiagramWriter"/>.
/// </summary>
/// <remarks>Immutable; nodes, clusters and edges are sorted by key so that every writer's output is
/// byte-identical across runs. Labels are raw text: writers escape them for their format.</remarks>
public sealed record DiagramView
{
    /// <summary>The kind of view.</summary>
    public required ViewKind Kind { get; init; }

    /// <summary>The title, in both languages.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>The language labels were written in and legends are shown in.</summary>
    public Language Language { get; init; }

    /// <summary>The layout direction.</summary>
    public DiagramDirection Direction { get; init; } = DiagramDirection.LeftToRight;

    /// <summary>The nodes, sorted by key.</summary>
    public required IReadOnlyList<DiagramNode> Nodes { get; init; }

    /// <summary>The clusters, sorted by key.</summary>
    public IReadOnlyList<DiagramCluster> Clusters { get; init; } = [];

    /// <summary>The edges, sorted by source, target, kind and status.</summary>
    public required IReadOnlyList<DiagramEdge> Edges { get; init; }

    /// <summary>What was aggregated or left out, in order.</summary>
    public IReadOnlyList<LocalizedText> Notes { get; init; } = [];

    /// <summary>Labels longer than this many characters are clipped by the writers (see <see cref="ViewOptions.MaxLabelLength"/>).</summary>
    public int MaxLabelLength { get; init; } = 40;

    /// <summary>How many aggregation levels have been applied (0: none).</summary>
    public int AggregationLevel { get; init; }

    /// <summary>Whether nodes were collapsed or edges dropped to keep the view readable.</summary>
    public bool Aggregated { get; init; }

    /// <summary>
    /// What stopped the view or limits it, such as an agency view of an agency the model does not hold (AM0006, with the
    /// closest agency ids); empty for a view built as asked. A view with an error has no nodes.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Whether any of <see cref="Diagnostics"/> is an error: the view could not be built as asked.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The legend: one entry per node style, edge style and highlight the view uses.</summary>
    public IReadOnlyList<LegendEntry> Legend => DiagramStyle.Legend(this);

    /// <summary>The node with a key, or <see langword="null"/>.</summary>
    public DiagramNode? FindNode(string key) => Nodes.FirstOrDefault(n => string.Equals(n.Key, key, StringComparison.Ordinal));
}
