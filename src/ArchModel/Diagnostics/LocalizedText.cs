namespace ArchModel.Diagnostics;

/// <summary>A text in every language ArchModel writes; which one is shown is the reader's choice (<see cref="this[Language]"/>).</summary>
/// <remarks>
/// The built-in rules compose their messages when a language is first read, not when they report: a national
/// model has a quarter of a million findings, and an output shows each in one language (composed at report
/// time, both languages cost the analysis of the 1M model 110 MB more). Either way the text is the same, and two
/// texts are equal when every language is. Chinese and English, once composed, are kept; a further language is
/// composed each time it is read (an output reads a text once), so that no text pays for a slot it may never use.
/// A text given as two strings (<see cref="LocalizedText(string, string)"/>) reads as Chinese, the default language,
/// in a further language.
/// </remarks>
public sealed record LocalizedText
{
    private readonly Composer? _compose;
    private string? _chinese;
    private string? _english;

    /// <summary>A text given in Chinese and English.</summary>
    /// <param name="Chinese">The Simplified Chinese text.</param>
    /// <param name="English">The English text.</param>
    public LocalizedText(string Chinese, string English)
    {
        _chinese = Chinese;
        _english = English;
    }

    private LocalizedText(Composer compose) => _compose = compose;

    /// <summary>
    /// A text composed in each language from <paramref name="state"/> when that language is read.
    /// <paramref name="compose"/> is static, so the text keeps alive what <paramref name="state"/> holds and nothing
    /// else (a lambda capturing a rule's locals would keep the rule's context and the graph views alive as long as
    /// its finding); it must give the same text whenever it is called, from any thread: it may run more than once.
    /// </summary>
    internal static LocalizedText Compose<TState>(TState state, Func<TState, Language, string> compose) =>
        new(new Composer<TState>(state, compose));

    /// <summary>The languages a text is compared in: every member of <see cref="Language"/>, and a language the tables
    /// registered beyond them (a test's pseudo-language); set by the tables when one registers.</summary>
    internal static int LanguageCount { get; set; } = Enum.GetValues<Language>().Length;

    /// <summary>The Simplified Chinese text.</summary>
    public string Chinese
    {
        get => _chinese ?? Composed(ref _chinese, Language.Chinese);
        init => _chinese = value;
    }

    /// <summary>The English text.</summary>
    public string English
    {
        get => _english ?? Composed(ref _english, Language.English);
        init => _english = value;
    }

    /// <summary>The text in <paramref name="language"/>.</summary>
    public string this[Language language] => language switch
    {
        Language.Chinese => Chinese,
        Language.English => English,
        _ => _compose?.Compose(language) ?? Chinese,
    };

    /// <summary>The same text in every language (for ids, numbers and other language-neutral text).</summary>
    public static LocalizedText Neutral(string text) => new(text, text);

    /// <summary>The Chinese and English texts.</summary>
    /// <param name="Chinese">The Simplified Chinese text.</param>
    /// <param name="English">The English text.</param>
    public void Deconstruct(out string Chinese, out string English)
    {
        Chinese = this.Chinese;
        English = this.English;
    }

    /// <summary>Whether <paramref name="other"/> has the same text in every language.</summary>
    public bool Equals(LocalizedText? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        for (var i = 0; i < LanguageCount; i++)
        {
            if (!string.Equals(this[(Language)i], other[(Language)i], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <inheritdoc />
    // Texts equal in every language are equal in Chinese and English: the two kept slots are enough for the hash.
    public override int GetHashCode() => HashCode.Combine(Chinese, English);

    /// <summary>Returns the Chinese text, the default language's (what <c>archmodel</c> prints without <c>--lang</c>); read
    /// <see cref="this[Language]"/> for another language.</summary>
    public override string ToString() => Chinese;

    // A text given with a language left null reads as null, as it was given. Two threads may compose the same text
    // at once: both get equal strings, and either may be kept.
    private string Composed(ref string? slot, Language language) => _compose is null ? slot! : slot = _compose.Compose(language);

    private abstract class Composer
    {
        public abstract string Compose(Language language);
    }

    private sealed class Composer<TState>(TState state, Func<TState, Language, string> compose) : Composer
    {
        public override string Compose(Language language) => compose(state, language);
    }
}
