using System.Buffers;
using System.Text.Unicode;

namespace ArchModel.Loading;

/// <summary>
/// One string instance per distinct short text in a load: ids and references repeat across a model
/// (an agency id is referenced by every system it owns), so a large model holds each once, and the
/// parser decodes short strings without allocating when it has seen them before.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Texts longer than this many bytes are not pooled (names and descriptions rarely repeat).</summary>
    public const int MaxBytes = 96;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string of some UTF-8 bytes; <see langword="false"/> when they are not valid UTF-8.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string text)
    {
        Span<char> chars = stackalloc char[MaxBytes];
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            text = "";
            return false;
        }
        var span = chars[..written];
        if (!_bySpan.TryGetValue(span, out text!))
        {
            text = span.ToString();
            _strings.Add(text, text);
        }
        return true;
    }
}
