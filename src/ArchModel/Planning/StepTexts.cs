using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using static ArchModel.Planning.Describer;

namespace ArchModel.Planning;

/// <summary>
/// The descriptions of localization, host retirement and record-keeping steps, in Chinese and English: what a
/// planning office signs needs matched replacements, named destinations and one record step per agency.
/// </summary>
internal static class StepTexts
{
    /// <summary>How many elements a description names before it says "and n more".</summary>
    private const int MaxNamed = 6;

    public static LocalizedText Localize(PlanBuilder plan, DraftStep step, Pair subject)
    {
        var groups = PlanBuilder.ComponentGroups(step);
        var onlyAdded = groups.All(static g => g.Removed.Count == 0);
        var onlyRemoved = groups.All(static g => g.Added.Count == 0);
        var zh = new List<string>();
        var en = new List<string>();
        var localized = false;
        foreach (var g in groups)
        {
            var added = Components(g.Added);
            var removed = Components(g.Removed);
            if (g.Removed.Count > 0 && g.Added.Count > 0)
            {
                zh.Add($"以{added.Zh}替换{removed.Zh}");
                en.Add($"replace {removed.En} with {added.En}");
                localized |= g.Removed.Any(static c => Equals(c.GetValueOrDefault("origin"), "foreign"))
                    && g.Added.Any(static c => Equals(c.GetValueOrDefault("origin"), "domestic"));
            }
            else if (g.Removed.Count > 0)
            {
                // A component stopped with no same-category successor: say which kept component does its work, if any.
                var kept = g.Kept.Count > 0 ? ($"，由已有的{string.Join("、", g.Kept)}承担", $" (the existing {string.Join(", ", g.Kept)} takes over)") : ("", "");
                zh.Add((onlyRemoved ? "" : "停用") + removed.Zh + kept.Item1);
                en.Add((onlyRemoved ? "" : "remove ") + removed.En + kept.Item2);
            }
            else
            {
                zh.Add((onlyAdded ? "" : "新增") + added.Zh);
                en.Add((onlyAdded ? "" : "add ") + added.En);
            }
        }
        if (onlyAdded)
        {
            return new($"系统{subject.Zh}新增组件{string.Join("、", zh)}", $"Add components to system {subject.En}: {string.Join(", ", en)}");
        }
        if (onlyRemoved)
        {
            return new($"系统{subject.Zh}停用组件{string.Join("；", zh)}", $"Remove components from system {subject.En}: {string.Join("; ", en)}");
        }
        var zhText = string.Join("；", zh);
        var enText = string.Join("; ", en);
        return localized
            ? new($"系统{subject.Zh}国产化替代：{zhText}", $"Localize system {subject.En}: {enText}")
            : new($"系统{subject.Zh}更换组件：{zhText}", $"Change the components of system {subject.En}: {enText}");
    }

    public static LocalizedText OffPlatform(Pair subject, Pair from) => new(
        $"系统{subject.Zh}撤出平台{from.Zh}，目标架构未指定新的部署平台（去向待定）",
        $"Take system {subject.En} off platform {from.En}; the to-be model gives it no other platform (unresolved)");

    public static LocalizedText RetireHost(PlanBuilder plan, DraftStep step, Pair subject)
    {
        var platform = step.Action == StepAction.RetirePlatform;
        var head = platform ? new Pair($"关停平台{subject.Zh}", $"Shut down platform {subject.En}") : new Pair($"撤销网络{subject.Zh}", $"Decommission network {subject.En}");
        if (step.Destinations.Count == 0)
        {
            return new($"{head.Zh}（其上无系统）", $"{head.En} (no system uses it)");
        }
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var g in step.Destinations.Where(static d => !d.Retired && d.To.Count > 0).GroupBy(static d => string.Join("\u0001", d.To)).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            var systems = Systems(plan, g.Select(static d => d.System));
            var to = Names(plan, g.First().To);
            var one = g.Count() == 1;
            zh.Add(platform ? $"{systems.Zh}迁至{to.Zh}" : $"{systems.Zh}改接{to.Zh}");
            en.Add(platform ? $"{systems.En} {(one ? "moves" : "move")} to {to.En}" : $"{systems.En} {(one ? "stays" : "stay")} on {to.En}");
        }
        var retired = step.Destinations.Where(static d => d.Retired).Select(static d => d.System).ToList();
        if (retired.Count > 0)
        {
            var systems = Systems(plan, retired);
            zh.Add($"{systems.Zh}下线");
            en.Add($"{systems.En} {(retired.Count == 1 ? "retires" : "retire")}");
        }
        var open = step.Destinations.Where(static d => d.Unresolved).Select(static d => d.System).ToList();
        if (open.Count > 0)
        {
            var systems = Systems(plan, open);
            zh.Add($"{systems.Zh}去向未定（目标架构未指定{(platform ? "新的部署平台" : "接入网络")}，须在实施前明确）");
            en.Add($"{systems.En}: nowhere to go (the to-be model gives {(open.Count == 1 ? "it" : "them")} no {(platform ? "platform" : "network")}; decide before this step)");
        }
        return new($"{head.Zh}：{string.Join("；", zh)}", $"{head.En}: {string.Join("; ", en)}");
    }

    public static LocalizedText Records(PlanBuilder plan, DraftStep step, Pair subject)
    {
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var r in step.Records.Take(MaxNamed))
        {
            var kind = KindName(r.Kind);
            var name = Name(plan, r.Subject);
            if (r.Change.Change == ChangeKind.Added)
            {
                // The status in the reader's words (在用, not "active"), as the other record steps write it.
                var status = r.Changes.FirstOrDefault(static f => f.Field == "status")?.After is string st && Terms.FieldValue(r.Kind, "status", st) is { } word
                    ? word : null;
                zh.Add($"登记{kind.Zh}{name.Zh}（{Terms.Field("status").Chinese}：{status?.Chinese ?? "—"}）");
                en.Add($"record {kind.En} {name.En} ({Terms.Field("status").English}: {status?.English ?? "—"})");
            }
            else
            {
                // Within a record its fields are separated by commas; records by semicolons.
                var fields = r.Changes.Select(c => Fields(plan, r.Kind, [c])).ToList();
                zh.Add($"{kind.Zh}{name.Zh}{string.Join("，", fields.Select(static f => f.Zh))}");
                en.Add($"{kind.En} {name.En}: {string.Join(", ", fields.Select(static f => f.En))}");
            }
        }
        var more = step.Records.Count - MaxNamed;
        var count = step.Records.Count;
        return new($"更新{subject.Zh}的台账（{count} 项）：{string.Join("；", zh)}{(more > 0 ? $"；另有 {more} 项" : "")}",
            $"Update the records of {subject.En} ({count}): {string.Join("; ", en)}{(more > 0 ? $"; and {more} more" : "")}");
    }

    /// <summary>Systems by name, the first few of a long list and how many more.</summary>
    private static Pair Systems(PlanBuilder plan, IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var named = Names(plan, list.Take(MaxNamed));
        var more = list.Count - MaxNamed;
        return more > 0 ? new($"{named.Zh}等 {list.Count} 个系统", $"{named.En} and {more} more systems") : named;
    }
}
