namespace ArchModel.Model;

/// <summary>
/// The elements and settings of a model before it is frozen into an <see cref="ArchitectureModel"/>: what the loader, the
/// builder and the spreadsheet import fill (through <c>Loading.ModelContent</c>, which adds what only reading needs).
/// </summary>
internal class ModelElements
{
    public ModelInfo Info { get; set; } = new() { Id = "model" };
    public ModelSettings Settings { get; set; } = ModelSettings.Default;
    public Dictionary<string, double> Targets { get; } = new(StringComparer.Ordinal);
    public List<string> Files { get; } = [];
    public List<Capability> Capabilities { get; } = [];
    public List<Agency> Agencies { get; } = [];
    public List<Network> Networks { get; } = [];
    public List<Platform> Platforms { get; } = [];
    public List<InformationSystem> Systems { get; } = [];
    public List<DataResource> DataResources { get; } = [];
    public List<Flow> Flows { get; } = [];
    public List<Service> Services { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Suppression> Suppressions { get; } = [];

    /// <summary>Every element, kind by kind in the model's order, in one array made at its size (a national model's is
    /// a million long).</summary>
    public Element[] ElementArray()
    {
        var array = new Element[Capabilities.Count + Agencies.Count + Networks.Count + Platforms.Count + Systems.Count
            + DataResources.Count + Flows.Count + Services.Count + Projects.Count];
        var at = 0;
        Copy(Capabilities);
        Copy(Agencies);
        Copy(Networks);
        Copy(Platforms);
        Copy(Systems);
        Copy(DataResources);
        Copy(Flows);
        Copy(Services);
        Copy(Projects);
        return array;

        void Copy<T>(List<T> list) where T : Element
        {
            for (var i = 0; i < list.Count; i++)
            {
                array[at++] = list[i];
            }
        }
    }
}

/// <summary>The index by id and the maps by kind that linking a model's content built, handed to the model so that it
/// does not build them again (a national model's index holds a million ids).</summary>
/// <param name="ById">Every element by id, first definition wins.</param>
/// <param name="Kinds">The elements of each referenced kind by id, as <paramref name="ById"/> resolves them.</param>
internal sealed record ModelIndex(Dictionary<string, Element> ById, KindMaps Kinds);
