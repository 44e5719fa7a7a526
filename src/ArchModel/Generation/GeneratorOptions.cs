namespace ArchModel.Generation;

/// <summary>The size presets of <see cref="ModelGenerator"/>.</summary>
public enum GeneratorPreset
{
    /// <summary>One province: 11 prefectures of 9 counties, about 4,600 agencies and 38,000 elements.</summary>
    Province,
    /// <summary>One large province: 21 prefectures of 10 counties, about 9,500 agencies and 78,000 elements.</summary>
    LargeProvince,
    /// <summary>The nation: 31 provinces, 333 prefectures, about 2,850 counties; about 132,000 agencies and 1.1 million elements.</summary>
    Nation,
}

/// <summary>
/// The shapes of model <see cref="ModelGenerator"/> writes: each tests the analysis on another aspect of the size
/// and shape of real models. Every shape is deterministic for a seed, validates with no errors, and grows
/// linearly with <see cref="GeneratorOptions.Agencies"/>.
/// </summary>
public enum GeneratorShape
{
    /// <summary>
    /// The original generator: governments of 41 agencies (an office and a department per sector) from the nation
    /// down to counties, about 8 elements per agency, with a planted share of every problem the rules find. For
    /// demos and the README's scaling table.
    /// </summary>
    Synthetic,
    /// <summary>
    /// The nation as it really is: nation → provinces → prefectures → counties; each government an office and 20
    /// sector departments whose parent is the same sector one level up; 1–3 systems per department and 3–6 per
    /// office named from a vocabulary of real system names (办公自动化系统, 电子公文系统, …), mostly prefixed with the
    /// owner's or the jurisdiction's name, many listing the same common capabilities (cap.oa …); usedBy to
    /// neighbours and superiors; flows mostly up the sector line, some across the jurisdiction. About 9 elements
    /// per agency, a quarter of them systems, about 200 bytes of JSON each. For the size and shape of a national model.
    /// </summary>
    Realistic,
    /// <summary>
    /// Few huge jurisdictions: one per 550 agencies (an office, 12 sector bureaus and their branches), about 50
    /// systems per agency named from a vocabulary of a few dozen names reused everywhere. About 80 elements per
    /// agency. For rules that compare within a jurisdiction or by name.
    /// </summary>
    HugeJurisdictions,
    /// <summary>
    /// Deep and broad sector lines: one ministry with half the agencies below it (20 under each agency), five
    /// chains each a twentieth of the agencies long (one agency under the other: depth N/20), and ten ministries
    /// of 4 under each. About 6 elements per agency. For algorithms that walk ancestors or descendants.
    /// </summary>
    DeepLines,
    /// <summary>
    /// Thousands of systems with one normalized name: one agency with 1.2 systems per agency of the model, all
    /// named 办公自动化系统 and listing cap.oa; blocks of 2,000 systems of one agency each with near-identical names
    /// and one shared capability (0.8 per agency); classes of 500 identical names with no capabilities (0.4 per
    /// agency); besides them governments of 21 agencies with a system each. About 5 elements per agency. For
    /// the duplicate rules' worst case.
    /// </summary>
    UniformNames,
}

/// <summary>What to generate.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The seed: the same seed and options give byte-identical files.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The shape of the model (default: <see cref="GeneratorShape.Synthetic"/>, the original generator's).</summary>
    public GeneratorShape Shape { get; init; } = GeneratorShape.Synthetic;

    /// <summary>
    /// The size preset, used when <see cref="Agencies"/> is not set. For the shapes other than
    /// <see cref="GeneratorShape.Synthetic"/> the presets give the realistic shape's governments of 21 agencies:
    /// a province of 11 prefectures and 99 counties (2,352 agencies), a large province of 21 and 198 (4,641), the
    /// nation's 31 provinces, 333 prefectures and 2,850 counties (67,515).
    /// </summary>
    public GeneratorPreset Preset { get; init; } = GeneratorPreset.Province;

    /// <summary>
    /// About how many agencies to generate (the nearest whole structure of the shape); overrides <see cref="Preset"/>.
    /// Every shape's elements grow linearly with it (<see cref="GeneratorShape"/> gives each shape's elements per
    /// agency); at most <see cref="ModelGenerator.MaxAgencies"/>.
    /// </summary>
    public int? Agencies { get; init; }

    /// <summary>Departments per government, one per sector (at most the 40 sectors known).</summary>
    public int DepartmentsPerGovernment { get; init; } = 40;

    /// <summary>
    /// Write one file per province (and the national level in the root file) joined by includes, instead of one
    /// file. <see cref="ModelGenerator.WriteTo(string, GeneratorOptions)"/> also splits when one file would exceed
    /// <see cref="MaxFileBytes"/>.
    /// </summary>
    public bool SplitByRegion { get; init; }

    /// <summary>
    /// The largest file to write, in bytes (default: the loader's per-file limit, <c>LoadOptions.MaxFileBytes</c>,
    /// 1 GiB): a model estimated larger is split into files joined by includes.
    /// </summary>
    public long MaxFileBytes { get; init; } = Loading.LoadOptions.Default.MaxFileBytes;
}
