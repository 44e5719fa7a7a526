using System.Globalization;
using ArchModel.Diagnostics;
using ArchModel.Model;

namespace ArchModel.Planning;

/// <summary>Writes each step's description for a planner, in Chinese and English.</summary>
internal static class Describer
{
    public static LocalizedText Describe(PlanBuilder plan, DraftStep step)
    {
        var c = step.Change;
        var subject = Name(plan, step.Subject);
        LocalizedText Field(string path) => FieldText(plan, step.Changes.FirstOrDefault(f => f.Field == path));
        switch (step.Action)
        {
            case StepAction.Register:
                return step.Kind == ElementKind.Agency
                    ? T($"登记新设机构{subject.Zh}", $"Register the new agency {subject.En}")
                    : T($"登记新增能力{subject.Zh}", $"Register the new capability {subject.En}");
            case StepAction.StartProject:
            {
                var p = (Project)c.After!;
                var budget = p.Budget is { } b ? $"，预算 {Money(b)} 元" : "";
                var budgetEn = p.Budget is { } b2 ? $", budget {Money(b2)} yuan" : "";
                var year = p.Year is { } y ? $"（{y} 年）" : "";
                var yearEn = p.Year is { } y2 ? $" ({y2})" : "";
                return T($"项目{subject.Zh}立项{year}，由{Name(plan, p.Agency).Zh}建设{budget}",
                    $"Start project {subject.En}{yearEn}, run by {Name(plan, p.Agency).En}{budgetEn}");
            }
            case StepAction.BuildNetwork:
            {
                var n = (Network)c.After!;
                return T($"建设网络{subject.Zh}（{JsonNames.Of(n.NetworkKind)}{(n.IsClassified ? "，涉密" : "")}）{Links(plan, n.Links).Zh}",
                    $"Build network {subject.En} ({JsonNames.Of(n.NetworkKind)}{(n.IsClassified ? ", classified" : "")}){Links(plan, n.Links).En}");
            }
            case StepAction.BuildPlatform:
            {
                var p = (Platform)c.After!;
                var nets = Names(plan, p.Networks);
                return T($"建设{(p.Shared ? "共享" : "")}平台{subject.Zh}（{(p.PlatformKind == PlatformKind.Cloud ? "云平台" : "数据中心")}）{(p.Networks.Count > 0 ? "，接入" + nets.Zh : "")}",
                    $"Build {(p.Shared ? "shared " : "")}platform {subject.En} ({JsonNames.Of(p.PlatformKind)}){(p.Networks.Count > 0 ? ", attached to " + nets.En : "")}");
            }
            case StepAction.LinkNetworks:
            {
                var change = step.Changes.First(f => f.Field == "links");
                var added = change.AddedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
                var removed = change.RemovedValues.OfType<IReadOnlyDictionary<string, object?>>().ToList();
                var zh = new List<string>();
                var en = new List<string>();
                foreach (var l in added)
                {
                    zh.Add($"经{Via((string)l["via"]!).Zh}与{Name(plan, (string)l["to"]!).Zh}互联");
                    en.Add($"link it to {Name(plan, (string)l["to"]!).En} via {Via((string)l["via"]!).En}");
                }
                foreach (var l in removed.Where(r => !added.Any(a => Equals(a["to"], r["to"]))))
                {
                    zh.Add($"撤除与{Name(plan, (string)l["to"]!).Zh}的连接");
                    en.Add($"remove its link to {Name(plan, (string)l["to"]!).En}");
                }
                return T($"调整网络{subject.Zh}的互联：{string.Join("；", zh)}", $"Change the links of network {subject.En}: {string.Join("; ", en)}");
            }
            case StepAction.UpdateNetwork or StepAction.UpdatePlatform:
            {
                var fields = Fields(plan, step.Changes);
                return step.Action == StepAction.UpdateNetwork
                    ? T($"调整网络{subject.Zh}：{fields.Zh}", $"Change network {subject.En}: {fields.En}")
                    : T($"调整平台{subject.Zh}：{fields.Zh}", $"Change platform {subject.En}: {fields.En}");
            }
            case StepAction.BuildSystem or StepAction.GoLive:
            {
                var s = (InformationSystem)c.After!;
                var where = Deployment(plan, s);
                if (step.Action == StepAction.GoLive)
                {
                    var again = c.Before is InformationSystem { Status: SystemStatus.Retired or SystemStatus.Retiring };
                    return T($"{(again ? "恢复" : "")}系统{subject.Zh}上线运行{where.Zh}", $"Put system {subject.En} into operation{(again ? " again" : "")}{where.En}");
                }
                var starting = s.Status != SystemStatus.Operational;
                return T($"{(starting ? "启动建设" : "建设")}{Name(plan, s.Owner).Zh}的系统{subject.Zh}{where.Zh}",
                    $"{(starting ? "Start building" : "Build")} system {subject.En} of {Name(plan, s.Owner).En}{where.En}");
            }
            case StepAction.MoveToNetwork:
            {
                var change = step.Changes.First(f => f.Field == "networks");
                var added = Names(plan, change.AddedValues.OfType<string>());
                var removed = Names(plan, change.RemovedValues.OfType<string>());
                var zh = added.Zh.Length > 0 ? $"将系统{subject.Zh}接入{added.Zh}" + (removed.Zh.Length > 0 ? $"，并撤出{removed.Zh}" : "") : $"系统{subject.Zh}撤出{removed.Zh}";
                var en = added.En.Length > 0 ? $"Move system {subject.En} onto {added.En}" + (removed.En.Length > 0 ? $" and off {removed.En}" : "") : $"Take system {subject.En} off {removed.En}";
                return T(zh, en);
            }
            case StepAction.MoveToPlatform:
            {
                var change = step.Changes.First(f => f.Field == "hosting");
                var from = change.Before is string b ? Name(plan, b) : default;
                var to = change.After is string a ? Name(plan, a) : default;
                if (to.Zh is null) return StepTexts.OffPlatform(subject, from);
                if (from.Zh is null) return T($"将系统{subject.Zh}部署到{to.Zh}", $"Host system {subject.En} on {to.En}");
                return T($"将系统{subject.Zh}从{from.Zh}迁移至{to.Zh}", $"Migrate system {subject.En} from {from.En} to {to.En}");
            }
            case StepAction.Localize:
                return StepTexts.Localize(plan, step, subject);
            case StepAction.ShareSystem:
            {
                var change = step.Changes.First(f => f.Field == "usedBy");
                var added = Names(plan, change.AddedValues.OfType<string>());
                var removed = Names(plan, change.RemovedValues.OfType<string>());
                var zh = new List<string>();
                var en = new List<string>();
                if (added.Zh.Length > 0) { zh.Add($"将系统{subject.Zh}推广至{added.Zh}共用"); en.Add($"Open system {subject.En} to {added.En}"); }
                if (removed.Zh.Length > 0) { zh.Add($"{(zh.Count == 0 ? $"系统{subject.Zh}：" : "")}{removed.Zh}不再使用"); en.Add($"{(en.Count == 0 ? $"System {subject.En}: " : "")}{removed.En} stop using it"); }
                return T(string.Join("；", zh), string.Join("; ", en));
            }
            case StepAction.RegisterData:
            {
                var d = (DataResource)c.After!;
                return T($"将数据资源{subject.Zh}纳入政务信息资源目录（{Sharing(d.Sharing).Zh}{(d.Open ? "，开放" : "")}），权威来源为{Name(plan, d.Owner).Zh}",
                    $"Register data resource {subject.En} in the catalogue ({Sharing(d.Sharing).En}{(d.Open ? ", open" : "")}), authoritative source {Name(plan, d.Owner).En}");
            }
            case StepAction.ShareData:
            {
                var change = step.Changes.First(f => f.Field == "sharing");
                var from = Sharing((string?)change.Before);
                var to = Sharing((string?)change.After);
                return T($"将数据资源{subject.Zh}由{from.Zh}调整为{to.Zh}", $"Change data resource {subject.En} from {from.En} to {to.En}");
            }
            case StepAction.OpenData:
                return Equals(step.Changes.First(f => f.Field == "open").After, true)
                    ? T($"将数据资源{subject.Zh}作为开放数据向社会发布", $"Publish data resource {subject.En} as open data")
                    : T($"停止开放数据资源{subject.Zh}", $"Withdraw data resource {subject.En} from open data");
            case StepAction.Connect:
            {
                var f = (Flow)c.After!;
                var what = FlowText(plan, f);
                var verb = c.Before is Flow { IsActive: false } ? ("恢复", "Reactivate") : c.Before is Flow ? ("启用", "Commission") : ("建立", "Set up");
                return T($"{verb.Item1}数据流 {f.Id}：{what.Zh}", $"{verb.Item2} flow {f.Id}: {what.En}");
            }
            case StepAction.ChangeFlow:
            {
                var f = (Flow)c.After!;
                var fields = Fields(plan, step.Changes);
                return T($"调整数据流 {f.Id}（{Name(plan, f.From).Zh} → {Name(plan, f.To).Zh}）：{fields.Zh}",
                    $"Change flow {f.Id} ({Name(plan, f.From).En} → {Name(plan, f.To).En}): {fields.En}");
            }
            case StepAction.LaunchService:
            {
                var v = (Service)c.After!;
                var systems = Names(plan, v.Systems);
                var channels = string.Join("、", v.Channels.Select(static ch => Channel(JsonNames.Of(ch))));
                var channelsEn = string.Join(", ", v.Channels.Select(static ch => JsonNames.Of(ch)));
                return T($"上线政务服务{subject.Zh}{(channels.Length > 0 ? $"（渠道：{channels}）" : "")}{(systems.Zh.Length > 0 ? "，依托" + systems.Zh : "")}",
                    $"Launch public service {subject.En}{(channelsEn.Length > 0 ? $" (channels: {channelsEn})" : "")}{(systems.En.Length > 0 ? ", run on " + systems.En : "")}");
            }
            case StepAction.ChangeService:
            {
                var fields = Fields(plan, step.Changes);
                return T($"调整政务服务{subject.Zh}：{fields.Zh}", $"Change public service {subject.En}: {fields.En}");
            }
            case StepAction.Disconnect:
            {
                var f = (Flow)c.Before!;
                var replaced = step.Elements.Where(e => e != step.Subject && plan.AnyElement(e) is Flow).ToList();
                var by = replaced.Count > 0 ? ($"，已由数据流 {string.Join("、", replaced)} 替代", $", now replaced by flow {string.Join(", ", replaced)}") : ("", "");
                if (replaced.Count == 0)
                {
                    // No flow takes its place: it ends when a retiring end's replacement has taken over its users.
                    foreach (var end in new[] { plan.Map(f.From), plan.Map(f.To) }.Distinct())
                    {
                        var retire = plan.StepsOf(end).FirstOrDefault(static s => s.Action == StepAction.RetireSystem);
                        var successors = retire is null ? [] : plan.Replacements(retire).ToList();
                        if (successors.Count > 0)
                        {
                            var names = Names(plan, successors);
                            by = ($"，{Name(plan, end).Zh}的业务由{names.Zh}承接后不再需要", $", no longer needed once {names.En} has taken over from {Name(plan, end).En}");
                            break;
                        }
                    }
                }
                return T($"停用数据流 {f.Id}（{Name(plan, plan.Map(f.From)).Zh} → {Name(plan, plan.Map(f.To)).Zh}）{by.Item1}",
                    $"Stop flow {f.Id} ({Name(plan, plan.Map(f.From)).En} → {Name(plan, plan.Map(f.To)).En}){by.Item2}");
            }
            case StepAction.WithdrawService:
                return T($"撤销政务服务{subject.Zh}", $"Withdraw public service {subject.En}");
            case StepAction.RetireSystem:
            {
                var replacements = plan.Replacements(step);
                var by = Names(plan, replacements);
                var retiring = c.After is InformationSystem { Status: SystemStatus.Retiring };
                var zh = $"{(retiring ? "启动" : "")}系统{subject.Zh}下线{(retiring ? "程序" : "停用")}";
                var en = $"{(retiring ? "Begin retiring" : "Retire")} system {subject.En}";
                if (replacements.Count > 0)
                {
                    zh += $"，业务和数据交换由{by.Zh}承接";
                    en += $"; its users and data exchanges are taken over by {by.En}";
                }
                return T(zh, en);
            }
            case StepAction.RetireData:
            {
                var into = step.Elements.FirstOrDefault(e => e != step.Subject);
                return into is null
                    ? T($"撤销数据资源{subject.Zh}", $"Retire data resource {subject.En}")
                    : T($"撤销数据资源{subject.Zh}，并入{Name(plan, into).Zh}", $"Retire data resource {subject.En}, merged into {Name(plan, into).En}");
            }
            case StepAction.RetirePlatform or StepAction.RetireNetwork:
                return StepTexts.RetireHost(plan, step, subject);
            case StepAction.Deregister:
                return T($"从台账中注销{KindName(step.Kind).Zh}{subject.Zh}", $"Remove {KindName(step.Kind).En} {subject.En} from the records");
            case StepAction.AdvanceProject:
            {
                var change = step.Changes.First(f => f.Field == "stage");
                var from = Stage((string?)change.Before);
                var to = Stage((string?)change.After);
                return T($"项目{subject.Zh}由{from.Zh}推进至{to.Zh}", $"Move project {subject.En} from {from.En} to {to.En}");
            }
            case StepAction.Update when step.Records.Count > 0:
                return StepTexts.Records(plan, step, subject);
            default:
            {
                var fields = Fields(plan, step.Changes);
                var verb = c.Change == ChangeKind.Added ? ("登记", "Record") : ("更新", "Update");
                if (c.Change == ChangeKind.Added)
                {
                    return T($"{verb.Item1}{KindName(step.Kind).Zh}{subject.Zh}（状态：{Field("status").Chinese}）", $"{verb.Item2} {KindName(step.Kind).En} {subject.En} (status: {Field("status").English})");
                }
                return T($"更新{KindName(step.Kind).Zh}{subject.Zh}的台账：{fields.Zh}", $"Update the record of {KindName(step.Kind).En} {subject.En}: {fields.En}");
            }
        }
    }

    private static LocalizedText T(string zh, string en) => new(zh, en);

    internal readonly record struct Pair(string Zh, string En);

    /// <summary>An element as 「name」(id) in Chinese and name (id) in English.</summary>
    internal static Pair Name(PlanBuilder plan, string? id)
    {
        if (id is null) return new("—", "—");
        var e = plan.AnyElement(id);
        return e is null or Flow ? new($" {id} ", id) : new($"「{e.DisplayName}」({id})", $"{e.DisplayName} ({id})");
    }

    internal static Pair Components(IEnumerable<object?> values)
    {
        var list = values.OfType<IReadOnlyDictionary<string, object?>>().ToList();
        string Origin(IReadOnlyDictionary<string, object?> c, bool zh) => (c.TryGetValue("origin", out var o) ? o as string : null) switch
        {
            "domestic" => zh ? "（国产）" : " (domestic)",
            "foreign" => zh ? "（国外）" : " (foreign)",
            _ => "",
        };
        return new(string.Join("、", list.Select(c => $"{c["name"]}{Origin(c, true)}")), string.Join(", ", list.Select(c => $"{c["name"]}{Origin(c, false)}")));
    }

    internal static Pair Names(PlanBuilder plan, IEnumerable<string> ids)
    {
        var names = ids.Select(id => Name(plan, id)).ToList();
        return new(string.Join("、", names.Select(static n => n.Zh)), string.Join(", ", names.Select(static n => n.En)));
    }

    private static Pair Links(PlanBuilder plan, IReadOnlyList<NetworkLink> links) => links.Count == 0 ? new("", "") : new(
        "，" + string.Join("，", links.Select(l => $"经{Via(JsonNames.Of(l.Via)).Zh}与{Name(plan, l.To).Zh}互联")),
        ", " + string.Join(", ", links.Select(l => $"linked to {Name(plan, l.To).En} via {Via(JsonNames.Of(l.Via)).En}")));

    private static Pair Deployment(PlanBuilder plan, InformationSystem s)
    {
        var nets = Names(plan, s.Networks);
        var zh = (s.Hosting is null ? "" : $"，部署在{Name(plan, s.Hosting).Zh}") + (s.Networks.Count > 0 ? $"，接入{nets.Zh}" : "");
        var en = (s.Hosting is null ? "" : $", hosted on {Name(plan, s.Hosting).En}") + (s.Networks.Count > 0 ? $", attached to {nets.En}" : "");
        return new(zh, en);
    }

    private static Pair FlowText(PlanBuilder plan, Flow f)
    {
        var data = Names(plan, f.Carries);
        var via = Names(plan, f.Via);
        var zh = $"{Name(plan, f.From).Zh} → {Name(plan, f.To).Zh}" + (f.Carries.Count > 0 ? $"，交换{data.Zh}" : "")
            + (f.Via.Count > 0 ? $"，经{via.Zh}" : "") + (f.Mode is { } m ? $"，方式 {JsonNames.Of(m)}" : "");
        var en = $"{Name(plan, f.From).En} → {Name(plan, f.To).En}" + (f.Carries.Count > 0 ? $", carrying {data.En}" : "")
            + (f.Via.Count > 0 ? $", over {via.En}" : "") + (f.Mode is { } m2 ? $", mode {JsonNames.Of(m2)}" : "");
        return new(zh, en);
    }

    /// <summary>A list of field changes: <c>field: before → after</c>, sets as added/removed values, free text by name only.</summary>
    internal static Pair Fields(PlanBuilder plan, IEnumerable<FieldChange> changes)
    {
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var c in changes)
        {
            var t = FieldText(plan, c);
            zh.Add(t.Chinese);
            en.Add(t.English);
        }
        return new(string.Join("；", zh), string.Join("; ", en));
    }

    /// <summary>A field's name in Chinese for the fields planners see most; the JSON path otherwise.</summary>
    private static string FieldLabel(string field) => field switch
    {
        "id" => "标识",
        "name" => "名称",
        "description" => "说明",
        "tags" => "标签",
        "owner" => "责任单位",
        "aliases" => "别名",
        "capabilities" => "能力",
        "status" => "状态",
        "holds" => "持有数据",
        "project" => "所属项目",
        "protectionLevel" => "等保级别",
        "usage.registeredUsers" => "注册用户数",
        "usage.monthlyActiveUsers" => "月活跃用户数",
        "cost.build" => "建设投资",
        "cost.annualOperation" => "年运维费用",
        "channels" => "服务渠道",
        "systems" => "支撑系统",
        "carries" => "交换数据",
        "via" => "传输网络",
        "mode" => "交换方式",
        "from" => "发送方",
        "to" => "接收方",
        "delivers" => "交付系统",
        "budget" => "预算",
        "networks" => "接入网络",
        "shared" => "共享",
        "sharing" => "共享属性",
        _ => field,
    };

    private static LocalizedText FieldText(PlanBuilder plan, FieldChange? c)
    {
        if (c is null) return T("—", "—");
        var label = FieldLabel(c.Field);
        if (c.Field is "description" || c.Field.StartsWith("properties.", StringComparison.Ordinal) && c.Before is string { Length: > 40 })
        {
            return T($"{label}已修订", $"{c.Field} revised");
        }
        if (c.IsSet)
        {
            Pair Item(object? v) => v is string s ? (c.Field == "channels" ? new Pair(Channel(s), s) : Ref(plan, s)) : new Pair(FieldValues.Display(v), FieldValues.Display(v));
            var added = c.AddedValues.Select(Item).ToList();
            var removed = c.RemovedValues.Select(Item).ToList();
            var zh = new List<string>();
            var en = new List<string>();
            if (added.Count > 0) { zh.Add("增加" + string.Join("、", added.Select(static p => p.Zh))); en.Add("add " + string.Join(", ", added.Select(static p => p.En))); }
            if (removed.Count > 0) { zh.Add("去掉" + string.Join("、", removed.Select(static p => p.Zh))); en.Add("remove " + string.Join(", ", removed.Select(static p => p.En))); }
            return T($"{label}{string.Join("，", zh)}", $"{c.Field}: {string.Join(", ", en)}");
        }
        var before = c.Before is string b ? Ref(plan, b) : new Pair(FieldValues.Display(c.Before), FieldValues.Display(c.Before));
        var after = c.After is string a ? Ref(plan, a) : new Pair(FieldValues.Display(c.After), FieldValues.Display(c.After));
        return T($"{label} {before.Zh} → {after.Zh}", $"{c.Field} {before.En} → {after.En}");
    }

    /// <summary>A string value: the element it names when it is an id, else the text itself.</summary>
    private static Pair Ref(PlanBuilder plan, string value) =>
        plan.AnyElement(value) is { } e and not Flow ? Name(plan, value) : new(value, value);

    private static string Channel(string channel) => channel switch
    {
        "web" => "网站",
        "mobile" => "移动应用",
        "wechat" => "微信",
        "counter" => "窗口",
        "hotline" => "热线",
        "kiosk" => "自助终端",
        _ => "其他渠道",
    };

    private static Pair Via(string via) => via switch
    {
        "isolation" => new("网闸", "an isolation device"),
        "gateway" => new("网关", "a gateway"),
        _ => new("直连", "a direct connection"),
    };

    private static Pair Sharing(SharingLevel level) => Sharing(JsonNames.Of(level));

    private static Pair Sharing(string? level) => level switch
    {
        "unconditional" => new("无条件共享", "unconditional sharing"),
        "none" => new("不予共享", "not shared"),
        _ => new("有条件共享", "conditional sharing"),
    };

    private static Pair Stage(string? stage) => stage switch
    {
        "proposed" => new("申报", "proposed"),
        "approved" => new("批复", "approved"),
        "building" => new("建设", "building"),
        "accepted" => new("验收", "accepted"),
        "evaluated" => new("绩效评价", "evaluated"),
        "cancelled" => new("撤销", "cancelled"),
        _ => new("未定", "no stage"),
    };

    public static Pair KindName(ElementKind kind) => kind switch
    {
        ElementKind.Capability => new("能力", "capability"),
        ElementKind.Agency => new("机构", "agency"),
        ElementKind.Network => new("网络", "network"),
        ElementKind.Platform => new("平台", "platform"),
        ElementKind.System => new("系统", "system"),
        ElementKind.DataResource => new("数据资源", "data resource"),
        ElementKind.Flow => new("数据流", "flow"),
        ElementKind.Service => new("政务服务", "service"),
        _ => new("项目", "project"),
    };

    private static string Money(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
