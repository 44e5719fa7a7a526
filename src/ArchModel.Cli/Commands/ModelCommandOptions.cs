using System.CommandLine;
using ArchModel.Diagnostics;
using ArchModel.Loading;

namespace ArchModel.Cli.Commands;

/// <summary>
/// The arguments <c>validate</c> and <c>analyze</c> share — the model, <c>--format</c>, <c>--fail-on</c>,
/// <c>--output</c>, <c>--lang</c>, <c>--quiet</c>, <c>--verbose</c> — and the way both load the model.
/// </summary>
internal sealed class ModelCommandOptions
{
    public Argument<string> Model { get; } = CommonOptions.Model();

    public Option<string> Format { get; } = CommonOptions.Format("text", "text", "json", "sarif");

    public Option<string> FailOn { get; } = CommonOptions.FailOn();

    public Option<string?> Output { get; } = CommonOptions.Output();

    public Option<string?> Lang { get; } = CommonOptions.Lang();

    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>A command with these arguments.</summary>
    public Command Command(string name, string description) =>
        new(name, description) { Model, Format, FailOn, Output, Lang, Quiet, Verbose };

    /// <summary>
    /// Loads the model. When its root file cannot be read, prints why and returns <see cref="ExitCodes.FileError"/>;
    /// otherwise returns <see langword="null"/> with the load and the language to write in.
    /// </summary>
    public int? Load(ParseResult parse, TextWriter stderr, out LoadResult load, out Language language)
    {
        if (CommonOptions.ResolveModel(parse.GetValue(Model)!, stderr) is not { } path)
        {
            load = null!;
            language = CommonOptions.ResolveLanguage(parse.GetValue(Lang), null);
            return ExitCodes.FileError;
        }
        load = ModelLoader.LoadFile(path);
        language = CommonOptions.ResolveLanguage(parse.GetValue(Lang), load.Model?.Info.Language);
        if (!load.RootReadFailed)
        {
            return null;
        }
        foreach (var d in load.Diagnostics)
        {
            stderr.WriteLine(d.Format(language));
        }
        return ExitCodes.FileError;
    }
}
