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
        var options = new ModelCommandOptions();
        var command = options.Command("validate", CliText.T("cli.help.validate"));
        command.SetAction(parse =>
        {
            if (options.Load(parse, stderr, out var result, out var language) is { } failed)
            {
                return failed;
            }
            var target = new OutputTarget(parse.GetValue(options.Output), stdout);
            var error = parse.GetValue(options.Format) switch
            {
                "json" => target.Write(s => JsonOutput.WriteValidation(s, result, language), result.Files),
                "sarif" => target.Write(s => SarifOutput.WriteDiagnostics(s, result.Diagnostics, language), result.Files),
                _ => target.WriteText(TextOutput.Diagnostics(result, language, parse.GetValue(options.Quiet)), result.Files),
            };
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            var threshold = parse.GetValue(options.FailOn)!;
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
        // An unknown property (a column, a sheet, a model key) is a warning, yet what it holds is left out of the model:
        // a misspelt "ownr" leaves a system without its owner's data, and everything said of the model may miss it.
        // Said when it would otherwise read "valid"; an invalid model is doubtful anyway.
        var ignored = errors > 0 ? 0 : result.Diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Warning && d.Code == DiagnosticCodes.UnknownProperty);
        var name = result.Model?.Info.Name ?? result.Model?.Info.Id ?? "";
        var files = result.Files.Count;
        string T(string key, params object?[] args) => Localization.Texts.Format(key, language, args);
        string Count(string key, int n) => T(n == 1 ? key + ".one" : key, n);
        return T("cli.validate.summary", name, Count("cli.validate.files", files),
            T(errors > 0 ? "cli.validate.invalid" : ignored > 0 ? "cli.validate.doubtful" : "cli.validate.valid"),
            Count("cli.analyze.errors", errors), Count("cli.analyze.warnings", warnings), infos > 0 ? T("cli.analyze.and-infos", infos) : "",
            ignored > 0 ? Count("cli.validate.ignored", ignored) : "");
    }
}
