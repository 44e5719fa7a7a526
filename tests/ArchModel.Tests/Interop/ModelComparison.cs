using System.Collections;
using System.Reflection;

namespace ArchModel.Tests.Interop;

/// <summary>
/// "Equal models" for round trips: the same model description, settings and targets, and in every list the same elements
/// in the same order, compared property by property (lists item by item, extension properties entry by entry); where an
/// element is defined (its location) is not compared.
/// </summary>
internal static class ModelComparison
{
    public static List<string> Differences(ArchitectureModel expected, ArchitectureModel actual)
    {
        var differences = new List<string>();
        Compare("info", expected.Info, actual.Info, differences);
        Compare("settings", expected.Settings, actual.Settings, differences);
        Compare("targets", expected.Targets, actual.Targets, differences);
        Compare("capabilities", expected.Capabilities, actual.Capabilities, differences);
        Compare("agencies", expected.Agencies, actual.Agencies, differences);
        Compare("networks", expected.Networks, actual.Networks, differences);
        Compare("platforms", expected.Platforms, actual.Platforms, differences);
        Compare("systems", expected.Systems, actual.Systems, differences);
        Compare("dataResources", expected.DataResources, actual.DataResources, differences);
        Compare("flows", expected.Flows, actual.Flows, differences);
        Compare("services", expected.Services, actual.Services, differences);
        Compare("projects", expected.Projects, actual.Projects, differences);
        Compare("suppressions", expected.Suppressions, actual.Suppressions, differences);
        return differences;
    }

    /// <summary>The same, with every list sorted by id first (for a split by region, which groups the lists by file).</summary>
    public static List<string> DifferencesIgnoringOrder(ArchitectureModel expected, ArchitectureModel actual)
    {
        var differences = new List<string>();
        Compare("info", expected.Info, actual.Info, differences);
        Compare("settings", expected.Settings, actual.Settings, differences);
        Compare("targets", expected.Targets, actual.Targets, differences);
        Compare("elements", Sorted(expected), Sorted(actual), differences);
        Compare("suppressions", expected.Suppressions, actual.Suppressions, differences);
        return differences;
    }

    private static List<Element> Sorted(ArchitectureModel model) =>
        [.. model.Elements.OrderBy(static e => e.Kind).ThenBy(static e => e.Id, StringComparer.Ordinal)];

    private static void Compare(string path, object? expected, object? actual, List<string> differences)
    {
        if (differences.Count > 20)
        {
            return;
        }
        if (expected is null || actual is null)
        {
            if (!(expected is null && actual is null))
            {
                differences.Add($"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            }
            return;
        }
        if (expected is string || expected.GetType().IsPrimitive || expected is Enum || expected is DateOnly || expected is Language)
        {
            if (!expected.Equals(actual))
            {
                differences.Add($"{path}: expected {expected}, got {actual}");
            }
            return;
        }
        if (expected is IDictionary dictionary && actual is IDictionary other)
        {
            var keys = dictionary.Keys.Cast<object>().Select(static k => k.ToString()!).Order(StringComparer.Ordinal).ToList();
            var otherKeys = other.Keys.Cast<object>().Select(static k => k.ToString()!).Order(StringComparer.Ordinal).ToList();
            if (!keys.SequenceEqual(otherKeys))
            {
                differences.Add($"{path}: keys [{string.Join(",", keys)}] against [{string.Join(",", otherKeys)}]");
                return;
            }
            foreach (DictionaryEntry entry in dictionary)
            {
                Compare($"{path}.{entry.Key}", entry.Value, other[entry.Key], differences);
            }
            return;
        }
        if (expected is IEnumerable list && expected is not string && actual is IEnumerable otherList)
        {
            var a = list.Cast<object?>().ToList();
            var b = otherList.Cast<object?>().ToList();
            if (a.Count != b.Count)
            {
                differences.Add($"{path}: {a.Count} items, got {b.Count}");
                return;
            }
            for (var i = 0; i < a.Count; i++)
            {
                var id = a[i] is Element e ? $"({e.Id})" : "";
                Compare($"{path}[{i}]{id}", a[i], b[i], differences);
            }
            return;
        }
        if (expected.GetType() != actual.GetType())
        {
            differences.Add($"{path}: a {expected.GetType().Name}, got a {actual.GetType().Name}");
            return;
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is "Location" or "EqualityContract" || property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            Compare($"{path}.{property.Name}", property.GetValue(expected), property.GetValue(actual), differences);
        }
    }
}
