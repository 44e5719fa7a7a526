using ArchModel.Diagnostics;
using ArchModel.Diagrams;
using ArchModel.Model;

namespace ArchModel.Site;

/// <summary>What <see cref="SiteGenerator.Generate"/> writes and how.</summary>
public sealed record SiteOptions
{
    /// <summary>The language of the site's text; <see langword="null"/>: the model's language.</summary>
    public Language? Language { get; init; }

    /// <summary>The as-is model the site's (to-be) model is planned from; when given, every jurisdiction shows its part of the plan.</summary>
    public ArchitectureModel? Baseline { get; init; }

    /// <summary>How Graphviz is run for the diagrams. Without Graphviz the pages have no diagram (a problem is reported).</summary>
    public GraphvizOptions Graphviz { get; init; } = GraphvizOptions.Default;

    /// <summary>Draw no diagrams at all (faster; the pages say so).</summary>
    public bool NoDiagrams { get; init; }

    /// <summary>At most this many nodes in a page's diagram; what does not fit is aggregated into linked nodes.</summary>
    public int MaxDiagramNodes { get; init; } = 150;

    /// <summary>At most this many rows in one list of a page; longer lists continue on pages of their own.</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>At most this many pages are made at once; <see langword="null"/>: one per processor.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Told after each page is written (from any thread).</summary>
    public IProgress<SiteProgress>? Progress { get; init; }
}

/// <summary>How far the site's generation is.</summary>
/// <param name="Done">Pages written.</param>
/// <param name="Total">Pages to write.</param>
public readonly record struct SiteProgress(int Done, int Total);

/// <summary>What <see cref="SiteGenerator.Generate"/> wrote.</summary>
/// <param name="Folder">The output folder (full path).</param>
/// <param name="Files">Every file of the site, relative to the folder, in ordinal order (the marker file included).</param>
/// <param name="Pages">How many HTML pages.</param>
/// <param name="Diagrams">How many pages have a diagram.</param>
/// <param name="Problems">What went wrong without stopping the site, e.g. Graphviz missing; each once.</param>
public sealed record SiteResult(string Folder, IReadOnlyList<string> Files, int Pages, int Diagrams, IReadOnlyList<LocalizedText> Problems);

/// <summary>The output folder cannot take the site: it holds other files, or an input, or cannot be written.</summary>
public sealed class SiteOutputException : IOException
{
    /// <summary>A refusal with its reason in both languages.</summary>
    public SiteOutputException(LocalizedText reason, Exception? inner = null) : base(reason.English, inner) => Reason = reason;

    /// <summary>Why, in both languages.</summary>
    public LocalizedText Reason { get; }
}
