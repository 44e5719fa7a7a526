using System.CommandLine;
using ArchModel.Diagnostics;
using ArchModel.Loading;
using ArchModel.Planning;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel diff BEFORE AFTER</c>: compare an as-is and a to-be model; print the changes, metric and finding deltas and the ordered migration plan.</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var before = CommonOptions.NotEmpty(new Argument<string>("BEFORE") { Description = "The as-is root model file (or its folder) / 现状模型根文件" });
        var after = CommonOptions.NotEmpty(new Argument<string>("AFTER") { Description = "The to-be root model file (or its folder) / 目标架构模型根文件" });
        var format = CommonOptions.Format("text", "text", "json", "md");
        var output = CommonOptions.Output();
        var lang = CommonOptions.Lang();
        var verbose = CommonOptions.Verbose();
        var command = new Command("diff", "Compare an as-is and a to-be model: changes, metric deltas, ordered migration steps / 比较现状与目标架构，生成迁移计划")
        {
            before, after, format, output, lang, verbose,
        };
        command.SetAction(parse =>
        {
            var beforePath = CommonOptions.ResolveModel(parse.GetValue(before)!, stderr);
            var afterPath = CommonOptions.ResolveModel(parse.GetValue(after)!, stderr);
            if (beforePath is null || afterPath is null)
            {
                return ExitCodes.FileError;
            }
            var loads = new[] { ModelLoader.LoadFile(beforePath), ModelLoader.LoadFile(afterPath) };
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), loads[1].Model?.Info.Language ?? loads[0].Model?.Info.Language);
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
                stderr.WriteLine(language == Language.English
                    ? "archmodel diff: the models have errors; fix them first (archmodel validate)."
                    : "archmodel diff：模型存在错误，请先修正（archmodel validate）。");
                return ExitCodes.Findings;
            }
            var diff = ModelDiff.Compare(loads[0].Model!, loads[1].Model!);
            var plan = MigrationPlanner.Plan(diff);
            var inputs = loads.SelectMany(static l => l.Files).ToList();
            var target = new OutputTarget(parse.GetValue(output), stdout);
            var error = parse.GetValue(format) switch
            {
                "json" => target.Write(s => DiffOutput.WriteJson(s, diff, plan, language), inputs),
                "md" => target.WriteText(DiffOutput.Markdown(diff, plan, language), inputs),
                _ => target.WriteText(DiffOutput.Text(diff, plan, language), inputs),
            };
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
