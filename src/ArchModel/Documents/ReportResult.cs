using ArchModel.Diagnostics;

namespace ArchModel.Documents;

/// <summary>A rendered document, or the diagnostics that stopped it.</summary>
/// <param name="Text">The document, or <see langword="null"/> when the template could not be found, parsed or run.</param>
/// <param name="Diagnostics">Template diagnostics (AM0101–AM0106), each located in the template file where possible.</param>
public sealed record ReportResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether a document was written.</summary>
    public bool Succeeded => Text is not null;

    /// <summary>Whether any diagnostic is an error (then <see cref="Text"/> is <see langword="null"/>), as on every result.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Whether the template itself could not be found or read (AM0104): an input file problem, not a template error.</summary>
    public bool TemplateNotFound => Diagnostics.Any(static d => d.Code == DocumentDiagnostics.TemplateNotFound);
}

/// <summary>The codes of the template diagnostics, AM0101–AM0106 (the AM01xx family is the documents').</summary>
public static class DocumentDiagnostics
{
    /// <summary>AM0101: the template (or a template it includes) has a syntax error.</summary>
    public const string TemplateSyntax = "AM0101";

    /// <summary>AM0102: the template failed while running, or reached a limit (loops, recursion, output size).</summary>
    public const string TemplateRuntime = "AM0102";

    /// <summary>AM0103: an include was refused (outside the template's folder) or not found.</summary>
    public const string TemplateAccess = "AM0103";

    /// <summary>AM0104: the template named is neither a built-in template nor a readable file.</summary>
    public const string TemplateNotFound = "AM0104";

    /// <summary>AM0105: the template ran longer than its time limit (<see cref="TemplateLimits.Timeout"/>) and was stopped.</summary>
    public const string TemplateTimeout = "AM0105";

    /// <summary>AM0106: the template compares two models (<see cref="ReportGenerator.NeedsBaseline"/>) and
    /// <see cref="ReportOptions.Baseline"/>, the as-is model, was not given.</summary>
    public const string BaselineMissing = "AM0106";

    /// <summary>The descriptors of AM0101–AM0106, in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new(TemplateSyntax, new("模板语法错误", "Template syntax error"),
            new("模板不是有效的 Scriban 语法；按位置修正。", "The template is not valid Scriban; fix it at the location given."), DiagnosticSeverity.Error),
        new(TemplateRuntime, new("模板运行错误", "Template runtime error"),
            new("模板运行时出错，或超出了循环、递归、输出大小的限制。", "The template failed while running, or exceeded its loop, recursion or output limit."), DiagnosticSeverity.Error),
        new(TemplateAccess, new("模板文件访问被拒绝", "Template file access refused"),
            new("模板只能引入自身所在文件夹（含子文件夹）中的文件或内置模板。", "A template may include only files in its own folder (or below it) and built-in templates."), DiagnosticSeverity.Error),
        new(TemplateNotFound, new("模板不存在", "Template not found"),
            new("模板名既不是内置模板，也不是可读取的文件。", "The template is neither a built-in name nor a readable file."), DiagnosticSeverity.Error),
        new(TemplateTimeout, new("模板运行超时", "Template time limit reached"),
            new("模板运行时间超过上限（默认 30 秒）被停止，位置是停止时正在运行的循环或函数调用；检查其中的循环和正则表达式，或用 --template-timeout 放宽上限。",
                "The template ran longer than its time limit (30 seconds by default) and was stopped where it was running; check the loops and regular expressions there, or raise the limit with --template-timeout."), DiagnosticSeverity.Error),
        new(BaselineMissing, new("缺少基线模型", "Baseline model missing"),
            new("该模板比较两个模型（现状与目标），需要现状模型作为基线（--baseline）。", "The template compares two models (as-is and to-be) and needs the as-is model as its baseline (--baseline)."), DiagnosticSeverity.Error),
    ];
}
