using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Graph;
using ArchModel.Model;

namespace ArchModel.Analysis.Rules;

/// <summary>Base of the built-in rules: a fixed descriptor and small helpers.</summary>
public abstract class BuiltInRule : IRule
{
    /// <summary>Creates a built-in rule.</summary>
    private protected BuiltInRule(string code, string titleZh, string titleEn, string helpZh, string helpEn, DiagnosticSeverity severity) =>
        Descriptor = new RuleDescriptor(code, new LocalizedText(titleZh, titleEn), new LocalizedText(helpZh, helpEn), severity);

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

    /// <summary>Formats an amount for messages: invariant digits with thousands separators.</summary>
    public static string Money(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

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
        Array.Sort(array, StringComparer.Ordinal);
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

    public static string LevelZh(AgencyLevel level) => level switch
    {
        AgencyLevel.National => "国家级",
        AgencyLevel.Provincial => "省级",
        AgencyLevel.Municipal => "市级",
        AgencyLevel.County => "县级",
        _ => "乡镇级",
    };
}
