using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Cli;

/// <summary>
/// The command line's own texts (usage errors, I/O messages, what a command reports having done): table keys
/// <c>cli.*</c> (docs/localization.md), in the command line's language: <c>--lang</c> when given, else Chinese, the
/// default (docs/cli.md). A command's outputs (diagnostics, reports, the analysis) are in the output language,
/// which falls back to the model's language before Chinese.
/// </summary>
internal static class CliText
{
    // Per run of the command line (tests run several in one process at once): set by CliApp.Run for its duration.
    private static readonly AsyncLocal<Language> Current = new();

    /// <summary>The command line's language for this run.</summary>
    public static Language Language => Current.Value;

    /// <summary>Sets the command line's language from the arguments (<c>--lang X</c> or <c>--lang=X</c>) for this run;
    /// dispose to restore the one before.</summary>
    public static IDisposable Use(string[] args)
    {
        var before = Current.Value;
        var language = Language.Chinese;
        for (var i = 0; i < args.Length; i++)
        {
            var tag = args[i] == "--lang" && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) ? args[i]["--lang=".Length..] : null;
            if (tag is not null && LanguageTags.TryParse(tag, out var asked))
            {
                language = asked;
            }
        }
        Current.Value = language;
        return new Restore(before);
    }

    /// <summary>The text of <paramref name="key"/> in the command line's language.</summary>
    public static string T(string key, params object?[] args) => Texts.Format(key, Language, args);

    /// <summary>A count with the English singular where the language has one (<c>key.one</c>).</summary>
    public static string Count(string key, long n) => T(n == 1 ? key + ".one" : key, n);

    private sealed class Restore(Language before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
