using ArchModel.Graph;
using NUnit.Framework;

namespace ArchModel.Tests.Graph;

[TestFixture]
public class OrdinalSortTests
{
    private static readonly string[] Alphabet = ["", "a", "b", "sys.", "410000", ".", "gov", "政务", "系统", "\0", "\uffff", "\ud83d\ude00", "\ud800", "Z", "9", "0"];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(13)]
    [TestCase(200)]
    [TestCase(5000)]
    public void Sort_RandomKeysWithSharedPrefixesAndRepeats_OrdinalOrderAndItemsFollowTheirKeys(int count)
    {
        var random = new Random(count + 17);
        for (var round = 0; round < 20; round++)
        {
            // Keys built from a small alphabet of pieces: long shared prefixes, prefixes of one another, repeats,
            // empty keys, NUL, the highest unit, surrogates (paired and lone) and CJK.
            var keys = new string[count];
            for (var i = 0; i < count; i++)
            {
                var parts = random.Next(0, 8);
                keys[i] = string.Concat(Enumerable.Range(0, parts).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
            }
            var items = Enumerable.Range(0, count).ToArray();
            var original = (string[])keys.Clone();
            OrdinalSort.Sort(keys, items);
            var expected = original.Order(StringComparer.Ordinal).ToArray();
            Assert.That(keys, Is.EqualTo(expected));
            for (var i = 0; i < count; i++)
            {
                Assert.That(original[items[i]], Is.EqualTo(keys[i]));
            }
            Assert.That(items.Order(), Is.EqualTo(Enumerable.Range(0, count)));
        }
    }

    [Test]
    public void Sort_KeysOfTenThousandSharedCharacters_SortedWithoutDeepRecursion()
    {
        var prefix = new string('x', 10_000);
        var keys = Enumerable.Range(0, 300).Select(i => prefix + (299 - i).ToString("D3")).ToArray();
        var items = keys.ToArray();
        OrdinalSort.Sort(keys, items);
        Assert.That(keys, Is.EqualTo(keys.Order(StringComparer.Ordinal)));
        Assert.That(items, Is.EqualTo(keys));
    }

    [Test]
    public void Sort_KeysAlone_OrdinalOrder()
    {
        var random = new Random(5);
        var keys = Enumerable.Range(0, 3000).Select(_ => "sys." + random.Next(0, 500) + "." + Alphabet[random.Next(Alphabet.Length)]).ToArray();
        var expected = keys.Order(StringComparer.Ordinal).ToArray();
        OrdinalSort.Sort(keys);
        Assert.That(keys, Is.EqualTo(expected));
    }

    [Test]
    public void Sort_KeysAndItemsOfDifferentLengths_Throws()
    {
        Assert.That(() => OrdinalSort.Sort(["a", "b"], new[] { 1 }), Throws.ArgumentException);
    }
}
