using System.CommandLine;
using System.CommandLine.Help;
using ArchModel.Cli.Commands;
using ArchModel.Output;

namespace ArchModel.Cli;

/// <summary>The <c>archmodel</c> command line: one command class per verb, each a library call plus formatting.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // The one place text is made safe for a terminal: every command, and System.CommandLine, writes through these.
        (stdout, stderr) = (SafeTextWriter.Wrap(stdout), SafeTextWriter.Wrap(stderr));
        // The command line's own texts follow --lang, else Chinese (CliText).
        using var ui = CliText.Use(args);
        // Named as installed, whatever the executable's file is called (ArchModel.Cli.dll under dotnet run and the tool shim).
        var root = new Command("archmodel", CliText.T("cli.help.archmodel"))
        {
            new HelpOption(),
            new VersionOption(),
            ValidateCommand.Create(stdout, stderr),
            AnalyzeCommand.Create(stdout, stderr),
            GenerateCommand.Create(stdout, stderr),
            DiagramCommand.Create(stdout, stderr),
            SchemaCommand.Create(stdout, stderr),
            InitCommand.Create(stdout, stderr),
            ReportCommand.Create(stdout, stderr),
            DiffCommand.Create(stdout, stderr),
            SiteCommand.Create(stdout, stderr),
            ExportCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            var name = command == root ? "archmodel" : $"archmodel {command.Name}";
            // One line: System.CommandLine lists allowed values on separate lines; fold them.
            var error = parse.Errors.FirstOrDefault(static e => e.Message.Contains("nrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            var message = string.Join(" ", error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            stderr.WriteLine($"{name}: {message}");
            stderr.WriteLine(CliText.T("cli.try-help", name));
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IOException e)
        {
            // Standard output or error could not be written (a full disk, `> /dev/full`, a closed pipe): not a bug.
            TryWriteLine(stderr, CliText.T("cli.cannot-write-output", e.Message));
            return ExitCodes.FileError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var verbose = args.Contains("--verbose");
            stderr.WriteLine(CliText.T("cli.internal-error", e.GetType().Name, e.Message));
            stderr.WriteLine(CliText.T("cli.internal-error.report", ToolInfo.Version, ToolInfo.InformationUri) + (verbose ? "" : CliText.T("cli.internal-error.verbose")));
            if (verbose)
            {
                stderr.WriteLine(e.ToString());
            }
            return ExitCodes.InternalError;
        }
    }

    private static void TryWriteLine(TextWriter writer, string line)
    {
        try
        {
            writer.WriteLine(line);
        }
        catch (IOException)
        {
            // Standard error is gone too; the exit code says it.
        }
    }
}

/// <summary>The exit codes of every command (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success, and nothing at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;
    /// <summary>The model has diagnostics or findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;
    /// <summary>Wrong usage.</summary>
    public const int Usage = 2;
    /// <summary>An input or output file could not be read or written.</summary>
    public const int FileError = 3;
    /// <summary>An internal error (a bug).</summary>
    public const int InternalError = 4;
}
