using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;
using static ArchModel.Analysis.Rules.RuleSupport;

namespace ArchModel.Analysis.Rules;

/// <summary>
/// AM4001 classified data on an open network: an active flow carrying a classified resource over a non-classified
/// network (its <c>via</c>, else the networks both systems share); or an active system holding a classified
/// resource attached to a non-classified network.
/// </summary>
public sealed class ClassifiedOnOpenNetworkRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public ClassifiedOnOpenNetworkRule() : base(RuleCodes.ClassifiedOnOpenNetwork, DiagnosticSeverity.Error)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        foreach (var flow in context.Graph.FlowsById)
        {
            if (!flow.IsActive)
            {
                continue;
            }
            if (!CarriesClassified(model, flow.Carries))
            {
                continue;
            }
            var classified = Sorted(flow.Carries.Where(id => model.GetDataResource(id) is { Classified: true }));
            IEnumerable<string> networks = flow.Via.Count > 0
                ? flow.Via
                : model.GetSystem(flow.From) is { } from && model.GetSystem(flow.To) is { } to
                    ? from.Networks.Intersect(to.Networks, StringComparer.Ordinal)
                    : [];
            var open = Sorted(networks.Where(id => model.GetNetwork(id) is { IsClassified: false }));
            if (open.Length == 0)
            {
                continue;
            }
            context.Report([flow.Id],
                LocalizedText.Compose((flow, model, classified, open), static (state, language) =>
                {
                    var (flow, model, classified, open) = state;
                    var separator = Texts.Get("p.sep", language);
                    return Texts.Format("rule-message.AM4001.flow", language, Name(model, flow.From), Name(model, flow.To),
                        string.Join(separator, classified.Select(id => Name(model, id))), string.Join(separator, open.Select(id => Name(model, id))));
                }),
                [
                    new(EvidenceKeys.ClassifiedOnOpenNetwork.Resources, classified),
                    new(EvidenceKeys.ClassifiedOnOpenNetwork.Networks, open),
                    new(EvidenceKeys.ClassifiedOnOpenNetwork.ViaDeclared, flow.Via.Count > 0),
                ]);
        }
        foreach (var system in context.Graph.SystemsById)
        {
            if (!system.IsActive)
            {
                continue;
            }
            if (!CarriesClassified(model, system.Holds))
            {
                continue;
            }
            var classified = Sorted(system.Holds.Where(id => model.GetDataResource(id) is { Classified: true }));
            var open = Sorted(system.Networks.Where(id => model.GetNetwork(id) is { IsClassified: false }));
            if (open.Length == 0)
            {
                continue;
            }
            context.Report([system.Id],
                LocalizedText.Compose((system, model, classified, open), static (state, language) =>
                {
                    var (system, model, classified, open) = state;
                    var separator = Texts.Get("p.sep", language);
                    return Texts.Format("rule-message.AM4001.system", language, system.Name,
                        string.Join(separator, classified.Select(id => Name(model, id))), string.Join(separator, open.Select(id => Name(model, id))));
                }),
                [
                    new(EvidenceKeys.ClassifiedOnOpenNetwork.Resources, classified),
                    new(EvidenceKeys.ClassifiedOnOpenNetwork.Networks, open),
                ]);
        }
    }

    /// <summary>Whether any of the resources is classified, without allocating (most flows and systems carry none).</summary>
    private static bool CarriesClassified(ArchitectureModel model, IReadOnlyList<string> resources)
    {
        for (var i = 0; i < resources.Count; i++)
        {
            if (model.GetDataResource(resources[i]) is { Classified: true })
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>AM4002 exposed protected system: an active system with <c>protectionLevel</c> ≥ <c>exposureMinProtectionLevel</c> attached to an internet network.</summary>
public sealed class ExposedProtectedSystemRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public ExposedProtectedSystemRule() : base(RuleCodes.ExposedProtectedSystem, DiagnosticSeverity.Error)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var min = context.Settings.ExposureMinProtectionLevel;
        foreach (var system in context.Graph.SystemsById)
        {
            if (!system.IsActive || system.ProtectionLevel is not { } level || level < min)
            {
                continue;
            }
            if (!OnInternet(model, system.Networks))
            {
                continue;
            }
            var internet = Sorted(system.Networks.Where(id => IsInternet(model, id)));
            context.Report([system.Id],
                LocalizedText.Compose((level, system, model, internet), static (state, language) =>
                {
                    var (level, system, model, internet) = state;
                    return Texts.Format("rule-message.AM4002", language, level, system.Name,
                        string.Join(Texts.Get("p.sep", language), internet.Select(id => Name(model, id))));
                }),
                [
                    new(EvidenceKeys.ExposedProtectedSystem.ProtectionLevel, (long)level),
                    new(EvidenceKeys.ExposedProtectedSystem.Threshold, (long)min),
                    new(EvidenceKeys.ExposedProtectedSystem.Networks, internet),
                ]);
        }
    }

    private static bool IsInternet(ArchitectureModel model, string network) => model.GetNetwork(network) is { NetworkKind: NetworkKind.Internet };

    /// <summary>Whether a system is on the internet (a plain loop: most systems of a national model are not).</summary>
    private static bool OnInternet(ArchitectureModel model, IReadOnlyList<string> networks)
    {
        for (var i = 0; i < networks.Count; i++)
        {
            if (IsInternet(model, networks[i]))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// AM4003 foreign core technology (国产替代 candidate): an active system with <c>protectionLevel</c> ≥
/// <c>localizationMinProtectionLevel</c> with a foreign chip, server, os or database component.
/// </summary>
public sealed class ForeignCoreTechnologyRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public ForeignCoreTechnologyRule() : base(RuleCodes.ForeignCoreTechnology, DiagnosticSeverity.Warning)
    {
    }

    private static readonly ComponentCategory[] Core = [ComponentCategory.Chip, ComponentCategory.Server, ComponentCategory.Os, ComponentCategory.Database];

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var min = context.Settings.LocalizationMinProtectionLevel;
        foreach (var system in context.Graph.SystemsById)
        {
            if (!system.IsActive || system.ProtectionLevel is not { } level || level < min)
            {
                continue;
            }
            if (!HasForeignCore(system.Components))
            {
                continue;
            }
            var foreign = system.Components.Where(IsForeignCore).ToArray();
            var described = Sorted(foreign.Select(static c => $"{JsonNames.Of(c.Category!.Value)}:{c.Name}"));
            // The message names each component by its category's words (数据库 Oracle Database 11g); the evidence keeps the JSON spelling.
            var named = foreign.OrderBy(static c => JsonNames.Of(c.Category!.Value), StringComparer.Ordinal).ThenBy(static c => c.Name, StringComparer.Ordinal)
                .Select(static c => (Terms.Of(c.Category!.Value), c.Name)).Distinct().ToArray();
            context.Report([system.Id],
                LocalizedText.Compose((level, system, named), static (state, language) =>
                {
                    var (level, system, named) = state;
                    var described = named.Select(n => $"{n.Item1[language]} {n.Name}");
                    return Texts.Format("rule-message.AM4003", language, level, system.Name, string.Join(Texts.Get("p.sep", language), described));
                }),
                [
                    new(EvidenceKeys.ForeignCoreTechnology.ProtectionLevel, (long)level),
                    new(EvidenceKeys.ForeignCoreTechnology.ForeignComponents, described),
                    new(EvidenceKeys.ForeignCoreTechnology.Categories, Sorted(foreign.Select(static c => JsonNames.Of(c.Category!.Value)))),
                    new(EvidenceKeys.ForeignCoreTechnology.Vendors, Sorted(foreign.Select(static c => c.Vendor).OfType<string>())),
                ]);
        }
    }

    private static bool IsForeignCore(SystemComponent c) =>
        c.Origin == ComponentOrigin.Foreign && c.Category is { } category && Array.IndexOf(Core, category) >= 0;

    /// <summary>Whether some component is foreign core technology (a plain loop: most systems have none).</summary>
    private static bool HasForeignCore(IReadOnlyList<SystemComponent> components)
    {
        for (var i = 0; i < components.Count; i++)
        {
            if (IsForeignCore(components[i]))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// AM4004 unsafe network link: a link between a classified and a non-classified network whose <c>via</c> is not
/// <c>isolation</c>; links are unordered pairs, declared several times they are one link, unsafe when any declaration is.
/// </summary>
public sealed class UnsafeNetworkLinkRule : BuiltInRule
{
    /// <summary>Creates the rule.</summary>
    public UnsafeNetworkLinkRule() : base(RuleCodes.UnsafeNetworkLink, DiagnosticSeverity.Error)
    {
    }

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var links = new SortedDictionary<(string, string), SortedSet<string>>(
            Comparer<(string, string)>.Create(static (x, y) =>
            {
                var c = string.CompareOrdinal(x.Item1, y.Item1);
                return c != 0 ? c : string.CompareOrdinal(x.Item2, y.Item2);
            }));
        foreach (var network in model.Networks.DistinctBy(static n => n.Id))
        {
            foreach (var link in network.Links)
            {
                if (model.GetNetwork(link.To) is not { } other || other.IsClassified == network.IsClassified)
                {
                    continue;
                }
                var key = string.CompareOrdinal(network.Id, other.Id) < 0 ? (network.Id, other.Id) : (other.Id, network.Id);
                if (!links.TryGetValue(key, out var vias)) links[key] = vias = new SortedSet<string>(StringComparer.Ordinal);
                vias.Add(JsonNames.Of(link.Via));
            }
        }
        foreach (var ((a, b), vias) in links)
        {
            if (vias.All(static v => v == "isolation"))
            {
                continue;
            }
            var classified = model.GetNetwork(a)!.IsClassified ? a : b;
            var open = classified == a ? b : a;
            context.Report([a, b],
                LocalizedText.Compose((model, classified, open, vias), static (state, language) =>
                {
                    var (model, classified, open, vias) = state;
                    // The ways the networks are joined in words (网关 / gateway), not their JSON spellings.
                    var ways = vias.Select(v => JsonNames.TryParse(v, out LinkVia via) ? Terms.Of(via)[language] : v);
                    return Texts.Format("rule-message.AM4004", language, Name(model, classified), Name(model, open), string.Join(Texts.Get("p.sep", language), ways));
                }),
                [
                    new(EvidenceKeys.UnsafeNetworkLink.ClassifiedNetwork, classified),
                    new(EvidenceKeys.UnsafeNetworkLink.OpenNetwork, open),
                    new(EvidenceKeys.UnsafeNetworkLink.Via, vias.ToArray()),
                ]);
        }
    }
}
