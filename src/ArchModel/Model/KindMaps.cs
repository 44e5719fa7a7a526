namespace ArchModel.Model;

/// <summary>
/// The elements of each kind that references name, by id, as the index of every element resolves them: the first
/// definition of an id, when it is of that kind. Built by validation, which checks millions of references against
/// them, and kept by the model for <see cref="ArchitectureModel.GetAgency"/> and its kin.
/// </summary>
/// <remarks>
/// A national model's index of every element holds a million ids; the agencies are 130,000 of them and the
/// capabilities a few hundred, so a look-up that knows the kind it wants mostly stays in the processor's caches.
/// </remarks>
internal sealed class KindMaps
{
    public required Dictionary<string, Capability> Capabilities { get; init; }
    public required Dictionary<string, Agency> Agencies { get; init; }
    public required Dictionary<string, Network> Networks { get; init; }
    public required Dictionary<string, Platform> Platforms { get; init; }
    public required Dictionary<string, InformationSystem> Systems { get; init; }
    public required Dictionary<string, DataResource> DataResources { get; init; }
    public required Dictionary<string, Project> Projects { get; init; }

    /// <summary>
    /// The first element of each id within each kind. The same as <see cref="Resolved"/> when no id of the model is
    /// defined twice, and built without the index of every element, so beside it.
    /// </summary>
    public static KindMaps FirstOfEachKind(ModelElements content) => new()
    {
        Capabilities = FirstOf(content.Capabilities),
        Agencies = FirstOf(content.Agencies),
        Networks = FirstOf(content.Networks),
        Platforms = FirstOf(content.Platforms),
        Systems = FirstOf(content.Systems),
        DataResources = FirstOf(content.DataResources),
        Projects = FirstOf(content.Projects),
    };

    /// <summary>The elements of each kind that <paramref name="byId"/> resolves their ids to.</summary>
    public static KindMaps Resolved(ModelElements content, Dictionary<string, Element> byId) => new()
    {
        Capabilities = Resolved(content.Capabilities, byId),
        Agencies = Resolved(content.Agencies, byId),
        Networks = Resolved(content.Networks, byId),
        Platforms = Resolved(content.Platforms, byId),
        Systems = Resolved(content.Systems, byId),
        DataResources = Resolved(content.DataResources, byId),
        Projects = Resolved(content.Projects, byId),
    };

    /// <summary>Whether <paramref name="id"/> names an element of <paramref name="kind"/>; <see langword="false"/> for a kind without a map.</summary>
    public bool Contains(ElementKind kind, string id) => kind switch
    {
        ElementKind.Capability => Capabilities.ContainsKey(id),
        ElementKind.Agency => Agencies.ContainsKey(id),
        ElementKind.Network => Networks.ContainsKey(id),
        ElementKind.Platform => Platforms.ContainsKey(id),
        ElementKind.System => Systems.ContainsKey(id),
        ElementKind.DataResource => DataResources.ContainsKey(id),
        ElementKind.Project => Projects.ContainsKey(id),
        _ => false,
    };

    private static Dictionary<string, T> FirstOf<T>(List<T> elements) where T : Element
    {
        var map = new Dictionary<string, T>(elements.Count, StringComparer.Ordinal);
        foreach (var element in elements)
        {
            // A model built in code may hold an element without an id, which validation reports.
            if (element.Id is { } id)
            {
                map.TryAdd(id, element);
            }
        }
        return map;
    }

    /// <summary>The elements of a kind that the index resolves to: one look-up each.</summary>
    internal static Dictionary<string, T> Resolved<T>(IReadOnlyList<T> elements, Dictionary<string, Element> byId) where T : Element
    {
        var map = new Dictionary<string, T>(elements.Count, StringComparer.Ordinal);
        foreach (var element in elements)
        {
            if (element.Id is { } id && byId.TryGetValue(id, out var found) && ReferenceEquals(found, element))
            {
                map[id] = element;
            }
        }
        return map;
    }
}
