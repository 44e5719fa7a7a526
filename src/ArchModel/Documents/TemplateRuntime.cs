using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Output;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ArchModel.Documents;

/// <summary>Text a template writes as it is, without escaping: markup the library built itself.</summary>
internal sealed class RawText(string text)
{
    public string Text { get; } = text;

    public override string ToString() => Text;
}

/// <summary>
/// A template context that escapes every value an expression writes (<c>{{ x }}</c>) for the document's
/// format, so that no model-supplied string can become markup. Literal template text, <see cref="RawText"/>
/// and captured output (already escaped when it was written) pass unchanged.
/// </summary>
internal sealed class EscapingTemplateContext(DocumentFormat format) : TemplateContext
{
    public DocumentFormat Format { get; } = format;

    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawText raw => base.Write(span, raw.Text),
        IScriptOutput => base.Write(span, textAsObject),
        bool or int or long or double or float or decimal => base.Write(span, textAsObject),
        string s => base.Write(span, Escape(s, Format)),
        _ => base.Write(span, Escape(ObjectToString(textAsObject) ?? "", Format)),
    };

    /// <summary>
    /// When the template runs under a time limit: the <see cref="Stopwatch"/> timestamp it ends at, else 0. Scriban
    /// stops loops and function calls itself once the context's token is cancelled; a regular expression call is
    /// one step that can backtrack for hours, so each is given only the time that is left.
    /// </summary>
    public long Deadline { get; set; }

    /// <summary>
    /// Under a time limit, where the first error was raised: where the template was when time ran out. (Scriban
    /// reports a cancellation again from the statement that notices it, which may be the whole template.)
    /// </summary>
    public SourceSpan? FirstErrorSpan { get; private set; }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (Deadline == 0)
        {
            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Deadline);
        RegexTimeOut = left > MinimumRegexTime ? left : MinimumRegexTime;
        try
        {
            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }
        catch (ScriptRuntimeException e) when (FirstErrorSpan is null)
        {
            FirstErrorSpan = e.Span;
            throw;
        }
    }

    // A regex timeout must be positive; past the deadline the token is cancelled and the next step stops.
    private static readonly TimeSpan MinimumRegexTime = TimeSpan.FromMilliseconds(1);

    /// <summary>Escapes text for HTML (element content and quoted attributes) or for Markdown (inline text and table cells).</summary>
    public static string Escape(string text, DocumentFormat format) => format == DocumentFormat.Html ? Html(text) : MarkdownEscaper.Text(text);

    /// <summary>
    /// Escapes text for HTML element content and quoted attribute values: <c>&lt; &gt; &amp; " '</c> become
    /// entities; control and bidi characters become visible escapes (<see cref="VisibleControls"/>).
    /// </summary>
    public static string Html(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return VisibleControls.Escape(text);
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return VisibleControls.Escape(sb.ToString());
    }
}

/// <summary>Thrown by the loader when an include is refused or missing; becomes AM0103.</summary>
internal sealed class TemplateAccessException(SourceSpan span, LocalizedText reason) : ScriptRuntimeException(span, reason.English)
{
    /// <summary>Why, in every language (report-include.* keys): Scriban carries one message, the diagnostic all of them.</summary>
    public LocalizedText Reason { get; } = reason;
}

/// <summary>
/// Finds templates: a user template's includes in its own folder (and below), then the built-in templates by
/// name. Nothing outside the folder is ever read: a path that leaves it is refused with a located error.
/// </summary>
internal sealed class TemplateLoader : ITemplateLoader
{
    internal const string BuiltInPrefix = "builtin:";
    private const string ResourcePrefix = "ArchModel.Documents.Templates.";
    private readonly string? _folder;
    private readonly DocumentFormat _format;
    private readonly long _maxBytes;
    private readonly Dictionary<string, string> _display = new(StringComparer.Ordinal);

    public TemplateLoader(string? folder, string? displayFolder, DocumentFormat format, long maxBytes)
    {
        _folder = folder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        DisplayFolder = displayFolder;
        _format = format;
        _maxBytes = maxBytes;
    }

    private string? DisplayFolder { get; }

    public static string Extension(DocumentFormat format) => format == DocumentFormat.Html ? ".sbn-html" : ".sbn-md";

    /// <summary>The names of the built-in templates and partials, in ordinal order (e.g. <c>overview.sbn-html</c>).</summary>
    public static IReadOnlyList<string> BuiltInFiles { get; } = typeof(TemplateLoader).Assembly.GetManifestResourceNames()
        .Where(static n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(static n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static string? ReadBuiltIn(string file)
    {
        using var stream = typeof(TemplateLoader).Assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The name a diagnostic shows for a loaded path.</summary>
    public string Display(string path) =>
        path.StartsWith(BuiltInPrefix, StringComparison.Ordinal) ? path[BuiltInPrefix.Length..]
        : _display.TryGetValue(path, out var shown) ? shown : path;

    public void RegisterDisplay(string fullPath, string shown) => _display[fullPath] = shown;

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName))
        {
            throw new TemplateAccessException(callerSpan, Texts.Of("report-include.name-needed"));
        }
        var name = templateName.Replace('\\', '/');
        if (_folder is not null)
        {
            var full = Path.GetFullPath(Path.Combine(_folder, name));
            if (!full.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new TemplateAccessException(callerSpan, Texts.Of("report-include.outside", templateName));
            }
            foreach (var candidate in Path.HasExtension(full) ? [full] : new[] { full + Extension(_format), full })
            {
                if (File.Exists(candidate))
                {
                    if (EscapesFolder(candidate))
                    {
                        throw new TemplateAccessException(callerSpan, Texts.Of("report-include.link-outside", templateName));
                    }
                    if (DisplayFolder is not null)
                    {
                        _display[candidate] = Path.Combine(DisplayFolder, Path.GetRelativePath(_folder, candidate)).Replace('\\', '/');
                    }
                    return candidate;
                }
            }
        }
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            foreach (var candidate in new[] { name + Extension(_format), name })
            {
                if (BuiltInFiles.Contains(candidate, StringComparer.Ordinal))
                {
                    return BuiltInPrefix + candidate;
                }
            }
        }
        throw new TemplateAccessException(callerSpan, Texts.Of("report-include.not-found", templateName));
    }

    private bool EscapesFolder(string path)
    {
        // A symbolic link inside the folder must not lead outside it.
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return false;
        }
        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is null || !target.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        if (templatePath.StartsWith(BuiltInPrefix, StringComparison.Ordinal))
        {
            return ReadBuiltIn(templatePath[BuiltInPrefix.Length..])
                ?? throw new TemplateAccessException(callerSpan, Texts.Of("report-include.builtin-missing", templatePath));
        }
        if (TemplateFiles.Read(templatePath, _maxBytes, out var text) is { } problem)
        {
            throw new TemplateAccessException(callerSpan, Texts.Of("report-include.unreadable", Display(templatePath), problem));
        }
        return text;
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new((string?)Load(context, callerSpan, templatePath));
}

/// <summary>
/// Reads template files, the main template's and every include's: regular files only (a pipe would block until
/// something writes to it, a device may never end), and never more than the byte limit, counted on the bytes read
/// rather than on the size the file system reports (a file under <c>/proc</c> reports 0).
/// </summary>
internal static class TemplateFiles
{
    /// <summary>
    /// Reads <paramref name="path"/> as UTF-8 (a byte-order mark honoured), line ends made <c>\n</c>. Returns
    /// <see langword="null"/>, or why the file was not read (the text then empty).
    /// </summary>
    public static LocalizedText? Read(string path, long maxBytes, out string text)
    {
        text = "";
        try
        {
            switch (Loading.FilePaths.KindOf(path))
            {
                case Loading.FileKind.Missing:
                    return Texts.Of("report-error.file.missing");
                case Loading.FileKind.Directory:
                    return Texts.Of("report-error.file.directory");
                case Loading.FileKind.Special:
                    return Texts.Of("report-error.file.special");
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (!stream.CanSeek)
            {
                // Whatever the check above could not tell apart: only regular files seek.
                return Texts.Of("report-error.file.not-regular");
            }
            var limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
            var buffer = new byte[Math.Min(limit + 1, Math.Max(stream.Length + 1, 4096))];
            var read = 0;
            while (true)
            {
                if (read == buffer.Length)
                {
                    if (read > limit)
                    {
                        break;
                    }
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1L));
                }
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            if (read > limit)
            {
                return Texts.Of("report-error.file.too-large", maxBytes);
            }
            using var reader = new StreamReader(new MemoryStream(buffer, 0, read), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Texts.Of("report-error.file.unreadable", e.Message);
        }
    }
}

/// <summary>
/// Scriban's <c>include</c>, whose result (the included template's output, escaped as it was written) is
/// passed through unescaped rather than escaped a second time.
/// </summary>
internal sealed class RawIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _inner = new();

    public int RequiredParameterCount => _inner.RequiredParameterCount;

    public int ParameterCount => _inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => _inner.VarParamKind;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);

    public int GetParameterIndexByName(string name) => _inner.GetParameterIndexByName(name);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var result = _inner.Invoke(context, callerContext, arguments, blockStatement);
        return result is string s ? new RawText(s) : result;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));
}

/// <summary>Hides every .NET member from templates: they see only the view model's script objects.</summary>
internal static class NoMembers
{
    public static readonly MemberFilterDelegate Filter = static (MemberInfo _) => false;
}
