using System.Reflection;
using ArchModel.Analysis;
using ArchModel.Diagrams;
using ArchModel.Documents;
using ArchModel.Generation;
using ArchModel.Graph;
using ArchModel.Interop;
using ArchModel.Planning;
using ArchModel.Site;

namespace ArchModel.Tests.Api;

/// <summary>
/// The one error convention of the public entry points (docs/architecture.md, Errors): a problem with what users wrote or
/// named comes back as diagnostics in the result, never as an exception; an exception is the calling program's mistake,
/// such as a null argument, and names the argument.
/// </summary>
public sealed class ErrorConventionTests
{
    /// <summary>The entry points: the static classes that turn inputs into results, one stage each.</summary>
    private static readonly Type[] Stages =
    [
        typeof(ModelLoader), typeof(Analyzer), typeof(ModelGraph), typeof(Views), typeof(ViewAggregator), typeof(ReportGenerator),
        typeof(SiteGenerator), typeof(ModelDiff), typeof(MigrationPlanner), typeof(DiffOutput), typeof(ModelWriter),
        typeof(SpreadsheetExport), typeof(SpreadsheetImport), typeof(ModelGenerator),
    ];

    private static readonly NullabilityInfoContext Nullability = new();

    private static IEnumerable<TestCaseData> NonNullableArguments()
    {
        foreach (var type in Stages)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(static m => !m.IsSpecialName))
            {
                foreach (var parameter in method.GetParameters())
                {
                    if (!parameter.ParameterType.IsValueType && Nullability.Create(parameter).WriteState == NullabilityState.NotNull)
                    {
                        var signature = string.Join(",", method.GetParameters().Select(static p => p.ParameterType.Name));
                        yield return new TestCaseData(method, parameter.Name).SetName($"EntryPoint_Null_{type.Name}.{method.Name}({signature})_{parameter.Name}");
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(NonNullableArguments))]
    public void EntryPoint_NullForANonNullableArgument_ThrowsArgumentNullNamingIt(MethodInfo method, string parameter)
    {
        using var temp = new TempFolder();
        var arguments = method.GetParameters().Select(p => p.Name == parameter ? null : Sample(p, temp.Path)).ToArray();
        var thrown = Assert.Throws<TargetInvocationException>(() => method.Invoke(null, arguments))!.InnerException;
        Assert.That(thrown, Is.InstanceOf<ArgumentNullException>());
        Assert.That(((ArgumentNullException)thrown!).ParamName, Is.EqualTo(parameter));
    }

    [Test]
    public void EntryPoints_ContentProblems_AreDiagnosticsNotExceptions()
    {
        var (model, analysis) = Small();
        Assert.Multiple(() =>
        {
            Assert.That(ModelLoader.LoadFile("/nonexistent/model.json").Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.IncludeProblem));
            Assert.That(ModelLoader.LoadText("{", "model.json").HasErrors, Is.True);
            Assert.That(Views.Agency(model, "no.such.agency").HasErrors, Is.True);
            Assert.That(ReportGenerator.Render(model, analysis, new ReportOptions { Template = "roadmap" }).HasErrors, Is.True);
            Assert.That(ReportGenerator.Render(model, analysis, new ReportOptions { Template = "/nonexistent/t.sbn-md" }).TemplateNotFound, Is.True);
            Assert.That(SpreadsheetImport.Read("/nonexistent/book.xlsx").HasErrors, Is.True);
        });
    }

    private static (ArchitectureModel Model, AnalysisResult Analysis) Small()
    {
        var model = new ModelBuilder(new ModelInfo { Id = "small", Name = "small" })
            .Add(new Agency { Id = "ag.a", Name = "甲", Level = AgencyLevel.County, Region = "990101" })
            .Add(new InformationSystem { Id = "sys.a", Name = "系统", Owner = "ag.a" })
            .Build().Model;
        return (model, Analyzer.Analyze(model));
    }

    /// <summary>A valid value for a parameter of an entry point, so that only the one null argument is wrong.</summary>
    private static object? Sample(ParameterInfo parameter, string folder)
    {
        var (model, analysis) = Small();
        var type = parameter.ParameterType;
        if (type == typeof(string))
        {
            return parameter.Name switch
            {
                "json" => "{}",
                _ => Path.Combine(folder, "out"),
            };
        }
        if (type == typeof(ArchitectureModel)) return model;
        if (type == typeof(AnalysisResult)) return analysis;
        if (type == typeof(ModelGraph)) return ModelGraph.Build(model);
        if (type == typeof(Stream)) return new MemoryStream();
        if (type == typeof(ModelDiff)) return ModelDiff.Compare(model, model);
        if (type == typeof(MigrationPlan)) return MigrationPlanner.Plan(ModelDiff.Compare(model, model));
        if (type == typeof(DiagramView)) return Views.Landscape(model);
        if (type == typeof(GeneratorOptions)) return new GeneratorOptions { Agencies = 1 };
        if (type == typeof(IReadOnlyList<Finding>)) return analysis.Findings;
        if (type == typeof(ModelSettings)) return model.Settings;
        if (type == typeof(Diagnostics.RuleDescriptor)) return RuleSet.Default.First().Descriptor;
        if (type == typeof(ViewSpec)) return new ViewSpec(ViewKind.Landscape);
        if (type == typeof(Language)) return Language.Chinese;
        if (type == typeof(int)) return 10;
        if (type == typeof(CancellationToken)) return CancellationToken.None;
        if (parameter.HasDefaultValue) return parameter.DefaultValue;
        if (Nullable.GetUnderlyingType(type) is not null || Nullability.Create(parameter).WriteState == NullabilityState.Nullable) return null;
        throw new AssertionException($"no sample value for {type.Name} {parameter.Name}: add one");
    }
}
