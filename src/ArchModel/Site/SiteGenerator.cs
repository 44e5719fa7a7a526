using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Diagrams;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Site;

/// <summary>
/// Writes a static, self-contained site of a model and its analysis — an index, one page per jurisdiction
/// (a level of government and a region), one per sector line, catalogues of the elements no jurisdiction owns,
/// the findings by rule, the plan when a baseline is given, and a search — that opens from <c>file://</c> with no
/// server and no network (docs/site.md).
/// </summary>
public static class SiteGenerator
{
    /// <summary>The file that marks a folder as a site ArchModel wrote; a folder holding other files without it is refused.</summary>
    public const string MarkerFile = ".archmodel-site";

    private const string MarkerHeader = "archmodel-site 1";

    /// <summary>
    /// Writes the site into <paramref name="outputFolder"/> (created when missing). The folder must be empty or
    /// hold a site written before (its <see cref="MarkerFile"/>): that site's files are replaced, and those the new
    /// site does not have are deleted. Every file is written atomically. Pages are made on every processor; the
    /// output is byte-identical whatever the order.
    /// </summary>
    /// <exception cref="SiteOutputException">The folder holds other files, holds an input of the model, or cannot be written.</exception>
    public static SiteResult Generate(ArchitectureModel model, AnalysisResult analysis, string outputFolder, SiteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(outputFolder);
        options ??= new SiteOptions();
        var folder = Path.GetFullPath(outputFolder);
        var previous = CheckFolder(folder, model, options.Baseline);

        var structure = SiteStructure.Build(model, analysis, options);
        var language = options.Language ?? model.Info.Language;
        var pages = new SitePages(structure, language, options);
        var jobs = pages.Jobs();
        var files = jobs.Select(static j => j.File).Append(MarkerFile).Order(StringComparer.Ordinal).ToList();
        var done = 0;
        var diagrams = 0;
        var problems = new System.Collections.Concurrent.ConcurrentDictionary<LocalizedText, byte>();
        try
        {
            Directory.CreateDirectory(folder);
            Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount }, job =>
            {
                var output = job.Render();
                WriteAtomically(Path.Combine(folder, job.File), output.Text);
                if (output.HasDiagram) Interlocked.Increment(ref diagrams);
                if (output.Problem is { } p) problems.TryAdd(p, 0);
                options.Progress?.Report(new SiteProgress(Interlocked.Increment(ref done), jobs.Count));
            });
            foreach (var stale in previous.Except(files, StringComparer.Ordinal))
            {
                var path = Path.Combine(folder, stale);
                if (File.Exists(path)) File.Delete(path);
            }
            WriteAtomically(Path.Combine(folder, MarkerFile), MarkerHeader + "\n" + string.Join("\n", files.Where(static f => f != MarkerFile)) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not SiteOutputException)
        {
            throw new SiteOutputException(Texts.Of("site-error.cannot-write", outputFolder, e.Message), e);
        }
        var pageCount = files.Count(static f => f.EndsWith(".html", StringComparison.Ordinal));
        return new SiteResult(folder, files, pageCount, diagrams, [.. problems.Keys.OrderBy(static p => p.English, StringComparer.Ordinal)]);
    }

    /// <summary>Refuses a folder that holds anything but a previous site, or an input; returns the previous site's files.</summary>
    private static List<string> CheckFolder(string folder, ArchitectureModel model, ArchitectureModel? baseline)
    {
        var inside = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var input = model.Files.Concat(baseline?.Files ?? []).FirstOrDefault(f => Path.GetFullPath(f).StartsWith(inside, StringComparison.Ordinal));
        if (input is not null)
        {
            throw new SiteOutputException(Texts.Of("site-error.holds-input", folder, input));
        }
        if (File.Exists(folder))
        {
            throw new SiteOutputException(Texts.Of("site-error.is-file", folder));
        }
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return [];
        }
        var marker = Path.Combine(folder, MarkerFile);
        if (!File.Exists(marker) || File.ReadLines(marker).FirstOrDefault() != MarkerHeader)
        {
            throw new SiteOutputException(Texts.Of("site-error.not-empty", folder, MarkerFile));
        }
        // Only plain names the previous site listed are ever deleted.
        return [.. File.ReadLines(marker).Skip(1).Where(static l => l.Length > 0 && l.IndexOfAny(['/', '\\']) < 0 && l != ".." && l != ".")];
    }

    private static void WriteAtomically(string path, string text)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}

/// <summary>One file of the site and how to make it.</summary>
internal sealed record SiteJob(string File, Func<SiteOutput> Render);

/// <summary>A made file: its text, whether it holds a diagram, and a problem met (Graphviz missing).</summary>
internal sealed record SiteOutput(string Text, bool HasDiagram = false, LocalizedText? Problem = null);
