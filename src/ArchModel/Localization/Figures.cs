using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Localization;

/// <summary>
/// How every output writes a metric's value: a percentage for ratios, money (<see cref="Money"/>) for the cost, "—"
/// when it cannot be computed. Reports, <c>diff</c> and the site write figures through here, so one metric reads
/// the same everywhere.
/// </summary>
internal static class Figures
{
    /// <summary>A ratio in [0, 1] as a percentage, with one decimal when needed.</summary>
    public static string Percent(double ratio)
    {
        var p = Math.Round(ratio * 100, 1, MidpointRounding.AwayFromZero);
        return p.ToString(p == Math.Floor(p) ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A metric's value: a percentage for ratios, money for the cost; "—" when absent.</summary>
    public static string MetricValue(string metric, double? value, Language language) => value switch
    {
        null => "—",
        { } v when MetricNames.IsRatio(metric) => Percent(v),
        { } v => Money.Format(v, language),
    };
}
