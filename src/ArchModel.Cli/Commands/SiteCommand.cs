using System.CommandLine;
using ArchModel.Localization;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Loading;
using ArchModel.Site;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel site MODEL --output DIR</c>: write a static, browsable site of the model, its findings and (with a baseline) its plan.</summary>
internal static class SiteCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = CommonOptions.Model();
        var output = new Option<string>("--output", "-o")
        {
            Description = CliText.T("cli.help.site.output"),
            Required = true,
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = CliText.T("cli.help.site.baseline"),
        };
        var noDiagrams = new Option<bool>("--no-diagrams")
        {
            Description = CliText.T("cli.help.site.no-diagrams"),
        };
        var lang = CommonOptions.Lang();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("site", CliText.T("cli.help.site"))
        {
            model, output, baseline, noDiagrams, lang, quiet, verbose,
        };
        command.SetAction(parse =>
        {
            var baselinePath = parse.GetValue(baseline);
            if (ModelInputs.LoadOrFail("site", baselinePath is null ? [parse.GetValue(model)!] : [parse.GetValue(model)!, baselinePath], parse.GetValue(lang), stderr,
                out var loads, out var language) is { } failed)
            {
                return failed;
            }
            var load = loads[0];
            var baselineLoad = loads.Length > 1 ? loads[1] : null;
            if (!parse.GetValue(quiet))
            {
                foreach (var d in loads.SelectMany(static l => l.Diagnostics)) stderr.WriteLine(d.Format(language));
            }
            var analysis = Analyzer.Analyze(load.Model!);
            // Progress only for a person watching a terminal; never in a log or a pipe.
            var showProgress = !parse.GetValue(quiet) && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            var progress = showProgress ? new TerminalProgress(stderr, language) : null;
            SiteResult result;
            try
            {
                result = SiteGenerator.Generate(load.Model!, analysis, parse.GetValue(output)!, new SiteOptions
                {
                    Language = language,
                    Baseline = baselineLoad?.Model,
                    NoDiagrams = parse.GetValue(noDiagrams),
                    Progress = progress,
                });
            }
            catch (SiteOutputException e)
            {
                progress?.Clear();
                stderr.WriteLine($"archmodel site: {e.Reason[language]}");
                return ExitCodes.FileError;
            }
            progress?.Clear();
            foreach (var problem in result.Problems) stderr.WriteLine($"archmodel site: {problem[language]}");
            if (!parse.GetValue(quiet))
            {
                var index = Path.Combine(result.Folder, "index.html");
                stdout.WriteLine(Texts.Format("cli.site.done", language, result.Folder, result.Pages, result.Diagrams, new Uri(index).AbsoluteUri));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line on a terminal, rewritten in place, at most every 200 ms.</summary>
    private sealed class TerminalProgress(TextWriter stderr, Language language) : IProgress<SiteProgress>
    {
        private readonly object _gate = new();
        private long _last;

        public void Report(SiteProgress value)
        {
            lock (_gate)
            {
                var now = Environment.TickCount64;
                if (value.Done != value.Total && now - _last < 200) return;
                _last = now;
                stderr.Write("\r" + Localization.Texts.Format("cli.site.progress", language, value.Done, value.Total));
                stderr.Flush();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                stderr.Write("\r\x1b[K");
                stderr.Flush();
            }
        }
    }
}
