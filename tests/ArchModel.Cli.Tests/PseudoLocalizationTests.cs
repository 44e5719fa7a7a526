using System.Text;
using System.Text.RegularExpressions;
using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Cli.Tests;

/// <summary>
/// Pseudo-localization: a third language whose every text is the English one with each run of words marked as
/// ⟦…⟧ (placeholders stay outside the marks, so what a text is given is checked too). Every output of the demo is
/// written in it, and a word outside the marks — Latin or Chinese — that is not from the model (a name, an id, a
/// value the planner typed), a number, markup or one of the few technical tokens below is text that does not come
/// from the tables (docs/localization.md). It also shows that a language is one table: nothing else is added here.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed partial class PseudoLocalizationTests
{
    private const string Tag = "qps-ploc";
    private static readonly string Before = CliRunner.Model("demo-province");
    private static readonly string After = CliRunner.Model("demo-province-2020");

    [OneTimeSetUp]
    public void RegisterThePseudoLanguage() => Texts.Register(PseudoTexts.Instance);

    [Test]
    public void PseudoLanguage_IsReadByItsTag()
    {
        Assert.That(LanguageTags.TryParse("QPS_PLOC", out var language), Is.True);
        Assert.That(language, Is.EqualTo(PseudoTexts.Pseudo));
        Assert.That(language.ToTag(), Is.EqualTo(Tag));
        Assert.That(Terms.Metric("cloudRate")[language], Is.EqualTo("⟦Shared-cloud rate⟧"));
    }

    [Test]
    public void DemoOutputs_InThePseudoLanguage_HaveNoTextOutsideTheTables()
    {
        var outputs = new List<(string Output, string Text)>
        {
            ("analyze text", Run("analyze", Before, "--all", "--fail-on", "never", "--lang", Tag)),
            ("analyze text (to-be)", Run("analyze", After, "--all", "--fail-on", "never", "--lang", Tag)),
            ("diff text", Run("diff", Before, After, "--lang", Tag)),
            ("diff md", Run("diff", Before, After, "--format", "md", "--lang", Tag)),
        };
        foreach (var template in new[] { "overview", "findings", "scorecard", "catalogue", "roadmap" })
        {
            foreach (var format in new[] { "md", "html" })
            {
                outputs.Add(($"report {template} {format}", template == "roadmap"
                    ? Run("report", After, "--baseline", Before, "--template", template, "--format", format, "--all", "--lang", Tag)
                    : Run("report", Before, "--template", template, "--format", format, "--all", "--lang", Tag)));
            }
        }
        foreach (var view in new[] { "landscape", "network", "dataflow", "duplicates", "silos", "capabilities", "agency:ag.prov.drc" })
        {
            foreach (var format in new[] { "dot", "mermaid" })
            {
                outputs.Add(($"diagram {view} {format}", Labels(Run("diagram", Before, "--view", view, "--format", format, "--lang", Tag), format)));
            }
        }
        using var temp = new TempFolder();
        var site = Path.Combine(temp.Path, "site");
        var (code, _, stderr) = CliRunner.Run("site", After, "--baseline", Before, "--output", site, "--no-diagrams", "--lang", Tag, "--quiet");
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        foreach (var page in Directory.GetFiles(site, "*.html").Order(StringComparer.Ordinal))
        {
            outputs.Add(("site " + Path.GetFileName(page), File.ReadAllText(page)));
        }

        var model = ModelWords(formatWords: false, Path.GetDirectoryName(Before)!, Path.GetDirectoryName(After)!);
        var wrong = outputs.SelectMany(o => Leaks(o.Text, model).Select(w => $"{o.Output}: {w}")).Distinct().ToList();
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        Assert.That(outputs.Sum(o => Marked().Matches(o.Text).Count), Is.GreaterThan(5000), "the outputs are written in the pseudo-language");
    }

    [Test]
    public void ValidationMessages_OfEveryBrokenModel_InThePseudoLanguage_HaveNoTextOutsideTheTables()
    {
        var corpus = Path.Combine(CliRunner.RepoRoot, "tests", "ArchModel.Tests", "TestFiles", "Invalid");
        var wrong = new List<string>();
        var cases = Directory.GetDirectories(corpus).Order(StringComparer.Ordinal).ToList();
        foreach (var folder in cases)
        {
            var (_, stdout, stderr) = CliRunner.Run("validate", Path.Combine(folder, "model.json"), "--lang", Tag);
            // The files' paths are the planner's; what the files hold (property names, ids, values) is quoted back.
            var text = (stdout + stderr).Replace(folder, "", StringComparison.Ordinal);
            wrong.AddRange(Leaks(text, ModelWords(formatWords: true, folder)).Select(w => $"{Path.GetFileName(folder)}: {w}"));
        }
        Assert.That(cases, Has.Count.GreaterThan(50));
        Assert.That(wrong.Distinct(), Is.Empty, string.Join("\n", wrong.Distinct()));
    }

    [Test]
    public void SpreadsheetExport_InThePseudoLanguage_HasNoTextOutsideTheTables()
    {
        // The readme sheet and the headers are the tool's; the cells are the model's, enums in the JSON spelling and
        // the Chinese names the import accepts (data, shown in every language: docs/spreadsheets.md).
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "csv");
        var (code, _, stderr) = CliRunner.Run("export", Before, "--format", "csv", "--output", folder, "--lang", Tag);
        Assert.That((code, stderr), Is.EqualTo((0, "")));
        var sheets = Interop.SheetSchema.Sheets.Append(Interop.SheetSchema.ReadmeSheet).ToList();
        var accepted = sheets.SelectMany(static s => s.Columns).Select(static c => c.Values).OfType<Interop.EnumTable>()
            .SelectMany(static t => t.Values).SelectMany(static v => v.Also.Prepend(v.Chinese));
        // A header is "Title (jsonKey)": the key is the format's.
        var keys = sheets.SelectMany(static s => s.Columns.Select(static c => c.Key).Append(s.Key));
        var model = ModelWords(formatWords: true, [.. accepted, .. keys], Path.GetDirectoryName(Before)!);
        var files = Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        var wrong = files.SelectMany(f => Leaks(Path.GetFileNameWithoutExtension(f) + "\n" + File.ReadAllText(f), model)
            .Select(w => $"{Path.GetFileName(f)}: {w}")).ToList();
        Assert.That(files, Has.Count.GreaterThan(10));
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    private static string Run(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(0).Or.EqualTo(1), $"{string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    /// <summary>The words left outside the marks once the model's own words, markup, numbers and the allowed tokens are removed.</summary>
    private static IEnumerable<string> Leaks(string text, Regex model)
    {
        text = FilePath().Replace(text, " ");
        text = CodeSpan().Replace(text, " ");
        // A diagram inside a report: Mermaid's texts, and in an SVG what it draws (its <title>s are Graphviz's ids).
        text = MermaidBlock().Replace(text, static m => Labels(m.Value, "mermaid"));
        text = SvgTitle().Replace(text, " ");
        text = StyleOrScript().Replace(text, " ");
        // Attributes people read (a tooltip, an image's text, a field's hint) stay; the rest of a tag is markup.
        text = HtmlTag().Replace(text, m => " " + string.Join(" ", ReadAttribute().Matches(m.Value).Select(a => a.Groups[1].Value)) + " ");
        text = MermaidEntity().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        text = Marked().Replace(text, " ");
        text = model.Replace(text, " ");
        text = Allowed().Replace(text, " ");
        // Each word once, with what is left around it (to find where it comes from).
        return Word().Matches(text).DistinctBy(static m => m.Value)
            .Select(m => $"{m.Value} «{Squeeze(text.Substring(Math.Max(0, m.Index - 40), Math.Min(text.Length, m.Index + m.Length + 40) - Math.Max(0, m.Index - 40)))}»");
    }

    // The JSON spellings of the model format's enums, as the terminology table keys them (level.municipal → municipal).
    private static readonly HashSet<string> FormatWords = [.. Texts.Table(Language.English).Keys
        .Select(static k => k.Split('.', 2))
        .Where(static p => p.Length == 2 && p[0] is "level" or "agency-kind" or "system-status" or "network-kind" or "link-via" or "platform-kind"
            or "sharing" or "category" or "channel" or "stage" or "flow-status" or "flow-mode" or "origin" or "component" or "kind")
        .Select(static p => p[1]).Concat(["true", "false", "null"])];

    private static string Squeeze(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// What the planner wrote, longest first: every string (and property name) of the model's files — names, ids,
    /// descriptions, tags, justifications, and the values a broken file holds. A word only there is not the tool's.
    /// </summary>
    /// <remarks>The model format's own words (<c>municipal</c>, <c>gateway</c>) are the planner's only in a validation
    /// message, which quotes what was typed and lists what may be: elsewhere an output says them in words.</remarks>
    private static Regex ModelWords(bool formatWords, params string[] folders) => ModelWords(formatWords, [], folders);

    private static Regex ModelWords(bool formatWords, IEnumerable<string> more, params string[] folders)
    {
        var files = folders.SelectMany(static f => Directory.GetFiles(f, "*.json", SearchOption.AllDirectories))
            .Select(static f => Encoding.UTF8.GetString(File.ReadAllBytes(f))).ToList();
        var words = files.SelectMany(static t => JsonString().Matches(t).Select(static m => Unescape(m.Groups[1].Value)))
            .Concat(files.SelectMany(static t => BareWord().Matches(t).Select(static m => m.Value)))
            .Where(w => w.Length > 0 && (formatWords || !FormatWords.Contains(w)))
            // A validation message lists what may be typed: the format's words, the metrics' keys, the properties, the languages' tags.
            .Concat(formatWords ? FormatWords.Concat(Model.MetricNames.All).Concat(SchemaWords.Value).Concat(Texts.All.Select(static t => t.Tag)) : [])
            // and the character a syntax error stopped at.
            .Concat(formatWords ? files.SelectMany(static t => t.Where(char.IsLetter).Select(static c => c.ToString())) : [])
            .Concat(more).Distinct().OrderByDescending(static w => w.Length).ThenBy(static w => w, StringComparer.Ordinal);
        // A whole word of the model: not the "a" inside "value".
        return new Regex(@"(?<![A-Za-z0-9_])(?:" + string.Join("|", words.Select(Regex.Escape)) + @")(?![A-Za-z0-9_])", RegexOptions.CultureInvariant);
    }

    private static string Unescape(string json)
    {
        try
        {
            return Regex.Unescape(json);
        }
        catch (ArgumentException)
        {
            return json;
        }
    }

    // The property names of the model format (its JSON Schema), which a validation message may quote or suggest.
    private static readonly Lazy<string[]> SchemaWords = new(static () => [.. JsonString()
        .Matches(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "models", "schema", "archmodel.schema.json")))
        .Select(static m => m.Groups[1].Value).Where(static w => Identifier().IsMatch(w))]);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9.]*$")]
    private static partial Regex Identifier();

    /// <summary>Only the texts of a diagram: DOT's labels and tooltips, Mermaid's node, edge and group texts and notes.</summary>
    private static string Labels(string diagram, string format) => format == "dot"
        ? string.Join("\n", DotText().Matches(diagram).Select(static m => DotBreak().Replace(m.Groups[1].Value, "\n")))
        : string.Join("\n", MermaidText().Matches(diagram).Select(static m => m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value));

    // Technical tokens an output may carry in any language: rule and diagnostic codes, the tool's and format names,
    // option names and the JSON spellings a message quotes as the format's own words (--format dot, 'folder/*.json'),
    // file names, a character by its code (\u000A) and numbers in exponent form (1e400), the severity of a diagnostic line in the compilers' format tools parse (file(1,2): error AM0001: …),
    // and (in DOT and Mermaid labels) the markup of line breaks.
    [GeneratedRegex(@"\\u[0-9A-F]{4}|\b\d+(?:\.\d+)?[eE][+-]?\d+\b|\b(?:error|warning|info)(?= AM\d{4}:)|\bAM\d{4}\b|ArchModel|archmodel|Graphviz|Mermaid|--[a-z][a-z-]*|\b\w+\.json\b|\.archmodel-site|<br/?>|\bbr\b|https?://\S+|\bhref\b")]
    private static partial Regex Allowed();

    // An identifier in a code span: an id, a key or a JSON spelling shown as such (`sys.x`, <code>horizontal</code>).
    [GeneratedRegex(@"<code>[A-Za-z0-9_.:/&;>-]+</code>|`[A-Za-z0-9_.:/>-]+`")]
    private static partial Regex CodeSpan();

    // A model file's path as a diagnostic locates it (the planner's own folders and file names).
    [GeneratedRegex(@"[\w./\\-]*\.json\b")]
    private static partial Regex FilePath();

    // A marked text, also when a diagram cut it short (…).
    [GeneratedRegex(@"⟦[^⟦⟧]*(?:⟧|…)")]
    private static partial Regex Marked();

    [GeneratedRegex(@"[\p{L}][\p{L}\p{M}]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"<(style|script)\b[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\b(?:title|alt|aria-label|placeholder)=""([^""]*)""")]
    private static partial Regex ReadAttribute();

    // Mermaid's character codes (#40; for "("); HTML's entities are decoded.
    [GeneratedRegex(@"(?<![&\w])#\d+;")]
    private static partial Regex MermaidEntity();

    [GeneratedRegex(@"""((?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex JsonString();

    [GeneratedRegex(@"[\p{L}_][\p{L}\p{N}_]*")]
    private static partial Regex BareWord();

    // DOT's line breaks: \n, \l (left-justified), \r (right-justified).
    [GeneratedRegex(@"\\[nlr]")]
    private static partial Regex DotBreak();

    [GeneratedRegex(@"\b(?:label|xlabel|tooltip)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex DotText();

    // Mermaid writes every text quoted (nodes, groups, the legend), edge labels between bars, notes as %% comments
    // (the first comment, "%% ArchModel diagram: KIND", marks the file and is not shown).
    [GeneratedRegex(@"""([^""]*)""|\|""?([^|""]*)""?\||%%(?! ArchModel diagram: )(.*)")]
    private static partial Regex MermaidText();

    [GeneratedRegex(@"```mermaid\n.*?```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"<title>[^<]*</title>")]
    private static partial Regex SvgTitle();

    /// <summary>The pseudo-language: the English table with every run of words marked, placeholders left outside.</summary>
    private sealed class PseudoTexts : TextTable
    {
        public static readonly Language Pseudo = (Language)Texts.All.Count;

        public static readonly PseudoTexts Instance = new();

        private PseudoTexts()
            : base(Pseudo, PseudoLocalizationTests.Tag, [], Texts.Table(Language.English).Keys.ToDictionary(static k => k, static k => Mark(Texts.Table(Language.English).Find(k)!)))
        {
        }

        // "Migrate system {0} from {1}" → "⟦Migrate system ⟧{0}⟦ from ⟧{1}"; a piece without a letter (a number format,
        // punctuation, a scale) is left as it is.
        private static string Mark(string text) => Literal().Replace(text, static m =>
            m.Groups[2].Success && m.Value.Any(char.IsLetter) ? "⟦" + m.Value + "⟧" : m.Value);
    }

    // A placeholder ({0}, {1:#,0}) or a run of text between placeholders ({{ and }} are text).
    [GeneratedRegex(@"(\{\d+[^{}]*\})|((?:\{\{|\}\}|[^{}])+)")]
    private static partial Regex Literal();
}
