using System.Globalization;
using System.Runtime.InteropServices;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Graph;
using ArchModel.Model;
using static ArchModel.Analysis.Rules.RuleSupport;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// AM1001 duplicate build (重复建设): per capability, the active systems listing it, grouped per overlap kind
/// (horizontal 块, vertical 条, shared-use; rules version 2); every group of ≥ 2 not contained in another is a finding.
/// </summary>
/// <remarks>Near-linear whatever the model's shape: per capability, jurisdictions and scope agencies join members
/// through keys, and the vertical groups come from one sort of the members' owners in sector-line pre-order (a
/// group is everything below a topmost owner), so neither pairs nor superiors are ever listed.</remarks>
public sealed class DuplicateBuildRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public DuplicateBuildRule() : base(RuleCodes.DuplicateBuild, DiagnosticSeverity.Warning)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var forest = context.Graph.Sectors;
        var keys = SystemKeys.Active(context.Graph);
        var systems = keys.Systems;

        // Positions in id order, so every capability's members come sorted.
        var byCapability = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var s = 0; s < systems.Length; s++)
        {
            var capabilities = systems[s].Capabilities;
            for (var c = 0; c < capabilities.Count; c++)
            {
                if (!Repeats(capabilities, c))
                {
                    Add(byCapability, capabilities[c], s);
                }
            }
        }
        var capabilityIds = byCapability.Keys.ToArray();
        Array.Sort(capabilityIds, StringComparer.Ordinal);

        // The group (per capability) of each jurisdiction and the first member seen with each agency in scope; what a
        // capability set is unset after it, so the arrays are made once.
        var groupOfJurisdiction = Unset(keys.JurisdictionCount);
        var firstByAgency = Unset(keys.AgencyCount);
        var places = new List<(int Start, int Member)>();
        var anchors = new AnchorNames(model);
        foreach (var capability in capabilityIds)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var members = byCapability[capability];
            if (members.Count < 2)
            {
                continue;
            }
            var candidates = new OverlapCandidates(members.Count);

            // Horizontal: the members of each jurisdiction.
            var horizontal = new List<List<int>>();
            for (var i = 0; i < members.Count; i++)
            {
                var j = keys.Jurisdiction[members[i]];
                if (j < 0) continue;
                if (groupOfJurisdiction[j] < 0)
                {
                    groupOfJurisdiction[j] = horizontal.Count;
                    horizontal.Add([]);
                }
                horizontal[groupOfJurisdiction[j]].Add(i);
            }
            foreach (var group in horizontal)
            {
                groupOfJurisdiction[keys.Jurisdiction[members[group[0]]]] = -1;
                if (group.Count >= 2) candidates.Add(OverlapKind.Horizontal, group);
            }

            // Shared use: joined through every agency in a scope.
            var sets = new IndexSets(members.Count);
            for (var i = 0; i < members.Count; i++)
            {
                foreach (var agency in keys.Scope(members[i]))
                {
                    if (firstByAgency[agency] >= 0) sets.Union(i, firstByAgency[agency]);
                    else firstByAgency[agency] = i;
                }
            }
            foreach (var s in members)
            {
                foreach (var agency in keys.Scope(s)) firstByAgency[agency] = -1;
            }
            foreach (var group in sets.Groups(2))
            {
                candidates.Add(OverlapKind.SharedUse, group);
            }

            // Vertical: in pre-order, a topmost owner is followed by everything below it; such a run with two or more
            // owners is a group (every member is joined to the topmost owner's systems).
            places.Clear();
            for (var i = 0; i < members.Count; i++)
            {
                if (keys.OwnerNode[members[i]] is var node and >= 0) places.Add((forest.Start[node], i));
            }
            places.Sort();
            for (var p = 0; p < places.Count;)
            {
                var top = forest.ByStart[places[p].Start];
                var end = forest.End[top];
                var q = p + 1;
                while (q < places.Count && places[q].Start < end) q++;
                if (places[q - 1].Start != places[p].Start)
                {
                    var group = new List<int>(q - p);
                    for (var k = p; k < q; k++) group.Add(places[k].Member);
                    group.Sort();
                    candidates.Add(OverlapKind.Vertical, group);
                }
                p = q;
            }

            var capabilityName = Name(model, capability);
            var shareable = model.Find<Capability>(capability)?.Shareable ?? false;
            foreach (var (kind, group) in candidates.Reported())
            {
                var positions = group.ConvertAll(i => members[i]);
                var found = positions.ConvertAll(i => systems[i]);
                var avoidable = 0.0;
                var largest = 0.0;
                var withoutCost = 0;
                foreach (var system in found)
                {
                    if (system.Cost?.AnnualOperation is not { } cost)
                    {
                        withoutCost++;
                        continue;
                    }
                    avoidable += cost;
                    largest = Math.Max(largest, cost);
                }
                avoidable -= largest;
                var anchor = Anchor(kind, model, forest, keys, positions);
                var where = anchors.Describe(kind, anchor, found[0]);
                context.ReportSystems(keys.Systems, keys.Positions, positions,
                    LocalizedText.Compose((found, model, capabilityName, kind, where, avoidable, withoutCost), static (state, language) =>
                    {
                        var (found, model, capabilityName, kind, where, avoidable, withoutCost) = state;
                        var names = DuplicateText.Members(found, model, language);
                        var saving = DuplicateText.Saving(avoidable, withoutCost, found.Count, language);
                        // The levels are counted for a sector line only ({5} of the vertical sentence).
                        var levels = kind == OverlapKind.Vertical ? DuplicateText.Levels(found, model, language) : "";
                        return Texts.Format(kind switch
                        {
                            OverlapKind.Horizontal => "rule-message.AM1001.horizontal",
                            OverlapKind.Vertical => "rule-message.AM1001.vertical",
                            _ => "rule-message.AM1001.shared-use",
                        }, language, where[language], found.Count, capabilityName, names, saving, levels);
                    }),
                    [
                        new(EvidenceKeys.DuplicateBuild.Capability, capability),
                        new(EvidenceKeys.DuplicateBuild.CapabilityShareable, shareable),
                        new(EvidenceKeys.DuplicateBuild.Kind, DuplicateText.Spell(kind)),
                        new(EvidenceKeys.DuplicateBuild.Anchor, anchor),
                        new(EvidenceKeys.DuplicateBuild.AvoidableAnnualCost, avoidable),
                        new(EvidenceKeys.DuplicateBuild.MembersWithoutCost, withoutCost),
                        new(EvidenceKeys.DuplicateBuild.Owners, keys.OwnerIds(positions)),
                    ]);
            }
        }
    }

    /// <summary>
    /// Where a group's decision lies: the jurisdiction (<c>level:region</c>) of a horizontal group, the topmost owner
    /// of a vertical one, and for shared use the agency in the most members' scopes (ties: the smallest id).
    /// </summary>
    internal static string Anchor(OverlapKind kind, ArchitectureModel model, SectorForest forest, SystemKeys keys, List<int> members)
    {
        // By the keys' numbers: a vertical group of two thousand systems looks no owner up by id.
        switch (kind)
        {
            case OverlapKind.Horizontal:
                return Spell(model.GetAgency(keys.Systems[members[0]].Owner)!.Jurisdiction!.Value);
            case OverlapKind.Vertical:
                var top = -1;
                foreach (var member in members)
                {
                    var node = keys.OwnerNode[member];
                    if (node >= 0 && (top < 0 || forest.Start[node] < forest.Start[top])) top = node;
                }
                return forest.Agencies[top].Id;
            default:
                var counts = new Dictionary<int, int>();
                foreach (var member in members)
                {
                    foreach (var agency in keys.Scope(member))
                    {
                        counts[agency] = counts.GetValueOrDefault(agency) + 1;
                    }
                }
                var most = counts.Values.Max();
                return counts.Where(c => c.Value == most).Select(c => keys.AgencyId(c.Key)).Min(StringComparer.Ordinal)!;
        }
    }

    /// <summary>Whether the capability at <paramref name="index"/> is listed before it too.</summary>
    private static bool Repeats(IReadOnlyList<string> capabilities, int index)
    {
        for (var k = 0; k < index; k++)
        {
            if (string.Equals(capabilities[k], capabilities[index], StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static int[] Unset(int count)
    {
        var array = new int[count];
        Array.Fill(array, -1);
        return array;
    }
}

/// <summary>
/// AM1002 probable duplicate: active systems with overlapping scopes, no capability in common and similar
/// normalized names (Dice of character-bigram sets ≥ <c>duplicateNameSimilarity</c>), grouped per overlap kind as
/// AM1001 groups them; every group of ≥ 2 not contained in another is a finding.
/// </summary>
/// <remarks>
/// <para>Every pair of one kind's relation lies in a block whose pairs all have it: the systems of one jurisdiction
/// (horizontal), the systems whose scope holds one agency (shared use), an agency's systems against the systems below
/// it (vertical: one range of the systems in sector-line pre-order). Inside a block, identical normalized names are
/// one name class: the similarity join (see <see cref="NameSimilarityIndex"/>) runs over the block's distinct classes,
/// and the block's groups are found by a search that takes a class's unvisited members as a list, so n systems
/// sharing one name cost O(n), not O(n²). A member joins another when their classes are similar (or the same) and
/// they list no capability in common; when every unvisited member of a class shares one capability with the system
/// searched from, the class is passed over by a count, so thousands of equal names with one capability are not
/// compared pair by pair either.</para>
/// <para>Cost: the blocks hold each system once per jurisdiction, once per agency in its scope, and once per superior
/// on its sector line (a bipartite block per superior, indexed on the superior's side); plus the similar pairs of
/// distinct names in a block, which is the output of the join.</para>
/// </remarks>
public sealed class ProbableDuplicateRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public ProbableDuplicateRule() : base(RuleCodes.ProbableDuplicate, DiagnosticSeverity.Info)
    {
    }

    /// <summary>Creates the rule, indexing every block when <paramref name="indexEveryBlock"/> (for tests: small blocks
    /// are otherwise compared pair by pair, and both ways must find the same pairs).</summary>
    internal ProbableDuplicateRule(bool indexEveryBlock) : this() => _indexEveryBlock = indexEveryBlock;

    private readonly bool _indexEveryBlock;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var graph = context.Graph;
        var forest = graph.Sectors;
        var threshold = context.Settings.DuplicateNameSimilarity;
        if (threshold > 1)
        {
            return; // no two names are that similar, not even equal ones
        }
        // The name classes first: they need only the systems, and another rule (AM1001) may be making their keys.
        var systems = SystemKeys.ActiveList(graph).Systems;
        var classes = new SystemClasses(model, systems);
        var keys = SystemKeys.Active(graph);

        var search = new BlockSearch(classes, new NameSimilarityIndex.Join(classes.Names, _indexEveryBlock), threshold, context.CancellationToken);
        var order = new int[systems.Length];

        // Horizontal: the systems of each jurisdiction.
        BucketOrder(systems.Length, keys.JurisdictionCount, keys.Jurisdiction, order, out var starts);
        for (var b = 0; b + 1 < starts.Length; b++)
        {
            search.Run(OverlapKind.Horizontal, order.AsSpan(starts[b], starts[b + 1] - starts[b]), -1);
        }

        // Shared use: the systems whose scope holds each agency.
        var scopeOrder = ScopeOrder(keys, out var scopeStarts);
        for (var b = 0; b + 1 < scopeStarts.Length; b++)
        {
            search.Run(OverlapKind.SharedUse, scopeOrder.AsSpan(scopeStarts[b], scopeStarts[b + 1] - scopeStarts[b]), -1);
        }

        // Vertical: every pair "owner above owner" lies in a block of the heavy-path decomposition (VerticalBlocks).
        VerticalBlocks(forest, keys, order, (members, leftCount) => search.Run(OverlapKind.Vertical, members, leftCount));

        var candidates = new OverlapCandidates(systems.Length);
        foreach (var kind in (ReadOnlySpan<OverlapKind>)[OverlapKind.Horizontal, OverlapKind.Vertical, OverlapKind.SharedUse])
        {
            foreach (var group in search.Groups(kind))
            {
                candidates.Add(kind, group);
            }
        }
        var anchors = new AnchorNames(model);
        foreach (var (kind, group) in candidates.Reported())
        {
            var members = group.ConvertAll(i => systems[i]);
            var (similarity, minSimilarity) = search.Similarity(kind, group[0]);
            var anchor = DuplicateBuildRule.Anchor(kind, model, forest, keys, group);
            var where = anchors.Describe(kind, anchor, members[0]);
            context.ReportSystems(keys.Systems, keys.Positions, group,
                LocalizedText.Compose((members, model, kind, where, similarity), static (state, language) =>
                {
                    var (members, model, kind, where, similarity) = state;
                    var names = DuplicateText.Members(members, model, language);
                    // The levels are counted for a sector line only ({4} of the vertical sentence).
                    var levels = kind == OverlapKind.Vertical ? DuplicateText.Levels(members, model, language) : "";
                    return Texts.Format(kind switch
                    {
                        OverlapKind.Horizontal => "rule-message.AM1002.horizontal",
                        OverlapKind.Vertical => "rule-message.AM1002.vertical",
                        _ => "rule-message.AM1002.shared-use",
                    }, language, where[language], members.Count, Number(similarity), names, levels);
                }),
                [
                    new(EvidenceKeys.ProbableDuplicate.Kind, DuplicateText.Spell(kind)),
                    new(EvidenceKeys.ProbableDuplicate.Anchor, anchor),
                    new(EvidenceKeys.ProbableDuplicate.Similarity, similarity),
                    new(EvidenceKeys.ProbableDuplicate.MinSimilarity, minSimilarity),
                    new(EvidenceKeys.ProbableDuplicate.Names, members.ConvertAll(static s => s.Name).ToArray()),
                    new(EvidenceKeys.ProbableDuplicate.Owners, keys.OwnerIds(group)),
                ]);
        }
    }

    /// <summary>
    /// Hands out bipartite blocks (upper side first) that together hold every pair of systems whose owners are one above
    /// the other, in O(n log² n) members in all, whatever the depth of the lines: along each heavy path p₀…pₘ₋₁ of the
    /// sector forest (consecutive pre-order numbers), the segment [l, r] is split at its middle h into the owners
    /// p_l…p_h, which are above everything in subtree(p_{h+1}) outside subtree(p_{r+1}), and the two halves are split
    /// again; a single owner p_l is above the light subtrees hanging from it. With the systems ordered by their owner's
    /// pre-order number, every side is one or two slices. (One block per owner against everything below it would cost
    /// the depth of the line per system: quadratic in a line a thousand levels deep.)
    /// </summary>
    private static void VerticalBlocks(SectorForest forest, SystemKeys keys, int[] order, BlockAction run)
    {
        var systems = keys.Systems.Length;
        var nodes = forest.Start.Length;
        // The systems by their owner's pre-order number (a counting sort), and where each number's systems begin.
        var firstAt = new int[nodes + 1];
        for (var s = 0; s < systems; s++)
        {
            if (keys.OwnerNode[s] >= 0) firstAt[forest.Start[keys.OwnerNode[s]] + 1]++;
        }
        for (var p = 0; p < nodes; p++) firstAt[p + 1] += firstAt[p];
        var fill = firstAt[..nodes];
        for (var s = 0; s < systems; s++)
        {
            if (keys.OwnerNode[s] >= 0) order[fill[forest.Start[keys.OwnerNode[s]]]++] = s;
        }
        var block = new List<int>();
        var segments = new Stack<(int L, int R)>();
        for (var head = 0; head < nodes; head++)
        {
            if (forest.Parent[head] >= 0 && forest.Heavy[forest.Parent[head]] == head)
            {
                continue; // not the head of a heavy path
            }
            var s0 = forest.Start[head];
            var m = 1;
            for (var node = forest.Heavy[head]; node >= 0; node = forest.Heavy[node]) m++;
            segments.Push((0, m - 1));
            while (segments.Count > 0)
            {
                var (l, r) = segments.Pop();
                int upperEnd, lowerStart, lowerEnd, restStart, restEnd;
                if (l == r)
                {
                    upperEnd = s0 + l + 1;
                    lowerStart = l + 1 < m ? forest.End[forest.ByStart[s0 + l + 1]] : s0 + l + 1;
                    lowerEnd = forest.End[forest.ByStart[s0 + l]];
                    restStart = restEnd = 0;
                }
                else
                {
                    var h = (l + r) / 2;
                    segments.Push((h + 1, r));
                    segments.Push((l, h));
                    upperEnd = s0 + h + 1;
                    var below = forest.End[forest.ByStart[s0 + h + 1]];
                    lowerStart = s0 + h + 1;
                    lowerEnd = r + 1 < m ? s0 + r + 1 : below;
                    (restStart, restEnd) = r + 1 < m ? (forest.End[forest.ByStart[s0 + r + 1]], below) : (0, 0);
                }
                var upper = firstAt[upperEnd] - firstAt[s0 + l];
                var lower = firstAt[lowerEnd] - firstAt[lowerStart] + firstAt[restEnd] - firstAt[restStart];
                if (upper == 0 || lower == 0)
                {
                    continue;
                }
                block.Clear();
                block.AddRange(order.AsSpan(firstAt[s0 + l], upper));
                block.AddRange(order.AsSpan(firstAt[lowerStart], firstAt[lowerEnd] - firstAt[lowerStart]));
                block.AddRange(order.AsSpan(firstAt[restStart], firstAt[restEnd] - firstAt[restStart]));
                run(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(block), upper);
            }
        }
    }

    private delegate void BlockAction(ReadOnlySpan<int> members, int leftCount);

    /// <summary>Positions ordered by their key (−1: left out) with a counting sort, and the buckets' starts (one more
    /// than there are keys).</summary>
    private static void BucketOrder(int count, int keyCount, int[] key, int[] order, out int[] starts)
    {
        starts = new int[keyCount + 1];
        for (var s = 0; s < count; s++)
        {
            if (key[s] >= 0) starts[key[s] + 1]++;
        }
        for (var k = 0; k < keyCount; k++) starts[k + 1] += starts[k];
        var fill = starts[..keyCount];
        for (var s = 0; s < count; s++)
        {
            if (key[s] >= 0) order[fill[key[s]]++] = s;
        }
    }

    /// <summary>The systems ordered by each agency in their scope (a system once per agency), with the agencies' starts.</summary>
    private static int[] ScopeOrder(SystemKeys keys, out int[] starts)
    {
        starts = new int[keys.AgencyCount + 1];
        var n = keys.Systems.Length;
        for (var s = 0; s < n; s++)
        {
            foreach (var agency in keys.Scope(s)) starts[agency + 1]++;
        }
        for (var a = 0; a < keys.AgencyCount; a++) starts[a + 1] += starts[a];
        var order = new int[starts[keys.AgencyCount]];
        var fill = starts[..keys.AgencyCount];
        for (var s = 0; s < n; s++)
        {
            foreach (var agency in keys.Scope(s)) order[fill[agency]++] = s;
        }
        return order;
    }
}

/// <summary>
/// AM1003 duplicate hosting: non-shared platforms grouped by their owner's jurisdiction; a group is a finding
/// with ≥ 2 platforms, or ≥ 1 when a shared platform serves the same jurisdiction (owner in it, or region equal).
/// </summary>
public sealed class DuplicateHostingRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public DuplicateHostingRule() : base(RuleCodes.DuplicateHosting, DiagnosticSeverity.Warning)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var graph = context.Graph;
        var platforms = model.Platforms.DistinctBy(static p => p.Id).OrderBy(static p => p.Id, StringComparer.Ordinal).ToArray();
        var groups = new Dictionary<Jurisdiction, List<Platform>>();
        foreach (var platform in platforms.Where(static p => !p.Shared))
        {
            if (graph.JurisdictionOf(platform.Owner) is { } j)
            {
                if (!groups.TryGetValue(j, out var list)) groups[j] = list = [];
                list.Add(platform);
            }
        }
        // The shared platform serving a jurisdiction is the first in id order whose owner is in it or whose region is
        // its region: the first of each jurisdiction and of each region, looked up (a national model has thousands
        // of shared platforms and thousands of groups).
        var shared = platforms.Where(static p => p.Shared).ToArray();
        var firstByJurisdiction = new Dictionary<Jurisdiction, int>();
        var firstByRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < shared.Length; i++)
        {
            if (graph.JurisdictionOf(shared[i].Owner) is { } served)
            {
                firstByJurisdiction.TryAdd(served, i);
            }
            if (!string.IsNullOrEmpty(shared[i].Region))
            {
                firstByRegion.TryAdd(shared[i].Region!, i);
            }
        }
        AnchorNames? names = null;
        foreach (var (jurisdiction, group) in groups.OrderBy(static g => g.Value[0].Id, StringComparer.Ordinal))
        {
            var first = Math.Min(firstByJurisdiction.GetValueOrDefault(jurisdiction, int.MaxValue),
                firstByRegion.GetValueOrDefault(jurisdiction.Region, int.MaxValue));
            var target = first == int.MaxValue ? null : shared[first];
            if (group.Count < 2 && target is null)
            {
                continue;
            }
            var count = group.Count;
            var place = (names ??= new AnchorNames(model)).Jurisdiction(jurisdiction);
            context.Report(group.Select(static p => p.Id), LocalizedText.Compose((place, count, target), static (state, language) =>
            {
                var (place, count, target) = state;
                return target is null
                    ? Texts.Format("rule-message.AM1003.separate", language, place[language], count)
                    : Texts.Format("rule-message.AM1003.shared", language, place[language], count, target.Name);
            }), [
                new(EvidenceKeys.DuplicateHosting.Jurisdiction, Spell(jurisdiction)),
                new(EvidenceKeys.DuplicateHosting.Level, JsonNames.Of(jurisdiction.Level)),
                new(EvidenceKeys.DuplicateHosting.Region, jurisdiction.Region),
                new(EvidenceKeys.DuplicateHosting.Target, target?.Id),
                new(EvidenceKeys.DuplicateHosting.SystemsToMove, Sorted(group.SelectMany(p => model.SystemsHostedOn(p.Id)).Where(static s => s.IsActive).Select(static s => s.Id))),
            ]);
        }
    }
}

/// <summary>
/// AM1004 duplicate data collection (多头采集): data resources of one category (not <c>other</c>) whose
/// owners are in the same jurisdiction or share a sector line; connected groups of ≥ 2.
/// </summary>
public sealed class DuplicateDataCollectionRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public DuplicateDataCollectionRule() : base(RuleCodes.DuplicateDataCollection, DiagnosticSeverity.Warning)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var graph = context.Graph;
        // In id order, so every category's members come sorted.
        var categorized = graph.DataResourcesWhere(static r => r.Category is { } c && c != ResourceCategory.Other);
        var forest = graph.Sectors;
        var places = new List<(int Start, int Member)>();
        var byCategory = categorized.GroupBy(static r => r.Category!.Value).OrderBy(static g => g.Key);
        foreach (var category in byCategory)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var members = category.ToArray();
            if (members.Length < 2)
            {
                continue;
            }
            var sets = new IndexSets(members.Length);
            var firstByJurisdiction = new Dictionary<Jurisdiction, int>();
            var bySector = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var ownerAgency = new Agency?[members.Length];
            for (var i = 0; i < members.Length; i++)
            {
                var owner = ownerAgency[i] = model.GetAgency(members[i].Owner);
                if (owner?.Jurisdiction is { } j)
                {
                    if (firstByJurisdiction.TryGetValue(j, out var k)) sets.Union(i, k);
                    else firstByJurisdiction[j] = i;
                }
                if (!string.IsNullOrEmpty(owner?.Sector))
                {
                    if (!bySector.TryGetValue(owner.Sector, out var inSector)) bySector[owner.Sector] = inSector = [];
                    inSector.Add(i);
                }
            }
            // Same non-empty sector at different levels: with two or more levels in a sector, every member has a
            // neighbour at another level, so the whole sector is one connected group.
            foreach (var inSector in bySector.Values)
            {
                if (inSector.Exists(i => ownerAgency[i]!.Level != ownerAgency[inSector[0]]!.Level))
                {
                    foreach (var i in inSector) sets.Union(inSector[0], i);
                }
            }
            // One owner above the other: in sector-line pre-order a topmost owner is followed by everything below it,
            // and every member of such a run with two or more owners is joined to the topmost owner's resources
            // (as AM1001 forms its vertical groups): one sort, whatever the depth of the line.
            places.Clear();
            for (var i = 0; i < members.Length; i++)
            {
                if (forest.NodeOf(members[i].Owner) is var node and >= 0) places.Add((forest.Start[node], i));
            }
            places.Sort();
            for (var p = 0; p < places.Count;)
            {
                var end = forest.End[forest.ByStart[places[p].Start]];
                var q = p + 1;
                while (q < places.Count && places[q].Start < end) q++;
                if (places[q - 1].Start != places[p].Start)
                {
                    for (var k = p + 1; k < q; k++) sets.Union(places[p].Member, places[k].Member);
                }
                p = q;
            }

            foreach (var group in sets.Groups(2))
            {
                var resources = group.Select(i => members[i]).ToArray();
                var owners = Sorted(resources.Select(static r => r.Owner));
                var categoryName = JsonNames.Of(category.Key);
                var categoryWords = Terms.Of(category.Key);
                context.Report(resources.Select(static r => r.Id),
                    LocalizedText.Compose((owners, categoryWords, resources), static (state, language) =>
                    {
                        var (owners, categoryWords, resources) = state;
                        // At most five resources named: a national category holds thousands.
                        var named = resources.Take(DuplicateText.NamedMembers);
                        var more = resources.Length - DuplicateText.NamedMembers;
                        var quoted = Texts.Get("rule-message.quoted", language);
                        var list = string.Join(Texts.Get("p.sep", language), named.Select(r => string.Format(CultureInfo.InvariantCulture, quoted, r.Name)));
                        var tail = more > 0 ? Texts.Format("rule-message.AM1004.more", language, resources.Length, more) : "";
                        // Mid-sentence the category is lower case (the Chinese terms have no case).
                        return Texts.Format("rule-message.AM1004", language, owners.Length, categoryWords[language].ToLowerInvariant(), list, tail);
                    }),
                    [
                        new(EvidenceKeys.DuplicateDataCollection.Category, categoryName),
                        new(EvidenceKeys.DuplicateDataCollection.Owners, owners),
                    ]);
            }
        }
    }
}
