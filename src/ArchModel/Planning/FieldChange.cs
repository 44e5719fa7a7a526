using System.Globalization;
using System.Text;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>How an element differs between the as-is and the to-be model.</summary>
public enum ChangeKind
{
    /// <summary>The element is only in the to-be model.</summary>
    Added,
    /// <summary>The element is only in the as-is model.</summary>
    Removed,
    /// <summary>The element is in both (matched by id or by <c>formerIds</c>) and some field differs.</summary>
    Changed,
}

/// <summary>One field of an element that differs between the two models.</summary>
/// <param name="Field">
/// The field's path in the model format: <c>hosting</c>, <c>usage.monthlyActiveUsers</c>,
/// <c>properties.KEY</c>, or <c>id</c> for a renamed element.
/// </param>
/// <param name="Before">The as-is value (see <see cref="FieldChange"/> remarks for the types), <see langword="null"/> when absent.</param>
/// <param name="After">The to-be value, <see langword="null"/> when absent.</param>
/// <param name="IsSet">Whether the field is a list compared as a set (its values sorted, order carrying no meaning).</param>
/// <remarks>
/// Values are <see cref="string"/> (enums in their JSON spelling), <see cref="bool"/>, <see cref="long"/>,
/// <see cref="double"/>, <see langword="null"/>, a read-only list of values (sorted ordinally by their canonical
/// text) or a read-only dictionary of values with ordinal keys (a link, a component). Immutable.
/// </remarks>
public sealed record FieldChange(string Field, object? Before, object? After, bool IsSet)
{
    /// <summary>For a set field: the values only the to-be model has; otherwise empty.</summary>
    public IReadOnlyList<object?> AddedValues => IsSet ? Minus(After, Before) : [];

    /// <summary>For a set field: the values only the as-is model has; otherwise empty.</summary>
    public IReadOnlyList<object?> RemovedValues => IsSet ? Minus(Before, After) : [];

    private static List<object?> Minus(object? a, object? b)
    {
        var others = new HashSet<string>((b as IReadOnlyList<object?> ?? []).Select(FieldValues.Canonical), StringComparer.Ordinal);
        return (a as IReadOnlyList<object?> ?? []).Where(v => !others.Contains(FieldValues.Canonical(v))).ToList();
    }
}

/// <summary>Turns elements into comparable field values, and values into canonical text.</summary>
internal static class FieldValues
{
    /// <summary>One field of an element: its path, its canonical value and whether it is a set.</summary>
    public readonly record struct FieldValue(string Path, object? Value, bool IsSet);

    /// <summary>
    /// Every field of <paramref name="element"/> that model-format.md defines, except <c>id</c> and
    /// <c>formerIds</c> (the diff matches on those), with effective defaults applied.
    /// </summary>
    public static IEnumerable<FieldValue> Of(Element element)
    {
        if (element is NamedElement named)
        {
            yield return new("name", named.Name, false);
        }
        yield return new("description", element.Description, false);
        yield return Set("tags", element.Tags);
        foreach (var (key, value) in element.Properties)
        {
            yield return new("properties." + key, Scalar(value), false);
        }
        switch (element)
        {
            case Capability c:
                yield return new("parent", c.Parent, false);
                yield return new("shareable", c.Shareable, false);
                break;
            case Agency a:
                yield return new("level", JsonNames.Of(a.Level), false);
                yield return new("region", a.Region, false);
                yield return new("sector", a.Sector, false);
                yield return new("parent", a.Parent, false);
                yield return new("kind", JsonNames.Of(a.AgencyKind), false);
                break;
            case Network n:
                yield return new("kind", JsonNames.Of(n.NetworkKind), false);
                yield return new("classified", n.IsClassified, false);
                yield return new("owner", n.Owner, false);
                yield return new("links", SortedList(n.Links.Select(static l => (object?)Object(("to", l.To), ("via", JsonNames.Of(l.Via)))).ToList()), true);
                break;
            case Platform p:
                yield return new("kind", JsonNames.Of(p.PlatformKind), false);
                yield return new("shared", p.Shared, false);
                yield return new("owner", p.Owner, false);
                yield return new("region", p.Region, false);
                yield return Set("networks", p.Networks);
                break;
            case InformationSystem s:
                yield return new("owner", s.Owner, false);
                yield return Set("aliases", s.Aliases);
                yield return Set("capabilities", s.Capabilities);
                yield return new("status", JsonNames.Of(s.Status), false);
                yield return Set("usedBy", s.UsedBy);
                yield return Set("networks", s.Networks);
                yield return new("hosting", s.Hosting, false);
                yield return new("usage.registeredUsers", s.Usage?.RegisteredUsers, false);
                yield return new("usage.monthlyActiveUsers", s.Usage?.MonthlyActiveUsers, false);
                yield return new("cost.build", s.Cost?.Build, false);
                yield return new("cost.annualOperation", s.Cost?.AnnualOperation, false);
                yield return new("protectionLevel", s.ProtectionLevel is { } level ? (long)level : null, false);
                yield return new("components", SortedList(s.Components.Select(static c => (object?)Object(
                    ("name", c.Name), ("category", c.Category is { } cat ? JsonNames.Of(cat) : null),
                    ("origin", JsonNames.Of(c.Origin)), ("vendor", c.Vendor))).ToList()), true);
                yield return Set("holds", s.Holds);
                yield return new("project", s.Project, false);
                yield return new("standalone", s.Standalone, false);
                break;
            case DataResource d:
                yield return new("owner", d.Owner, false);
                yield return new("category", d.Category is { } category ? JsonNames.Of(category) : null, false);
                yield return new("sharing", JsonNames.Of(d.Sharing), false);
                yield return new("open", d.Open, false);
                yield return new("classified", d.Classified, false);
                break;
            case Flow f:
                yield return new("from", f.From, false);
                yield return new("to", f.To, false);
                yield return Set("carries", f.Carries);
                yield return Set("via", f.Via);
                yield return new("mode", f.Mode is { } mode ? JsonNames.Of(mode) : null, false);
                yield return new("status", JsonNames.Of(f.Status), false);
                break;
            case Service v:
                yield return new("provider", v.Provider, false);
                yield return Set("systems", v.Systems);
                yield return Set("channels", v.Channels.Select(static c => JsonNames.Of(c)).ToList());
                break;
            case Project j:
                yield return new("agency", j.Agency, false);
                yield return new("budget", j.Budget, false);
                yield return new("year", j.Year is { } year ? (long)year : null, false);
                yield return new("stage", j.Stage is { } stage ? JsonNames.Of(stage) : null, false);
                yield return Set("delivers", j.Delivers);
                break;
        }
    }

    /// <summary>A list compared as a set: distinct values, sorted ordinally.</summary>
    public static FieldValue Set(string path, IEnumerable<string> values) =>
        new(path, values.Where(static v => v is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<object?>().ToList(), true);

    private static IReadOnlyList<object?> SortedList(List<object?> values) =>
        values.OrderBy(Canonical, StringComparer.Ordinal).ToList();

    private static IReadOnlyDictionary<string, object?> Object(params (string Key, object? Value)[] entries)
    {
        var map = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map[key] = value;
            }
        }
        return map;
    }

    private static object? Scalar(object? value) => value switch
    {
        int i => (long)i,
        float f => (double)f,
        _ => value,
    };

    /// <summary>Whether a field value is absent: null or an empty list.</summary>
    public static bool IsEmpty(object? value) => value is null || value is IReadOnlyList<object?> { Count: 0 };

    /// <summary>The canonical text of a value: equal values have equal text (numbers in invariant round-trip form).</summary>
    public static string Canonical(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: sb.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"'); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case IReadOnlyDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Append(sb, k);
                    sb.Append(':');
                    Append(sb, v);
                }
                sb.Append('}');
                break;
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Append(sb, list[i]);
                }
                sb.Append(']');
                break;
            default: sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>A value as short human-readable text: lists joined with <c>, </c>, absent as an em dash.</summary>
    /// <summary>A value as a reader of <paramref name="language"/> reads it: yes or no for a flag, a component's origin and
    /// a link's way in words (the terminology table); the rest as <see cref="Display(object?)"/>.</summary>
    public static string Display(object? value, Language language) => value switch
    {
        bool b => Texts.Get(b ? "doc.yes" : "doc.no", language),
        IReadOnlyDictionary<string, object?> map when map.TryGetValue("name", out var name) =>
            Display(name) + Texts.Get("p.open", language)
            + Terms.Of(JsonNames.TryParse(map.GetValueOrDefault("origin") as string ?? "", out ComponentOrigin origin) ? origin : ComponentOrigin.Unknown)[language]
            + Texts.Get("p.close", language),
        IReadOnlyDictionary<string, object?> map when map.TryGetValue("to", out var to) =>
            Display(to) + (JsonNames.TryParse(map.GetValueOrDefault("via") as string ?? "", out LinkVia via)
                ? Texts.Get("p.open", language) + Terms.Of(via)[language] + Texts.Get("p.close", language) : ""),
        IReadOnlyList<object?> { Count: > 0 } list => string.Join(Texts.Get("p.sep", language), list.Select(v => Display(v, language))),
        _ => Display(value),
    };

    /// <summary>A value as canonical text (language-neutral: the JSON spellings).</summary>
    public static string Display(object? value) => value switch
    {
        null => "—",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> map when map.TryGetValue("name", out var name) =>
            $"{Display(name)} ({(map.TryGetValue("origin", out var origin) ? Display(origin) : "unknown")})",
        IReadOnlyDictionary<string, object?> map when map.TryGetValue("to", out var to) =>
            $"{Display(to)} ({(map.TryGetValue("via", out var via) ? Display(via) : "")})",
        IReadOnlyDictionary<string, object?> map => string.Join(" ", map.Values.Select(Display)),
        IReadOnlyList<object?> { Count: 0 } => "—",
        IReadOnlyList<object?> list => string.Join(", ", list.Select(Display)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
