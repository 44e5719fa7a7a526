using System.CommandLine;
using ArchModel.Output;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel schema</c>: print the JSON Schema of the model format.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = CommonOptions.Output();
        var command = new Command("schema", CliText.T("cli.help.schema")) { output };
        command.SetAction(parse =>
        {
            var error = new OutputTarget(parse.GetValue(output), stdout).WriteText(ModelSchema.Text, []);
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
