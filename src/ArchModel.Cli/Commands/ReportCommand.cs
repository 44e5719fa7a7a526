using System.CommandLine;
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
        var template = new Option<string>("--template", "-t")
        {
            Description = $"A built-in template ({string.Join(", ", ReportGenerator.BuiltInTemplates)}) or the path of a template file / 模板名或模板文件",
            DefaultValueFactory = _ => "overview",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: md, html (default: from a template file's extension .sbn-html, else md) / 输出格式",
        };
        format.AcceptOnlyFromAmong("md", "html");
        var baseline = new Option<string?>("--baseline")
        {
            Description = "The as-is model, for the roadmap template (not yet supported) / 基线模型（路线图模板，尚未支持）",
        };
        var output = CommonOptions.Output();
        var lang = CommonOptions.Lang();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("report", "Write a planning document from a template / 根据模板生成规划文档")
        {
            model, template, format, baseline, output, lang, quiet, verbose,
        };
        command.SetAction(parse =>
        {
            var templateName = parse.GetValue(template)!;
            if (parse.GetValue(baseline) is not null)
            {
                stderr.WriteLine("archmodel report: --baseline belongs to the roadmap template, which is not available yet / 路线图模板尚未提供，暂不支持 --baseline");
                return ExitCodes.Usage;
            }
            var load = ModelLoader.LoadFile(parse.GetValue(model)!);
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), load.Model?.Info.Language);
            if (load.RootReadFailed || load.Model is null || load.HasErrors)
            {
                foreach (var d in load.Diagnostics)
                {
                    stderr.WriteLine(d.Format(language));
                }
                return load.RootReadFailed ? ExitCodes.FileError : ExitCodes.Findings;
            }
            var documentFormat = parse.GetValue(format) switch
            {
                "html" => DocumentFormat.Html,
                "md" => DocumentFormat.Markdown,
                _ => templateName.EndsWith(".sbn-html", StringComparison.OrdinalIgnoreCase) || templateName.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                    ? DocumentFormat.Html : DocumentFormat.Markdown,
            };
            var analysis = Analyzer.Analyze(load.Model);
            var diagrams = new GraphvizDiagramProvider();
            var result = ReportGenerator.Render(load.Model, analysis, new ReportOptions
            {
                Template = templateName,
                Format = documentFormat,
                Language = language,
                Diagrams = diagrams,
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
                foreach (var d in load.Diagnostics)
                {
                    stderr.WriteLine(d.Format(language));
                }
            }
            var target = new OutputTarget(parse.GetValue(output), stdout);
            var inputs = load.Files.Append(Path.GetFullPath(templateName)).Where(File.Exists);
            if (target.WriteText(result.Text!, inputs) is { } error)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
