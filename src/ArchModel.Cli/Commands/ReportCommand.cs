using System.CommandLine;
using System.Globalization;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Documents;
using ArchModel.Loading;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel report MODEL</c>: write a planning document from a built-in or custom template.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = CommonOptions.Model();
        var template = CommonOptions.NotEmpty(new Option<string>("--template", "-t")
        {
            Description = CliText.T("cli.help.report.template", string.Join(", ", ReportGenerator.BuiltInTemplates)),
            DefaultValueFactory = _ => "overview",
        });
        var format = new Option<string?>("--format", "-f")
        {
            Description = CliText.T("cli.help.report.format"),
        };
        format.AcceptOnlyFromAmong("md", "html");
        var baseline = CommonOptions.NotEmpty(new Option<string?>("--baseline")
        {
            Description = CliText.T("cli.help.report.baseline"),
        });
        var timeout = new Option<double?>("--template-timeout")
        {
            Description = CliText.T("cli.help.report.template-timeout"),
        };
        timeout.Validators.Add(static result =>
        {
            // A value that is no number at all is already an error of the option's own parsing.
            if (result.Tokens.Count > 0
                && double.TryParse(result.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && (!(seconds >= 0) || seconds > int.MaxValue / 1000.0))
            {
                result.AddError(CliText.T("cli.report.timeout"));
            }
        });
        var all = new Option<bool>("--all")
        {
            Description = CliText.T("cli.help.report.all"),
        };
        var siteBase = new Option<string?>("--site-base")
        {
            Description = CliText.T("cli.help.report.site-base"),
        };
        var output = CommonOptions.Output();
        var lang = CommonOptions.Lang();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("report", CliText.T("cli.help.report"))
        {
            model, template, format, baseline, timeout, all, siteBase, output, lang, quiet, verbose,
        };
        command.SetAction(parse =>
        {
            var templateName = parse.GetValue(template)!;
            var baselinePath = parse.GetValue(baseline);
            if (ReportGenerator.NeedsBaseline(templateName) && baselinePath is null)
            {
                stderr.WriteLine(CliText.T("cli.report.needs-baseline", templateName));
                return ExitCodes.Usage;
            }
            if (baselinePath is not null && ReportGenerator.IsBuiltIn(templateName) && !ReportGenerator.NeedsBaseline(templateName))
            {
                stderr.WriteLine(CliText.T("cli.report.baseline-not-for", templateName));
                return ExitCodes.Usage;
            }
            var modelPath = parse.GetValue(model)!;
            if (!ReportGenerator.IsBuiltIn(templateName) && FilePaths.KindOf(templateName) == FileKind.Special)
            {
                // A pipe would block the report until something writes to it; a device would never end.
                stderr.WriteLine(CliText.T("cli.report.template-not-file", templateName));
                return ExitCodes.FileError;
            }
            if (ModelInputs.LoadOrFail("report", baselinePath is null ? [modelPath] : [modelPath, baselinePath], parse.GetValue(lang), stderr,
                out var loads, out var language) is { } failed)
            {
                return failed;
            }
            var load = loads[0];
            var baselineLoad = loads.Length > 1 ? loads[1] : null;
            var documentFormat = parse.GetValue(format) switch
            {
                "html" => DocumentFormat.Html,
                "md" => DocumentFormat.Markdown,
                _ => templateName.EndsWith(".sbn-html", StringComparison.OrdinalIgnoreCase) || templateName.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                    ? DocumentFormat.Html : DocumentFormat.Markdown,
            };
            var analysis = Analyzer.Analyze(load.Model!);
            var diagrams = new GraphvizDiagramProvider();
            var result = ReportGenerator.Render(load.Model!, analysis, new ReportOptions
            {
                Template = templateName,
                Format = documentFormat,
                Language = language,
                Diagrams = diagrams,
                Baseline = baselineLoad?.Model,
                Limits = Limits(templateName, parse.GetValue(timeout)),
                ListAll = parse.GetValue(all),
                SiteBase = parse.GetValue(siteBase),
            });
            foreach (var problem in diagrams.Problems.Distinct())
            {
                stderr.WriteLine($"archmodel report: {problem[language]}");
            }
            if (!result.Succeeded)
            {
                foreach (var d in result.Diagnostics)
                {
                    stderr.WriteLine(d.Format(language));
                }
                return result.TemplateNotFound ? ExitCodes.FileError : ExitCodes.Findings;
            }
            if (!parse.GetValue(quiet))
            {
                foreach (var d in loads.SelectMany(static l => l.Diagnostics))
                {
                    stderr.WriteLine(d.Format(language));
                }
            }
            // A template file and the partials beside it are inputs too: the output may replace none of them.
            var templateFile = ReportGenerator.IsBuiltIn(templateName) ? null : Path.GetFullPath(templateName);
            var target = new OutputTarget(parse.GetValue(output), stdout) { TemplateFolder = templateFile is null ? null : Path.GetDirectoryName(templateFile) };
            var inputs = loads.SelectMany(static l => l.Files).Concat(templateFile is null ? [] : [templateFile]);
            if (target.WriteText(result.Text!, inputs) is { } error)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The template's limits: the library's defaults (30 s for a template file, none for a built-in template) unless
    /// <c>--template-timeout</c> is given; 0 lifts the time limit.
    /// </summary>
    private static TemplateLimits Limits(string template, double? seconds)
    {
        var limits = ReportGenerator.IsBuiltIn(template) ? TemplateLimits.BuiltIn : TemplateLimits.Default;
        if (seconds is not { } s)
        {
            return TemplateLimits.Default;
        }
        return limits with { Timeout = s == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(s) };
    }
}
