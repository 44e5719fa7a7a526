using ArchModel.Diagnostics;
using System.Collections.Frozen;
using System.Globalization;

namespace ArchModel.Localization;

/// <summary>The texts of one language, by key: one class per language (<see cref="ChineseTexts"/>, <see cref="EnglishTexts"/>).</summary>
internal abstract class TextTable
{
    private readonly FrozenDictionary<string, string> _texts;

    private protected TextTable(Language language, string tag, Dictionary<string, string> texts)
    {
        Language = language;
        Tag = tag;
        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The language of the texts.</summary>
    public Language Language { get; }

    /// <summary>The language's IETF tag.</summary>
    public string Tag { get; }

    /// <summary>Every key, in ordinal order.</summary>
    public IEnumerable<string> Keys => _texts.Keys.Order(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="key"/>, or <see langword="null"/>.</summary>
    public string? Find(string key) => _texts.GetValueOrDefault(key);
}

/// <summary>
/// The one place user-facing text comes from: a key looked up in the table of the reader's language
/// (docs/localization.md). Terms (metric names, rule titles, levels, kinds, statuses, units) have their own
/// typed accessors in <see cref="Terms"/>; money is written by <see cref="Money"/>.
/// </summary>
internal static class Texts
{
    // One table per member of Language, at the member's value. A third language is a third table here.
    private static readonly TextTable[] Tables = [ChineseTexts.Instance, EnglishTexts.Instance];

    /// <summary>The table of every language, in <see cref="Language"/> order.</summary>
    public static IReadOnlyList<TextTable> All => Tables;

    /// <summary>The table of <paramref name="language"/>.</summary>
    public static TextTable Table(Language language) => (uint)language < (uint)Tables.Length ? Tables[(int)language] : Tables[0];

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>; the Chinese text when the language
    /// lacks it, the key itself when no table has it (a test keeps every key in every table).</summary>
    public static string Get(string key, Language language) => Table(language).Find(key) ?? Tables[0].Find(key) ?? key;

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, formatted with <paramref name="args"/> ({0}-style).</summary>
    public static string Format(string key, Language language, params object?[] args) =>
        args.Length == 0 ? Get(key, language) : string.Format(CultureInfo.InvariantCulture, Get(key, language), args);

    /// <summary>The text of <paramref name="key"/> in every language, read when a language is first asked for.</summary>
    public static LocalizedText Of(string key) => LocalizedText.Compose(key, static (k, language) => Get(k, language));

    /// <summary>The text of <paramref name="key"/> formatted with <paramref name="args"/>, in every language.</summary>
    public static LocalizedText Of(string key, params object?[] args) =>
        LocalizedText.Compose((key, args), static (s, language) => Format(s.key, language, s.args));

    /// <summary>Whether the tables have <paramref name="key"/>.</summary>
    public static bool Has(string key) => Tables[0].Find(key) is not null;
}
