using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using System.Globalization;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// The three overlap kinds of the duplicate rules (rules version 2), in their order of precedence: a group found
/// under two kinds with the same members is reported under the earlier one.
/// </summary>
internal enum OverlapKind
{
    /// <summary>块: the owners are in one jurisdiction; the government consolidates within itself.</summary>
    Horizontal,

    /// <summary>条: one owner is above the other on a sector line; the head of the line builds once.</summary>
    Vertical,

    /// <summary>Some agency is in both scopes; the agency chooses one system.</summary>
    SharedUse,
}

/// <summary>
/// The candidate groups of each overlap kind over one set of items (a capability's systems for AM1001, the active
/// systems for AM1002), and the rule that picks the reported ones: a candidate whose members are a proper subset
/// of another kind's candidate, or the same members as a candidate of an earlier kind, is not reported.
/// </summary>
/// <remarks>
/// Within one kind the groups are disjoint (connected components), so a candidate can only be contained in a group
/// of another kind, and only in the one that holds its first member: the test is one pass over its members per
/// other kind. Linear in the members of the candidates.
/// </remarks>
internal sealed class OverlapCandidates
{
    private const int Kinds = 3;
    private readonly int[][] _label = new int[Kinds][];
    private readonly List<List<int>>[] _groups = [[], [], []];

    /// <summary>Creates the candidates of items 0..<paramref name="itemCount"/>−1, none yet.</summary>
    public OverlapCandidates(int itemCount)
    {
        for (var k = 0; k < Kinds; k++)
        {
            _label[k] = new int[itemCount];
            Array.Fill(_label[k], -1);
        }
    }

    /// <summary>Adds a candidate group (≥ 2 items, ascending) of a kind; a kind's groups must be disjoint.</summary>
    public void Add(OverlapKind kind, List<int> members)
    {
        var k = (int)kind;
        var label = _label[k];
        foreach (var item in members)
        {
            label[item] = _groups[k].Count;
        }
        _groups[k].Add(members);
    }

    /// <summary>The kind's candidate holding an item, or null.</summary>
    public List<int>? GroupOf(OverlapKind kind, int item) => _label[(int)kind][item] is var g and >= 0 ? _groups[(int)kind][g] : null;

    /// <summary>The reported groups: every candidate not contained in another (see the class), ordered by members
    /// (element-wise, ascending), which is the order of the findings when items are numbered in id order.</summary>
    public List<(OverlapKind Kind, List<int> Members)> Reported()
    {
        var reported = new List<(OverlapKind Kind, List<int> Members)>();
        for (var k = 0; k < Kinds; k++)
        {
            foreach (var group in _groups[k])
            {
                if (!IsContained(k, group))
                {
                    reported.Add(((OverlapKind)k, group));
                }
            }
        }
        reported.Sort(static (a, b) => CompareMembers(a.Members, b.Members));
        return reported;
    }

    private bool IsContained(int kind, List<int> group)
    {
        for (var other = 0; other < Kinds; other++)
        {
            if (other == kind)
            {
                continue;
            }
            var label = _label[other];
            var g = label[group[0]];
            if (g < 0)
            {
                continue;
            }
            var all = true;
            for (var i = 1; i < group.Count && all; i++)
            {
                all = label[group[i]] == g;
            }
            if (all && (_groups[other][g].Count > group.Count || other < kind))
            {
                return true;
            }
        }
        return false;
    }

    private static int CompareMembers(List<int> a, List<int> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        }
        return a.Count.CompareTo(b.Count);
    }
}

/// <summary>What a duplicate finding says of its kind and members: the JSON spelling of a kind, its words, and a
/// summary of the members that names at most five and counts the rest, so that a message stays readable when a group
/// holds thousands of systems (the finding's elements still list every one).</summary>
internal static class DuplicateText
{
    /// <summary>How many members a message names.</summary>
    public const int NamedMembers = 5;

    /// <summary>The evidence value of a kind.</summary>
    public static string Spell(OverlapKind kind) => kind switch
    {
        OverlapKind.Horizontal => RuleSupport.Horizontal,
        OverlapKind.Vertical => RuleSupport.Vertical,
        _ => RuleSupport.SharedUse,
    };

    /// <summary>
    /// The members to name, at most <see cref="NamedMembers"/>: the highest level first (the head of a line, then
    /// the province …), then by id.
    /// </summary>
    public static InformationSystem[] Named(IReadOnlyList<InformationSystem> members, ArchitectureModel model)
    {
        var named = members.OrderBy(s => model.GetAgency(s.Owner)?.Level ?? AgencyLevel.Township)
            .ThenBy(static s => s.Id, StringComparer.Ordinal).Take(NamedMembers).ToArray();
        return named;
    }

    /// <summary>“系统”（机构）、… 等 N 个系统，分属 K 个机构 — or the English equivalent.</summary>
    public static string Members(IReadOnlyList<InformationSystem> members, ArchitectureModel model, Language language)
    {
        var named = Named(members, model);
        var owners = members.Select(static s => s.Owner).Distinct(StringComparer.Ordinal).Count();
        var member = Texts.Get("rule-message.members.item", language);
        var list = string.Join(Texts.Get("p.sep", language),
            named.Select(s => string.Format(CultureInfo.InvariantCulture, member, s.Name, RuleSupport.Name(model, s.Owner))));
        return members.Count > named.Length
            ? Texts.Format("rule-message.members.more", language, list, members.Count, members.Count - named.Length, owners)
            : list;
    }

    /// <summary>The members counted by their owners' level, top down: 省级 2 个、县级 140 个 / 2 provincial, 140 county.</summary>
    public static string Levels(IReadOnlyList<InformationSystem> members, ArchitectureModel model, Language language)
    {
        var counts = members.GroupBy(s => model.GetAgency(s.Owner)?.Level).OrderBy(static g => g.Key ?? (AgencyLevel)int.MaxValue);
        var item = Texts.Get("rule-message.levels.item", language);
        var unknown = Texts.Get("rule-message.levels.unknown", language);
        // Mid-sentence a level is lower case (the Chinese terms have no case).
        return string.Join(Texts.Get("p.sep", language), counts.Select(g => string.Format(CultureInfo.InvariantCulture, item,
            g.Key is { } l ? Terms.Of(l)[language].ToLowerInvariant() : unknown, g.Count())));
    }

    /// <summary>What consolidating saves, in a sentence's tail: the avoidable cost and how many members lack a cost.</summary>
    public static string Saving(double avoidable, int withoutCost, int count, Language language)
    {
        var saving = withoutCost == count ? "" : Texts.Format("rule-message.saving", language, Money.Format(avoidable, language));
        return withoutCost == 0 ? saving : Texts.Format("rule-message.saving.without-cost", language, saving, Money.WithoutCost(withoutCost, language));
    }
}

/// <summary>The words for where a duplicate group's decision lies: a jurisdiction by its government's name (the
/// smallest id of kind <c>government</c> in it), else by its region and level; an agency by its name.</summary>
internal sealed class AnchorNames(ArchitectureModel model)
{
    private Dictionary<Jurisdiction, Agency>? _governments;

    /// <summary>Describes the anchor of a group whose first member is <paramref name="first"/>.</summary>
    public LocalizedText Describe(OverlapKind kind, string anchor, InformationSystem first)
    {
        if (kind != OverlapKind.Horizontal || model.GetAgency(first.Owner)?.Jurisdiction is not { } j)
        {
            var name = RuleSupport.Name(model, anchor);
            return new LocalizedText(name, name);
        }
        _governments ??= Governments();
        return _governments.TryGetValue(j, out var government)
            ? new LocalizedText(government.Name, government.Name)
            : Unnamed(j);
    }

    /// <summary>A jurisdiction as a reader knows it: its government's area (东湖市人民政府辖区), or, when the model has no
    /// government there, its level and region code (the code is then the only way to find it).</summary>
    public LocalizedText Jurisdiction(Jurisdiction j)
    {
        _governments ??= Governments();
        return _governments.TryGetValue(j, out var government)
            ? Texts.Of("rule-message.jurisdiction", government.Name)
            : Unnamed(j);
    }

    // Mid-sentence the level is lower case (the Chinese terms have no case).
    private static LocalizedText Unnamed(Jurisdiction j) =>
        LocalizedText.Compose(j, static (j, language) =>
            Texts.Format("rule-message.jurisdiction.unnamed", language, Terms.Of(j.Level)[language].ToLowerInvariant(), j.Region));

    private Dictionary<Jurisdiction, Agency> Governments()
    {
        var governments = new Dictionary<Jurisdiction, Agency>();
        foreach (var agency in model.Agencies)
        {
            if (agency.AgencyKind == AgencyKind.Government && agency.Jurisdiction is { } j
                && (!governments.TryGetValue(j, out var known) || string.CompareOrdinal(agency.Id, known.Id) < 0))
            {
                governments[j] = agency;
            }
        }
        return governments;
    }
}
