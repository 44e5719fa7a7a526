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
            Description = "The as-is model the report's (to-be) model is planned from: needed by the roadmap template, also given to template files / 现状基线模型（路线图模板必需）",
        };
        var all = new Option<bool>("--all")
        {
            Description = "List every finding (default: per rule its count and the 20 naming the most elements) / 列出全部问题（默认每条规则列出涉及对象最多的 20 项）",
        };
        var siteBase = new Option<string?>("--site-base")
        {
            Description = "Address of the model's published site: elements link to SITE_BASE/find.html#ID / 站点地址：对象链接到 SITE_BASE/find.html#ID",
        };
        var output = CommonOptions.Output();
        var lang = CommonOptions.Lang();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("report", "Write a planning document from a template / 根据模板生成规划文档")
        {
            model, template, format, baseline, all, siteBase, output, lang, quiet, verbose,
        };
        command.SetAction(parse =>
        {
            var templateName = parse.GetValue(template)!;
            var baselinePath = parse.GetValue(baseline);
            if (ReportGenerator.NeedsBaseline(templateName) && baselinePath is null)
            {
                stderr.WriteLine($"archmodel report: the {templateName} template needs --baseline AS_IS_MODEL (the report's MODEL is the to-be model) / 路线图模板需要用 --baseline 指定现状模型");
                return ExitCodes.Usage;
            }
            if (baselinePath is not null && ReportGenerator.IsBuiltIn(templateName) && !ReportGenerator.NeedsBaseline(templateName))
            {
                stderr.WriteLine($"archmodel report: --baseline is for the roadmap template (or a template file), not for {templateName} / --baseline 仅用于路线图模板或自定义模板");
                return ExitCodes.Usage;
            }
            var load = ModelLoader.LoadFile(parse.GetValue(model)!);
            var baselineLoad = baselinePath is null ? null : ModelLoader.LoadFile(baselinePath);
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), load.Model?.Info.Language ?? baselineLoad?.Model?.Info.Language);
            var loads = baselineLoad is null ? new[] { load } : new[] { load, baselineLoad };
            if (loads.Any(static l => l.RootReadFailed))
            {
                foreach (var d in loads.Where(static l => l.RootReadFailed).SelectMany(static l => l.Diagnostics))
                {
                    stderr.WriteLine(d.Format(language));
                }
                return ExitCodes.FileError;
            }
            if (loads.Any(static l => l.Model is null || l.HasErrors))
            {
                foreach (var d in loads.SelectMany(static l => l.Diagnostics))
                {
                    stderr.WriteLine(d.Format(language));
                }
                return ExitCodes.Findings;
            }
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
            var target = new OutputTarget(parse.GetValue(output), stdout);
            var inputs = loads.SelectMany(static l => l.Files).Append(Path.GetFullPath(templateName)).Where(File.Exists);
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
