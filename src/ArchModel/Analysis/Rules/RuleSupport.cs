using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Analysis.Rules;

/// <summary>Base of the built-in rules: a fixed descriptor and small helpers.</summary>
public abstract class BuiltInRule : IRule
{
    /// <summary>Creates a built-in rule.</summary>
    /// <remarks>The title and help come from the terminology table (<see cref="Terms.RuleTitle"/>), so every output names the rule alike.</remarks>
    private protected BuiltInRule(string code, DiagnosticSeverity severity) =>
        Descriptor = new RuleDescriptor(code, Terms.RuleTitle(code), Terms.RuleHelp(code), severity);

    /// <inheritdoc />
    public RuleDescriptor Descriptor { get; }

    /// <inheritdoc />
    public abstract void Analyze(RuleContext context);

    /// <summary>
    /// Whether the rule reads the silo views of <see cref="ModelGraph"/> (built together on first use): the
    /// analyzer then builds them beside the first rules, so that no rule waits for another to build them.
    /// </summary>
    internal virtual bool UsesSiloViews => false;
}

/// <summary>Helpers shared by the built-in rules.</summary>
internal static class RuleSupport
{
    public const string Horizontal = OverlapKinds.Horizontal;
    public const string Vertical = OverlapKinds.Vertical;
    public const string SharedUse = OverlapKinds.SharedUse;

    /// <summary>The display name of an element, or the id when it is not in the model.</summary>
    public static string Name(ArchitectureModel model, string? id) => id is null ? "" : model.Find(id)?.DisplayName ?? id;


    /// <summary>Formats a ratio for messages.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Adds a value to the list of a key, creating the list.</summary>
    public static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    /// <summary>Ordinally sorted, distinct: a new array (a national model asks for this a million times, mostly for a
    /// few ids already in order).</summary>
    public static string[] Sorted(IEnumerable<string> ids)
    {
        var array = ids.ToArray();
        if (array.Length < 2 || IsAscending(array))
        {
            return array;
        }
        // A large group's ids or owners (thousands, sharing their prefixes) three characters at a time.
        if (array.Length > 64)
        {
            OrdinalSort.Sort(array);
        }
        else
        {
            Array.Sort(array, StringComparer.Ordinal);
        }
        var n = 1;
        for (var i = 1; i < array.Length; i++)
        {
            if (!string.Equals(array[i], array[n - 1], StringComparison.Ordinal))
            {
                array[n++] = array[i];
            }
        }
        return n == array.Length ? array : array[..n];
    }

    /// <summary>Whether the ids are in strictly ascending ordinal order.</summary>
    private static bool IsAscending(string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (string.CompareOrdinal(ids[i - 1], ids[i]) >= 0) return false;
        }
        return true;
    }

    /// <summary>The JSON spelling of a jurisdiction: <c>level:region</c>.</summary>
    public static string Spell(Jurisdiction j) => JsonNames.Of(j.Level) + ":" + j.Region;

    /// <summary>The Chinese word for an agency level (the terminology table).</summary>
    public static string LevelZh(AgencyLevel level) => Terms.Of(level).Chinese;
}
