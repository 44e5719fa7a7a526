using ArchModel.Diagnostics;
using ArchModel.Loading;

namespace ArchModel.Cli;

/// <summary>
/// "Load or fail", once for every command that works on a valid model (diagram, report, site, diff, export): the MODEL
/// arguments resolved (a folder means its <c>model.json</c>), loaded, and the command stopped with the same messages and
/// exit codes whatever the command. <c>validate</c> and <c>analyze</c> report the diagnostics themselves instead.
/// </summary>
internal static class ModelInputs
{
    /// <summary>
    /// Loads <paramref name="paths"/> (in order) and decides the language: <paramref name="lang"/>, else the language of
    /// the model at <paramref name="languageFrom"/>, else of any other, else Chinese. Returns <see langword="null"/> when
    /// every model loaded without an error; otherwise the exit code, having written why to <paramref name="stderr"/>:
    /// 3 when a root file cannot be read (its diagnostics), 1 when a model has errors (every error, then what to do).
    /// </summary>
    public static int? LoadOrFail(string command, IReadOnlyList<string> paths, string? lang, TextWriter stderr,
        out LoadResult[] loads, out Language language, int languageFrom = 0)
    {
        loads = [];
        language = CommonOptions.ResolveLanguage(lang, null);
        var roots = new string[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            if (CommonOptions.ResolveModel(paths[i], stderr) is not { } root)
            {
                return ExitCodes.FileError;
            }
            roots[i] = root;
        }
        loads = roots.Select(static r => ModelLoader.LoadFile(r)).ToArray();
        var models = loads;
        language = CommonOptions.ResolveLanguage(lang, models[languageFrom].Model?.Info.Language ?? models.Select(static l => l.Model?.Info.Language).FirstOrDefault(static l => l is not null));
        if (loads.Any(static l => l.RootReadFailed))
        {
            foreach (var d in loads.Where(static l => l.RootReadFailed).SelectMany(static l => l.Diagnostics))
            {
                stderr.WriteLine(d.Format(language));
            }
            return ExitCodes.FileError;
        }
        if (loads.Any(static l => l.HasErrors || l.Model is null))
        {
            foreach (var d in loads.SelectMany(static l => l.Diagnostics).Where(static d => d.Severity == DiagnosticSeverity.Error))
            {
                stderr.WriteLine(d.Format(language));
            }
            stderr.WriteLine(Localization.Texts.Format("cli.model-has-errors", language, command));
            return ExitCodes.Findings;
        }
        return null;
    }
}
