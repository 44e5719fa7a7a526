using ArchModel.Localization;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Interop;

/// <summary>How <see cref="ModelWriter"/> spreads a model over files.</summary>
public enum ModelSplit
{
    /// <summary>Everything in the root file.</summary>
    None,

    /// <summary>The root file (model, settings, targets, suppressions) and one file per element kind: <c>agencies.json</c>, <c>systems.json</c>, ….</summary>
    ByKind,

    /// <summary>
    /// The root file (model, settings, targets, suppressions, capabilities and every element without a region) and one
    /// file per region code under <c>regions/</c>: an agency by its <c>region</c>; a system, data resource, network, service
    /// or project by its owner's (provider's, agency's); a platform by its own <c>region</c>, else its owner's; a flow by
    /// its <c>from</c> system's owner's.
    /// </summary>
    ByRegion,
}

/// <summary>The order <see cref="ModelWriter"/> writes the elements of each list in.</summary>
public enum ElementOrder
{
    /// <summary>
    /// <see cref="AsDefined"/> for a model loaded from files (its <see cref="ArchitectureModel.Files"/> is not empty),
    /// <see cref="ById"/> for a model built in code, whose order is only the order of the calls that built it.
    /// </summary>
    Auto,

    /// <summary>The order of the model's lists: the order the elements were read (files in load order) or added.</summary>
    AsDefined,

    /// <summary>
    /// Ordinal order of ids. Flows whose id the loader generated follow the others in the model's order, so that the
    /// ids generated when the file is loaded again (<c>FROM-&gt;TO#N</c>, numbered in load order) are the same.
    /// </summary>
    ById,
}

/// <summary>Options for <see cref="ModelWriter"/>.</summary>
public sealed record ModelWriterOptions
{
    /// <summary>The defaults: one file, <see cref="ElementOrder.Auto"/>, no <c>$schema</c>.</summary>
    public static ModelWriterOptions Default { get; } = new();

    /// <summary>How to spread the model over files.</summary>
    public ModelSplit Split { get; init; } = ModelSplit.None;

    /// <summary>The order of the elements in each list.</summary>
    public ElementOrder Order { get; init; } = ElementOrder.Auto;

    /// <summary>
    /// The JSON Schema's path relative to the root file, written as each file's <c>$schema</c> (made relative to files
    /// in sub-folders); <see langword="null"/> writes none.
    /// </summary>
    public string? SchemaPath { get; init; }

    /// <summary>The root file's name (default <c>model.json</c>).</summary>
    public string RootFileName { get; init; } = "model.json";
}

/// <summary>One file <see cref="ModelWriter"/> wrote: its path relative to the root file's folder (forward slashes) and its UTF-8 bytes.</summary>
/// <param name="Path">The path relative to the root file's folder; the root file is first.</param>
/// <param name="Content">The file's bytes: UTF-8 without a byte order mark, <c>\n</c> line ends.</param>
public sealed record ModelFile(string Path, byte[] Content);

/// <summary>
/// Writes an <see cref="ArchitectureModel"/> as JSON in the model format (docs/model-format.md), for planners to keep in
/// git: deterministic (the same model gives the same bytes), one element per line, properties in the order the format's
/// reference lists them, values equal to the defaults left out. Loading what it writes gives an equal model.
/// </summary>
/// <remarks>
/// What a model does not keep is not written: locations, <c>$schema</c> (unless asked for) and the original files'
/// layout and includes. Flow ids the loader generated are left out, so they are generated again, equal. A model with
/// errors is written as it is, invalid references included. Thread-safe: the writer holds no state.
/// </remarks>
public static class ModelWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Writes the model as the files <paramref name="options"/> asks for, in memory; the root file first.</summary>
    public static IReadOnlyList<ModelFile> Write(ArchitectureModel model, ModelWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= ModelWriterOptions.Default;
        var order = options.Order == ElementOrder.Auto ? (model.Files.Count > 0 ? ElementOrder.AsDefined : ElementOrder.ById) : options.Order;
        var lists = new Lists(model, order);
        var files = new List<ModelFile>();
        switch (options.Split)
        {
            case ModelSplit.ByKind:
            {
                var parts = lists.Kinds().Where(static k => k.Items.Count > 0).ToList();
                var includes = parts.Select(static k => k.Key + ".json").ToList();
                files.Add(new ModelFile(options.RootFileName, Root(model, options.SchemaPath, includes, [], lists.Suppressions)));
                foreach (var part in parts)
                {
                    files.Add(new ModelFile(part.Key + ".json", Included(options.SchemaPath, 0, [part])));
                }
                break;
            }
            case ModelSplit.ByRegion:
            {
                var (rootLists, regions) = ByRegion(model, lists);
                var includes = regions.Select(static r => $"regions/{r.File}.json").ToList();
                files.Add(new ModelFile(options.RootFileName, Root(model, options.SchemaPath, includes, rootLists, lists.Suppressions)));
                foreach (var region in regions)
                {
                    files.Add(new ModelFile($"regions/{region.File}.json", Included(options.SchemaPath, 1, region.Lists)));
                }
                break;
            }
            default:
                files.Add(new ModelFile(options.RootFileName, Root(model, options.SchemaPath, [], lists.Kinds(), lists.Suppressions)));
                break;
        }
        return files;
    }

    /// <summary>Writes the whole model as one file to <paramref name="output"/> (<see cref="ModelWriterOptions.Split"/> must be <see cref="ModelSplit.None"/>).</summary>
    public static void Write(ArchitectureModel model, Stream output, ModelWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= ModelWriterOptions.Default;
        if (options.Split != ModelSplit.None)
        {
            throw new ArgumentException("A split model is several files: use Write(model, options) or WriteTo(model, folder, options).", nameof(options));
        }
        output.Write(Write(model, options)[0].Content);
    }

    /// <summary>The whole model as one JSON text (no split).</summary>
    public static string WriteString(ArchitectureModel model, ModelWriterOptions? options = null) =>
        Encoding.UTF8.GetString(Write(model, (options ?? ModelWriterOptions.Default) with { Split = ModelSplit.None })[0].Content);

    /// <summary>
    /// Writes the files into <paramref name="folder"/> (created when missing), each atomically (a temporary file in the
    /// same folder, then renamed); returns their full paths, root first.
    /// </summary>
    public static IReadOnlyList<string> WriteTo(ArchitectureModel model, string folder, ModelWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(folder);
        var written = new List<string>();
        foreach (var file in Write(model, options))
        {
            var full = Path.GetFullPath(Path.Combine(folder, file.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(temp, file.Content);
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
            written.Add(full);
        }
        return written;
    }

    // ---- the lists of a model, in the order written ----

    private sealed record KindList(string Key, IReadOnlyList<Element> Items);

    private sealed class Lists
    {
        public Lists(ArchitectureModel model, ElementOrder order)
        {
            Capabilities = Ordered(model.Capabilities, order);
            Agencies = Ordered(model.Agencies, order);
            Networks = Ordered(model.Networks, order);
            Platforms = Ordered(model.Platforms, order);
            Systems = Ordered(model.Systems, order);
            DataResources = Ordered(model.DataResources, order);
            Flows = Ordered(model.Flows, order);
            Services = Ordered(model.Services, order);
            Projects = Ordered(model.Projects, order);
            Suppressions = model.Suppressions;
        }

        public IReadOnlyList<Element> Capabilities { get; }
        public IReadOnlyList<Element> Agencies { get; }
        public IReadOnlyList<Element> Networks { get; }
        public IReadOnlyList<Element> Platforms { get; }
        public IReadOnlyList<Element> Systems { get; }
        public IReadOnlyList<Element> DataResources { get; }
        public IReadOnlyList<Element> Flows { get; }
        public IReadOnlyList<Element> Services { get; }
        public IReadOnlyList<Element> Projects { get; }
        public IReadOnlyList<Suppression> Suppressions { get; }

        /// <summary>Every kind's list, in the format's order of arrays.</summary>
        public List<KindList> Kinds() =>
        [
            new("capabilities", Capabilities), new("agencies", Agencies), new("networks", Networks), new("platforms", Platforms),
            new("systems", Systems), new("dataResources", DataResources), new("flows", Flows), new("services", Services),
            new("projects", Projects),
        ];

        private static IReadOnlyList<Element> Ordered<T>(IReadOnlyList<T> items, ElementOrder order) where T : Element
        {
            if (order != ElementOrder.ById)
            {
                return [.. items];
            }
            // Generated flow ids are numbered in load order: those flows keep theirs, after the others.
            var named = items.Where(static e => e is not Flow { IdGenerated: true }).OrderBy(static e => e.Id, StringComparer.Ordinal);
            return [.. named, .. items.Where(static e => e is Flow { IdGenerated: true })];
        }
    }

    private sealed record RegionPart(string File, List<KindList> Lists);

    private static (List<KindList> Root, List<RegionPart> Regions) ByRegion(ArchitectureModel model, Lists lists)
    {
        string? AgencyRegion(string? id) => model.GetAgency(id) is { Region: { Length: > 0 } region } ? region : null;
        string? RegionOf(Element e) => e switch
        {
            Agency a => string.IsNullOrEmpty(a.Region) ? null : a.Region,
            Platform p => string.IsNullOrEmpty(p.Region) ? AgencyRegion(p.Owner) : p.Region,
            Network n => AgencyRegion(n.Owner),
            InformationSystem s => AgencyRegion(s.Owner),
            DataResource d => AgencyRegion(d.Owner),
            Flow f => AgencyRegion(model.GetSystem(f.From)?.Owner),
            Service s => AgencyRegion(s.Provider),
            Project p => AgencyRegion(p.Agency),
            _ => null,
        };
        var root = new List<KindList>();
        var byRegion = new SortedDictionary<string, List<KindList>>(StringComparer.Ordinal);
        foreach (var kind in lists.Kinds())
        {
            var rootItems = new List<Element>();
            var regionItems = new Dictionary<string, List<Element>>(StringComparer.Ordinal);
            foreach (var element in kind.Items)
            {
                if (RegionOf(element) is { } region)
                {
                    if (!regionItems.TryGetValue(region, out var list))
                    {
                        regionItems[region] = list = [];
                    }
                    list.Add(element);
                }
                else
                {
                    rootItems.Add(element);
                }
            }
            root.Add(new KindList(kind.Key, rootItems));
            foreach (var (region, items) in regionItems)
            {
                if (!byRegion.TryGetValue(region, out var parts))
                {
                    byRegion[region] = parts = [];
                }
                parts.Add(new KindList(kind.Key, items));
            }
        }
        // A region code becomes a file name: characters other than letters, digits, '-' and '_' become '_', and two
        // codes that come out the same are told apart by a number.
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var regions = new List<RegionPart>();
        foreach (var (region, parts) in byRegion)
        {
            var stem = new string([.. region.Select(static c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
            var name = stem;
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{stem}-{n}";
            }
            regions.Add(new RegionPart(name, parts));
        }
        return (root, regions);
    }

    // ---- files ----

    private static byte[] Root(ArchitectureModel model, string? schema, IReadOnlyList<string> includes, IReadOnlyList<KindList> kinds,
        IReadOnlyList<Suppression> suppressions)
    {
        var w = new StringBuilder();
        w.Append("{\n");
        var first = true;
        if (schema is not null)
        {
            Top(w, ref first, "$schema").Append(Quote(schema));
        }
        Top(w, ref first, "formatVersion").Append("\"1\"");
        var info = new Line();
        info.String("id", model.Info.Id).String("name", model.Info.Name).String("description", model.Info.Description)
            .String("language", model.Info.Language.ToTag())
            .String("asOf", model.Info.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (model.Info.Milestones.Count > 0)
        {
            // Milestones live in the root file's model object only (docs/model-format.md): written back as read.
            info.Raw("milestones", "[" + string.Join(", ", model.Info.Milestones.Select(static m => new Line()
                .String("id", m.Id).String("name", m.Name).String("date", m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .String("phase", m.Phase is { } p ? JsonNames.Of(p) : null).String("description", m.Description).Close())) + "]");
        }
        Top(w, ref first, "model").Append(info.Close());
        if (includes.Count > 0)
        {
            Top(w, ref first, "includes").Append("[\n");
            for (var i = 0; i < includes.Count; i++)
            {
                w.Append("    ").Append(Quote(includes[i])).Append(i + 1 < includes.Count ? ",\n" : "\n");
            }
            w.Append("  ]");
        }
        if (Settings(model.Settings) is { } settings)
        {
            Top(w, ref first, "settings").Append(settings);
        }
        if (model.Targets.Count > 0)
        {
            var targets = new Line();
            foreach (var (metric, value) in model.Targets)
            {
                targets.Number(metric, value);
            }
            Top(w, ref first, "targets").Append(targets.Close());
        }
        WriteLists(w, ref first, kinds);
        if (suppressions.Count > 0)
        {
            Top(w, ref first, "suppressions").Append("[\n");
            for (var i = 0; i < suppressions.Count; i++)
            {
                var s = suppressions[i];
                var line = new Line().String("rule", s.Rule).Strings("elements", s.Elements ?? [], always: true).String("justification", s.Justification);
                w.Append("    ").Append(line.Close()).Append(i + 1 < suppressions.Count ? ",\n" : "\n");
            }
            w.Append("  ]");
        }
        w.Append("\n}\n");
        return new UTF8Encoding(false).GetBytes(w.ToString());
    }

    private static byte[] Included(string? schema, int depth, IReadOnlyList<KindList> kinds)
    {
        var w = new StringBuilder();
        w.Append("{\n");
        var first = true;
        if (schema is not null)
        {
            Top(w, ref first, "$schema").Append(Quote(string.Concat(Enumerable.Repeat("../", depth)) + schema));
        }
        Top(w, ref first, "formatVersion").Append("\"1\"");
        WriteLists(w, ref first, kinds);
        w.Append("\n}\n");
        return new UTF8Encoding(false).GetBytes(w.ToString());
    }

    private static StringBuilder Top(StringBuilder w, ref bool first, string key)
    {
        if (!first)
        {
            w.Append(",\n");
        }
        first = false;
        return w.Append("  ").Append(Quote(key)).Append(": ");
    }

    private static void WriteLists(StringBuilder w, ref bool first, IReadOnlyList<KindList> kinds)
    {
        foreach (var kind in kinds)
        {
            if (kind.Items.Count == 0)
            {
                continue;
            }
            Top(w, ref first, kind.Key).Append("[\n");
            for (var i = 0; i < kind.Items.Count; i++)
            {
                w.Append("    ").Append(ElementLine(kind.Items[i])).Append(i + 1 < kind.Items.Count ? ",\n" : "\n");
            }
            w.Append("  ]");
        }
    }

    private static string? Settings(ModelSettings s)
    {
        var d = ModelSettings.Default;
        var line = new Line();
        if (!s.DuplicateNameSimilarity.Equals(d.DuplicateNameSimilarity)) line.Number("duplicateNameSimilarity", s.DuplicateNameSimilarity);
        if (s.ZombieMonthlyActiveUsers != d.ZombieMonthlyActiveUsers) line.Integer("zombieMonthlyActiveUsers", s.ZombieMonthlyActiveUsers);
        if (s.ExposureMinProtectionLevel != d.ExposureMinProtectionLevel) line.Integer("exposureMinProtectionLevel", s.ExposureMinProtectionLevel);
        if (s.LocalizationMinProtectionLevel != d.LocalizationMinProtectionLevel) line.Integer("localizationMinProtectionLevel", s.LocalizationMinProtectionLevel);
        if (s.Severity.Count > 0)
        {
            var severity = new Line();
            foreach (var (rule, value) in s.Severity.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
            {
                severity.String(rule, JsonNames.Of(value));
            }
            line.Raw("severity", severity.Close());
        }
        return line.IsEmpty ? null : line.Close();
    }

    /// <summary>One element as one line of JSON, properties in the order of docs/model-format.md, defaults left out.</summary>
    internal static string ElementLine(Element element)
    {
        var line = new Line();
        switch (element)
        {
            case Capability c:
                line.String("id", c.Id).String("name", c.Name).String("parent", c.Parent).Bool("shareable", c.Shareable);
                break;
            case Agency a:
                line.String("id", a.Id).String("name", a.Name).String("level", JsonNames.Of(a.Level)).String("region", a.Region)
                    .String("sector", a.Sector).String("parent", a.Parent);
                if (a.AgencyKind != AgencyKind.Department) line.String("kind", JsonNames.Of(a.AgencyKind));
                break;
            case Network n:
                line.String("id", n.Id).String("name", n.Name).String("kind", JsonNames.Of(n.NetworkKind));
                if (n.Classified is { } classified) line.Raw("classified", classified ? "true" : "false");
                line.String("owner", n.Owner);
                if (n.Links.Count > 0)
                {
                    line.Raw("links", "[" + string.Join(", ", n.Links.Select(static l =>
                        new Line().String("to", l.To).String("via", JsonNames.Of(l.Via)).Close())) + "]");
                }
                break;
            case Platform p:
                line.String("id", p.Id).String("name", p.Name).String("kind", JsonNames.Of(p.PlatformKind)).Bool("shared", p.Shared)
                    .String("owner", p.Owner).String("region", p.Region).Strings("networks", p.Networks);
                break;
            case InformationSystem s:
                line.String("id", s.Id).String("name", s.Name).String("owner", s.Owner).Strings("aliases", s.Aliases)
                    .Strings("capabilities", s.Capabilities);
                if (s.Status != SystemStatus.Operational) line.String("status", JsonNames.Of(s.Status));
                line.Strings("usedBy", s.UsedBy).Strings("networks", s.Networks).String("hosting", s.Hosting);
                if (s.Usage is { } usage)
                {
                    var u = new Line();
                    if (usage.RegisteredUsers is { } registered) u.Integer("registeredUsers", registered);
                    if (usage.MonthlyActiveUsers is { } monthly) u.Integer("monthlyActiveUsers", monthly);
                    line.Raw("usage", u.Close());
                }
                if (s.Cost is { } cost)
                {
                    var c = new Line();
                    if (cost.Build is { } build) c.Number("build", build);
                    if (cost.AnnualOperation is { } annual) c.Number("annualOperation", annual);
                    line.Raw("cost", c.Close());
                }
                if (s.ProtectionLevel is { } level) line.Integer("protectionLevel", level);
                if (s.Components.Count > 0)
                {
                    line.Raw("components", "[" + string.Join(", ", s.Components.Select(static c =>
                    {
                        var l = new Line().String("name", c.Name);
                        if (c.Category is { } category) l.String("category", JsonNames.Of(category));
                        if (c.Origin != ComponentOrigin.Unknown) l.String("origin", JsonNames.Of(c.Origin));
                        return l.String("vendor", c.Vendor).Close();
                    })) + "]");
                }
                line.Strings("holds", s.Holds).String("project", s.Project).Bool("standalone", s.Standalone);
                break;
            case DataResource d:
                line.String("id", d.Id).String("name", d.Name).String("owner", d.Owner);
                if (d.Category is { } category) line.String("category", JsonNames.Of(category));
                if (d.Sharing != SharingLevel.Conditional) line.String("sharing", JsonNames.Of(d.Sharing));
                line.Bool("open", d.Open).Bool("classified", d.Classified);
                break;
            case Flow f:
                if (!f.IdGenerated) line.String("id", f.Id);
                line.String("from", f.From).String("to", f.To).Strings("carries", f.Carries).Strings("via", f.Via);
                if (f.Mode is { } mode) line.String("mode", JsonNames.Of(mode));
                if (f.Status != FlowStatus.Active) line.String("status", JsonNames.Of(f.Status));
                break;
            case Service s:
                line.String("id", s.Id).String("name", s.Name).String("provider", s.Provider).Strings("systems", s.Systems)
                    .Strings("channels", [.. s.Channels.Select(static c => JsonNames.Of(c))]);
                break;
            case Project p:
                line.String("id", p.Id).String("name", p.Name).String("agency", p.Agency);
                if (p.Budget is { } budget) line.Number("budget", budget);
                if (p.Year is { } year) line.Integer("year", year);
                if (p.Stage is { } stage) line.String("stage", JsonNames.Of(stage));
                line.Strings("delivers", p.Delivers);
                break;
        }
        line.String("description", element.Description).Strings("tags", element.Tags).Strings("formerIds", element.FormerIds);
        if (element.Properties.Count > 0)
        {
            var properties = new Line();
            foreach (var (key, value) in element.Properties.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
            {
                switch (value)
                {
                    case bool b: properties.Raw(key, b ? "true" : "false"); break;
                    case double d: properties.Number(key, d); break;
                    case string text: properties.String(key, text); break;
                    default: properties.Number(key, Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
                }
            }
            line.Raw("properties", properties.Close());
        }
        return line.Close();
    }

    /// <summary>A JSON string literal; CJK and other letters as they are, as the project's other JSON outputs write them.</summary>
    internal static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, Encoder).ToString() + "\"";

    /// <summary>A number as JSON writes it: the shortest text that reads back as the same double.</summary>
    internal static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One JSON object on one line: <c>{ "id": "a", "name": "b" }</c>.</summary>
    private sealed class Line
    {
        private readonly StringBuilder _text = new("{ ");
        private bool _any;

        public bool IsEmpty => !_any;

        public Line Raw(string key, string json)
        {
            if (_any)
            {
                _text.Append(", ");
            }
            _any = true;
            _text.Append(Quote(key)).Append(": ").Append(json);
            return this;
        }

        public Line String(string key, string? value) => value is null ? this : Raw(key, Quote(value));

        public Line Bool(string key, bool value) => value ? Raw(key, "true") : this;

        public Line Number(string key, double value) => Raw(key, FormatNumber(value));

        public Line Integer(string key, long value) => Raw(key, value.ToString(CultureInfo.InvariantCulture));

        public Line Strings(string key, IReadOnlyList<string> values, bool always = false) =>
            values.Count == 0 && !always ? this : Raw(key, "[" + string.Join(", ", values.Select(Quote)) + "]");

        public string Close() => _any ? _text.Append(" }").ToString() : "{}";
    }
}
