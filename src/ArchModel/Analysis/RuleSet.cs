using System.Collections;
using System.Collections.Immutable;
using ArchModel.Analysis.Rules;
using ArchModel.Diagnostics;

namespace ArchModel.Analysis;

/// <summary>
/// An immutable, ordered set of rules with unique codes. Start from <see cref="Default"/> and extend it
/// with <see cref="With"/> or trim it with <see cref="Without"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Rules run in ordinal code order whatever the order they were added in.</remarks>
public sealed class RuleSet : IReadOnlyList<IRule>
{
    private readonly ImmutableArray<IRule> _rules;

    private RuleSet(ImmutableArray<IRule> rules) => _rules = rules;

    /// <summary>A set with no rules.</summary>
    public static RuleSet Empty { get; } = new(ImmutableArray<IRule>.Empty);

    /// <summary>Every built-in rule, AM1001 to AM5002.</summary>
    public static RuleSet Default { get; } = Create(
        new DuplicateBuildRule(), new ProbableDuplicateRule(), new DuplicateHostingRule(), new DuplicateDataCollectionRule(),
        new IsolatedSystemRule(), new IslandRule(), new ClosedAgencyRule(), new StovepipeRule(),
        new UnsharedResourceRule(), new NetworkIslandRule(), new UnroutableFlowRule(),
        new BuiltButUnusedRule(), new InvestmentWithoutResultRule(),
        new ClassifiedOnOpenNetworkRule(), new ExposedProtectedSystemRule(), new ForeignCoreTechnologyRule(), new UnsafeNetworkLinkRule(),
        new DedicatedNetworkRule(), new CloudMigrationRule());

    /// <summary>Creates a set of rules.</summary>
    /// <exception cref="ArgumentException">Two rules share a code.</exception>
    public static RuleSet Create(params IEnumerable<IRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in list)
        {
            ArgumentNullException.ThrowIfNull(rule);
            if (!codes.Add(rule.Descriptor.Code))
            {
                throw new ArgumentException($"Two rules have the code '{rule.Descriptor.Code}'.", nameof(rules));
            }
        }
        return new RuleSet([.. list.OrderBy(static r => r.Descriptor.Code, StringComparer.Ordinal)]);
    }

    /// <summary>This set plus <paramref name="rules"/>.</summary>
    /// <exception cref="ArgumentException">A code is already in the set.</exception>
    public RuleSet With(params IEnumerable<IRule> rules) => Create(_rules.Concat(rules));

    /// <summary>This set without the rules with these codes (codes not in the set are ignored).</summary>
    public RuleSet Without(params IEnumerable<string> codes)
    {
        var remove = new HashSet<string>(codes, StringComparer.Ordinal);
        return new RuleSet([.. _rules.Where(r => !remove.Contains(r.Descriptor.Code))]);
    }

    /// <summary>The rule with this code, or <see langword="null"/>.</summary>
    public IRule? Find(string code) => _rules.FirstOrDefault(r => r.Descriptor.Code == code);

    /// <summary>The descriptors of the rules, by code.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors => _rules.Select(static r => r.Descriptor).ToArray();

    /// <inheritdoc />
    public int Count => _rules.Length;

    /// <inheritdoc />
    public IRule this[int index] => _rules[index];

    /// <inheritdoc />
    public IEnumerator<IRule> GetEnumerator() => ((IEnumerable<IRule>)_rules).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
