namespace ArchModel.Diagnostics;

/// <summary>A text in Chinese and English; which one is shown is the reader's choice.</summary>
/// <param name="Chinese">The Simplified Chinese text.</param>
/// <param name="English">The English text.</param>
public sealed record LocalizedText(string Chinese, string English)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string this[Language language] => language == Language.English ? English : Chinese;

    /// <summary>The same text in both languages (for ids, numbers and other language-neutral text).</summary>
    public static LocalizedText Neutral(string text) => new(text, text);

    /// <summary>Returns the English text, so that logs and exceptions stay readable everywhere.</summary>
    public override string ToString() => English;
}
