using System.Globalization;
using System.Text;
using System.Text.Json;
using ArchModel.Diagnostics;
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

    /// <summary>The diff and plan as a Markdown planning document: summary, plan by phase, metrics, findings, element changes.</summary>
    public static string Markdown(ModelDiff diff, MigrationPlan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(plan);
        var zh = language == Language.Chinese;
        string L(string c, string e) => zh ? c : e;
        var md = new StringBuilder();
        var beforeName = Cell(ModelName(diff.Before));
        var afterName = Cell(ModelName(diff.After));
        md.Append(CultureInfo.InvariantCulture, $"# {L("迁移规划：", "Migration plan: ")}{beforeName} → {afterName}\n\n");
        md.Append(Summary(diff, plan, language)).Append("\n\n");

        md.Append(CultureInfo.InvariantCulture, $"## {L("实施步骤", "Steps")}\n\n");
        if (plan.IsEmpty)
        {
            md.Append(L("两个模型相同，无需任何步骤。", "The two models are the same: nothing to do.")).Append("\n\n");
        }
        foreach (var phase in plan.Phases)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {PhaseTitle(phase, language)}\n\n");
            md.Append(L("| 序号 | 行动 | 内容 | 前置步骤 |\n| ---: | --- | --- | --- |\n", "| # | Action | What to do | After steps |\n| ---: | --- | --- | --- |\n"));
            foreach (var n in phase.Steps)
            {
                var s = plan[n];
                md.Append(CultureInfo.InvariantCulture,
                    $"| {s.Order} | {MigrationPlan.ActionLabel(s.Action)[language]} | {Cell(s.Description[language])} | {(s.After.Count == 0 ? "—" : string.Join(", ", s.After))} |\n");
            }
            md.Append('\n');
        }
        if (plan.Cycles.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {L("依赖循环", "Dependency cycles")}\n\n");
            md.Append(L("以下步骤相互依赖，无法排出满足全部依赖的顺序，请人工确定先后：\n\n", "These steps depend on each other in a circle; no order satisfies them all, so decide their order by hand:\n\n"));
            foreach (var c in plan.Cycles)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {L("步骤", "Steps")} {string.Join(", ", c.Steps)}\n");
            }
            md.Append('\n');
        }
        if (plan.Unresolved.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {L("待定事项", "Unresolved")}\n\n");
            md.Append(L("以下系统撤出原平台或网络后，目标架构未指定去向，须在实施前明确：\n\n", "The to-be model gives these systems nowhere to go after they leave their platform or network; decide before the step:\n\n"));
            foreach (var u in plan.Unresolved)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {L("步骤", "Step")} {u.Step}{L("：", ": ")}{Code(u.System)} {L("撤出", "leaves")} {Code(u.Host)}\n");
            }
            md.Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"## {L("指标变化", "Metrics")}\n\n");
        md.Append(L("| 指标 | 现状 | 目标架构 | 变化 | 规划目标 | 达标 |\n| --- | ---: | ---: | ---: | ---: | --- |\n",
            "| Metric | As-is | To-be | Change | Target | Met |\n| --- | ---: | ---: | ---: | ---: | --- |\n"));
        foreach (var m in diff.Metrics)
        {
            var target = m.Target is { } t ? (m.Direction == Analysis.MetricDirection.Higher ? "≥ " : "≤ ") + Number(t) : "—";
            var met = m.TargetMet switch { true => L("是", "yes"), false => L("否", "no"), _ => "—" };
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(MetricLabel(m.Metric, language))} | {Number(m.Before)} | {Number(m.After)} | {(m.Delta is { } d ? (d > 0 ? "+" : "") + Number(d) : "—")}{(m.Improved is null ? "" : m.Improved == true ? L("（改善）", " (better)") : L("（变差）", " (worse)"))} | {target} | {met} |\n");
        }
        md.Append('\n');

        md.Append(CultureInfo.InvariantCulture, $"## {L("问题变化", "Findings")}\n\n");
        md.Append($"### {L("已解决", "Resolved")}（{diff.ResolvedFindings.Count}）\n\n".Replace("（", zh ? "（" : " (", StringComparison.Ordinal).Replace("）", zh ? "）" : ")", StringComparison.Ordinal));
        FindingTable(md, diff.ResolvedFindings, language);
        md.Append($"### {L("新出现", "Introduced")}（{diff.IntroducedFindings.Count}）\n\n".Replace("（", zh ? "（" : " (", StringComparison.Ordinal).Replace("）", zh ? "）" : ")", StringComparison.Ordinal));
        FindingTable(md, diff.IntroducedFindings, language);

        md.Append(CultureInfo.InvariantCulture, $"## {L("元素变化", "Element changes")}\n\n");
        ElementList(md, L("新增", "Added"), diff.Added, language);
        ElementList(md, L("删除", "Removed"), diff.Removed, language);
        md.Append($"### {L("修改", "Changed")}（{diff.Changed.Count}）\n\n".Replace("（", zh ? "（" : " (", StringComparison.Ordinal).Replace("）", zh ? "）" : ")", StringComparison.Ordinal));
        if (diff.Changed.Count == 0)
        {
            md.Append(L("无。\n\n", "None.\n\n"));
        }
        else
        {
            md.Append(L("| 元素 | 字段 | 现状 | 目标架构 |\n| --- | --- | --- | --- |\n", "| Element | Field | As-is | To-be |\n| --- | --- | --- | --- |\n"));
            foreach (var c in diff.Changed)
            {
                foreach (var f in c.Fields)
                {
                    string before, after;
                    if (f.IsSet)
                    {
                        before = L("去掉：", "removed: ") + Values(f.RemovedValues);
                        after = L("增加：", "added: ") + Values(f.AddedValues);
                    }
                    else
                    {
                        before = FieldValues.Display(f.Before);
                        after = FieldValues.Display(f.After);
                    }
                    md.Append(CultureInfo.InvariantCulture, $"| {Code(c.Id)}{(c.DisplayName == c.Id ? "" : " " + Cell(c.DisplayName))} | {Cell(f.Field)} | {Cell(before)} | {Cell(after)} |\n");
                }
            }
            md.Append('\n');
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A metric's name for a planner: the Chinese term with the metric's key, or the key in English.</summary>
    private static string MetricLabel(string metric, Language language)
    {
        if (language == Language.English)
        {
            return metric;
        }
        var zh = metric switch
        {
            MetricNames.DuplicateRate => "重复建设率",
            MetricNames.IsolationRate => "孤立系统率",
            MetricNames.ZombieRate => "建而不用率",
            MetricNames.CrossAgencyFlowShare => "跨部门数据流占比",
            MetricNames.HorizontalFlowShare => "横向数据流占比",
            MetricNames.SharingRate => "数据共享率",
            MetricNames.OpenDataRate => "数据开放率",
            MetricNames.UnifiedNetworkRate => "统一网络接入率",
            MetricNames.CloudRate => "上云率",
            MetricNames.DomesticRate => "国产化率",
            MetricNames.OnlineServiceRate => "网上服务率",
            MetricNames.AvoidableAnnualCost => "可避免年运维费用（元）",
            _ => null,
        };
        return zh is null ? metric : $"{zh} ({metric})";
    }

    private static string Values(IReadOnlyList<object?> values) => values.Count == 0 ? "—" : string.Join(", ", values.Select(FieldValues.Display));

    private static void FindingTable(StringBuilder md, IReadOnlyList<FindingChange> findings, Language language)
    {
        var zh = language == Language.Chinese;
        if (findings.Count == 0)
        {
            md.Append(zh ? "无。\n\n" : "None.\n\n");
            return;
        }
        md.Append(zh ? "| 规则 | 问题 | 涉及元素 |\n| --- | --- | --- |\n" : "| Rule | Finding | Elements |\n| --- | --- | --- |\n");
        foreach (var f in findings)
        {
            var note = f.Suppressed ? (zh ? "（目标架构中已接受并抑制）" : " (accepted by a suppression in the to-be model)") : "";
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(f.Rule)} | {Cell(f.Finding.Title[language])}{note} | {string.Join(", ", f.Elements.Select(Code))} |\n");
        }
        md.Append('\n');
    }

    private static void ElementList(StringBuilder md, string title, IReadOnlyList<ElementChange> changes, Language language)
    {
        var zh = language == Language.Chinese;
        md.Append(CultureInfo.InvariantCulture, $"### {title}{(zh ? "（" : " (")}{changes.Count}{(zh ? "）" : ")")}\n\n");
        if (changes.Count == 0)
        {
            md.Append(zh ? "无。\n\n" : "None.\n\n");
            return;
        }
        md.Append(zh ? "| 元素 | 类型 | 名称 |\n| --- | --- | --- |\n" : "| Element | Kind | Name |\n| --- | --- | --- |\n");
        foreach (var c in changes)
        {
            var kind = Describer.KindName(c.Kind);
            md.Append(CultureInfo.InvariantCulture, $"| {Code(c.Id)} | {(zh ? kind.Zh : kind.En)} | {Cell(c.DisplayName)} |\n");
        }
        md.Append('\n');
    }

    private static string PhaseTitle(MigrationPhase phase, Language language)
    {
        var first = phase.Steps[0];
        var last = phase.Steps[^1];
        var range = first == last ? $"{first}" : $"{first}–{last}";
        // The phase's dates on the plan's timeline, when both models have a date (docs/planning.md, Timeline).
        var dates = phase.Start is { } start && phase.End is { } end
            ? $"{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : null;
        return language == Language.Chinese
            ? $"第{Ordinal((int)phase.Phase)}阶段：{phase.Name.Chinese}（步骤 {range}{(dates is null ? "" : "；" + dates)}）"
            : $"Phase {(int)phase.Phase}: {phase.Name.English} ({(first == last ? "step" : "steps")} {range}{(dates is null ? "" : "; " + dates)})";
    }

    private static string Ordinal(int n) => n switch { 1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", _ => "六" };

    private static string Summary(ModelDiff diff, MigrationPlan plan, Language language)
    {
        var resolved = diff.ResolvedFindings.Count;
        var introduced = diff.IntroducedFindings.Count;
        var before = diff.Before.Info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var after = diff.After.Info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (language == Language.Chinese)
        {
            var dates = before is not null || after is not null ? $"现状 {before ?? "—"} → 目标 {after ?? "—"}；" : "";
            return $"{dates}新增 {diff.Added.Count} 个元素，删除 {diff.Removed.Count} 个，修改 {diff.Changed.Count} 个；" +
                $"迁移计划共 {plan.Steps.Count} 步、{plan.Phases.Count} 个阶段；解决问题 {resolved} 个，新出现 {introduced} 个" +
                (plan.Cycles.Count > 0 ? $"；发现 {plan.Cycles.Count} 个依赖循环，需人工排序" : "") + "。";
        }
        var datesEn = before is not null || after is not null ? $"As-is {before ?? "—"} → to-be {after ?? "—"}; " : "";
        return $"{datesEn}{diff.Added.Count} elements added, {diff.Removed.Count} removed, {diff.Changed.Count} changed; " +
            $"the plan has {plan.Steps.Count} steps in {plan.Phases.Count} phases; {resolved} findings resolved, {introduced} introduced" +
            (plan.Cycles.Count > 0 ? $"; {plan.Cycles.Count} dependency cycles need ordering by hand" : "") + ".";
    }

    /// <summary>The diff and plan as plain text: one line per step, then metric and finding changes.</summary>
    public static string Text(ModelDiff diff, MigrationPlan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(plan);
        var zh = language == Language.Chinese;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{ModelName(diff.Before)} → {ModelName(diff.After)}\n");
        text.Append(Summary(diff, plan, language)).Append('\n');
        foreach (var phase in plan.Phases)
        {
            text.Append('\n').Append(PhaseTitle(phase, language)).Append('\n');
            foreach (var n in phase.Steps)
            {
                var s = plan[n];
                var after = s.After.Count == 0 ? "" : (zh ? $"（在步骤 {string.Join(", ", s.After)} 之后）" : $" (after {string.Join(", ", s.After)})");
                text.Append(CultureInfo.InvariantCulture, $"{s.Order,4}. [{s.ActionName}] {s.Description[language]}{after}\n");
            }
        }
        foreach (var c in plan.Cycles)
        {
            text.Append(zh ? $"依赖循环：步骤 {string.Join(", ", c.Steps)}\n" : $"dependency cycle: steps {string.Join(", ", c.Steps)}\n");
        }
        if (plan.Unresolved.Count > 0)
        {
            // Systems the to-be model leaves without a platform or network: the plan cannot be signed until they have one.
            text.Append('\n').Append(zh ? "待定事项（系统去向未定）：\n" : "Unresolved (systems with nowhere to go):\n");
            foreach (var u in plan.Unresolved)
            {
                text.Append(zh ? $"  步骤 {u.Step}：{u.System} 撤出 {u.Host} 后去向未定\n" : $"  step {u.Step}: {u.System} leaves {u.Host} for nowhere\n");
            }
        }
        var moved = diff.Metrics.Where(static m => m.Before != m.After).ToList();
        if (moved.Count > 0)
        {
            text.Append('\n').Append(zh ? "指标变化：\n" : "Metrics:\n");
            foreach (var m in moved)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {m.Metric}: {Number(m.Before)} → {Number(m.After)}\n");
            }
        }
        if (diff.ResolvedFindings.Count + diff.IntroducedFindings.Count > 0)
        {
            text.Append('\n').Append(zh ? "问题变化：\n" : "Findings:\n");
            foreach (var f in diff.ResolvedFindings)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {f.Rule} {string.Join(",", f.Elements)}{(f.Suppressed ? (zh ? "（已抑制）" : " (suppressed)") : "")}\n");
            }
            foreach (var f in diff.IntroducedFindings)
            {
                text.Append(CultureInfo.InvariantCulture, $"  + {f.Rule} {string.Join(",", f.Elements)}\n");
            }
        }
        return text.ToString();
    }

    private static string ModelName(ArchitectureModel model) => model.Info.Name ?? model.Info.Id;

    private static string Number(double? value) => value is not { } v ? "—"
        : Math.Abs(v - Math.Round(v)) < 1e-9 && Math.Abs(v) >= 1 ? v.ToString("#,0", CultureInfo.InvariantCulture)
        : v.ToString("0.####", CultureInfo.InvariantCulture);

    // Every value in the Markdown goes through the one Markdown escaper the reports use: a name can be no markup,
    // no link, no HTML, and cannot break a table row.
    private static string Cell(string text) => MarkdownEscaper.Text(text);

    private static string Code(string text) => MarkdownEscaper.Code(text);
}
