using System.Buffers;
using System.Globalization;
using System.Text;

namespace ArchModel.Output;

/// <summary>
/// Characters a model's text may hold that no output should pass on as they are: C0 controls other than line
/// feed and tab, DEL, C1 controls, and the Unicode bidirectional embeddings, overrides and isolates. Written to a
/// terminal they retitle it, clear it, move the cursor or reorder what it shows; in a document they hide or
/// reorder text. Every text output shows them as a visible escape: <c>\u</c> and four upper-case hex digits
/// (<c>\u001B</c> for ESC, <c>\u202E</c> for RIGHT-TO-LEFT OVERRIDE), the notation JSON itself uses, so that a JSON
/// output so treated still means the same (docs/cli.md, "Control characters").
/// </summary>
internal static class VisibleControls
{
    // C0 without \t and \n, DEL, C1, the bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>Whether <paramref name="c"/> is shown as a visible escape.</summary>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary>The index of the first character shown as an escape, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text) => text.IndexOfAny(Unsafe);

    /// <summary><paramref name="text"/> with every unsafe character replaced by its visible escape; the same instance when there is none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text.AsSpan(), first);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="sb"/> with every unsafe character escaped.</summary>
    public static void Append(StringBuilder sb, ReadOnlySpan<char> text) => Append(sb, text, IndexOfUnsafe(text));

    private static void Append(StringBuilder sb, ReadOnlySpan<char> text, int next)
    {
        while (next >= 0)
        {
            sb.Append(text[..next]);
            AppendEscape(sb, text[next]);
            text = text[(next + 1)..];
            next = IndexOfUnsafe(text);
        }
        sb.Append(text);
    }

    /// <summary>The visible escape of one character: <c>\u</c> and four upper-case hex digits.</summary>
    public static void AppendEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}

/// <summary>
/// The one Markdown escaper of ArchModel: every value written into a Markdown output (the reports' <c>{{ … }}</c>,
/// <c>archmodel diff --format md</c>) goes through it, so that no name can become markup, a link, an image or HTML.
/// </summary>
internal static class MarkdownEscaper
{
    private static readonly SearchValues<char> Special = SearchValues.Create("\\`*_[]|#~<>&\r\n");

    /// <summary>
    /// Escapes text for Markdown inline text and table cells: <c>\ ` * _ [ ] | # ~</c> are backslash-escaped,
    /// <c>&lt; &gt; &amp;</c> become entities, line breaks become spaces (a value never breaks a table row or a
    /// heading), and control and bidi characters become visible escapes (<see cref="VisibleControls"/>).
    /// </summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        if (span.IndexOfAny(Special) < 0 && VisibleControls.IndexOfUnsafe(span) < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\r':
                    break;
                case '\n':
                    sb.Append(' ');
                    break;
                default:
                    if (VisibleControls.IsUnsafe(c))
                    {
                        VisibleControls.AppendEscape(sb, c);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A Markdown code span holding <paramref name="text"/> literally: fenced with more backticks than it holds,
    /// line breaks as spaces, control and bidi characters as visible escapes.
    /// </summary>
    public static string Code(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = VisibleControls.Escape(text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' '));
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return fence + pad + text + pad + fence;
    }
}
