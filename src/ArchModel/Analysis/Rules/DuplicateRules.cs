using System.Runtime.InteropServices;
using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Model;
using static ArchModel.Analysis.Rules.RuleSupport;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// AM1001 duplicate build (重复建设): per capability, the active systems listing it, joined when their
/// scopes overlap; every connected group of ≥ 2 is a finding.
/// </summary>
/// <remarks>Linear in systems × (scope size + sector-line depth): joins go through keys (agency, jurisdiction,
/// ancestor) instead of comparing pairs.</remarks>
public sealed class DuplicateBuildRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public DuplicateBuildRule() : base("AM1001", "重复建设", "Duplicate build",
        "同一功能由服务范围重叠（同一机构使用、同一地区同级、或同一条线上下级）的多个在用系统重复提供。应统建共用：保留一个系统，其余迁移后停用。",
        "Several active systems with overlapping scopes (a common agency, the same jurisdiction, or one owner above the other on a sector line) provide the same capability. Consolidate: keep one shared system, migrate and retire the others.",
        DiagnosticSeverity.Warning)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var keys = new SystemKeys(context.Graph, context.Graph.SystemsWhere(static s => s.IsActive));
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

        // The first member (per capability) seen with each agency in scope, owner and jurisdiction; what a
        // capability set is unset after it, so the arrays are made once.
        var firstByAgency = Unset(keys.AgencyCount);
        var firstByOwner = Unset(keys.AgencyCount);
        var firstByJurisdiction = Unset(keys.JurisdictionCount);
        var marks = new OverlapMarks(keys);
        foreach (var capability in capabilityIds)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var members = byCapability[capability];
            if (members.Count < 2)
            {
                continue;
            }
            var sets = new IndexSets(members.Count);
            for (var i = 0; i < members.Count; i++)
            {
                var s = members[i];
                // (a) some agency in both scopes.
                foreach (var agency in keys.Scope(s))
                {
                    Join(sets, firstByAgency, agency, i);
                }
                if (firstByOwner[keys.Owner[s]] < 0)
                {
                    firstByOwner[keys.Owner[s]] = i;
                }
                // (b) owners in the same jurisdiction.
                if (keys.Jurisdiction[s] >= 0)
                {
                    Join(sets, firstByJurisdiction, keys.Jurisdiction[s], i);
                }
            }
            // (c) one owner above the other; systems of one owner are already joined by (a).
            for (var i = 0; i < members.Count; i++)
            {
                foreach (var ancestor in keys.AncestorsOfOwner(members[i]))
                {
                    if (firstByOwner[ancestor] is var j && j >= 0) sets.Union(i, j);
                }
            }
            foreach (var s in members)
            {
                foreach (var agency in keys.Scope(s)) firstByAgency[agency] = -1;
                firstByOwner[keys.Owner[s]] = -1;
                if (keys.Jurisdiction[s] >= 0) firstByJurisdiction[keys.Jurisdiction[s]] = -1;
            }

            var groups = sets.Groups(2);
            if (groups.Count == 0)
            {
                continue;
            }
            var capabilityName = Name(model, capability);
            var shareable = model.Find<Capability>(capability)?.Shareable ?? false;
            foreach (var group in groups)
            {
                var positions = group.ConvertAll(i => members[i]);
                var kinds = marks.Kinds(positions);
                var found = positions.ConvertAll(s => systems[s]);
                var avoidable = 0.0;
                var largest = double.NegativeInfinity;
                foreach (var system in found)
                {
                    var cost = system.Cost?.AnnualOperation ?? 0;
                    avoidable += cost;
                    largest = Math.Max(largest, cost);
                }
                avoidable -= largest;
                context.Report(
                    found.ConvertAll(static s => s.Id),
                    LocalizedText.Compose((found, capabilityName, capability, kinds, avoidable), static (state, language) =>
                    {
                        var (found, capabilityName, capability, kinds, avoidable) = state;
                        return language == Language.Chinese
                            ? $"{found.Count} 个在用系统重复提供功能“{capabilityName}”（{capability}），服务范围重叠（{string.Join("；", kinds.Select(KindZh))}）：建议统建共用，保留一个系统，其余迁移后停用，每年可节省运维费用 {Money(avoidable)}。"
                            : $"{found.Count} active systems provide the capability '{capabilityName}' ({capability}) with overlapping scopes ({string.Join(", ", kinds)}): consolidate onto one shared system and retire the others after migration, saving {Money(avoidable)} a year in operation costs.";
                    }),
                    [
                        new("capability", capability),
                        new("capabilityShareable", shareable),
                        new("overlap", kinds[0]),
                        new("overlapKinds", kinds),
                        new("avoidableAnnualCost", avoidable),
                        new("owners", Sorted(found.Select(static s => s.Owner))),
                    ]);
            }
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

    /// <summary>Joins <paramref name="i"/> with the first member seen with <paramref name="key"/>, or makes it that member.</summary>
    private static void Join(IndexSets sets, int[] first, int key, int i)
    {
        if (first[key] >= 0)
        {
            sets.Union(i, first[key]);
        }
        else
        {
            first[key] = i;
        }
    }

    /// <summary>
    /// The kinds by which some two members' scopes overlap, in the order horizontal, vertical, shared-use
    /// (never empty for a group of ≥ 2 joined systems): marks per jurisdiction, owner and agency, stamped
    /// per group so that nothing is cleared.
    /// </summary>
    private sealed class OverlapMarks(SystemKeys keys)
    {
        private readonly int[] _jurisdiction = new int[keys.JurisdictionCount];
        private readonly int[] _owner = new int[keys.AgencyCount];
        private readonly int[] _agency = new int[keys.AgencyCount];
        private int _stamp;

        public List<string> Kinds(List<int> group)
        {
            _stamp++;
            var kinds = new List<string>(3);
            foreach (var s in group)
            {
                var j = keys.Jurisdiction[s];
                if (j >= 0 && !Mark(_jurisdiction, j))
                {
                    kinds.Add(Horizontal);
                    break;
                }
            }
            foreach (var s in group)
            {
                _owner[keys.Owner[s]] = _stamp;
            }
            if (HasOwnerAbove(group))
            {
                kinds.Add(Vertical);
            }
            foreach (var s in group)
            {
                foreach (var agency in keys.Scope(s))
                {
                    if (!Mark(_agency, agency))
                    {
                        kinds.Add(SharedUse);
                        return kinds;
                    }
                }
            }
            return kinds;
        }

        /// <summary>Whether some member's owner has a superior among the owners stamped for this group.</summary>
        private bool HasOwnerAbove(List<int> group)
        {
            foreach (var s in group)
            {
                foreach (var ancestor in keys.AncestorsOfOwner(s))
                {
                    if (_owner[ancestor] == _stamp) return true;
                }
            }
            return false;
        }

        /// <summary>Marks a key for this group; false when it was marked already.</summary>
        private bool Mark(int[] marks, int key)
        {
            if (marks[key] == _stamp) return false;
            marks[key] = _stamp;
            return true;
        }
    }
}

/// <summary>
/// AM1002 probable duplicate: active systems with overlapping scopes, no capability in common and similar
/// normalized names (Dice of character-bigram sets ≥ <c>duplicateNameSimilarity</c>); connected groups of ≥ 2.
/// </summary>
/// <remarks>Candidate pairs come from a bigram index with prefix and size filtering (see <see cref="NameSimilarityIndex"/>),
/// run inside blocks that hold every pair of overlapping scopes; never all pairs.</remarks>
public sealed class ProbableDuplicateRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public ProbableDuplicateRule() : base("AM1002", "疑似重复建设", "Probable duplicate",
        "两个服务范围重叠、功能登记没有交集的在用系统名称高度相似，可能是同一系统的重复建设或功能登记不全。请核实：若确为重复，按重复建设处理；否则补全功能登记。",
        "Two active systems with overlapping scopes and no capability in common have very similar names: probably a duplicate build or incomplete capability data. Check them: consolidate if they duplicate each other, otherwise complete their capabilities.",
        DiagnosticSeverity.Info)
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
        // Systems are numbered in model order: nothing below depends on the numbering but the order inside a group,
        // which is sorted by id when the group is reported.
        var systems = ActiveSystems(model);

        // Only pairs with overlapping scopes can be findings, so the similarity join runs inside blocks that
        // hold every such pair: (a) the systems whose scope holds an agency, (b) the systems whose owners are
        // in one jurisdiction, (c) an agency's systems against the systems of the agencies below it (a
        // bipartite join). Each system is in |scope| + 1 blocks and on the probing side of one join per
        // ancestor, so the work follows the pairs that matter instead of every similar pair in the country.
        // Every name is cut into characters and bigrams once; the blocks join subsets of them.
        var names = new NameSimilarityIndex.PreparedNames();
        var firstName = new int[systems.Length + 1];
        var byAgency = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byJurisdiction = new Dictionary<Jurisdiction, List<int>>();
        var below = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byOwner = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        // Models mostly list an agency's systems together: what the blocks need of the owner is looked up once
        // per run of its systems.
        string? owner = null;
        string? ownerName = null;
        List<int> ownerBlock = [];
        List<int> ownerSystems = [];
        List<int>? jurisdictionBlock = null;
        var belowBlocks = new List<List<int>>();
        for (var i = 0; i < systems.Length; i++)
        {
            var system = systems[i];
            if (owner is null || system.Owner != owner)
            {
                owner = system.Owner;
                var agency = model.GetAgency(owner); // graph.JurisdictionOf(owner) is its jurisdiction
                ownerName = agency?.Name;
                ownerBlock = BlockOf(byAgency, owner);
                ownerSystems = BlockOf(byOwner, owner);
                jurisdictionBlock = agency?.Jurisdiction is { } j ? BlockOf(byJurisdiction, j) : null;
                belowBlocks.Clear();
                var ancestors = graph.AncestorsOf(owner);
                for (var k = 0; k < ancestors.Count; k++) belowBlocks.Add(BlockOf(below, ancestors[k]));
            }

            firstName[i] = names.Count;
            names.Add(i, system.Name, ownerName);
            var aliases = system.Aliases;
            for (var k = 0; k < aliases.Count; k++)
            {
                names.Add(i, aliases[k], ownerName);
            }

            // scope(S) without a list or set per system: most scopes are a few agencies.
            ownerBlock.Add(i);
            var users = system.UsedBy;
            HashSet<string>? seen = users.Count > 8 ? new(StringComparer.Ordinal) { system.Owner } : null;
            for (var u = 0; u < users.Count; u++)
            {
                if (seen?.Add(users[u]) ?? IsNew(system, u))
                {
                    Add(byAgency, users[u], i);
                }
            }
            jurisdictionBlock?.Add(i);
            foreach (var descendants in belowBlocks) descendants.Add(i);
            ownerSystems.Add(i);
        }
        firstName[systems.Length] = names.Count;

        var threshold = context.Settings.DuplicateNameSimilarity;
        var join = new NameSimilarityIndex.Join(names, _indexEveryBlock);
        var block = new List<int>();
        var pairs = new List<(int A, int B, double Similarity)>();
        var best = new Dictionary<long, double>();
        void AddNames(List<int> members)
        {
            foreach (var i in members)
            {
                for (var n = firstName[i]; n < firstName[i + 1]; n++) block.Add(n);
            }
        }
        void Run(int indexedCount)
        {
            pairs.Clear();
            join.Run(CollectionsMarshal.AsSpan(block), indexedCount, threshold, pairs, context.CancellationToken);
            foreach (var (a, b, similarity) in pairs)
            {
                var key = a < b ? (long)a << 32 | (uint)b : (long)b << 32 | (uint)a;
                // One look-up per pair (a pair is found again in every block both systems are in).
                ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(best, key, out var known);
                if (!known || similarity > kept)
                {
                    kept = similarity;
                }
            }
        }

        foreach (var members in byAgency.Values.Concat(byJurisdiction.Values))
        {
            if (members.Count >= 2)
            {
                block.Clear();
                AddNames(members);
                Run(-1);
            }
        }
        foreach (var (agency, descendants) in below)
        {
            if (byOwner.TryGetValue(agency, out var owned))
            {
                block.Clear();
                AddNames(owned);
                var indexedCount = block.Count;
                AddNames(descendants);
                Run(indexedCount);
            }
        }

        // The pairs in order (keys and values of an unchanged dictionary enumerate in the same order).
        var keys = best.Keys.ToArray();
        var similarities = best.Values.ToArray();
        Array.Sort(keys, similarities);
        var edges = new List<(int A, int B, double Similarity)>();
        for (var k = 0; k < keys.Length; k++)
        {
            var (a, b) = ((int)(keys[k] >> 32), (int)keys[k]);
            var sa = systems[a];
            var sb = systems[b];
            if (ShareCapability(sa, sb) || !ScopesOverlap(graph, sa, sb))
            {
                continue;
            }
            edges.Add((a, b, similarities[k]));
        }

        // Groups over the systems that have an edge (numbered in system order, so each group stays ascending
        // and the groups stay ordered by their first member), not over every system of the model.
        var nodes = new List<int>(2 * edges.Count);
        foreach (var (a, b, _) in edges)
        {
            nodes.Add(a);
            nodes.Add(b);
        }
        nodes.Sort();
        var node = new Dictionary<int, int>();
        var systemOf = new List<int>();
        foreach (var i in nodes)
        {
            if (node.TryAdd(i, systemOf.Count)) systemOf.Add(i);
        }
        var sets = new IndexSets(node.Count);
        foreach (var (a, b, _) in edges)
        {
            sets.Union(node[a], node[b]);
        }
        var groups = sets.Groups(2);
        var groupOf = new Dictionary<int, int>();
        for (var g = 0; g < groups.Count; g++)
        {
            for (var k = 0; k < groups[g].Count; k++)
            {
                groups[g][k] = systemOf[groups[g][k]];
                groupOf[groups[g][k]] = g;
            }
        }
        var maxSimilarity = new double[groups.Count];
        var minSimilarity = Enumerable.Repeat(double.MaxValue, groups.Count).ToArray();
        foreach (var (a, _, similarity) in edges)
        {
            var g = groupOf[a];
            maxSimilarity[g] = Math.Max(maxSimilarity[g], similarity);
            minSimilarity[g] = Math.Min(minSimilarity[g], similarity);
        }

        // One finding per group.
        for (var g = 0; g < groups.Count; g++)
        {
            var members = new InformationSystem[groups[g].Count];
            var ids = new string[members.Length];
            for (var k = 0; k < members.Length; k++)
            {
                members[k] = systems[groups[g][k]];
                ids[k] = members[k].Id;
            }
            // Members in the order of the finding's elements (ids are distinct, so any sort gives this order).
            Array.Sort(ids, members, StringComparer.Ordinal);
            var memberNames = new string[members.Length];
            for (var k = 0; k < members.Length; k++) memberNames[k] = members[k].Name;
            var similarity = maxSimilarity[g];
            context.Report(
                ids,
                LocalizedText.Compose((memberNames, similarity), static (state, language) =>
                {
                    var (memberNames, similarity) = state;
                    return language == Language.Chinese
                        ? $"名称相似的在用系统 “{string.Join("”、“", memberNames)}” 服务范围重叠但功能登记没有交集（相似度 {Number(similarity)}）：请核实是否重复建设；若是，统建共用并停用多余系统；若否，补全各系统的功能登记。"
                        : $"The active systems '{string.Join("', '", memberNames)}' have similar names (similarity {Number(similarity)}) and overlapping scopes but no capability in common: check whether they duplicate each other; if so consolidate and retire the extra ones, if not complete their capabilities.";
                }),
                [
                    new("similarity", similarity),
                    new("minSimilarity", minSimilarity[g]),
                    new("names", memberNames),
                    new("owners", Sorted(members.Select(static s => s.Owner))),
                ]);
        }
    }

    /// <summary>The active systems in model order; of several with one id, the first.</summary>
    private static InformationSystem[] ActiveSystems(ArchitectureModel model)
    {
        var active = model.Systems.Where(static s => s.IsActive).ToArray();
        if (model.HasDistinctIds)
        {
            return active;
        }
        // When the model finds each of them by its id, their ids are distinct (checked without a set of every id);
        // otherwise keep the first of each id, as DistinctBy does.
        foreach (var system in active)
        {
            if (!ReferenceEquals(model.Find(system.Id), system))
            {
                return active.DistinctBy(static s => s.Id).ToArray();
            }
        }
        return active;
    }

    /// <summary>The block of a key, created empty when new.</summary>
    private static List<int> BlockOf<TKey>(Dictionary<TKey, List<int>> blocks, TKey key) where TKey : notnull
    {
        if (!blocks.TryGetValue(key, out var block))
        {
            blocks[key] = block = [];
        }
        return block;
    }

    /// <summary>Whether <c>UsedBy[index]</c> of a system is neither its owner nor an earlier user (a scan, for short lists).</summary>
    private static bool IsNew(InformationSystem system, int index)
    {
        var user = system.UsedBy[index];
        if (user == system.Owner)
        {
            return false;
        }
        for (var u = 0; u < index; u++)
        {
            if (system.UsedBy[u] == user) return false;
        }
        return true;
    }

    /// <summary>Whether two systems list a capability in common (ordinal).</summary>
    private static bool ShareCapability(InformationSystem a, InformationSystem b)
    {
        for (var x = 0; x < a.Capabilities.Count; x++)
        {
            for (var y = 0; y < b.Capabilities.Count; y++)
            {
                if (a.Capabilities[x] == b.Capabilities[y]) return true;
            }
        }
        return false;
    }
}

/// <summary>
/// AM1003 duplicate hosting: non-shared platforms grouped by their owner's jurisdiction; a group is a finding
/// with ≥ 2 platforms, or ≥ 1 when a shared platform serves the same jurisdiction (owner in it, or region equal).
/// </summary>
public sealed class DuplicateHostingRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public DuplicateHostingRule() : base("AM1003", "重复建设机房", "Duplicate hosting",
        "同一地区同级的机构各自建设非共享的机房或云平台，或在已有共享政务云的情况下仍自建。应迁移到共享的政务云，关停自建机房。",
        "Agencies of one jurisdiction each run their own non-shared platform, or run one where a shared government cloud serves them. Migrate to the shared cloud and close the separate platforms.",
        DiagnosticSeverity.Warning)
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
            context.Report(group.Select(static p => p.Id), LocalizedText.Compose((jurisdiction, count, target), static (state, language) =>
            {
                var (jurisdiction, count, target) = state;
                return (language, target) switch
                {
                    (Language.Chinese, null) => $"{jurisdiction.Region}（{LevelZh(jurisdiction.Level)}）的 {count} 个非共享平台分别建设：建议建设或指定一个共享的政务云，各部门系统迁入后关停自建平台。",
                    (Language.Chinese, _) => $"{jurisdiction.Region}（{LevelZh(jurisdiction.Level)}）已有共享平台“{target.Name}”（{target.Id}），{count} 个非共享平台仍在自建运行：建议将其上系统迁入共享平台后关停。",
                    (_, null) => $"{count} non-shared platforms are run separately in jurisdiction {jurisdiction.Region} ({JsonNames.Of(jurisdiction.Level)}): build or designate one shared government cloud, move the systems onto it and close the separate platforms.",
                    _ => $"The shared platform '{target.Name}' ({target.Id}) serves jurisdiction {jurisdiction.Region} ({JsonNames.Of(jurisdiction.Level)}), yet {count} non-shared platform(s) are still run there: move their systems to the shared platform and close them.",
                };
            }), [
                new("jurisdiction", Spell(jurisdiction)),
                new("level", JsonNames.Of(jurisdiction.Level)),
                new("region", jurisdiction.Region),
                new("target", target?.Id),
                new("systemsToMove", Sorted(group.SelectMany(p => model.SystemsHostedOn(p.Id)).Where(static s => s.IsActive).Select(static s => s.Id))),
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
    public DuplicateDataCollectionRule() : base("AM1004", "多头采集", "Duplicate data collection",
        "同一类数据由同一地区同级或同一条线上的多个机构分别采集维护。应明确唯一的权威来源（一数一源），其他机构通过共享获取。",
        "Agencies of one jurisdiction or one sector line each collect data of the same category. Name one authoritative source (一数一源) and let the others obtain it through sharing.",
        DiagnosticSeverity.Warning)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var graph = context.Graph;
        // In id order, so every category's members come sorted.
        var categorized = graph.DataResourcesWhere(static r => r.Category is { } c && c != ResourceCategory.Other);
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
            var byOwner = new Dictionary<string, List<int>>(StringComparer.Ordinal);
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
                if (!byOwner.TryGetValue(members[i].Owner, out var owned)) byOwner[members[i].Owner] = owned = [];
                owned.Add(i);
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
            // One owner above the other: a member joins every resource of each ancestor owner. Joining it to the
            // first of them and joining that owner's resources together once gives the same groups in linear time.
            var joinedOwners = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < members.Length; i++)
            {
                foreach (var ancestor in graph.AncestorsOf(members[i].Owner))
                {
                    if (byOwner.TryGetValue(ancestor, out var above))
                    {
                        sets.Union(i, above[0]);
                        if (joinedOwners.Add(ancestor))
                        {
                            foreach (var k in above) sets.Union(above[0], k);
                        }
                    }
                }
            }

            foreach (var group in sets.Groups(2))
            {
                var resources = group.Select(i => members[i]).ToArray();
                var owners = Sorted(resources.Select(static r => r.Owner));
                var categoryName = JsonNames.Of(category.Key);
                context.Report(resources.Select(static r => r.Id),
                    LocalizedText.Compose((owners, categoryName, resources), static (state, language) =>
                    {
                        var (owners, categoryName, resources) = state;
                        return language == Language.Chinese
                            ? $"{owners.Length} 个机构分别采集同类（{categoryName}）数据 {string.Join("、", resources.Select(static r => $"“{r.Name}”"))}：请确定唯一权威来源，其余机构改为通过共享交换获取，停止重复采集。"
                            : $"{owners.Length} agencies each collect {categoryName} data ({string.Join(", ", resources.Select(static r => $"'{r.Name}'"))}): name one authoritative source and have the others obtain the data through sharing instead of collecting it again.";
                    }),
                    [
                        new("category", categoryName),
                        new("owners", owners),
                    ]);
            }
        }
    }
}
