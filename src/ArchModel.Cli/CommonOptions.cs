using System.CommandLine;
using ArchModel.Diagnostics;

namespace ArchModel.Cli;

/// <summary>The options several commands share.</summary>
internal static class CommonOptions
{
    public static Argument<string> Model() => new("MODEL")
    {
        Description = "The root model file, e.g. models/demo-province/model.json / 根模型文件",
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Write to this file (atomically; never over an input) instead of standard output / 输出文件",
    };

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
        option.AcceptOnlyFromAmong("zh-CN", "zh", "en");
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
