using ArchModel.Analysis.Rules;
using ArchModel.Model;

namespace ArchModel.Tests.Analysis;

/// <summary>rules.md v2, AM1001 and AM1002, literally: every pair of every kind, groups per kind, then the candidates
/// no other contains.</summary>
internal static class DuplicateReference
{
    public static readonly string[] Kinds = ["horizontal", "vertical", "shared-use"];

    /// <summary>AM1001: "capability|kind|ids" per finding, sorted.</summary>
    public static string[] DuplicateBuilds(ArchitectureModel model)
    {
        var active = ActiveSystems(model);
        return active.SelectMany(static s => s.Capabilities).Distinct().Order(StringComparer.Ordinal)
            .SelectMany(c => Groups(model, active.Where(s => s.Capabilities.Contains(c)).ToArray(), static (_, _) => true)
                .Select(g => $"{c}|{g}"))
            .Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>AM1002: "kind|ids" per finding, sorted.</summary>
    public static string[] ProbableDuplicates(ArchitectureModel model)
    {
        var t = model.Settings.DuplicateNameSimilarity;
        return Groups(model, ActiveSystems(model), (a, b) =>
        {
            if (a.Capabilities.Intersect(b.Capabilities).Any()) return false;
            var ownerA = model.GetAgency(a.Owner)?.Name;
            var ownerB = model.GetAgency(b.Owner)?.Name;
            return a.Aliases.Prepend(a.Name).Any(x => b.Aliases.Prepend(b.Name).Any(y =>
                NameSimilarityIndex.Similarity(NameSimilarityIndex.Normalize(x, ownerA), NameSimilarityIndex.Normalize(y, ownerB)) is { } s && s >= t));
        }).Order(StringComparer.Ordinal).ToArray();
    }

    private static InformationSystem[] ActiveSystems(ArchitectureModel model) =>
        model.Systems.Where(static s => s.IsActive).DistinctBy(static s => s.Id).OrderBy(static s => s.Id, StringComparer.Ordinal).ToArray();

    private static bool Related(ArchitectureModel model, string kind, InformationSystem a, InformationSystem b) => kind switch
    {
        "horizontal" => model.SameJurisdiction(a.Owner, b.Owner),
        "vertical" => model.IsAbove(a.Owner, b.Owner) || model.IsAbove(b.Owner, a.Owner),
        _ => a.UsedBy.Append(a.Owner).Intersect(b.UsedBy.Append(b.Owner)).Any(),
    };

    /// <summary>"kind|ids" of every reported group.</summary>
    private static IEnumerable<string> Groups(ArchitectureModel model, InformationSystem[] systems, Func<InformationSystem, InformationSystem, bool> edge)
    {
        var candidates = new List<(int Kind, HashSet<string> Ids)>();
        for (var k = 0; k < Kinds.Length; k++)
        {
            var parent = Enumerable.Range(0, systems.Length).ToArray();
            int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
            for (var i = 0; i < systems.Length; i++)
            {
                for (var j = i + 1; j < systems.Length; j++)
                {
                    if (Related(model, Kinds[k], systems[i], systems[j]) && edge(systems[i], systems[j])) parent[Find(i)] = Find(j);
                }
            }
            candidates.AddRange(Enumerable.Range(0, systems.Length).GroupBy(Find).Where(static g => g.Count() >= 2)
                .Select(g => (k, g.Select(i => systems[i].Id).ToHashSet(StringComparer.Ordinal))));
        }
        return candidates
            .Where(x => !candidates.Any(y => x.Ids.IsProperSubsetOf(y.Ids) || (x.Ids.SetEquals(y.Ids) && y.Kind < x.Kind)))
            .Select(x => $"{Kinds[x.Kind]}|{string.Join(",", x.Ids.Order(StringComparer.Ordinal))}");
    }
}
