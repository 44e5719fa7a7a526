using System.Collections;
using ArchModel.Model;

namespace ArchModel.Analysis;

/// <summary>
/// The ids of a finding's systems read from their positions in the graph's systems by id
/// (<see cref="Graph.ModelGraph.SystemsById"/>): what a built-in rule reports when the model's ids are distinct.
/// </summary>
/// <remarks>
/// The positions ascend, so the ids do (ordinal order, each once), as <see cref="Finding.Elements"/> promises. The
/// scorecard reads the positions instead of looking a million ids up again (<see cref="MetricsCalculator"/>); for
/// everyone else this is a read-only list of strings.
/// </remarks>
internal sealed class SystemIdList : IReadOnlyList<string>
{
    public SystemIdList(IReadOnlyList<InformationSystem> systems, int[] positions)
    {
        Systems = systems;
        Positions = positions;
    }

    /// <summary>The graph's systems by id, which <see cref="Positions"/> index.</summary>
    public IReadOnlyList<InformationSystem> Systems { get; }

    /// <summary>The positions in <see cref="Systems"/>, ascending and distinct.</summary>
    public int[] Positions { get; }

    public string this[int index] => Systems[Positions[index]].Id;

    public int Count => Positions.Length;

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var position in Positions)
        {
            yield return Systems[position].Id;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
