using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>
/// Places a plan's phases on a timeline (docs/planning.md, Timeline): the plan runs from the as-is model's date to the
/// to-be model's date; a milestone with a phase fixes the day that phase is done; the phases between two fixed days
/// share the time between them, half of it in equal parts and half in proportion to their steps.
/// </summary>
/// <remarks>
/// Why the blend: equal parts alone say nothing about the work, and step counts alone squeeze a one-step phase (a
/// single platform to build) into a few days. Phases are consecutive, without overlap; a planner who knows better pins
/// the phase with a milestone. Whole days, computed from day numbers only: the same input gives the same dates.
/// </remarks>
internal static class PlanTimeline
{
    public static (IReadOnlyList<MigrationPhase> Phases, PlanSchedule? Schedule) Schedule(
        DateOnly? start, DateOnly? end, IReadOnlyList<Milestone> milestones, IReadOnlyList<MigrationPhase> phases)
    {
        if (start is not { } from || end is not { } to || to <= from)
        {
            return (phases, null);
        }
        // Phase milestones inside the period fix phase ends, in phase order; a later phase may not end before an earlier one.
        var scheduled = new List<ScheduledMilestone>();
        var anchors = new SortedDictionary<int, int>();
        var candidates = milestones.Where(static m => m.Phase is not null).OrderBy(static m => m.Phase).ThenBy(static m => m.Date)
            .ThenBy(static m => m.Id, StringComparer.Ordinal).ToList();
        var closing = new HashSet<Milestone>();
        var outOfOrder = new HashSet<Milestone>();
        var last = from.DayNumber;
        foreach (var m in candidates)
        {
            var phase = (int)m.Phase!.Value;
            if (m.Date < from || m.Date > to || anchors.ContainsKey(phase))
            {
                continue;
            }
            if (m.Date.DayNumber < last)
            {
                outOfOrder.Add(m);
                continue;
            }
            anchors[phase] = m.Date.DayNumber;
            last = m.Date.DayNumber;
            closing.Add(m);
        }
        if (!anchors.ContainsKey((int)PlanPhase.CloseOut))
        {
            anchors[(int)PlanPhase.CloseOut] = Math.Max(to.DayNumber, last);
        }

        var steps = phases.ToDictionary(static p => (int)p.Phase, static p => p.Steps.Count);
        var ends = new Dictionary<int, (int Start, int End)>();
        var segmentStart = from.DayNumber;
        var first = (int)PlanPhase.Prepare;
        foreach (var (anchorPhase, anchorDay) in anchors)
        {
            // The phases first..anchorPhase share [segmentStart, anchorDay]; those without steps take no time.
            var members = Enumerable.Range(first, anchorPhase - first + 1).Where(steps.ContainsKey).ToList();
            var total = members.Sum(p => steps[p]);
            var span = anchorDay - segmentStart;
            double cumulative = 0;
            var day = segmentStart;
            foreach (var p in members)
            {
                cumulative += 0.5 / members.Count + 0.5 * steps[p] / total;
                var endDay = p == members[^1] ? anchorDay : segmentStart + (int)Math.Round(cumulative * span, MidpointRounding.AwayFromZero);
                ends[p] = (day, endDay);
                day = endDay;
            }
            segmentStart = anchorDay;
            first = anchorPhase + 1;
        }
        var placed = phases.Select(p => p with
        {
            Start = DateOnly.FromDayNumber(ends[(int)p.Phase].Start),
            End = DateOnly.FromDayNumber(ends[(int)p.Phase].End),
        }).ToList();
        foreach (var m in milestones.OrderBy(static m => m.Date).ThenBy(static m => m.Id, StringComparer.Ordinal))
        {
            scheduled.Add(new ScheduledMilestone(m, closing.Contains(m), m.Date < from || m.Date > to, outOfOrder.Contains(m)));
        }
        return (placed, new PlanSchedule(from, to, scheduled));
    }
}
