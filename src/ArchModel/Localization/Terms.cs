using System.Collections.Frozen;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Localization;

/// <summary>
/// The terminology of ArchModel's outputs, in every language: the one name of each metric and rule, the words for
/// agency levels, kinds, statuses and the other values of the model format. Every output (analyze, the reports,
/// diff, the site, the diagrams) names these things by this table and no other.
/// </summary>
public static class Terms
{
    // The key prefix of each enum's words; the key is the prefix and the value's JSON spelling (level.municipal).
    private static readonly FrozenDictionary<Type, string> Prefixes = new Dictionary<Type, string>
    {
        [typeof(AgencyLevel)] = "level",
        [typeof(AgencyKind)] = "agency-kind",
        [typeof(SystemStatus)] = "system-status",
        [typeof(NetworkKind)] = "network-kind",
        [typeof(LinkVia)] = "link-via",
        [typeof(PlatformKind)] = "platform-kind",
        [typeof(SharingLevel)] = "sharing",
        [typeof(ResourceCategory)] = "category",
        [typeof(ServiceChannel)] = "channel",
        [typeof(ProjectStage)] = "stage",
        [typeof(FlowStatus)] = "flow-status",
        [typeof(FlowMode)] = "flow-mode",
        [typeof(ComponentOrigin)] = "origin",
        [typeof(ComponentCategory)] = "component",
        [typeof(ElementKind)] = "kind",
    }.ToFrozenDictionary();

    /// <summary>The name of a metric (<see cref="MetricNames"/>) as planners say it; the metric's key when unknown.</summary>
    public static LocalizedText Metric(string metric) => Known("metric." + metric, metric);

    /// <summary>How a metric is computed, in words; the metric's key when unknown.</summary>
    public static LocalizedText MetricDefinition(string metric) => Known("metric." + metric + ".definition", metric);

    /// <summary>The title of a built-in rule (<c>AM1001</c> 重复建设 / Duplicate build); the code when unknown.</summary>
    public static LocalizedText RuleTitle(string code) => Known("rule." + code + ".title", code);

    /// <summary>What a built-in rule checks and what to do about a finding; the code when unknown.</summary>
    public static LocalizedText RuleHelp(string code) => Known("rule." + code + ".help", code);

    /// <summary>
    /// The word for a value of the model format's enums: agency levels (省级 / Provincial), agency kinds, system and flow
    /// statuses, network and platform kinds, sharing levels, resource categories, service channels, project stages,
    /// flow modes, component categories and origins, and element kinds.
    /// </summary>
    /// <exception cref="ArgumentException">For an enum the table has no words for.</exception>
    public static LocalizedText Of<T>(T value) where T : struct, Enum =>
        Prefixes.TryGetValue(typeof(T), out var prefix)
            ? Texts.Of(prefix + "." + JsonNames.Of(value))
            : throw new ArgumentException($"No terms for {typeof(T).Name}.", nameof(value));

    /// <summary>The word for a resource category, or "uncategorised" (未分类) for none.</summary>
    public static LocalizedText Of(ResourceCategory? value) => value is { } v ? Of(v) : Texts.Of("category.uncategorised");

    /// <summary>The word for a project stage, or "unknown" (不详) for none.</summary>
    public static LocalizedText Of(ProjectStage? value) => value is { } v ? Of(v) : Texts.Of("stage.unknown");

    /// <summary>The words of a key of the tables (for the keys docs/localization.md lists).</summary>
    public static LocalizedText Text(string key) => Texts.Of(key);

    /// <summary>Whether <paramref name="name"/> (in <paramref name="language"/>) is the name of a metric in the table.</summary>
    public static bool IsMetricName(string name, Language language) =>
        MetricNames.All.Any(m => string.Equals(Metric(m)[language], name, StringComparison.Ordinal));

    /// <summary>A field of the model format as words (<c>status</c> → 状态); the field's JSON path when the table has none.</summary>
    public static LocalizedText Field(string path) => Known("field." + path, path);

    /// <summary>
    /// The words for a value of the field <paramref name="path"/> of an element of kind <paramref name="kind"/> when the
    /// value is one of the model format's words (a system's <c>status</c> <c>retired</c> → 已退役); otherwise
    /// <see langword="null"/> (a name, a number, an id).
    /// </summary>
    public static LocalizedText? FieldValue(ElementKind kind, string path, string value)
    {
        var prefix = (kind, path) switch
        {
            (ElementKind.System, "status") => "system-status",
            (ElementKind.Flow, "status") => "flow-status",
            (ElementKind.Flow, "mode") => "flow-mode",
            (ElementKind.DataResource, "sharing") => "sharing",
            (ElementKind.DataResource, "category") => "category",
            (ElementKind.Project, "stage") => "stage",
            (ElementKind.Agency, "level") => "level",
            (ElementKind.Agency, "kind") => "agency-kind",
            (ElementKind.Network, "kind") => "network-kind",
            (ElementKind.Platform, "kind") => "platform-kind",
            (ElementKind.Service, "channels") => "channel",
            (ElementKind.Network, "links.via") => "link-via",
            _ => null,
        };
        return prefix is not null && Texts.Has(prefix + "." + value) ? Texts.Of(prefix + "." + value) : null;
    }

    private static LocalizedText Known(string key, string fallback) => Texts.Has(key) ? Texts.Of(key) : LocalizedText.Neutral(fallback);
}
