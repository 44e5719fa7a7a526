namespace ArchModel.Tests.Model;

/// <summary>A text composed when first read is the same text as one given in both languages.</summary>
public class LocalizedTextTests
{
    [Test]
    public void ComposesEachLanguageOnceWhenFirstRead()
    {
        var calls = new List<Language>();
        var text = LocalizedText.Compose(calls, static (calls, language) =>
        {
            calls.Add(language);
            return language == Language.Chinese ? "重复建设" : "Duplicate build";
        });

        Assert.That(calls, Is.Empty, "nothing is composed before it is read");
        Assert.That(text[Language.English], Is.EqualTo("Duplicate build"));
        Assert.That(calls, Is.EqualTo(new[] { Language.English }), "only the language read");
        var first = text.English;
        Assert.That(text.English, Is.SameAs(first), "kept once composed");
        Assert.That(text.Chinese, Is.EqualTo("重复建设"));
        Assert.That(text[Language.Chinese], Is.EqualTo("重复建设"));
        Assert.That(calls, Is.EqualTo(new[] { Language.English, Language.Chinese }), "each language once");
    }

    [Test]
    public void ComposedAndGivenTextsAreEqual()
    {
        var given = new LocalizedText("孤岛", "Isolated");
        var composed = LocalizedText.Compose("孤岛", static (chinese, language) => language == Language.Chinese ? chinese : "Isolated");

        Assert.That(composed, Is.EqualTo(given));
        Assert.That(given, Is.EqualTo(composed));
        Assert.That(composed.GetHashCode(), Is.EqualTo(given.GetHashCode()));
        Assert.That(composed, Is.Not.EqualTo(new LocalizedText("孤岛", "Island")));
        Assert.That(composed.ToString(), Is.EqualTo("孤岛"), "ToString is the default language's text");
        var (chinese, english) = composed;
        Assert.That((chinese, english), Is.EqualTo(("孤岛", "Isolated")));
    }

    [Test]
    public void WithReplacesOneLanguageAndComposesTheOther()
    {
        var composed = LocalizedText.Compose("孤岛", static (chinese, language) => language == Language.Chinese ? chinese : "Isolated");

        var changed = composed with { English = "Island" };

        Assert.That(changed.English, Is.EqualTo("Island"));
        Assert.That(changed.Chinese, Is.EqualTo("孤岛"));
        Assert.That(composed.English, Is.EqualTo("Isolated"), "the original is unchanged");
        Assert.That(new LocalizedText("孤岛", "Isolated") with { Chinese = "岛" }, Is.EqualTo(new LocalizedText("岛", "Isolated")));
    }

    [Test]
    public void ReadsTheSameTextFromManyThreadsAtOnce()
    {
        var text = LocalizedText.Compose(3, static (length, language) => language == Language.Chinese ? new string('数', length) : new string('d', length));

        var read = new string[64];
        Parallel.For(0, read.Length, i => read[i] = text[(Language)(i % 2)]);

        Assert.That(read.Where((_, i) => i % 2 == 0), Is.All.EqualTo("数数数"));
        Assert.That(read.Where((_, i) => i % 2 == 1), Is.All.EqualTo("ddd"));
    }
}
