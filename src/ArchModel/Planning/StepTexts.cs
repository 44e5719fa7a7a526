using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using static ArchModel.Planning.Describer;

namespace ArchModel.Planning;

/// <summary>
/// The descriptions of localization, host retirement and record-keeping steps, in every language: what a
/// planning office signs needs matched replacements, named destinations and one record step per agency.
/// </summary>
internal static class StepTexts
{
    /// <summary>How many elements a description names before it says "and n more".</summary>
    private const int MaxNamed = 6;

    public static LocalizedText Localize(PlanBuilder plan, DraftStep step, Prose subject)
    {
        var groups = PlanBuilder.ComponentGroups(step);
        var onlyAdded = groups.All(static g => g.Removed.Count == 0);
        var onlyRemoved = groups.All(static g => g.Added.Count == 0);
        var parts = new List<Prose>();
        var localized = false;
        foreach (var g in groups)
        {
            var added = Components(g.Added);
            var removed = Components(g.Removed);
            if (g.Removed.Count > 0 && g.Added.Count > 0)
            {
                parts.Add(F("plan.localize.replace", added, removed));
                localized |= g.Removed.Any(static c => Equals(c.GetValueOrDefault("origin"), "foreign"))
                    && g.Added.Any(static c => Equals(c.GetValueOrDefault("origin"), "domestic"));
            }
            else if (g.Removed.Count > 0)
            {
                // A component stopped with no same-category successor: say which kept component does its work, if any.
                var kept = Opt(g.Kept.Count > 0, "plan.localize.kept", Join("plan.sep.list", g.Kept.Select(Neutral)));
                parts.Add(onlyRemoved ? Cat(removed, kept) : F("plan.localize.remove", removed, kept));
            }
            else
            {
                parts.Add(onlyAdded ? added : F("plan.localize.add", added));
            }
        }
        if (onlyAdded)
        {
            return From(F("plan.step.add-components", subject, Join("plan.sep.list", parts)));
        }
        if (onlyRemoved)
        {
            return From(F("plan.step.remove-components", subject, Join("plan.sep.clause", parts)));
        }
        return From(F(localized ? "plan.step.localize" : "plan.step.change-components", subject, Join("plan.sep.clause", parts)));
    }

    public static LocalizedText OffPlatform(Prose subject, Prose from) => From(F("plan.step.off-platform", subject, from));

    public static LocalizedText RetireHost(PlanBuilder plan, DraftStep step, Prose subject)
    {
        var platform = step.Action == StepAction.RetirePlatform;
        var head = F(platform ? "plan.host.platform" : "plan.host.network", subject);
        if (step.Destinations.Count == 0)
        {
            return From(F("plan.host.empty", head));
        }
        var parts = new List<Prose>();
        foreach (var g in step.Destinations.Where(static d => !d.Retired && d.To.Count > 0).GroupBy(static d => string.Join("\u0001", d.To)).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            var systems = Systems(plan, g.Select(static d => d.System));
            var to = Names(plan, g.First().To);
            var one = g.Count() == 1;
            parts.Add(F((platform ? "plan.host.moves." : "plan.host.stays.") + (one ? "one" : "many"), systems, to));
        }
        var retired = step.Destinations.Where(static d => d.Retired).Select(static d => d.System).ToList();
        if (retired.Count > 0)
        {
            parts.Add(F(retired.Count == 1 ? "plan.host.retires.one" : "plan.host.retires.many", Systems(plan, retired)));
        }
        var open = step.Destinations.Where(static d => d.Unresolved).Select(static d => d.System).ToList();
        if (open.Count > 0)
        {
            parts.Add(F((platform ? "plan.host.open.platform." : "plan.host.open.network.") + (open.Count == 1 ? "one" : "many"), Systems(plan, open)));
        }
        return From(F("plan.host.steps", head, Join("plan.sep.clause", parts)));
    }

    public static LocalizedText Records(PlanBuilder plan, DraftStep step, Prose subject)
    {
        var parts = new List<Prose>();
        foreach (var r in step.Records.Take(MaxNamed))
        {
            var kind = KindName(r.Kind);
            var name = Name(plan, r.Subject);
            if (r.Change.Change == ChangeKind.Added)
            {
                // The status in the reader's words (在用, not "active"), as the other record steps write it.
                var status = r.Changes.FirstOrDefault(static f => f.Field == "status")?.After is string st && Terms.FieldValue(r.Kind, "status", st) is { } word
                    ? Prose.Of(word) : F("plan.none");
                parts.Add(F("plan.records.add", kind, name, Terms.Field("status"), status));
            }
            else
            {
                // Within a record its fields are separated by commas; records by semicolons.
                var fields = r.Changes.Select(c => Fields(plan, r.Kind, [c]));
                parts.Add(F("plan.records.change", kind, name, Join("plan.sep.comma", fields)));
            }
        }
        var more = step.Records.Count - MaxNamed;
        return From(F("plan.step.records", subject, step.Records.Count, Join("plan.sep.clause", parts), Opt(more > 0, "plan.records.more", more)));
    }

    /// <summary>Systems by name, the first few of a long list and how many more.</summary>
    private static Prose Systems(PlanBuilder plan, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var named = Names(plan, list.Take(MaxNamed));
        var more = list.Count - MaxNamed;
        return more > 0 ? F("plan.host.systems-more", named, list.Count, more) : named;
    }
}
