using System.Globalization;
using ArchModel.Diagnostics;

namespace ArchModel.Localization;

/// <summary>
/// The one way amounts of money (yuan) are written: in Chinese 万元 with the unit (<c>18 万元</c>, <c>3,200 万元</c>),
/// in English CNY with thousands separators (<c>CNY 180,000</c>); an amount nobody entered is 未填报 / unknown, never 0.
/// </summary>
public static class Money
{
    /// <summary>Writes <paramref name="yuan"/> in <paramref name="language"/>; "unknown" (未填报) when <see langword="null"/>.</summary>
    public static string Format(double? yuan, Language language)
    {
        if (yuan is not { } value || double.IsNaN(value))
        {
            return Texts.Get("unit.money.unknown", language);
        }
        // The language's unit (unit.money.scale yuan: 万元 is 10,000) and number format (unit.money.number): Chinese
        // writes up to four decimals of 万元, so that no entered amount of a yuan or more reads as 0; English whole
        // yuan, rounded to even as before.
        var scaled = value / double.Parse(Texts.Get("unit.money.scale", language), CultureInfo.InvariantCulture);
        var number = Texts.Get("unit.money.number", language);
        if (!number.Contains('.', StringComparison.Ordinal)) scaled = Math.Round(scaled);
        return Texts.Format("unit.money.wan", language, scaled.ToString(number, CultureInfo.InvariantCulture));
    }

    /// <summary>The words for an amount of unknown cost.</summary>
    public static string Unknown(Language language) => Texts.Get("unit.money.unknown", language);

    /// <summary>"N systems report no operation cost and are not counted" (N 个系统未填报运维费用，未计入).</summary>
    public static string WithoutCost(int systems, Language language) =>
        Texts.Format("unit.money.without-cost", language, systems.ToString(CultureInfo.InvariantCulture));
}
