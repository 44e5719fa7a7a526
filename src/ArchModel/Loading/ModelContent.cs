using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Loading;

/// <summary>
/// A model's content while it is read (the loader's files, the spreadsheet import's sheets, the builder's elements):
/// the elements and settings (<see cref="ModelElements"/>) and what only reading needs — every element defined in
/// order, where targets and the root object are, the pools of one loader thread, the ids of dropped elements.
/// </summary>
internal sealed class ModelContent(ValuePool? pool = null) : ModelElements
{
    /// <summary>Every element with an id from the file, in the order defined (files in load order), for duplicate detection.</summary>
    public List<Element> Defined { get; } = [];

    /// <summary>Adds an element to the list of its kind and to <see cref="Defined"/>; false (nothing added) for a type
    /// that is no element kind of the model.</summary>
    public bool Add(Element element)
    {
        switch (element)
        {
            case Capability e: Capabilities.Add(e); break;
            case Agency e: Agencies.Add(e); break;
            case Network e: Networks.Add(e); break;
            case Platform e: Platforms.Add(e); break;
            case InformationSystem e: Systems.Add(e); break;
            case DataResource e: DataResources.Add(e); break;
            case Flow e: Flows.Add(e); break;
            case Service e: Services.Add(e); break;
            case Project e: Projects.Add(e); break;
            default: return false;
        }
        Defined.Add(element);
        return true;
    }

    /// <summary>Where each target's value is, for range diagnostics.</summary>
    public Dictionary<string, SourceLocation> TargetLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the root file's object starts, the anchor for settings diagnostics.</summary>
    public SourceLocation? RootLocation { get; set; }

    /// <summary>The texts, lists and components the parser has seen, shared by the files one loader thread parses.</summary>
    public ValuePool Pool { get; } = pool ?? new();

    /// <summary>Ids of elements that were defined but dropped for a reported error: references to them are not reported again.</summary>
    public HashSet<string> DroppedIds { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether part of the model could not be read (a JSON syntax error cut a file short, an include was unreadable):
    /// any id might then be defined in what was not read, so references to unknown ids are not reported.
    /// </summary>
    public bool Incomplete { get; set; }

    /// <summary>
    /// Makes room for what <paramref name="files"/> hold before they are appended one by one: a national model's
    /// lists of up to a million elements are made once instead of doubling, each step on the large-object heap.
    /// </summary>
    public void MakeRoomFor(IReadOnlyCollection<ModelContent> files)
    {
        Reserve(Capabilities, files, static f => f.Capabilities.Count);
        Reserve(Agencies, files, static f => f.Agencies.Count);
        Reserve(Networks, files, static f => f.Networks.Count);
        Reserve(Platforms, files, static f => f.Platforms.Count);
        Reserve(Systems, files, static f => f.Systems.Count);
        Reserve(DataResources, files, static f => f.DataResources.Count);
        Reserve(Flows, files, static f => f.Flows.Count);
        Reserve(Services, files, static f => f.Services.Count);
        Reserve(Projects, files, static f => f.Projects.Count);
        Reserve(Suppressions, files, static f => f.Suppressions.Count);
        Reserve(Defined, files, static f => f.Defined.Count);
    }

    private static void Reserve<T>(List<T> list, IReadOnlyCollection<ModelContent> files, Func<ModelContent, int> count)
    {
        var needed = (long)list.Count;
        foreach (var file in files)
        {
            needed += count(file);
        }
        if (list.Capacity < needed)
        {
            list.Capacity = (int)Math.Min(needed, Array.MaxLength);
        }
    }

    /// <summary>Appends what an included file held (its elements, suppressions and dropped ids) after this content's own.</summary>
    public void Append(ModelContent file)
    {
        Capabilities.AddRange(file.Capabilities);
        Agencies.AddRange(file.Agencies);
        Networks.AddRange(file.Networks);
        Platforms.AddRange(file.Platforms);
        Systems.AddRange(file.Systems);
        DataResources.AddRange(file.DataResources);
        Flows.AddRange(file.Flows);
        Services.AddRange(file.Services);
        Projects.AddRange(file.Projects);
        Suppressions.AddRange(file.Suppressions);
        Defined.AddRange(file.Defined);
        DroppedIds.UnionWith(file.DroppedIds);
        Incomplete |= file.Incomplete;
    }
}
