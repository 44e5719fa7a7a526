using ArchModel.Localization;
using System.CommandLine;
using ArchModel.Diagnostics;

namespace ArchModel.Cli;

/// <summary>The options several commands share.</summary>
internal static class CommonOptions
{
    public static Argument<string> Model() => NotEmpty(new Argument<string>("MODEL")
    {
        Description = CliText.T("cli.help.common.model"),
    });

    public static Option<string?> Output() => NotEmpty(new Option<string?>("--output", "-o")
    {
        Description = CliText.T("cli.help.common.output"),
    });

    /// <summary>Makes an empty path (<c>""</c>, or one with a null character) wrong usage, exit 2, rather than a crash.</summary>
    public static Argument<string> NotEmpty(Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !IsPath(value))
            {
                result.AddError(CliText.T("cli.path-empty", argument.Name));
            }
        });
        return argument;
    }

    /// <inheritdoc cref="NotEmpty(Argument{string})"/>
    public static Option<T> NotEmpty<T>(Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is string value && !IsPath(value))
            {
                result.AddError(CliText.T("cli.path-empty", option.Name));
            }
        });
        return option;
    }

    private static bool IsPath(string value) => value.Length > 0 && !value.Contains('\0', StringComparison.Ordinal);

    /// <summary>
    /// The root model file a MODEL argument names: the file itself, or <c>model.json</c> in a folder (as <c>init</c>
    /// writes it). A folder without one is an error (exit 3) that says what it holds.
    /// </summary>
    public static string? ResolveModel(string path, TextWriter stderr)
    {
        if (!Directory.Exists(path))
        {
            return path;
        }
        var model = Path.Combine(path, "model.json");
        if (File.Exists(model))
        {
            return model;
        }
        List<string> json;
        try
        {
            json = Directory.EnumerateFiles(path, "*.json").Select(static f => Path.GetFileName(f)).Order(StringComparer.Ordinal).Take(5).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            json = [];
        }
        var hint = json.Count == 0 ? "" : CliText.T("cli.folder-without-model.json-files", string.Join(", ", json));
        stderr.WriteLine(CliText.T("cli.folder-without-model", path, hint));
        return null;
    }

    public static Option<string> Format(string defaultValue, params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = CliText.T("cli.help.common.format", string.Join(", ", formats)),
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<string?> Lang()
    {
        var option = new Option<string?>("--lang")
        {
            Description = CliText.T("cli.help.common.lang", string.Join(", ", Texts.All.Select(static t => t.Tag))),
        };
        // Every language's tag and the other names its table accepts (Localization/TextTable.cs).
        option.AcceptOnlyFromAmong([.. Texts.All.SelectMany(static t => t.Aliases.Prepend(t.Tag))]);
        return option;
    }

    public static Option<string> FailOn()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = CliText.T("cli.help.common.fail-on"),
            DefaultValueFactory = _ => "error",
        };
        option.AcceptOnlyFromAmong("error", "warning", "never");
        return option;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = CliText.T("cli.help.common.quiet"),
    };

    public static Option<bool> Verbose() => new("--verbose")
    {
        Description = CliText.T("cli.help.common.verbose"),
    };

    /// <summary>The language asked for, else the model's, else Chinese.</summary>
    public static Language ResolveLanguage(string? option, Language? modelLanguage)
    {
        if (option is not null && LanguageTags.TryParse(option, out var language))
        {
            return language;
        }
        return modelLanguage ?? Language.Chinese;
    }

    /// <summary>Whether a severity reaches the <c>--fail-on</c> threshold.</summary>
    public static bool Fails(DiagnosticSeverity severity, string failOn) => failOn switch
    {
        "never" => false,
        "warning" => severity >= DiagnosticSeverity.Warning,
        _ => severity >= DiagnosticSeverity.Error,
    };
}
