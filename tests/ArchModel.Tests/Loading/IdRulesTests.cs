namespace ArchModel.Tests.Loading;

/// <summary>What makes an id valid: not empty, and no character .NET counts as white space.</summary>
public sealed class IdRulesTests
{
    [Test]
    public void Every_white_space_character_and_only_those_make_an_id_invalid()
    {
        for (var c = char.MinValue; ; c++)
        {
            foreach (var id in new[] { c.ToString(), $"sys.{c}", $"{c}.110000", $"系统{c}编号" })
            {
                Assert.That(ModelValidator.IsValidId(id), Is.EqualTo(!char.IsWhiteSpace(c)), $"U+{(int)c:X4} in \"{id}\"");
            }
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("ag.110000 gov")]
    [TestCase("ag.110000\u3000gov")] // the ideographic space of Chinese text
    [TestCase("a-very-long-id-with-a-space-near-its-end-past-the-first-vector-of-characters x")]
    public void Invalid(string id) => Assert.That(ModelValidator.IsValidId(id), Is.False);

    [TestCase("ag.110000.gov")]
    [TestCase("系统.公安.人口")]
    [TestCase("a-very-long-id-without-any-space-that-runs-past-the-first-vector-of-characters")]
    [TestCase("𠀋")] // two UTF-16 units, neither white space
    public void Valid(string id) => Assert.That(ModelValidator.IsValidId(id), Is.True);
}
