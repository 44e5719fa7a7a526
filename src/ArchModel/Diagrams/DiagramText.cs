using System.Globalization;
using System.Text;

namespace ArchModel.Diagrams;

/// <summary>Text helpers the writers share: clipping long labels and cleaning characters no format wants.</summary>
public static class DiagramText
{
    /// <summary>
    /// Clips <paramref name="text"/> to at most <paramref name="max"/> text elements (what a reader sees as
    /// characters: an emoji or a letter with accents is one), ending with "…" when clipped. Never splits a
    /// surrogate pair.
    /// </summary>
    public static string Clip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        max = Math.Max(2, max);
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= max)
        {
            return text;
        }
        return info.SubstringByTextElements(0, max - 1) + "…";
    }

    /// <summary>
    /// The text split into lines at any line break (CR LF, CR, LF, NEL, LS, PS), with other control
    /// characters (C0, DEL, C1), bidi marks, embeddings, overrides and isolates (U+200E, U+200F, U+061C,
    /// U+202A–U+202E, U+2066–U+2069) and the BOM turned into spaces, and lone surrogates into U+FFFD.
    /// </summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var line = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                lines.Add(line.ToString());
                line.Clear();
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                line.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                line.Append('\uFFFD');
            }
            else if (char.IsControl(c) || c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF')
            {
                // Control, bidi mark, embedding, override and isolate, and BOM characters: a space keeps words apart
                // and cannot reorder text.
                line.Append(' ');
            }
            else
            {
                line.Append(c);
            }
        }
        lines.Add(line.ToString());
        return lines;
    }
}
