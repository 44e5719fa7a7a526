namespace ArchModel.Tests.Loading;

/// <summary>The loader's pools of short lists and of system components.</summary>
public sealed class ValuePoolTests
{
    [Test]
    public void The_same_items_in_the_same_order_give_the_same_array()
    {
        var pool = new ListPool<string>();
        string a = "net.extranet", b = "net.internet";
        var first = pool.Get([a, b]);
        Assert.That(first, Is.EqualTo(new[] { a, b }));
        Assert.That(pool.Get([a, b]), Is.SameAs(first));
        Assert.That(pool.Get([b, a]), Is.Not.SameAs(first).And.EqualTo(new[] { b, a }));
        Assert.That(pool.Get([a]), Is.Not.SameAs(first).And.EqualTo(new[] { a }));
        Assert.That(pool.Get([a, b, a]), Is.Not.SameAs(first).And.EqualTo(new[] { a, b, a }));
    }

    [Test]
    public void Items_are_compared_by_instance_so_equal_texts_of_other_instances_are_not_mixed_up_or_lost()
    {
        var pool = new ListPool<string>();
        var one = "cap.oa";
        var other = new string(one.AsSpan()); // equal text, another instance: a text the string pool did not hold
        var first = pool.Get([one]);
        var second = pool.Get([other]);
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second[0], Is.SameAs(other));
        Assert.That(pool.Get([other]), Is.SameAs(second));
    }

    [Test]
    public void Empty_and_long_lists_are_not_pooled()
    {
        var pool = new ListPool<string>();
        Assert.That(pool.Get([]), Is.Empty);
        var items = Enumerable.Range(0, ListPool<string>.MaxItems + 1).Select(static i => $"x{i}").ToArray();
        var first = pool.Get(items);
        Assert.That(first, Is.EqualTo(items).And.Not.SameAs(items));
        Assert.That(pool.Get(items), Is.EqualTo(items).And.Not.SameAs(first));
    }

    [Test]
    public void Lists_that_differ_in_one_item_stay_apart_through_growth()
    {
        var pool = new ListPool<string>();
        var texts = Enumerable.Range(0, 3_000).Select(static i => $"id{i}").ToArray();
        var lists = new List<string[]>();
        for (var i = 0; i + 2 < texts.Length; i++)
        {
            lists.Add([texts[i]]);
            lists.Add([texts[i], texts[i + 1]]);
            lists.Add([texts[i + 2], texts[i + 1], texts[i]]);
        }
        var pooled = lists.Select(l => pool.Get(l)).ToList();
        for (var i = 0; i < lists.Count; i++)
        {
            Assert.That(pooled[i], Is.EqualTo(lists[i]));
            Assert.That(pool.Get(lists[i]), Is.SameAs(pooled[i]));
        }
    }

    [Test]
    public void Components_with_the_same_values_are_one_instance()
    {
        var pool = new ValuePool();
        var kunpeng = pool.Component("鲲鹏920", ComponentCategory.Chip, ComponentOrigin.Domestic, "华为");
        Assert.That(kunpeng, Is.EqualTo(new SystemComponent("鲲鹏920", ComponentCategory.Chip, ComponentOrigin.Domestic, "华为")));
        Assert.That(pool.Component(new string("鲲鹏920".AsSpan()), ComponentCategory.Chip, ComponentOrigin.Domestic, "华为"), Is.SameAs(kunpeng));
        Assert.That(pool.Component("鲲鹏920", ComponentCategory.Chip, ComponentOrigin.Domestic, null), Is.Not.SameAs(kunpeng));
        Assert.That(pool.Component("鲲鹏920", null, ComponentOrigin.Domestic, "华为"), Is.Not.SameAs(kunpeng));
        Assert.That(pool.Component("鲲鹏920", ComponentCategory.Chip, ComponentOrigin.Unknown, "华为"), Is.Not.SameAs(kunpeng));
    }
}
