using System.Text;
using ArchModel.Analysis;
using ArchModel.Model;
using ArchModel.Planning;

namespace ArchModel.Site;

/// <summary>A jurisdiction of the site: a level of government and a region, with the agencies placed in it.</summary>
internal sealed class Jurisdiction
{
    public required string Key { get; init; }
    public AgencyLevel? Level { get; init; }
    public string? Region { get; init; }
    public required string File { get; set; }
    public string Name { get; set; } = "";
    public Agency? Government { get; set; }
    public List<Agency> Agencies { get; } = [];
    public Jurisdiction? Parent { get; set; }
    public List<Jurisdiction> Children { get; } = [];
    public List<InformationSystem> Systems { get; } = [];
    public List<DataResource> DataResources { get; } = [];
    public List<Service> Services { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Flow> FlowsOut { get; } = [];
    public List<Flow> FlowsIn { get; } = [];
    public List<int> Findings { get; } = [];
    public List<int> Steps { get; } = [];
    /// <summary>Flows with an end in this jurisdiction or below, for the diagram.</summary>
    public List<Flow> SubtreeFlows { get; } = [];
    public int Depth { get; set; }
}

/// <summary>A sector line (条): its head (an agency with agencies below it on its parent line and none above) and every agency below.</summary>
internal sealed class SectorLine
{
    public required Agency Head { get; init; }
    public required string File { get; init; }
    public required List<Agency> Members { get; init; }
    public List<int> VerticalFindings { get; } = [];
}

/// <summary>
/// Everything the pages need, computed once before any page is written: the jurisdictions and their tree, the
/// sector lines, the page every element lives on, and which findings and plan steps each jurisdiction shows.
/// </summary>
internal sealed class SiteStructure
{
    public const string UnplacedKey = "unplaced";

    public required ArchitectureModel Model { get; init; }
    public required AnalysisResult Analysis { get; init; }
    public required int PageSize { get; init; }
    public List<Jurisdiction> Jurisdictions { get; } = [];
    public List<Jurisdiction> Roots { get; } = [];
    public Dictionary<string, Jurisdiction> ByKey { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Jurisdiction> AgencyJurisdiction { get; } = new(StringComparer.Ordinal);
    public List<SectorLine> Lines { get; } = [];
    public Dictionary<string, SectorLine> LineByHead { get; } = new(StringComparer.Ordinal);
    /// <summary>The page (file name) each element id lives on, as <c>PAGE.html</c>; the anchor is the id.</summary>
    public Dictionary<string, string> Home { get; } = new(StringComparer.Ordinal);
    /// <summary>The unsuppressed findings naming each element, as indexes into the analysis' findings.</summary>
    public Dictionary<string, List<int>> FindingsOf { get; } = new(StringComparer.Ordinal);
    /// <summary>The page each finding lives on (a rule page), by index.</summary>
    public string[] FindingHome { get; private set; } = [];
    public SortedDictionary<string, List<int>> FindingsByRule { get; } = new(StringComparer.Ordinal);
    public MigrationPlan? Plan { get; init; }
    public ArchitectureModel? Baseline { get; init; }
    public string[] StepHome { get; private set; } = [];
    public List<int> UnplacedSteps { get; } = [];
    public HashSet<string> UsedFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>The sections of a jurisdiction page that can grow long, and so continue on pages of their own.</summary>
    public static readonly string[] Sections = ["agencies", "metrics", "systems", "flows-out", "flows-in", "data", "services", "projects", "findings", "plan"];

    public int Count(Jurisdiction j, string section) => section switch
    {
        "agencies" => j.Agencies.Count,
        "metrics" => j.Agencies.Count(a => Analysis.Metrics.Agencies.ContainsKey(a.Id)),
        "systems" => j.Systems.Count,
        "flows-out" => j.FlowsOut.Count,
        "flows-in" => j.FlowsIn.Count,
        "data" => j.DataResources.Count,
        "services" => j.Services.Count,
        "projects" => j.Projects.Count,
        "findings" => j.Findings.Count,
        "plan" => j.Steps.Count,
        _ => 0,
    };

    /// <summary>The page a section's <paramref name="index"/>th row is on.</summary>
    public string SectionPage(Jurisdiction j, string section, int index) =>
        !IsPaged(j, section) ? j.File + ".html" : $"{j.File}-{section}-{index / PageSizeOf(section) + 1}.html";

    /// <summary>Rows per page of a section: findings and plan steps are long rows (a message, many links), so fewer fit.</summary>
    public int PageSizeOf(string section) => section switch
    {
        "findings" => FindingPageSize,
        "plan" => Math.Max(10, PageSize / 2),
        _ => PageSize,
    };

    /// <summary>Findings per page (of a rule, or a jurisdiction's findings).</summary>
    public int FindingPageSize => Math.Max(10, PageSize / 4);

    private readonly Dictionary<Jurisdiction, HashSet<string>> _paged = [];

    /// <summary>
    /// Whether a section continues on pages of its own: when it is longer than a page, or when the sections left on
    /// the jurisdiction's page would hold more than two pages' rows together (the longest go first), so that no page
    /// grows past a few hundred rows.
    /// </summary>
    public bool IsPaged(Jurisdiction j, string section)
    {
        lock (_paged)
        {
            if (!_paged.TryGetValue(j, out var paged))
            {
                paged = new HashSet<string>(StringComparer.Ordinal);
                // A section's weight is its rows in units of an ordinary row.
                var counts = Sections.Select(x => (Section: x, Count: Count(j, x) * PageSize / PageSizeOf(x))).ToList();
                foreach (var (x, n) in counts.Where(c => c.Count > PageSize)) paged.Add(x);
                var inline = counts.Where(c => !paged.Contains(c.Section)).OrderByDescending(static c => c.Count).ToList();
                var total = inline.Sum(static c => c.Count);
                foreach (var (x, n) in inline)
                {
                    if (total <= 2 * PageSize) break;
                    paged.Add(x);
                    total -= n;
                }
                _paged[j] = paged;
            }
            return paged.Contains(section);
        }
    }

    public int PageCount(Jurisdiction j, string section) => IsPaged(j, section) ? (Count(j, section) + PageSizeOf(section) - 1) / PageSizeOf(section) : 0;

    public static string PagedFile(string stem, int count, int pageSize, int index) =>
        count <= pageSize || index < pageSize ? stem + ".html" : $"{stem}-{index / pageSize + 1}.html";

    public static SiteStructure Build(ArchitectureModel model, AnalysisResult analysis, SiteOptions options)
    {
        MigrationPlan? plan = null;
        if (options.Baseline is { } baseline)
        {
            plan = MigrationPlanner.Plan(ModelDiff.Compare(baseline, model));
        }
        var s = new SiteStructure { Model = model, Analysis = analysis, PageSize = Math.Max(10, options.PageSize), Plan = plan, Baseline = options.Baseline };
        s.UsedFiles.UnionWith(["index", "search", "capabilities", "networks", "platforms", "lines", "plan", "site"]);
        s.PlaceAgencies();
        s.BuildTree();
        s.PlaceElements();
        s.BuildLines();
        s.PlaceFindings();
        s.PlaceSteps();
        s.AssignHomes();
        return s;
    }

    /// <summary>A file name stem from a text: letters, digits, '-' and '_' kept, anything else as its code point; unique in the site.</summary>
    public string FileFor(string prefix, string text)
    {
        var b = new StringBuilder(prefix);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '_' || (rune.Value == '.' && b.Length > prefix.Length)))
            {
                b.Append(char.ToLowerInvariant((char)rune.Value));
            }
            else
            {
                b.Append('_').Append(rune.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        var stem = b.ToString();
        var candidate = stem;
        // File systems may fold case: a second stem equal but for case gets a number.
        for (var n = 2; !UsedFiles.Add(candidate); n++)
        {
            candidate = $"{stem}~{n}";
        }
        return candidate;
    }

    private Jurisdiction Get(string key, AgencyLevel? level, string? region)
    {
        if (!ByKey.TryGetValue(key, out var j))
        {
            j = new Jurisdiction { Key = key, Level = level, Region = region, File = "" };
            ByKey[key] = j;
        }
        return j;
    }

    private void PlaceAgencies()
    {
        foreach (var agency in Model.Agencies)
        {
            if (AgencyJurisdiction.ContainsKey(agency.Id))
            {
                continue;
            }
            // An agency without a region belongs to its nearest ancestor's jurisdiction.
            Jurisdiction j;
            if (agency.Jurisdiction is { } own)
            {
                j = Get(Key(own.Level, own.Region), own.Level, own.Region);
            }
            else if (Model.ParentChain(agency.Id).FirstOrDefault(static p => p.Jurisdiction is not null)?.Jurisdiction is { } up)
            {
                j = Get(Key(up.Level, up.Region), up.Level, up.Region);
            }
            else
            {
                j = Get(UnplacedKey, null, null);
            }
            AgencyJurisdiction[agency.Id] = j;
            j.Agencies.Add(agency);
        }
    }

    public static string Key(AgencyLevel level, string region) => $"{JsonNames.Of(level)}:{region}";

    private void BuildTree()
    {
        var ordered = ByKey.Values
            .OrderBy(static j => j.Level is null ? 1 : 0).ThenBy(static j => j.Level).ThenBy(static j => j.Region, StringComparer.Ordinal).ToList();
        foreach (var j in ordered)
        {
            j.Government = j.Agencies.FirstOrDefault(static a => a.AgencyKind == AgencyKind.Government && a.Region is not null);
            j.File = j.Level is { } level ? FileFor("j-" + JsonNames.Of(level) + "-", j.Region!) : FileFor("j-", UnplacedKey);
            // The parent jurisdiction: the one most of its agencies' parents are in, at a higher level; the government's parent decides first.
            var votes = new Dictionary<Jurisdiction, int>();
            foreach (var a in j.Agencies)
            {
                if (a.Parent is { } p && AgencyJurisdiction.TryGetValue(p, out var pj) && pj != j && pj.Level is { } pl && j.Level is { } jl && pl < jl)
                {
                    votes[pj] = votes.GetValueOrDefault(pj) + (a == j.Government ? 1_000_000 : 1);
                }
            }
            j.Parent = votes.OrderByDescending(static v => v.Value).ThenBy(static v => v.Key.Level).ThenBy(static v => v.Key.Region, StringComparer.Ordinal)
                .Select(static v => v.Key).FirstOrDefault();
        }
        foreach (var j in ordered)
        {
            (j.Parent?.Children ?? Roots).Add(j);
            Jurisdictions.Add(j);
        }
        foreach (var j in ordered)
        {
            var depth = 0;
            for (var p = j.Parent; p is not null && depth < 64; p = p.Parent)
            {
                depth++;
            }
            j.Depth = depth;
        }
    }

    public Jurisdiction? JurisdictionOfSystem(string? systemId) =>
        Model.GetSystem(systemId) is { } s && AgencyJurisdiction.TryGetValue(s.Owner, out var j) ? j : null;

    public Jurisdiction? JurisdictionOfAgency(string? agencyId) =>
        agencyId is not null && AgencyJurisdiction.TryGetValue(agencyId, out var j) ? j : null;

    /// <summary>The jurisdiction an element belongs to, when it has one.</summary>
    public Jurisdiction? JurisdictionOf(Element? e) => e switch
    {
        Agency a => JurisdictionOfAgency(a.Id),
        InformationSystem sys => JurisdictionOfAgency(sys.Owner),
        DataResource d => JurisdictionOfAgency(d.Owner),
        Service sv => JurisdictionOfAgency(sv.Provider),
        Project p => JurisdictionOfAgency(p.Agency),
        Flow f => JurisdictionOfSystem(f.From),
        Network n => JurisdictionOfAgency(n.Owner),
        Platform pl => JurisdictionOfAgency(pl.Owner),
        _ => null,
    };

    private void PlaceElements()
    {
        foreach (var sys in Model.Systems)
        {
            JurisdictionOfAgency(sys.Owner)?.Systems.Add(sys);
        }
        foreach (var d in Model.DataResources)
        {
            JurisdictionOfAgency(d.Owner)?.DataResources.Add(d);
        }
        foreach (var sv in Model.Services)
        {
            JurisdictionOfAgency(sv.Provider)?.Services.Add(sv);
        }
        foreach (var p in Model.Projects)
        {
            JurisdictionOfAgency(p.Agency)?.Projects.Add(p);
        }
        foreach (var f in Model.Flows)
        {
            var from = JurisdictionOfSystem(f.From);
            var to = JurisdictionOfSystem(f.To);
            from?.FlowsOut.Add(f);
            if (to is not null && to != from)
            {
                to.FlowsIn.Add(f);
            }
            // Every jurisdiction on either end's chain up draws the flow (once).
            var marked = new HashSet<Jurisdiction>();
            for (var j = from; j is not null && marked.Add(j); j = j.Parent)
            {
                j.SubtreeFlows.Add(f);
            }
            for (var j = to; j is not null && marked.Add(j); j = j.Parent)
            {
                j.SubtreeFlows.Add(f);
            }
        }
        foreach (var j in Jurisdictions)
        {
            j.Name = j.Government?.Name ?? "";
        }
    }

    private void AssignHomes()
    {
        foreach (var j in Jurisdictions)
        {
            for (var i = 0; i < j.Agencies.Count; i++) SetHome(j.Agencies[i].Id, SectionPage(j, "agencies", i));
            for (var i = 0; i < j.Systems.Count; i++) SetHome(j.Systems[i].Id, SectionPage(j, "systems", i));
            for (var i = 0; i < j.FlowsOut.Count; i++) SetHome(j.FlowsOut[i].Id, SectionPage(j, "flows-out", i));
            for (var i = 0; i < j.DataResources.Count; i++) SetHome(j.DataResources[i].Id, SectionPage(j, "data", i));
            for (var i = 0; i < j.Services.Count; i++) SetHome(j.Services[i].Id, SectionPage(j, "services", i));
            for (var i = 0; i < j.Projects.Count; i++) SetHome(j.Projects[i].Id, SectionPage(j, "projects", i));
        }
        for (var i = 0; i < Model.Capabilities.Count; i++) SetHome(Model.Capabilities[i].Id, PagedFile("capabilities", Model.Capabilities.Count, PageSize, i));
        for (var i = 0; i < Model.Networks.Count; i++) SetHome(Model.Networks[i].Id, PagedFile("networks", Model.Networks.Count, PageSize, i));
        for (var i = 0; i < Model.Platforms.Count; i++) SetHome(Model.Platforms[i].Id, PagedFile("platforms", Model.Platforms.Count, PageSize, i));
        // A flow whose systems are unknown (a model with load errors) is listed with the platforms' page's neighbours: networks.
        foreach (var f in Model.Flows)
        {
            SetHome(f.Id, "networks.html");
        }
    }

    private void SetHome(string id, string page) => Home.TryAdd(id, page);

    private void BuildLines()
    {
        foreach (var agency in Model.Agencies)
        {
            if ((agency.Parent is null || Model.GetAgency(agency.Parent) is null) && Model.ChildrenOf(agency.Id).Count > 0 && !LineByHead.ContainsKey(agency.Id))
            {
                var members = new List<Agency>();
                var seen = new HashSet<string>(StringComparer.Ordinal) { agency.Id };
                var queue = new Queue<Agency>();
                queue.Enqueue(agency);
                while (queue.Count > 0)
                {
                    var a = queue.Dequeue();
                    foreach (var c in Model.ChildrenOf(a.Id))
                    {
                        if (seen.Add(c.Id))
                        {
                            members.Add(c);
                            queue.Enqueue(c);
                        }
                    }
                }
                var line = new SectorLine { Head = agency, File = FileFor("line-", agency.Id), Members = members };
                Lines.Add(line);
                LineByHead[agency.Id] = line;
            }
        }
    }

    /// <summary>The head of the sector line an agency is on (the top of its parent chain), or <see langword="null"/> when it heads no line.</summary>
    public string? LineHeadOf(string agencyId)
    {
        var chain = Model.ParentChain(agencyId);
        var top = chain.Count > 0 ? chain[^1].Id : agencyId;
        return LineByHead.ContainsKey(top) ? top : null;
    }

    /// <summary>The kind of a duplicate finding (rules v2's <c>kind</c>), or <see langword="null"/>.</summary>
    public static string? DuplicateKind(Finding f) =>
        f.Rule is RuleCodes.DuplicateBuild or RuleCodes.ProbableDuplicate ? Text(f.Evidence, EvidenceKeys.DuplicateBuild.Kind) : null;

    private static string? Text(IReadOnlyDictionary<string, object?> evidence, string key) =>
        evidence.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Where a duplicate finding is anchored: its <c>anchor</c> evidence, or (rules v1) derived from its first system's owner.</summary>
    public (Jurisdiction? Jurisdiction, SectorLine? Line) AnchorOf(Finding f, string kind)
    {
        var anchor = Text(f.Evidence, EvidenceKeys.DuplicateBuild.Anchor);
        var firstOwner = f.Elements.Select(Model.GetSystem).FirstOrDefault(static s => s is not null)?.Owner;
        if (kind == "horizontal")
        {
            if (anchor is not null && ByKey.TryGetValue(anchor, out var j)) return (j, null);
            return (JurisdictionOfAgency(firstOwner), null);
        }
        if (kind == "vertical")
        {
            if (anchor is not null && LineByHead.TryGetValue(anchor, out var l)) return (JurisdictionOfAgency(anchor), l);
            var head = firstOwner is null ? null : LineHeadOf(firstOwner);
            return (JurisdictionOfAgency(head), head is null ? null : LineByHead[head]);
        }
        return (JurisdictionOfAgency(anchor ?? firstOwner), null);
    }

    private void PlaceFindings()
    {
        var findings = Analysis.Findings;
        FindingHome = new string[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (!FindingsByRule.TryGetValue(f.Rule, out var list))
            {
                FindingsByRule[f.Rule] = list = [];
            }
            list.Add(i);
        }
        foreach (var (rule, list) in FindingsByRule)
        {
            for (var k = 0; k < list.Count; k++)
            {
                FindingHome[list[k]] = PagedFile(RuleFile(rule), list.Count, FindingPageSize, k);
            }
        }
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.Suppressed)
            {
                continue;
            }
            var places = new HashSet<Jurisdiction>();
            foreach (var id in f.Elements)
            {
                if (!FindingsOf.TryGetValue(id, out var of))
                {
                    FindingsOf[id] = of = [];
                }
                of.Add(i);
                if (JurisdictionOf(Model.Find(id)) is { } j) places.Add(j);
            }
            if (DuplicateKind(f) is { } kind)
            {
                var (aj, line) = AnchorOf(f, kind);
                if (aj is not null) places.Add(aj);
                if (kind == "vertical" && line is not null) line.VerticalFindings.Add(i);
            }
            foreach (var j in places.OrderBy(static j => j.Key, StringComparer.Ordinal))
            {
                j.Findings.Add(i);
            }
        }
    }

    public string RuleFile(string rule) => "rule-" + new string([.. rule.Select(static c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    private void PlaceSteps()
    {
        if (Plan is null)
        {
            return;
        }
        StepHome = new string[Plan.Steps.Count];
        for (var i = 0; i < Plan.Steps.Count; i++)
        {
            StepHome[i] = PagedFile("plan", Plan.Steps.Count, PageSizeOf("plan"), i);
            var step = Plan.Steps[i];
            var element = Model.Find(step.Subject) ?? Baseline?.Find(step.Subject);
            var j = element switch
            {
                null => null,
                _ => JurisdictionOf(element) ?? (element is Agency ag && ag.Jurisdiction is { } own && ByKey.TryGetValue(Key(own.Level, own.Region), out var oj) ? oj : null),
            };
            if (j is null && element is InformationSystem bs && Baseline?.GetAgency(bs.Owner)?.Jurisdiction is { } bj)
            {
                ByKey.TryGetValue(Key(bj.Level, bj.Region), out j);
            }
            if (j is null) UnplacedSteps.Add(i);
            else j.Steps.Add(i);
        }
    }
}
