using System.Text;

namespace ArchModel.Tests.Loading;

/// <summary>Model files' bytes held outside the managed heap while a load runs.</summary>
public sealed class NativeFileBytesTests
{
    [Test]
    public void A_file_is_read_whole_and_freed_on_dispose()
    {
        using var temp = new TempFolder();
        var text = "{ \"model\": { \"id\": \"省级\" } }\n" + new string('x', 200_000);
        var path = temp.Write("model.json", text);
        var bytes = NativeFileBytes.Read(path);
        Assert.That(bytes, Is.Not.Null);
        Assert.That(bytes!.Memory.Span.SequenceEqual(Encoding.UTF8.GetBytes(text)), Is.True);
        var source = new SourceText("model.json", path, bytes.Memory, bytes);
        Assert.That(source.Bytes.Length, Is.EqualTo(Encoding.UTF8.GetByteCount(text)));
        source.Dispose();
        Assert.That(() => bytes.Memory.Span.Length, Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => source.Bytes.Length, Throws.TypeOf<ObjectDisposedException>());
        source.Dispose(); // twice is harmless
    }

    [Test]
    public void A_file_of_megabytes_is_read_whole_into_memory_advised_for_huge_pages()
    {
        // 2 MiB and more takes the huge-page path on Linux: a length not a multiple of 2 MiB, its tail past the advice.
        using var temp = new TempFolder();
        var text = "{ \"model\": { \"id\": \"全国\" } }\n" + string.Concat(Enumerable.Range(0, 300_000).Select(static i => $"{i % 10}省市县\n"));
        var path = temp.Write("model.json", text);
        var expected = Encoding.UTF8.GetBytes(text);
        Assert.That(expected.Length, Is.GreaterThan(3 << 20));
        Assert.That(expected.Length % (2 << 20), Is.Not.Zero);
        var bytes = NativeFileBytes.Read(path);
        Assert.That(bytes, Is.Not.Null);
        Assert.That(bytes!.Memory.Span.SequenceEqual(expected), Is.True);
        ((IDisposable)bytes).Dispose();
        Assert.That(() => bytes.Memory.Span.Length, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void An_empty_file_is_left_to_the_ordinary_read()
    {
        using var temp = new TempFolder();
        Assert.That(NativeFileBytes.Read(temp.Write("empty.json", "")), Is.Null);
    }

    [Test]
    public void A_text_over_a_managed_array_has_nothing_to_free()
    {
        var source = new SourceText("a.json", "/a.json", "{}"u8.ToArray());
        source.Dispose();
        Assert.That(source.Bytes.Length, Is.EqualTo(2));
    }
}
