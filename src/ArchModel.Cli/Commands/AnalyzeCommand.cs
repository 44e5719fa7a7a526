using System.CommandLine;
using System.Globalization;
using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Loading;
using ArchModel.Model;
using ArchModel.Output;

namespace ArchModel.Cli.Commands;

/// <summary><c>archmodel analyze MODEL</c>: validate, run every rule, compute the metrics; print findings and the scorecard.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new ModelCommandOptions();
        var command = options.Command("analyze", CliText.T("cli.help.analyze"));
        var all = new Option<bool>("--all")
        {
            Description = CliText.T("cli.help.analyze.all"),
        };
        command.Options.Add(all);
        // --quiet keeps what matters at a glance: analyze prints the scorecard and the summary (validate, only the diagnostics).
        options.Quiet.Description = CliText.T("cli.help.analyze.quiet");
        command.SetAction(parse =>
        {
            if (options.Load(parse, stderr, out var load, out var language) is { } failed)
            {
                return failed;
            }
            // A model with load errors is incomplete: its findings would mislead, so only its diagnostics are reported.
            var analysis = load.HasErrors ? null : Analyzer.Analyze(load.Model!);
            var target = new OutputTarget(parse.GetValue(options.Output), stdout);
            var detail = parse.GetValue(options.Quiet) ? TextDetail.Quiet : parse.GetValue(all) ? TextDetail.All : TextDetail.Default;
            var error = parse.GetValue(options.Format) switch
            {
                "json" => target.Write(s => AnalysisOutput.WriteJson(s, load, analysis, language), load.Files),
                "sarif" => target.Write(s => AnalysisOutput.WriteSarif(s, load, analysis, language), load.Files),
                _ => target.WriteText(AnalysisText.Write(load, analysis, language, detail), load.Files),
            };
            if (error is not null)
            {
                stderr.WriteLine($"archmodel: {error}");
                return ExitCodes.FileError;
            }
            var threshold = parse.GetValue(options.FailOn)!;
            var fails = AnalysisOutput.AllDiagnostics(load, analysis).Any(d => CommonOptions.Fails(d.Severity, threshold))
                || (analysis?.ActiveFindings.Any(f => CommonOptions.Fails(f.Severity, threshold)) ?? false);
            return fails ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>How much of an analysis the text output shows.</summary>
internal enum TextDetail
{
    /// <summary>Everything a small model has; a large model's findings and diagnostics trimmed to stay under <see cref="AnalysisText.MaxLines"/> lines.</summary>
    Default,

    /// <summary>Every finding and diagnostic (<c>--all</c>).</summary>
    All,

    /// <summary>The scorecard and the summary line only (<c>--quiet</c>); a model not analysed shows its diagnostics instead.</summary>
    Quiet,
}

/// <summary>The text a planner reads: diagnostics, findings grouped by rule, then the scorecard as a table.</summary>
/// <remarks>
/// A national model has a quarter of a million findings: printed whole they are a 100 MB wall nobody reads. By default
/// the output stays under <see cref="MaxLines"/> lines: every rule may list the same number of findings (its share: at
/// most <see cref="MaxPerGroup"/>, fewer when many rules have many findings), a rule with more lists those with the most
/// elements first and says how many more there are; each diagnostic code likewise, errors first. A rule or code with
/// no more than its share is listed whole, in the usual order, so a small model's output is what <c>--all</c> prints
/// (but for element lists, clipped at <see cref="MaxElementsShown"/> ids).
/// </remarks>
internal static class AnalysisText
{
    /// <summary>The default output has fewer lines than this, however many findings and diagnostics there are.</summary>
    public const int MaxLines = 200;

    /// <summary>At most this many findings of one rule, or diagnostics of one code, are listed by default.</summary>
    public const int MaxPerGroup = 20;

    /// <summary>The lines the default output plans for, under <see cref="MaxLines"/> with room to spare.</summary>
    private const int Budget = 190;

    /// <summary>The lines the diagnostics may take when the model was analysed (the rest is for findings).</summary>
    private const int DiagnosticBudget = 40;

    /// <summary>At most this many ids on a finding's element line by default.</summary>
    private const int MaxElementsShown = 20;

    public static string Write(LoadResult load, AnalysisResult? analysis, Language language, TextDetail detail)
    {
        var text = new StringBuilder();
        var lines = 0;
        var diagnostics = AnalysisOutput.AllDiagnostics(load, analysis);
        if (analysis is null)
        {
            // Nothing else to show: the diagnostics may use the whole budget, and even --quiet shows them.
            AppendDiagnostics(text, diagnostics, language, detail == TextDetail.All, Budget - 2);
            if (detail != TextDetail.Quiet)
            {
                text.Append(T("cli.analyze.not-analysed", language)).Append('\n');
            }
            return text.ToString();
        }
        if (detail != TextDetail.Quiet)
        {
            lines += AppendDiagnostics(text, diagnostics, language, detail == TextDetail.All, DiagnosticBudget);
            if (diagnostics.Count > 0)
            {
                text.Append('\n');
                lines++;
            }
            var scorecardLines = 2 + MetricNames.All.Count + 3;
            AppendFindings(text, analysis, language, detail == TextDetail.All, Budget - lines - scorecardLines);
        }

        text.Append(T("cli.analyze.scorecard", language)).Append('\n');
        var rows = new List<string[]>
        {
            new[] { T("cli.analyze.col.metric", language), T("cli.analyze.col.better", language), T("cli.analyze.col.actual", language), T("cli.analyze.col.target", language), T("cli.analyze.col.met", language) },
        };
        var targets = analysis.Metrics.Targets.ToDictionary(static t => t.Metric, StringComparer.Ordinal);
        foreach (var metric in MetricNames.All)
        {
            analysis.Metrics.Model.TryGetValue(metric, out var actual);
            targets.TryGetValue(metric, out var target);
            rows.Add([
                $"{Localization.Terms.Metric(metric)[language]} ({metric})",
                MetricNames.HigherIsBetter(metric) ? "↑" : "↓",
                FormatMetric(metric, actual, language),
                target is null ? "" : (target.Direction == MetricDirection.Higher ? "≥ " : "≤ ") + FormatMetric(metric, target.Target, language),
                target?.Met switch { true => T("cli.analyze.met.yes", language), false => T("cli.analyze.met.no", language), null when target is not null => "—", _ => "" },
            ]);
        }
        AppendTable(text, rows);
        var withoutCost = analysis.Metrics.DuplicatesWithoutCost;
        if (withoutCost > 0)
        {
            // The avoidable cost leaves out the systems nobody entered a cost for; say how many, never count them as 0.
            text.Append("  ").Append(T("cli.analyze.label", language, Localization.Terms.Metric(MetricNames.AvoidableAnnualCost)[language], Localization.Money.WithoutCost(withoutCost, language))).Append('\n');
        }

        var active = analysis.ActiveFindings.ToList();
        var suppressed = analysis.Findings.Count - active.Count;
        var errors = active.Count(static f => f.Severity == DiagnosticSeverity.Error);
        var warnings = active.Count(static f => f.Severity == DiagnosticSeverity.Warning);
        var infos = active.Count - errors - warnings;
        var met = analysis.Metrics.Targets.Count(static t => t.Met == true);
        var name = load.Model!.Info.Name ?? load.Model.Info.Id;
        text.Append('\n').Append(T("cli.analyze.summary", language, name, active.Count, errors, warnings, infos, suppressed, met,
            analysis.Metrics.Targets.Count, DiagnosticCounts(diagnostics, language))).Append('\n');
        return text.ToString();
    }

    /// <summary>"；诊断：1 个错误，2 个警告" when the analysis has diagnostics (which --quiet does not print), else nothing.</summary>
    private static string DiagnosticCounts(IReadOnlyList<Diagnostic> diagnostics, Language language)
    {
        if (diagnostics.Count == 0)
        {
            return "";
        }
        var errors = diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count - errors - warnings;
        return T("cli.analyze.diagnostics", language,
            T(errors == 1 ? "cli.analyze.errors.one" : "cli.analyze.errors", language, errors),
            T(warnings == 1 ? "cli.analyze.warnings.one" : "cli.analyze.warnings", language, warnings),
            infos > 0 ? T("cli.analyze.and-infos", language, infos) : "");
    }

    /// <summary>
    /// The diagnostics, one line each: all of them in their order when <paramref name="all"/> or when every code has no
    /// more than its share; otherwise code by code, errors first, each code's first ones and a line counting the rest.
    /// The share is the largest number (at most <see cref="MaxPerGroup"/>) that keeps them within <paramref name="budget"/>
    /// lines. Returns the lines written.
    /// </summary>
    private static int AppendDiagnostics(StringBuilder text, IReadOnlyList<Diagnostic> diagnostics, Language language, bool all, int budget)
    {
        var codes = diagnostics.GroupBy(static d => d.Code).Select(static g => g.ToArray()).ToArray();
        // A trimmed code takes a line more, saying how many more there are.
        int LinesAt(int share) => codes.Sum(c => c.Length <= share ? c.Length : share + 1);
        var share = MaxPerGroup;
        while (share > 1 && LinesAt(share) > budget)
        {
            share--;
        }
        if (all || codes.All(c => c.Length <= share))
        {
            foreach (var d in diagnostics)
            {
                text.Append(d.Format(language)).Append('\n');
            }
            return diagnostics.Count;
        }
        var lines = 0;
        foreach (var code in codes.OrderByDescending(static c => c.Max(static d => d.Severity)).ThenBy(static c => c[0].Code, StringComparer.Ordinal))
        {
            // Within a code the errors come first too (AM0009 is an error or a warning), each severity in its order.
            var list = code.OrderByDescending(static d => d.Severity).ToArray();
            foreach (var d in list.Take(share))
            {
                text.Append(d.Format(language)).Append('\n');
                lines++;
            }
            if (list.Length > share)
            {
                var more = list.Length - share;
                text.Append(T("cli.analyze.more-diagnostics", language, code[0].Code, more, list.Length)).Append('\n');
                lines++;
            }
        }
        return lines;
    }

    /// <summary>
    /// The findings grouped by rule: every one when <paramref name="all"/>; otherwise each rule's findings up to a share,
    /// the same for every rule and the largest (at most <see cref="MaxPerGroup"/>) that keeps them within
    /// <paramref name="budget"/> lines. A rule with no more than the share is listed whole in its order; a larger one
    /// lists the findings with the most elements first and counts the rest.
    /// </summary>
    private static void AppendFindings(StringBuilder text, AnalysisResult analysis, Language language, bool all, int budget)
    {
        var groups = analysis.Findings.GroupBy(static f => f.Rule).Select(static g => g.ToArray()).ToArray();
        // The largest first (most elements; ties in rule order): what a trimmed rule shows.
        var largest = Array.ConvertAll(groups, static g => g.OrderByDescending(static f => f.Elements.Count).ToArray());
        // A rule takes a header and a blank line, and when trimmed a line counting the rest; a finding two lines (three
        // with a justification).
        int LinesAt(int share) => Enumerable.Range(0, groups.Length).Sum(i => groups[i].Length <= share
            ? 2 + groups[i].Sum(Lines)
            : 3 + largest[i].Take(share).Sum(Lines));
        var share = MaxPerGroup;
        while (share > 1 && LinesAt(share) > budget)
        {
            share--;
        }
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var first = group[0];
            var count = group.Length;
            text.Append(T(count == 1 ? "cli.analyze.rule-header.one" : "cli.analyze.rule-header", language,
                first.Rule, first.Title[language], Severity(first.Severity, language), count)).Append('\n');
            if (all || count <= share)
            {
                foreach (var f in group)
                {
                    AppendFinding(text, f, language, clip: !all);
                }
            }
            else
            {
                foreach (var f in largest[i].Take(share))
                {
                    AppendFinding(text, f, language, clip: true);
                }
                var more = count - share;
                text.Append(T("cli.analyze.more-findings", language, more, share)).Append('\n');
            }
            text.Append('\n');
        }
    }

    private static int Lines(Finding f) => f.Suppressed && f.Justification is not null ? 3 : 2;

    private static void AppendFinding(StringBuilder text, Finding f, Language language, bool clip)
    {
        var where = f.Location is null ? "" : $"{f.Location}: ";
        var mark = f.Suppressed ? T("cli.analyze.suppressed", language) : "";
        text.Append("  ").Append(where).Append(mark).Append(f.Message[language]).Append('\n');
        text.Append(T("cli.analyze.elements", language));
        if (clip && f.Elements.Count > MaxElementsShown)
        {
            text.AppendJoin(", ", f.Elements.Take(MaxElementsShown))
                .Append(T("cli.analyze.elements-in-all", language, f.Elements.Count));
        }
        else
        {
            text.AppendJoin(", ", f.Elements);
        }
        text.Append('\n');
        if (f.Suppressed && f.Justification is not null)
        {
            text.Append(T("cli.analyze.justification", language)).Append(f.Justification).Append('\n');
        }
    }

    private static string Severity(DiagnosticSeverity severity, Language language) => T(severity switch
    {
        DiagnosticSeverity.Error => "cli.analyze.severity.error",
        DiagnosticSeverity.Warning => "cli.analyze.severity.warning",
        _ => "cli.analyze.severity.info",
    }, language);

    // A line of the command's text from the tables (cli.analyze.*), formatted with its arguments ({0}-style, invariant).
    private static string T(string key, Language language, params object?[] args) => Localization.Texts.Format(key, language, args);

    // As every output writes a metric: a percentage, or money in the language's one format (Localization/Money.cs).
    private static string FormatMetric(string metric, double? value, Language language) => Documents.Labels.MetricValue(metric, value, language);

    /// <summary>Pads columns by display width: a Chinese character takes two terminal columns.</summary>
    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => Width(r[c]))).ToArray();
        foreach (var row in rows)
        {
            text.Append("  ");
            for (var c = 0; c < row.Length; c++)
            {
                text.Append(row[c]);
                if (c < row.Length - 1)
                {
                    text.Append(' ', widths[c] - Width(row[c]) + 2);
                }
            }
            text.Append('\n');
        }
    }

    private static int Width(string s) => s.Sum(static c => c is >= '\u1100' and (<= '\u115F' or >= '\u2E80') and <= '\uFFDC' && c is not (>= '\uD800' and <= '\uDFFF') ? 2 : 1);
}
