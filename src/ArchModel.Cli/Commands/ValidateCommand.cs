using System.CommandLine;
using ArchModel.Diagnostics;
using ArchModel.Loading;
using ArchModel.Output;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel validate MODEL</c>: load and validate a model; print its diagnostics.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = CommonOptions.Model();
        var format = CommonOptions.Format("text", "text", "json", "sarif");
        var failOn = CommonOptions.FailOn();
        var output = CommonOptions.Output();
        var lang = CommonOptions.Lang();
        var quiet = CommonOptions.Quiet();
        var verbose = CommonOptions.Verbose();
        var command = new Command("validate", "Load and validate a model; print its diagnostics / 加载并校验模型")
        {
            model, format, failOn, output, lang, quiet, verbose,
        };
        command.SetAction(parse =>
        {
            var result = ModelLoader.LoadFile(parse.GetValue(model)!);
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), result.Model?.Info.Language);
            if (result.RootReadFailed)
            {
                foreach (var d in result.Diagnostics)
                {
                    stderr.WriteLine(d.Format(language));
                }
                return ExitCodes.FileError;
            }
            var target = new OutputTarget(parse.GetValue(output), stdout);
            var error = parse.GetValue(format) switch
            {
                "json" => target.Write(s => JsonOutput.WriteValidation(s, result, language), result.Files),
                "sarif" => target.Write(s => SarifOutput.WriteDiagnostics(s, result.Diagnostics, language), result.Files),
                _ => target.WriteText(TextOutput.Diagnostics(result, language, parse.GetValue(quiet)), result.Files),
            };
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            var threshold = parse.GetValue(failOn)!;
            return result.Diagnostics.Any(d => CommonOptions.Fails(d.Severity, threshold)) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The plain-text outputs: one compiler-style line per diagnostic, then a summary.</summary>
internal static class TextOutput
{
    public static string Diagnostics(LoadResult result, Language language, bool quiet)
    {
        var text = new System.Text.StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            text.Append(d.Format(language)).Append('\n');
        }
        if (!quiet)
        {
            text.Append(Summary(result, language)).Append('\n');
        }
        return text.ToString();
    }

    public static string Summary(LoadResult result, Language language)
    {
        var errors = result.Diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Warning);
        var infos = result.Diagnostics.Count - errors - warnings;
        var name = result.Model?.Info.Name ?? result.Model?.Info.Id ?? "";
        var files = result.Files.Count;
        if (language == Language.English)
        {
            var verdict = errors == 0 ? "valid" : "invalid";
            return $"{name} ({files} file{(files == 1 ? "" : "s")}): {verdict}, {errors} error{Plural(errors)}, {warnings} warning{Plural(warnings)}" +
                (infos > 0 ? $", {infos} info" : "") + ".";
        }
        var zhVerdict = errors == 0 ? "校验通过" : "校验未通过";
        return $"{name}（{files} 个文件）：{zhVerdict}，{errors} 个错误，{warnings} 个警告" + (infos > 0 ? $"，{infos} 条提示" : "") + "。";
    }

    private static string Plural(int n) => n == 1 ? "" : "s";
}
