using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

/// <summary>The stable sort the view aggregation uses on long lists made of sorted runs.</summary>
public sealed class NaturalMergeSortTests
{
    private static (string Key, int Position)[] Sorted((string Key, int Position)[] items)
    {
        var copy = items.ToArray();
        NaturalMergeSort.Sort(copy.AsSpan(), Comparer<(string Key, int Position)>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key)));
        return copy;
    }

    /// <summary>What a stable sort gives: OrderBy keeps equal keys in their order.</summary>
    private static (string Key, int Position)[] Reference((string Key, int Position)[] items) =>
        items.OrderBy(static i => i.Key, StringComparer.Ordinal).ToArray();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(17)]
    [TestCase(1000)]
    public void Random_lists_with_repeated_keys_sort_stably(int count)
    {
        var random = new Random(count);
        var items = Enumerable.Range(0, count).Select(i => ($"k{random.Next(count / 3 + 1)}", i)).ToArray();
        Assert.That(Sorted(items), Is.EqualTo(Reference(items)));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    [TestCase(64)]
    public void Lists_made_of_sorted_runs_sort_stably(int runs)
    {
        // Runs of every length, their keys overlapping, an odd number of runs as often as an even one.
        var random = new Random(runs);
        var items = new List<(string, int)>();
        for (var r = 0; r < runs; r++)
        {
            var keys = Enumerable.Range(0, random.Next(1, 40)).Select(_ => $"机构{random.Next(100):D3}").Order(StringComparer.Ordinal);
            items.AddRange(keys.Select(k => (k, items.Count)));
        }
        var array = items.ToArray();
        Assert.That(Sorted(array), Is.EqualTo(Reference(array)));
    }

    [Test]
    public void A_descending_list_is_reversed()
    {
        var items = Enumerable.Range(0, 100).Select(static i => ($"{99 - i:D2}", i)).ToArray();
        Assert.That(Sorted(items), Is.EqualTo(Reference(items)));
    }

    [Test]
    public void Ordinal_order_is_by_utf16_units_not_culture()
    {
        // '𠀋' is a surrogate pair (D840 DC0B), before 'ｚ' (FF5A) ordinally; 'Z' before 'a'.
        string[] items = ["ｚ", "𠀋", "a", "Z", "市", "abc", "ab"];
        NaturalMergeSort.Sort(items.AsSpan(), StringComparer.Ordinal);
        Assert.That(items, Is.EqualTo(new[] { "Z", "a", "ab", "abc", "市", "𠀋", "ｚ" }));
    }

    [TestCase(0)] // the halves already in order
    [TestCase(3)] // many ties, some across the middle
    [TestCase(1000)]
    [TestCase(100_000)] // few ties
    public void Long_arrays_sorted_in_halves_side_by_side_sort_stably(int distinct)
    {
        var random = new Random(distinct);
        var count = NaturalMergeSort.ParallelFrom * 2 + 123;
        var items = distinct == 0
            ? Enumerable.Range(0, count).Select(static i => ($"{i:D7}", i)).ToArray()
            : Enumerable.Range(0, count).Select(i => ($"k{random.Next(distinct)}", i)).ToArray();
        var array = items.ToArray();
        NaturalMergeSort.Sort(array, Comparer<(string Key, int Position)>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key)));
        Assert.That(array, Is.EqualTo(Reference(items)));
    }

    [Test]
    public void A_long_array_whose_right_half_comes_first_is_merged_stably()
    {
        // Every right item below every left one but for ties at the split: the merge's two pieces are uneven.
        var half = NaturalMergeSort.ParallelFrom;
        var items = Enumerable.Range(0, half).Select(static i => ($"b{i / 7:D6}", i))
            .Concat(Enumerable.Range(0, half).Select(i => ($"a{i:D6}", half + i)))
            .Concat([($"b{half / 14:D6}", 2 * half)]).ToArray();
        var array = items.ToArray();
        NaturalMergeSort.Sort(array, Comparer<(string Key, int Position)>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key)));
        Assert.That(array, Is.EqualTo(Reference(items)));
    }
}
