using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Documents;

/// <summary>The output format of a document.</summary>
public enum DocumentFormat
{
    /// <summary>Markdown (CommonMark with GitHub tables); templates <c>name.sbn-md</c>.</summary>
    Markdown,
    /// <summary>One self-contained HTML file; templates <c>name.sbn-html</c>.</summary>
    Html,
}

/// <summary>How to write a document: which template, in which format and language, with which limits.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ReportOptions
{
    /// <summary>A built-in template name (see <see cref="ReportGenerator.BuiltInTemplates"/>) or the path of a template file. Default <c>overview</c>.</summary>
    public string Template { get; init; } = "overview";

    /// <summary>The output format (default Markdown); it picks the built-in template's file and how output is escaped.</summary>
    public DocumentFormat Format { get; init; } = DocumentFormat.Markdown;

    /// <summary>The language of the document; <see langword="null"/> for the model's language.</summary>
    public Language? Language { get; init; }

    /// <summary>
    /// The date the document shows as its date; <see langword="null"/> for the model's <c>asOf</c>. The clock is
    /// never read, so the same model and options always give the same bytes.
    /// </summary>
    public DateOnly? GeneratedOn { get; init; }

    /// <summary>
    /// Supplies the diagrams the templates see as <c>diagrams</c>; <see langword="null"/> for none (templates then
    /// leave their diagram sections out).
    /// </summary>
    public IDiagramProvider? Diagrams { get; init; }

    /// <summary>
    /// The as-is model the report's (to-be) model is planned from; <see langword="null"/> for none. When given, the
    /// generator compares the two (<see cref="Planning.ModelDiff.Compare"/>), plans the migration
    /// (<see cref="Planning.MigrationPlanner.Plan"/>) and templates see the result as <c>plan</c>. Required by the
    /// built-in <c>roadmap</c> template; the other built-in templates do not use it.
    /// </summary>
    public ArchitectureModel? Baseline { get; init; }

    /// <summary>
    /// Whether reports list every finding. By default (<see langword="false"/>) the built-in <c>overview</c> and
    /// <c>findings</c> reports list, per rule, its count and the <c>list_limit</c> (20) findings that name the most
    /// elements, and a listed finding's first 12 elements, so that a report stays readable at any model size; the
    /// CLI's <c>report --all</c> sets it. Templates see it as <c>list_all</c>.
    /// </summary>
    public bool ListAll { get; init; }

    /// <summary>
    /// The address the model's site is published at (<c>archmodel site</c>), or <see langword="null"/>. When given,
    /// every element a report names links to <c>SITE_BASE/find.html#ID</c> (docs/documents.md, "Links into the
    /// site"); templates see each element's link as <c>url</c> and the base as <c>site_base</c>.
    /// </summary>
    public string? SiteBase { get; init; }

    /// <summary>What a template may do before it is stopped.</summary>
    public TemplateLimits Limits { get; init; } = TemplateLimits.Default;
}

/// <summary>Bounds on what a template may do: a template is code written by someone else.</summary>
/// <remarks>
/// Reaching a limit stops the template with a located AM0102 diagnostic (AM0105 for the time limit), never hangs or
/// exhausts memory.
/// </remarks>
public sealed record TemplateLimits
{
    /// <summary>The defaults: 100,000 loop iterations, recursion depth 64, 16 MiB of output, template files up to 1 MiB, 30 seconds.</summary>
    public static TemplateLimits Default { get; } = new();

    /// <summary>
    /// The limits the built-in templates run with when the caller sets none: sized for a national model, and no time
    /// limit (the library's own templates end; how long they take depends on the model and the machine).
    /// </summary>
    public static TemplateLimits BuiltIn { get; } = new() { LoopLimit = int.MaxValue, MaxOutputChars = 1 << 30, Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>The most iterations of nested loops, counted together (Scriban's <c>LoopLimit</c>).</summary>
    public int LoopLimit { get; init; } = 100_000;

    /// <summary>The deepest nesting of function calls and includes (Scriban's <c>RecursiveLimit</c>).</summary>
    public int RecursionLimit { get; init; } = 64;

    /// <summary>The most characters (UTF-16 code units) a document may have, and any one string built while rendering.</summary>
    public int MaxOutputChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>The largest template file (main or included) read, in bytes.</summary>
    public long MaxTemplateBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// The longest a template may run, by the wall clock (default 30 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// for no limit). Loops and function calls stop at their next step once it has passed, and a regular expression
    /// gets only the time that is left; the template then stops with a located AM0105 diagnostic.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero, to a negative time other than infinite, or to more than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init
        {
            if (value != System.Threading.Timeout.InfiniteTimeSpan && (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A template time limit is positive, at most int.MaxValue milliseconds, or Timeout.InfiniteTimeSpan.");
            }
            _timeout = value;
        }
    }

    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
}
