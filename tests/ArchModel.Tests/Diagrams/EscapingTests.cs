using ArchModel.Diagrams;

namespace ArchModel.Tests.Diagrams;

public sealed class EscapingTests
{
    [TestCase("plain", "\"plain\"")]
    [TestCase("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [TestCase(@"a\b", "\"a\\\\b\"")]
    [TestCase(@"ends with \", "\"ends with \\\\\"")]
    [TestCase(@"\N \G \l", "\"\\\\N \\\\G \\\\l\"")]
    [TestCase("one\ntwo", "\"one\\ntwo\"")]
    [TestCase("one\r\ntwo\rthree", "\"one\\ntwo\\nthree\"")]
    [TestCase("tab\tbell\u0007", "\"tab bell \"")]
    [TestCase("<b>&amp;</b>", "\"<b>&amp;amp;</b>\"")]
    [TestCase("{x|y} -> z; // c", "\"{x|y} -> z; // c\"")]
    [TestCase("中文😀", "\"中文😀\"")]
    public void DotQuote_HostileText_IsOneSafeQuotedString(string input, string expected)
    {
        Assert.That(DotWriter.Quote(input), Is.EqualTo(expected));
    }

    [Test]
    public void DotQuote_AnyText_HasNoUnescapedQuoteOrRawLineBreak()
    {
        foreach (var name in DiagramModels.HostileNames)
        {
            var quoted = DotWriter.Quote(name);
            var inner = quoted[1..^1];
            Assert.That(inner, Does.Not.Contain("\n").And.Not.Contain("\r"));
            // Every quote inside is preceded by an odd number of backslashes.
            for (var i = inner.IndexOf('"'); i >= 0; i = inner.IndexOf('"', i + 1))
            {
                var slashes = 0;
                for (var j = i - 1; j >= 0 && inner[j] == '\\'; j--) slashes++;
                Assert.That(slashes % 2, Is.EqualTo(1), name);
            }
            Assert.That(inner.Length - inner.TrimEnd('\\').Length, Is.EqualTo(0).Or.Matches<int>(n => n % 2 == 0), name);
        }
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(5000)]
    public void DotTooltip_ManyIds_IsTheClippedJoinOfAll(int count)
    {
        // Ids with combining marks, emoji and CJK, so that text elements and UTF-16 units differ around the clip.
        var ids = Enumerable.Range(0, count)
            .Select(static i => (i % 3) switch { 0 => $"sys.e\u0301{i}", 1 => $"系统👩‍💻{i}", _ => $"s{i}\u0308" })
            .Order(StringComparer.Ordinal)
            .ToArray();
        var view = new DiagramView
        {
            Kind = ViewKind.Landscape,
            Title = new LocalizedText("t", "t"),
            Nodes = [new DiagramNode { Key = "g", Kind = DiagramNodeKind.Group, Label = "g", ElementIds = ids }],
            Edges = [],
        };
        var dot = new DotWriter().Write(view);
        var expected = ", tooltip=" + DotWriter.Quote(DiagramText.Clip(string.Join(", ", ids), 200)) + "];";
        Assert.That(dot, Does.Contain(expected));
    }

    [TestCase("a & b <c> \"d\" 'e'", "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;")]
    [TestCase("one\ntwo", "one two")]
    public void DotEscapeHtml_Text_IsEntityEscaped(string input, string expected)
    {
        Assert.That(DotWriter.EscapeHtml(input), Is.EqualTo(expected));
    }

    [TestCase("plain 中文", "plain 中文")]
    [TestCase("say \"hi\"", "say #quot;hi#quot;")]
    [TestCase("a<b>&c", "a#lt;b#gt;#amp;c")]
    [TestCase("#35;", "#35;35#59;")]
    [TestCase("%%{init}%%", "#37;#37;#123;init#125;#37;#37;")]
    [TestCase("x[y](z){w}|v", "x#91;y#93;#40;z#41;#123;w#125;#124;v")]
    [TestCase("`code`", "#96;code#96;")]
    [TestCase(@"back\slash", "back#92;slash")]
    [TestCase("a;b", "a#59;b")]
    [TestCase("one\ntwo", "one<br>two")]
    [TestCase("end", "end")]
    [TestCase("-->", "--#gt;")]
    public void MermaidEscape_HostileText_UsesEntityCodes(string input, string expected)
    {
        Assert.That(MermaidWriter.Escape(input), Is.EqualTo(expected));
    }

    [Test]
    public void MermaidEscape_AnyText_LeavesNoCharacterTheParserReadsAsSyntax()
    {
        foreach (var name in DiagramModels.HostileNames)
        {
            var escaped = MermaidWriter.Escape(name).Replace("<br>", "", StringComparison.Ordinal);
            Assert.That(escaped, Does.Not.Contain("\"").And.Not.Contain("\n").And.Not.Contain("<").And.Not.Contain(">")
                .And.Not.Contain("[").And.Not.Contain("]").And.Not.Contain("{").And.Not.Contain("}").And.Not.Contain("|")
                .And.Not.Contain("%").And.Not.Contain("`").And.Not.Contain("(").And.Not.Contain(")"), name);
        }
    }

    [TestCase("short", 10, "short")]
    [TestCase("0123456789AB", 10, "012345678…")]
    [TestCase("😀😀😀😀😀", 3, "😀😀…")]
    [TestCase("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 2, "👨‍👩‍👧…")]
    public void Clip_LongText_ClipsByTextElementWithEllipsis(string input, int max, string expected)
    {
        Assert.That(DiagramText.Clip(input, max), Is.EqualTo(expected));
    }

    [Test]
    public void Lines_LoneSurrogateAndBidiOverride_BecomeHarmless()
    {
        Assert.That(DiagramText.Lines("a\uD800b\u202Ec"), Is.EqualTo(new[] { "a\uFFFDb c" }));
    }

    [Test]
    public void Lines_EveryControlAndBidiCharacter_BecomesASpace()
    {
        // C0 (without the line breaks), DEL, C1 (without NEL), bidi marks, embeddings, overrides and isolates, BOM.
        var hostile = Enumerable.Range(0, 0x20).Where(static c => c is not ('\n' or '\r'))
            .Concat(Enumerable.Range(0x7F, 0x21).Where(static c => c != 0x85))
            .Concat([0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF])
            .Select(static c => (char)c)
            .ToArray();
        var lines = DiagramText.Lines("a" + new string(hostile) + "b");
        Assert.That(lines, Is.EqualTo(new[] { "a" + new string(' ', hostile.Length) + "b" }));
        Assert.That(DotWriter.Quote("x\u2066y\u2069"), Is.EqualTo("\"x y \""));
        Assert.That(MermaidWriter.Escape("x\u2067y\u001b"), Is.EqualTo("x y "));
    }
}
