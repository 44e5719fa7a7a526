using System.Collections.Frozen;
using System.Text;

namespace ArchModel.Model;

/// <summary>
/// The JSON spelling of the model's enum values: the value's name in kebab-case
/// (<c>ResourceCategory.LegalEntity</c> is <c>"legal-entity"</c>).
/// </summary>
public static class JsonNames
{
    /// <summary>The JSON spelling of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ToJson[value];

    /// <summary>Parses the JSON spelling of a <typeparamref name="T"/>; exact and case-sensitive.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum => Names<T>.FromJson.TryGetValue(text, out value);

    /// <summary>Parses the JSON spelling of a <typeparamref name="T"/> from characters, without allocating.</summary>
    internal static bool TryParse<T>(ReadOnlySpan<char> text, out T value) where T : struct, Enum => Names<T>.BySpan.TryGetValue(text, out value);

    /// <summary>Every JSON spelling of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.Ordered;

    private static class Names<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered = Enum.GetValues<T>().Select(static v => Kebab(v.ToString())).ToArray();
        public static readonly FrozenDictionary<T, string> ToJson = Enum.GetValues<T>().ToFrozenDictionary(static v => v, static v => Kebab(v.ToString()));
        public static readonly FrozenDictionary<string, T> FromJson = Enum.GetValues<T>().ToFrozenDictionary(static v => Kebab(v.ToString()), static v => v, StringComparer.Ordinal);
        public static readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> BySpan = FromJson.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('-');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
