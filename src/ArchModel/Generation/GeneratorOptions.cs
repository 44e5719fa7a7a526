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

/// <summary>What to generate.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The seed: the same seed and options give byte-identical files.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The size preset, used when <see cref="Agencies"/> is not set.</summary>
    public GeneratorPreset Preset { get; init; } = GeneratorPreset.Province;

    /// <summary>About how many agencies to generate (the nearest whole government structure); overrides <see cref="Preset"/>.</summary>
    public int? Agencies { get; init; }

    /// <summary>Departments per government, one per sector (at most the 40 sectors known).</summary>
    public int DepartmentsPerGovernment { get; init; } = 40;

    /// <summary>Write one file per province (and the national level in the root file) joined by includes, instead of one file.</summary>
    public bool SplitByRegion { get; init; }
}
