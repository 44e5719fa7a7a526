using System.Text.RegularExpressions;
using ArchModel.Generation;
using ArchModel.Planning;

namespace ArchModel.Tests.Planning;

/// <summary>
/// The text and Markdown of a diff between two large models stay readable: each phase lists its first steps and says
/// how many more, each list its first rows, each finding its first elements; <c>all</c> lists everything.
/// </summary>
public sealed partial class DiffOutputSizeTests
{
    private static readonly Lazy<(ModelDiff Diff, MigrationPlan Plan)> Large = new(() =>
    {
        // Two generated nations of the realistic shape, different seeds: everything changes, as in a worst case.
        var models = new[] { 1, 2 }.Select(seed =>
        {
            using var json = new MemoryStream();
            ModelGenerator.Write(json, new GeneratorOptions { Shape = GeneratorShape.Realistic, Agencies = 700, Seed = seed });
            json.Position = 0;
            return ModelLoader.LoadStream(json, "model.json").Model!;
        }).ToArray();
        var diff = ModelDiff.Compare(models[0], models[1]);
        return (diff, MigrationPlanner.Plan(diff));
    });

    [Test]
    public void Text_PlanOfThousandsOfSteps_FirstStepsOfEachPhaseAndHowManyMore_AllWithAll()
    {
        var (diff, plan) = Large.Value;
        Assert.That(plan.Phases.Max(static p => p.Steps.Count), Is.GreaterThan(DiffOutput.StepsPerPhase), "a phase longer than is listed");

        var text = DiffOutput.Text(diff, plan, Language.Chinese);
        var all = DiffOutput.Text(diff, plan, Language.Chinese, all: true);

        var listed = StepLine().Matches(text).Count;
        Assert.That(listed, Is.EqualTo(plan.Phases.Sum(static p => Math.Min(p.Steps.Count, DiffOutput.StepsPerPhase))));
        foreach (var phase in plan.Phases.Where(static p => p.Steps.Count > DiffOutput.StepsPerPhase))
        {
            Assert.That(text, Does.Contain($"本阶段另有 {phase.Steps.Count - DiffOutput.StepsPerPhase} 步未列出"));
        }
        Assert.That(StepLine().Matches(all).Count, Is.EqualTo(plan.Steps.Count));
        Assert.That(all, Does.Not.Contain("未列出"));
        // A changed finding names at most five elements, then how many in all.
        var findingLines = text.Split('\n').Where(static l => l.StartsWith("  - AM", StringComparison.Ordinal) || l.StartsWith("  + AM", StringComparison.Ordinal)).ToList();
        Assert.That(findingLines, Is.Not.Empty);
        Assert.That(findingLines.Max(static l => l.Split(' ')[4].Count(static c => c == ',')), Is.LessThanOrEqualTo(DiffOutput.ElementsPerFinding - 1));
        var allFindingLines = all.Split('\n').Where(static l => l.StartsWith("  - AM", StringComparison.Ordinal) || l.StartsWith("  + AM", StringComparison.Ordinal));
        Assert.That(allFindingLines.Max(static l => l.Split(' ')[4].Count(static c => c == ',')), Is.GreaterThan(DiffOutput.ElementsPerFinding), "some finding names more");
        Assert.That(findingLines.Count, Is.LessThanOrEqualTo(2 * DiffOutput.RowsPerList));
        Assert.That(text.Length, Is.LessThan(all.Length / 2));
    }

    [Test]
    public void Markdown_PlanOfThousandsOfSteps_EveryTableCutAtItsLimit_AllWithAll()
    {
        var (diff, plan) = Large.Value;

        var md = DiffOutput.Markdown(diff, plan, Language.English);
        var all = DiffOutput.Markdown(diff, plan, Language.English, all: true);

        var rows = md.Split('\n').Count(static l => l.StartsWith("| ", StringComparison.Ordinal));
        var allRows = all.Split('\n').Count(static l => l.StartsWith("| ", StringComparison.Ordinal));
        Assert.That(md, Does.Contain("more steps of this phase are not listed"));
        Assert.That(md, Does.Contain("more are not listed; archmodel diff --all lists every one"));
        Assert.That(all, Does.Not.Contain("not listed"));
        Assert.That(rows, Is.LessThan(allRows / 2));
        Assert.That(allRows, Is.GreaterThan(plan.Steps.Count));
    }

    [GeneratedRegex(@"^ *\d+\. ", RegexOptions.Multiline)]
    private static partial Regex StepLine();
}
