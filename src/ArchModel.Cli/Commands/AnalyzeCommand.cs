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
        var command = options.Command("analyze", "Validate, run every rule and compute the metrics / 分析模型：发现问题并计分");
        command.SetAction(parse =>
        {
            if (options.Load(parse, stderr, out var load, out var language) is { } failed)
            {
                return failed;
            }
            // A model with load errors is incomplete: its findings would mislead, so only its diagnostics are reported.
            var analysis = load.HasErrors ? null : Analyzer.Analyze(load.Model!);
            var target = new OutputTarget(parse.GetValue(options.Output), stdout);
            var error = parse.GetValue(options.Format) switch
            {
                "json" => target.Write(s => AnalysisOutput.WriteJson(s, load, analysis, language), load.Files),
                "sarif" => target.Write(s => AnalysisOutput.WriteSarif(s, load, analysis, language), load.Files),
                _ => target.WriteText(AnalysisText.Write(load, analysis, language, parse.GetValue(options.Quiet)), load.Files),
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

/// <summary>The text a planner reads: diagnostics, findings grouped by rule, then the scorecard as a table.</summary>
internal static class AnalysisText
{
    public static string Write(LoadResult load, AnalysisResult? analysis, Language language, bool quiet)
    {
        var zh = language == Language.Chinese;
        var text = new StringBuilder();
        var diagnostics = AnalysisOutput.AllDiagnostics(load, analysis);
        foreach (var d in diagnostics)
        {
            text.Append(d.Format(language)).Append('\n');
        }
        if (analysis is null)
        {
            if (!quiet)
            {
                text.Append(zh ? "模型有错误，未进行分析：请先修正上面的错误。\n" : "The model has errors and was not analysed: fix the errors above first.\n");
            }
            return text.ToString();
        }
        if (diagnostics.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var group in analysis.Findings.GroupBy(static f => f.Rule))
        {
            var first = group.First();
            var count = group.Count();
            text.Append(zh
                ? $"{group.Key} {first.Title.Chinese}（{Severity(first.Severity, zh)}，{count} 项）\n"
                : $"{group.Key} {first.Title.English} ({Severity(first.Severity, zh)}, {count} finding{(count == 1 ? "" : "s")})\n");
            foreach (var f in group)
            {
                var where = f.Location is null ? "" : $"{f.Location}: ";
                var mark = f.Suppressed ? (zh ? "[已抑制] " : "[suppressed] ") : "";
                text.Append("  ").Append(where).Append(mark).Append(f.Message[language]).Append('\n');
                text.Append(zh ? "      涉及：" : "      elements: ").Append(string.Join(", ", f.Elements)).Append('\n');
                if (f.Suppressed && f.Justification is not null)
                {
                    text.Append(zh ? "      理由：" : "      justification: ").Append(f.Justification).Append('\n');
                }
            }
            text.Append('\n');
        }

        text.Append(zh ? "计分卡（绩效评价）\n" : "Scorecard\n");
        var rows = new List<string[]>
        {
            zh ? ["指标", "方向", "实际", "目标", "达标"] : ["Metric", "Better", "Actual", "Target", "Met"],
        };
        var targets = analysis.Metrics.Targets.ToDictionary(static t => t.Metric, StringComparer.Ordinal);
        foreach (var metric in MetricNames.All)
        {
            analysis.Metrics.Model.TryGetValue(metric, out var actual);
            targets.TryGetValue(metric, out var target);
            rows.Add([
                $"{MetricNames.Title(metric)[language]} ({metric})",
                MetricNames.HigherIsBetter(metric) ? "↑" : "↓",
                FormatMetric(metric, actual),
                target is null ? "" : (target.Direction == MetricDirection.Higher ? "≥ " : "≤ ") + FormatMetric(metric, target.Target),
                target?.Met switch { true => zh ? "是" : "yes", false => zh ? "否" : "no", null when target is not null => "—", _ => "" },
            ]);
        }
        AppendTable(text, rows);

        if (!quiet)
        {
            var active = analysis.ActiveFindings.ToList();
            var suppressed = analysis.Findings.Count - active.Count;
            var errors = active.Count(static f => f.Severity == DiagnosticSeverity.Error);
            var warnings = active.Count(static f => f.Severity == DiagnosticSeverity.Warning);
            var infos = active.Count - errors - warnings;
            var met = analysis.Metrics.Targets.Count(static t => t.Met == true);
            text.Append('\n').Append(zh
                ? $"{load.Model!.Info.Name ?? load.Model.Info.Id}：{active.Count} 项发现（{errors} 个错误，{warnings} 个警告，{infos} 条提示），{suppressed} 项已抑制；目标达成 {met}/{analysis.Metrics.Targets.Count}。\n"
                : $"{load.Model!.Info.Name ?? load.Model.Info.Id}: {active.Count} findings ({errors} errors, {warnings} warnings, {infos} info), {suppressed} suppressed; targets met {met}/{analysis.Metrics.Targets.Count}.\n");
        }
        return text.ToString();
    }

    private static string Severity(DiagnosticSeverity severity, bool zh) => severity switch
    {
        DiagnosticSeverity.Error => zh ? "错误" : "error",
        DiagnosticSeverity.Warning => zh ? "警告" : "warning",
        _ => zh ? "提示" : "info",
    };

    private static string FormatMetric(string metric, double? value) => value switch
    {
        null => "—",
        { } v when !MetricNames.IsRatio(metric) => v.ToString("#,0", CultureInfo.InvariantCulture),
        { } v => v.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal),
    };

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
