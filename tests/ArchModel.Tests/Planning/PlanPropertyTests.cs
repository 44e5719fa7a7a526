using ArchModel.Planning;
using ArchModel.Tests.Analysis;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

// FsCheck supplies the arguments of [Property] methods, which the NUnit analyzer cannot see.
#pragma warning disable NUnit1027

namespace ArchModel.Tests.Planning;

/// <summary>
/// For any small model M and any sequence of edits producing M', the plan's steps applied in order never move a
/// system onto a network or platform not yet built, and never retire a network, platform or system still in use.
/// </summary>
[TestFixture]
public class PlanPropertyTests
{
    [Property(MaxTest = 300)]
    public bool Plan_StepsAppliedInOrder_NeverUseWhatIsNotBuiltNorRetireWhatIsInUse(int modelSeed, int editSeed)
    {
        var before = Build(RandomModel.Generate(modelSeed));
        var afterElements = RandomEdits.Apply(RandomModel.Generate(modelSeed), editSeed);
        var afterResult = new ModelBuilder(new ModelInfo { Id = "after" }).AddRange(afterElements).Build();
        if (afterResult.HasErrors)
        {
            throw new InvalidOperationException("the edits made an invalid model: " + string.Join("; ", afterResult.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        var diff = ModelDiff.Compare(before, afterResult.Model);
        var plan = MigrationPlanner.Plan(diff);
        return Simulation.Violations(diff, plan) is [] && plan.Cycles.Count == 0;
    }

    [Property(MaxTest = 100)]
    public bool Plan_ModelAgainstItself_NoChangesNoSteps(int seed)
    {
        var model = Build(RandomModel.Generate(seed));
        var diff = ModelDiff.Compare(model, Build(RandomModel.Generate(seed)));
        return diff.IsEmpty && MigrationPlanner.Plan(diff).IsEmpty;
    }

    [Test]
    public void Simulation_PlanWithRetirementFirst_IsCaught()
    {
        // Guards the checker: a hand-made wrong order must be reported.
        var before = new TestModel().Agency("ag.a").Network("net.old", NetworkKind.Dedicated).System("s", "ag.a", networks: ["net.old"]).Build();
        var after = new TestModel().Agency("ag.a").Network("net.new", NetworkKind.Extranet).System("s", "ag.a", networks: ["net.new"]).Build();
        var diff = ModelDiff.Compare(before, after);
        var plan = MigrationPlanner.Plan(diff);
        Assert.That(Simulation.Violations(diff, plan), Is.Empty);
        var reversed = plan.Steps.Reverse().ToList();
        Assert.That(Simulation.Violations(diff, reversed), Is.Not.Empty);
    }

    [Test]
    public void RandomEdits_ProduceEveryKindOfStep()
    {
        // Guards the generator: properties over edits that never retire or move anything would prove nothing.
        var actions = new HashSet<StepAction>();
        for (var seed = 0; seed < 300; seed++)
        {
            var before = Build(RandomModel.Generate(seed));
            var after = Build(RandomEdits.Apply(RandomModel.Generate(seed), seed * 7 + 1));
            actions.UnionWith(MigrationPlanner.Plan(ModelDiff.Compare(before, after)).Steps.Select(s => s.Action));
        }
        Assert.That(actions, Is.SupersetOf(new[]
        {
            StepAction.BuildNetwork, StepAction.BuildPlatform, StepAction.BuildSystem, StepAction.MoveToNetwork, StepAction.MoveToPlatform,
            StepAction.Connect, StepAction.Disconnect, StepAction.RetireSystem, StepAction.RetireNetwork, StepAction.RetirePlatform,
        }));
    }

    private static ArchitectureModel Build(IEnumerable<Element> elements) =>
        new ModelBuilder(new ModelInfo { Id = "random" }).AddRange(elements).Build().Model;
}

/// <summary>Applies a plan's steps in order to the as-is state and reports every step that uses what is not there or retires what is in use.</summary>
internal static class Simulation
{
    public static List<string> Violations(ModelDiff diff, MigrationPlan plan) => Violations(diff, plan.Steps);

    public static List<string> Violations(ModelDiff diff, IEnumerable<MigrationStep> steps)
    {
        string Map(string id) => diff.AfterIdOf(id) ?? id;
        var networks = diff.Before.Networks.Select(n => Map(n.Id)).ToHashSet(StringComparer.Ordinal);
        var platforms = diff.Before.Platforms.ToDictionary(p => Map(p.Id), p => p.Networks.Select(Map).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var systems = diff.Before.Systems.Where(s => s.Status != SystemStatus.Retired)
            .ToDictionary(s => Map(s.Id), s => (Networks: s.Networks.Select(Map).ToHashSet(StringComparer.Ordinal), Hosting: s.Hosting is null ? null : Map(s.Hosting)), StringComparer.Ordinal);
        var flows = diff.Before.Flows.Where(f => f.IsActive).ToDictionary(f => Map(f.Id), f => (From: Map(f.From), To: Map(f.To)), StringComparer.Ordinal);
        var retiredByPlan = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        void Check(bool ok, MigrationStep step, string what)
        {
            if (!ok) errors.Add($"step {step.Order} {step.ActionName} {step.Subject}: {what}");
        }
        foreach (var step in steps)
        {
            var id = step.Subject;
            switch (step.Action)
            {
                case StepAction.BuildNetwork:
                    networks.Add(id);
                    break;
                case StepAction.RetireNetwork:
                    Check(!systems.Values.Any(s => s.Networks.Contains(id)), step, "a system is still on it");
                    Check(!platforms.Values.Any(p => p.Contains(id)), step, "a platform is still on it");
                    networks.Remove(id);
                    break;
                case StepAction.BuildPlatform or StepAction.UpdatePlatform:
                {
                    var p = diff.After.GetPlatform(id)!;
                    Check(p.Networks.All(networks.Contains), step, "attached to a network not built");
                    platforms[id] = p.Networks.ToHashSet(StringComparer.Ordinal);
                    break;
                }
                case StepAction.RetirePlatform:
                    Check(!systems.Values.Any(s => s.Hosting == id), step, "a system is still hosted on it");
                    platforms.Remove(id);
                    break;
                case StepAction.BuildSystem or StepAction.GoLive or StepAction.MoveToNetwork or StepAction.MoveToPlatform:
                {
                    var s = diff.After.GetSystem(id)!;
                    var current = systems.TryGetValue(id, out var c) ? c : (Networks: new HashSet<string>(StringComparer.Ordinal), Hosting: (string?)null);
                    if (step.Action != StepAction.MoveToPlatform)
                    {
                        Check(s.Networks.All(networks.Contains), step, "moves onto a network not built");
                        current.Networks = s.Networks.ToHashSet(StringComparer.Ordinal);
                    }
                    if (step.Action != StepAction.MoveToNetwork)
                    {
                        Check(s.Hosting is null || platforms.ContainsKey(s.Hosting), step, "moves onto a platform not built");
                        current.Hosting = s.Hosting;
                    }
                    systems[id] = current;
                    break;
                }
                case StepAction.RetireSystem:
                    Check(!flows.Values.Any(f => f.From == id || f.To == id), step, "a flow still depends on it");
                    systems.Remove(id);
                    retiredByPlan.Add(id);
                    break;
                case StepAction.Connect or StepAction.ChangeFlow:
                {
                    var f = diff.After.Find<Flow>(id)!;
                    Check(!retiredByPlan.Contains(f.From) && !retiredByPlan.Contains(f.To), step, "connects a system already retired");
                    flows[id] = (f.From, f.To);
                    break;
                }
                case StepAction.Disconnect:
                    flows.Remove(id);
                    break;
            }
        }
        return errors;
    }
}

/// <summary>Random edit sequences over a random model, each edit keeping the model valid (references follow).</summary>
internal static class RandomEdits
{
    public static List<Element> Apply(List<Element> elements, int seed)
    {
        var r = new Random(seed);
        var count = r.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            Edit(elements, r, i);
        }
        return elements;
    }

    private static T? Pick<T>(List<Element> elements, Random r, Func<T, bool>? filter = null) where T : Element
    {
        var candidates = elements.OfType<T>().Where(e => filter?.Invoke(e) ?? true).ToList();
        return candidates.Count == 0 ? null : candidates[r.Next(candidates.Count)];
    }

    private static void Replace(List<Element> elements, Element old, Element now) => elements[elements.IndexOf(old)] = now;

    private static void ReplaceAll<T>(List<Element> elements, Func<T, T> change) where T : Element
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is T e)
            {
                elements[i] = change(e);
            }
        }
    }

    private static string[] Without(IReadOnlyList<string> list, string id) => list.Where(x => x != id).ToArray();

    private static void Edit(List<Element> elements, Random r, int i)
    {
        var network = Pick<Network>(elements, r);
        var platform = Pick<Platform>(elements, r);
        var system = Pick<InformationSystem>(elements, r, s => s.Status != SystemStatus.Retired);
        switch (r.Next(12))
        {
            case 0:
                elements.Add(new Network { Id = $"netN{i}", Name = $"netN{i}", NetworkKind = (NetworkKind)r.Next(5) });
                break;
            case 1:
                elements.Add(new Platform { Id = $"pfN{i}", Name = $"pfN{i}", PlatformKind = PlatformKind.Cloud, Shared = true, Networks = network is null ? [] : [network.Id] });
                break;
            case 2 when system is not null:
                Replace(elements, system, system with { Networks = network is null ? [] : [network.Id] });
                break;
            case 3 when system is not null:
                Replace(elements, system, system with { Hosting = platform?.Id });
                break;
            case 4 when network is not null:
            {
                elements.Remove(network);
                var other = Pick<Network>(elements, r);
                ReplaceAll<InformationSystem>(elements, s => s.Networks.Contains(network.Id)
                    ? s with { Networks = Without(s.Networks, network.Id).Concat(other is null || s.Networks.Contains(other.Id) ? [] : new[] { other.Id }).ToArray() }
                    : s);
                ReplaceAll<Platform>(elements, p => p with { Networks = Without(p.Networks, network.Id) });
                ReplaceAll<Flow>(elements, f => f with { Via = Without(f.Via, network.Id) });
                ReplaceAll<Network>(elements, n => n with { Links = n.Links.Where(l => l.To != network.Id).ToArray() });
                break;
            }
            case 5 when platform is not null:
            {
                elements.Remove(platform);
                var other = Pick<Platform>(elements, r);
                ReplaceAll<InformationSystem>(elements, s => s.Hosting == platform.Id ? s with { Hosting = other?.Id } : s);
                break;
            }
            case 6 when system is not null:
            {
                Replace(elements, system, system with { Status = SystemStatus.Retired, Networks = [], Hosting = null });
                var replacement = Pick<InformationSystem>(elements, r, s => s.IsActive && s.Id != system.Id);
                var touching = elements.OfType<Flow>().Where(f => f.IsActive && (f.From == system.Id || f.To == system.Id)).ToList();
                var n = 0;
                foreach (var f in touching)
                {
                    Replace(elements, f, f with { Status = FlowStatus.Retired });
                    if (replacement is not null && r.Next(2) == 0)
                    {
                        elements.Add(f with
                        {
                            Id = $"flowR{i}_{n++}", From = f.From == system.Id ? replacement.Id : f.From, To = f.To == system.Id ? replacement.Id : f.To,
                            Status = FlowStatus.Active,
                        });
                    }
                }
                break;
            }
            case 7 when system is not null:
                elements.Remove(system);
                elements.RemoveAll(e => e is Flow f && (f.From == system.Id || f.To == system.Id));
                break;
            case 8:
                elements.Add(new InformationSystem
                {
                    Id = $"sysN{i}", Name = $"新系统{i}", Owner = "ag0",
                    Networks = network is null ? [] : [network.Id], Hosting = platform?.Id,
                    Status = (SystemStatus)r.Next(3),
                });
                break;
            case 9:
            {
                var from = Pick<InformationSystem>(elements, r, s => s.IsActive);
                var to = Pick<InformationSystem>(elements, r, s => s.IsActive);
                if (from is not null && to is not null)
                {
                    elements.Add(new Flow { Id = $"flowN{i}", From = from.Id, To = to.Id, Status = r.Next(2) == 0 ? FlowStatus.Planned : FlowStatus.Active });
                }
                break;
            }
            case 10:
            {
                var flow = Pick<Flow>(elements, r, f => f.IsActive);
                if (flow is not null)
                {
                    Replace(elements, flow, flow with { Status = FlowStatus.Retired });
                }
                break;
            }
            case 11 when system is not null && system.FormerIds.Count == 0 && !system.Id.Contains('r', StringComparison.Ordinal):
            {
                var id = $"{system.Id}r{i}";
                Replace(elements, system, system with { Id = id, FormerIds = [system.Id] });
                ReplaceAll<Flow>(elements, f => f with { From = f.From == system.Id ? id : f.From, To = f.To == system.Id ? id : f.To });
                break;
            }
        }
    }
}
