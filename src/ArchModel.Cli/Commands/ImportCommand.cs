using System.CommandLine;
using System.Text;
using ArchModel.Localization;
using ArchModel.Diagnostics;
using ArchModel.Interop;
using ArchModel.Output;

namespace ArchModel.Cli.Commands;

/// <summary>
/// <c>archmodel import PATH --output DIR</c>: a workbook (.xlsx) or a folder of CSV files read into a model, validated as a JSON
/// model is, and written as JSON; every diagnostic located at its cell (docs/spreadsheets.md).
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("PATH") { Description = CliText.T("cli.help.import.path") };
        var output = new Option<string>("--output", "-o")
        {
            Description = CliText.T("cli.help.import.output"),
            Required = true,
        };
        var split = new Option<string>("--split")
        {
            Description = CliText.T("cli.help.import.split"),
            DefaultValueFactory = _ => "none",
        };
        split.AcceptOnlyFromAmong("none", "kind", "region");
        var force = new Option<bool>("--force") { Description = CliText.T("cli.help.import.force") };
        var lang = CommonOptions.Lang();
        var quiet = CommonOptions.Quiet();
        var command = new Command("import", CliText.T("cli.help.import"))
        {
            input, output, split, force, lang, quiet, CommonOptions.Verbose(),
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var result = SpreadsheetImport.Read(path);
            var language = CommonOptions.ResolveLanguage(parse.GetValue(lang), result.RootReadFailed ? null : result.Model?.Info.Language);
            // A count in the output language, with the English singular (key.one).
            string Count(string key, int n) => Texts.Format(n == 1 ? key + ".one" : key, language, n);
            var text = new StringBuilder();
            foreach (var d in result.Diagnostics)
            {
                text.Append(d.Format(language)).Append('\n');
            }
            stdout.Write(text.ToString());
            if (result.RootReadFailed)
            {
                return ExitCodes.FileError;
            }
            var errors = result.Diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Error);
            var warnings = result.Diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Warning);
            var folder = parse.GetValue(output)!;
            if (errors > 0 && !parse.GetValue(force))
            {
                if (!parse.GetValue(quiet))
                {
                    stdout.WriteLine(Texts.Format("cli.import.not-written", language, path, Count("cli.import.errors", errors), Count("cli.import.warnings", warnings)));
                }
                return ExitCodes.Findings;
            }
            var model = result.Model!;
            var files = ModelWriter.Write(model, new ModelWriterOptions
            {
                Order = ElementOrder.AsDefined,
                SchemaPath = "archmodel.schema.json",
                Split = parse.GetValue(split) switch { "kind" => ModelSplit.ByKind, "region" => ModelSplit.ByRegion, _ => ModelSplit.None },
            }).Append(new ModelFile("archmodel.schema.json", new UTF8Encoding(false).GetBytes(ModelSchema.Text))).ToList();
            var inputs = Directory.Exists(path)
                ? Directory.GetFiles(path, "*.csv").Select(Path.GetFullPath).ToList()
                : [Path.GetFullPath(path)];
            var error = Files.WriteAll(folder, files, inputs);
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            if (!parse.GetValue(quiet))
            {
                var count = model.Elements.Count();
                var root = Path.Combine(folder, files[0].Path).Replace('\\', '/');
                stdout.WriteLine(Texts.Format("cli.import.written", language, path, count, Count("cli.import.errors", errors), Count("cli.import.warnings", warnings),
                    root, Count("cli.import.files", files.Count - 1)));
            }
            return errors > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
