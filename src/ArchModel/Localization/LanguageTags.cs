using ArchModel.Diagnostics;

namespace ArchModel.Localization;

/// <summary>Conversions between <see cref="Language"/> and its IETF tag, as each language's table declares them.</summary>
public static class LanguageTags
{
    /// <summary>The tag of a language: <c>zh-CN</c>, <c>en</c>, … (the tag its table declares).</summary>
    public static string ToTag(this Language language) => Texts.Table(language).Tag;

    /// <summary>Parses a language's tag or one of the other names its table accepts (<c>zh-CN</c>, <c>zh</c>, <c>en</c>,
    /// …), case-insensitive, <c>_</c> or <c>-</c>; Chinese, the default, when it is none.</summary>
    public static bool TryParse(string? tag, out Language language)
    {
        var wanted = tag?.Replace('_', '-');
        foreach (var table in Texts.All)
        {
            if (string.Equals(table.Tag, wanted, StringComparison.OrdinalIgnoreCase)
                || table.Aliases.Any(a => string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase)))
            {
                language = table.Language;
                return true;
            }
        }
        language = Language.Chinese;
        return false;
    }
}
