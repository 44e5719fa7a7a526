using ArchModel.Localization;
using System.Globalization;
using System.Text;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Model;
using Scriban.Runtime;

namespace ArchModel.Documents;

/// <summary>
/// Builds the view model templates see: plain script objects and arrays of strings, numbers and booleans with
/// snake_case names (docs/documents.md lists every one). No .NET object of the model reaches a template.
/// </summary>
/// <remarks>Every list is in a stated, deterministic order (agencies: by level of government, then model order); display strings are preformatted in the document's language.
/// A national model's view model would be gigabytes, so each top-level section is built when a template first
/// reads it (<see cref="LazyScriptObject"/>), and the per-agency metrics are computed on read
/// (<see cref="ComputedScriptObject"/>); templates cannot tell either from plain script objects.</remarks>
internal sealed partial class ViewModelBuilder
{
    private static readonly string[] Themes = ["duplicates", "silos", "use", "security", "consolidation", "other"];
    private readonly ArchitectureModel _model;
    private readonly AnalysisResult _analysis;
    private readonly Language _lang;
    private readonly bool _listAll;
    private readonly string? _siteBase;

    /// <summary>How many findings of a rule a report lists unless told to list all: the largest ones.</summary>
    internal const int ListLimit = 20;

    /// <summary>How many agencies the scorecard's per-agency table lists unless everything is asked for (the first in
    /// reading order: by level of government, then model order); its rankings list the best and the worst
    /// <see cref="ListLimit"/>. A national model has over a hundred thousand agencies owning systems.</summary>
    internal const int AgencyLimit = 100;

    /// <summary>How many elements a listed finding names in a report's table unless told to list all.</summary>
    internal const int ElementLimit = 12;

    // Findings by the ids they name, with their position: looked up once per element, never scanned per element.
    // Made on first use: only the sections that show findings per element need it.
    private Dictionary<string, List<(Finding Finding, int Index)>>? _findingsByElement;

    private ViewModelBuilder(ArchitectureModel model, AnalysisResult analysis, Language language, bool listAll, string? siteBase)
    {
        _model = model;
        _analysis = analysis;
        _lang = language;
        _listAll = listAll;
        _siteBase = siteBase;
    }

    /// <summary>Fills the view model into <paramref name="into"/>. The small values are set at once; every section
    /// that grows with the model is built on first use (<see cref="LazyScriptObject"/>), so that a template
    /// pays only for what it reads.</summary>
    public static void Fill(LazyScriptObject into, ArchitectureModel model, AnalysisResult analysis, Language language,
        DocumentFormat format, DateOnly? generatedOn, string templateName, IReadOnlyList<ReportDiagram> diagrams,
        Planning.ModelDiff? diff = null, Planning.MigrationPlan? plan = null, bool listAll = false, string? siteBase = null)
    {
        var b = new ViewModelBuilder(model, analysis, language, listAll, siteBase);
        into["list_all"] = listAll;
        into["list_limit"] = ListLimit;
        into["agency_limit"] = AgencyLimit;
        into["site_base"] = siteBase;
        var date = generatedOn ?? model.Info.AsOf;
        into["lang"] = language.ToTag();
        into["format"] = format == DocumentFormat.Html ? "html" : "md";
        into["template_name"] = templateName;
        into["generated_on"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        into["generated_on_display"] = date is { } d ? b.Date(d) : null;
        into["model"] = b.ModelInfo();
        into.SetLazy("counts", b.Counts);
        into.SetLazy("agencies", () => b.Array(model.Agencies.Select(b.AgencyObject)));
        into.SetLazy("agencies_by_level", b.AgenciesByLevel);
        into.SetLazy("agencies_by_sector", b.AgenciesBySector);
        into.SetLazy("systems", () => b.Array(model.Systems.Select(b.SystemObject)));
        into.SetLazy("systems_by_status", b.SystemsByStatus);
        into.SetLazy("networks", () => b.Array(model.Networks.Select(b.NetworkObject)));
        into.SetLazy("platforms", () => b.Array(model.Platforms.Select(b.PlatformObject)));
        into.SetLazy("data_resources", () => b.Array(model.DataResources.Select(b.ResourceObject)));
        into.SetLazy("resources_by_category", b.ResourcesByCategory);
        into.SetLazy("services", () => b.Array(model.Services.Select(b.ServiceObject)));
        into.SetLazy("projects", () => b.Array(model.Projects.Select(b.ProjectObject)));
        into.SetLazy("rules", () => b.Array(analysis.Rules.OrderBy(static r => r.Code, StringComparer.Ordinal).Select(b.RuleObject)));
        // The finding objects are shared: a theme's findings are the same objects as the findings list's.
        var findings = new Lazy<List<FindingObject>>(b.FindingObjects, LazyThreadSafetyMode.None);
        into.SetLazy("findings", () => b.Array(findings.Value.Where(static f => !f.Finding.Suppressed)));
        into.SetLazy("suppressed_findings", () => b.Array(findings.Value.Where(static f => f.Finding.Suppressed)));
        into.SetLazy("themes", () => b.ThemeObjects(findings.Value));
        into.SetLazy("referenced_elements", () => b.ReferencedElements(null));
        // The elements the listed findings name (every finding's with list_all): what a report's index needs.
        into.SetLazy("listed_elements", () => b.ReferencedElements(b.ListedFindings(findings.Value)));
        into.SetLazy("metrics", b.Metrics);
        into["diagrams"] = b.Array(diagrams.Select(static d => Obj(
            ("view", d.View), ("title", d.Title),
            ("svg", d.Svg is null ? null : new RawText(d.Svg)), ("mermaid", d.Mermaid))));
        if (diff is not null && plan is not null)
        {
            into.SetLazy("plan", () => b.Roadmap(diff, plan));
        }
        else
        {
            into["plan"] = null;
        }
    }

    // ---- model and inventory -------------------------------------------------------------------

    private ScriptObject ModelInfo() => Obj(
        ("id", _model.Info.Id),
        ("name", _model.Info.Name ?? _model.Info.Id),
        ("description", _model.Info.Description),
        ("language", _model.Info.Language.ToTag()),
        ("as_of", _model.Info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("as_of_display", _model.Info.AsOf is { } d ? Date(d) : null));

    private ScriptObject Counts()
    {
        var active = _analysis.ActiveFindings.ToArray();
        return Obj(
            ("capabilities", _model.Capabilities.Count),
            ("agencies", _model.Agencies.Count),
            ("systems", _model.Systems.Count),
            ("active_systems", _model.Systems.Count(static s => s.IsActive)),
            ("networks", _model.Networks.Count),
            ("platforms", _model.Platforms.Count),
            ("data_resources", _model.DataResources.Count),
            ("resources_unconditional", _model.DataResources.Count(static r => r.Sharing == SharingLevel.Unconditional)),
            ("resources_conditional", _model.DataResources.Count(static r => r.Sharing == SharingLevel.Conditional)),
            ("resources_not_shared", _model.DataResources.Count(static r => r.Sharing == SharingLevel.None)),
            ("resources_open", _model.DataResources.Count(static r => r.Open)),
            ("resources_classified", _model.DataResources.Count(static r => r.Classified)),
            ("flows", _model.Flows.Count),
            ("active_flows", _model.Flows.Count(static f => f.IsActive)),
            ("services", _model.Services.Count),
            ("projects", _model.Projects.Count),
            ("findings", active.Length),
            ("suppressed_findings", _analysis.Findings.Count - active.Length),
            ("errors", active.Count(static f => f.Severity == DiagnosticSeverity.Error)),
            ("warnings", active.Count(static f => f.Severity == DiagnosticSeverity.Warning)),
            ("infos", active.Count(static f => f.Severity == DiagnosticSeverity.Info)));
    }

    private ScriptObject AgencyObject(Agency a) => Obj(
        ("id", a.Id), ("name", a.Name), ("anchor", Anchor(a.Id)),
        ("level", JsonNames.Of(a.Level)), ("level_label", L(Labels.Of(a.Level))),
        ("kind", JsonNames.Of(a.AgencyKind)), ("kind_label", L(Labels.Of(a.AgencyKind))),
        ("region", a.Region), ("sector", a.Sector),
        ("parent", a.Parent), ("parent_name", _model.GetAgency(a.Parent)?.Name),
        ("systems_owned", _model.SystemsOwnedBy(a.Id).Count),
        ("description", a.Description));

    private ScriptArray AgenciesByLevel() => Array(Enum.GetValues<AgencyLevel>()
        .Select(level => (level, agencies: _model.Agencies.Where(a => a.Level == level).ToArray()))
        .Where(static g => g.agencies.Length > 0)
        .Select(g =>
        {
            var level = new LazyScriptObject
            {
                ["level"] = JsonNames.Of(g.level), ["label"] = L(Labels.Of(g.level)), ["count"] = g.agencies.Length,
                ["share"] = Labels.Percent((double)g.agencies.Length / _model.Agencies.Count),
                ["systems"] = g.agencies.Sum(a => _model.SystemsOwnedBy(a.Id).Count),
            };
            // A nation's hundred thousand agencies, made only for a template that lists them.
            level.SetLazy("agencies", () => Array(g.agencies.Select(a => Ref(a))));
            return level;
        }));

    private ScriptArray AgenciesBySector() => Array(_model.Agencies
        .GroupBy(static a => string.IsNullOrEmpty(a.Sector) ? "" : a.Sector, StringComparer.Ordinal)
        .OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key == "" ? 1 : 0).ThenBy(static g => g.Key, StringComparer.Ordinal)
        .Select(g => Obj(
            ("sector", g.Key == "" ? null : g.Key),
            ("label", g.Key == "" ? T("scope.no_sector") : g.Key),
            ("count", g.Count()),
            ("levels", string.Join(Sep, g.Select(static a => a.Level).Distinct().Order().Select(l => L(Labels.Of(l))))),
            ("systems", g.Sum(a => _model.SystemsOwnedBy(a.Id).Count)))));

    private ScriptObject SystemObject(InformationSystem s) => Obj(
        ("id", s.Id), ("name", s.Name), ("anchor", Anchor(s.Id)),
        ("owner", s.Owner), ("owner_name", _model.GetAgency(s.Owner)?.Name ?? s.Owner),
        ("status", JsonNames.Of(s.Status)), ("status_label", L(Labels.Of(s.Status))), ("active", s.IsActive),
        ("aliases", Strings(s.Aliases)),
        ("capabilities", Strings(s.Capabilities.Select(c => _model.Find(c)?.DisplayName ?? c))),
        ("used_by", Strings(s.UsedBy.Select(a => _model.GetAgency(a)?.Name ?? a))),
        ("networks", Strings(s.Networks.Select(n => _model.GetNetwork(n)?.Name ?? n))),
        ("hosting", s.Hosting), ("hosting_name", s.Hosting is null ? null : _model.GetPlatform(s.Hosting)?.Name ?? s.Hosting),
        ("monthly_active_users", s.Usage?.MonthlyActiveUsers), ("registered_users", s.Usage?.RegisteredUsers),
        ("annual_cost", s.Cost?.AnnualOperation), ("annual_cost_display", Labels.Money(s.Cost?.AnnualOperation, _lang)),
        ("build_cost", s.Cost?.Build),
        ("protection_level", s.ProtectionLevel), ("standalone", s.Standalone),
        ("holds", Strings(s.Holds.Select(r => _model.GetDataResource(r)?.Name ?? r))),
        ("description", s.Description));

    private ScriptArray SystemsByStatus()
    {
        var total = _model.Systems.Count;
        return Array(Enum.GetValues<SystemStatus>()
            .Select(status => (status, n: _model.Systems.Count(s => s.Status == status)))
            .Where(static g => g.n > 0)
            .Select(g => Obj(("status", JsonNames.Of(g.status)), ("label", L(Labels.Of(g.status))), ("count", g.n),
                ("share", Labels.Percent((double)g.n / total)))));
    }

    private ScriptObject NetworkObject(Network n) => Obj(
        ("id", n.Id), ("name", n.Name), ("anchor", Anchor(n.Id)),
        ("kind", JsonNames.Of(n.NetworkKind)), ("kind_label", L(Labels.Of(n.NetworkKind))),
        ("unified", n.IsUnified), ("classified", n.IsClassified),
        ("owner_name", n.Owner is null ? null : _model.GetAgency(n.Owner)?.Name ?? n.Owner),
        ("systems", _model.SystemsOn(n.Id).Count),
        ("links", Array(_model.LinksOf(n.Id).Select(l => Obj(("id", l.Network.Id), ("name", l.Network.Name),
            ("via", JsonNames.Of(l.Via)), ("via_label", L(Labels.Of(l.Via))))))),
        ("links_display", string.Join(Sep, _model.LinksOf(n.Id).Select(l => l.Network.Name + T("p.open") + L(Labels.Of(l.Via)) + T("p.close")))));

    private ScriptObject PlatformObject(Platform p) => Obj(
        ("id", p.Id), ("name", p.Name), ("anchor", Anchor(p.Id)),
        ("kind", JsonNames.Of(p.PlatformKind)), ("kind_label", L(Labels.Of(p.PlatformKind))),
        ("shared", p.Shared), ("owner_name", p.Owner is null ? null : _model.GetAgency(p.Owner)?.Name ?? p.Owner),
        ("region", p.Region), ("systems", _model.SystemsHostedOn(p.Id).Count));

    private IEnumerable<(Finding Finding, int Index)> FindingsNaming(string id)
    {
        if (_findingsByElement is null)
        {
            var byElement = new Dictionary<string, List<(Finding Finding, int Index)>>(StringComparer.Ordinal);
            for (var i = 0; i < _analysis.Findings.Count; i++)
            {
                foreach (var element in _analysis.Findings[i].Elements)
                {
                    if (!byElement.TryGetValue(element, out var found))
                    {
                        byElement[element] = found = [];
                    }
                    found.Add((_analysis.Findings[i], i));
                }
            }
            _findingsByElement = byElement;
        }
        return _findingsByElement.TryGetValue(id, out var list) ? list : [];
    }

    private ScriptObject ResourceObject(DataResource r)
    {
        var unshared = FindingsNaming(r.Id).Any(static x => x.Finding.Rule == RuleCodes.UnsharedResource && !x.Finding.Suppressed);
        var flows = _model.FlowsCarrying(r.Id).Where(static f => f.IsActive).ToArray();
        var receivers = flows.Select(f => _model.GetSystem(f.To)).OfType<InformationSystem>()
            .Where(s => s.Owner != r.Owner).ToArray();
        var receivingAgencies = receivers.Select(static s => s.Owner).Distinct(StringComparer.Ordinal)
            .OrderBy(AgencyRank).ThenBy(static id => id, StringComparer.Ordinal)
            .Select(id => (id, name: _model.GetAgency(id)?.Name ?? id)).ToArray();
        var holders = _model.SystemsHolding(r.Id);
        return Obj(
            ("id", r.Id), ("name", r.Name), ("anchor", Anchor(r.Id)),
            ("owner", r.Owner), ("owner_name", _model.GetAgency(r.Owner)?.Name ?? r.Owner),
            ("category", r.Category is { } c ? JsonNames.Of(c) : null), ("category_label", L(Labels.Of(r.Category))),
            ("sharing", JsonNames.Of(r.Sharing)), ("sharing_label", L(Labels.Of(r.Sharing))),
            ("open", r.Open), ("open_label", T(r.Open ? "open.yes" : "open.no")),
            ("classified", r.Classified), ("unshared", unshared),
            ("held_by", Array(holders.Select(s => Ref(s)))),
            ("held_by_display", string.Join(Sep, holders.Select(static s => s.Name))),
            ("received_by", Array(receivingAgencies.Select(a => Obj(("id", a.id), ("name", a.name))))),
            ("received_by_display", string.Join(Sep, receivingAgencies.Select(static a => a.name))),
            ("receiving_systems", Array(receivers.DistinctBy(static s => s.Id).Select(s => Ref(s)))),
            ("flows", flows.Length),
            ("description", r.Description));
    }

    private ScriptArray ResourcesByCategory()
    {
        var categories = _model.DataResources.Select(static r => r.Category).Distinct()
            .OrderBy(static c => c is null ? int.MaxValue : (int)c.Value);
        return Array(categories.Select(c =>
        {
            var rs = _model.DataResources.Where(r => r.Category == c).ToArray();
            var category = new LazyScriptObject
            {
                ["category"] = c is { } v ? JsonNames.Of(v) : null, ["label"] = L(Labels.Of(c)), ["count"] = rs.Length,
                ["shared"] = rs.Count(static r => r.Sharing != SharingLevel.None), ["open"] = rs.Count(static r => r.Open),
            };
            // Each resource's object (its holders, receivers and flows), made only for a template that lists them.
            category.SetLazy("resources", () => Array(rs.Select(ResourceObject)));
            return category;
        }));
    }

    private ScriptObject ServiceObject(Service s) => Obj(
        ("id", s.Id), ("name", s.Name), ("anchor", Anchor(s.Id)),
        ("provider_name", _model.GetAgency(s.Provider)?.Name ?? s.Provider),
        ("channels", Strings(s.Channels.Select(c => L(Labels.Of(c))))), ("online", s.IsOnline),
        ("systems", Strings(s.Systems.Select(id => _model.GetSystem(id)?.Name ?? id))));

    private ScriptObject ProjectObject(Project p) => Obj(
        ("id", p.Id), ("name", p.Name), ("anchor", Anchor(p.Id)),
        ("agency_name", _model.GetAgency(p.Agency)?.Name ?? p.Agency),
        ("budget", p.Budget), ("budget_display", p.Budget is { } b ? Labels.Money(b, _lang) : null), ("year", p.Year),
        ("stage", p.Stage is { } st ? JsonNames.Of(st) : null), ("stage_label", L(Labels.Of(p.Stage))),
        ("delivers", Strings(_model.SystemsDeliveredBy(p.Id).Select(static s => s.Name))));

    // ---- findings ------------------------------------------------------------------------------

    private ScriptObject RuleObject(RuleDescriptor r) => Obj(
        ("code", r.Code), ("title", L(r.Title)), ("help", L(r.Help)),
        ("severity", Severity(r.DefaultSeverity)), ("theme", Theme(r.Code)), ("theme_label", T("theme." + Theme(r.Code))));

    private List<FindingObject> FindingObjects()
    {
        var result = new List<FindingObject>(_analysis.Findings.Count);
        for (var i = 0; i < _analysis.Findings.Count; i++)
        {
            result.Add(new FindingObject(this, _analysis.Findings[i], i + 1));
        }
        return result;
    }

    private static readonly ScriptSchema FindingSchema = new(
        "rule", "anchor", "severity", "severity_label", "priority", "priority_label", "title", "message", "theme", "theme_label",
        "elements", "size", "elements_shown", "elements_more", "index", "subject", "evidence", "suppressed", "justification", "location");

    /// <summary>
    /// A finding as a template reads it, each member computed when read (its element lists and evidence made once, on
    /// first use). A national analysis has hundreds of thousands of findings naming millions of elements, and a report
    /// shows a few hundred: as script objects holding their members, the findings of the uniform-names 1M model took
    /// 1.2 GB of dictionaries alone.
    /// </summary>
    private sealed class FindingObject(ViewModelBuilder b, Finding finding, int index) : ComputedScriptObject
    {
        private ScriptArray? _elements;
        private ScriptArray? _shown;
        private ScriptArray? _evidence;
        private string? _subject;

        public Finding Finding { get; } = finding;

        /// <summary>The finding's number in the analysis, from 1 (its anchor is <c>f-</c> and the number).</summary>
        public int Index { get; } = index;

        public int Priority => Finding.Severity switch { DiagnosticSeverity.Error => 1, DiagnosticSeverity.Warning => 2, _ => 3 };

        public string Theme => ViewModelBuilder.Theme(Finding.Rule);

        protected override ScriptSchema Schema => FindingSchema;

        protected override object? Get(int member) => member switch
        {
            0 => Finding.Rule,
            1 => "f-" + Index.ToString(CultureInfo.InvariantCulture),
            2 => Severity(Finding.Severity),
            3 => b.L(Labels.Of(Finding.Severity)),
            4 => Priority,
            5 => b.T("priority." + Priority.ToString(CultureInfo.InvariantCulture)),
            6 => b.L(Finding.Title),
            7 => b.L(Finding.Message),
            8 => Theme,
            9 => b.T("theme." + Theme),
            10 => _elements ??= b.Array(Finding.Elements.Select(id => b.Ref(b._model.Find(id), id))),
            11 => Finding.Elements.Count,
            12 => _shown ??= b.Array(Finding.Elements.Take(b._listAll ? int.MaxValue : ElementLimit).Select(id => b.Ref(b._model.Find(id), id))),
            13 => b._listAll ? 0 : Math.Max(0, Finding.Elements.Count - ElementLimit),
            14 => Index,
            15 => _subject ??= b.Subject(Finding),
            16 => _evidence ??= b.Array(Finding.Evidence.Select(kv => b.EvidenceObject(Finding.Rule, kv.Key, kv.Value))),
            17 => Finding.Suppressed,
            18 => Finding.Justification,
            _ => Finding.Location?.ToString(),
        };
    }

    private string Subject(Finding f)
    {
        var first = Ref(_model.Find(f.Elements[0]), f.Elements[0])["name"] as string ?? f.Elements[0];
        return f.Elements.Count == 1 ? first : DocumentText.Get("findings.subject_more", _lang, first, f.Elements.Count, f.Elements.Count - 1);
    }

    private ScriptArray ThemeObjects(List<FindingObject> findings)
    {
        var active = findings.Where(static f => !f.Finding.Suppressed).ToArray();
        return Array(Themes
            .Where(theme => theme != "other" || active.Any(static f => f.Theme == "other"))
            .Select(theme =>
            {
                var mine = active.Where(f => f.Theme == theme)
                    .OrderBy(static f => f.Priority).ToArray(); // stable: keeps rule, element order within a priority
                return Obj(
                    ("id", theme), ("label", T("theme." + theme)), ("advice", T("advice." + theme)),
                    ("count", mine.Length),
                    ("errors", mine.Count(static f => f.Finding.Severity == DiagnosticSeverity.Error)),
                    ("warnings", mine.Count(static f => f.Finding.Severity == DiagnosticSeverity.Warning)),
                    ("infos", mine.Count(static f => f.Finding.Severity == DiagnosticSeverity.Info)),
                    ("findings", Array(mine)),
                    ("rules", Array(mine.GroupBy(static f => f.Finding.Rule)
                        .OrderBy(static g => g.First().Priority).ThenBy(static g => g.Key, StringComparer.Ordinal)
                        .Select(RuleOfTheme))));
            }));
    }

    /// <summary>A rule's findings within a theme: counted at once, the elements they name on first use.</summary>
    private LazyScriptObject RuleOfTheme(IGrouping<string, FindingObject> g)
    {
        var first = g.First();
        var rule = new LazyScriptObject
        {
            ["code"] = g.Key, ["title"] = L(first.Finding.Title), ["count"] = g.Count(),
            ["severity_label"] = L(Labels.Of(first.Finding.Severity)), ["priority"] = first.Priority,
            ["priority_label"] = T("priority." + first.Priority.ToString(CultureInfo.InvariantCulture)),
            ["findings"] = Array(g),
            ["top"] = Array(Largest(g)),
            ["more"] = _listAll ? 0 : Math.Max(0, g.Count() - ListLimit),
        };
        var ids = new Lazy<List<string>>(() => RuleElementIds(g), LazyThreadSafetyMode.None);
        rule.SetLazy("elements", () => Array(ids.Value.Select(id => Ref(_model.Find(id), id))));
        rule.SetLazy("elements_shown", () => Array(ids.Value.Take(_listAll ? int.MaxValue : ElementLimit).Select(id => Ref(_model.Find(id), id))));
        rule.SetLazy("elements_more", () => _listAll ? 0 : Math.Max(0, ids.Value.Count - ElementLimit));
        return rule;
    }

    /// <summary>The ids of the elements a rule's findings name, each once, in finding order.</summary>
    private static List<string> RuleElementIds(IEnumerable<FindingObject> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var f in findings)
        {
            foreach (var id in f.Finding.Elements)
            {
                if (seen.Add(id))
                {
                    ids.Add(id);
                }
            }
        }
        return ids;
    }

    private int WithoutCost => _analysis.Metrics.DuplicatesWithoutCost;

    /// <summary>"（3 个系统未填报运维费用，未计入）" after the avoidable cost when some duplicates have no cost entered.</summary>
    private string WithoutCostNote()
    {
        var n = WithoutCost;
        return n == 0 ? "" : T("p.open") + Localization.Money.WithoutCost(n, _lang) + T("p.close");
    }

    private ScriptObject EvidenceObject(string rule, string key, object? value)
    {
        var ids = new List<ScriptObject>();
        string Display(object? v)
        {
            switch (v)
            {
                case null:
                    return "—";
                case bool b:
                    return T(b ? "doc.yes" : "doc.no");
                case double or long or int:
                    var d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                    return key is EvidenceKeys.DuplicateBuild.AvoidableAnnualCost or EvidenceKeys.BuiltButUnused.AnnualOperation or EvidenceKeys.InvestmentWithoutResult.Budget
                        ? Labels.Money(d, _lang)
                        : key.Contains("imilarity", StringComparison.Ordinal) ? d.ToString("0.###", CultureInfo.InvariantCulture) : Labels.Number(d);
                case string s when _model.Find(s) is { } e:
                    ids.Add(Ref(e));
                    // Evidence reads as prose: the element by its name (its id is in the finding's element list and links).
                    return e.DisplayName;
                case string s:
                    return EnumValue(rule, key, s) ?? s;
                case IEnumerable<string> list:
                    // A list shows what an element list shows: the first ElementLimit and how many more (a national
                    // duplicate group's owners are thousands); the elements it names are all referenced.
                    var all = list.ToArray();
                    var shown = _listAll ? all.Length : Math.Min(all.Length, ElementLimit);
                    var items = all.Take(shown).Select(Display).ToArray();
                    foreach (var rest in all.Skip(shown))
                    {
                        if (_model.Find(rest) is { } e)
                        {
                            ids.Add(Ref(e));
                        }
                    }
                    return items.Length == 0 ? T("doc.none")
                        : string.Join(Sep, items) + (all.Length > shown ? T("p.space") + DocumentText.Get("findings.elements_more", _lang, all.Length - shown) : "");
                default:
                    return Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            }
        }
        var shown = Display(value);
        var label = L(Labels.Evidence(rule, key));
        label = label.Length > 0 ? char.ToUpperInvariant(label[0]) + label[1..] : label;
        return Obj(("key", key), ("label", label), ("value", shown), ("elements", Array(ids)));
    }

    private string? EnumValue(string rule, string key, string s)
    {
        if (Labels.EvidenceValue(rule, key, s) is { } word)
        {
            return L(word);
        }
        // A jurisdiction is spelled level:region (AM1003's jurisdiction; the anchor of a horizontal duplicate).
        var jurisdiction = key == EvidenceKeys.DuplicateHosting.Jurisdiction
            || (rule is RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate && key == EvidenceKeys.DuplicateBuild.Anchor);
        if (jurisdiction && s.Split(':') is [var level, var region] && JsonNames.TryParse<AgencyLevel>(level, out var l))
        {
            return L(Labels.Of(l)) + " " + region;
        }
        return key switch
        {
            // Keys of the built-in rules whose values are enums in their JSON spelling (a custom rule's keys of the
            // same spelling are shown the same way).
            EvidenceKeys.IsolatedSystem.Status when JsonNames.TryParse<SystemStatus>(s, out var v) => L(Labels.Of(v)),
            EvidenceKeys.UnsharedResource.Sharing when JsonNames.TryParse<SharingLevel>(s, out var v) => L(Labels.Of(v)),
            EvidenceKeys.NetworkIsland.Kind when JsonNames.TryParse<NetworkKind>(s, out var v) => L(Labels.Of(v)),
            EvidenceKeys.UnsafeNetworkLink.Via when JsonNames.TryParse<LinkVia>(s, out var v) => L(Labels.Of(v)),
            EvidenceKeys.ForeignCoreTechnology.Categories when JsonNames.TryParse<ComponentCategory>(s, out var v) => L(Terms.Of(v)),
            // category:name, as AM4003 spells a foreign component: the category in words.
            EvidenceKeys.ForeignCoreTechnology.ForeignComponents when s.Split(':', 2) is [var category, var name]
                && JsonNames.TryParse<ComponentCategory>(category, out var v) => L(Terms.Of(v)) + T("p.colon") + name,
            EvidenceKeys.InvestmentWithoutResult.Stage when JsonNames.TryParse<ProjectStage>(s, out var v) => L(Labels.Of(v)),
            EvidenceKeys.DuplicateHosting.Level when JsonNames.TryParse<AgencyLevel>(s, out var v) => L(Labels.Of(v)),
            EvidenceKeys.DuplicateDataCollection.Category or EvidenceKeys.ForeignCoreTechnology.Categories
                when JsonNames.TryParse<ResourceCategory>(s, out var v) => L(Labels.Of(v)),
            _ => null,
        };
    }

    /// <summary>The findings of a rule a report lists: the <see cref="ListLimit"/> naming the most elements (in
    /// rule order among equals), or all of them with list_all.</summary>
    private IEnumerable<FindingObject> Largest(IEnumerable<FindingObject> findings) => _listAll
        ? findings
        : findings.OrderByDescending(static f => f.Finding.Elements.Count).ThenBy(static f => f.Index).Take(ListLimit);

    /// <summary>The positions (0-based) of the findings a report lists: every suppressed one, and per rule the largest
    /// active ones (<see cref="Largest"/>).</summary>
    private HashSet<int>? ListedFindings(List<FindingObject> findings)
    {
        if (_listAll)
        {
            return null;
        }
        var listed = new HashSet<int>();
        foreach (var f in findings.Where(static f => f.Finding.Suppressed))
        {
            listed.Add(f.Index - 1);
        }
        foreach (var rule in findings.Where(static f => !f.Finding.Suppressed).GroupBy(static f => f.Finding.Rule, StringComparer.Ordinal))
        {
            foreach (var f in Largest(rule))
            {
                listed.Add(f.Index - 1);
            }
        }
        return listed;
    }

    /// <summary>Every element the findings name, sorted by id, each with the findings naming it; with
    /// <paramref name="listed"/>, only the elements of those findings, linking to those findings only.</summary>
    private ScriptArray ReferencedElements(HashSet<int>? listed)
    {
        // A listed finding shows its first ElementLimit elements: those are the ones its links need.
        var ids = (listed is null ? _analysis.Findings.SelectMany(static f => f.Elements)
                : listed.Select(i => _analysis.Findings[i]).SelectMany(static f => f.Elements.Take(ElementLimit)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // The listed findings naming each of those elements, found among the listed findings only (a report lists a few
        // hundred of a national model's hundreds of thousands), in analysis order as FindingsNaming has them.
        Dictionary<string, List<(Finding Finding, int Index)>>? naming = null;
        if (listed is not null)
        {
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            naming = new Dictionary<string, List<(Finding Finding, int Index)>>(StringComparer.Ordinal);
            foreach (var i in listed.Order())
            {
                foreach (var element in _analysis.Findings[i].Elements)
                {
                    if (wanted.Contains(element))
                    {
                        if (!naming.TryGetValue(element, out var found))
                        {
                            naming[element] = found = [];
                        }
                        found.Add((_analysis.Findings[i], i));
                    }
                }
            }
        }
        return Array(ids.Select(id =>
        {
            var e = _model.Find(id);
            var reference = Ref(e, id);
            reference["owner_name"] = e switch
            {
                InformationSystem s => _model.GetAgency(s.Owner)?.Name ?? s.Owner,
                DataResource r => _model.GetAgency(r.Owner)?.Name ?? r.Owner,
                Network n when n.Owner is not null => _model.GetAgency(n.Owner)?.Name ?? n.Owner,
                Platform p when p.Owner is not null => _model.GetAgency(p.Owner)?.Name ?? p.Owner,
                Project p => _model.GetAgency(p.Agency)?.Name ?? p.Agency,
                Service s => _model.GetAgency(s.Provider)?.Name ?? s.Provider,
                _ => null,
            };
            reference["location"] = e?.Location?.ToString();
            var namedBy = naming is null ? FindingsNaming(id) : naming.GetValueOrDefault(id) ?? [];
            reference["findings"] = Array(namedBy.Where(x => listed is null || listed.Contains(x.Index))
                .Select(static x => Obj(("rule", x.Finding.Rule), ("anchor", "f-" + (x.Index + 1).ToString(CultureInfo.InvariantCulture)), ("suppressed", x.Finding.Suppressed))));
            return reference;
        }));
    }

    // ---- metrics -------------------------------------------------------------------------------

    private ScriptObject Metrics()
    {
        var report = _analysis.Metrics;
        var targets = report.Targets.ToDictionary(static t => t.Metric, StringComparer.Ordinal);
        var model = MetricNames.All.Where(report.Model.ContainsKey).Select(m =>
        {
            var o = MetricObject(m, report.Model[m]);
            if (targets.TryGetValue(m, out var t))
            {
                o["target"] = t.Target;
                o["target_display"] = Labels.MetricValue(m, t.Target, _lang);
                o["met"] = t.Met;
                o["result_label"] = T(t.Met switch { true => "scorecard.met", false => "scorecard.not_met", null => "scorecard.no_value" });
                o["gap_display"] = t.Actual is { } a && t.Met == false ? Gap(m, a, t.Target) : null;
            }
            else
            {
                o["target"] = null;
                o["target_display"] = "—";
                o["met"] = null;
                o["result_label"] = T("scorecard.no_target");
                o["gap_display"] = null;
            }
            return o;
        }).ToArray();
        var byName = new ScriptObject();
        foreach (var o in model)
        {
            byName[(string)o["key"]!] = o;
        }
        var columns = MetricsReport.PerAgencyMetrics.Select(m => MetricObject(m, null)).ToArray();
        var perAgency = new AgencyTable(this, report, MetricColumns(targets));
        var targetObjects = model.Where(static o => o["target"] is not null).ToArray();
        return Obj(
            ("model", Array(model)),
            ("by_name", byName),
            ("targets", Array(targetObjects)),
            ("targets_met", targetObjects.Count(static o => o["met"] is true)),
            ("targets_not_met", targetObjects.Count(static o => o["met"] is false)),
            ("targets_total", targetObjects.Length),
            ("avoidable_annual_cost", report.Model.TryGetValue(MetricNames.AvoidableAnnualCost, out var cost) ? cost : null),
            ("avoidable_annual_cost_display", cost is { } c ? Labels.Money(c, _lang) + WithoutCostNote() : null),
            ("avoidable_without_cost", WithoutCost),
            ("agency_columns", Array(columns)),
            ("agencies", AgencyMetrics(perAgency)),
            ("rankings", Rankings(perAgency)));
    }

    private ScriptObject MetricObject(string metric, double? value)
    {
        var higher = MetricNames.HigherIsBetter(metric);
        return Obj(
            ("name", metric), ("key", Snake(metric)), ("label", L(Labels.Metric(metric))),
            ("definition", L(Labels.MetricDefinition(metric))),
            ("value", value), ("display", Labels.MetricValue(metric, value, _lang)), ("ratio", MetricNames.IsRatio(metric)),
            ("direction", higher ? "higher" : "lower"), ("arrow", higher ? "↑" : "↓"),
            ("direction_label", T(higher ? "scorecard.higher" : "scorecard.lower")));
    }

    private string Gap(string metric, double actual, double target)
    {
        var gap = Math.Abs(actual - target);
        if (!MetricNames.IsRatio(metric))
        {
            return Labels.Money(gap, _lang);
        }
        var points = Math.Round(gap * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
        return Texts.Format("plan.points", _lang, points);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /// <summary>Orders agencies as a reader expects: by level of government, then in the order the model lists them.</summary>
    private (int Level, int Index) AgencyRank(string id)
    {
        _agencyIndex ??= _model.Agencies.Select(static (a, i) => (a.Id, i)).DistinctBy(static x => x.Id)
            .ToDictionary(static x => x.Id, static x => x.i, StringComparer.Ordinal);
        return _model.GetAgency(id) is { } a && _agencyIndex.TryGetValue(id, out var index)
            ? ((int)a.Level, index) : (int.MaxValue, int.MaxValue);
    }

    private Dictionary<string, int>? _agencyIndex;

    private string Sep => Texts.Get("p.sep", _lang);

    private string L(LocalizedText text) => text[_lang];

    private string T(string key) => DocumentText.Get(key, _lang);

    private string Date(DateOnly d) => Texts.Format("date.long", _lang, d, Texts.Get("date.month." + d.Month.ToString(CultureInfo.InvariantCulture), _lang));

    private static string Severity(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Theme(string rule) => rule.Length >= 3 && rule.StartsWith("AM", StringComparison.Ordinal) ? rule[2] switch
    {
        '1' => "duplicates",
        '2' => "silos",
        '3' => "use",
        '4' => "security",
        '5' => "consolidation",
        _ => "other",
    } : "other";

    private ScriptObject Ref(Element? e, string? id = null)
    {
        id ??= e?.Id ?? "";
        var name = e switch
        {
            Flow f => $"{_model.GetSystem(f.From)?.Name ?? f.From} → {_model.GetSystem(f.To)?.Name ?? f.To}",
            null => id,
            _ => e.DisplayName,
        };
        return Obj(("id", id), ("name", name), ("anchor", Anchor(id)),
            ("kind", e is null ? null : Kebab(e.Kind)), ("kind_label", e is null ? null : L(Labels.Of(e.Kind))),
            ("url", SiteUrl(id)));
    }

    /// <summary>The link to an element in the published site (docs/documents.md, "Links into the site"):
    /// <c>SITE_BASE/find.html#ID</c> with the id percent-encoded; <see langword="null"/> without a site base.</summary>
    private string? SiteUrl(string id) => _siteBase is null ? null : SiteLink(_siteBase, id);

    /// <summary><c>BASE/find.html#ID</c>: one slash between base and page, the id percent-encoded (RFC 3986 unreserved
    /// characters kept).</summary>
    internal static string SiteLink(string siteBase, string id) =>
        siteBase.TrimEnd('/') + "/find.html#" + Uri.EscapeDataString(id);

    private static string Kebab(ElementKind kind) => JsonNames.Of(kind);

    /// <summary>An HTML id for an element: <c>e-</c> and the id, with characters outside [A-Za-z0-9._-] as <c>_hex_</c>.</summary>
    internal static string Anchor(string id)
    {
        var sb = new StringBuilder("e-", id.Length + 2);
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('_').Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('_');
            }
        }
        return sb.ToString();
    }

    internal static string Snake(string camel)
    {
        var sb = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                sb.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static ScriptArray Strings(IEnumerable<string> items)
    {
        var a = new ScriptArray();
        foreach (var item in items)
        {
            a.Add(item);
        }
        return a;
    }

    private ScriptArray Array(IEnumerable<object> items)
    {
        var a = new ScriptArray();
        foreach (var item in items)
        {
            a.Add(item);
        }
        return a;
    }

    internal static ScriptObject Obj(params (string Key, object? Value)[] members)
    {
        var o = new ScriptObject();
        foreach (var (key, value) in members)
        {
            o[key] = value;
        }
        return o;
    }
}
