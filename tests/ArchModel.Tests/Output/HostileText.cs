using System.Text.Json.Nodes;

namespace ArchModel.Tests.Output;

/// <summary>
/// Models whose every name is hostile to a Markdown reader or a terminal: HTML, links to script, images, Markdown
/// syntax, and the control and bidi characters that retitle a terminal or reorder text.
/// </summary>
internal static class HostileText
{
    public static readonly string[] Names =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "![i](http://evil.invalid/p.png)",
        "\u001b]0;pwned\u0007\u001b[2J title \u2067rtl\u2069",
        "bidi \u202Eexe.txt\u202C and \u2066isolate\u2069",
        "| pipe | # hash *b* _i_ `c` ~s~ \\",
        "C1 \u009b31m csi and \u0085 nel",
        "line one\nline two",
    ];

    /// <summary>The characters no text output may hold raw.</summary>
    public static readonly char[] Raw = ['\u001b', '\u0007', '\u009b', '\u0085', '\u202E', '\u202C', '\u2066', '\u2069'];

    /// <summary>The quickstart model with every name and description replaced by a hostile one, starting at <paramref name="offset"/>.</summary>
    public static string Write(TempFolder temp, string file, int offset, bool toBe = false)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Models, "quickstart", "model.json")))!.AsObject();
        root.Remove("$schema");
        var i = offset;
        Replace(root, ref i);
        if (toBe)
        {
            // The to-be model drops a flow and adds a network: removed, added and changed elements and plan steps.
            var flows = root["flows"]!.AsArray();
            flows.RemoveAt(flows.Count - 1);
            root["networks"]!.AsArray().Add(new JsonObject { ["id"] = "net.new", ["name"] = Names[0] + Names[4], ["kind"] = "dedicated", ["owner"] = "ag.city.gov" });
        }
        return temp.Write(file, root.ToJsonString());
    }

    private static void Replace(JsonNode node, ref int i)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(static p => p.Key).ToList())
                {
                    if (key is "name" or "description" && o[key] is JsonValue)
                    {
                        o[key] = Names[i++ % Names.Length];
                    }
                    else if (o[key] is { } child)
                    {
                        Replace(child, ref i);
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Replace(child, ref i);
                    }
                }
                break;
        }
    }

    /// <summary>Asserts that a Markdown output shows every hostile name as text: no HTML, link, image or raw control.</summary>
    public static void AssertInertMarkdown(string markdown)
    {
        Assert.That(markdown, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("!["));
        // A link needs an unescaped "](": the escaped name shows "\[x\](javascript:…)" as text.
        Assert.That(markdown, Does.Not.Match(@"(?<!\\)\]\((javascript|http://evil)"));
        Assert.That(markdown.IndexOfAny(Raw), Is.EqualTo(-1), "a raw control or bidi character");
        foreach (var line in markdown.Split('\n').Where(static l => l.StartsWith('|')))
        {
            Assert.That(line, Does.EndWith("|"), "a table row broken by a value");
        }
    }
}
