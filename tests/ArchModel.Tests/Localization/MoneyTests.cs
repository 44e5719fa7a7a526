using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;

namespace ArchModel.Tests.Localization;

public sealed class MoneyTests
{
    [TestCase(180_000, "18 万元")]
    [TestCase(2_110_000, "211 万元")]
    [TestCase(32_000_000, "3,200 万元")]
    [TestCase(5_000, "0.5 万元")]
    [TestCase(1, "0.0001 万元")]
    [TestCase(0, "0 万元")]
    public void Format_Chinese_WanYuanWithTheUnit(double yuan, string expected) =>
        Assert.That(Money.Format(yuan, Language.Chinese), Is.EqualTo(expected));

    [TestCase(180_000, "CNY 180,000")]
    [TestCase(2_110_000, "CNY 2,110,000")]
    [TestCase(500_000, "CNY 500,000")]
    [TestCase(32_000_000, "CNY 32,000,000")]
    [TestCase(0, "CNY 0")]
    public void Format_English_CnyWithThousandsSeparators(double yuan, string expected) =>
        Assert.That(Money.Format(yuan, Language.English), Is.EqualTo(expected));

    [Test]
    public void Format_NoAmount_UnknownNeverZero()
    {
        Assert.That(Money.Format(null, Language.Chinese), Is.EqualTo("未填报"));
        Assert.That(Money.Format(null, Language.English), Is.EqualTo("unknown"));
    }

    [Test]
    public void WithoutCost_SaysHowManyAreLeftOut()
    {
        Assert.That(Money.WithoutCost(3, Language.Chinese), Is.EqualTo("3 个系统未填报运维费用，未计入"));
        Assert.That(Money.WithoutCost(3, Language.English), Is.EqualTo("3 of the systems have no operation cost entered and are not counted"));
    }
}

public sealed class UnknownCostTests
{
    [Test]
    public void Analyze_DuplicateWithoutCost_SavingSaysUnknownAndTheSumCountsIt()
    {
        var m = new ArchModel.Tests.Analysis.TestModel()
            .Agency("a1").Agency("a2").Agency("a3")
            .System("s1", "a1", caps: ["cap.oa"], cost: 100_000).System("s2", "a2", caps: ["cap.oa"], cost: 300_000)
            .System("s3", "a3", caps: ["cap.oa"]);
        var result = m.Analyze();
        var f = ArchModel.Tests.Analysis.TestModel.Single(result, "AM1001");

        Assert.That(f.Evidence["membersWithoutCost"], Is.EqualTo(1));
        Assert.That(f.Message.Chinese, Does.Contain("每年可节省运维费用约 10 万元（1 个系统未填报运维费用，未计入）"));
        Assert.That(f.Message.English, Does.Contain("saving about CNY 100,000 a year in operation costs (1 of the systems have no operation cost entered and are not counted)"));
        Assert.That(result.Metrics.DuplicatesWithoutCost, Is.EqualTo(1));
    }
}
