namespace ArchModel.Diagnostics;

/// <summary>The language messages, reports and diagrams are written in; each has its table of texts
/// (<c>ArchModel.Localization</c>, docs/localization.md), which also gives its tag (<c>LanguageTags</c>).</summary>
public enum Language
{
    /// <summary>Simplified Chinese (<c>zh-CN</c>), the default.</summary>
    Chinese = 0,

    /// <summary>English (<c>en</c>).</summary>
    English = 1,
}
