namespace ArchModel.Tests.Output;

/// <summary>A stream that remembers how many writes it was given and the largest.</summary>
internal sealed class WriteSizes : MemoryStream
{
    public int Writes { get; private set; }

    public int Largest { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

    public override void Write(byte[] buffer, int offset, int count)
    {
        Writes++;
        Largest = Math.Max(Largest, count);
        base.Write(buffer, offset, count);
    }
}
