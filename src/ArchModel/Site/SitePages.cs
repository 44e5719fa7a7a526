using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchModel.Analysis;
using ArchModel.Diagnostics;
using ArchModel.Diagrams;
using ArchModel.Documents;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Site;

/// <summary>Makes every file of the site from the <see cref="SiteStructure"/>; each page only reads shared state.</summary>
internal sealed class SitePages(SiteStructure s, Language lang, SiteOptions options)
{
    private const string Csp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'";
    private readonly ArchitectureModel _m = s.Model;
    private readonly AnalysisResult _a = s.Analysis;
    private readonly GraphvizRenderer _renderer = new(options.Graphviz);
    private readonly int _budget = Math.Max(20, options.MaxDiagramNodes);
    private readonly Dictionary<string, RuleDescriptor> _rules = s.Analysis.Rules.GroupBy(static r => r.Code).ToDictionary(static g => g.Key, static g => g.First(), StringComparer.Ordinal);
    private Dictionary<Jurisdiction, Tally>? _own;

    // A text of the site from the tables (Localization/*Texts.cs).
    private string K(string key) => Texts.Get(key, lang);

    // A sentence of the site from the tables (site.sentence.<name>), with its arguments ({0}-style; a language may
    // leave one out, as English does the shown count of "and N more").
    private string KF(string name, params object?[] args) => Texts.Format("site.sentence." + name, lang, args);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Fragment(string id) => Uri.EscapeDataString(id);

    // ───────────────────────────── jobs ─────────────────────────────

    public List<SiteJob> Jobs()
    {
        _own = Tallies();
        var jobs = new List<SiteJob>
        {
            new("site.css", static () => new SiteOutput(SiteAssets.Css)),
            new("site.js", static () => new SiteOutput(SiteAssets.Js)),
            new("index.html", Index),
            new("lines.html", LinesPage),
        };
        jobs.AddRange(SearchJobs());
        foreach (var j in s.Jurisdictions)
        {
            var jj = j;
            jobs.Add(new(j.File + ".html", () => JurisdictionPage(jj)));
            for (var p = 0; p < BelowPages(j); p++)
            {
                var page = p;
                jobs.Add(new(p == 0 ? $"{j.File}-below.html" : $"{j.File}-below-{p + 1}.html", () => BelowPage(jj, page)));
            }
            foreach (var section in SiteStructure.Sections)
            {
                var pages = s.PageCount(j, section);
                for (var p = 0; p < pages; p++)
                {
                    var (sec, page) = (section, p);
                    jobs.Add(new($"{j.File}-{section}-{p + 1}.html", () => SectionPage(jj, sec, page)));
                }
            }
        }
        foreach (var line in s.Lines)
        {
            var l = line;
            jobs.Add(new(line.File + ".html", () => LinePage(l)));
        }
        if (ManyTopJurisdictions)
        {
            AddCatalogue(jobs, TopJurisdictionsStem, K("site.top-jurisdictions"), s.Roots.Count, TopJurisdictionTable);
        }
        AddCatalogue(jobs, "capabilities", K("site.capabilities"), _m.Capabilities.Count, CapabilityTable);
        AddCatalogue(jobs, "networks", K("site.networks"), Math.Max(1, _m.Networks.Count), NetworkTable);
        AddCatalogue(jobs, "platforms", K("site.platforms"), _m.Platforms.Count, PlatformTable);
        foreach (var (rule, list) in s.FindingsByRule)
        {
            var pages = (list.Count + s.FindingPageSize - 1) / s.FindingPageSize;
            for (var p = 0; p < pages; p++)
            {
                var (r, page) = (rule, p);
                jobs.Add(new(p == 0 ? s.RuleFile(rule) + ".html" : $"{s.RuleFile(rule)}-{p + 1}.html", () => RulePage(r, page)));
            }
        }
        if (s.Plan is { } plan)
        {
            var pages = Math.Max(1, (plan.Steps.Count + s.PageSizeOf("plan") - 1) / s.PageSizeOf("plan"));
            for (var p = 0; p < pages; p++)
            {
                var page = p;
                jobs.Add(new(p == 0 ? "plan.html" : $"plan-{p + 1}.html", () => PlanPage(page)));
            }
        }
        return jobs;
    }

    private void AddCatalogue(List<SiteJob> jobs, string stem, string title, int count, Func<int, int, string> table)
    {
        var pages = Math.Max(1, (count + s.PageSize - 1) / s.PageSize);
        for (var p = 0; p < pages; p++)
        {
            var page = p;
            jobs.Add(new(p == 0 ? stem + ".html" : $"{stem}-{p + 1}.html", () =>
            {
                var b = new StringBuilder();
                b.Append("<h1>").Append(E(title)).Append("</h1>");
                b.Append(Pager(stem, count, page, s.PageSize));
                b.Append(table(page * s.PageSize, Math.Min(count, (page + 1) * s.PageSize)));
                return new SiteOutput(Layout(title, Crumbs(), b.ToString()));
            }));
        }
    }

    private string Pager(string stem, int count, int page, int size)
    {
        var pages = (count + size - 1) / size;
        if (pages <= 1) return "";
        var b = new StringBuilder("<p class=\"pages\">").Append(E(K("site.pages")));
        var gap = false;
        for (var p = 0; p < pages; p++)
        {
            if (!InPager(p, page, pages))
            {
                if (!gap) b.Append("… ");
                gap = true;
                continue;
            }
            gap = false;
            var file = p == 0 ? stem + ".html" : $"{stem}-{p + 1}.html";
            b.Append(p == page ? $"<strong>{p + 1}</strong> " : $"<a href=\"{E(file)}\">{p + 1}</a> ");
        }
        return b.Append("</p>").ToString();
    }

    /// <summary>
    /// Whether a page of many has a link in the pager of page <paramref name="page"/>: every page of at most 20; else
    /// the first and last two, five either side, and at each scale of ten the round pages within five steps of it (a
    /// national rule has 900 pages of findings: some 30 links, any page a few clicks away, not 900 links).
    /// </summary>
    internal static bool InPager(int p, int page, int pages)
    {
        if (pages <= 20 || p < 2 || p >= pages - 2 || Math.Abs(p - page) <= 5) return true;
        for (long scale = 10; scale < pages; scale *= 10)
        {
            if ((p + 1) % scale == 0 && Math.Abs(p - page) < scale * 5) return true;
        }
        return false;
    }

    // ───────────────────────────── layout ─────────────────────────────

    private string Layout(string title, string crumbs, string body, bool search = false, IEnumerable<string>? scripts = null)
    {
        var b = new StringBuilder(body.Length + 4096);
        b.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang.ToTag()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Csp).Append("\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"ArchModel\">\n");
        b.Append("<title>").Append(E(title)).Append(" — ").Append(E(ModelName)).Append("</title>\n<link rel=\"stylesheet\" href=\"site.css\">\n</head>\n<body>\n");
        b.Append("<header class=\"top\"><a href=\"index.html\">").Append(E(ModelName)).Append("</a>");
        b.Append("<a href=\"lines.html\">").Append(E(K("site.sector-lines"))).Append("</a>");
        b.Append("<a href=\"capabilities.html\">").Append(E(K("site.capabilities-2"))).Append("</a>");
        b.Append("<a href=\"networks.html\">").Append(E(K("site.networks"))).Append("</a>");
        b.Append("<a href=\"platforms.html\">").Append(E(K("site.platforms"))).Append("</a>");
        if (s.Plan is not null) b.Append("<a href=\"plan.html\">").Append(E(K("site.plan"))).Append("</a>");
        b.Append("<form action=\"search.html\" method=\"get\" role=\"search\"><input id=\"q\" name=\"q\" type=\"search\" placeholder=\"")
            .Append(E(K("site.search-ids-names-aliases"))).Append("\" aria-label=\"").Append(E(K("site.search"))).Append("\"></form></header>\n");
        b.Append("<main>\n").Append(crumbs).Append(body).Append("\n<footer>").Append(E(K("site.a-static-site-written-by")));
        if (_m.Info.AsOf is { } asOf) b.Append(' ').Append(E(K("site.model-as-of"))).Append(E(asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        b.Append("</footer>\n</main>\n");
        foreach (var script in scripts ?? []) b.Append("<script src=\"").Append(E(script)).Append("\"></script>\n");
        b.Append("<script src=\"site.js\"></script>\n</body>\n</html>\n");
        _ = search;
        return b.ToString();
    }

    private string ModelName => _m.Info.Name ?? _m.Info.Id;

    private string Crumbs(Jurisdiction? j = null, bool self = false)
    {
        var chain = new List<Jurisdiction>();
        for (var p = j; p is not null && chain.Count < 64; p = p.Parent) chain.Insert(0, p);
        var b = new StringBuilder("<nav class=\"crumbs\"><a href=\"index.html\">").Append(E(K("site.overview"))).Append("</a>");
        foreach (var x in chain)
        {
            b.Append(" › ");
            if (x == j && self) b.Append(E(JName(x)));
            else b.Append("<a href=\"").Append(E(x.File)).Append(".html\">").Append(E(JName(x))).Append("</a>");
        }
        return b.Append("</nav>\n").ToString();
    }

    private string JName(Jurisdiction j) => j.Level is not { } level ? K("site.agencies-without-a-region")
        : j.Name.Length > 0 ? j.Name : $"{Labels.Of(level)[lang]} {j.Region}";

    private string JTitle(Jurisdiction j) => j.Level is { } level && j.Name.Length > 0
        ? $"{j.Name}（{Labels.Of(level)[lang]} {j.Region}）".Replace("（", K("site.x"), StringComparison.Ordinal).Replace("）", K("site.x-2"), StringComparison.Ordinal)
        : JName(j);

    // ───────────────────────────── links ─────────────────────────────

    private string Href(string id) => s.Home.TryGetValue(id, out var page) ? page + "#" + Fragment(id) : "";

    private string Link(string? id, string? text = null)
    {
        if (id is null) return "";
        var element = _m.Find(id);
        var label = text ?? (element is null ? id : element.DisplayName);
        return s.Home.ContainsKey(id) ? $"<a href=\"{E(Href(id))}\">{E(label)}</a>" : $"<code>{E(label)}</code>";
    }

    private string Links(IEnumerable<string> ids, int max = int.MaxValue, string? more = null)
    {
        // A national finding names tens of thousands of elements and is shown on each of their jurisdictions' pages,
        // its first eight each time: only those are read, and the count, which a list knows without reading it.
        var known = ids is IReadOnlyCollection<string> collection ? collection.Count : -1;
        var b = new StringBuilder();
        var count = 0;
        foreach (var id in ids)
        {
            if (count >= max)
            {
                if (known >= 0) break;
                count++;
                continue;
            }
            if (count > 0) b.Append(K("site.x-3"));
            b.Append(Link(id));
            count++;
        }
        var total = known >= 0 ? known : count;
        if (total > max) b.Append(' ').Append(more ?? E(KF("more-items", total, total - max)));
        return b.ToString();
    }

    private string FindingHref(int i) => s.FindingHome[i] + "#f-" + i.ToString(CultureInfo.InvariantCulture);

    private static string Sev(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private string FindingLinks(string id)
    {
        if (!s.FindingsOf.TryGetValue(id, out var list)) return "";
        return string.Join(" ", list.Select(i => $"<a class=\"sev-{Sev(_a.Findings[i].Severity)}\" href=\"{E(FindingHref(i))}\" title=\"{E(_a.Findings[i].Title[lang])}\">{E(_a.Findings[i].Rule)}</a>"));
    }

    private DiagnosticSeverity? SeverityOf(IEnumerable<string> ids)
    {
        DiagnosticSeverity? max = null;
        foreach (var id in ids)
        {
            if (s.FindingsOf.TryGetValue(id, out var list))
            {
                foreach (var i in list)
                {
                    var sev = _a.Findings[i].Severity;
                    if (max is null || sev > max) max = sev;
                }
            }
        }
        return max;
    }

    private string? Marker(IEnumerable<string> ids, HashSet<string> rulesShown)
    {
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (s.FindingsOf.TryGetValue(id, out var list)) foreach (var i in list) rules.Add(_a.Findings[i].Rule);
        }
        if (rules.Count == 0) return null;
        lock (rulesShown) rulesShown.UnionWith(rules);
        return "⚠ " + string.Join(" ", rules.Take(3)) + (rules.Count > 3 ? " …" : "");
    }

    // ───────────────────────────── words ─────────────────────────────

    private string KindLabel(string kind) => kind switch
    {
        "horizontal" => K("site.horizontal"),
        "vertical" => K("site.vertical"),
        "shared-use" => K("site.shared-use"),
        _ => kind,
    };

    private string KindAdvice(string kind) => kind switch
    {
        "horizontal" => K("site.built-again-by-several-departments"),
        "vertical" => K("site.built-again-up-and-down"),
        "shared-use" => K("site.one-agency-uses-several-systems"),
        _ => "",
    };

    private string RuleTitle(string rule) => _rules.TryGetValue(rule, out var r) ? r.Title[lang] : rule;

    // ───────────────────────────── tallies ─────────────────────────────

    private struct Tally
    {
        public int Agencies, Systems, Active, Duplicates, Isolated, Hosted, OnCloud, OnNetwork, OnUnified, Flows, CrossFlows, Errors, Warnings, Infos;

        public void Add(in Tally t)
        {
            Agencies += t.Agencies; Systems += t.Systems; Active += t.Active; Duplicates += t.Duplicates; Isolated += t.Isolated;
            Hosted += t.Hosted; OnCloud += t.OnCloud; OnNetwork += t.OnNetwork; OnUnified += t.OnUnified; Flows += t.Flows; CrossFlows += t.CrossFlows;
        }
    }

    private Dictionary<Jurisdiction, Tally> Tallies()
    {
        var named = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { [RuleCodes.DuplicateBuild] = new(StringComparer.Ordinal), [RuleCodes.IsolatedSystem] = new(StringComparer.Ordinal) };
        foreach (var f in _a.ActiveFindings)
        {
            if (named.TryGetValue(f.Rule, out var set)) set.UnionWith(f.Elements);
        }
        var own = new Dictionary<Jurisdiction, Tally>();
        foreach (var j in s.Jurisdictions)
        {
            var t = new Tally { Agencies = j.Agencies.Count, Systems = j.Systems.Count };
            foreach (var sys in j.Systems)
            {
                if (!sys.IsActive) continue;
                t.Active++;
                if (named[RuleCodes.DuplicateBuild].Contains(sys.Id)) t.Duplicates++;
                if (named[RuleCodes.IsolatedSystem].Contains(sys.Id)) t.Isolated++;
                if (_m.GetPlatform(sys.Hosting) is { } platform)
                {
                    t.Hosted++;
                    if (platform.Shared) t.OnCloud++;
                }
                if (sys.Networks.Count > 0)
                {
                    t.OnNetwork++;
                    if (sys.Networks.Any(n => _m.GetNetwork(n)?.IsUnified == true)) t.OnUnified++;
                }
            }
            foreach (var f in j.FlowsOut)
            {
                if (!f.IsActive) continue;
                t.Flows++;
                if (_m.IsCrossAgency(f)) t.CrossFlows++;
            }
            foreach (var i in j.Findings)
            {
                switch (_a.Findings[i].Severity)
                {
                    case DiagnosticSeverity.Error: t.Errors++; break;
                    case DiagnosticSeverity.Warning: t.Warnings++; break;
                    default: t.Infos++; break;
                }
            }
            own[j] = t;
        }
        return own;
    }

    private Tally Subtree(Jurisdiction j)
    {
        var t = _own![j];
        var stack = new Stack<Jurisdiction>(j.Children);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            t.Add(_own[c]);
            foreach (var cc in c.Children) stack.Push(cc);
        }
        return t;
    }

    private static string Rate(int num, int den) => den == 0 ? "—" : Labels.Percent(num / (double)den) + $" ({num.ToString("#,0", CultureInfo.InvariantCulture)}/{den.ToString("#,0", CultureInfo.InvariantCulture)})";

    private string Scorecard(Jurisdiction j)
    {
        var own = _own![j];
        var all = Subtree(j);
        var b = new StringBuilder("<h2>").Append(E(K("site.scorecard-counts-rolled-up"))).Append("</h2>");
        b.Append("<p class=\"muted\">").Append(E(K("site.rates-are-the-summed-counts"))).Append("</p>");
        b.Append("<table><tr><th>").Append(E(K("site.metric"))).Append("</th><th class=\"n\">").Append(E(K("site.this-jurisdiction")))
            .Append("</th><th class=\"n\">").Append(E(K("site.with-those-below"))).Append("</th></tr>");
        // The metric's one name (the terminology table), its better direction, and what this page counts.
        string M(string metric, string counted) => Labels.Metric(metric)[lang] + (MetricNames.HigherIsBetter(metric) ? " ↑" : " ↓") + counted;
        void Row(string label, string a, string c) => b.Append("<tr><td>").Append(E(label)).Append("</td><td class=\"n\">").Append(E(a)).Append("</td><td class=\"n\">").Append(E(c)).Append("</td></tr>");
        Row(K("site.agencies"), N(own.Agencies), N(all.Agencies));
        Row(K("site.systems-active"), $"{N(own.Systems)} ({N(own.Active)})", $"{N(all.Systems)} ({N(all.Active)})");
        Row(M(MetricNames.DuplicateRate, K("site.active-systems-in-am1001")), Rate(own.Duplicates, own.Active), Rate(all.Duplicates, all.Active));
        Row(M(MetricNames.IsolationRate, K("site.am2001")), Rate(own.Isolated, own.Active), Rate(all.Isolated, all.Active));
        Row(M(MetricNames.CloudRate, K("site.shared-platform-hosted")), Rate(own.OnCloud, own.Hosted), Rate(all.OnCloud, all.Hosted));
        Row(M(MetricNames.UnifiedNetworkRate, K("site.intranet-or-extranet-on-a")), Rate(own.OnUnified, own.OnNetwork), Rate(all.OnUnified, all.OnNetwork));
        Row(M(MetricNames.CrossAgencyFlowShare, ""), Rate(own.CrossFlows, own.Flows), Rate(all.CrossFlows, all.Flows));
        b.Append("</table>");
        b.Append("<p>").Append(E(KF("findings-here", own.Errors, own.Warnings, own.Infos))).Append("</p>");
        return b.ToString();
    }

    // ───────────────────────────── index ─────────────────────────────

    private SiteOutput Index()
    {
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(ModelName)).Append("</h1>");
        if (_m.Info.Description is { } d) b.Append("<p>").Append(E(d)).Append("</p>");
        var active = _a.ActiveFindings.ToList();
        b.Append("<div class=\"cards\">");
        void Card(string num, string label) => b.Append("<div class=\"card\"><div class=\"num\">").Append(E(num)).Append("</div><div class=\"lbl\">").Append(E(label)).Append("</div></div>");
        Card(N(_m.Agencies.Count), K("site.agencies-2"));
        Card(N(_m.Systems.Count), K("site.systems"));
        Card(N(_m.Flows.Count), K("site.data-flows"));
        Card(N(_m.DataResources.Count), K("site.data-resources"));
        Card(N(s.Jurisdictions.Count), K("site.jurisdictions"));
        Card(N(active.Count), K("site.findings"));
        Card(N(active.Count(static f => f.Severity == DiagnosticSeverity.Error)), K("site.errors"));
        Card(N(active.Count(static f => f.Severity == DiagnosticSeverity.Warning)), K("site.warnings"));
        b.Append("</div>");

        b.Append("<h2>").Append(E(K("site.hierarchy"))).Append("</h2>");
        var (svg, problem) = Diagram(IndexDiagram(out var shown), K("site.jurisdictions-2"));
        b.Append(svg);
        b.Append(Legend(shown, []));
        // The top of the hierarchy, as much as a page holds: a model whose region codes form no hierarchy has as many
        // top-level jurisdictions as agencies, listed in full on their own paged catalogue.
        b.Append("<ul class=\"tree\">");
        foreach (var root in s.Roots.Take(s.PageSize))
        {
            b.Append("<li><a href=\"").Append(E(root.File)).Append(".html\">").Append(E(JTitle(root))).Append("</a>");
            if (root.Children.Count > 0)
            {
                b.Append("<ul>");
                foreach (var c in root.Children.Take(ChildrenOnTheIndex)) b.Append("<li><a href=\"").Append(E(c.File)).Append(".html\">").Append(E(JTitle(c))).Append("</a></li>");
                if (root.Children.Count > ChildrenOnTheIndex)
                {
                    b.Append("<li><a href=\"").Append(E(root.File)).Append(".html\">")
                        .Append(E(KF("more-jurisdictions-below", N(root.Children.Count - ChildrenOnTheIndex)))).Append("</a></li>");
                }
                b.Append("</ul>");
            }
            b.Append("</li>");
        }
        b.Append("</ul>");
        if (ManyTopJurisdictions)
        {
            b.Append("<p><a href=\"").Append(TopJurisdictionsStem).Append(".html\">").Append(E(KF("all-top-jurisdictions", N(s.Roots.Count)))).Append("</a></p>");
        }

        b.Append("<h2>").Append(E(K("site.scorecard"))).Append("</h2><table><tr><th>").Append(E(K("site.metric"))).Append("</th><th class=\"n\">")
            .Append(E(K("site.actual"))).Append("</th><th class=\"n\">").Append(E(K("site.target"))).Append("</th><th>").Append(E(K("site.met"))).Append("</th></tr>");
        var targets = _a.Metrics.Targets.ToDictionary(static t => t.Metric, StringComparer.Ordinal);
        foreach (var (metric, value) in _a.Metrics.Model)
        {
            targets.TryGetValue(metric, out var target);
            b.Append("<tr><td>").Append(E(Labels.Metric(metric)[lang])).Append(" <code>").Append(E(metric)).Append("</code></td><td class=\"n\">")
                .Append(E(Labels.MetricValue(metric, value, lang))).Append("</td><td class=\"n\">")
                .Append(target is null ? "" : E((target.Direction == MetricDirection.Higher ? "≥ " : "≤ ") + Labels.MetricValue(metric, target.Target, lang)))
                .Append("</td><td>").Append(target?.Met switch { true => E(K("site.yes")), false => E(K("site.no")), _ => "" }).Append("</td></tr>");
        }
        b.Append("</table>");

        b.Append("<h2>").Append(E(K("site.findings-by-rule"))).Append("</h2><table><tr><th>").Append(E(K("site.rule"))).Append("</th><th>")
            .Append(E(K("site.title"))).Append("</th><th class=\"n\">").Append(E(K("site.errors-2"))).Append("</th><th class=\"n\">").Append(E(K("site.warnings-2")))
            .Append("</th><th class=\"n\">").Append(E(K("site.infos"))).Append("</th><th class=\"n\">").Append(E(K("site.accepted"))).Append("</th></tr>");
        foreach (var (rule, list) in s.FindingsByRule)
        {
            var fs = list.Select(i => _a.Findings[i]).ToList();
            b.Append("<tr><td><a href=\"").Append(E(s.RuleFile(rule))).Append(".html\">").Append(E(rule)).Append("</a></td><td>").Append(E(RuleTitle(rule)))
                .Append("</td><td class=\"n\">").Append(N(fs.Count(static f => !f.Suppressed && f.Severity == DiagnosticSeverity.Error)))
                .Append("</td><td class=\"n\">").Append(N(fs.Count(static f => !f.Suppressed && f.Severity == DiagnosticSeverity.Warning)))
                .Append("</td><td class=\"n\">").Append(N(fs.Count(static f => !f.Suppressed && f.Severity == DiagnosticSeverity.Info)))
                .Append("</td><td class=\"n\">").Append(N(fs.Count(static f => f.Suppressed))).Append("</td></tr>");
        }
        b.Append("</table>");

        b.Append("<h2>").Append(E(K("site.duplicate-builds-by-kind"))).Append("</h2><table><tr><th>").Append(E(K("site.kind")))
            .Append("</th><th class=\"n\">AM1001</th><th class=\"n\">AM1002</th><th>").Append(E(K("site.what-to-do"))).Append("</th></tr>");
        foreach (var kind in new[] { "horizontal", "vertical", "shared-use" })
        {
            b.Append("<tr><td>").Append(E(KindLabel(kind))).Append(" <code>").Append(kind).Append("</code></td>");
            foreach (var rule in new[] { RuleCodes.DuplicateBuild, RuleCodes.ProbableDuplicate })
            {
                b.Append("<td class=\"n\">").Append(N(active.Count(f => f.Rule == rule && SiteStructure.DuplicateKind(f) == kind))).Append("</td>");
            }
            b.Append("<td>").Append(E(KindAdvice(kind))).Append("</td></tr>");
        }
        b.Append("</table>");

        b.Append("<h2>").Append(E(K("site.catalogues"))).Append("</h2><ul>");
        if (ManyTopJurisdictions)
        {
            b.Append("<li><a href=\"").Append(TopJurisdictionsStem).Append(".html\">").Append(E(KF("all-top-jurisdictions", N(s.Roots.Count)))).Append("</a></li>");
        }
        b.Append("<li><a href=\"lines.html\">").Append(E(KF("nav-lines", s.Lines.Count))).Append("</a></li>");
        b.Append("<li><a href=\"capabilities.html\">").Append(E(KF("nav-capabilities", _m.Capabilities.Count))).Append("</a></li>");
        b.Append("<li><a href=\"networks.html\">").Append(E(KF("nav-networks", _m.Networks.Count))).Append("</a></li>");
        b.Append("<li><a href=\"platforms.html\">").Append(E(KF("nav-platforms", _m.Platforms.Count))).Append("</a></li>");
        b.Append("</ul>");
        if (s.Plan is { } plan)
        {
            b.Append("<h2>").Append(E(K("site.plan"))).Append("</h2>");
            b.Append(PlanSummary(Enumerable.Range(0, plan.Steps.Count).ToList()));
            b.Append("<p><a href=\"plan.html\">").Append(E(K("site.every-step"))).Append("</a></p>");
        }
        return new SiteOutput(Layout(K("site.overview"), "", b.ToString()), svg.Length > 0, problem);
    }

    private SiteDiagram IndexDiagram(out HashSet<string> shown)
    {
        shown = new HashSet<string>(StringComparer.Ordinal);
        var d = new SiteDiagram();
        var level = s.Roots.ToList();
        var parentKey = new Dictionary<Jurisdiction, string?>();
        foreach (var r in level) parentKey[r] = null;
        while (level.Count > 0)
        {
            if (d.NodeCount + level.Count > _budget - 1 && level[0].Parent is null)
            {
                // More top-level jurisdictions than the diagram holds: the first ones, and one node for the rest,
                // linked to their catalogue.
                var fit = _budget - 2;
                foreach (var j in level.Take(fit)) AddJurisdiction(j);
                d.Add(new SiteDiagram.Node("more:top", KF("more-top-jurisdictions", N(level.Count - fit)), TopJurisdictionsStem + ".html", "group"));
                break;
            }
            if (d.NodeCount + level.Count > _budget - 1)
            {
                // The rest of the tree in one node per parent drawn: "N below", linked to that parent's page.
                foreach (var g in level.GroupBy(x => x.Parent!))
                {
                    var key = "more:" + g.Key.Key;
                    d.Add(new SiteDiagram.Node(key, KF("jurisdictions-below", g.Count()), g.Key.File + ".html", "group"));
                    d.Edge("j:" + g.Key.Key, key, "contains");
                }
                break;
            }
            var next = new List<Jurisdiction>();
            foreach (var j in level)
            {
                AddJurisdiction(j);
                next.AddRange(j.Children);
            }
            level = next;
        }
        return d;

        void AddJurisdiction(Jurisdiction j)
        {
            var t = _own![j];
            d.Add(new SiteDiagram.Node("j:" + j.Key, JName(j), j.File + ".html", "jurisdiction")
            {
                Severity = t.Errors > 0 ? DiagnosticSeverity.Error : t.Warnings > 0 ? DiagnosticSeverity.Warning : t.Infos > 0 ? DiagnosticSeverity.Info : null,
            });
            if (j.Parent is not null) d.Edge("j:" + j.Parent.Key, "j:" + j.Key, "contains");
        }
    }

    /// <summary>The pages of a jurisdiction's children of their own: none while its page holds them all.</summary>
    private int BelowPages(Jurisdiction j) => j.Children.Count > s.PageSize ? (j.Children.Count + s.PageSize - 1) / s.PageSize : 0;

    /// <summary>The jurisdictions below one, from <paramref name="from"/> to <paramref name="to"/>, with their subtrees' counts.</summary>
    private string BelowTable(Jurisdiction j, int from, int to)
    {
        var b = new StringBuilder(Head(K("site.jurisdiction"), "#" + K("site.agencies"), "#" + K("site.systems-3"), "#" + K("site.findings-own")));
        for (var i = from; i < to; i++)
        {
            var c = j.Children[i];
            var t = Subtree(c);
            b.Append("<tr><td><a href=\"").Append(E(c.File)).Append(".html\">").Append(E(JTitle(c))).Append("</a></td><td class=\"n\">").Append(N(t.Agencies))
                .Append("</td><td class=\"n\">").Append(N(t.Systems)).Append("</td><td class=\"n\">").Append(N(c.Findings.Count)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    /// <summary>A page of the jurisdictions below one that has more than its page holds (a province of thousands of counties).</summary>
    private SiteOutput BelowPage(Jurisdiction j, int page)
    {
        var title = JName(j) + " · " + K("site.jurisdictions-below-2");
        var b = new StringBuilder("<h1>").Append(E(title)).Append("</h1>");
        b.Append(Pager(j.File + "-below", j.Children.Count, page, s.PageSize));
        b.Append(BelowTable(j, page * s.PageSize, Math.Min(j.Children.Count, (page + 1) * s.PageSize)));
        return new SiteOutput(Layout(title, Crumbs(j), b.ToString()));
    }

    /// <summary>How many of a top-level jurisdiction's children the index names.</summary>
    private const int ChildrenOnTheIndex = 40;

    private const string TopJurisdictionsStem = "jurisdictions";

    /// <summary>Whether the top-level jurisdictions are more than the index lists or its diagram draws: they then have
    /// a paged catalogue of their own.</summary>
    private bool ManyTopJurisdictions => s.Roots.Count > Math.Min(s.PageSize, _budget - 1);

    private string TopJurisdictionTable(int from, int to)
    {
        var b = new StringBuilder(Head(K("site.jurisdiction"), K("site.level"), "#" + K("site.jurisdictions-below"), "#" + K("site.agencies"),
            "#" + K("site.systems-3"), "#" + K("site.errors-2"), "#" + K("site.warnings-2")));
        for (var i = from; i < to; i++)
        {
            var j = s.Roots[i];
            var t = _own![j];
            b.Append("<tr><td><a href=\"").Append(E(j.File)).Append(".html\">").Append(E(JTitle(j))).Append("</a></td><td>")
                .Append(j.Level is { } level ? E(Labels.Of(level)[lang]) : "").Append("</td><td class=\"n\">").Append(N(j.Children.Count))
                .Append("</td><td class=\"n\">").Append(N(t.Agencies)).Append("</td><td class=\"n\">").Append(N(t.Systems))
                .Append("</td><td class=\"n\">").Append(N(t.Errors)).Append("</td><td class=\"n\">").Append(N(t.Warnings)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    // ───────────────────────────── diagrams ─────────────────────────────

    private (string Html, LocalizedText? Problem) Diagram(SiteDiagram d, string title)
    {
        if (options.NoDiagrams || d.NodeCount == 0) return ("", null);
        var svg = d.ToSvg(title, _renderer, out var problem);
        if (svg is null) return ($"<p class=\"muted\">{E(problem![lang])}</p>", problem);
        var b = new StringBuilder("<div class=\"diagram\" data-nodes=\"").Append(d.NodeCount.ToString(CultureInfo.InvariantCulture)).Append("\"><div class=\"tools\">");
        b.Append("<button type=\"button\" data-zoom=\"in\" title=\"").Append(E(K("site.zoom-in"))).Append("\">+</button>");
        b.Append("<button type=\"button\" data-zoom=\"out\" title=\"").Append(E(K("site.zoom-out"))).Append("\">−</button>");
        b.Append("<button type=\"button\" data-zoom=\"reset\" title=\"").Append(E(K("site.reset"))).Append("\">⟲</button></div>");
        b.Append("<div class=\"viewport\">").Append(svg).Append("</div></div>");
        return (b.ToString(), null);
    }

    private string Legend(HashSet<string> rules, IEnumerable<string> kinds)
    {
        var b = new StringBuilder("<div class=\"legend\"><dl><dt>").Append(E(K("site.legend"))).Append("</dt>");
        b.Append("<dd><span class=\"sw jur\"></span>").Append(E(K("site.jurisdiction-click-to-open"))).Append("</dd>");
        b.Append("<dd><span class=\"sw ag\"></span>").Append(E(K("site.agency"))).Append("　<span class=\"sw sys\"></span>").Append(E(K("site.system")))
            .Append("　<span class=\"sw grp\"></span>").Append(E(K("site.aggregate-click-to-open")))
            .Append("　<span class=\"sw ext\"></span>").Append(E(K("site.parent-or-outside-jurisdiction"))).Append("</dd>");
        b.Append("<dd>").Append(E(K("site.edges-data-flows-number-how"))).Append("</dd>");
        b.Append("<dd><span class=\"sw error\"></span>").Append(E(K("site.error"))).Append("　<span class=\"sw warning\"></span>").Append(E(K("site.warning")))
            .Append("　<span class=\"sw info\"></span>").Append(E(K("site.info"))).Append("</dd></dl>");
        if (rules.Count > 0)
        {
            b.Append("<dl><dt>").Append(E(K("site.rules-marked"))).Append("</dt>");
            foreach (var r in rules.Order(StringComparer.Ordinal)) b.Append("<dd><a href=\"").Append(E(s.RuleFile(r))).Append(".html\">").Append(E(r)).Append("</a> ").Append(E(RuleTitle(r))).Append("</dd>");
            b.Append("</dl>");
        }
        var ks = kinds.Distinct().ToList();
        if (ks.Count > 0)
        {
            b.Append("<dl><dt>").Append(E(K("site.kinds-of-duplicate-build"))).Append("</dt>");
            foreach (var k in ks) b.Append("<dd><strong>").Append(E(KindLabel(k))).Append("</strong>：").Append(E(KindAdvice(k))).Append("</dd>");
            b.Append("</dl>");
        }
        return b.Append("</div>").ToString();
    }

    private SiteDiagram JurisdictionDiagram(Jurisdiction j, HashSet<string> shown)
    {
        var d = new SiteDiagram();
        const int externalReserve = 15;
        if (j.Parent is { } parent) d.Add(new SiteDiagram.Node("p:" + parent.Key, "↑ " + JName(parent), parent.File + ".html", "parent"));
        // Children: one node each; beyond half the budget, the rest in one node.
        var childKey = new Dictionary<Jurisdiction, string>();
        var childLimit = _budget / 2;
        for (var i = 0; i < j.Children.Count; i++)
        {
            var c = j.Children[i];
            if (i < childLimit)
            {
                var t = Subtree(c);
                d.Add(new SiteDiagram.Node("c:" + c.Key, JName(c) + "\n" + KF("agencies-and-systems", N(t.Agencies), N(t.Systems)), c.File + ".html", "jurisdiction")
                {
                    Severity = SeverityOf(c.Agencies.Select(static a => a.Id).Concat(c.Systems.Select(static x => x.Id))),
                });
                childKey[c] = "c:" + c.Key;
            }
            else
            {
                d.Add(new SiteDiagram.Node("c:~more", KF("more-jurisdictions-below", j.Children.Count - childLimit), j.File + ".html", "group"));
                childKey[c] = "c:~more";
            }
        }
        var room = _budget - d.NodeCount - externalReserve;
        var systems = j.Systems.Where(static x => x.IsActive).ToList();
        var withSystems = systems.Select(static x => x.Owner).ToHashSet(StringComparer.Ordinal);
        var mode = j.Agencies.Count(a => !withSystems.Contains(a.Id)) + systems.Count <= room ? 2 : j.Agencies.Count <= room ? 1 : 0;
        var ownKey = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mode == 0)
        {
            // Agencies by sector (or level), each group linked to its first agency.
            var groups = j.Agencies.GroupBy(a => a.Sector ?? K("site.general")).OrderBy(static g => g.Key, StringComparer.Ordinal).ToList();
            for (var i = 0; i < groups.Count; i++)
            {
                var g = groups[i];
                var key = i < room - 1 ? "g:" + g.Key : "g:~other";
                var label = i < room - 1 ? g.Key + "\n" + KF("agency-count", g.Count()) : K("site.other-agencies");
                d.Add(new SiteDiagram.Node(key, label, Href(g.First().Id), "group") { Severity = SeverityOf(g.Select(static a => a.Id)) });
                foreach (var a in g) ownKey[a.Id] = key;
            }
        }
        else
        {
            foreach (var a in j.Agencies)
            {
                var ids = new List<string> { a.Id };
                if (mode == 2 && withSystems.Contains(a.Id))
                {
                    d.Add(new SiteDiagram.Cluster("a:" + a.Id, a.Name, Href(a.Id)));
                    ownKey[a.Id] = "a:" + a.Id;
                    continue;
                }
                ids.AddRange(_m.SystemsOwnedBy(a.Id).Select(static x => x.Id));
                d.Add(new SiteDiagram.Node("a:" + a.Id, a.Name + "\n" + KF("system-count", _m.SystemsOwnedBy(a.Id).Count), Href(a.Id), "agency")
                {
                    Severity = SeverityOf(ids), Marker = Marker(ids, shown),
                });
                ownKey[a.Id] = "a:" + a.Id;
            }
            if (mode == 2)
            {
                foreach (var x in systems)
                {
                    d.Add(new SiteDiagram.Node("s:" + x.Id, x.Name, Href(x.Id), "system")
                    {
                        Cluster = "a:" + x.Owner, Severity = SeverityOf([x.Id]), Marker = Marker([x.Id], shown),
                    });
                }
            }
        }
        var externals = 0;
        string? NodeOf(string systemId)
        {
            var sys = _m.GetSystem(systemId);
            if (sys is null || !s.AgencyJurisdiction.TryGetValue(sys.Owner, out var x)) return null;
            if (x == j)
            {
                if (mode == 2) return sys.IsActive ? "s:" + sys.Id : null;
                return ownKey.GetValueOrDefault(sys.Owner);
            }
            for (var p = x; p is not null; p = p.Parent)
            {
                if (p.Parent == j) return childKey.GetValueOrDefault(p);
            }
            if (x == j.Parent) return "p:" + x.Key;
            var key = "x:" + x.Key;
            if (d.Has(key)) return key;
            if (externals < externalReserve - 1)
            {
                externals++;
                d.Add(new SiteDiagram.Node(key, JName(x), x.File + ".html", "external"));
                return key;
            }
            d.Add(new SiteDiagram.Node("x:~", K("site.elsewhere"), "index.html", "external"));
            return "x:~";
        }
        foreach (var f in j.SubtreeFlows)
        {
            if (!f.IsActive) continue;
            var from = NodeOf(f.From);
            var to = NodeOf(f.To);
            if (from is null || to is null) continue;
            d.Edge(from, to, "flow", SeverityOf([f.Id]));
        }
        return d;
    }

    private SiteDiagram LineDiagram(SectorLine line, HashSet<string> shown)
    {
        var d = new SiteDiagram();
        d.Add(new SiteDiagram.Node("a:" + line.Head.Id, line.Head.Name, Href(line.Head.Id), "agency") { Severity = SeverityOf([line.Head.Id]), Marker = Marker([line.Head.Id], shown) });
        var level = _m.ChildrenOf(line.Head.Id).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal) { line.Head.Id };
        while (level.Count > 0)
        {
            level = level.Where(a => seen.Add(a.Id)).ToList();
            if (d.NodeCount + level.Count > _budget)
            {
                foreach (var g in level.GroupBy(static a => a.Parent!))
                {
                    var parent = _m.GetAgency(g.Key)!;
                    var key = "more:" + g.Key;
                    d.Add(new SiteDiagram.Node(key, KF("agencies-below", g.Count()), (s.JurisdictionOfAgency(parent.Id)?.File ?? "index") + ".html", "group"));
                    d.Edge("a:" + g.Key, key, "contains");
                    if (d.NodeCount >= _budget) break;
                }
                break;
            }
            var next = new List<Agency>();
            foreach (var a in level)
            {
                var jn = s.JurisdictionOfAgency(a.Id);
                d.Add(new SiteDiagram.Node("a:" + a.Id, a.Name + (jn is null ? "" : "\n" + JName(jn)), Href(a.Id), "agency") { Severity = SeverityOf([a.Id]), Marker = Marker([a.Id], shown) });
                d.Edge("a:" + a.Parent, "a:" + a.Id, "contains");
                next.AddRange(_m.ChildrenOf(a.Id));
            }
            level = next;
        }
        return d;
    }

    // ───────────────────────────── jurisdiction pages ─────────────────────────────

    private string SectionTitle(string section) => section switch
    {
        "agencies" => K("site.agencies"),
        "metrics" => K("site.per-agency-metrics"),
        "systems" => K("site.systems-2"),
        "flows-out" => K("site.flows-out-sent-by-systems"),
        "flows-in" => K("site.flows-in-from-other-jurisdictions"),
        "data" => K("site.data-resources-2"),
        "services" => K("site.services"),
        "projects" => K("site.projects"),
        "findings" => K("site.findings-2"),
        "plan" => K("site.plan-steps"),
        _ => section,
    };

    private SiteOutput JurisdictionPage(Jurisdiction j)
    {
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(JTitle(j))).Append("</h1>");
        var own = _own![j];
        b.Append("<div class=\"cards\">");
        void Card(string num, string label) => b.Append("<div class=\"card\"><div class=\"num\">").Append(E(num)).Append("</div><div class=\"lbl\">").Append(E(label)).Append("</div></div>");
        Card(N(j.Agencies.Count), K("site.agencies-2"));
        Card(N(j.Systems.Count), K("site.systems"));
        Card(N(j.FlowsOut.Count), K("site.flows-out"));
        Card(N(j.FlowsIn.Count), K("site.flows-in"));
        Card(N(j.Findings.Count), K("site.findings"));
        Card(N(j.Children.Count), K("site.jurisdictions-below"));
        b.Append("</div>");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var (svg, problem) = Diagram(JurisdictionDiagram(j, shown), JName(j));
        b.Append(svg);
        var kinds = j.Findings.Select(i => SiteStructure.DuplicateKind(_a.Findings[i])).OfType<string>().Order(StringComparer.Ordinal);
        b.Append(Legend(shown, kinds));
        if (j.Children.Count > 0)
        {
            b.Append("<h2>").Append(E(K("site.jurisdictions-below-2"))).Append("</h2>");
            b.Append(BelowTable(j, 0, Math.Min(j.Children.Count, s.PageSize)));
            if (BelowPages(j) > 0)
            {
                b.Append("<p><a href=\"").Append(E(j.File)).Append("-below.html\">").Append(E(KF("all-jurisdictions-below", N(j.Children.Count)))).Append("</a></p>");
            }
        }
        var lines = j.Agencies.Select(a => s.LineHeadOf(a.Id)).OfType<string>().Distinct(StringComparer.Ordinal).Select(h => s.LineByHead[h]).ToList();
        if (lines.Count > 0)
        {
            b.Append("<p>").Append(E(K("site.sector-lines-here")));
            b.Append(string.Join(K("site.x-3"), lines.Select(l => $"<a href=\"{E(l.File)}.html\">{E(l.Head.Name)}</a>")));
            b.Append("</p>");
        }
        b.Append(Scorecard(j));
        foreach (var section in SiteStructure.Sections)
        {
            var count = s.Count(j, section);
            if (count == 0) continue;
            b.Append("<h2>").Append(E(SectionTitle(section))).Append(" <span class=\"muted\">(").Append(N(count)).Append(")</span></h2>");
            if (section == "plan") b.Append(PlanSummary(j.Steps));
            if (s.IsPaged(j, section))
            {
                b.Append("<p class=\"pages\">").Append(E(K("site.a-long-list-on-pages")));
                var size = s.PageSizeOf(section);
                for (var p = 0; p < s.PageCount(j, section); p++)
                {
                    var first = p * size + 1;
                    var last = Math.Min(count, (p + 1) * size);
                    b.Append("<a href=\"").Append(E($"{j.File}-{section}-{p + 1}.html")).Append("\">").Append(first).Append('–').Append(last).Append("</a> ");
                }
                b.Append("</p>");
            }
            else
            {
                b.Append(SectionTable(j, section, 0, count));
            }
        }
        return new SiteOutput(Layout(JName(j), Crumbs(j, self: true), b.ToString()), svg.Length > 0, problem);
    }

    private SiteOutput SectionPage(Jurisdiction j, string section, int page)
    {
        var count = s.Count(j, section);
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(JTitle(j))).Append(" · ").Append(E(SectionTitle(section))).Append("</h1>");
        b.Append("<p><a href=\"").Append(E(j.File)).Append(".html\">").Append(E(K("site.back-to-the-jurisdiction-s"))).Append("</a></p>");
        var size = s.PageSizeOf(section);
        b.Append(Pager($"{j.File}-{section}", count, page, size).Replace($"\"{j.File}-{section}.html\"", $"\"{j.File}-{section}-1.html\"", StringComparison.Ordinal));
        b.Append(SectionTable(j, section, page * size, Math.Min(count, (page + 1) * size)));
        return new SiteOutput(Layout($"{JName(j)} · {SectionTitle(section)}", Crumbs(j), b.ToString()));
    }

    private string SectionTable(Jurisdiction j, string section, int from, int to) => section switch
    {
        "agencies" => AgencyTable(j.Agencies, from, to),
        "metrics" => MetricsTable(j.Agencies.Where(a => _a.Metrics.Agencies.ContainsKey(a.Id)).ToList(), from, to),
        "systems" => SystemTable(j.Systems, from, to),
        "flows-out" => FlowTable(j.FlowsOut, from, to, anchors: true),
        "flows-in" => FlowTable(j.FlowsIn, from, to, anchors: false),
        "data" => DataTable(j.DataResources, from, to),
        "services" => ServiceTable(j.Services, from, to),
        "projects" => ProjectTable(j.Projects, from, to),
        "findings" => FindingTable(j.Findings, from, to, anchors: false),
        "plan" => StepTable(j.Steps, from, to, anchors: false),
        _ => "",
    };

    private string Head(params string[] columns) =>
        "<table><tr>" + string.Concat(columns.Select(static c => c.StartsWith('#') ? $"<th class=\"n\">{E(c[1..])}</th>" : $"<th>{E(c)}</th>")) + "</tr>";

    private string AgencyTable(List<Agency> list, int from, int to)
    {
        var b = new StringBuilder(Head(K("site.agency-2"), K("site.id"), K("site.kind-2"), K("site.sector"), K("site.parent"), "#" + K("site.systems-3"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var a = list[i];
            var line = s.LineByHead.TryGetValue(a.Id, out var l) ? $" · <a href=\"{E(l.File)}.html\">{E(K("site.line"))}</a>" : "";
            b.Append("<tr id=\"").Append(E(a.Id)).Append("\"><td>").Append(E(a.Name)).Append(line).Append("</td><td><code>").Append(E(a.Id)).Append("</code></td><td>")
                .Append(E(Labels.Of(a.AgencyKind)[lang])).Append("</td><td>").Append(E(a.Sector)).Append("</td><td>").Append(Link(a.Parent)).Append("</td><td class=\"n\">")
                .Append(N(_m.SystemsOwnedBy(a.Id).Count)).Append("</td><td>").Append(FindingLinks(a.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string MetricsTable(List<Agency> list, int from, int to)
    {
        var metrics = MetricsReport.PerAgencyMetrics;
        var b = new StringBuilder(Head([K("site.agency-2"), .. metrics.Select(m => "#" + Labels.Metric(m)[lang])]));
        for (var i = from; i < to; i++)
        {
            var a = list[i];
            var values = _a.Metrics.Agencies[a.Id];
            b.Append("<tr><td>").Append(Link(a.Id)).Append("</td>");
            foreach (var m in metrics) b.Append("<td class=\"n\">").Append(E(Labels.MetricValue(m, values.TryGetValue(m, out var v) ? v : null, lang))).Append("</td>");
            b.Append("</tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string SystemTable(List<InformationSystem> list, int from, int to)
    {
        var b = new StringBuilder(Head(K("site.system-2"), K("site.id"), K("site.owner"), K("site.status"), K("site.capabilities-2"), K("site.networks"), K("site.hosting"), K("site.used-by"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var x = list[i];
            b.Append("<tr id=\"").Append(E(x.Id)).Append("\"><td>").Append(E(x.Name));
            if (x.Aliases.Count > 0) b.Append(" <span class=\"muted\">(").Append(E(string.Join(K("site.x-3"), x.Aliases))).Append(")</span>");
            b.Append("</td><td><code>").Append(E(x.Id)).Append("</code></td><td>").Append(Link(x.Owner)).Append("</td><td>").Append(E(Labels.Of(x.Status)[lang]))
                .Append("</td><td>").Append(Links(x.Capabilities)).Append("</td><td>").Append(Links(x.Networks)).Append("</td><td>").Append(Link(x.Hosting))
                .Append("</td><td>").Append(Links(x.UsedBy, 10)).Append("</td><td>").Append(FindingLinks(x.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string FlowTable(List<Flow> list, int from, int to, bool anchors)
    {
        var b = new StringBuilder(Head(K("site.flow"), K("site.from"), K("site.to"), K("site.other-side"), K("site.carries"), K("site.status"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var f = list[i];
            var otherId = anchors ? f.To : f.From;
            var other = s.JurisdictionOfSystem(otherId);
            b.Append(anchors ? $"<tr id=\"{E(f.Id)}\"><td><code>{E(f.Id)}</code></td>" : $"<tr><td><a href=\"{E(Href(f.Id))}\"><code>{E(f.Id)}</code></a></td>");
            b.Append("<td>").Append(Link(f.From)).Append("</td><td>").Append(Link(f.To)).Append("</td><td>")
                .Append(other is null ? "" : $"<a href=\"{E(other.File)}.html\">{E(JName(other))}</a>").Append("</td><td>").Append(Links(f.Carries, 5))
                .Append("</td><td>").Append(E(Labels.Of(f.Status)[lang])).Append("</td><td>").Append(FindingLinks(f.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string DataTable(List<DataResource> list, int from, int to)
    {
        var b = new StringBuilder(Head(K("site.data-resource"), K("site.id"), K("site.owner"), K("site.category"), K("site.sharing"), K("site.open"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var d = list[i];
            b.Append("<tr id=\"").Append(E(d.Id)).Append("\"><td>").Append(E(d.Name)).Append("</td><td><code>").Append(E(d.Id)).Append("</code></td><td>").Append(Link(d.Owner))
                .Append("</td><td>").Append(E(Labels.Of(d.Category)[lang])).Append("</td><td>").Append(E(Labels.Of(d.Sharing)[lang])).Append("</td><td>")
                .Append(d.Open ? E(K("site.yes")) : "").Append("</td><td>").Append(FindingLinks(d.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string ServiceTable(List<Service> list, int from, int to)
    {
        var b = new StringBuilder(Head(K("site.service"), K("site.id"), K("site.provider"), K("site.channels"), K("site.systems-3"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var x = list[i];
            b.Append("<tr id=\"").Append(E(x.Id)).Append("\"><td>").Append(E(x.Name)).Append("</td><td><code>").Append(E(x.Id)).Append("</code></td><td>").Append(Link(x.Provider))
                .Append("</td><td>").Append(E(string.Join(K("site.x-3"), x.Channels.Select(c => Labels.Of(c)[lang])))).Append("</td><td>").Append(Links(x.Systems))
                .Append("</td><td>").Append(FindingLinks(x.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string ProjectTable(List<Project> list, int from, int to)
    {
        var b = new StringBuilder(Head(K("site.project"), K("site.id"), K("site.agency-2"), "#" + K("site.year"), "#" + K("site.budget"), K("site.stage"), K("site.delivers"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var p = list[i];
            b.Append("<tr id=\"").Append(E(p.Id)).Append("\"><td>").Append(E(p.Name)).Append("</td><td><code>").Append(E(p.Id)).Append("</code></td><td>").Append(Link(p.Agency))
                .Append("</td><td class=\"n\">").Append(p.Year?.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">").Append(p.Budget is { } budget ? E(Labels.Money(budget, lang)) : "")
                .Append("</td><td>").Append(E(Labels.Of(p.Stage)[lang])).Append("</td><td>").Append(Links(p.Delivers)).Append("</td><td>").Append(FindingLinks(p.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string FindingTable(List<int> list, int from, int to, bool anchors)
    {
        var b = new StringBuilder(Head(K("site.rule"), K("site.severity"), K("site.kind"), K("site.message"), K("site.elements")));
        for (var i = from; i < to; i++)
        {
            var n = list[i];
            var f = _a.Findings[n];
            var kind = SiteStructure.DuplicateKind(f);
            b.Append(anchors ? $"<tr id=\"f-{n}\">" : "<tr>");
            b.Append("<td><a href=\"").Append(E(FindingHref(n))).Append("\">").Append(E(f.Rule)).Append("</a></td><td class=\"sev-").Append(Sev(f.Severity)).Append("\">")
                .Append(E(Labels.Of(f.Severity)[lang])).Append(f.Suppressed ? E(K("site.accepted-2")) : "").Append("</td><td>")
                .Append(kind is null ? "" : $"<span title=\"{E(KindAdvice(kind))}\">{E(KindLabel(kind))}</span>").Append("</td><td>").Append(E(f.Message[lang]));
            if (f.Suppressed && f.Justification is { } why) b.Append("<br><span class=\"muted\">").Append(E(why)).Append("</span>");
            b.Append("</td><td>").Append(anchors ? HomeElements(f) : Links(f.Elements, 8, $"<a href=\"{E(FindingHref(n))}\">{E(KF("finding-elements-more", f.Elements.Count))}</a>")).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    /// <summary>How many jurisdictions the row of a large finding names for the rest of its elements.</summary>
    private const int JurisdictionsOfTheRest = 10;

    /// <summary>
    /// The elements on a finding's own row (its home): every one, up to as many as a page has findings; a larger finding
    /// (a national duplicate group names tens of thousands) names the first ones and says where all of them are: how
    /// many, in how many jurisdictions, and the jurisdictions holding the most, linked to their pages, where each
    /// element's row links back here. Every element stays in the JSON and SARIF output.
    /// </summary>
    private string HomeElements(Finding f)
    {
        var shown = s.FindingPageSize;
        if (f.Elements.Count <= shown) return Links(f.Elements);
        var b = new StringBuilder(Links(f.Elements, shown, "…"));
        var counts = new Dictionary<Jurisdiction, int>();
        var unplaced = 0;
        foreach (var id in f.Elements)
        {
            if (s.JurisdictionOf(_m.Find(id)) is { } j) counts[j] = counts.GetValueOrDefault(j) + 1;
            else unplaced++;
        }
        var most = counts.OrderByDescending(static p => p.Value).ThenBy(static p => p.Key.Key, StringComparer.Ordinal).Take(JurisdictionsOfTheRest)
            .Select(p => $"<a href=\"{E(p.Key.File)}.html\">{E(JName(p.Key))}</a> {N(p.Value)}");
        b.Append("<br><span class=\"muted\">").Append(E(KF("finding-elements-where", N(f.Elements.Count), N(counts.Count)))).Append("</span> ")
            .Append(string.Join(K("site.x-3"), most));
        if (counts.Count > JurisdictionsOfTheRest) b.Append(' ').Append(E(KF("more-jurisdictions", counts.Count, counts.Count - JurisdictionsOfTheRest)));
        if (unplaced > 0) b.Append(' ').Append(E(KF("finding-elements-unplaced", N(unplaced))));
        return b.ToString();
    }

    // ───────────────────────────── lines ─────────────────────────────

    private SiteOutput LinesPage()
    {
        var b = new StringBuilder("<h1>").Append(E(K("site.sector-lines"))).Append("</h1><p>")
            .Append(E(K("site.the-heads-of-sector-lines"))).Append("</p>");
        b.Append(Head(K("site.head"), K("site.sector"), "#" + K("site.agencies-below"), "#" + K("site.vertical-duplicates")));
        foreach (var l in s.Lines)
        {
            b.Append("<tr><td><a href=\"").Append(E(l.File)).Append(".html\">").Append(E(l.Head.Name)).Append("</a></td><td>").Append(E(l.Head.Sector)).Append("</td><td class=\"n\">")
                .Append(N(l.Members.Count)).Append("</td><td class=\"n\">").Append(N(l.VerticalFindings.Count)).Append("</td></tr>");
        }
        b.Append("</table>");
        return new SiteOutput(Layout(K("site.sector-lines"), Crumbs(), b.ToString()));
    }

    private SiteOutput LinePage(SectorLine line)
    {
        var b = new StringBuilder("<h1>").Append(E(line.Head.Name)).Append(" · ").Append(E(K("site.sector-line"))).Append("</h1>");
        b.Append("<p>").Append(E(K("site.head-2"))).Append(Link(line.Head.Id)).Append("</p>");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var (svg, problem) = Diagram(LineDiagram(line, shown), line.Head.Name);
        b.Append(svg).Append(Legend(shown, line.VerticalFindings.Count > 0 ? ["vertical"] : []));
        b.Append("<h2>").Append(E(K("site.agencies-by-level"))).Append("</h2>");
        b.Append(Head(K("site.level"), "#" + K("site.agencies"), "#" + K("site.systems-3"), K("site.jurisdictions-3")));
        foreach (var g in line.Members.Prepend(line.Head).GroupBy(static a => a.Level).OrderBy(static g => g.Key))
        {
            var js = g.Select(a => s.JurisdictionOfAgency(a.Id)).OfType<Jurisdiction>().Distinct().ToList();
            b.Append("<tr><td>").Append(E(Labels.Of(g.Key)[lang])).Append("</td><td class=\"n\">").Append(N(g.Count())).Append("</td><td class=\"n\">")
                .Append(N(g.Sum(a => _m.SystemsOwnedBy(a.Id).Count))).Append("</td><td>");
            b.Append(string.Join(K("site.x-3"), js.Take(40).Select(x => $"<a href=\"{E(x.File)}.html\">{E(JName(x))}</a>")));
            if (js.Count > 40) b.Append(E(" " + KF("more-jurisdictions", js.Count, js.Count - 40)));
            b.Append("</td></tr>");
        }
        b.Append("</table>");
        b.Append("<h2>").Append(E(K("site.agencies-on-the-line"))).Append(" <span class=\"muted\">(").Append(N(line.Members.Count)).Append(")</span></h2><p>");
        b.Append(Links(line.Members.Select(static a => a.Id), s.PageSize, E(KF("more-members", line.Members.Count, line.Members.Count - s.PageSize))));
        b.Append("</p>");
        b.Append("<h2>").Append(E(K("site.vertical-duplicate-builds"))).Append(" <span class=\"muted\">(").Append(N(line.VerticalFindings.Count)).Append(")</span></h2>");
        b.Append("<p>").Append(E(KindAdvice("vertical"))).Append("</p>");
        b.Append(FindingTable(line.VerticalFindings, 0, Math.Min(line.VerticalFindings.Count, s.FindingPageSize), anchors: false));
        if (line.VerticalFindings.Count > s.FindingPageSize)
        {
            b.Append("<p><a href=\"rule-AM1001.html\">").Append(E(K("site.the-rest-on-the-rule"))).Append("</a></p>");
        }
        return new SiteOutput(Layout(line.Head.Name, Crumbs(s.JurisdictionOfAgency(line.Head.Id)), b.ToString()), svg.Length > 0, problem);
    }

    // ───────────────────────────── catalogues ─────────────────────────────

    private string CapabilityTable(int from, int to)
    {
        var b = new StringBuilder(Head(K("site.capability"), K("site.id"), K("site.parent-2"), K("site.shareable"), "#" + K("site.systems-4"), K("site.systems-first-10"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var c = _m.Capabilities[i];
            var systems = _m.SystemsWithCapability(c.Id);
            b.Append("<tr id=\"").Append(E(c.Id)).Append("\"><td>").Append(E(c.Name)).Append("</td><td><code>").Append(E(c.Id)).Append("</code></td><td>").Append(Link(c.Parent))
                .Append("</td><td>").Append(c.Shareable ? E(K("site.yes")) : "").Append("</td><td class=\"n\">").Append(N(systems.Count)).Append("</td><td>")
                .Append(Links(systems.Select(static x => x.Id), 10)).Append("</td><td>").Append(FindingLinks(c.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string NetworkTable(int from, int to)
    {
        var b = new StringBuilder(Head(K("site.network"), K("site.id"), K("site.kind-2"), K("site.owner"), K("site.links"), "#" + K("site.systems-3"), K("site.findings-2")));
        for (var i = from; i < to && i < _m.Networks.Count; i++)
        {
            var n = _m.Networks[i];
            b.Append("<tr id=\"").Append(E(n.Id)).Append("\"><td>").Append(E(n.Name)).Append("</td><td><code>").Append(E(n.Id)).Append("</code></td><td>").Append(E(Labels.Of(n.NetworkKind)[lang]))
                .Append("</td><td>").Append(Link(n.Owner)).Append("</td><td>").Append(string.Join(K("site.x-3"), n.Links.Select(l => Link(l.To) + " (" + E(Labels.Of(l.Via)[lang]) + ")")))
                .Append("</td><td class=\"n\">").Append(N(_m.SystemsOn(n.Id).Count)).Append("</td><td>").Append(FindingLinks(n.Id)).Append("</td></tr>");
        }
        b.Append("</table>");
        // Flows whose systems are unknown (a model with load errors) live here, so that every id has a page.
        var orphans = _m.Flows.Where(f => s.Home.TryGetValue(f.Id, out var page) && page == "networks.html").ToList();
        if (from == 0 && orphans.Count > 0)
        {
            b.Append("<h2>").Append(E(K("site.flows-with-unknown-ends"))).Append("</h2>").Append(FlowTable(orphans, 0, orphans.Count, anchors: true));
        }
        return b.ToString();
    }

    private string PlatformTable(int from, int to)
    {
        var b = new StringBuilder(Head(K("site.platform"), K("site.id"), K("site.kind-2"), K("site.shared"), K("site.owner"), K("site.networks"), "#" + K("site.systems-5"), K("site.findings-2")));
        for (var i = from; i < to; i++)
        {
            var p = _m.Platforms[i];
            b.Append("<tr id=\"").Append(E(p.Id)).Append("\"><td>").Append(E(p.Name)).Append("</td><td><code>").Append(E(p.Id)).Append("</code></td><td>").Append(E(Labels.Of(p.PlatformKind)[lang]))
                .Append("</td><td>").Append(p.Shared ? E(K("site.yes")) : "").Append("</td><td>").Append(Link(p.Owner)).Append("</td><td>").Append(Links(p.Networks))
                .Append("</td><td class=\"n\">").Append(N(_m.SystemsHostedOn(p.Id).Count)).Append("</td><td>").Append(FindingLinks(p.Id)).Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private SiteOutput RulePage(string rule, int page)
    {
        var list = s.FindingsByRule[rule];
        var b = new StringBuilder("<h1>").Append(E(rule)).Append(' ').Append(E(RuleTitle(rule))).Append("</h1>");
        if (_rules.TryGetValue(rule, out var r)) b.Append("<p>").Append(E(r.Help[lang])).Append("</p>");
        if (rule is RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate)
        {
            b.Append(Legend([], list.Select(i => SiteStructure.DuplicateKind(_a.Findings[i])).OfType<string>().Order(StringComparer.Ordinal)));
        }
        b.Append(Pager(s.RuleFile(rule), list.Count, page, s.FindingPageSize));
        b.Append(FindingTable(list, page * s.FindingPageSize, Math.Min(list.Count, (page + 1) * s.FindingPageSize), anchors: true));
        return new SiteOutput(Layout($"{rule} {RuleTitle(rule)}", Crumbs(), b.ToString()));
    }

    // ───────────────────────────── plan ─────────────────────────────

    private static string ActionGroup(string action) =>
        action.StartsWith("build-", StringComparison.Ordinal) || action is "go-live" or "launch-service" or "start-project" or "register" or "register-data" ? "build"
        : action.StartsWith("move-", StringComparison.Ordinal) || action is "localize" or "connect" or "change-flow" or "share-system" or "share-data" or "open-data" or "link-networks" ? "migrate"
        : action.StartsWith("retire-", StringComparison.Ordinal) || action is "disconnect" or "withdraw-service" ? "retire"
        : "other";

    private string PlanSummary(List<int> steps)
    {
        var plan = s.Plan!;
        var groups = new[] { "build", "migrate", "retire", "other" };
        var b = new StringBuilder(Head([K("site.phase"), "#" + K("site.build"), "#" + K("site.migrate"), "#" + K("site.retire"), "#" + K("site.other")]));
        foreach (var phase in steps.Select(i => plan.Steps[i]).GroupBy(static x => x.Phase).OrderBy(static g => g.Key))
        {
            b.Append("<tr><td>").Append(E(Planning.MigrationPlan.PhaseName(phase.Key)[lang])).Append("</td>");
            foreach (var g in groups) b.Append("<td class=\"n\">").Append(N(phase.Count(x => ActionGroup(x.ActionName) == g))).Append("</td>");
            b.Append("</tr>");
        }
        return b.Append("</table>").ToString();
    }

    private string StepTable(List<int> steps, int from, int to, bool anchors)
    {
        var plan = s.Plan!;
        var b = new StringBuilder(Head("#" + K("site.step"), K("site.phase"), K("site.action"), K("site.subject"), K("site.what-to-do-2"), K("site.after")));
        for (var i = from; i < to; i++)
        {
            var step = plan.Steps[steps[i]];
            b.Append(anchors ? $"<tr id=\"s-{step.Order}\">" : "<tr>");
            b.Append("<td class=\"n\"><a href=\"").Append(E(s.StepHome[step.Order - 1])).Append("#s-").Append(step.Order).Append("\">").Append(step.Order).Append("</a></td><td>")
                .Append(E(Planning.MigrationPlan.PhaseName(step.Phase)[lang])).Append("</td><td>").Append(E(Planning.MigrationPlan.ActionLabel(step.Action)[lang])).Append("</td><td>")
                .Append(s.Home.ContainsKey(step.Subject) ? Link(step.Subject) : $"<code>{E(step.Subject)}</code> <span class=\"muted\">{E(K("site.as-is"))}</span>")
                .Append("</td><td>").Append(E(step.Description[lang])).Append("</td><td>")
                .Append(string.Join(" ", step.After.Take(20).Select(a => $"<a href=\"{E(s.StepHome[a - 1])}#s-{a}\">{a}</a>"))).Append(step.After.Count > 20 ? " …" : "").Append("</td></tr>");
        }
        return b.Append("</table>").ToString();
    }

    private SiteOutput PlanPage(int page)
    {
        var plan = s.Plan!;
        var all = Enumerable.Range(0, plan.Steps.Count).ToList();
        var b = new StringBuilder("<h1>").Append(E(K("site.plan-from-the-as-is"))).Append("</h1>");
        b.Append("<p>").Append(E(KF("baseline-summary", s.Baseline!.Info.Name ?? s.Baseline.Info.Id, plan.Steps.Count))).Append("</p>");
        if (page == 0) b.Append(PlanSummary(all));
        var size = s.PageSizeOf("plan");
        b.Append(Pager("plan", plan.Steps.Count, page, size));
        b.Append(StepTable(all, page * size, Math.Min(all.Count, (page + 1) * size), anchors: true));
        return new SiteOutput(Layout(K("site.plan"), Crumbs(), b.ToString()));
    }

    // ───────────────────────────── search ─────────────────────────────

    private IEnumerable<SiteJob> SearchJobs()
    {
        var pages = new List<string>();
        var pageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var kinds = Enum.GetValues<ElementKind>();
        var entries = new List<string>();
        var json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _m.Elements)
        {
            if (!seen.Add(e.Id) || !s.Home.TryGetValue(e.Id, out var page)) continue;
            if (!pageIndex.TryGetValue(page, out var p))
            {
                pageIndex[page] = p = pages.Count;
                pages.Add(page);
            }
            var aliases = e is InformationSystem sys ? string.Join(" ", sys.Aliases) : "";
            var name = e is NamedElement ne ? ne.Name : "";
            entries.Add(JsonSerializer.Serialize(new object[] { e.Id, name, aliases, p, Array.IndexOf(kinds, e.Kind) }, json));
        }
        // Shards of about 512 KB, each a script that appends to one global: file:// pages cannot fetch JSON.
        var shards = new List<string>();
        var current = new StringBuilder();
        var bytes = 0;
        foreach (var entry in entries)
        {
            if (bytes > 512 * 1024)
            {
                shards.Add(current.ToString());
                current.Clear();
                bytes = 0;
            }
            bytes += Encoding.UTF8.GetByteCount(entry) + 2;
            current.Append(current.Length == 0 ? "" : ",\n").Append(entry);
        }
        shards.Add(current.ToString());
        var names = new List<string>();
        for (var i = 0; i < shards.Count; i++)
        {
            var name = $"search-index-{i + 1}.js";
            names.Add(name);
            var text = "window.ARCHMODEL_SEARCH = (window.ARCHMODEL_SEARCH || []).concat([\n" + shards[i] + "\n]);\n";
            yield return new SiteJob(name, () => new SiteOutput(text));
        }
        var meta = "window.ARCHMODEL_PAGES = " + JsonSerializer.Serialize(pages, json) + ";\nwindow.ARCHMODEL_KINDS = "
            + JsonSerializer.Serialize(kinds.Select(k => Labels.Of(k)[lang]).ToArray(), json) + ";\n";
        yield return new SiteJob("search-pages.js", () => new SiteOutput(meta));
        var body = "<h1>" + E(K("site.search")) + "</h1><p id=\"count\" data-empty=\"" + E(K("site.type-an-id-a-name"))
            + "\" data-found=\"" + E(K("site.0-found-at-most-500")) + "\"></p><ol id=\"results\"></ol>";
        var scripts = names.Prepend("search-pages.js").ToList();
        yield return new SiteJob("search.html", () => new SiteOutput(Layout(K("site.search"), Crumbs(), body, search: true, scripts)));
        // find.html#ID: the address reports link an element to (report --site-base, docs/documents.md): it goes on to the
        // page that holds the id, or says that the site has no such element.
        var find = "<h1>" + E(K("site.find-an-element")) + "</h1><p id=\"find\" data-missing=\""
            + E(K("site.this-site-has-no-element")) + "\"></p>";
        yield return new SiteJob("find.html", () => new SiteOutput(Layout(K("site.find-an-element"), Crumbs(), find, search: true, scripts)));
    }
}
