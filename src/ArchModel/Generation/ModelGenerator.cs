using System.Globalization;
using System.Text;
using System.Text.Json;
using ArchModel.Output;

namespace ArchModel.Generation;

/// <summary>
/// Writes deterministic synthetic models of a realistic shape, for demos and benchmarks: national →
/// provincial → municipal → county governments with a department per sector, sector lines, the unified
/// networks and dedicated ones, shared clouds and self-built data centres, systems with capabilities,
/// usage, costs and components, flows mostly within a jurisdiction and along sector lines — and a
/// planted share of duplicates, silos, unused systems and security problems. The result validates
/// with no errors.
/// </summary>
/// <remarks>The same options always give byte-identical files (a seeded generator, ordinal ids, fixed formatting).</remarks>
public static class ModelGenerator
{
    /// <summary>The sectors (条) departments belong to; a government has one department per sector.</summary>
    public static IReadOnlyList<(string Code, string Name)> Sectors { get; } =
    [
        ("ps", "公安"), ("hrss", "人力资源社会保障"), ("health", "卫生健康"), ("edu", "教育"), ("amr", "市场监管"),
        ("nr", "自然资源"), ("civil", "民政"), ("fin", "财政"), ("tax", "税务"), ("trans", "交通运输"),
        ("housing", "住房城乡建设"), ("agri", "农业农村"), ("water", "水利"), ("commerce", "商务"), ("culture", "文化旅游"),
        ("emergency", "应急管理"), ("env", "生态环境"), ("stats", "统计"), ("audit", "审计"), ("justice", "司法"),
        ("drc", "发展改革"), ("miit", "工业和信息化"), ("sci", "科技"), ("veterans", "退役军人事务"), ("medins", "医疗保障"),
        ("forest", "林业和草原"), ("sport", "体育"), ("petition", "信访"), ("archives", "档案"), ("affairs", "机关事务"),
        ("airdef", "人民防空"), ("weather", "气象"), ("quake", "地震"), ("grain", "粮食和物资储备"), ("sasac", "国有资产监督管理"),
        ("foreign", "外事"), ("ethnic", "民族宗教"), ("ip", "知识产权"), ("radio", "广播电视"), ("gov-data", "政务服务和数据管理"),
    ];

    private static readonly (string Id, string Name, bool Shareable)[] CommonCapabilities =
    [
        ("cap.oa", "协同办公", true), ("cap.video", "视频会议", true), ("cap.seal", "电子印章", true), ("cap.portal", "门户网站", true),
        ("cap.exchange", "数据共享交换", true), ("cap.approval", "行政审批", false), ("cap.archive", "电子档案", true), ("cap.hotline", "政务热线", true),
    ];

    private static readonly (string Level, string Name)[] Levels =
        [("national", "国家级"), ("provincial", "省级"), ("municipal", "市级"), ("county", "县级")];

    private static readonly string[] Categories = ["population", "legal-entity", "geospatial", "economy", "credit", "license", "other"];
    private static readonly string[] ComponentCategories = ["chip", "server", "os", "database", "middleware", "office", "security"];

    /// <summary>
    /// The most agencies the generator writes: beyond it the synthetic and realistic shapes run out of region
    /// codes (99 prefectures a province), and a model would take tens of gigabytes of memory to load.
    /// </summary>
    public const int MaxAgencies = 1_000_000;

    /// <summary>
    /// Writes the model into <paramref name="folder"/>: <c>model.json</c>, and with <see cref="GeneratorOptions.SplitByRegion"/>
    /// (or when one file would exceed <see cref="GeneratorOptions.MaxFileBytes"/>) one file per province or part under <c>regions/</c>.
    /// </summary>
    /// <returns>The files written, root first, and the number of elements.</returns>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxAgencies"/> agencies.</exception>
    public static GeneratedModel WriteTo(string folder, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return WriteTo(Path.Combine(folder, "model.json"), "regions", options);
    }

    /// <summary>
    /// Writes the model with its root file at <paramref name="rootPath"/>; when split (<see cref="GeneratorOptions.SplitByRegion"/>,
    /// or one file would exceed <see cref="GeneratorOptions.MaxFileBytes"/>), the other files go into the folder
    /// <paramref name="partsFolder"/> next to the root file, which includes them with <c>partsFolder/*.json</c>.
    /// </summary>
    /// <returns>The files written, root first, and the number of elements.</returns>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxAgencies"/> agencies.</exception>
    public static GeneratedModel WriteTo(string rootPath, string partsFolder, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(rootPath);
        ArgumentNullException.ThrowIfNull(partsFolder);
        Check(options);
        var folder = Path.GetDirectoryName(Path.GetFullPath(rootPath))!;
        Directory.CreateDirectory(folder);
        var split = WouldSplit(options);
        if (options.Shape != GeneratorShape.Synthetic)
        {
            return ShapedWriter.WriteTo(rootPath, folder, partsFolder, ShapedModel.Create(options), options, split);
        }
        var plan = Plan.Create(options);
        var files = new List<string>();
        long elements = 0;
        if (!split)
        {
            elements += WriteAtomically(rootPath, w => WriteRoot(w, plan, options, includes: null, plan.Provinces));
            files.Add(rootPath);
            return new GeneratedModel(files, elements);
        }
        elements += WriteAtomically(rootPath, w => WriteRoot(w, plan, options, includes: $"{partsFolder}/*.json", []));
        files.Add(rootPath);
        Directory.CreateDirectory(Path.Combine(folder, partsFolder));
        foreach (var province in plan.Provinces)
        {
            var path = Path.Combine(folder, partsFolder, $"{province.Region}.json");
            elements += WriteAtomically(path, w =>
            {
                w.WriteStartObject();
                w.WriteString("$schema", "../../schema/archmodel.schema.json");
                w.WriteString("formatVersion", "1");
                return WriteUnits(w, plan, [province]);
            });
            files.Add(path);
        }
        return new GeneratedModel(files, elements);
    }

    /// <summary>Writes the whole model as one JSON document to <paramref name="output"/>, however large.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxAgencies"/> agencies.</exception>
    public static long Write(Stream output, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        Check(options);
        if (options.Shape != GeneratorShape.Synthetic)
        {
            using var writer = new Utf8JsonWriter(output, CompactOptions);
            var written = ShapedWriter.WriteRoot(writer, ShapedModel.Create(options), options, includes: null, allParts: true);
            writer.Flush();
            return written;
        }
        var plan = Plan.Create(options with { SplitByRegion = false });
        using var w = new Utf8JsonWriter(output, JsonOutput.WriterOptions);
        var count = WriteRoot(w, plan, options, includes: null, plan.Provinces);
        w.Flush();
        return count;
    }

    /// <summary>How many agencies the options give.</summary>
    public static int AgencyCount(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Shape == GeneratorShape.Synthetic ? Plan.Create(options).AgencyCount : ShapedModel.Create(options).AgencyCount;
    }

    /// <summary>
    /// About how many bytes the model takes as one file (from the agencies and each shape's measured bytes per
    /// agency, with a fifth to spare), to decide whether to split it.
    /// </summary>
    public static long EstimatedBytes(GeneratorOptions options) => (long)(AgencyCount(options) * BytesPerAgency(options.Shape) * 1.2);

    /// <summary>Whether <see cref="WriteTo(string, GeneratorOptions)"/> writes several files: when asked to, or when one file would exceed <see cref="GeneratorOptions.MaxFileBytes"/>.</summary>
    public static bool WouldSplit(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SplitByRegion || EstimatedBytes(options) > options.MaxFileBytes;
    }

    // Measured at 10,000 to 100,000 agencies with seed 1 (indented JSON, UTF-8).
    private static double BytesPerAgency(GeneratorShape shape) => shape switch
    {
        GeneratorShape.Realistic => 1_600,
        GeneratorShape.HugeJurisdictions => 17_000,
        GeneratorShape.DeepLines => 1_150,
        GeneratorShape.UniformNames => 1_300,
        _ => 3_400,
    };

    private static void Check(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Agencies is > MaxAgencies)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Agencies, $"at most {MaxAgencies} agencies");
        }
    }

    /// <summary>
    /// How the shaped models are written: compact, as large models exported by other tools are. The realistic
    /// shape then takes about 190 bytes an element, as the national model measured in the field did.
    /// </summary>
    internal static JsonWriterOptions CompactOptions { get; } = JsonOutput.WriterOptions with { Indented = false };

    internal static long WriteAtomically(string path, Func<Utf8JsonWriter, long> write, JsonWriterOptions? writerOptions = null)
    {
        var temp = path + ".tmp";
        long count;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new Utf8JsonWriter(stream, writerOptions ?? JsonOutput.WriterOptions))
        {
            count = write(w);
            w.Flush();
        }
        File.Move(temp, path, overwrite: true);
        return count;
    }

    private static long WriteRoot(Utf8JsonWriter w, Plan plan, GeneratorOptions options, string? includes, IReadOnlyList<Unit> provinces)
    {
        // The synthetic shape's bytes stay as they were before shapes existed: model ids and names unchanged.
        w.WriteStartObject();
        w.WriteString("$schema", "../schema/archmodel.schema.json");
        w.WriteString("formatVersion", "1");
        w.WriteStartObject("model");
        w.WriteString("id", $"generated-{JsonNamesOf(options)}-{options.Seed}");
        w.WriteString("name", $"合成模型（{plan.AgencyCount} 个机构，种子 {options.Seed}）");
        w.WriteString("description", "由 archmodel generate 生成的合成模型，用于演示和性能测试。");
        w.WriteString("language", "zh-CN");
        w.WriteString("asOf", "2016-04-08");
        w.WriteEndObject();
        if (includes is not null)
        {
            w.WriteStartArray("includes");
            w.WriteStringValue(includes);
            w.WriteEndArray();
        }
        w.WriteStartObject("targets");
        w.WriteNumber("duplicateRate", 0.05);
        w.WriteNumber("isolationRate", 0.02);
        w.WriteNumber("cloudRate", 0.9);
        w.WriteNumber("sharingRate", 0.9);
        w.WriteNumber("unifiedNetworkRate", 0.85);
        w.WriteNumber("domesticRate", 0.8);
        w.WriteEndObject();
        long count = 0;

        w.WriteStartArray("capabilities");
        foreach (var (id, name, shareable) in CommonCapabilities)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteBoolean("shareable", shareable);
            w.WriteEndObject();
            count++;
        }
        foreach (var (code, name) in plan.Sectors)
        {
            // Each level of a sector line has its own business: the same capability at two levels would be a duplicate build.
            foreach (var (level, levelName) in Levels)
            {
                w.WriteStartObject();
                w.WriteString("id", $"cap.{code}.{level}");
                w.WriteString("name", $"{name}{levelName}业务管理");
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteString("id", $"cap.{code}.{level}.service");
                w.WriteString("name", $"{name}{levelName}监管服务");
                w.WriteEndObject();
                count += 2;
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("networks");
        Network(w, "net.intranet", "国家电子政务内网", "intranet", null);
        Network(w, "net.extranet", "国家电子政务外网", "extranet", null);
        Network(w, "net.internet", "互联网", "internet", null);
        count += 3;
        for (var i = 0; i < plan.DedicatedNetworks; i++)
        {
            var (code, name) = plan.Sectors[i];
            w.WriteStartObject();
            w.WriteString("id", $"net.{code}");
            w.WriteString("name", $"{name}业务专网");
            w.WriteString("kind", "dedicated");
            var classified = i % 4 == 0;
            w.WriteBoolean("classified", classified);
            w.WriteString("owner", $"ag.100000.{code}");
            // Most dedicated networks are linked to the unified one of their classification; a few stay islands,
            // and one classified network is joined to the extranet without an isolation device.
            if (i % 5 != 4)
            {
                w.WriteStartArray("links");
                w.WriteStartObject();
                w.WriteString("to", classified && i != 0 ? "net.intranet" : "net.extranet");
                w.WriteString("via", classified && i != 0 ? "isolation" : "gateway");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
            count++;
        }
        w.WriteEndArray();

        count += WriteUnits(w, plan, [plan.National, .. provinces], closeRoot: false);
        w.WriteEndObject();
        return count;
    }

    private static void Network(Utf8JsonWriter w, string id, string name, string kind, string? owner)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteString("kind", kind);
        if (owner is not null)
        {
            w.WriteString("owner", owner);
        }
        w.WriteEndObject();
    }

    /// <summary>Writes the agencies, platforms, systems, data, flows, services and projects of some units and their descendants.</summary>
    private static long WriteUnits(Utf8JsonWriter w, Plan plan, IReadOnlyList<Unit> tops, bool closeRoot = true)
    {
        var units = tops.SelectMany(static u => u.SelfAndDescendants()).ToList();
        long count = 0;

        w.WriteStartArray("agencies");
        foreach (var unit in units)
        {
            JsonOutput.FlushWhenFull(w);
            foreach (var agency in plan.AgenciesOf(unit))
            {
                w.WriteStartObject();
                w.WriteString("id", agency.Id);
                w.WriteString("name", agency.Name);
                w.WriteString("level", unit.Level);
                w.WriteString("region", unit.Region);
                if (agency.Sector is not null)
                {
                    w.WriteString("sector", agency.Sector);
                }
                if (agency.Parent is not null)
                {
                    w.WriteString("parent", agency.Parent);
                }
                w.WriteString("kind", agency.Sector is null ? "government" : "department");
                w.WriteEndObject();
                count++;
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("platforms");
        foreach (var unit in units)
        {
            JsonOutput.FlushWhenFull(w);
            if (unit.Level is "provincial" or "municipal" or "national")
            {
                w.WriteStartObject();
                w.WriteString("id", $"plat.{unit.Region}.cloud");
                w.WriteString("name", $"{unit.Name}政务云");
                w.WriteString("kind", "cloud");
                w.WriteBoolean("shared", true);
                w.WriteString("owner", $"ag.{unit.Region}.gov");
                w.WriteString("region", unit.Region);
                w.WriteStartArray("networks");
                w.WriteStringValue("net.extranet");
                w.WriteEndArray();
                w.WriteEndObject();
                count++;
            }
            foreach (var dc in plan.DataCentresOf(unit))
            {
                w.WriteStartObject();
                w.WriteString("id", dc.Id);
                w.WriteString("name", dc.Name);
                w.WriteString("kind", "datacenter");
                w.WriteString("owner", dc.Owner);
                w.WriteEndObject();
                count++;
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("systems");
        foreach (var unit in units)
        {
            JsonOutput.FlushWhenFull(w);
            foreach (var s in plan.SystemsOf(unit))
            {
                WriteSystem(w, s);
                count++;
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("dataResources");
        foreach (var unit in units)
        {
            JsonOutput.FlushWhenFull(w);
            foreach (var agency in plan.AgenciesOf(unit).Where(static a => a.Sector is not null))
            {
                var random = plan.RandomFor(agency.Id, 3);
                w.WriteStartObject();
                w.WriteString("id", $"res.{agency.Key}");
                w.WriteString("name", $"{agency.Name}业务数据");
                w.WriteString("owner", agency.Id);
                w.WriteString("category", Categories[(agency.SectorIndex + random.Next(2)) % Categories.Length]);
                var sharing = random.Next(10);
                w.WriteString("sharing", sharing < 4 ? "unconditional" : sharing < 9 ? "conditional" : "none");
                w.WriteBoolean("open", sharing < 3);
                if (agency.SectorIndex == 0 && random.Next(4) == 0)
                {
                    w.WriteBoolean("classified", true);
                }
                w.WriteEndObject();
                count++;
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("flows");
        foreach (var unit in units)
        {
            JsonOutput.FlushWhenFull(w);
            foreach (var flow in plan.FlowsOf(unit))
            {
                WriteFlow(w, flow);
                count++;
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("services");
        foreach (var unit in units.Where(static u => u.Level is "county" or "municipal"))
        {
            var random = plan.RandomFor(unit.Region, 5);
            w.WriteStartObject();
            w.WriteString("id", $"svc.{unit.Region}.one-stop");
            w.WriteString("name", $"{unit.Name}一网通办");
            w.WriteString("provider", $"ag.{unit.Region}.gov");
            w.WriteStartArray("systems");
            w.WriteStringValue($"sys.{unit.Region}.gov.1");
            w.WriteEndArray();
            w.WriteStartArray("channels");
            w.WriteStringValue("counter");
            if (random.Next(10) < 7)
            {
                w.WriteStringValue("web");
            }
            if (random.Next(10) < 4)
            {
                w.WriteStringValue("wechat");
            }
            w.WriteEndArray();
            w.WriteEndObject();
            count++;
        }
        w.WriteEndArray();

        w.WriteStartArray("projects");
        foreach (var unit in units)
        {
            JsonOutput.FlushWhenFull(w);
            foreach (var agency in plan.AgenciesOf(unit).Where(static a => a.Sector is not null && a.SectorIndex % 8 == 0))
            {
                var random = plan.RandomFor(agency.Id, 6);
                w.WriteStartObject();
                w.WriteString("id", $"proj.{agency.Key}");
                w.WriteString("name", $"{agency.Name}信息化建设项目");
                w.WriteString("agency", agency.Id);
                w.WriteNumber("budget", 500_000 + random.Next(50) * 100_000);
                w.WriteNumber("year", 2012 + random.Next(5));
                w.WriteString("stage", random.Next(10) == 0 ? "evaluated" : "accepted");
                if (random.Next(12) != 0)
                {
                    w.WriteStartArray("delivers");
                    w.WriteStringValue($"sys.{agency.Key}.1");
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                count++;
            }
        }
        w.WriteEndArray();

        if (closeRoot)
        {
            w.WriteEndObject();
        }
        return count;
    }

    private static void WriteSystem(Utf8JsonWriter w, SystemPlan s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("owner", s.Owner);
        w.WriteStartArray("capabilities");
        w.WriteStringValue(s.Capability);
        w.WriteEndArray();
        if (s.Status != "operational")
        {
            w.WriteString("status", s.Status);
        }
        w.WriteStartArray("networks");
        foreach (var n in s.Networks)
        {
            w.WriteStringValue(n);
        }
        w.WriteEndArray();
        if (s.Hosting is not null)
        {
            w.WriteString("hosting", s.Hosting);
        }
        w.WriteStartObject("usage");
        w.WriteNumber("registeredUsers", s.Users);
        w.WriteNumber("monthlyActiveUsers", s.ActiveUsers);
        w.WriteEndObject();
        w.WriteStartObject("cost");
        w.WriteNumber("build", s.Build);
        w.WriteNumber("annualOperation", s.Operation);
        w.WriteEndObject();
        w.WriteNumber("protectionLevel", s.ProtectionLevel);
        w.WriteStartArray("components");
        foreach (var (category, foreign) in s.Components)
        {
            w.WriteStartObject();
            w.WriteString("name", $"{category}-{(foreign ? "f" : "d")}");
            w.WriteString("category", category);
            w.WriteString("origin", foreign ? "foreign" : "domestic");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (s.Holds is not null)
        {
            w.WriteStartArray("holds");
            w.WriteStringValue(s.Holds);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>Writes one generated flow (the same fields for every shape).</summary>
    internal static void WriteFlow(Utf8JsonWriter w, GenFlow flow)
    {
        w.WriteStartObject();
        w.WriteString("id", flow.Id);
        w.WriteString("from", flow.From);
        w.WriteString("to", flow.To);
        if (flow.Carries is not null)
        {
            w.WriteStartArray("carries");
            w.WriteStringValue(flow.Carries);
            w.WriteEndArray();
        }
        w.WriteString("mode", flow.Mode);
        if (flow.Planned)
        {
            w.WriteString("status", "planned");
        }
        w.WriteEndObject();
    }

    internal static string JsonNamesOf(GeneratorOptions options) =>
        options.Agencies is { } n ? n.ToString(CultureInfo.InvariantCulture) : options.Preset switch
        {
            GeneratorPreset.Nation => "nation",
            GeneratorPreset.LargeProvince => "large-province",
            _ => "province",
        };

    // ---- The plan: what exists, derived from the seed without holding the whole model in memory ----------

    private sealed record Unit(string Region, string Name, string Level, Unit? Parent)
    {
        public List<Unit> Children { get; } = [];

        public IEnumerable<Unit> SelfAndDescendants()
        {
            var stack = new Stack<Unit>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                var unit = stack.Pop();
                yield return unit;
                for (var i = unit.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(unit.Children[i]);
                }
            }
        }
    }

    private sealed record AgencyPlan(string Id, string Key, string Name, string? Sector, int SectorIndex, string? Parent);

    private sealed record SystemPlan(
        string Id, string Name, string Owner, string Capability, string Status, IReadOnlyList<string> Networks, string? Hosting,
        long Users, long ActiveUsers, long Build, long Operation, int ProtectionLevel, IReadOnlyList<(string Category, bool Foreign)> Components,
        string? Holds);


    private sealed class Plan
    {
        private readonly int _seed;

        private Plan(int seed, IReadOnlyList<(string Code, string Name)> sectors) => (_seed, Sectors) = (seed, sectors);

        public IReadOnlyList<(string Code, string Name)> Sectors { get; }

        public Unit National { get; private set; } = null!;

        public List<Unit> Provinces { get; } = [];

        public int AgencyCount { get; private set; }

        public int DedicatedNetworks => Math.Min(10, Sectors.Count);

        public static Plan Create(GeneratorOptions options)
        {
            var sectors = ModelGenerator.Sectors.Take(Math.Clamp(options.DepartmentsPerGovernment, 1, ModelGenerator.Sectors.Count)).ToList();
            var plan = new Plan(options.Seed, sectors);
            var perUnit = sectors.Count + 1;
            var (provinces, prefectures, counties) = options.Agencies is { } wanted
                ? Shape(Math.Max(1, wanted / perUnit - 1))
                : options.Preset switch
                {
                    GeneratorPreset.Nation => (31, 333, 2850),
                    GeneratorPreset.LargeProvince => (1, 21, 210),
                    _ => (1, 11, 99),
                };
            plan.National = new Unit("100000", "国家", "national", null);
            for (var p = 0; p < provinces; p++)
            {
                var region = (11 + p) * 10000;
                var province = new Unit(region.ToString(CultureInfo.InvariantCulture), $"第{p + 1}省", "provincial", plan.National);
                plan.Provinces.Add(province);
                // Spread prefectures and counties over provinces as evenly as whole numbers allow.
                var m = prefectures / provinces + (p < prefectures % provinces ? 1 : 0);
                for (var i = 0; i < m; i++)
                {
                    var prefecture = new Unit((region + (i + 1) * 100).ToString(CultureInfo.InvariantCulture), $"{province.Name}第{i + 1}市", "municipal", province);
                    province.Children.Add(prefecture);
                }
            }
            var allPrefectures = plan.Provinces.SelectMany(static p => p.Children).ToList();
            for (var c = 0; c < counties && allPrefectures.Count > 0; c++)
            {
                var prefecture = allPrefectures[c % allPrefectures.Count];
                var index = prefecture.Children.Count + 1;
                if (index > 99)
                {
                    continue;
                }
                var region = int.Parse(prefecture.Region, CultureInfo.InvariantCulture) + index;
                prefecture.Children.Add(new Unit(region.ToString(CultureInfo.InvariantCulture), $"{prefecture.Name}第{index}县", "county", prefecture));
            }
            plan.AgencyCount = perUnit * (1 + plan.Provinces.Sum(static p => p.SelfAndDescendants().Count()));
            return plan;
        }

        /// <summary>Provinces, prefectures and counties for about <paramref name="units"/> governments below the national one.</summary>
        private static (int, int, int) Shape(int units)
        {
            // The nation's proportions: per province about 10.7 prefectures, per prefecture about 8.6 counties.
            var provinces = Math.Clamp((int)Math.Round(units / 104.0), 1, 31);
            var perProvince = Math.Max(1.0, units / (double)provinces - 1);
            var prefectures = Math.Max(provinces, (int)Math.Round(provinces * perProvince / 9.6));
            var counties = Math.Max(0, units - provinces - prefectures);
            return (provinces, prefectures, Math.Min(counties, prefectures * 99));
        }

        /// <summary>A generator for one element, so each element's values depend only on the seed and its id.</summary>
        public Random RandomFor(string key, int salt)
        {
            var hash = (uint)(_seed * 31 + salt);
            foreach (var c in key)
            {
                hash = (hash ^ c) * 16777619u;
            }
            return new Random((int)(hash & 0x7FFFFFFF));
        }

        public IEnumerable<AgencyPlan> AgenciesOf(Unit unit)
        {
            var gov = $"ag.{unit.Region}.gov";
            yield return new AgencyPlan(gov, $"{unit.Region}.gov", $"{unit.Name}人民政府", null, -1,
                unit.Parent is null ? null : $"ag.{unit.Parent.Region}.gov");
            for (var i = 0; i < Sectors.Count; i++)
            {
                var (code, name) = Sectors[i];
                var suffix = unit.Level switch { "national" => "部", "provincial" => "厅", _ => "局" };
                yield return new AgencyPlan($"ag.{unit.Region}.{code}", $"{unit.Region}.{code}", $"{unit.Name}{name}{suffix}", name, i,
                    unit.Parent is null ? null : $"ag.{unit.Parent.Region}.{code}");
            }
        }

        public IEnumerable<(string Id, string Name, string Owner)> DataCentresOf(Unit unit)
        {
            foreach (var agency in AgenciesOf(unit).Where(static a => a.Sector is not null))
            {
                if (HasOwnDataCentre(agency))
                {
                    yield return ($"plat.{agency.Key}.dc", $"{agency.Name}机房", agency.Id);
                }
            }
        }

        private bool HasOwnDataCentre(AgencyPlan agency) => RandomFor(agency.Id, 7).Next(10) < 2;

        public IEnumerable<SystemPlan> SystemsOf(Unit unit)
        {
            foreach (var agency in AgenciesOf(unit))
            {
                var random = RandomFor(agency.Id, 1);
                var count = agency.Sector is null ? 2 : 1 + random.Next(4);
                var ownDc = agency.Sector is not null && HasOwnDataCentre(agency);
                for (var i = 1; i <= count; i++)
                {
                    var r = RandomFor(agency.Id, 100 + i);
                    // The first system of a department is its sector business; the others include office systems every
                    // department builds for itself (the duplicate builds the strategy names).
                    var capability = agency.Sector is null
                        ? (i == 1 ? "cap.oa" : "cap.portal")
                        : i == 1 ? $"cap.{Sectors[agency.SectorIndex].Code}.{unit.Level}"
                        : r.Next(8) == 0 ? CommonCapabilities[r.Next(CommonCapabilities.Length)].Id
                        : $"cap.{Sectors[agency.SectorIndex].Code}.{unit.Level}.service";
                    var status = r.Next(50) switch { 0 => "retired", 1 => "planned", 2 => "retiring", _ => "operational" };
                    var networks = new List<string>();
                    var net = r.Next(20);
                    if (agency.SectorIndex >= 0 && agency.SectorIndex < DedicatedNetworks && net < 8)
                    {
                        // Sector systems sit on their dedicated network, most also on the extranet to exchange with others.
                        networks.Add($"net.{Sectors[agency.SectorIndex].Code}");
                        if (net < 6)
                        {
                            networks.Add("net.extranet");
                        }
                    }
                    else if (net < 18)
                    {
                        networks.Add("net.extranet");
                    }
                    if (net == 19 || (net == 18 && r.Next(2) == 0))
                    {
                        networks.Add("net.internet");
                    }
                    var hosting = ownDc && r.Next(3) > 0 ? $"plat.{agency.Key}.dc"
                        : unit.Level == "county" ? $"plat.{unit.Parent!.Region}.cloud"
                        : r.Next(5) > 0 ? $"plat.{unit.Region}.cloud" : null;
                    var users = 20 + r.Next(5000);
                    var active = r.Next(40) == 0 ? r.Next(10) : users / (2 + r.Next(5));
                    var build = 200_000 + r.Next(100) * 50_000;
                    var components = new List<(string, bool)>();
                    var parts = 2 + r.Next(3);
                    for (var c = 0; c < parts; c++)
                    {
                        components.Add((ComponentCategories[(c + r.Next(3)) % ComponentCategories.Length], r.Next(20) < 3));
                    }
                    yield return new SystemPlan(
                        $"sys.{agency.Key}.{i}",
                        SystemName(unit, agency, i, r),
                        agency.Id, capability, status, networks, hosting, users, active, build, build / 10,
                        1 + r.Next(4), components, agency.Sector is not null && i == 1 ? $"res.{agency.Key}" : null);
                }
            }
        }

        /// <summary>
        /// Names as planners write them: the owner's name, then what the system does at that level. Names
        /// differ across sectors and levels (so the name-similarity rule finds what was planted, not every
        /// pair), and one department in forty calls its second system a data-sharing platform of its own —
        /// the probable duplicates of the same jurisdiction that AM1002 exists to find.
        /// </summary>
        private static string SystemName(Unit unit, AgencyPlan agency, int i, Random r)
        {
            var level = Array.FindIndex(Levels, l => l.Level == unit.Level);
            if (agency.Sector is null)
            {
                return i == 1 ? $"{agency.Name}协同办公系统" : $"{agency.Name}门户网站";
            }
            if (i == 2 && r.Next(40) == 0)
            {
                return $"{agency.Name}数据共享交换平台";
            }
            return agency.Name + agency.Sector + (i switch
            {
                1 => MainSystems[level],
                2 => ServiceSystems[level],
                3 => AnalysisSystems[level],
                _ => MobileSystems[level],
            });
        }

        private static readonly string[] MainSystems = ["全国统筹监管平台", "省级数据汇聚中心", "市级业务调度系统", "基层受理终端"];
        private static readonly string[] ServiceSystems = ["国家监测预警平台", "全省综合监管平台", "城市运行监管系统", "乡镇网格管理系统"];
        private static readonly string[] AnalysisSystems = ["全国大数据分析中心", "全省数据分析系统", "市级运行数据看板", "县级统计报送工具"];
        private static readonly string[] MobileSystems = ["全国移动政务平台", "全省移动办公平台", "市级掌上审批应用", "县级移动采集终端"];

        public IEnumerable<GenFlow> FlowsOf(Unit unit)
        {
            foreach (var agency in AgenciesOf(unit))
            {
                // A department's other systems feed its main one; now and then one is left unconnected.
                var systems = agency.Sector is null ? 2 : 1 + RandomFor(agency.Id, 1).Next(4);
                for (var i = 2; i <= systems; i++)
                {
                    if (RandomFor(agency.Id, 200 + i).Next(25) != 0)
                    {
                        yield return new GenFlow($"flow.{agency.Key}.{i}", $"sys.{agency.Key}.{i}", $"sys.{agency.Key}.1", null, "api", false);
                    }
                }
                if (agency.Sector is null)
                {
                    continue;
                }
                var r = RandomFor(agency.Id, 2);
                var from = $"sys.{agency.Key}.1";
                // Some departments are silos: they exchange nothing.
                if (r.Next(30) == 0)
                {
                    continue;
                }
                var mode = r.Next(4) switch { 0 => "batch", 1 => "file", 2 => "message", _ => "api" };
                // Along the sector line: report upwards to the superior department.
                if (unit.Parent is not null && r.Next(10) < 8)
                {
                    yield return new GenFlow($"flow.{agency.Key}.up", from, $"sys.{unit.Parent.Region}.{Sectors[agency.SectorIndex].Code}.1",
                        $"res.{agency.Key}", mode, false);
                }
                // Within the jurisdiction: share with the government and a neighbouring department.
                if (r.Next(10) < 6)
                {
                    yield return new GenFlow($"flow.{agency.Key}.gov", from, $"sys.{unit.Region}.gov.1", $"res.{agency.Key}", mode, r.Next(20) == 0);
                }
                if (r.Next(10) < 5)
                {
                    var other = Sectors[(agency.SectorIndex + 1 + r.Next(Sectors.Count - 1)) % Sectors.Count].Code;
                    if (other != Sectors[agency.SectorIndex].Code)
                    {
                        yield return new GenFlow($"flow.{agency.Key}.peer", from, $"sys.{unit.Region}.{other}.1", null, mode, false);
                    }
                }
            }
        }
    }
}

/// <summary>What <see cref="ModelGenerator.WriteTo(string, GeneratorOptions)"/> wrote.</summary>
/// <param name="Files">The files, root first.</param>
/// <param name="Elements">How many elements they hold.</param>
public sealed record GeneratedModel(IReadOnlyList<string> Files, long Elements);
