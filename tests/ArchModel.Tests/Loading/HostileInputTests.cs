using System.Text;
using System.Text.Json.Nodes;

namespace ArchModel.Tests.Loading;

/// <summary>Inputs built to break a loader: none may throw, hang, or go unreported.</summary>
public sealed class HostileInputTests
{
    private const string Valid = """
        {
          "formatVersion": "1",
          "model": { "id": "m", "name": "示范", "language": "zh-CN", "asOf": "2016-04-08" },
          "settings": { "duplicateNameSimilarity": 0.8, "severity": { "AM1002": "off" } },
          "targets": { "cloudRate": 0.9 },
          "capabilities": [ { "id": "cap.oa", "name": "办公", "shareable": true } ],
          "agencies": [
            { "id": "ag.p", "name": "省政府", "level": "provincial", "region": "990000", "kind": "government" },
            { "id": "ag.c", "name": "市公安局", "level": "municipal", "region": "990100", "sector": "公安", "parent": "ag.p" }
          ],
          "networks": [
            { "id": "net.x", "name": "外网", "kind": "extranet", "links": [ { "to": "net.d", "via": "gateway" } ] },
            { "id": "net.d", "name": "专网", "kind": "dedicated", "classified": false }
          ],
          "platforms": [ { "id": "pl.c", "name": "政务云", "kind": "cloud", "shared": true, "networks": ["net.x"] } ],
          "systems": [
            { "id": "s.a", "name": "甲系统", "owner": "ag.p", "capabilities": ["cap.oa"], "networks": ["net.x"], "hosting": "pl.c",
              "usage": { "registeredUsers": 10, "monthlyActiveUsers": 5 }, "cost": { "build": 1.5, "annualOperation": 2 },
              "protectionLevel": 3, "components": [ { "name": "DB", "category": "database", "origin": "foreign", "vendor": "V" } ],
              "holds": ["d.pop"], "tags": ["t"], "properties": { "k": "v", "n": 1, "b": true } },
            { "id": "s.b", "name": "乙系统", "owner": "ag.c", "status": "planned", "standalone": false }
          ],
          "dataResources": [ { "id": "d.pop", "name": "人口库", "owner": "ag.p", "category": "population", "sharing": "unconditional", "open": true } ],
          "flows": [ { "from": "s.a", "to": "s.b", "carries": ["d.pop"], "via": ["net.x"], "mode": "api", "status": "active" } ],
          "services": [ { "id": "svc", "name": "服务", "provider": "ag.p", "systems": ["s.a"], "channels": ["web"] } ],
          "projects": [ { "id": "prj", "name": "项目", "agency": "ag.p", "budget": 100, "year": 2016, "stage": "accepted", "delivers": ["s.a"] } ],
          "suppressions": [ { "rule": "AM4003", "elements": ["s.a"], "justification": "替换中" } ]
        }
        """;

    private static LoadResult LoadText(string text) => LoadBytes(Encoding.UTF8.GetBytes(text));

    private static LoadResult LoadBytes(byte[] bytes)
    {
        using var temp = new TempFolder();
        var path = temp.WriteBytes("model.json", bytes);
        return ModelLoader.LoadFile(path, new LoadOptions { DisplayBase = temp.Path });
    }

    [Test]
    public void Load_ValidBaseline_HasNoDiagnostics() =>
        Assert.That(LoadText(Valid).Diagnostics, Is.Empty);

    [Test]
    public void Load_TruncatedAtEveryStructuralPoint_ReportsInvalidJsonAndNeverThrows()
    {
        var structural = Enumerable.Range(0, Valid.Length).Where(i => "{}[],:\"".Contains(Valid[i], StringComparison.Ordinal)).ToList();
        Assert.That(structural, Has.Count.GreaterThan(300));
        foreach (var i in structural)
        {
            foreach (var cut in new[] { i, i + 1 }.Where(c => c < Valid.TrimEnd().Length))
            {
                var result = LoadText(Valid[..cut]);
                Assert.That(result.Diagnostics.Select(static d => d.Code), Does.Contain("AM0001"), $"cut at {cut}");
                Assert.That(result.Diagnostics.All(static d => d.Location is not null), Is.True);
            }
        }
    }

    [Test]
    public void Load_WrongTypeAtEveryValue_ReportsAnErrorAtThatValue()
    {
        var root = JsonNode.Parse(Valid)!;
        var paths = new List<string>();
        Collect(root, "", paths);
        Assert.That(paths, Has.Count.GreaterThan(100));
        foreach (var path in paths)
        {
            foreach (JsonNode? replacement in new JsonNode?[] { JsonValue.Create(7), JsonValue.Create("x"), new JsonObject(), new JsonArray(), JsonValue.Create(true), null })
            {
                var copy = JsonNode.Parse(Valid)!;
                var (parent, key) = Resolve(copy, path);
                var before = key is int i ? parent[i]?.ToJsonString() : parent[(string)key]?.ToJsonString();
                var after = replacement?.ToJsonString() ?? "null";
                if (before == after || (before is not null && after == "7" && before.All(char.IsDigit)))
                {
                    continue;
                }
                if (key is int index)
                {
                    parent[index] = replacement?.DeepClone();
                }
                else
                {
                    parent[(string)key] = replacement?.DeepClone();
                }
                var result = LoadText(copy.ToJsonString());
                Assert.That(result.Model, Is.Not.Null);
                Assert.That(result.Diagnostics.All(static d => d.Location is not null), Is.True, $"{path} = {after}");
            }
        }
    }

    [Test]
    public void Load_StringWhereNumberExpected_IsLocatedAtTheValue()
    {
        var text = Valid.Replace("\"protectionLevel\": 3", "\"protectionLevel\": \"3\"", StringComparison.Ordinal);
        var result = LoadText(text);
        var d = result.Diagnostics.Single();
        var line = text.Split('\n').Select((l, i) => (l, i)).First(t => t.l.Contains("\"protectionLevel\"", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(d.Code, Is.EqualTo("AM0004"));
            Assert.That(d.Location!.Line, Is.EqualTo(line.i + 1));
            Assert.That(d.Location.Column, Is.EqualTo(line.l.IndexOf("\"3\"", StringComparison.Ordinal) + 1));
            Assert.That(d.Location.Path, Is.EqualTo("systems[0].protectionLevel"));
        });
    }

    [Test]
    public void Load_NestedOneHundredThousandDeep_ReportsInvalidJsonWithoutOverflow()
    {
        var deep = "{\"formatVersion\":\"1\",\"agencies\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var result = LoadText(deep);
        var d = result.Diagnostics.Single(static d => d.Code == "AM0001");
        Assert.That(d.Message.English, Does.Contain("nested too deeply"));
    }

    [Test]
    public void Load_RootNestedOneHundredThousandDeep_ReportsRootNotObject()
    {
        var result = LoadText(new string('[', 100_000));
        Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0004" }));
    }

    [Test]
    public void Load_TenMegabyteString_LoadsAndClipsItInMessages()
    {
        var huge = new string('长', 10 * 1024 * 1024 / 3);
        var text = Valid.Replace("\"甲系统\"", $"\"{huge}\"", StringComparison.Ordinal).Replace("\"tags\"", $"\"{huge}\"", StringComparison.Ordinal);
        var result = LoadText(text);
        Assert.That(result.Model!.GetSystem("s.a")!.Name, Has.Length.EqualTo(huge.Length));
        var unknown = result.Diagnostics.Single();
        Assert.That(unknown.Code, Is.EqualTo("AM0002"));
        Assert.That(unknown.Message.English.Length, Is.LessThan(400));
    }

    [Test]
    public void Load_BinaryGarbage_ReportsInvalidJson([Range(1, 20)] int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[random.Next(1, 4096)];
        random.NextBytes(bytes);
        var result = LoadBytes(bytes);
        Assert.That(result.Diagnostics, Is.Not.Empty);
        Assert.That(result.Diagnostics[0].Code, Is.AnyOf("AM0001", "AM0004"));
    }

    [Test]
    public void Load_Utf16File_ReportsInvalidJson()
    {
        var result = LoadBytes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid)).ToArray());
        Assert.That(result.Diagnostics.Select(static d => d.Code), Is.EqualTo(new[] { "AM0001" }));
    }

    [Test]
    public void Load_Utf8Bom_IsToleratedAndNotCountedAsAColumn()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"formatVersion\": \"1\", \"nope\": 1}")).ToArray();
        var d = LoadBytes(bytes).Diagnostics.Single();
        Assert.That((d.Code, d.Location!.Line, d.Location.Column), Is.EqualTo(("AM0002", 1, 24)));
    }

    [Test]
    public void Load_InvalidUtf8InAString_ReportsInvalidJsonAtTheString()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"formatVersion\": \"1\", \"model\": {\"id\": \"");
        var bytes = prefix.Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}}")).ToArray();
        var d = LoadBytes(bytes).Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo("AM0001"));
        Assert.That(d.Location!.Line, Is.EqualTo(1));
    }

    private static void Collect(JsonNode node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var p = path.Length == 0 ? key : $"{path}.{key}";
                    paths.Add(p);
                    if (child is not null)
                    {
                        Collect(child, p, paths);
                    }
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var p = $"{path}[{i}]";
                    paths.Add(p);
                    if (a[i] is { } child)
                    {
                        Collect(child, p, paths);
                    }
                }
                break;
        }
    }

    private static (JsonNode Parent, object Key) Resolve(JsonNode root, string path)
    {
        var parts = new List<object>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            parts.Add(bracket < 0 ? segment : segment[..bracket]);
            while (bracket >= 0)
            {
                var close = segment.IndexOf(']', bracket);
                parts.Add(int.Parse(segment[(bracket + 1)..close], System.Globalization.CultureInfo.InvariantCulture));
                bracket = segment.IndexOf('[', close);
            }
        }
        var node = root;
        foreach (var part in parts.SkipLast(1))
        {
            node = part is int i ? node[i]! : node[(string)part]!;
        }
        return (node, parts[^1]);
    }
}
