namespace ArchModel.Diagnostics;

/// <summary>The language messages, reports and diagrams are written in.</summary>
public enum Language
{
    /// <summary>Simplified Chinese (<c>zh-CN</c>), the default.</summary>
    Chinese = 0,

    /// <summary>English (<c>en</c>).</summary>
    English = 1,
}

/// <summary>Conversions between <see cref="Language"/> and its IETF tag.</summary>
public static class LanguageTags
{
    /// <summary>The tag of a language: <c>zh-CN</c> or <c>en</c>.</summary>
    public static string ToTag(this Language language) => language == Language.English ? "en" : "zh-CN";

    /// <summary>Parses <c>zh-CN</c>, <c>zh</c>, <c>en</c> (case-insensitive, <c>_</c> or <c>-</c>).</summary>
    public static bool TryParse(string? tag, out Language language)
    {
        switch (tag?.Replace('_', '-').ToLowerInvariant())
        {
            case "zh-cn" or "zh" or "zh-hans" or "cn":
                language = Language.Chinese;
                return true;
            case "en" or "en-us" or "en-gb":
                language = Language.English;
                return true;
            default:
                language = Language.Chinese;
                return false;
        }
    }
}
