using System.Globalization;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using ArchModel.Planning;
using Scriban.Runtime;

namespace ArchModel.Documents;

/// <summary>The <c>plan</c> section of the view model: the as-is → to-be diff and the migration plan, for the roadmap.</summary>
/// <remarks>
/// Computed from <see cref="ModelDiff"/> and <see cref="MigrationPlan"/> only (no planning logic here). The report's
/// model is the to-be model; the baseline is the as-is model. Elements removed by the plan are looked up in the
/// baseline.
/// </remarks>
internal sealed partial class ViewModelBuilder
{
    private ScriptObject Roadmap(ModelDiff diff, MigrationPlan plan)
    {
        var before = diff.Before;
        var after = diff.After;
        var steps = plan.Steps.Select(s => StepObject(diff, s)).ToArray();
        var catalogue = MetricNames.All.ToList();
        var metrics = diff.Metrics
            .OrderBy(m => catalogue.IndexOf(m.Metric))
            .Select(MetricDeltaObject).ToArray();
        var targets = metrics.Where(static m => m["target"] is not null).ToArray();
        var kinds = Enum.GetValues<ElementKind>()
            .Select(k => (k, added: diff.Added.Count(c => c.Kind == k), removed: diff.Removed.Count(c => c.Kind == k), changed: diff.Changed.Count(c => c.Kind == k)))
            .Where(static x => x.added + x.removed + x.changed > 0)
            .Select(x => Obj(("kind", Kebab(x.k)), ("kind_label", L(Labels.Of(x.k))), ("added", x.added), ("removed", x.removed), ("changed", x.changed)));

        // Savings: the avoidable cost of duplicate builds before and after, and what running the systems costs.
        var avoidable = diff.Metrics.FirstOrDefault(static m => m.Metric == MetricNames.AvoidableAnnualCost);
        var avoidableBefore = avoidable?.Before ?? 0;
        var avoidableAfter = avoidable?.After ?? 0;
        static double Running(ArchitectureModel m) => m.Systems.Where(static s => s.IsActive).Sum(static s => s.Cost?.AnnualOperation ?? 0);
        var runningBefore = Running(before);
        var runningAfter = Running(after);
        var retiredCost = plan.Steps.Where(static s => s.Action == StepAction.RetireSystem)
            .Sum(s => (diff.Find(s.Subject)?.Before as InformationSystem)?.Cost?.AnnualOperation ?? 0);

        var built = plan.Steps.Where(static s => s.Action is StepAction.BuildNetwork or StepAction.BuildPlatform or StepAction.BuildSystem or StepAction.GoLive)
            .Select(s => ChangeItem(diff, s)).ToArray();
        var migrated = plan.Steps.Where(static s => s.Action is StepAction.MoveToNetwork or StepAction.MoveToPlatform)
            .Select(s => MigrationItem(diff, s)).ToArray();
        var consolidated = plan.Steps.Where(static s => s.Action == StepAction.RetireSystem && s.Replacements.Count > 0)
            .Select(s => ChangeItem(diff, s)).ToArray();
        var shared = plan.Steps.Where(static s => s.Action == StepAction.ShareSystem).Select(s => SharingItem(diff, s)).ToArray();
        var retired = plan.Steps.Where(static s => s.Action is StepAction.RetireSystem or StepAction.RetirePlatform or StepAction.RetireNetwork or StepAction.RetireData)
            .Select(s => ChangeItem(diff, s)).ToArray();

        return Obj(
            ("baseline", Obj(
                ("id", before.Info.Id), ("name", before.Info.Name ?? before.Info.Id), ("description", before.Info.Description),
                ("as_of", before.Info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("as_of_display", before.Info.AsOf is { } d ? Date(d) : null),
                ("systems", before.Systems.Count), ("active_systems", before.Systems.Count(static s => s.IsActive)),
                ("networks", before.Networks.Count), ("platforms", before.Platforms.Count),
                ("findings", diff.BeforeAnalysis.ActiveFindings.Count()))),
            ("diff", Obj(("added", diff.Added.Count), ("removed", diff.Removed.Count), ("changed", diff.Changed.Count),
                ("total", diff.Added.Count + diff.Removed.Count + diff.Changed.Count), ("by_kind", Array(kinds)))),
            ("steps_total", plan.Steps.Count),
            ("steps", Array(steps)),
            ("phases", Array(plan.Phases.Select(p => Obj(
                ("phase", (int)p.Phase), ("anchor", "phase-" + ((int)p.Phase).ToString(CultureInfo.InvariantCulture)),
                ("start", p.Start is { } ps ? Iso(ps) : null), ("end", p.End is { } pe ? Iso(pe) : null),
                ("start_display", p.Start is { } ps2 ? Date(ps2) : null), ("end_display", p.End is { } pe2 ? Date(pe2) : null),
                ("name", L(p.Name)), ("first", p.Steps[0]), ("last", p.Steps[^1]), ("count", p.Steps.Count),
                ("range_display", p.Steps.Count == 1
                    ? DocumentText.Get("roadmap.phase_single", _lang, p.Steps[0])
                    : DocumentText.Get("roadmap.phase_range", _lang, p.Steps[0], p.Steps[^1], p.Steps.Count)),
                ("steps_display", p.Steps.Count == 1 ? p.Steps[0].ToString(CultureInfo.InvariantCulture) : $"{p.Steps[0]}–{p.Steps[^1]}"),
                ("summary", PhaseSummary(plan, p)),
                ("steps", Array(p.Steps.Select(o => steps[o - 1]))))))),
            ("cycles", Array(plan.Cycles.Select(c => Obj(
                ("steps", Ints(c.Steps)), ("steps_display", string.Join(Sep, c.Steps)),
                ("dependencies", Array(c.Dependencies.Select(static d => Obj(("step", d.Step), ("after", d.After))))))))),
            ("metrics", Array(metrics)),
            ("targets", Array(targets)),
            ("targets_total", targets.Length),
            ("targets_met_before", targets.Count(static m => m["met_before"] is true)),
            ("targets_met_after", targets.Count(static m => m["met_after"] is true)),
            ("findings_before", diff.BeforeAnalysis.ActiveFindings.Count()),
            ("findings_after", diff.AfterAnalysis.ActiveFindings.Count()),
            ("findings_resolved", FindingChanges(diff, diff.ResolvedFindings, resolved: true)),
            ("findings_introduced", FindingChanges(diff, diff.IntroducedFindings, resolved: false)),
            ("savings", Obj(
                ("avoidable_before", avoidableBefore), ("avoidable_before_display", Labels.Money(avoidableBefore, _lang)),
                ("avoidable_after", avoidableAfter), ("avoidable_after_display", Labels.Money(avoidableAfter, _lang)),
                ("avoidable_resolved", avoidableBefore - avoidableAfter), ("avoidable_resolved_display", Labels.Money(avoidableBefore - avoidableAfter, _lang)),
                ("annual_cost_before", runningBefore), ("annual_cost_before_display", Labels.Money(runningBefore, _lang)),
                ("annual_cost_after", runningAfter), ("annual_cost_after_display", Labels.Money(runningAfter, _lang)),
                ("annual_cost_change", runningAfter - runningBefore), ("annual_cost_change_display", SignedMoney(runningAfter - runningBefore)),
                ("retired_annual_cost", retiredCost), ("retired_annual_cost_display", Labels.Money(retiredCost, _lang)),
                // The net change and where it comes from (MigrationPlan.OperatingCost): the avoidable-cost saving is
                // not the whole story when new systems cost more to run than the retired ones saved.
                ("cost_retired", plan.OperatingCost.Retired), ("cost_retired_display", SignedMoney(-plan.OperatingCost.Retired)),
                ("cost_added", plan.OperatingCost.Added), ("cost_added_display", SignedMoney(plan.OperatingCost.Added)),
                ("cost_changed", plan.OperatingCost.Changed), ("cost_changed_display", SignedMoney(plan.OperatingCost.Changed)),
                ("cost_net", plan.OperatingCost.Net), ("cost_net_display", SignedMoney(plan.OperatingCost.Net)),
                ("cost_retired_amount_display", Labels.Money(plan.OperatingCost.Retired, _lang)),
                ("cost_added_amount_display", Labels.Money(plan.OperatingCost.Added, _lang)),
                ("cost_rises", plan.OperatingCost.Net > 0.005),
                ("cost_rises_despite_saving", plan.OperatingCost.Net > 0.005 && plan.OperatingCost.AvoidableSaved > 0.005))),
            ("unresolved", Array(plan.Unresolved.Select(u => Obj(
                ("step", u.Step), ("step_anchor", StepAnchor(u.Step)),
                ("system", u.System), ("system_name", NameIn(diff, u.System)), ("owner_name", OwnerName(diff, AnyElement(diff, u.System))),
                ("host", u.Host), ("host_name", NameIn(diff, u.Host)), ("host_kind_label", L(Labels.Of(u.HostKind))))))),
            ("timeline", Timeline(plan)),
            ("built", Array(built)),
            ("migrated", Array(migrated)),
            ("consolidated", Array(consolidated)),
            ("shared", Array(shared)),
            ("retired", Array(retired)),
            ("counts", Obj(("built", built.Length), ("migrated", migrated.Length), ("consolidated", consolidated.Length),
                ("shared", shared.Length), ("retired", retired.Length))));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The plan's timeline for the report: the phases with their dates, the milestones, and the geometry of the chart
    /// (an SVG the HTML template draws): one bar per phase (at most six, however many steps), year lines, and
    /// numbered milestone marks whose names are in the table below the chart, so that nothing overlaps.
    /// </summary>
    private ScriptObject? Timeline(MigrationPlan plan)
    {
        if (plan.Schedule is not { } schedule)
        {
            return null;
        }
        const double left = 230, right = 840, top = 34, row = 30, bar = 18, width = 860;
        var first = schedule.Start.DayNumber;
        var span = Math.Max(1, schedule.End.DayNumber - first);
        double X(DateOnly d) => left + (right - left) * Math.Clamp(d.DayNumber - first, 0, span) / span;
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        // Year lines on 1 January; every fifth year when the plan is longer than twenty years.
        var years = schedule.End.Year - schedule.Start.Year;
        var every = years > 20 ? 5 : 1;
        var ticks = new List<ScriptObject>();
        for (var y = schedule.Start.Year + 1; y <= schedule.End.Year; y++)
        {
            if (y % every == 0 || every == 1)
            {
                var x = X(new DateOnly(y, 1, 1));
                // No year label where it would run into the start or end date written at the ends of the axis.
                var labelled = x - left >= 70 && right - x >= 70;
                ticks.Add(Obj(("x", N(x)), ("label", labelled ? DocumentText.Get("roadmap.year", _lang, y) : null)));
            }
        }
        var bars = new List<ScriptObject>();
        var y0 = top;
        foreach (var p in plan.Phases)
        {
            var x1 = X(p.Start!.Value);
            var x2 = X(p.End!.Value);
            var w = Math.Max(2, x2 - x1);
            var count = p.Steps.Count == 1 ? T("roadmap.steps_count_one") : DocumentText.Get("roadmap.steps_count", _lang, p.Steps.Count);
            // The step count goes right of the bar; inside it when the bar reaches the right edge and is wide enough;
            // else left of it (a short last phase).
            var inside = x1 + w > right - 40 && w >= 48;
            var leftOf = x1 + w > right - 40 && !inside;
            bars.Add(Obj(
                ("phase", (int)p.Phase), ("name", L(p.Name)), ("anchor", "phase-" + ((int)p.Phase).ToString(CultureInfo.InvariantCulture)),
                ("x", N(x1)), ("y", N(y0 + (row - bar) / 2)), ("width", N(w)), ("height", N(bar)),
                ("label_y", N(y0 + row / 2 + 4)),
                ("count_label", count), ("count_x", N(inside ? x1 + w - 4 : leftOf ? x1 - 4 : x1 + w + 4)), ("count_inside", inside),
                ("count_anchor", inside || leftOf ? "end" : "start"),
                ("title", $"{(int)p.Phase} {L(p.Name)}{T("p.colon")}{Iso(p.Start.Value)} – {Iso(p.End.Value)}{Texts.Get("plan.sep.comma", _lang)}{count}")));
            y0 += row;
        }
        var marks = new List<ScriptObject>();
        var milestones = new List<ScriptObject>();
        var number = 0;
        var markY = y0 + 14;
        var lastLabel = double.NegativeInfinity;
        foreach (var m in schedule.Milestones)
        {
            number++;
            var phaseName = m.Milestone.Phase is { } mp ? L(MigrationPlan.PhaseName((PlanPhase)(int)mp)) : null;
            var note = m.OutsidePeriod ? T("roadmap.milestone_outside")
                : m.OutOfOrder ? T("roadmap.milestone_out_of_order")
                : phaseName is not null ? DocumentText.Get("roadmap.milestone_closes", _lang, phaseName)
                : T("roadmap.milestone_marker");
            milestones.Add(Obj(("number", number), ("id", m.Milestone.Id), ("name", m.Milestone.Name), ("date", Iso(m.Milestone.Date)),
                ("date_display", Date(m.Milestone.Date)), ("phase_name", phaseName), ("description", m.Milestone.Description),
                ("note", note), ("on_chart", !m.OutsidePeriod)));
            if (!m.OutsidePeriod)
            {
                var x = X(m.Milestone.Date);
                // Many milestones (a national plan): a mark's number is written only clear of the last one written;
                // every mark keeps its tooltip and its row in the table.
                var labelled = x - lastLabel >= 16;
                if (labelled)
                {
                    lastLabel = x;
                }
                marks.Add(Obj(("number", labelled ? number : null), ("x", N(x)), ("y", N(markY)),
                    // Coordinates separated by spaces only (valid SVG): "582,221" would read as a grouped number to a reader's tools.
                    ("points", $"{N(x)} {N(markY - 7)} {N(x + 7)} {N(markY)} {N(x)} {N(markY + 7)} {N(x - 7)} {N(markY)}"),
                    ("label_y", N(markY + 20)), ("title", $"{number}. {Iso(m.Milestone.Date)} {m.Milestone.Name}")));
            }
        }
        var height = y0 + (marks.Count > 0 ? 48 : 8);
        return Obj(
            ("start", Iso(schedule.Start)), ("end", Iso(schedule.End)),
            ("start_display", Date(schedule.Start)), ("end_display", Date(schedule.End)),
            ("width", width), ("height", N(height)), ("left", N(left)), ("right", N(right)), ("axis_y", N(top - 8)),
            ("grid_top", N(top - 4)), ("grid_bottom", N(y0)), ("mark_line_y", N(markY)),
            ("ticks", Array(ticks)), ("bars", Array(bars)), ("marks", Array(marks)),
            ("milestones", Array(milestones)), ("milestones_count", milestones.Count));
    }

    private string PhaseSummary(MigrationPlan plan, MigrationPhase phase) => string.Join(Sep, phase.Steps
        .Select(o => plan[o].Action).GroupBy(static a => a).OrderBy(static g => g.Key)
        .Select(g => L(MigrationPlan.ActionLabel(g.Key)) + " " + g.Count().ToString(CultureInfo.InvariantCulture)));

    private ScriptObject StepObject(ModelDiff diff, MigrationStep s)
    {
        var subject = AnyElement(diff, s.Subject);
        return Obj(
            ("order", s.Order), ("anchor", StepAnchor(s.Order)),
            ("action", s.ActionName), ("action_label", L(MigrationPlan.ActionLabel(s.Action))),
            ("phase", (int)s.Phase), ("phase_name", L(MigrationPlan.PhaseName(s.Phase))),
            ("description", s.Description[_lang]),
            ("subject", s.Subject), ("subject_name", NameIn(diff, s.Subject)),
            ("kind", Kebab(s.Kind)), ("kind_label", L(Labels.Of(s.Kind))),
            ("owner_name", OwnerName(diff, subject)),
            ("elements", Array(s.Elements.Select(id => PlanRef(diff, id)))),
            ("replacements", Array(s.Replacements.Select(id => PlanRef(diff, id)))),
            ("after", Ints(s.After)),
            ("after_display", s.After.Count == 0 ? "—" : string.Join(Sep, s.After)));
    }

    /// <summary>A built, consolidated or retired element: the step's subject with its owner, cost and replacements.</summary>
    private ScriptObject ChangeItem(ModelDiff diff, MigrationStep s)
    {
        // A retired element is described as it was (the to-be model may keep it, retired, without its cost).
        var retiring = s.Action is StepAction.RetireSystem or StepAction.RetirePlatform or StepAction.RetireNetwork or StepAction.RetireData;
        var e = retiring ? diff.Find(s.Subject)?.Before ?? AnyElement(diff, s.Subject) : AnyElement(diff, s.Subject);
        var cost = (e as InformationSystem)?.Cost?.AnnualOperation;
        var replacements = s.Replacements.Select(id => NameIn(diff, id)).ToArray();
        return Obj(
            ("id", s.Subject), ("name", NameIn(diff, s.Subject)), ("kind", Kebab(s.Kind)), ("kind_label", L(Labels.Of(s.Kind))),
            ("owner_name", OwnerName(diff, e)),
            ("step", s.Order), ("step_anchor", StepAnchor(s.Order)), ("action", s.ActionName), ("action_label", L(MigrationPlan.ActionLabel(s.Action))),
            ("description", s.Description[_lang]),
            ("annual_cost", cost), ("annual_cost_display", cost is { } c ? Labels.Money(c, _lang) : null),
            ("replacements", Strings(replacements)),
            ("replacements_display", replacements.Length == 0 ? null : string.Join(Sep, replacements)));
    }

    /// <summary>A system moving onto other networks or another platform: from where, to where, and whether the target is unified or shared.</summary>
    private ScriptObject MigrationItem(ModelDiff diff, MigrationStep s)
    {
        var change = diff.Find(s.Subject);
        var old = change?.Before as InformationSystem;
        var now = change?.After as InformationSystem;
        string from, to;
        bool target;
        if (s.Action == StepAction.MoveToNetwork)
        {
            var gone = (old?.Networks ?? []).Select(n => diff.AfterIdOf(n) ?? n).Except(now?.Networks ?? [], StringComparer.Ordinal).ToArray();
            var joined = (now?.Networks ?? []).Except((old?.Networks ?? []).Select(n => diff.AfterIdOf(n) ?? n), StringComparer.Ordinal).ToArray();
            from = gone.Length == 0 ? "—" : string.Join(Sep, gone.Select(n => NameIn(diff, n)));
            to = joined.Length == 0 ? "—" : string.Join(Sep, joined.Select(n => NameIn(diff, n)));
            target = joined.Length > 0 && joined.All(n => diff.After.GetNetwork(n)?.IsUnified == true);
        }
        else
        {
            from = old?.Hosting is { } h ? NameIn(diff, diff.AfterIdOf(h) ?? h) : "—";
            to = now?.Hosting is { } h2 ? NameIn(diff, h2) : "—";
            target = now?.Hosting is { } h3 && diff.After.GetPlatform(h3)?.Shared == true;
        }
        return Obj(
            ("id", s.Subject), ("name", NameIn(diff, s.Subject)), ("owner_name", OwnerName(diff, now ?? old)),
            ("to_network", s.Action == StepAction.MoveToNetwork), ("to_platform", s.Action == StepAction.MoveToPlatform),
            ("what_label", T(s.Action == StepAction.MoveToNetwork ? "roadmap.move_network" : "roadmap.move_platform")),
            ("from", from), ("to", to),
            ("unified_or_shared", target),
            ("step", s.Order), ("step_anchor", StepAnchor(s.Order)),
            ("description", s.Description[_lang]));
    }

    /// <summary>A system opened to more agencies (统建共用): the agencies added to its <c>usedBy</c>.</summary>
    private ScriptObject SharingItem(ModelDiff diff, MigrationStep s)
    {
        var change = diff.Find(s.Subject);
        var old = change?.Before as InformationSystem;
        var now = change?.After as InformationSystem;
        var added = (now?.UsedBy ?? []).Except((old?.UsedBy ?? []).Select(a => diff.AfterIdOf(a) ?? a), StringComparer.Ordinal)
            .Select(a => NameIn(diff, a)).ToArray();
        return Obj(
            ("id", s.Subject), ("name", NameIn(diff, s.Subject)), ("owner_name", OwnerName(diff, now ?? old)),
            ("added_users", Strings(added)), ("added_users_display", added.Length == 0 ? "—" : string.Join(Sep, added)),
            ("step", s.Order), ("step_anchor", StepAnchor(s.Order)),
            ("description", s.Description[_lang]));
    }

    private ScriptObject MetricDeltaObject(MetricDelta m)
    {
        var o = MetricObject(m.Metric, m.After);
        var higher = m.Direction == MetricDirection.Higher;
        bool? Met(double? v) => m.Target is not { } t || v is not { } x ? null : higher ? x >= t : x <= t;
        o["before"] = m.Before;
        o["before_display"] = Labels.MetricValue(m.Metric, m.Before, _lang);
        o["after"] = m.After;
        o["after_display"] = Labels.MetricValue(m.Metric, m.After, _lang);
        o["delta"] = m.Delta;
        o["delta_display"] = m.Delta is { } d ? Delta(m.Metric, d) : "—";
        o["improved"] = m.Improved;
        o["target"] = m.Target;
        o["target_display"] = m.Target is { } target ? Labels.MetricValue(m.Metric, target, _lang) : "—";
        o["met_before"] = Met(m.Before);
        o["met_after"] = m.TargetMet;
        o["result_label"] = m.Target is null ? T("scorecard.no_target")
            : (Met(m.Before), m.TargetMet) switch
            {
                (_, null) => T("scorecard.no_value"),
                (true, true) => T("roadmap.stays_met"),
                (_, true) => T("roadmap.becomes_met"),
                (true, false) => T("roadmap.no_longer_met"),
                _ => T("roadmap.still_not_met"),
            };
        return o;
    }

    private string Delta(string metric, double d)
    {
        if (Math.Abs(d) < 1e-12)
        {
            return "±0";
        }
        var sign = d > 0 ? "+" : "−";
        if (!MetricNames.IsRatio(metric))
        {
            return sign + Labels.Money(Math.Abs(d), _lang);
        }
        var points = Math.Round(Math.Abs(d) * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
        return sign + Texts.Format("plan.points", _lang, points);
    }

    private string SignedMoney(double d) => Math.Abs(d) < 0.005 ? "±0" : (d > 0 ? "+" : "−") + Labels.Money(Math.Abs(d), _lang);

    private ScriptObject FindingChanges(ModelDiff diff, IReadOnlyList<FindingChange> changes, bool resolved)
    {
        var objects = changes.Select(c => FindingChangeObject(diff, c, resolved)).ToArray();
        var themes = Themes.Select(th => (th, list: objects.Where(o => (string)o["theme"]! == th).ToArray()))
            .Where(static x => x.list.Length > 0)
            .Select(x => Obj(("id", x.th), ("label", T("theme." + x.th)), ("count", x.list.Length),
                ("findings", Array(x.list.OrderBy(static o => (int)o["priority"]!).ThenBy(static o => (string)o["rule"]!, StringComparer.Ordinal)))));
        return Obj(("count", objects.Length), ("findings", Array(objects)), ("themes", Array(themes)));
    }

    private ScriptObject FindingChangeObject(ModelDiff diff, FindingChange c, bool resolved)
    {
        var f = c.Finding;
        var priority = f.Severity switch { DiagnosticSeverity.Error => 1, DiagnosticSeverity.Warning => 2, _ => 3 };
        var names = c.Elements.Select(id => NameIn(diff, id)).ToArray();
        return Obj(
            ("rule", f.Rule), ("title", L(f.Title)), ("message", L(f.Message)),
            ("severity", Severity(f.Severity)), ("severity_label", L(Labels.Of(f.Severity))),
            ("priority", priority), ("priority_label", T("priority." + priority.ToString(CultureInfo.InvariantCulture))),
            ("theme", Theme(f.Rule)), ("theme_label", T("theme." + Theme(f.Rule))),
            ("elements", Array(c.Elements.Select(id => PlanRef(diff, id)))),
            ("subject", names.Length <= 1 ? names.FirstOrDefault() ?? "" : DocumentText.Get("findings.subject_more", _lang, names[0], names.Length, names.Length - 1)),
            ("suppressed", resolved && c.Suppressed));
    }

    // ---- plan helpers --------------------------------------------------------------------------

    private static string StepAnchor(int order) => "s-" + order.ToString(CultureInfo.InvariantCulture);

    /// <summary>The element with this id in the to-be model, else (removed, or an as-is id) in the as-is model.</summary>
    private static Element? AnyElement(ModelDiff diff, string id) => diff.After.Find(id) ?? diff.Before.Find(id);

    private static string NameIn(ModelDiff diff, string id)
    {
        var inAfter = diff.After.Find(id);
        var model = inAfter is null ? diff.Before : diff.After;
        return (inAfter ?? diff.Before.Find(id)) switch
        {
            Flow f => $"{model.GetSystem(f.From)?.Name ?? f.From} → {model.GetSystem(f.To)?.Name ?? f.To}",
            null => id,
            var e => e.DisplayName,
        };
    }

    private static string? OwnerName(ModelDiff diff, Element? e)
    {
        var owner = e switch
        {
            InformationSystem s => s.Owner,
            DataResource r => r.Owner,
            Network n => n.Owner,
            Platform p => p.Owner,
            _ => null,
        };
        return owner is null ? null : NameIn(diff, owner);
    }

    private ScriptObject PlanRef(ModelDiff diff, string id)
    {
        var e = AnyElement(diff, id);
        return Obj(("id", id), ("name", NameIn(diff, id)), ("anchor", Anchor(id)),
            ("kind", e is null ? null : Kebab(e.Kind)), ("kind_label", e is null ? null : L(Labels.Of(e.Kind))),
            ("removed", diff.After.Find(id) is null));
    }

    private static ScriptArray Ints(IEnumerable<int> items)
    {
        var a = new ScriptArray();
        foreach (var item in items)
        {
            a.Add(item);
        }
        return a;
    }
}
