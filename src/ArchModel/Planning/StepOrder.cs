using QuikGraph;
using QuikGraph.Algorithms;

namespace ArchModel.Planning;

/// <summary>Orders draft steps with QuikGraph: strongly connected components for cycles, topological sort for the order.</summary>
internal static class StepOrder
{
    public static MigrationPlan Order(IReadOnlyList<DraftStep> steps, IEnumerable<(DraftStep Before, DraftStep After)> edges)
    {
        // Tie-break key: phase, action, subject id (ordinal).
        var byKey = steps.OrderBy(static s => s.BasePhase).ThenBy(static s => s.Action)
            .ThenBy(static s => s.Subject, StringComparer.Ordinal).ToList();
        for (var i = 0; i < byKey.Count; i++)
        {
            byKey[i].Index = i;
        }
        // Edges come from a set, so there are no parallel edges to refuse (and refusing them costs a scan per edge).
        var edgeList = edges.OrderBy(static e => e.Before.Index).ThenBy(static e => e.After.Index).ToList();

        // Cycles: every strongly connected component of more than one step.
        var full = new AdjacencyGraph<DraftStep, Edge<DraftStep>>(allowParallelEdges: true);
        full.AddVertexRange(byKey);
        full.AddEdgeRange(edgeList.Select(static e => new Edge<DraftStep>(e.Before, e.After)));
        var components = new Dictionary<DraftStep, int>();
        full.StronglyConnectedComponents(components);
        var sizes = components.Values.GroupBy(static c => c).ToDictionary(static g => g.Key, static g => g.Count());
        bool InCycle(DraftStep s) => sizes[components[s]] > 1;
        var cyclic = edgeList.Where(e => InCycle(e.Before) && components[e.Before] == components[e.After]).ToList();
        var acyclic = edgeList.Where(e => !(InCycle(e.Before) && components[e.Before] == components[e.After])).ToList();

        // Phases: a step is never in an earlier phase than a step it depends on.
        var incoming = acyclic.ToLookup(static e => e.After, static e => e.Before);
        var phase = byKey.ToDictionary(static s => s, static s => s.BasePhase);
        foreach (var step in Sort(byKey, acyclic, s => (s.BasePhase, s.Index)))
        {
            foreach (var before in incoming[step])
            {
                if (phase[before] > phase[step])
                {
                    phase[step] = phase[before];
                }
            }
        }
        var ordered = Sort(byKey, acyclic, s => (phase[s], s.Index));

        var order = new Dictionary<DraftStep, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            order[ordered[i]] = i + 1;
        }
        var result = ordered.Select(s => new MigrationStep
        {
            Order = order[s],
            Action = s.Action,
            Phase = phase[s],
            Subject = s.Subject,
            Kind = s.Kind,
            Elements = s.Elements.ToList(),
            After = incoming[s].Select(b => order[b]).Distinct().Order().ToList(),
            Description = s.Description,
            Changes = s.Changes,
            Replacements = s.Replacements.ToList(),
            Destinations = s.Destinations.ToList(),
            Records = s.Records.Select(static r => new RecordUpdate(r.Subject, r.Kind, r.Change.Change, r.Changes)).ToList(),
        }).ToList();
        var phases = result.GroupBy(static s => s.Phase)
            .Select(static g => new MigrationPhase(g.Key, MigrationPlan.PhaseName(g.Key), g.Select(static s => s.Order).ToList()))
            .ToList();
        var cycles = cyclic.GroupBy(e => components[e.Before]).Select(g => new DependencyCycle(
                g.SelectMany(static e => new[] { e.Before, e.After }).Select(s => order[s]).Distinct().Order().ToList(),
                g.Select(e => (order[e.After], order[e.Before])).Distinct().OrderBy(static p => p.Item1).ThenBy(static p => p.Item2).ToList()))
            .OrderBy(static c => c.Steps[0]).ToList();
        return new MigrationPlan(result, phases, cycles);
    }

    /// <summary>
    /// QuikGraph's depth-first topological sort gives the reverse post-order. Vertices and out-edges are added in
    /// descending key so that steps with no order between them come out in ascending key: stable and deterministic.
    /// </summary>
    private static List<DraftStep> Sort<TKey>(IReadOnlyList<DraftStep> steps, IReadOnlyList<(DraftStep Before, DraftStep After)> edges, Func<DraftStep, TKey> key)
    {
        var graph = new AdjacencyGraph<DraftStep, Edge<DraftStep>>(allowParallelEdges: true);
        graph.AddVertexRange(steps.OrderByDescending(key));
        graph.AddEdgeRange(edges.OrderByDescending(e => key(e.After)).Select(static e => new Edge<DraftStep>(e.Before, e.After)));
        return graph.TopologicalSort().ToList();
    }
}
