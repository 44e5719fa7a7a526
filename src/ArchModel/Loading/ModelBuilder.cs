using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Loading;

/// <summary>
/// Builds a model in code: the other way, beside <see cref="ModelLoader"/>, to make an <see cref="ArchitectureModel"/>.
/// <see cref="Build"/> validates it exactly as the loader validates a model read from files (the same checks, the same
/// codes), and freezes it.
/// </summary>
/// <example>
/// <code>
/// var builder = new ModelBuilder(new ModelInfo { Id = "demo", Name = "示范" })
///     .Add(new Agency { Id = "ag.prov", Name = "省政府", Level = AgencyLevel.Provincial, Region = "990000" })
///     .Add(new InformationSystem { Id = "sys.oa", Name = "协同办公系统", Owner = "ag.prov" });
/// var result = builder.Build();
/// </code>
/// </example>
/// <remarks>Not thread-safe while being filled; the model it builds is immutable.</remarks>
public sealed class ModelBuilder
{
    private readonly ModelContent _content = new();

    /// <summary>Starts a model with the given description (default: id <c>model</c>).</summary>
    public ModelBuilder(ModelInfo? info = null)
    {
        if (info is not null)
        {
            _content.Info = info;
        }
    }

    /// <summary>Sets the analysis thresholds and severity overrides.</summary>
    public ModelBuilder WithSettings(ModelSettings settings)
    {
        _content.Settings = settings;
        return this;
    }

    /// <summary>Sets the plan's target for a metric (see <see cref="MetricNames"/>).</summary>
    public ModelBuilder WithTarget(string metric, double value)
    {
        _content.Targets[metric] = value;
        return this;
    }

    /// <summary>Adds an element of any kind.</summary>
    public ModelBuilder Add(Element element)
    {
        if (!_content.Add(element))
        {
            throw new ArgumentException($"Unknown element type {element.GetType().Name}.", nameof(element));
        }
        return this;
    }

    /// <summary>Adds several elements.</summary>
    public ModelBuilder AddRange(IEnumerable<Element> elements)
    {
        foreach (var element in elements)
        {
            Add(element);
        }
        return this;
    }

    /// <summary>Adds a suppression.</summary>
    public ModelBuilder Add(Suppression suppression)
    {
        _content.Suppressions.Add(suppression);
        return this;
    }

    /// <summary>Validates and freezes the model. The builder must not be used afterwards.</summary>
    public BuildResult Build()
    {
        var diagnostics = new List<Diagnostic>();
        var index = ModelValidator.AssignIdsIndexAndValidate(_content, NoLocator.Instance, diagnostics);
        diagnostics.Sort(Diagnostic.Order);
        return new BuildResult(new ArchitectureModel(_content, index), diagnostics);
    }
}

/// <summary>A model built in code and its diagnostics.</summary>
/// <param name="Model">The frozen model.</param>
/// <param name="Diagnostics">Everything validation found (no locations: the model has no files).</param>
public sealed record BuildResult(ArchitectureModel Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);
}
