using System.Globalization;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Documents;

/// <summary>The display words for enum values, metrics and evidence keys, as the documents name them: the terminology table (<see cref="Terms"/>).</summary>
internal static class Labels
{
    public static LocalizedText Of(AgencyLevel v) => Terms.Of(v);

    public static LocalizedText Of(AgencyKind v) => Terms.Of(v);

    public static LocalizedText Of(SystemStatus v) => Terms.Of(v);

    public static LocalizedText Of(NetworkKind v) => Terms.Of(v);

    public static LocalizedText Of(LinkVia v) => Terms.Of(v);

    public static LocalizedText Of(PlatformKind v) => Terms.Of(v);

    public static LocalizedText Of(SharingLevel v) => Terms.Of(v);

    public static LocalizedText Of(ResourceCategory? v) => Terms.Of(v);

    public static LocalizedText Of(ServiceChannel v) => Terms.Of(v);

    public static LocalizedText Of(ProjectStage? v) => Terms.Of(v);

    public static LocalizedText Of(FlowStatus v) => Terms.Of(v);

    public static LocalizedText Of(FlowMode v) => Terms.Of(v);

    public static LocalizedText Of(ElementKind v) => Terms.Of(v);

    /// <summary>A severity as the documents say it (严重, 一般, 提示).</summary>
    public static LocalizedText Of(DiagnosticSeverity v) => Texts.Of("severity." + v.ToString().ToLowerInvariant());

    /// <summary>A metric's name, short and as a reader knows it.</summary>
    public static LocalizedText Metric(string metric) => Terms.Metric(metric);

    /// <summary>How a metric is computed, in words.</summary>
    public static LocalizedText MetricDefinition(string metric) => Terms.MetricDefinition(metric);

    /// <summary>An evidence key of a rule's findings as words; the key itself when unknown.</summary>
    public static LocalizedText Evidence(string rule, string key) => (rule, key) switch
    {
        // The same key means another thing in another rule: AM1001's and AM1002's kind is how the scopes overlap.
        (RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate, EvidenceKeys.DuplicateBuild.Kind) => Texts.Of("evidence.overlap.kind"),
        (RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate, EvidenceKeys.DuplicateBuild.Anchor) => Texts.Of("evidence.overlap.anchor"),
        _ => Evidence(key),
    };

    /// <summary>An evidence key as words; the key itself when unknown.</summary>
    /// <remarks>By spelling, whatever the rule: the built-in rules' keys (<see cref="EvidenceKeys"/>) share spellings, and a
    /// custom rule's key of the same spelling gets the same words.</remarks>
    private static LocalizedText Evidence(string key) => Texts.Has("evidence." + key) ? Texts.Of("evidence." + key) : LocalizedText.Neutral(key);

    /// <summary>Evidence values that are words, not names (the overlap kinds of AM1001 and AM1002), or <see langword="null"/>.</summary>
    public static LocalizedText? EvidenceValue(string rule, string key, string value) =>
        rule is RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate && key == EvidenceKeys.DuplicateBuild.Kind
            && Texts.Has("overlap." + value)
            ? Texts.Of("overlap." + value)
            : null;

    /// <summary>Formats a number for the reader: grouping, at most two decimals.</summary>
    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats an amount of money (yuan): 万元 in Chinese, CNY in English (<see cref="Localization.Money"/>).</summary>
    public static string Money(double? yuan, Language language) => Localization.Money.Format(yuan, language);

    /// <summary>Formats a ratio in [0, 1] as a percentage with one decimal when needed (<see cref="Localization.Figures"/>).</summary>
    public static string Percent(double ratio) => Localization.Figures.Percent(ratio);

    /// <summary>Formats a metric value: a percentage for ratios, money for the cost; "—" when absent (<see cref="Localization.Figures"/>).</summary>
    public static string MetricValue(string metric, double? value, Language language) => Localization.Figures.MetricValue(metric, value, language);
}
