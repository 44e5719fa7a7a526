using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;

namespace ArchModel.Output;

/// <summary>
/// The encoder of every JSON and SARIF output: .NET's relaxed encoder (Chinese written as itself, control
/// characters escaped), which also escapes the bidi embeddings, overrides and isolates it would leave raw
/// (U+202A–U+202E, U+2066–U+2069), so that a name cannot reorder the JSON a reader sees (<c>\u202E</c>, as
/// <see cref="VisibleControls"/> shows them in text).
/// </summary>
internal sealed class SafeJsonEncoder : JavaScriptEncoder
{
    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;
    private static readonly SearchValues<char> BidiChars = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>The one instance.</summary>
    public static SafeJsonEncoder Instance { get; } = new();

    private SafeJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => Math.Max(6, Relaxed.MaxOutputCharactersPerInputCharacter);

    private static bool IsBidi(int scalar) => scalar is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    public override bool WillEncode(int unicodeScalar) => IsBidi(unicodeScalar) || Relaxed.WillEncode(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var first = Relaxed.FindFirstCharacterToEncode(text, textLength);
        var bidi = new ReadOnlySpan<char>(text, first < 0 ? textLength : first).IndexOfAny(BidiChars);
        return bidi >= 0 ? bidi : first;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var first = Relaxed.FindFirstCharacterToEncodeUtf8(utf8Text);
        var scan = first < 0 ? utf8Text : utf8Text[..first];
        // In UTF-8 the bidi characters are E2 80 AA–AE and E2 81 A6–A9.
        for (var i = scan.IndexOf((byte)0xE2); i >= 0 && i + 2 < scan.Length; )
        {
            var (b1, b2) = (scan[i + 1], scan[i + 2]);
            if ((b1 == 0x80 && b2 is >= 0xAA and <= 0xAE) || (b1 == 0x81 && b2 is >= 0xA6 and <= 0xA9))
            {
                return i;
            }
            var next = scan[(i + 1)..].IndexOf((byte)0xE2);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return first;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!IsBidi(unicodeScalar))
        {
            return Relaxed.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }
        if (bufferLength < 6)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        var escape = new Span<char>(buffer, 6);
        escape[0] = '\\';
        escape[1] = 'u';
        unicodeScalar.TryFormat(escape[2..], out _, "X4", CultureInfo.InvariantCulture);
        numberOfCharactersWritten = 6;
        return true;
    }
}
