using System.Text;
using ArchModel.Output;

namespace ArchModel.Cli;

/// <summary>
/// Standard output and standard error as every command writes them: control characters (C0 but line feed and
/// tab, DEL, C1) and bidi embeddings, overrides and isolates in the text become visible escapes (<c>\u001B</c>),
/// so that no name in a model can retitle, clear or reorder the terminal of whoever runs <c>archmodel</c>
/// (docs/cli.md, "Control characters"). The one place the command line cleans its text: commands format as they
/// like and write here. JSON and SARIF pass unchanged in meaning (their serializers already escape controls, and
/// <c>\u202E</c> is JSON's own escape).
/// </summary>
internal sealed class SafeTextWriter : TextWriter
{
    private readonly TextWriter _inner;

    public SafeTextWriter(TextWriter inner)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        base.NewLine = inner.NewLine;
    }

    /// <summary>Wraps <paramref name="writer"/> unless it is already wrapped.</summary>
    public static TextWriter Wrap(TextWriter writer) => writer as SafeTextWriter ?? new SafeTextWriter(writer);

    public override Encoding Encoding => _inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => _inner.NewLine;
        set
        {
            _inner.NewLine = value;
            base.NewLine = value;
        }
    }

    public override void Write(char value)
    {
        if (VisibleControls.IsUnsafe(value))
        {
            _inner.Write(Escape(value));
        }
        else
        {
            _inner.Write(value);
        }
    }

    public override void Write(string? value) => _inner.Write(value is null ? null : VisibleControls.Escape(value));

    public override void Write(char[] buffer, int index, int count) => Write(new ReadOnlySpan<char>(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (VisibleControls.IndexOfUnsafe(buffer) < 0)
        {
            _inner.Write(buffer);
            return;
        }
        var sb = new StringBuilder(buffer.Length + 16);
        VisibleControls.Append(sb, buffer);
        _inner.Write(sb.ToString());
    }

    // The line end is the inner writer's own (it may be \r\n): written by it, never escaped here.
    public override void WriteLine() => _inner.WriteLine();

    public override void WriteLine(string? value)
    {
        Write(value);
        _inner.WriteLine();
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        Write(buffer);
        _inner.WriteLine();
    }

    public override void Flush() => _inner.Flush();

    protected override void Dispose(bool disposing)
    {
        // The inner writer (standard output or error) belongs to the caller.
        if (disposing)
        {
            _inner.Flush();
        }
        base.Dispose(disposing);
    }

    private static string Escape(char c)
    {
        var sb = new StringBuilder(6);
        VisibleControls.AppendEscape(sb, c);
        return sb.ToString();
    }
}
