using System.CommandLine;
using ArchModel.Diagnostics;
using ArchModel.Interop;
using ArchModel.Loading;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel export MODEL --format xlsx|csv --output PATH</c>: the model as a workbook or a folder of CSV files (docs/spreadsheets.md).</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<string?>("MODEL")
        {
            Description = CliText.T("cli.help.export.model"),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = CommonOptions.Format("xlsx", "xlsx", "csv");
        var output = new Option<string>("--output", "-o")
        {
            Description = CliText.T("cli.help.export.output"),
            Required = true,
        };
        var template = new Option<bool>("--template") { Description = CliText.T("cli.help.export.template") };
        var lang = CommonOptions.Lang();
        var command = new Command("export", CliText.T("cli.help.export"))
        {
            model, format, output, template, lang, CommonOptions.Verbose(),
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var modelPath = parse.GetValue(model);
            LoadResult? load = null;
            Language language;
            if (parse.GetValue(template))
            {
                if (modelPath is not null)
                {
                    stderr.WriteLine(CliText.T("cli.export.template-no-model"));
                    return ExitCodes.Usage;
                }
                language = CommonOptions.ResolveLanguage(parse.GetValue(lang), null);
            }
            else
            {
                if (modelPath is null)
                {
                    stderr.WriteLine(CliText.T("cli.export.no-model"));
                    return ExitCodes.Usage;
                }
                if (ModelInputs.LoadOrFail("export", [modelPath], parse.GetValue(lang), stderr, out var loads, out language) is { } failed)
                {
                    return failed;
                }
                load = loads[0];
            }
            var inputs = load?.Files.Select(static f => Path.GetFullPath(f)).ToList() ?? [];
            string? error;
            if (parse.GetValue(format) == "csv")
            {
                error = Files.WriteAll(path, SpreadsheetExport.WriteCsv(load?.Model, language), inputs);
            }
            else
            {
                error = new OutputTarget(path, stdout).Write(s => SpreadsheetExport.WriteXlsx(load?.Model, s, language), inputs);
            }
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

/// <summary>Writes several files into a folder, each atomically, never over an input.</summary>
internal static class Files
{
    /// <summary>Writes <paramref name="files"/> under <paramref name="folder"/>; returns an error message (exit code 3) or null.</summary>
    public static string? WriteAll(string folder, IReadOnlyList<ModelFile> files, IReadOnlyCollection<string> inputs)
    {
        var targets = files.Select(f => Path.GetFullPath(Path.Combine(folder, f.Path))).ToList();
        if (targets.FirstOrDefault(t => inputs.Contains(t, StringComparer.Ordinal)) is { } clash)
        {
            return CliText.T("cli.output.input-file", clash);
        }
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(targets[i])!);
                var error = new OutputTarget(targets[i], TextWriter.Null).Write(s => s.Write(files[i].Content), inputs);
                if (error is not null)
                {
                    return error;
                }
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CliText.T("cli.output.into-folder", folder, e.Message);
        }
    }
}
