using System.Globalization;
using System.Text;
using System.Text.Json;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using ArchModel.Output;

namespace ArchModel.Planning;

/// <summary>
/// The outputs of <c>archmodel diff</c>: JSON (the shape of docs/cli.md), Markdown and plain text. Each is
/// byte-identical for the same two models.
/// </summary>
public static class DiffOutput
{
    /// <summary>Writes the diff and plan as JSON: <c>added</c>, <c>removed</c>, <c>changed</c>, <c>metrics</c>, <c>findings</c>, <c>steps</c>, then <c>phases</c> and <c>cycles</c>.</summary>
    /// <param name="output">Where to write (UTF-8, no byte-order mark).</param>
    /// <param name="diff">The diff.</param>
    /// <param name="plan">The plan made from it.</param>
    /// <param name="language">The language of step descriptions and phase names.</param>
    public static void WriteJson(Stream output, ModelDiff diff, MigrationPlan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(plan);
        using var w = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        w.WriteStartObject();
        WriteElements(w, "added", diff.Added, false);
        WriteElements(w, "removed", diff.Removed, false);
        WriteElements(w, "changed", diff.Changed, true);
        w.WriteStartObject("metrics");
        foreach (var m in diff.Metrics)
        {
            w.WriteStartObject(m.Metric);
            JsonOutput.WriteNumberOrNull(w, "before", m.Before);
            JsonOutput.WriteNumberOrNull(w, "after", m.After);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("findings");
        WriteFindings(w, "resolved", diff.ResolvedFindings, language);
        WriteFindings(w, "introduced", diff.IntroducedFindings, language);
        w.WriteEndObject();
        w.WriteStartArray("steps");
        foreach (var s in plan.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("order", s.Order);
            w.WriteString("action", s.ActionName);
            WriteStrings(w, "elements", s.Elements);
            w.WriteStartArray("after");
            foreach (var a in s.After) w.WriteNumberValue(a);
            w.WriteEndArray();
            w.WriteNumber("phase", (int)s.Phase);
            w.WriteString("description", s.Description[language]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("phases");
        foreach (var p in plan.Phases)
        {
            w.WriteStartObject();
            w.WriteNumber("phase", (int)p.Phase);
            w.WriteString("name", p.Name[language]);
            if (p.Start is { } start && p.End is { } end)
            {
                w.WriteString("start", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("end", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            w.WriteStartArray("steps");
            foreach (var n in p.Steps) w.WriteNumberValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("unresolved");
        foreach (var u in plan.Unresolved)
        {
            w.WriteStartObject();
            w.WriteNumber("step", u.Step);
            w.WriteString("system", u.System);
            w.WriteString("host", u.Host);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("cycles");
        foreach (var c in plan.Cycles)
        {
            w.WriteStartObject();
            w.WriteStartArray("steps");
            foreach (var n in c.Steps) w.WriteNumberValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteElements(Utf8JsonWriter w, string name, IReadOnlyList<ElementChange> changes, bool fields)
    {
        w.WriteStartArray(name);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("kind", JsonNames.Of(c.Kind));
            if (fields)
            {
                w.WriteStartObject("fields");
                foreach (var f in c.Fields)
                {
                    w.WriteStartObject(f.Field);
                    w.WritePropertyName("before");
                    WriteValue(w, f.Before ?? (f.IsSet ? Array.Empty<object?>() : null));
                    w.WritePropertyName("after");
                    WriteValue(w, f.After ?? (f.IsSet ? Array.Empty<object?>() : null));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            JsonOutput.FlushWhenFull(w);
        }
        w.WriteEndArray();
    }

    private static void WriteFindings(Utf8JsonWriter w, string name, IReadOnlyList<FindingChange> findings, Language language)
    {
        w.WriteStartArray(name);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", f.Rule);
            WriteStrings(w, "elements", f.Elements);
            w.WriteString("title", f.Finding.Title[language]);
            if (f.Suppressed)
            {
                w.WriteBoolean("suppressed", true);
            }
            w.WriteEndObject();
            JsonOutput.FlushWhenFull(w);
        }
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: w.WriteNumberValue(d); break;
            case IReadOnlyDictionary<string, object?> map:
                w.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    w.WritePropertyName(k);
                    WriteValue(w, v);
                }
                w.WriteEndObject();
                break;
            case IEnumerable<object?> list:
                w.WriteStartArray();
                foreach (var v in list) WriteValue(w, v);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>How many steps of a phase the text and Markdown list by default: a province's plan whole, a nation's
    /// 100,000 steps as the first of each phase (the JSON output and <c>all</c> list every one).</summary>
    public const int StepsPerPhase = 200;

    /// <summary>How many findings, elements or unresolved systems a list shows by default (a changed element listed
    /// shows a row for each of its changed fields).</summary>
    public const int RowsPerList = 200;

    /// <summary>How many elements a changed finding names by default (a national duplicate group names thousands).</summary>
    public const int ElementsPerFinding = 5;

    /// <summary>The diff and plan as a Markdown planning document: summary, plan by phase, metrics, findings, element changes.</summary>
    /// <param name="diff">The diff.</param>
    /// <param name="plan">Its migration plan.</param>
    /// <param name="language">The language written.</param>
    /// <param name="all">List every step, finding and element; by default each list stops at <see cref="StepsPerPhase"/>
    /// or <see cref="RowsPerList"/> rows and says how many more there are, and a finding names <see cref="ElementsPerFinding"/> elements.</param>
    public static string Markdown(ModelDiff diff, MigrationPlan plan, Language language, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(plan);
        string L(string key) => Texts.Get(key, language);
        var md = new StringBuilder();
        var beforeName = Cell(ModelName(diff.Before));
        var afterName = Cell(ModelName(diff.After));
        md.Append(CultureInfo.InvariantCulture, $"# {L("diff.migration-plan")}{beforeName} → {afterName}\n\n");
        md.Append(Summary(diff, plan, language)).Append("\n\n");

        md.Append(CultureInfo.InvariantCulture, $"## {L("diff.steps")}\n\n");
        if (plan.IsEmpty)
        {
            md.Append(L("diff.no-steps")).Append("\n\n");
        }
        foreach (var phase in plan.Phases)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {PhaseTitle(phase, language)}\n\n");
            md.Append(L("diff.steps-table"));
            foreach (var n in Listed(phase.Steps, StepsPerPhase, all))
            {
                var s = plan[n];
                md.Append(CultureInfo.InvariantCulture,
                    $"| {s.Order} | {MigrationPlan.ActionLabel(s.Action)[language]} | {Cell(s.Description[language])} | {(s.After.Count == 0 ? "—" : string.Join(", ", s.After))} |\n");
            }
            md.Append('\n').Append(More(phase.Steps.Count, StepsPerPhase, all, "diff.more-steps", language, "\n\n"));
        }
        if (plan.Cycles.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {L("diff.dependency-cycles")}\n\n");
            md.Append(L("diff.cycles-intro"));
            foreach (var c in plan.Cycles)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {L("diff.cycle-steps")} {string.Join(", ", c.Steps)}\n");
            }
            md.Append('\n');
        }
        if (plan.Unresolved.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {L("diff.unresolved")}\n\n");
            md.Append(L("diff.unresolved-intro")).Append("\n\n");
            foreach (var u in Listed(plan.Unresolved, RowsPerList, all))
            {
                md.Append("- ").Append(Texts.Format("diff.unresolved-item", language, u.Step,
                    Cell(NameOf(diff, u.System)) + " " + Code(u.System), Cell(NameOf(diff, u.Host)) + " " + Code(u.Host))).Append('\n');
            }
            md.Append('\n').Append(More(plan.Unresolved.Count, RowsPerList, all, "diff.more-rows", language, "\n\n"));
        }

        md.Append(CultureInfo.InvariantCulture, $"## {L("diff.metrics")}\n\n");
        md.Append(L("diff.metrics-table"));
        foreach (var m in diff.Metrics)
        {
            var target = m.Target is { } t ? (m.Direction == Analysis.MetricDirection.Higher ? "≥ " : "≤ ") + MetricValue(m.Metric, t, language) : "—";
            var met = m.TargetMet switch { true => L("diff.yes"), false => L("diff.no"), _ => "—" };
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(MetricLabel(m.Metric, language))} | {MetricValue(m.Metric, m.Before, language)} | {MetricValue(m.Metric, m.After, language)} | {(m.Delta is { } d ? MetricDelta(m.Metric, d, language) : "—")}{(m.Improved is null ? "" : m.Improved == true ? L("diff.better") : L("diff.worse"))} | {target} | {met} |\n");
        }
        md.Append('\n');

        md.Append(CultureInfo.InvariantCulture, $"## {L("diff.findings")}\n\n");
        md.Append($"### {L("diff.resolved")}（{diff.ResolvedFindings.Count}）\n\n".Replace("（", Texts.Get("p.open", language), StringComparison.Ordinal).Replace("）", Texts.Get("p.close", language), StringComparison.Ordinal));
        FindingTable(md, diff.ResolvedFindings, language, all);
        md.Append($"### {L("diff.introduced")}（{diff.IntroducedFindings.Count}）\n\n".Replace("（", Texts.Get("p.open", language), StringComparison.Ordinal).Replace("）", Texts.Get("p.close", language), StringComparison.Ordinal));
        FindingTable(md, diff.IntroducedFindings, language, all);

        md.Append(CultureInfo.InvariantCulture, $"## {L("diff.element-changes")}\n\n");
        ElementList(md, L("diff.added"), diff.Added, language, all);
        ElementList(md, L("diff.removed"), diff.Removed, language, all);
        md.Append($"### {L("diff.changed")}（{diff.Changed.Count}）\n\n".Replace("（", Texts.Get("p.open", language), StringComparison.Ordinal).Replace("）", Texts.Get("p.close", language), StringComparison.Ordinal));
        if (diff.Changed.Count == 0)
        {
            md.Append(L("diff.none"));
        }
        else
        {
            md.Append(L("diff.changes-table"));
            foreach (var c in Listed(diff.Changed, RowsPerList, all))
            {
                foreach (var f in c.Fields)
                {
                    string before, after;
                    // Values that are words of the model format (a status, a mode) in the reader's words.
                    string Value(object? v) => v switch
                    {
                        string text when Terms.FieldValue(c.Kind, f.Field, text) is { } word => word[language],
                        double or long or int when IsMoney(f.Field) => Money.Format(Convert.ToDouble(v, CultureInfo.InvariantCulture), language),
                        null when IsMoney(f.Field) => Money.Unknown(language),
                        _ => FieldValues.Display(v, language),
                    };
                    if (f.IsSet)
                    {
                        before = L("diff.set-removed") + (f.RemovedValues.Count == 0 ? "—" : string.Join(L("p.sep"), f.RemovedValues.Select(Value)));
                        after = L("diff.set-added") + (f.AddedValues.Count == 0 ? "—" : string.Join(L("p.sep"), f.AddedValues.Select(Value)));
                    }
                    else
                    {
                        before = Value(f.Before);
                        after = Value(f.After);
                    }
                    md.Append(CultureInfo.InvariantCulture, $"| {Code(c.Id)}{(c.DisplayName == c.Id ? "" : " " + Cell(c.DisplayName))} | {Cell(Terms.Field(f.Field)[language])} | {Cell(before)} | {Cell(after)} |\n");
                }
            }
            md.Append('\n').Append(More(diff.Changed.Count, RowsPerList, all, "diff.more-rows", language, "\n\n"));
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A metric's name for a planner, from the terminology table.</summary>
    private static string MetricLabel(string metric, Language language) => Terms.Metric(metric)[language];

    /// <summary>A metric's value as the reports write it: a percentage for ratios, money for the avoidable cost.</summary>
    private static string MetricValue(string metric, double? value, Language language) => Figures.MetricValue(metric, value, language);

    /// <summary>A change of a metric: percentage points for ratios, money for the avoidable cost.</summary>
    private static string MetricDelta(string metric, double delta, Language language)
    {
        var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        return MetricNames.IsRatio(metric)
            ? sign + Texts.Format("unit.points", language, Math.Round(Math.Abs(delta) * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture))
            : sign + Money.Format(Math.Abs(delta), language);
    }

    /// <summary>Whether a field of the model format is an amount of money (yuan).</summary>
    internal static bool IsMoney(string field) => field is "cost.build" or "cost.annualOperation" or "budget";

    private static void FindingTable(StringBuilder md, IReadOnlyList<FindingChange> findings, Language language, bool all)
    {
        if (findings.Count == 0)
        {
            md.Append(Texts.Get("diff.none", language));
            return;
        }
        md.Append(Texts.Get("diff.findings-table", language));
        foreach (var f in Listed(findings, RowsPerList, all))
        {
            var note = f.Suppressed ? (Texts.Get("diff.suppressed-in-to-be", language)) : "";
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(f.Rule)} | {Cell(f.Finding.Title[language])}{note} | {Elements(f.Elements, Code, ", ", all, language)} |\n");
        }
        md.Append('\n').Append(More(findings.Count, RowsPerList, all, "diff.more-rows", language, "\n\n"));
    }

    /// <summary>The first <paramref name="limit"/> items, or all of them with <paramref name="all"/>.</summary>
    private static IEnumerable<T> Listed<T>(IReadOnlyList<T> items, int limit, bool all) => all ? items : items.Take(limit);

    /// <summary>"… N more are not listed" (a text of <paramref name="key"/>) and <paramref name="end"/> when a list was cut; else nothing.</summary>
    private static string More(int count, int limit, bool all, string key, Language language, string end) =>
        all || count <= limit ? "" : Texts.Format(key, language, count - limit) + end;

    /// <summary>A finding's elements, written by <paramref name="write"/>: the first <see cref="ElementsPerFinding"/> and how many in all.</summary>
    private static string Elements(IReadOnlyList<string> ids, Func<string, string> write, string separator, bool all, Language language) =>
        all || ids.Count <= ElementsPerFinding
            ? string.Join(separator, ids.Select(write))
            : string.Join(separator, ids.Take(ElementsPerFinding).Select(write)) + Texts.Format("diff.more-elements", language, ids.Count);

    private static void ElementList(StringBuilder md, string title, IReadOnlyList<ElementChange> changes, Language language, bool all)
    {
        md.Append(CultureInfo.InvariantCulture, $"### {title}{(Texts.Get("p.open", language))}{changes.Count}{(Texts.Get("p.close", language))}\n\n");
        if (changes.Count == 0)
        {
            md.Append(Texts.Get("diff.none", language));
            return;
        }
        md.Append(Texts.Get("diff.elements-table", language));
        foreach (var c in Listed(changes, RowsPerList, all))
        {
            var kind = Describer.KindName(c.Kind);
            md.Append(CultureInfo.InvariantCulture, $"| {Code(c.Id)} | {kind.In(language)} | {Cell(c.DisplayName)} |\n");
        }
        md.Append('\n').Append(More(changes.Count, RowsPerList, all, "diff.more-rows", language, "\n\n"));
    }

    private static string PhaseTitle(MigrationPhase phase, Language language)
    {
        var first = phase.Steps[0];
        var last = phase.Steps[^1];
        var range = first == last ? $"{first}" : $"{first}–{last}";
        // The phase's number in words (第一阶段) where the language writes it so; its name is the plan's; its dates on the
        // plan's timeline when both models have a date (docs/planning.md, Timeline).
        var number = Texts.Get("diff.phase-number." + Math.Clamp((int)phase.Phase, 1, 6).ToString(CultureInfo.InvariantCulture), language);
        var title = first == last ? "diff.phase-title-one" : "diff.phase-title";
        return phase.Start is { } start && phase.End is { } end
            ? Texts.Format(title + "-dated", language, number, phase.Name[language], range,
                start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Texts.Format(title, language, number, phase.Name[language], range);
    }

    private static string Summary(ModelDiff diff, MigrationPlan plan, Language language)
    {
        var resolved = diff.ResolvedFindings.Count;
        var introduced = diff.IntroducedFindings.Count;
        var before = diff.Before.Info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var after = diff.After.Info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dates = before is not null || after is not null ? Texts.Format("diff.summary-dates", language, before ?? "—", after ?? "—") : "";
        return dates + Texts.Format("diff.summary", language, diff.Added.Count, diff.Removed.Count, diff.Changed.Count, plan.Steps.Count, plan.Phases.Count, resolved, introduced)
            + (plan.Cycles.Count > 0 ? Texts.Format("diff.summary-cycles", language, plan.Cycles.Count) : "") + Texts.Get("p.period", language);
    }

    /// <summary>The diff and plan as plain text: one line per step, then metric and finding changes.</summary>
    /// <param name="diff">The diff.</param>
    /// <param name="plan">Its migration plan.</param>
    /// <param name="language">The language written.</param>
    /// <param name="all">List every step, finding and element; by default each phase stops at <see cref="StepsPerPhase"/>
    /// steps and each list at <see cref="RowsPerList"/> rows, saying how many more there are, and a finding names
    /// <see cref="ElementsPerFinding"/> elements.</param>
    public static string Text(ModelDiff diff, MigrationPlan plan, Language language, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{ModelName(diff.Before)} → {ModelName(diff.After)}\n");
        text.Append(Summary(diff, plan, language)).Append('\n');
        foreach (var phase in plan.Phases)
        {
            text.Append('\n').Append(PhaseTitle(phase, language)).Append('\n');
            foreach (var n in Listed(phase.Steps, StepsPerPhase, all))
            {
                var s = plan[n];
                var after = s.After.Count == 0 ? "" : Texts.Format("diff.after-steps", language, string.Join(", ", s.After));
                // The description starts with what to do, in words; the action's token is in the JSON output.
                text.Append(CultureInfo.InvariantCulture, $"{s.Order,4}. {s.Description[language]}{after}\n");
            }
            text.Append(More(phase.Steps.Count, StepsPerPhase, all, "diff.more-steps", language, "\n"));
        }
        foreach (var c in plan.Cycles)
        {
            text.Append(Texts.Format("diff.text-cycle", language, string.Join(", ", c.Steps))).Append('\n');
        }
        if (plan.Unresolved.Count > 0)
        {
            // Systems the to-be model leaves without a platform or network: the plan cannot be signed until they have one.
            text.Append('\n').Append(Texts.Get("diff.text-unresolved", language)).Append('\n');
            foreach (var u in Listed(plan.Unresolved, RowsPerList, all))
            {
                text.Append("  ").Append(Texts.Format("diff.unresolved-item", language, u.Step,
                    $"{NameOf(diff, u.System)} [{u.System}]", $"{NameOf(diff, u.Host)} [{u.Host}]")).Append('\n');
            }
            text.Append(More(plan.Unresolved.Count, RowsPerList, all, "diff.more-rows", language, "\n"));
        }
        var moved = diff.Metrics.Where(static m => m.Before != m.After).ToList();
        if (moved.Count > 0)
        {
            text.Append('\n').Append(Texts.Get("diff.text-metrics", language));
            foreach (var m in moved)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {MetricLabel(m.Metric, language)}{(Texts.Get("p.colon", language))}{MetricValue(m.Metric, m.Before, language)} → {MetricValue(m.Metric, m.After, language)}\n");
            }
        }
        if (diff.ResolvedFindings.Count + diff.IntroducedFindings.Count > 0)
        {
            text.Append('\n').Append(Texts.Get("diff.text-findings", language));
            foreach (var f in Listed(diff.ResolvedFindings, RowsPerList, all))
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {f.Rule} {Elements(f.Elements, static id => id, ",", all, language)}{(f.Suppressed ? (Texts.Get("diff.suppressed", language)) : "")}\n");
            }
            text.Append(More(diff.ResolvedFindings.Count, RowsPerList, all, "diff.more-rows", language, "\n"));
            foreach (var f in Listed(diff.IntroducedFindings, RowsPerList, all))
            {
                text.Append(CultureInfo.InvariantCulture, $"  + {f.Rule} {Elements(f.Elements, static id => id, ",", all, language)}\n");
            }
            text.Append(More(diff.IntroducedFindings.Count, RowsPerList, all, "diff.more-rows", language, "\n"));
        }
        return text.ToString();
    }

    private static string ModelName(ArchitectureModel model) => model.Info.Name ?? model.Info.Id;

    // Every value in the Markdown goes through the one Markdown escaper the reports use: a name can be no markup,
    // no link, no HTML, and cannot break a table row.
    private static string Cell(string text) => MarkdownEscaper.Text(text);

    private static string Code(string text) => MarkdownEscaper.Code(text);

    /// <summary>An element's name, from the to-be model or else the as-is one; its id when neither names it.</summary>
    private static string NameOf(ModelDiff diff, string id) => (diff.After.Find(id) ?? diff.Before.Find(id))?.DisplayName ?? id;
}
