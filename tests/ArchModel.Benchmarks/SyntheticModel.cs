using ArchModel.Loading;
using ArchModel.Model;

namespace ArchModel.Benchmarks;

/// <summary>
/// A deterministic synthetic e-government landscape of a chosen number of systems, built with
/// <see cref="ModelBuilder"/>: a national level, provinces, municipalities and counties (块), twenty sectors
/// whose agencies form parent lines across levels (条), unified and dedicated networks, shared clouds and
/// agency data centres, systems with capabilities, costs, usage and components, data resources, and flows
/// mostly inside a jurisdiction or along a sector line — with some duplicates, near-duplicate names and silos.
/// </summary>
public static class SyntheticModel
{
    private static readonly string[] Sectors =
    [
        "公安", "民政", "人社", "卫健", "教育", "财政", "税务", "市场监管", "自然资源", "生态环境",
        "住建", "交通", "水利", "农业", "商务", "文旅", "应急", "统计", "医保", "司法",
    ];

    private static readonly string[] Words =
    [
        "业务", "管理", "审批", "监管", "服务", "统计", "查询", "办案", "登记", "档案", "协同", "决策", "执法", "调度",
        "预警", "分析", "考核", "财务", "资产", "人事", "门户", "热线", "证照", "信用", "项目", "资金", "应急", "指挥",
        "巡查", "信访", "督办", "培训", "采购", "合同", "会议", "视频", "公文", "印章", "网站", "舆情",
    ];

    private static readonly string[] Suffixes = ["系统", "平台", "管理系统", "信息系统", "服务平台"];

    public static ArchitectureModel Create(int systemCount, int seed = 20161120)
    {
        var r = new Random(seed);
        var b = new ModelBuilder(new ModelInfo { Id = $"synthetic-{systemCount}", Name = "合成模型" });

        // Capabilities: ten shareable ones every agency needs, nine per sector.
        var shareable = Enumerable.Range(0, 10).Select(i => $"cap.shared.{i}").ToArray();
        foreach (var id in shareable) b.Add(new Capability { Id = id, Name = $"通用能力{id[^1]}", Shareable = true });
        var sectorCaps = Sectors.Select((_, s) => Enumerable.Range(0, 9).Select(i => $"cap.s{s}.{i}").ToArray()).ToArray();
        foreach (var caps in sectorCaps) foreach (var id in caps) b.Add(new Capability { Id = id, Name = id });

        // Jurisdictions: one national, provinces, 8 municipalities each, counties scaled to reach ~N/105.
        var jurisdictions = new List<(string Region, AgencyLevel Level, int Parent)>();
        jurisdictions.Add(("100000", AgencyLevel.National, -1));
        var provinces = Math.Max(2, systemCount / 40000);
        var countiesPer = Math.Max(1, systemCount / 105 / (provinces * 8));
        for (var p = 0; p < provinces; p++)
        {
            var pj = jurisdictions.Count;
            jurisdictions.Add(($"{p + 11}0000", AgencyLevel.Provincial, 0));
            for (var m = 0; m < 8; m++)
            {
                var mj = jurisdictions.Count;
                jurisdictions.Add(($"{p + 11}{m + 1:00}00", AgencyLevel.Municipal, pj));
                for (var c = 0; c < countiesPer; c++)
                {
                    jurisdictions.Add(($"{p + 11}{m + 1:00}{c + 1:00}", AgencyLevel.County, mj));
                }
            }
        }

        // Agencies: a government and one agency per sector in each jurisdiction; sector agencies' parent is the
        // same sector one level up.
        var agencyIds = new List<string>();
        var agencyJurisdiction = new List<int>();
        var agencySector = new List<int>();
        for (var j = 0; j < jurisdictions.Count; j++)
        {
            var (region, level, parent) = jurisdictions[j];
            b.Add(new Agency { Id = $"ag.{region}.gov", Name = $"{region}人民政府", Level = level, Region = region, AgencyKind = AgencyKind.Government });
            agencyIds.Add($"ag.{region}.gov"); agencyJurisdiction.Add(j); agencySector.Add(-1);
            for (var s = 0; s < Sectors.Length; s++)
            {
                var id = $"ag.{region}.s{s}";
                b.Add(new Agency
                {
                    Id = id, Name = $"{region}{Sectors[s]}局", Level = level, Region = region, Sector = Sectors[s],
                    Parent = parent < 0 ? null : $"ag.{jurisdictions[parent].Region}.s{s}",
                });
                agencyIds.Add(id); agencyJurisdiction.Add(j); agencySector.Add(s);
            }
        }

        // Networks: national intranet and extranet, a provincial and municipal extranet per jurisdiction above county,
        // a dedicated network per sector (half linked by a gateway, two classified, one linked unsafely), the Internet.
        b.Add(new Network { Id = "net.intranet", Name = "政务内网", NetworkKind = NetworkKind.Intranet });
        b.Add(new Network { Id = "net.extranet", Name = "政务外网", NetworkKind = NetworkKind.Extranet });
        b.Add(new Network { Id = "net.internet", Name = "互联网", NetworkKind = NetworkKind.Internet });
        var regionalNetworks = new Dictionary<int, string>();
        for (var j = 1; j < jurisdictions.Count; j++)
        {
            if (jurisdictions[j].Level == AgencyLevel.County) continue;
            var id = $"net.ext.{jurisdictions[j].Region}";
            var up = jurisdictions[j].Parent == 0 ? "net.extranet" : regionalNetworks[jurisdictions[j].Parent];
            b.Add(new Network { Id = id, Name = $"{jurisdictions[j].Region}政务外网", NetworkKind = NetworkKind.Extranet, Links = [new NetworkLink(up, LinkVia.Direct)] });
            regionalNetworks[j] = id;
        }
        for (var s = 0; s < Sectors.Length; s++)
        {
            var links = s % 2 == 0 ? new[] { new NetworkLink("net.extranet", s == 4 ? LinkVia.Direct : LinkVia.Gateway) } : [];
            b.Add(new Network { Id = $"net.ded.s{s}", Name = $"{Sectors[s]}专网", NetworkKind = NetworkKind.Dedicated, Classified = s is 0 or 4, Links = links });
        }

        // Platforms: a shared cloud per province and per even municipality; data centres for one agency in ten.
        var clouds = new Dictionary<int, string>();
        for (var j = 1; j < jurisdictions.Count; j++)
        {
            if (jurisdictions[j].Level == AgencyLevel.Provincial || (jurisdictions[j].Level == AgencyLevel.Municipal && j % 2 == 0))
            {
                var id = $"pf.cloud.{jurisdictions[j].Region}";
                b.Add(new Platform { Id = id, Name = $"{jurisdictions[j].Region}政务云", PlatformKind = PlatformKind.Cloud, Shared = true, Owner = $"ag.{jurisdictions[j].Region}.gov", Region = jurisdictions[j].Region });
                clouds[j] = id;
            }
        }
        var datacenters = new Dictionary<int, string>();
        for (var a = 0; a < agencyIds.Count; a++)
        {
            if (r.Next(10) == 0)
            {
                var id = $"pf.dc.{agencyIds[a]}";
                b.Add(new Platform { Id = id, Name = $"{agencyIds[a]}机房", PlatformKind = PlatformKind.Datacenter, Owner = agencyIds[a] });
                datacenters[a] = id;
            }
        }

        // Data resources: one for ten systems.
        var resourceCount = Math.Max(1, systemCount / 10);
        var resourceOwner = new int[resourceCount];
        for (var i = 0; i < resourceCount; i++)
        {
            var owner = r.Next(agencyIds.Count);
            resourceOwner[i] = owner;
            b.Add(new DataResource
            {
                Id = $"res.{i}", Name = $"数据资源{i}", Owner = agencyIds[owner], Category = (ResourceCategory)r.Next(7),
                Sharing = (SharingLevel)r.Next(3), Open = r.Next(3) == 0, Classified = r.Next(50) == 0,
            });
        }

        // Systems.
        var systemsByAgency = new List<int>[agencyIds.Count];
        var systemsByJurisdiction = new List<int>[jurisdictions.Count];
        for (var a = 0; a < agencyIds.Count; a++) systemsByAgency[a] = [];
        for (var j = 0; j < jurisdictions.Count; j++) systemsByJurisdiction[j] = [];
        var systemOwner = new int[systemCount];
        var origins = new[] { ComponentOrigin.Domestic, ComponentOrigin.Domestic, ComponentOrigin.Foreign, ComponentOrigin.Unknown };
        for (var i = 0; i < systemCount; i++)
        {
            var owner = r.Next(agencyIds.Count);
            systemOwner[i] = owner;
            systemsByAgency[owner].Add(i);
            var j = agencyJurisdiction[owner];
            systemsByJurisdiction[j].Add(i);
            var sector = agencySector[owner];
            var caps = new List<string>();
            if (sector >= 0) caps.Add(sectorCaps[sector][r.Next(9)]);
            if (sector < 0 || r.Next(4) == 0) caps.Add(shareable[r.Next(shareable.Length)]);
            // Real names usually start with the owner's name, which AM1002 normalization removes.
            var name = (sector >= 0 ? Sectors[sector] : "政府") + Words[r.Next(Words.Length)] + Words[r.Next(Words.Length)] + Suffixes[r.Next(Suffixes.Length)];
            var agencyName = sector >= 0 ? $"{jurisdictions[j].Region}{Sectors[sector]}局" : $"{jurisdictions[j].Region}人民政府";
            var status = r.Next(20) switch { 0 => SystemStatus.Planned, 1 => SystemStatus.Building, 2 => SystemStatus.Retiring, 3 => SystemStatus.Retired, _ => SystemStatus.Operational };
            var networks = new List<string>();
            var regional = j == 0 ? "net.extranet" : regionalNetworks.TryGetValue(j, out var rn) ? rn : regionalNetworks[jurisdictions[j].Parent];
            networks.Add(r.Next(5) == 0 && sector >= 0 ? $"net.ded.s{sector}" : regional);
            if (r.Next(30) == 0) networks.Add("net.internet");
            var hostingRoll = r.Next(10);
            string? hosting = hostingRoll < 6 && CloudFor(j) is { } cloud ? cloud
                : hostingRoll < 9 && datacenters.TryGetValue(owner, out var dc) ? dc : null;
            b.Add(new InformationSystem
            {
                Id = $"sys.{i:D6}", Name = r.Next(4) == 0 ? name : agencyName + name, Owner = agencyIds[owner], Capabilities = caps, Status = status,
                Aliases = r.Next(10) == 0 ? [$"{name}{r.Next(3)}期"] : [],
                UsedBy = r.Next(20) == 0 ? [agencyIds[r.Next(agencyIds.Count)]] : [],
                Networks = networks, Hosting = hosting, Standalone = r.Next(100) == 0,
                Cost = r.Next(5) == 0 ? null : new SystemCost(r.Next(10, 1000) * 10000.0, r.Next(1, 100) * 10000.0),
                Usage = r.Next(10) < 7 ? new SystemUsage(r.Next(10, 10000), r.Next(20) == 0 ? r.Next(10) : r.Next(10, 5000)) : null,
                ProtectionLevel = r.Next(1, 5),
                Components = Enumerable.Range(0, r.Next(1, 4)).Select(k => new SystemComponent($"c{k}", (ComponentCategory)r.Next(10), origins[r.Next(origins.Length)], null)).ToArray(),
                Holds = r.Next(5) == 0 ? [$"res.{r.Next(resourceCount)}"] : [],
                Project = null,
            });
        }

        // Flows: ~1.5 per system; half inside the jurisdiction, a third up the sector line, a few anywhere; one
        // system in ten gets none of its own (silos).
        var flowId = 0;
        for (var i = 0; i < systemCount; i++)
        {
            if (r.Next(10) == 0) continue;
            var count = r.Next(1, 3);
            for (var k = 0; k < count; k++)
            {
                var owner = systemOwner[i];
                var roll = r.Next(20);
                int target;
                if (roll < 10)
                {
                    var local = systemsByJurisdiction[agencyJurisdiction[owner]];
                    target = local[r.Next(local.Count)];
                }
                else if (roll < 17 && agencySector[owner] >= 0 && jurisdictions[agencyJurisdiction[owner]].Parent >= 0)
                {
                    var parentAgency = agencyIds.Count > 0 ? ParentIndex(owner) : owner;
                    var above = systemsByAgency[parentAgency];
                    if (above.Count == 0) continue;
                    target = above[r.Next(above.Count)];
                }
                else if (roll < 19)
                {
                    target = r.Next(systemCount);
                }
                else
                {
                    var own = systemsByAgency[owner];
                    target = own[r.Next(own.Count)];
                }
                if (target == i) continue;
                var carries = r.Next(3) == 0 ? new[] { $"res.{r.Next(resourceCount)}" } : [];
                b.Add(new Flow
                {
                    Id = $"flow.{flowId++:D7}", From = $"sys.{i:D6}", To = $"sys.{target:D6}", Carries = carries,
                    Status = r.Next(20) switch { 0 => FlowStatus.Planned, 1 => FlowStatus.Retired, _ => FlowStatus.Active },
                });
            }
        }

        // Services and projects.
        for (var i = 0; i < systemCount / 5; i++)
        {
            var s = r.Next(systemCount);
            b.Add(new Service
            {
                Id = $"svc.{i}", Name = $"服务{i}", Provider = agencyIds[systemOwner[s]], Systems = [$"sys.{s:D6}"],
                Channels = r.Next(3) == 0 ? [ServiceChannel.Counter] : [ServiceChannel.Web, ServiceChannel.Wechat],
            });
        }
        for (var i = 0; i < systemCount / 10; i++)
        {
            var s = r.Next(systemCount);
            b.Add(new Project
            {
                Id = $"prj.{i}", Name = $"项目{i}", Agency = agencyIds[systemOwner[s]], Budget = r.Next(10, 500) * 10000.0,
                Stage = (ProjectStage)r.Next(6), Delivers = r.Next(5) == 0 ? [] : [$"sys.{s:D6}"],
            });
        }
        b.WithTarget(MetricNames.CloudRate, 0.9).WithTarget(MetricNames.IsolationRate, 0.05);

        var result = b.Build();
        if (result.HasErrors)
        {
            throw new InvalidOperationException("The synthetic model is invalid: " + result.Diagnostics.First(static d => d.Severity == Diagnostics.DiagnosticSeverity.Error));
        }
        return result.Model;

        string? CloudFor(int j)
        {
            for (var k = j; k >= 0; k = jurisdictions[k].Parent)
            {
                if (clouds.TryGetValue(k, out var id)) return id;
            }
            return null;
        }

        // Agencies are laid out jurisdiction by jurisdiction, 21 per jurisdiction: the parent of sector s in
        // jurisdiction j is sector s in j's parent jurisdiction.
        int ParentIndex(int agency) => jurisdictions[agencyJurisdiction[agency]].Parent * 21 + agency % 21;
    }
}
