using System.Globalization;

namespace ArchModel.Generation;

/// <summary>
/// A model of one of the shapes other than <see cref="GeneratorShape.Synthetic"/>: capabilities and networks in
/// the root file, the rest in parts (one file each when split), each part generated on its own from the seed and
/// its index, so a part can be generated again with the same result and never needs another part in memory.
/// </summary>
internal abstract class ShapedModel
{
    protected ShapedModel(int seed) => Seed = seed;

    protected int Seed { get; }

    /// <summary>How many agencies the model has.</summary>
    public abstract int AgencyCount { get; }

    /// <summary>The capabilities, written in the root file.</summary>
    public abstract IEnumerable<(string Id, string Name, bool Shareable)> Capabilities { get; }

    /// <summary>How many parts there are besides the root's own content.</summary>
    public abstract int PartCount { get; }

    /// <summary>The file name (without extension) of a part when split.</summary>
    public abstract string PartName(int part);

    /// <summary>What the root file holds besides capabilities and networks.</summary>
    public virtual ShapedContent Root() => new();

    /// <summary>The elements of a part.</summary>
    public abstract ShapedContent Part(int part);

    public static ShapedModel Create(GeneratorOptions options)
    {
        var agencies = options.Agencies ?? options.Preset switch
        {
            GeneratorPreset.Nation => 67_515,
            GeneratorPreset.LargeProvince => 4_641,
            _ => 2_352,
        };
        return options.Shape switch
        {
            GeneratorShape.Realistic => new RealisticModel(options.Seed, options.Agencies is null ? options.Preset : null, agencies),
            GeneratorShape.HugeJurisdictions => new HugeJurisdictionsModel(options.Seed, agencies),
            GeneratorShape.DeepLines => new DeepLinesModel(options.Seed, agencies),
            GeneratorShape.UniformNames => new UniformNamesModel(options.Seed, agencies),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Shape, "not a shaped model"),
        };
    }

    /// <summary>A generator for one part: depends only on the seed, the shape and the part.</summary>
    protected Random RandomFor(int salt, int part) => new((int)((uint)((Seed * 7919) ^ (salt * 104729) ^ (part * 16777619)) & 0x7FFFFFFF));

    protected static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    // ---- Vocabularies shared by the shapes -------------------------------------------------------------------

    /// <summary>Capabilities every agency needs (the ones offices build again and again).</summary>
    public static readonly (string Id, string Name, bool Shareable)[] Common =
    [
        ("cap.oa", "协同办公", true), ("cap.doc", "电子公文", true), ("cap.video", "视频会议", true), ("cap.approval", "行政审批", false),
        ("cap.portal", "门户网站", true), ("cap.archive", "电子档案", true), ("cap.supervise", "督查督办", true), ("cap.finance", "财务管理", true),
        ("cap.hr", "人事管理", true), ("cap.asset", "资产管理", true), ("cap.petition", "信访", true), ("cap.hotline", "政务热线", true),
        ("cap.seal", "电子印章", true), ("cap.exchange", "数据共享交换", true), ("cap.mail", "电子邮件", true),
    ];

    /// <summary>The systems every office and many departments build, and the common capabilities they list.</summary>
    protected static readonly (string Name, string[] Capabilities)[] OfficeSystems =
    [
        ("办公自动化系统", ["cap.oa"]), ("协同办公平台", ["cap.oa", "cap.doc"]), ("电子公文系统", ["cap.doc"]), ("公文交换系统", ["cap.doc", "cap.exchange"]),
        ("视频会议系统", ["cap.video"]), ("行政审批系统", ["cap.approval"]), ("网上审批平台", ["cap.approval"]), ("门户网站", ["cap.portal"]),
        ("政务信息公开系统", ["cap.portal"]), ("电子档案管理系统", ["cap.archive"]), ("督查督办系统", ["cap.supervise"]), ("财务管理系统", ["cap.finance"]),
        ("人事管理系统", ["cap.hr"]), ("资产管理系统", ["cap.asset"]), ("信访管理系统", ["cap.petition"]), ("政务热线受理系统", ["cap.hotline"]),
        ("电子印章系统", ["cap.seal"]), ("数据共享交换平台", ["cap.exchange"]), ("邮件系统", ["cap.mail"]), ("移动办公系统", ["cap.oa"]),
    ];

    /// <summary>The sectors of the shaped models: the first twenty of <see cref="ModelGenerator.Sectors"/>.</summary>
    protected static readonly (string Code, string Name)[] Sectors = ModelGenerator.Sectors.Take(20).ToArray();

    /// <summary>Each sector's business systems, its main one first.</summary>
    protected static string[] SectorSystems(int sector) => sector switch
    {
        0 => ["警务综合平台", "人口信息管理系统", "交通违法处理系统", "执法办案系统"],
        1 => ["社会保险管理信息系统", "就业服务系统", "劳动保障监察系统"],
        2 => ["全民健康信息平台", "疾病预防控制信息系统", "卫生监督信息系统"],
        3 => ["学籍管理系统", "教育资源公共服务平台", "教育统计系统"],
        4 => ["企业登记注册系统", "市场主体信用信息公示系统", "食品安全监管系统"],
        5 => ["国土空间基础信息平台", "不动产登记系统", "土地执法监察系统"],
        6 => ["社会救助管理系统", "婚姻登记系统", "养老服务信息系统"],
        7 => ["预算管理一体化系统", "国库集中支付系统", "非税收入管理系统"],
        8 => ["税收征管系统", "电子税务局", "发票管理系统"],
        9 => ["交通运输综合执法系统", "道路运输管理系统", "公路管理系统"],
        _ => [$"{Sectors[sector].Name}业务管理系统", $"{Sectors[sector].Name}综合监管平台", $"{Sectors[sector].Name}统计分析系统"],
    };

    protected static readonly string[] LevelCodes = ["national", "provincial", "municipal", "county", "township"];
    private static readonly string[] LevelNames = ["国家级", "省级", "市级", "县级", "乡镇级"];

    /// <summary>The capabilities of each sector at each level: its business and its services.</summary>
    protected static IEnumerable<(string Id, string Name, bool Shareable)> SectorCapabilities(IEnumerable<(string Code, string Name)> sectors, int levels)
    {
        foreach (var (code, name) in sectors)
        {
            for (var l = 0; l < levels; l++)
            {
                yield return ($"cap.{code}.{LevelCodes[l]}", $"{name}{LevelNames[l]}业务管理", false);
                yield return ($"cap.{code}.{LevelCodes[l]}.service", $"{name}{LevelNames[l]}监管服务", false);
            }
        }
    }

    private static readonly string[] Categories = ["population", "legal-entity", "geospatial", "economy", "credit", "license", "other"];
    private static readonly string[] Modes = ["api", "batch", "file", "message"];
    private static readonly string[] ServiceItems = ["行政许可", "证明开具", "投诉举报", "信息查询", "资格认定", "年度报告"];

    private static readonly char[] NameFirst = "安平宁河东西南北新长清永兴华云山江湖海临泰昌龙德丰".ToCharArray();
    private static readonly char[] NameSecond = "阳山江州城安宁平源川水林门溪岭口田桥沙坪".ToCharArray();

    /// <summary>A place name of two characters, from a number (so the same number gives the same name).</summary>
    protected static string PlaceName(int n) => string.Concat(NameFirst[n % NameFirst.Length], NameSecond[n / NameFirst.Length % NameSecond.Length]);

    /// <summary>Networks a system of a sector sits on: its dedicated network (for the first eight sectors) and the extranet.</summary>
    protected static string[] NetworksOf(Random r, int sector, bool main)
    {
        var internet = r.Next(20) == 0;
        if (sector is >= 0 and < 8 && main)
        {
            return r.Next(2) == 0 ? [$"net.{Sectors[sector].Code}"] : [$"net.{Sectors[sector].Code}", "net.extranet"];
        }
        return internet ? ["net.extranet", "net.internet"] : ["net.extranet"];
    }

    /// <summary>A system with the usual attributes drawn from <paramref name="r"/>.</summary>
    protected static GenSystem System(Random r, string id, string name, string owner, string[] capabilities, string[] usedBy, string[] networks,
        string? hosting, string? holds)
    {
        var status = r.Next(40) switch { 0 => "retired", 1 => "planned", 2 => "building", _ => null };
        // Inventories are uneven: usage known for three systems in five, cost for one in two, components for one in five.
        var users = r.Next(5) < 3 ? 20 + r.Next(3000) : -1;
        var active = users < 0 ? -1 : r.Next(30) == 0 ? r.Next(10) : users / (2 + r.Next(4));
        var build = r.Next(2) == 0 ? 100_000 + r.Next(200) * 10_000 : -1;
        var components = 0;
        if (r.Next(5) == 0)
        {
            var parts = 1 + r.Next(3);
            for (var c = 0; c < parts; c++)
            {
                components |= (r.Next(20) < 3 ? 2 : 1) << (2 * ((c + r.Next(3)) % 7));
            }
        }
        return new GenSystem(id, name, owner, capabilities, status, usedBy, networks, hosting, users, active, build, 1 + r.Next(3), components, holds);
    }

    protected static GenData Data(Random r, string id, string name, string owner, int sector)
    {
        var sharing = r.Next(10);
        return new GenData(id, name, owner, Categories[(Math.Max(0, sector) + r.Next(2)) % Categories.Length],
            sharing < 4 ? "unconditional" : sharing < 9 ? "conditional" : "none", sharing < 2);
    }

    protected static GenFlow Flow(Random r, string id, string from, string to, string? carries) =>
        new(id, from, to, carries, Modes[r.Next(Modes.Length)], r.Next(30) == 0);

    protected static GenService Service(Random r, string id, string agencyName, string provider, string system) =>
        new(id, $"{agencyName}{ServiceItems[r.Next(ServiceItems.Length)]}网上办理", provider, system, r.Next(4) > 0);

    protected static GenProject Project(Random r, string id, string agencyName, string agency, string? delivers)
    {
        var year = 2012 + r.Next(5);
        return new GenProject(id, $"{agencyName}{year}年信息化建设项目", agency, 500_000 + r.Next(50) * 100_000, year,
            r.Next(10) == 0 ? "evaluated" : "accepted", delivers);
    }

    /// <summary>How a planner writes a system's name: mostly the owner's name first, sometimes bare, the jurisdiction's, or a second phase.</summary>
    protected static string SystemName(Random r, string agencyName, string placeName, string name) => r.Next(20) switch
    {
        < 12 => agencyName + name,
        < 15 => name,
        < 17 => placeName + name,
        < 19 => agencyName + name + "（二期）",
        _ => agencyName + "新一代" + name,
    };
}

/// <summary>
/// <see cref="GeneratorShape.Realistic"/>: the nation as it is. Nation → provinces → prefectures → counties; each
/// government an office and twenty sector departments whose parent is the same sector one level up.
/// </summary>
internal sealed class RealisticModel : ShapedModel
{
    private static readonly string[] ProvinceNames =
    [
        "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省",
        "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
        "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
    ];

    private sealed record Unit(string Region, string Name, int Level, Unit? Parent)
    {
        public List<Unit> Children { get; } = [];
    }

    private readonly Unit _nation = new("100000", "国家", 0, null);
    private readonly List<Unit> _provinces = [];

    public RealisticModel(int seed, GeneratorPreset? preset, int agencies) : base(seed)
    {
        var perGovernment = Sectors.Length + 1;
        var (provinces, prefectures, counties) = preset switch
        {
            GeneratorPreset.Nation => (31, 333, 2850),
            GeneratorPreset.LargeProvince => (1, 21, 198),
            GeneratorPreset.Province => (1, 11, 99),
            _ => Shape(Math.Max(1, agencies / perGovernment - 1)),
        };
        for (var p = 0; p < provinces; p++)
        {
            var region = (11 + p) * 10000;
            var province = new Unit(Text(region), ProvinceNames[p], 1, _nation);
            _provinces.Add(province);
            var m = prefectures / provinces + (p < prefectures % provinces ? 1 : 0);
            for (var i = 0; i < m; i++)
            {
                province.Children.Add(new Unit(Text(region + (i + 1) * 100), PlaceName(region / 10000 * 7 + i) + "市", 2, province));
            }
        }
        var all = _provinces.SelectMany(static p => p.Children).ToList();
        for (var c = 0; c < counties && all.Count > 0; c++)
        {
            var prefecture = all[c % all.Count];
            var index = prefecture.Children.Count + 1;
            if (index > 99)
            {
                continue;
            }
            var region = int.Parse(prefecture.Region, CultureInfo.InvariantCulture) + index;
            prefecture.Children.Add(new Unit(Text(region), PlaceName(region * 13 + index) + "县", 3, prefecture));
        }
        AgencyCount = perGovernment * (1 + _provinces.Sum(static p => 1 + p.Children.Sum(static m => 1 + m.Children.Count)));
    }

    /// <summary>Provinces, prefectures and counties for about <paramref name="units"/> governments below the nation, in the nation's proportions.</summary>
    private static (int, int, int) Shape(int units)
    {
        var provinces = Math.Clamp((int)Math.Round(units / 104.0), 1, 31);
        var perProvince = Math.Max(1.0, units / (double)provinces - 1);
        var prefectures = Math.Min(provinces * 99, Math.Max(provinces, (int)Math.Round(provinces * perProvince / 9.6)));
        var counties = Math.Max(0, units - provinces - prefectures);
        return (provinces, prefectures, Math.Min(counties, prefectures * 99));
    }

    public override int AgencyCount { get; }

    public override IEnumerable<(string Id, string Name, bool Shareable)> Capabilities => Common.Concat(SectorCapabilities(Sectors, 4));

    public override int PartCount => _provinces.Count;

    public override string PartName(int part) => _provinces[part].Region;

    public override ShapedContent Root()
    {
        var content = new ShapedContent();
        Add(content, _nation, RandomFor(1, -1));
        return content;
    }

    public override ShapedContent Part(int part)
    {
        var content = new ShapedContent();
        var r = RandomFor(1, part);
        var province = _provinces[part];
        Add(content, province, r);
        foreach (var prefecture in province.Children)
        {
            Add(content, prefecture, r);
            foreach (var county in prefecture.Children)
            {
                Add(content, county, r);
            }
        }
        return content;
    }

    private static string Suffix(int level) => level switch { 0 => "部", 1 => "厅", _ => "局" };

    private static string DepartmentName(Unit unit, int sector) => $"{unit.Name}{Sectors[sector].Name}{Suffix(unit.Level)}";

    private static string OfficeName(Unit unit) => unit.Level switch
    {
        0 => "国务院办公厅",
        1 => $"{unit.Name}人民政府办公厅",
        _ => $"{unit.Name}人民政府办公室",
    };

    /// <summary>One government: its office, its departments and everything they own.</summary>
    private static void Add(ShapedContent c, Unit unit, Random r)
    {
        var level = LevelCodes[unit.Level];
        var cloud = unit.Level == 3 ? $"plat.{unit.Parent!.Region}.cloud" : $"plat.{unit.Region}.cloud";
        var office = $"ag.{unit.Region}.gov";
        if (unit.Level < 3)
        {
            c.Platforms.Add(new GenPlatform(cloud, $"{unit.Name}政务云", "cloud", true, office, unit.Region, "net.extranet"));
        }

        // The office: the general office systems, many of them used by departments of the same government.
        c.Agencies.Add(new GenAgency(office, OfficeName(unit), level, unit.Region, null, unit.Parent is null ? null : $"ag.{unit.Parent.Region}.gov", "government"));
        var officeSystems = 3 + r.Next(4);
        var start = r.Next(OfficeSystems.Length);
        for (var i = 1; i <= officeSystems; i++)
        {
            var (name, caps) = i == 1 ? OfficeSystems[r.Next(2)] : OfficeSystems[(start + i * 3) % OfficeSystems.Length];
            var usedBy = r.Next(2) == 0
                ? new[] { $"ag.{unit.Region}.{Sectors[r.Next(10)].Code}", $"ag.{unit.Region}.{Sectors[10 + r.Next(10)].Code}" }
                : [];
            c.Systems.Add(System(r, $"sys.{unit.Region}.gov.{i}", SystemName(r, OfficeName(unit), unit.Name, name), office, caps, usedBy,
                NetworksOf(r, -1, false), r.Next(10) > 0 ? cloud : null, i == 1 ? $"res.{unit.Region}.gov.1" : null));
            if (i > 1 && r.Next(10) < 6)
            {
                c.Flows.Add(Flow(r, $"flow.{unit.Region}.gov.{i}", $"sys.{unit.Region}.gov.{i}", $"sys.{unit.Region}.gov.1", null));
            }
        }
        c.Data.Add(Data(r, $"res.{unit.Region}.gov.1", $"{unit.Name}政务信息资源目录", office, -1));
        if (unit.Parent is not null && r.Next(2) == 0)
        {
            c.Flows.Add(Flow(r, $"flow.{unit.Region}.gov.up", $"sys.{unit.Region}.gov.1", $"sys.{unit.Parent.Region}.gov.1", $"res.{unit.Region}.gov.1"));
        }
        if (unit.Level >= 2)
        {
            c.Services.Add(new GenService($"svc.{unit.Region}.one-stop", $"{unit.Name}一网通办", office, $"sys.{unit.Region}.gov.1", true));
        }

        for (var s = 0; s < Sectors.Length; s++)
        {
            var code = Sectors[s].Code;
            var key = $"{unit.Region}.{code}";
            var id = $"ag.{key}";
            var name = DepartmentName(unit, s);
            var parent = unit.Parent is null ? null : $"ag.{unit.Parent.Region}.{code}";
            c.Agencies.Add(new GenAgency(id, name, level, unit.Region, Sectors[s].Name, parent, "department"));
            var ownDc = r.Next(100) < 15;
            if (ownDc)
            {
                c.Platforms.Add(new GenPlatform($"plat.{key}.dc", $"{name}机房", "datacenter", false, id, null, null));
            }
            var business = SectorSystems(s);
            var systems = 1 + r.Next(3);
            for (var i = 1; i <= systems; i++)
            {
                string system;
                string[] caps;
                if (i == 1)
                {
                    (system, caps) = (business[0], [$"cap.{code}.{level}"]);
                }
                else if (r.Next(10) < 6)
                {
                    (system, caps) = OfficeSystems[r.Next(OfficeSystems.Length)];
                }
                else
                {
                    (system, caps) = (business[1 + r.Next(business.Length - 1)], [$"cap.{code}.{level}.service"]);
                }
                // Used by the superior in the line, or by a neighbouring department of the same government.
                var usedBy = i == 1 && parent is not null && r.Next(4) == 0 ? new[] { parent }
                    : r.Next(8) == 0 ? [$"ag.{unit.Region}.{Sectors[(s + 1 + r.Next(Sectors.Length - 1)) % Sectors.Length].Code}"]
                    : [];
                var hosting = ownDc && r.Next(3) > 0 ? $"plat.{key}.dc" : r.Next(10) > 0 ? cloud : null;
                c.Systems.Add(System(r, $"sys.{key}.{i}", SystemName(r, name, unit.Name, system), id, caps, usedBy, NetworksOf(r, s, i == 1),
                    hosting, i == 1 ? $"res.{key}.1" : null));
                if (i > 1 && r.Next(10) < 6)
                {
                    c.Flows.Add(Flow(r, $"flow.{key}.{i}", $"sys.{key}.{i}", $"sys.{key}.1", null));
                }
            }
            c.Data.Add(Data(r, $"res.{key}.1", $"{name}业务数据", id, s));
            if (r.Next(2) == 0)
            {
                c.Data.Add(Data(r, $"res.{key}.2", $"{name}{Sectors[s].Name}基础信息库", id, s));
            }
            // Flows: mostly vertical within the line, some horizontal; a department in twenty-five exchanges nothing.
            if (r.Next(25) > 0)
            {
                if (unit.Parent is not null && r.Next(10) < 8)
                {
                    c.Flows.Add(Flow(r, $"flow.{key}.up", $"sys.{key}.1", $"sys.{unit.Parent.Region}.{code}.1", $"res.{key}.1"));
                }
                if (unit.Parent is not null && r.Next(10) < 2)
                {
                    c.Flows.Add(Flow(r, $"flow.{key}.down", $"sys.{unit.Parent.Region}.{code}.1", $"sys.{key}.1", null));
                }
                if (r.Next(10) < 4)
                {
                    c.Flows.Add(Flow(r, $"flow.{key}.gov", $"sys.{key}.1", $"sys.{unit.Region}.gov.1", $"res.{key}.1"));
                }
                if (r.Next(10) < 3)
                {
                    var other = Sectors[(s + 1 + r.Next(Sectors.Length - 1)) % Sectors.Length].Code;
                    c.Flows.Add(Flow(r, $"flow.{key}.peer", $"sys.{key}.1", $"sys.{unit.Region}.{other}.1", null));
                }
            }
            var services = r.Next(3);
            for (var j = 1; j <= services; j++)
            {
                c.Services.Add(Service(r, $"svc.{key}.{j}", name, id, $"sys.{key}.1"));
            }
            if (r.Next(10) < 4)
            {
                c.Projects.Add(Project(r, $"proj.{key}", name, id, r.Next(10) > 0 ? $"sys.{key}.{1 + r.Next(systems)}" : null));
            }
        }
    }
}

/// <summary>
/// <see cref="GeneratorShape.HugeJurisdictions"/>: few jurisdictions of 550 agencies each (an office, twelve
/// sector bureaus and their branches), every agency with about fifty systems named from a vocabulary of a few
/// dozen names.
/// </summary>
internal sealed class HugeJurisdictionsModel : ShapedModel
{
    public const int PerJurisdiction = 550;
    private const int Bureaus = 12;

    private static readonly string[] BusinessSystems =
    [
        "综合业务系统", "业务管理系统", "综合监管平台", "执法办案系统", "数据分析系统", "统计报送系统", "移动执法系统", "指挥调度系统",
        "信息采集系统", "业务审批系统", "监测预警系统", "档案管理系统", "数据中心", "决策支持系统", "服务热线系统", "网上办事大厅",
    ];

    private readonly int _jurisdictions;
    private readonly int _perJurisdiction;

    public HugeJurisdictionsModel(int seed, int agencies) : base(seed)
    {
        _jurisdictions = Math.Max(1, (agencies + PerJurisdiction / 2) / PerJurisdiction);
        // Below 550 agencies, one jurisdiction of them all, so that the size still follows the agencies asked for.
        _perJurisdiction = Math.Clamp(agencies, 2, PerJurisdiction);
    }

    public override int AgencyCount => _jurisdictions * _perJurisdiction;

    public override IEnumerable<(string Id, string Name, bool Shareable)> Capabilities =>
        Common.Concat(Sectors.Take(Bureaus).Select(static s => ($"cap.biz.{s.Code}", $"{s.Name}业务", false)));

    public override int PartCount => _jurisdictions;

    private static string Region(int j) => $"{4100 + j:D4}00";

    public override string PartName(int part) => Region(part);

    public override ShapedContent Part(int part)
    {
        var c = new ShapedContent();
        var r = RandomFor(2, part);
        var region = Region(part);
        var top = Region(0);
        var place = part == 0 ? "中原省" : PlaceName(part) + "市";
        var level = part == 0 ? "provincial" : "municipal";
        var cloud = $"plat.{region}.cloud";
        c.Platforms.Add(new GenPlatform(cloud, $"{place}政务云", "cloud", true, $"ag.{region}.gov", region, "net.extranet"));
        for (var k = 0; k < _perJurisdiction; k++)
        {
            var key = k == 0 ? $"{region}.gov" : $"{region}.d{k}";
            var id = $"ag.{key}";
            var sector = k == 0 ? -1 : (k - 1) % Bureaus;
            string name;
            string? parent;
            if (k == 0)
            {
                name = $"{place}人民政府办公厅";
                parent = part == 0 ? null : $"ag.{top}.gov";
                c.Agencies.Add(new GenAgency(id, name, level, region, null, parent, "government"));
            }
            else
            {
                var branch = (k - 1) / Bureaus;
                name = branch == 0 ? $"{place}{Sectors[sector].Name}局" : $"{place}{Sectors[sector].Name}局第{branch}分局";
                // A bureau's parent is the province's bureau of its sector; a branch's, its own bureau.
                parent = branch > 0 ? $"ag.{region}.d{1 + sector}" : part == 0 ? null : $"ag.{top}.d{k}";
                c.Agencies.Add(new GenAgency(id, name, level, region, Sectors[sector].Name, parent, "department"));
            }
            var systems = 40 + r.Next(21);
            for (var i = 1; i <= systems; i++)
            {
                // A few dozen names in all, mostly written bare, sometimes with the sector's name in front.
                string system;
                string[] caps;
                if (sector < 0 || r.Next(2) == 0)
                {
                    (system, caps) = OfficeSystems[r.Next(OfficeSystems.Length)];
                }
                else
                {
                    (system, caps) = (BusinessSystems[r.Next(BusinessSystems.Length)], [$"cap.biz.{Sectors[sector].Code}"]);
                }
                if (sector >= 0 && r.Next(10) < 3)
                {
                    system = Sectors[sector].Name + system;
                }
                c.Systems.Add(System(r, $"sys.{key}.{i}", system, id, caps, [], ["net.extranet"], r.Next(10) > 0 ? cloud : null,
                    i == 1 ? $"res.{key}.1" : null));
                if (i > 1 && r.Next(2) == 0)
                {
                    c.Flows.Add(Flow(r, $"flow.{key}.{i}", $"sys.{key}.{i}", $"sys.{key}.1", null));
                }
            }
            c.Data.Add(Data(r, $"res.{key}.1", $"{name}业务数据", id, sector));
            c.Data.Add(Data(r, $"res.{key}.2", $"{name}基础信息库", id, sector));
            if (parent is not null && r.Next(10) < 9)
            {
                c.Flows.Add(Flow(r, $"flow.{key}.up", $"sys.{key}.1", $"sys.{parent[3..]}.1", $"res.{key}.1"));
            }
            if (k > 0 && r.Next(2) == 0)
            {
                c.Flows.Add(Flow(r, $"flow.{key}.gov", $"sys.{key}.1", $"sys.{region}.gov.1", null));
            }
            if (k > 0 && r.Next(2) == 0)
            {
                c.Services.Add(Service(r, $"svc.{key}", name, id, $"sys.{key}.1"));
            }
            if (r.Next(4) == 0)
            {
                c.Projects.Add(Project(r, $"proj.{key}", name, id, $"sys.{key}.{1 + r.Next(systems)}"));
            }
        }
        return c;
    }
}

/// <summary>
/// <see cref="GeneratorShape.DeepLines"/>: deep and broad sector lines. One ministry with half the agencies
/// below it (twenty under each), five chains of a twentieth of the agencies each (one agency under the other),
/// and ten ministries of four under each for the rest.
/// </summary>
internal sealed class DeepLinesModel : ShapedModel
{
    public const int AgenciesPerPart = 20_000;

    private readonly (int Size, int Fanout, int Sector)[] _lines;
    private readonly int[] _starts;

    public DeepLinesModel(int seed, int agencies) : base(seed)
    {
        agencies = Math.Max(40, agencies);
        var broad = agencies / 2;
        var chain = Math.Max(2, agencies / 20);
        var rest = Math.Max(10, agencies - broad - 5 * chain);
        var lines = new List<(int, int, int)> { (broad, 20, 0) };
        for (var i = 0; i < 5; i++)
        {
            lines.Add((chain, 1, 1 + i));
        }
        for (var i = 0; i < 10; i++)
        {
            lines.Add((rest / 10 + (i < rest % 10 ? 1 : 0), 4, 6 + i));
        }
        _lines = lines.ToArray();
        _starts = new int[_lines.Length + 1];
        for (var i = 0; i < _lines.Length; i++)
        {
            _starts[i + 1] = _starts[i] + _lines[i].Size;
        }
    }

    public override int AgencyCount => _starts[^1];

    /// <summary>The depth of the deepest chain.</summary>
    public int ChainDepth => _lines[1].Size - 1;

    public override IEnumerable<(string Id, string Name, bool Shareable)> Capabilities =>
        Common.Concat(SectorCapabilities(_lines.Select(static l => Sectors[l.Sector]), 5));

    public override int PartCount => (AgencyCount + AgenciesPerPart - 1) / AgenciesPerPart;

    public override string PartName(int part) => $"part-{part + 1:D3}";

    private static int Depth(int index, int fanout)
    {
        if (fanout == 1)
        {
            return index;
        }
        var depth = 0;
        while (index > 0)
        {
            index = (index - 1) / fanout;
            depth++;
        }
        return depth;
    }

    public override ShapedContent Part(int part)
    {
        var c = new ShapedContent();
        var r = RandomFor(3, part);
        if (part == 0)
        {
            c.Platforms.Add(new GenPlatform("plat.deep.cloud", "国家政务云", "cloud", true, "ag.l0.0", "100000", "net.extranet"));
        }
        var end = Math.Min(AgencyCount, (part + 1) * AgenciesPerPart);
        for (var global = part * AgenciesPerPart; global < end; global++)
        {
            var line = Array.FindLastIndex(_starts, s => s <= global);
            var (_, fanout, sector) = _lines[line];
            var i = global - _starts[line];
            var depth = Depth(i, fanout);
            var level = LevelCodes[Math.Min(depth, 4)];
            var (code, sectorName) = Sectors[sector];
            var key = $"l{line}.{i}";
            var id = $"ag.{key}";
            var name = i == 0 ? $"国家{sectorName}总局" : $"{sectorName}第{i}分支机构";
            var parent = i == 0 ? null : $"ag.l{line}.{(i - 1) / fanout}";
            c.Agencies.Add(new GenAgency(id, name, level, $"{line:D2}{i:D7}", sectorName, parent, "department"));
            c.Systems.Add(System(r, $"sys.{key}.1", $"{name}{sectorName}业务系统", id, [$"cap.{code}.{level}"], [], NetworksOf(r, sector, true),
                r.Next(10) < 7 ? "plat.deep.cloud" : null, $"res.{key}"));
            c.Systems.Add(System(r, $"sys.{key}.2", $"{name}办公自动化系统", id, ["cap.oa"], [], ["net.extranet"], null, null));
            if (r.Next(10) < 3)
            {
                var (system, caps) = OfficeSystems[r.Next(OfficeSystems.Length)];
                c.Systems.Add(System(r, $"sys.{key}.3", SystemName(r, name, sectorName, system), id, caps, [], ["net.extranet"], null, null));
            }
            c.Data.Add(Data(r, $"res.{key}", $"{name}业务数据", id, sector));
            if (parent is not null)
            {
                c.Flows.Add(Flow(r, $"flow.{key}.up", $"sys.{key}.1", $"sys.{parent[3..]}.1", $"res.{key}"));
            }
            if (r.Next(2) == 0)
            {
                c.Flows.Add(Flow(r, $"flow.{key}.oa", $"sys.{key}.2", $"sys.{key}.1", null));
            }
            if (r.Next(10) == 0)
            {
                c.Services.Add(Service(r, $"svc.{key}", name, id, $"sys.{key}.1"));
            }
            if (r.Next(10) == 0)
            {
                c.Projects.Add(Project(r, $"proj.{key}", name, id, $"sys.{key}.1"));
            }
        }
        return c;
    }
}

/// <summary>
/// <see cref="GeneratorShape.UniformNames"/>: governments of an office and twenty departments, each with a system
/// of its own name, and besides them thousands of systems of one name: one agency with 1.2 systems per agency of
/// the model all named 办公自动化系统 and listing cap.oa; blocks of 2,000 systems of one agency each, with
/// near-identical names and one shared capability (0.8 per agency); classes of 500 identically named systems
/// without capabilities, spread over many agencies (0.4 per agency).
/// </summary>
internal sealed class UniformNamesModel : ShapedModel
{
    public const int SystemsPerPart = 25_000;
    public const int BlockSize = 2_000;
    public const int ClassSize = 500;

    private static readonly string[] Variants = ["", "（一期）", "（二期）", "V2", "2.0", "新版", "平台", "子系统"];
    private static readonly string[] ClassSuffixes = ["管理系统", "信息系统", "服务平台", "监管系统"];

    private readonly int _governments;
    private readonly int _a;
    private readonly int _b;
    private readonly int _c;
    private readonly List<(int Kind, int Start, int Count)> _parts = [];

    public UniformNamesModel(int seed, int agencies) : base(seed)
    {
        _governments = Math.Max(2, agencies / (Sectors.Length + 1));
        _a = Math.Max(10, agencies * 6 / 5);
        _b = Math.Max(10, agencies * 4 / 5);
        _c = Math.Max(10, agencies * 2 / 5);
        // Parts: the governments a thousand at a time, then each family of systems in pieces of at most 25,000.
        for (var g = 0; g < _governments; g += 1000)
        {
            _parts.Add((0, g, Math.Min(1000, _governments - g)));
        }
        foreach (var (kind, total) in new[] { (1, _a), (2, _b), (3, _c) })
        {
            for (var s = 0; s < total; s += SystemsPerPart)
            {
                _parts.Add((kind, s, Math.Min(SystemsPerPart, total - s)));
            }
        }
    }

    public override int AgencyCount => _governments * (Sectors.Length + 1);

    /// <summary>The systems of the one agency whose systems all have one name.</summary>
    public int UniformBlock => _a;

    public override IEnumerable<(string Id, string Name, bool Shareable)> Capabilities => Common.Concat(SectorCapabilities(Sectors, 4));

    public override int PartCount => _parts.Count;

    public override string PartName(int part) => _parts[part].Kind switch
    {
        0 => $"governments-{part + 1:D3}",
        1 => $"uniform-{part + 1:D3}",
        2 => $"near-{part + 1:D3}",
        _ => $"classes-{part + 1:D3}",
    };

    private static string Region(int g) => Text(330000 + g);

    private static string GovernmentName(int g) => g == 0 ? "浙东省" : PlaceName(g) + "县";

    public override ShapedContent Part(int part)
    {
        var c = new ShapedContent();
        var r = RandomFor(4, part);
        var (kind, start, count) = _parts[part];
        var top = Region(0);
        switch (kind)
        {
            case 0:
                for (var g = start; g < start + count; g++)
                {
                    var region = Region(g);
                    var place = GovernmentName(g);
                    var level = g == 0 ? "provincial" : "county";
                    for (var s = -1; s < Sectors.Length; s++)
                    {
                        var key = s < 0 ? $"{region}.gov" : $"{region}.{Sectors[s].Code}";
                        var id = $"ag.{key}";
                        var name = s < 0 ? $"{place}人民政府办公室" : $"{place}{Sectors[s].Name}{(g == 0 ? "厅" : "局")}";
                        var parentKey = g == 0 ? null : s < 0 ? $"{top}.gov" : $"{top}.{Sectors[s].Code}";
                        c.Agencies.Add(new GenAgency(id, name, level, region, s < 0 ? null : Sectors[s].Name, parentKey is null ? null : $"ag.{parentKey}",
                            s < 0 ? "government" : "department"));
                        var caps = s < 0 ? new[] { "cap.portal" } : [$"cap.{Sectors[s].Code}.{level}"];
                        var system = s < 0 ? "门户网站" : SectorSystems(s)[0];
                        c.Systems.Add(System(r, $"sys.{key}.1", name + system, id, caps, [], ["net.extranet"], null, s < 0 ? null : $"res.{key}"));
                        if (s >= 0)
                        {
                            c.Data.Add(Data(r, $"res.{key}", $"{name}业务数据", id, s));
                        }
                        if (parentKey is not null && r.Next(10) < 8)
                        {
                            c.Flows.Add(Flow(r, $"flow.{key}.up", $"sys.{key}.1", $"sys.{parentKey}.1", s < 0 ? null : $"res.{key}"));
                        }
                    }
                }
                break;
            case 1:
                // One agency, one name, one capability.
                for (var i = start; i < start + count; i++)
                {
                    c.Systems.Add(System(r, $"sys.a.{i + 1}", "办公自动化系统", $"ag.{top}.gov", ["cap.oa"], [], ["net.extranet"], null, null));
                    if (i % 10 == 9)
                    {
                        c.Flows.Add(Flow(r, $"flow.a.{i + 1}", $"sys.a.{i + 1}", $"sys.{top}.gov.1", null));
                    }
                }
                break;
            case 2:
                // Blocks of 2,000: one agency each, names that differ by a word, one shared capability.
                for (var i = start; i < start + count; i++)
                {
                    var block = i / BlockSize;
                    var (name, caps) = OfficeSystems[2 + block % (OfficeSystems.Length - 2)];
                    var owner = $"ag.{Region(1 + block % (_governments - 1))}.gov";
                    var variant = Variants[i % Variants.Length];
                    var full = variant is "新版" ? variant + name : name + variant;
                    c.Systems.Add(System(r, $"sys.b.{i + 1}", full, owner, [caps[0]], [], ["net.extranet"], null, null));
                }
                break;
            default:
                // Classes of 500 identical names without capabilities, over many agencies.
                for (var i = start; i < start + count; i++)
                {
                    var cls = i / ClassSize;
                    var name = PlaceName(cls * 7) + ClassSuffixes[cls / 400 % ClassSuffixes.Length];
                    var g = (int)((long)i * 7919 % _governments);
                    var s = i % (Sectors.Length + 1) - 1;
                    var owner = s < 0 ? $"ag.{Region(g)}.gov" : $"ag.{Region(g)}.{Sectors[s].Code}";
                    c.Systems.Add(System(r, $"sys.c.{i + 1}", name, owner, [], [], ["net.extranet"], null, null));
                }
                break;
        }
        return c;
    }
}
