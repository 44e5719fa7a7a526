using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Tests.Localization;

public sealed class TextTableTests
{
    [Test]
    public void Tables_EveryLanguage_HasTheSameKeys()
    {
        var chinese = Texts.Table(Language.Chinese).Keys.ToArray();
        foreach (var table in Texts.All)
        {
            Assert.That(table.Keys.ToArray(), Is.EqualTo(chinese), table.Tag);
        }
    }

    [Test]
    public void Tables_EveryText_IsNonEmptyAndAWellFormedFormat()
    {
        // A language may leave out an argument another uses ("{0}等 {1} 个对象" / "{0} and {2} more"), but every
        // placeholder must be one the callers pass (at most {9}) and the braces must be balanced.
        var args = Enumerable.Range(0, 10).Select(static i => (object?)i).ToArray();
        foreach (var key in Texts.Table(Language.Chinese).Keys)
        {
            foreach (var table in Texts.All)
            {
                var text = table.Find(key);
                // Only punctuation may be empty in a language (Chinese needs no space where English does).
                Assert.That(text, key.StartsWith("p.", StringComparison.Ordinal) ? Is.Not.Null : Is.Not.Null.And.Not.Empty, $"{table.Tag} {key}");
                Assert.DoesNotThrow(() => string.Format(System.Globalization.CultureInfo.InvariantCulture, text!, args), $"{table.Tag} {key}");
            }
        }
    }

    [Test]
    public void Tables_LanguageOrder_MatchesTheLanguageEnum()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            Assert.That(Texts.Table(language).Language, Is.EqualTo(language));
            Assert.That(Texts.Table(language).Tag, Is.EqualTo(language.ToTag()));
        }
    }

    [Test]
    public void Terms_EveryMetricAndRule_HasOneNameInEveryLanguageAndNoTwoShareIt()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            var metrics = MetricNames.All.Select(m => Terms.Metric(m)[language]).ToArray();
            Assert.That(metrics, Is.Unique, language.ToString());
            Assert.That(metrics, Has.None.EqualTo("").And.None.Matches<string>(n => MetricNames.IsKnown(n)), "a name, not the key");
            var rules = RuleCodes.All.Select(c => Terms.RuleTitle(c)[language]).ToArray();
            Assert.That(rules, Is.Unique, language.ToString());
            Assert.That(rules, Has.None.Matches<string>(t => t.StartsWith("AM", StringComparison.Ordinal)));
        }
    }

    [Test]
    public void Terms_BuiltInRules_TakeTheirTitlesFromTheTable()
    {
        foreach (var rule in RuleSet.Default)
        {
            Assert.That(rule.Descriptor.Title, Is.EqualTo(Terms.RuleTitle(rule.Descriptor.Code)), rule.Descriptor.Code);
            Assert.That(rule.Descriptor.Help, Is.EqualTo(Terms.RuleHelp(rule.Descriptor.Code)), rule.Descriptor.Code);
        }
    }

    [Test]
    public void Terms_EveryEnumValue_HasWordsInEveryLanguage()
    {
        void Check<T>() where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                var words = Terms.Of(value);
                Assert.That(words.Chinese, Does.Not.Contain(".").And.Not.Empty, $"{typeof(T).Name}.{value}");
                Assert.That(words.English, Does.Not.Contain(".").And.Not.Empty, $"{typeof(T).Name}.{value}");
            }
        }
        Check<AgencyLevel>(); Check<AgencyKind>(); Check<SystemStatus>(); Check<NetworkKind>(); Check<LinkVia>();
        Check<PlatformKind>(); Check<SharingLevel>(); Check<ResourceCategory>(); Check<ServiceChannel>();
        Check<ProjectStage>(); Check<FlowStatus>(); Check<FlowMode>(); Check<ComponentCategory>(); Check<ComponentOrigin>(); Check<ElementKind>();
    }

    [Test]
    public void Terms_LevelNames_AreTheOnesEveryOutputUses()
    {
        Assert.That(Terms.Of(AgencyLevel.Municipal).Chinese, Is.EqualTo("市级"));
        Assert.That(ArchModel.Documents.Labels.Of(AgencyLevel.Municipal), Is.EqualTo(Terms.Of(AgencyLevel.Municipal)));
        Assert.That(ArchModel.Diagrams.DiagramStyle.LevelText(AgencyLevel.County), Is.EqualTo(Terms.Of(AgencyLevel.County)));
    }
}
