using System.Runtime.InteropServices;
using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Model;

namespace ArchModel.Analysis;

/// <summary>What a rule sees while it runs: the model, its graph views, the settings, and where to report.</summary>
/// <remarks>One context per rule per analysis; not thread-safe.</remarks>
public sealed class RuleContext
{
    private readonly List<Finding> _sink;
    private readonly List<KeyValuePair<string, object?>> _facts = [];

    internal RuleContext(ModelGraph graph, RuleDescriptor rule, DiagnosticSeverity severity, List<Finding> sink, CancellationToken cancellationToken)
    {
        Graph = graph;
        Rule = rule;
        Severity = severity;
        _sink = sink;
        CancellationToken = cancellationToken;
    }

    /// <summary>The model under analysis.</summary>
    public ArchitectureModel Model => Graph.Model;

    /// <summary>The graph views of the model, built once per analysis.</summary>
    public ModelGraph Graph { get; }

    /// <summary>The model's thresholds and severity overrides.</summary>
    public ModelSettings Settings => Graph.Model.Settings;

    /// <summary>The rule being run.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>The severity findings of this rule get (default or overridden by the model).</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Cancels the analysis; long rules should check it in their loops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports a finding of the running rule.</summary>
    /// <param name="elements">The ids the finding names, in any order; they are sorted ordinally and made unique.</param>
    /// <param name="message">What was found and what to do, in Chinese and English.</param>
    /// <param name="evidence">Supporting facts: values may be strings, numbers, booleans, <see langword="null"/>,
    /// enums (written in their JSON spelling) or sequences of strings; keys are sorted ordinally.</param>
    /// <exception cref="ArgumentException">No element, a null evidence key, or an evidence value of another type.</exception>
    public void Report(IEnumerable<string> elements, LocalizedText message, IEnumerable<KeyValuePair<string, object?>>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(message);
        // The facts gather in one buffer the rule's reports share (a dictionary's own enumerator, not a boxed one,
        // when the rule passes a dictionary); the finding keeps one compact copy.
        _facts.Clear();
        if (evidence is Dictionary<string, object?> dictionary)
        {
            foreach (var (key, value) in dictionary)
            {
                AddFact(key, value);
            }
        }
        else if (evidence is not null)
        {
            foreach (var (key, value) in evidence)
            {
                AddFact(key, value);
            }
        }
        Add(elements, message);
    }

    /// <summary>
    /// Reports a finding with its facts in a span: the built-in rules' way, a quarter of a million times on a national
    /// model, without a dictionary per finding.
    /// </summary>
    internal void Report(IEnumerable<string> elements, LocalizedText message, ReadOnlySpan<KeyValuePair<string, object?>> evidence)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(message);
        _facts.Clear();
        foreach (var (key, value) in evidence)
        {
            // A built-in rule hands over the arrays it reports and does not touch them again: kept, not copied.
            AddFact(key, value, keepArrays: true);
        }
        Add(elements, message);
    }

    /// <summary>
    /// Reports a finding naming the systems at <paramref name="members"/> of <paramref name="systems"/> (a selection of
    /// <see cref="ModelGraph.SystemsById"/>, as <see cref="ModelGraph.SystemsWhere(Func{InformationSystem, bool}, out int[])"/>
    /// gives it): by their positions in <see cref="ModelGraph.SystemsById"/> when <paramref name="positions"/> (each
    /// selected system's, given when the model's ids are distinct) is there, so that the finding sorts and the scorecard
    /// counts integers instead of a million ids; else by id.
    /// </summary>
    internal void ReportSystems(IReadOnlyList<InformationSystem> systems, int[]? positions, IReadOnlyList<int> members,
        LocalizedText message, ReadOnlySpan<KeyValuePair<string, object?>> evidence)
    {
        if (positions is null)
        {
            var ids = new string[members.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = systems[members[i]].Id;
            }
            Report(ids, message, evidence);
            return;
        }
        var found = new int[members.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = positions[members[i]];
        }
        ReportPositions(found, message, evidence);
    }

    /// <summary>Reports a finding naming systems by their positions in <see cref="ModelGraph.SystemsById"/>, in any order
    /// and repeated or not; <paramref name="positions"/> is sorted in place and kept.</summary>
    private void ReportPositions(int[] positions, LocalizedText message, ReadOnlySpan<KeyValuePair<string, object?>> evidence)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (positions.Length == 0)
        {
            throw new ArgumentException("A finding names at least one element.", nameof(positions));
        }
        _facts.Clear();
        foreach (var (key, value) in evidence)
        {
            AddFact(key, value, keepArrays: true);
        }
        Array.Sort(positions);
        var n = 1;
        for (var i = 1; i < positions.Length; i++)
        {
            if (positions[i] != positions[n - 1])
            {
                positions[n++] = positions[i];
            }
        }
        var systems = Graph.SystemsById;
        _sink.Add(new Finding
        {
            Rule = Rule.Code,
            Severity = Severity,
            Title = Rule.Title,
            Message = message,
            Elements = new SystemIdList(systems, n == positions.Length ? positions : positions[..n]),
            Evidence = EvidenceMap.Of(CollectionsMarshal.AsSpan(_facts)),
            // The model's ids are distinct, so the first system is what the model finds by its id.
            LocatedBy = systems[positions[0]],
        });
    }

    /// <summary>Adds the finding of <paramref name="elements"/> with the facts gathered.</summary>
    private void Add(IEnumerable<string> elements, LocalizedText message)
    {
        var ids = Rules.RuleSupport.Sorted(elements);
        if (ids.Length == 0)
        {
            throw new ArgumentException("A finding names at least one element.", nameof(elements));
        }
        var facts = EvidenceMap.Of(CollectionsMarshal.AsSpan(_facts));
        _sink.Add(new Finding
        {
            Rule = Rule.Code,
            Severity = Severity,
            Title = Rule.Title,
            Message = message,
            Elements = ids,
            Evidence = facts,
            LocatedBy = Model.Find(ids[0]),
        });
    }

    private void AddFact(string key, object? value, bool keepArrays = false)
    {
        if (key is null)
        {
            throw new ArgumentException("An evidence key is null.", nameof(key));
        }
        _facts.Add(new(key, keepArrays && value is string[] array ? array : NormalizeEvidence(key, value)));
    }

    // A value already of the kind kept (string, bool, double, long) is kept as given, not unboxed and boxed again: a
    // national model's findings carry a million such facts.
    private static object? NormalizeEvidence(string key, object? value) => value switch
    {
        null => null,
        string or double or long => value,
        bool b => b ? True : False,
        float f => (double)f,
        decimal m => (double)m,
        int i => (long)i,
        short s => (long)s,
        Enum e => EnumName(e),
        IEnumerable<string> list => (IReadOnlyList<string>)list.ToArray(),
        _ => throw new ArgumentException($"Evidence '{key}' has an unsupported type {value.GetType().Name}.", nameof(value)),
    };

    private static readonly object True = true, False = false;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Enum, string> EnumNames = new();

    private static string EnumName(Enum e) => EnumNames.GetOrAdd(e, static e => Kebab(e));

    private static string Kebab(Enum e)
    {
        var name = e.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]))
            {
                if (i > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                sb.Append(name[i]);
            }
        }
        return sb.ToString();
    }
}
