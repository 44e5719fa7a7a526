using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Documents;

/// <summary>
/// The words and sentences of the built-in templates, by key, from the one set of tables (<see cref="Texts"/>,
/// src/ArchModel/Localization); templates reach them through the <c>t</c> function (<c>{{ t "scope.title" }}</c>, with <c>{0}</c>-style arguments).
/// </summary>
/// <remarks>
/// Each sentence is written in each language as a planner would write it, not translated word for word,
/// so the two versions may differ in order and emphasis. Keys are stable: user templates may use them.
/// </remarks>
internal static class DocumentText
{
    /// <summary>Every key, in ordinal order.</summary>
    public static IEnumerable<string> Keys => Texts.Table(Language.Chinese).Keys;

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, formatted with <paramref name="args"/>; the key itself when unknown.</summary>
    public static string Get(string key, Language language, params object?[] args) => Texts.Format(key, language, args);

    /// <summary>Whether the table has <paramref name="key"/>.</summary>
    public static bool Has(string key) => Texts.Has(key);
}
