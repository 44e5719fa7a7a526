using System.Text;

namespace ArchModel.Tests.Loading;

/// <summary>The loader's pool of short texts, keyed by their UTF-8 bytes.</summary>
public sealed class StringPoolTests
{
    private static string Get(StringPool pool, string text)
    {
        Assert.That(pool.TryGet(Encoding.UTF8.GetBytes(text), out var pooled), Is.True);
        return pooled;
    }

    [TestCase("ag.gov.110000")]
    [TestCase("")]
    [TestCase("市公安局")]
    [TestCase("𠀋 and ascii")] // a character outside the BMP: two UTF-16 units, four bytes
    [TestCase("exactly8")]
    public void The_same_bytes_give_the_same_instance_and_the_decoded_text(string text)
    {
        var pool = new StringPool();
        var first = Get(pool, text);
        Assert.That(first, Is.EqualTo(text));
        Assert.That(Get(pool, new string(text.AsSpan())), Is.SameAs(first));
    }

    [Test]
    public void Texts_that_differ_anywhere_stay_apart_through_growth()
    {
        // Texts of every length up to the pool's limit that differ in one byte, ASCII and not, enough to grow the
        // table several times: each keeps its own instance.
        var pool = new StringPool();
        var texts = new List<string>();
        for (var n = 0; n < 20_000; n++)
        {
            var stem = new string('x', n % 80);
            texts.Add($"{stem}{n}");
            texts.Add($"{n}{stem}");
            texts.Add($"机构{n}");
        }
        var pooled = texts.Select(t => Get(pool, t)).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.That(pooled[i], Is.EqualTo(texts[i]));
            Assert.That(Get(pool, texts[i]), Is.SameAs(pooled[i]));
        }
    }

    [Test]
    public void A_non_ascii_text_is_not_taken_for_an_ascii_one_of_the_same_byte_count()
    {
        var pool = new StringPool();
        var ascii = Get(pool, "abc");
        var chinese = Get(pool, "机"); // three bytes too
        Assert.That(chinese, Is.Not.SameAs(ascii));
        Assert.That(chinese, Is.EqualTo("机"));
    }

    [Test]
    public void Invalid_utf8_is_refused_and_not_pooled()
    {
        var pool = new StringPool();
        Assert.That(pool.TryGet([0x61, 0xFF, 0x62], out _), Is.False);
        Assert.That(pool.TryGet([0x61, 0xFF, 0x62], out _), Is.False);
        Assert.That(Get(pool, "ab"), Is.EqualTo("ab"));
    }
}
