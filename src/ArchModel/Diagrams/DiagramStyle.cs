using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Diagrams;

/// <summary>The look both writers share: colours and shapes by kind, variant, status and highlight; legend
/// texts; localized names of kinds and levels.</summary>
internal static class DiagramStyle
{
    /// <summary>A font list that renders Chinese: Graphviz (Pango) and browsers take the first family they
    /// have, and fall back per glyph; on Debian, <c>fonts-wqy-microhei</c> provides WenQuanYi Micro Hei.</summary>
    public const string FontList = "Noto Sans CJK SC,WenQuanYi Micro Hei,Microsoft YaHei,PingFang SC,sans-serif";

    public record struct NodeLook(string Fill, string Stroke, string Font);

    public static NodeLook Look(DiagramNodeKind kind, DiagramNodeVariant variant) => (kind, variant) switch
    {
        (DiagramNodeKind.Agency, _) => new("#E8EAF6", "#3949AB", "#1A237E"),
        (DiagramNodeKind.System, DiagramNodeVariant.SharedUse) => new("#E0F2F1", "#00897B", "#004D40"),
        (DiagramNodeKind.System, _) => new("#E3F2FD", "#1E88E5", "#0D2F4F"),
        (DiagramNodeKind.Network, DiagramNodeVariant.Intranet) => new("#FCE4EC", "#AD1457", "#560027"),
        (DiagramNodeKind.Network, DiagramNodeVariant.Extranet) => new("#E1F5FE", "#0277BD", "#01355A"),
        (DiagramNodeKind.Network, DiagramNodeVariant.Dedicated) => new("#EFEBE9", "#795548", "#3E2723"),
        (DiagramNodeKind.Network, DiagramNodeVariant.Internet) => new("#F5F5F5", "#616161", "#212121"),
        (DiagramNodeKind.Network, _) => new("#FAFAFA", "#9E9E9E", "#212121"),
        (DiagramNodeKind.Platform, DiagramNodeVariant.SharedPlatform) => new("#E8F5E9", "#2E7D32", "#1B5E20"),
        (DiagramNodeKind.Platform, _) => new("#F1F8E9", "#9E9D24", "#33691E"),
        (DiagramNodeKind.Capability, DiagramNodeVariant.Shareable) => new("#FFF8E1", "#F9A825", "#5D4037"),
        (DiagramNodeKind.Capability, _) => new("#F3E5F5", "#8E24AA", "#4A148C"),
        (DiagramNodeKind.DataResource, _) => new("#FBE9E7", "#BF360C", "#3E2723"),
        (DiagramNodeKind.Group, _) => new("#ECEFF1", "#455A64", "#263238"),
        _ => new("#FFFFFF", "#BDBDBD", "#424242"),
    };

    /// <summary>How a status changes a node: its border line (<c>""</c>, <c>dashed</c>, <c>dotted</c>) and, where
    /// it greys the node out, its fill, border and text colours (<see langword="null"/>: the kind's own).</summary>
    /// <remarks>The one definition of a status's look: the DOT writer draws nodes and legend swatches from it and the
    /// legend's words are made from it, so that the legend cannot say one thing and the drawing do another.</remarks>
    public record struct StatusStyle(string Line, string? Fill, string? Stroke, string? Font);

    /// <summary>The look of a status (see <see cref="StatusStyle"/>).</summary>
    public static StatusStyle StatusLook(DiagramStatus status) => status switch
    {
        DiagramStatus.Planned or DiagramStatus.Building => new("dashed", null, null, null),
        DiagramStatus.Retiring => new("dashed", "#EEEEEE", "#9E9E9E", null),
        DiagramStatus.Retired => new("dotted", "#E0E0E0", "#9E9E9E", "#757575"),
        _ => new("", null, null, null),
    };

    /// <summary>How the legend describes a status's look, made from <see cref="StatusLook"/>.</summary>
    public static LocalizedText StatusLookText(DiagramStatus status)
    {
        var look = StatusLook(status);
        var line = look.Line switch
        {
            "dashed" => Texts.Of("diagram.dashed-border"),
            "dotted" => Texts.Of("diagram.dotted-border"),
            _ => Texts.Of("diagram.solid-border"),
        };
        return look.Fill is null ? line : Texts.Of("diagram.grey-border", line);
    }

    /// <summary>What a finding is called on a diagram: its title in the view's language, and for a duplicate build
    /// how it overlaps ("重复建设（横向）", "duplicate build (vertical)").</summary>
    public static string FindingName(string title, string? kind, Language language)
    {
        var word = kind switch
        {
            "horizontal" => Texts.Of("overlap.horizontal"),
            "vertical" => Texts.Of("overlap.vertical"),
            "shared-use" => Texts.Of("overlap.shared-use"),
            _ => null,
        };
        return word is null ? title : title + Texts.Get("p.open", language) + word[language] + Texts.Get("p.close", language);
    }

    /// <summary>The colour of a highlight's border and marker.</summary>
    public static string HighlightColor(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "#D50000",
        DiagnosticSeverity.Warning => "#E65100",
        _ => "#6A1B9A",
    };

    public record struct EdgeLook(string Color, bool Dashed, bool Dotted, double Width);

    public static EdgeLook Look(DiagramEdgeKind kind) => kind switch
    {
        DiagramEdgeKind.VerticalFlow => new("#1565C0", false, false, 1.6),
        DiagramEdgeKind.HorizontalFlow => new("#2E7D32", false, false, 1.6),
        DiagramEdgeKind.GatewayLink => new("#37474F", false, false, 1.6),
        DiagramEdgeKind.IsolationLink => new("#AD1457", true, false, 1.6),
        DiagramEdgeKind.DirectLink => new("#37474F", false, false, 2.6),
        DiagramEdgeKind.Attachment => new("#9E9E9E", false, true, 1.0),
        DiagramEdgeKind.Implements => new("#8E24AA", false, false, 1.0),
        DiagramEdgeKind.Owns => new("#7986CB", true, false, 1.0),
        _ => new("#616161", false, false, 1.2),
    };

    /// <summary>The pen width of an edge: thicker the more relations it stands for.</summary>
    public static double Width(DiagramEdge edge) =>
        Math.Round(Look(edge.Kind).Width + Math.Min(4.0, Math.Log2(Math.Max(1, edge.Weight))), 1);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The text of an edge: its label and, above 1, its weight.</summary>
    public static string? EdgeText(DiagramEdge edge) => edge.Weight > 1
        ? (edge.Label is null ? edge.Weight.ToString(CultureInfo.InvariantCulture) : $"{edge.Label} ×{edge.Weight}")
        : edge.Label;

    /// <summary>The lines of an edge's label: its text (clipped) and its highlight marker; empty for neither.</summary>
    public static IReadOnlyList<string> EdgeLines(DiagramEdge edge)
    {
        var lines = new List<string>(2);
        if (EdgeText(edge) is { } label)
        {
            lines.Add(DiagramText.Clip(label, 40));
        }
        if (edge.Highlight is { } marker)
        {
            lines.Add(marker.Marker);
        }
        return lines;
    }

    /// <summary>The lines of a node's label: name (clipped), details, status, marker.</summary>
    public static IReadOnlyList<string> NodeLines(DiagramNode node, DiagramView view)
    {
        var lines = new List<string> { DiagramText.Clip(node.Label, view.MaxLabelLength) };
        foreach (var d in node.Details)
        {
            lines.Add(DiagramText.Clip(d, view.MaxLabelLength));
        }
        if (node.Status != DiagramStatus.Normal)
        {
            lines.Add("(" + StatusText(node.Status)[view.Language] + ")");
        }
        if (node.Highlight is { } h)
        {
            lines.Add(h.Marker);
        }
        return lines;
    }

    /// <summary>A cluster's label: name (clipped), and its marker when highlighted.</summary>
    public static IReadOnlyList<string> ClusterLines(DiagramCluster cluster, DiagramView view)
    {
        var lines = new List<string> { DiagramText.Clip(cluster.Label, Math.Max(view.MaxLabelLength, 60)) };
        // A finding's cluster already names its rule in the label.
        if (cluster.Highlight is { } h && !h.Rules.All(r => cluster.Label.Contains(r, StringComparison.Ordinal)))
        {
            lines.Add(h.Marker);
        }
        return lines;
    }

    // Statuses, levels, network kinds, links and element kinds are the terminology table's words (Localization/Terms.cs).
    public static LocalizedText StatusText(DiagramStatus status) => Terms.Of(status switch
    {
        DiagramStatus.Planned => SystemStatus.Planned,
        DiagramStatus.Building => SystemStatus.Building,
        DiagramStatus.Retiring => SystemStatus.Retiring,
        DiagramStatus.Retired => SystemStatus.Retired,
        _ => SystemStatus.Operational,
    });

    public static LocalizedText LevelText(AgencyLevel level) => Terms.Of(level);

    public static LocalizedText NetworkKindText(NetworkKind kind) => Terms.Of(kind);

    public static LocalizedText LinkText(LinkVia via) => Terms.Of(via);

    public static LocalizedText GroupKindText(DiagramGroupKind kind) => kind switch
    {
        DiagramGroupKind.Agency => Texts.Of("diagram.owning-agency"),
        DiagramGroupKind.Sector => Texts.Of("diagram.sector"),
        DiagramGroupKind.Finding => Texts.Of("diagram.finding"),
        DiagramGroupKind.Kind => Texts.Of("diagram.kind"),
        DiagramGroupKind.Jurisdiction => Texts.Of("diagram.jurisdiction"),
        DiagramGroupKind.Area => Texts.Of("diagram.area-a-city-with-its"),
        _ => Texts.Of("diagram.top-level-capability"),
    };

    public static LocalizedText KindText(DiagramNodeKind kind) => kind switch
    {
        DiagramNodeKind.Agency => Terms.Of(ElementKind.Agency),
        DiagramNodeKind.System => Terms.Of(ElementKind.System),
        DiagramNodeKind.Network => Terms.Of(ElementKind.Network),
        DiagramNodeKind.Platform => Terms.Of(ElementKind.Platform),
        DiagramNodeKind.Capability => Terms.Of(ElementKind.Capability),
        DiagramNodeKind.DataResource => Terms.Of(ElementKind.DataResource),
        DiagramNodeKind.Group => Texts.Of("diagram.collapsed-group-with-counts"),
        _ => Texts.Of("diagram.note"),
    };

    /// <summary>The unit counted: Chinese measure word and noun; English noun, singular for one.</summary>
    private static string CountKey(DiagramNodeKind kind) => kind switch
    {
        DiagramNodeKind.Agency => "diagram.count.agency",
        DiagramNodeKind.System => "diagram.count.system",
        DiagramNodeKind.Network => "diagram.count.network",
        DiagramNodeKind.Platform => "diagram.count.platform",
        DiagramNodeKind.Capability => "diagram.count.capability",
        DiagramNodeKind.DataResource => "diagram.count.data-resource",
        _ => "diagram.count.item",
    };

    /// <summary>"1 个机构 · 3 个系统" / "1 agency · 3 systems", kinds in enum order.</summary>
    public static string CountsText(IReadOnlyDictionary<DiagramNodeKind, int> counts, Language language)
    {
        // Kinds in their order, each looked up: a national landscape makes this text for 130,000 agencies, nearly
        // all of one kind, and sorting each dictionary's entries cost more than the text.
        string? text = null;
        var found = 0;
        foreach (var kind in NodeKinds)
        {
            if (found == counts.Count)
            {
                break;
            }
            if (counts.TryGetValue(kind, out var n))
            {
                found++;
                var part = Count(n, kind, language);
                text = text is null ? part : $"{text} · {part}";
            }
        }
        return text ?? "";
    }

    private static readonly DiagramNodeKind[] NodeKinds = [.. Enum.GetValues<DiagramNodeKind>().Order()];

    /// <summary>"N 个系统" / "N systems" ("1 system").</summary>
    public static string Count(int n, DiagramNodeKind kind, Language language) =>
        Texts.Format(n == 1 ? CountKey(kind) + ".one" : CountKey(kind), language, n);

    public static LocalizedText VariantText(DiagramNodeKind kind, DiagramNodeVariant variant) => variant switch
    {
        DiagramNodeVariant.Intranet => NetworkKindText(NetworkKind.Intranet),
        DiagramNodeVariant.Extranet => NetworkKindText(NetworkKind.Extranet),
        DiagramNodeVariant.Dedicated => NetworkKindText(NetworkKind.Dedicated),
        DiagramNodeVariant.Internet => NetworkKindText(NetworkKind.Internet),
        DiagramNodeVariant.OtherNetwork => NetworkKindText(NetworkKind.Other),
        DiagramNodeVariant.SharedPlatform => Texts.Of("diagram.shared-platform"),
        DiagramNodeVariant.Shareable => Texts.Of("diagram.shareable-capability-build-once"),
        DiagramNodeVariant.SharedUse => Texts.Of("diagram.shared-system-used-by-other"),
        _ => kind == DiagramNodeKind.Platform ? Texts.Of("diagram.own-platform") : KindText(kind),
    };

    public static LocalizedText EdgeKindText(DiagramEdgeKind kind) => kind switch
    {
        DiagramEdgeKind.VerticalFlow => Texts.Of("diagram.vertical-flow-along-a-sector"),
        DiagramEdgeKind.HorizontalFlow => Texts.Of("diagram.horizontal-flow-across-sectors"),
        DiagramEdgeKind.GatewayLink => Texts.Of("diagram.network-link-gateway"),
        DiagramEdgeKind.IsolationLink => Texts.Of("diagram.network-link-isolation-device"),
        DiagramEdgeKind.DirectLink => Texts.Of("diagram.network-link-direct"),
        DiagramEdgeKind.Attachment => Texts.Of("diagram.platform-on-network"),
        DiagramEdgeKind.Implements => Texts.Of("diagram.system-implements-capability"),
        DiagramEdgeKind.Owns => Texts.Of("diagram.agency-owns"),
        _ => Texts.Of("diagram.data-flow-inside-an-agency"),
    };

    public static LocalizedText SeverityText(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Texts.Of("diagram.finding-error"),
        DiagnosticSeverity.Warning => Texts.Of("diagram.finding-warning"),
        _ => Texts.Of("diagram.finding-info"),
    };

    /// <summary>One entry per node look, status, edge kind and highlight severity present in the view.</summary>
    public static IReadOnlyList<LegendEntry> Legend(DiagramView view)
    {
        var entries = new List<LegendEntry>();
        foreach (var (kind, variant) in view.Nodes.Where(static n => n.Kind != DiagramNodeKind.Note)
                     .Select(static n => (n.Kind, n.Variant)).Distinct().Order())
        {
            entries.Add(new LegendEntry(kind, variant, null, DiagramStatus.Normal, null, VariantText(kind, variant)));
        }
        foreach (var status in view.Nodes.Select(static n => n.Status).Concat(view.Edges.Select(static e => e.Status))
                     .Where(static s => s != DiagramStatus.Normal).Distinct().Order())
        {
            var text = StatusText(status);
            var look = StatusLookText(status);
            entries.Add(new LegendEntry(null, DiagramNodeVariant.None, null, status, null,
                LocalizedText.Compose((text, look), static (s, language) => s.text[language] + Texts.Get("p.open", language) + s.look[language] + Texts.Get("p.close", language))));
        }
        foreach (var kind in view.Edges.Select(static e => e.Kind).Distinct().Order())
        {
            entries.Add(new LegendEntry(null, DiagramNodeVariant.None, kind, DiagramStatus.Normal, null, EdgeKindText(kind)));
        }
        var severities = view.Nodes.Select(static n => n.Highlight).Concat(view.Edges.Select(static e => e.Highlight))
            .Concat(view.Clusters.Select(static c => c.Highlight))
            .Where(static h => h is not null).Select(static h => h!.Severity).Distinct().OrderDescending();
        foreach (var severity in severities)
        {
            entries.Add(new LegendEntry(null, DiagramNodeVariant.None, null, DiagramStatus.Normal, severity, SeverityText(severity)));
        }
        return entries;
    }

    /// <summary>Money as every output writes it (<see cref="Localization.Money"/>).</summary>
    public static string Money(double yuan, Language language) => Localization.Money.Format(yuan, language);
}
