namespace ArchModel.Tests.Loading;

/// <summary>"Did you mean": the closest ids of the right kind in the message about an unknown reference.</summary>
public sealed class DidYouMeanTests
{
    private static LoadResult Load(string systems) => ModelLoader.LoadText($$"""
        {
          "archmodel": "1.0",
          "model": {"id": "m", "name": "m"},
          "agencies": [
            {"id": "ag.hr.city", "name": "人社局", "level": "municipal", "region": "990100"},
            {"id": "ag.hr.county", "name": "县人社局", "level": "county", "region": "990101"}
          ],
          "networks": [{"id": "ag.hr.citi", "name": "网络", "kind": "extranet"}],
          "systems": [{{systems}}]
        }
        """, "model.json");

    [Test]
    public void Validate_UnknownOwnerCloseToAnAgency_SuggestsTheAgencyOnly()
    {
        // ag.hr.citi is one letter away, but a network: only agencies are offered for an owner.
        var error = Load("""{"id": "sys.a", "name": "系统", "owner": "ag.hr.ctiy"}""").Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownReference);
        Assert.That(error.Message.English, Does.EndWith("Did you mean 'ag.hr.city'?"));
        Assert.That(error.Message.Chinese, Does.EndWith("是否指“ag.hr.city”？"));
        Assert.That(error.Message.English, Does.Not.Contain("ag.hr.citi"));
        Assert.That(error.Location, Is.Not.Null, "the location stays that of the reference");
    }

    [Test]
    public void Validate_UnknownOwnerFarFromEveryAgency_NoSuggestion()
    {
        var error = Load("""{"id": "sys.a", "name": "系统", "owner": "finance.bureau"}""").Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownReference);
        Assert.That(error.Message.English, Does.Not.Contain("Did you mean"));
    }

    [Test]
    public void Validate_ModelBuiltInCode_SuggestsToo()
    {
        var result = new ModelBuilder()
            .Add(new Agency { Id = "ag.finance", Name = "财政局", Level = AgencyLevel.Municipal, Region = "990100" })
            .Add(new InformationSystem { Id = "sys.a", Name = "系统", Owner = "AG.FINANCE" })
            .Build();
        Assert.That(result.Diagnostics.Single().Message.English, Does.EndWith("Did you mean 'ag.finance'?"));
    }

    [Test]
    public void Closest_Typos_NearestFirstAtMostThree()
    {
        string[] ids = ["sys.hr.social", "sys.hr.socia1", "sys.hr.soical", "sys.hr.sociable", "sys.gov.oa", "SYS.HR.SOCIAL2"];
        Assert.That(DidYouMean.Closest("sys.hr.socail", ids), Is.EqualTo(new[] { "sys.hr.social", "SYS.HR.SOCIAL2", "sys.hr.socia1" }));
        Assert.That(DidYouMean.Closest("sys.hr.social2", ids), Is.EqualTo(new[] { "SYS.HR.SOCIAL2", "sys.hr.social", "sys.hr.socia1" }));
        Assert.That(DidYouMean.Closest("x", ["y", "xy", "abc"]), Is.EqualTo(new[] { "xy", "y" }));
        Assert.That(DidYouMean.Closest("sys.gov.oa", ["sys.hr.social"]), Is.Empty);
    }

    [TestCase("kitten", "sitting", 3)]
    [TestCase("abcd", "abdc", 1)]
    [TestCase("abc", "abc", 0)]
    [TestCase("", "ab", 2)]
    public void Distance_KnownPairs(string a, string b, int expected)
    {
        Assert.That(DidYouMean.Distance(a, b, 5), Is.EqualTo(expected));
        // Stopped early, past the limit, it says only "more than the limit".
        Assert.That(DidYouMean.Distance(a, b, Math.Max(0, expected - 1)), Is.EqualTo(expected));
    }
}
