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
        var before = CommonOptions.NotEmpty(new Argument<string>("BEFORE") { Description = CliText.T("cli.help.diff.before") });
        var after = CommonOptions.NotEmpty(new Argument<string>("AFTER") { Description = CliText.T("cli.help.diff.after") });
        var format = CommonOptions.Format("text", "text", "json", "md");
        var output = CommonOptions.Output();
        var lang = CommonOptions.Lang();
        var verbose = CommonOptions.Verbose();
        var all = new Option<bool>("--all")
        {
            Description = CliText.T("cli.help.diff.all"),
        };
        var command = new Command("diff", CliText.T("cli.help.diff"))
        {
            before, after, format, output, lang, all, verbose,
        };
        command.SetAction(parse =>
        {
            // The language of the to-be model first: the plan is written for it.
            if (ModelInputs.LoadOrFail("diff", [parse.GetValue(before)!, parse.GetValue(after)!], parse.GetValue(lang), stderr,
                out var loads, out var language, languageFrom: 1) is { } failed)
            {
                return failed;
            }
            var diff = ModelDiff.Compare(loads[0].Model!, loads[1].Model!);
            var plan = MigrationPlanner.Plan(diff);
            var inputs = loads.SelectMany(static l => l.Files).ToList();
            var target = new OutputTarget(parse.GetValue(output), stdout);
            var error = parse.GetValue(format) switch
            {
                "json" => target.Write(s => DiffOutput.WriteJson(s, diff, plan, language), inputs),
                "md" => target.WriteText(DiffOutput.Markdown(diff, plan, language, parse.GetValue(all)), inputs),
                _ => target.WriteText(DiffOutput.Text(diff, plan, language, parse.GetValue(all)), inputs),
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
