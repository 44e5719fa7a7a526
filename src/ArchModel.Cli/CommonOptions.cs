using ArchModel.Localization;
using System.CommandLine;
using ArchModel.Diagnostics;

namespace ArchModel.Cli;

/// <summary>The options several commands share.</summary>
internal static class CommonOptions
{
    public static Argument<string> Model() => NotEmpty(new Argument<string>("MODEL")
    {
        Description = "The root model file, or a folder holding model.json, e.g. models/demo-province / 根模型文件或其所在文件夹",
    });

    public static Option<string?> Output() => NotEmpty(new Option<string?>("--output", "-o")
    {
        Description = "Write to this file (atomically; never over an input) instead of standard output / 输出文件",
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
            Description = $"Output format: {string.Join(", ", formats)} / 输出格式",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<string?> Lang()
    {
        var option = new Option<string?>("--lang")
        {
            Description = "Language of messages: zh-CN or en (default: the model's language) / 语言",
        };
        // Every language's tag and the other names its table accepts (Localization/TextTable.cs).
        option.AcceptOnlyFromAmong([.. Texts.All.SelectMany(static t => t.Aliases.Prepend(t.Tag))]);
        return option;
    }

    public static Option<string> FailOn()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a diagnostic or finding is at or above: error, warning, never / 失败阈值",
            DefaultValueFactory = _ => "error",
        };
        option.AcceptOnlyFromAmong("error", "warning", "never");
        return option;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print only the diagnostics, no summary / 仅输出诊断",
    };

    public static Option<bool> Verbose() => new("--verbose")
    {
        Description = "Show details of internal errors / 显示内部错误详情",
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
