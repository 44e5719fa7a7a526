namespace ArchModel.Diagnostics;

/// <summary>A text in Chinese and English; which one is shown is the reader's choice.</summary>
/// <remarks>
/// The built-in rules compose their messages when a language is first read, not when they report: a national
/// model has a quarter of a million findings, and an output shows each in one language (composed at report
/// time, both languages cost the analysis of the 1M model 110 MB more). Either way the text is the same, and two
/// texts are equal when both languages are.
/// </remarks>
public sealed record LocalizedText
{
    private readonly Composer? _compose;
    private string? _chinese;
    private string? _english;

    /// <summary>A text given in both languages.</summary>
    /// <param name="Chinese">The Simplified Chinese text.</param>
    /// <param name="English">The English text.</param>
    public LocalizedText(string Chinese, string English)
    {
        _chinese = Chinese;
        _english = English;
    }

    private LocalizedText(Composer compose) => _compose = compose;

    /// <summary>
    /// A text composed in each language from <paramref name="state"/> when that language is first read.
    /// <paramref name="compose"/> is static, so the text keeps alive what <paramref name="state"/> holds and nothing
    /// else (a lambda capturing a rule's locals would keep the rule's context and the graph views alive as long as
    /// its finding); it must give the same text whenever it is called, from any thread: it may run more than once.
    /// </summary>
    internal static LocalizedText Compose<TState>(TState state, Func<TState, Language, string> compose) =>
        new(new Composer<TState>(state, compose));

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
    public string this[Language language] => language == Language.English ? English : Chinese;

    /// <summary>The same text in both languages (for ids, numbers and other language-neutral text).</summary>
    public static LocalizedText Neutral(string text) => new(text, text);

    /// <summary>Both texts.</summary>
    /// <param name="Chinese">The Simplified Chinese text.</param>
    /// <param name="English">The English text.</param>
    public void Deconstruct(out string Chinese, out string English)
    {
        Chinese = this.Chinese;
        English = this.English;
    }

    /// <summary>Whether <paramref name="other"/> has the same text in both languages.</summary>
    public bool Equals(LocalizedText? other) =>
        other is not null && (ReferenceEquals(this, other)
            || string.Equals(Chinese, other.Chinese, StringComparison.Ordinal) && string.Equals(English, other.English, StringComparison.Ordinal));

    /// <inheritdoc />
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
