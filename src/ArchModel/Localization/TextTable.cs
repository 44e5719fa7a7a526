using ArchModel.Diagnostics;
using System.Collections.Frozen;
using System.Globalization;

namespace ArchModel.Localization;

/// <summary>The texts of one language, by key: one class per language (<see cref="ChineseTexts"/>, <see cref="EnglishTexts"/>).</summary>
internal abstract class TextTable
{
    private readonly FrozenDictionary<string, string> _texts;

    internal TextTable(Language language, string tag, string[] aliases, Dictionary<string, string> texts)
    {
        Language = language;
        Tag = tag;
        Aliases = aliases;
        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The language of the texts.</summary>
    public Language Language { get; }

    /// <summary>The language's IETF tag (what <c>--lang</c>, a model's <c>language</c> and the outputs' <c>lang</c> say).</summary>
    public string Tag { get; }

    /// <summary>The other names <c>--lang</c> and a model's <c>language</c> accept for the language (<c>zh</c>, <c>en-US</c>),
    /// compared case-insensitively with <c>_</c> read as <c>-</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

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
    // The one registration list: one table per member of Language, at the member's value; the tags LanguageTags
    // reads and the languages every text is composed in come from here. A third language is a third table here.
    private static TextTable[] Tables = Check([ChineseTexts.Instance, EnglishTexts.Instance]);

    /// <summary>The table of every language, in <see cref="Language"/> order.</summary>
    public static IReadOnlyList<TextTable> All => Volatile.Read(ref Tables);

    /// <summary>The table of <paramref name="language"/>; Chinese's, the default, for a language without one.</summary>
    public static TextTable Table(Language language)
    {
        var tables = Volatile.Read(ref Tables);
        return (uint)language < (uint)tables.Length ? tables[(int)language] : tables[0];
    }

    /// <summary>
    /// Registers the table of a language beyond the built-in ones, at the next value of <see cref="Language"/>; for
    /// tests only (the pseudo-localization test writes every output in a language whose every text is marked, to find
    /// text that does not come from the tables). A language that ships is a member of <see cref="Language"/> and a line
    /// of <see cref="Tables"/>.
    /// </summary>
    internal static void Register(TextTable table)
    {
        lock (Lock)
        {
            var tables = Tables;
            if (tables.Contains(table)) return;
            Volatile.Write(ref Tables, Check([.. tables, table]));
            LocalizedText.LanguageCount = Math.Max(LocalizedText.LanguageCount, Tables.Length);
        }
    }

    private static readonly Lock Lock = new();

    // Each table at its language's value, so that Table(language) is an index.
    private static TextTable[] Check(TextTable[] tables)
    {
        for (var i = 0; i < tables.Length; i++)
        {
            if ((int)tables[i].Language != i) throw new InvalidOperationException($"The table of {tables[i].Tag} is not at its language's value {(int)tables[i].Language}.");
        }
        return tables;
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>; the Chinese text when the language
    /// lacks it, the key itself when no table has it (a test keeps every key in every table).</summary>
    public static string Get(string key, Language language) => Table(language).Find(key) ?? All[0].Find(key) ?? key;

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, formatted with <paramref name="args"/> ({0}-style).
    /// An argument that is a <see cref="LocalizedText"/> is put in the same language.</summary>
    public static string Format(string key, Language language, params object?[] args)
    {
        if (args.Length == 0) return Get(key, language);
        if (Array.Exists(args, static a => a is LocalizedText))
        {
            args = Array.ConvertAll(args, a => a is LocalizedText t ? t[language] : a);
        }
        return string.Format(CultureInfo.InvariantCulture, Get(key, language), args);
    }

    /// <summary>The text of <paramref name="key"/> in every language, read when a language is first asked for.</summary>
    public static LocalizedText Of(string key) => LocalizedText.Compose(key, static (k, language) => Get(k, language));

    /// <summary>The text of <paramref name="key"/> formatted with <paramref name="args"/>, in every language.</summary>
    public static LocalizedText Of(string key, params object?[] args) =>
        LocalizedText.Compose((key, args), static (s, language) => Format(s.key, language, s.args));

    /// <summary>Whether the tables have <paramref name="key"/>.</summary>
    public static bool Has(string key) => All[0].Find(key) is not null;
}
