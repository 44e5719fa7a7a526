using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using ArchModel.Output;
using ArchModel.Planning;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ArchModel.Documents;

/// <summary>
/// Writes planning documents (顶层设计现状评估, 问题清单, 绩效评价, 政务信息资源目录) from Scriban templates: the
/// library's documents entry point.
/// </summary>
/// <example>
/// <code>
/// var model = ModelLoader.LoadFile("models/demo-province/model.json").Model!;
/// var result = ReportGenerator.Render(model, Analyzer.Analyze(model),
///     new ReportOptions { Template = "overview", Format = DocumentFormat.Html, Language = Language.English });
/// File.WriteAllText("overview.html", result.Text);
/// </code>
/// </example>
/// <remarks>
/// Stateless and thread-safe. The same model, analysis and options give the same bytes: the date shown is the
/// model's <c>asOf</c> (or <see cref="ReportOptions.GeneratedOn"/>), never the clock. Templates see only the view
/// model (docs/documents.md); every value they write is escaped for the format (HTML or Markdown) unless it is
/// library-built markup. A template's loops, recursion, output and running time are bounded by <see cref="ReportOptions.Limits"/>,
/// and it reads no file outside its own folder. Problems with a template are returned as located diagnostics,
/// never thrown.
/// </remarks>
public static class ReportGenerator
{
    /// <summary>The names of the built-in templates, each available as Markdown and HTML, in ordinal order.</summary>
    /// <remarks>
    /// Read from the templates embedded in the library (<c>Documents/Templates/NAME.sbn-md</c> and <c>NAME.sbn-html</c>;
    /// names starting with <c>_</c> are partials): the template files register themselves, so a new built-in template
    /// is its two files. One that compares two models is also named in <see cref="BaselineTemplates"/>.
    /// </remarks>
    public static IReadOnlyList<string> BuiltInTemplates { get; } = TemplateLoader.BuiltInFiles
        .Where(static f => !f.StartsWith('_') && f.EndsWith(".sbn-md", StringComparison.Ordinal))
        .Select(static f => f[..^".sbn-md".Length])
        .Where(static name => TemplateLoader.BuiltInFiles.Contains(name + ".sbn-html", StringComparer.Ordinal))
        .ToArray();

    /// <summary>The built-in templates that need <see cref="ReportOptions.Baseline"/> (the as-is model): <c>roadmap</c>.</summary>
    public static IReadOnlyList<string> BaselineTemplates { get; } = ["roadmap"];

    /// <summary>Whether <paramref name="template"/> is a built-in template that needs <see cref="ReportOptions.Baseline"/>.</summary>
    public static bool NeedsBaseline(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return BaselineTemplates.Contains(template, StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="template"/> names a built-in template rather than a file.</summary>
    public static bool IsBuiltIn(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return BuiltInTemplates.Contains(template, StringComparer.Ordinal);
    }

    /// <summary>Renders a document.</summary>
    /// <param name="model">The model.</param>
    /// <param name="analysis">Its analysis (<see cref="Analyzer.Analyze(ArchitectureModel, AnalysisOptions?, CancellationToken)"/>), for findings and metrics.</param>
    /// <param name="options">Template, format, language, date, diagrams and limits; default: the Markdown overview in the model's language.</param>
    /// <param name="cancellationToken">Stops rendering.</param>
    /// <returns>The document, or the diagnostics that stopped it (AM0101–AM0106; AM0106 when the template is <c>roadmap</c>
    /// and <see cref="ReportOptions.Baseline"/> is not given).</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ReportResult Render(ArchitectureModel model, AnalysisResult analysis, ReportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= new ReportOptions();
        var language = options.Language ?? model.Info.Language;
        var format = options.Format;
        // The limits guard against templates written by others. The built-in templates are the library's own
        // code, and their loops grow with the model (a national model has 130,000 agencies), so unless the caller
        // chose limits of its own they run with limits sized for the largest models.
        var limits = ReferenceEquals(options.Limits, TemplateLimits.Default) && IsBuiltIn(options.Template)
            ? TemplateLimits.BuiltIn
            : options.Limits;
        if (NeedsBaseline(options.Template) && options.Baseline is null)
        {
            // Which template a user chose is content, like the template's text: a diagnostic, not an exception.
            return new ReportResult(null, [new Diagnostic(DocumentDiagnostics.BaselineMissing, DiagnosticSeverity.Error, Texts.Of("report-error.baseline-missing", options.Template), null)]);
        }

        // Find and read the template.
        string text;
        string spanName;
        TemplateLoader loader;
        if (IsBuiltIn(options.Template))
        {
            var file = options.Template + TemplateLoader.Extension(format);
            text = TemplateLoader.ReadBuiltIn(file) ?? throw new InvalidOperationException($"Built-in template {file} is not embedded.");
            spanName = TemplateLoader.BuiltInPrefix + file;
            loader = new TemplateLoader(null, null, format, limits.MaxTemplateBytes);
        }
        else
        {
            var path = options.Template;
            var full = Path.GetFullPath(path);
            var error = TemplateFiles.Read(full, limits.MaxTemplateBytes, out text);
            if (error is not null)
            {
                var names = string.Join(", ", BuiltInTemplates);
                return new ReportResult(null, [new Diagnostic(DocumentDiagnostics.TemplateNotFound, DiagnosticSeverity.Error,
                    LocalizedText.Compose((path, names, error), static (s, language) =>
                        Texts.Format("report-error.not-found", language, s.path, s.names, s.error[language])), null)]);
            }
            var shown = path.Replace('\\', '/');
            var folder = Path.GetDirectoryName(full)!;
            loader = new TemplateLoader(folder, Path.GetDirectoryName(path) ?? "", format, limits.MaxTemplateBytes);
            loader.RegisterDisplay(full, shown);
            spanName = full;
        }

        var template = Template.Parse(text, spanName);
        if (template.HasErrors)
        {
            return Failed(template.Messages.Where(static m => m.Type == ParserMessageType.Error)
                .Select(m => SyntaxDiagnostic(m, loader)));
        }

        var diagrams = options.Diagrams?.GetDiagrams(new DiagramRequest(model, analysis, language, format)) ?? [];
        ModelDiff? diff = null;
        MigrationPlan? plan = null;
        if (options.Baseline is { } baseline)
        {
            diff = ModelDiff.Compare(baseline, model, cancellationToken: cancellationToken);
            plan = MigrationPlanner.Plan(diff, cancellationToken);
        }
        // The time limit runs from here: the view model is built as the template reads it, so it counts too.
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timed = limits.Timeout != Timeout.InfiniteTimeSpan;
        if (timed)
        {
            timeLimit.CancelAfter(limits.Timeout);
        }
        var context = CreateContext(format, limits, loader, timeLimit.Token);
        if (timed)
        {
            context.Deadline = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        }
        var globals = new LazyScriptObject();
        ViewModelBuilder.Fill(globals, model, analysis, language, format, options.GeneratedOn,
            IsBuiltIn(options.Template) ? options.Template : Path.GetFileName(options.Template), diagrams, diff, plan,
            options.ListAll, string.IsNullOrWhiteSpace(options.SiteBase) ? null : options.SiteBase.Trim());
        AddFunctions(globals, format, language);
        context.PushGlobal(globals);
        try
        {
            var output = template.Render(context);
            return new ReportResult(output, []);
        }
        catch (ScriptParserRuntimeException e)
        {
            return Failed(e.ParserMessages.Where(static m => m.Type == ParserMessageType.Error).Select(m => SyntaxDiagnostic(m, loader)));
        }
        catch (ScriptAbortException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ScriptRuntimeException e) when (timed && (timeLimit.IsCancellationRequested || e.InnerException is RegexMatchTimeoutException))
        {
            // Stopped by the time limit: in a loop or a function call (Scriban checks the token at each step), or in
            // a regular expression given only the time that was left.
            return Failed([TimeoutDiagnostic(limits.Timeout, Locate(context.FirstErrorSpan ?? Innermost(e).Span, loader))]);
        }
        catch (ScriptRuntimeException e)
        {
            var located = Innermost(e);
            var access = located is TemplateAccessException;
            var message = located.OriginalMessage;
            return Failed([new Diagnostic(
                access ? DocumentDiagnostics.TemplateAccess : DocumentDiagnostics.TemplateRuntime, DiagnosticSeverity.Error,
                Texts.Of(access ? "report-error.access" : "report-error.runtime", located is TemplateAccessException refused ? refused.Reason : message),
                Locate(located.Span, loader))]);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // Scriban's allocation guards (string size) throw this; it is a limit reached, not a bug.
            return Failed([new Diagnostic(DocumentDiagnostics.TemplateRuntime, DiagnosticSeverity.Error,
                Texts.Of("report-error.runtime", e.Message),
                context.CurrentNode is { } node ? Locate(node.Span, loader) : null)]);
        }
    }

    private static Diagnostic TimeoutDiagnostic(TimeSpan limit, SourceLocation location)
    {
        var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new Diagnostic(DocumentDiagnostics.TemplateTimeout, DiagnosticSeverity.Error,
            Texts.Of("report-error.timeout", seconds),
            location);
    }

    private static ScriptRuntimeException Innermost(ScriptRuntimeException e)
    {
        var current = e;
        while (current.InnerException is ScriptRuntimeException inner)
        {
            current = inner;
        }
        return current;
    }

    private static EscapingTemplateContext CreateContext(DocumentFormat format, TemplateLimits limits,
        TemplateLoader loader, CancellationToken cancellationToken)
    {
        var context = new EscapingTemplateContext(format)
        {
            TemplateLoader = loader,
            LoopLimit = limits.LoopLimit,
            LoopLimitQueryable = limits.LoopLimit,
            RecursiveLimit = limits.RecursionLimit,
            LimitToString = limits.MaxOutputChars,
            OutputLimit = limits.MaxOutputChars,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            OnStringLimit = ScriptLimitBehavior.Throw,
            MemberFilter = NoMembers.Filter,
            NewLine = "\n",
            StrictVariables = false,
            CancellationToken = cancellationToken,
        };
        context.PushCulture(CultureInfo.InvariantCulture);
        // Scriban's include, whose (already escaped) output is passed through as is; and no clock.
        context.BuiltinObject.SetValue("include", new RawIncludeFunction(), true);
        if (context.BuiltinObject["date"] is ScriptObject date)
        {
            date.Remove("now");
            date.SetValue("now", null, true);
        }
        return context;
    }

    private static void AddFunctions(ScriptObject globals, DocumentFormat format, Language language)
    {
        globals.Import("t", new Func<string, object[], string>((key, args) => DocumentText.Get(key, language, args)));
        globals.Import("raw", new Func<object?, RawText>(static value => new RawText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")));
        globals.Import("code", new Func<object?, RawText>(value =>
        {
            var s = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            return new RawText(format == DocumentFormat.Html ? "<code>" + EscapingTemplateContext.Html(s) + "</code>" : MarkdownEscaper.Code(s));
        }));
        globals.Import("percent", new Func<double, string>(static v => Labels.Percent(v)));
        globals.Import("money", new Func<double, string>(v => Labels.Money(v, language)));
        globals.Import("number", new Func<double, string>(static v => Labels.Number(v)));
    }

    private static ReportResult Failed(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        list.Sort(Diagnostic.Order);
        return new ReportResult(null, list);
    }

    private static Diagnostic SyntaxDiagnostic(LogMessage m, TemplateLoader loader) =>
        new(DocumentDiagnostics.TemplateSyntax, DiagnosticSeverity.Error,
            Texts.Of("report-error.syntax", m.Message), Locate(m.Span, loader));

    private static SourceLocation Locate(SourceSpan span, TemplateLoader loader) =>
        new(loader.Display(span.FileName ?? ""), span.Start.Line + 1, span.Start.Column + 1, "");
}
