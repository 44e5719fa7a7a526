using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Diagrams;

/// <summary>How a view is built: neighbourhood depth, filters, size limits and language.</summary>
/// <remarks>Immutable. Filters combine with AND; the values of one filter combine with OR; an empty
/// filter lets everything through.</remarks>
public sealed record ViewOptions
{
    /// <summary>The defaults: depth 1, no filter, 200 nodes and 400 edges, labels of 40 characters, the model's language.</summary>
    public static ViewOptions Default { get; } = new();

    /// <summary>How many flow hops from the agency's systems an agency view reaches (0: its own systems only).</summary>
    public int Depth { get; init; } = 1;

    /// <summary>Only agencies (and what they own) at these levels.</summary>
    public IReadOnlyList<AgencyLevel> Levels { get; init; } = [];

    /// <summary>Only agencies (and what they own) in these regions (administrative division codes, exact).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Only agencies (and what they own) in these sectors (条), such as <c>公安</c>.</summary>
    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>Only systems, networks and platforms with at least one of these tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Whether retired systems and flows are drawn (default: no).</summary>
    public bool IncludeRetired { get; init; }

    /// <summary>The number of nodes above which the view aggregates (collapses nodes into groups).</summary>
    public int MaxNodes { get; init; } = 200;

    /// <summary>The number of edges above which the view aggregates.</summary>
    public int MaxEdges { get; init; } = 400;

    /// <summary>Labels longer than this many characters (text elements) are clipped with an ellipsis.</summary>
    public int MaxLabelLength { get; init; } = 40;

    /// <summary>
    /// The language of generated labels, legends and notes (element names stay as they are); <see langword="null"/> (the
    /// default): the model's own (<see cref="ModelInfo.Language"/>), as for reports and sites.
    /// </summary>
    public Language? Language { get; init; }

    /// <summary>Whether an agency passes the level, region and sector filters.</summary>
    public bool Admits(Agency? agency)
    {
        if (agency is null)
        {
            return Levels.Count == 0 && Regions.Count == 0 && Sectors.Count == 0;
        }
        return (Levels.Count == 0 || Levels.Contains(agency.Level))
            && (Regions.Count == 0 || (agency.Region is { } r && Regions.Contains(r, StringComparer.Ordinal)))
            && (Sectors.Count == 0 || (agency.Sector is { } s && Sectors.Contains(s, StringComparer.Ordinal)));
    }

    /// <summary>Whether an element passes the tag filter.</summary>
    public bool AdmitsTags(Element element) =>
        Tags.Count == 0 || element.Tags.Any(t => Tags.Contains(t, StringComparer.Ordinal));
}

/// <summary>A view to build: its kind and, for an agency view, the agency's id (<c>agency:ID</c>).</summary>
/// <param name="Kind">The kind of view.</param>
/// <param name="AgencyId">The agency of an <see cref="ViewKind.Agency"/> view; otherwise <see langword="null"/>.</param>
public readonly record struct ViewSpec(ViewKind Kind, string? AgencyId = null)
{
    /// <summary>The names <see cref="TryParse"/> accepts (<c>agency</c> takes <c>:ID</c>), from the one table of views.</summary>
    public static IReadOnlyList<string> Names { get; } = Views.Catalogue.Select(static e => e.Usage).ToArray();

    /// <summary>Parses <c>landscape</c>, <c>agency:ID</c>, <c>network</c>, <c>dataflow</c>, <c>duplicates</c>,
    /// <c>silos</c> or <c>capabilities</c> (names case-insensitive; the id as written).</summary>
    public static bool TryParse(string? text, out ViewSpec spec)
    {
        spec = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var entry = Views.Catalogue.FirstOrDefault(e => e.Name == name);
        if (entry is null)
        {
            return false;
        }
        if (entry.TakesAgency)
        {
            var id = colon < 0 ? "" : text[(colon + 1)..];
            if (id.Length == 0)
            {
                return false;
            }
            spec = new ViewSpec(entry.Kind, id);
            return true;
        }
        if (colon >= 0)
        {
            return false;
        }
        spec = new ViewSpec(entry.Kind);
        return true;
    }

    /// <summary>The spec as <see cref="TryParse"/> reads it.</summary>
    public override string ToString()
    {
        var kind = Kind;
        var entry = Views.Catalogue.FirstOrDefault(e => e.Kind == kind);
        var name = entry?.Name ?? Kind.ToString().ToLowerInvariant();
        return entry?.TakesAgency == true ? $"{name}:{AgencyId}" : name;
    }
}
