using System.Text;
using ArchModel.Model;

namespace ArchModel.Tests.Loading;

/// <summary>How the loader turns byte offsets into lines and columns.</summary>
public sealed class SourceTextTests
{
    private const string Text = "{\r\n  \"名称\": \"市公安局\",\n\n  \"𠀋\": [1,\n    2],\t\"x\": \"y\"\n}\n";

    private static SourceText Source(string text) => new("a.json", "/a.json", Encoding.UTF8.GetBytes(text));

    /// <summary>The byte offset of every character's start (tokens start there), and of the end.</summary>
    private static List<long> CharacterStarts(string text)
    {
        var starts = new List<long>();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || !char.IsLowSurrogate(text[i]))
            {
                starts.Add(Encoding.UTF8.GetByteCount(text.AsSpan(0, i)));
            }
        }
        return starts;
    }

    [Test]
    public void Counting_forward_agrees_with_the_line_index_at_every_offset()
    {
        // Chinese text, a character outside the BMP (two UTF-16 units), CRLF, LF, a blank line and a tab.
        var forward = Source(Text);
        var indexed = Source(Text);
        foreach (var offset in CharacterStarts(Text))
        {
            var expected = indexed.Locate(offset, "p");
            var actual = forward.LocateForward(offset, "p");
            Assert.That((actual.Line, actual.Column), Is.EqualTo((expected.Line, expected.Column)), $"offset {offset}");
        }
        Assert.That(forward.HasLineIndex, Is.False);
    }

    [Test]
    public void Counting_from_an_anchor_agrees_with_the_line_index()
    {
        var source = Source(Text);
        var starts = CharacterStarts(Text);
        foreach (var from in starts)
        {
            var anchor = source.Locate(from, "");
            foreach (var offset in starts.Where(o => o >= from))
            {
                var expected = source.Locate(offset, "p");
                var actual = source.LocateFrom(anchor, offset, "p");
                Assert.That((actual.Line, actual.Column, actual.Offset), Is.EqualTo((expected.Line, expected.Column, offset)), $"{from} → {offset}");
            }
        }
    }

    [Test]
    public void Elements_and_reports_count_on_their_own_and_only_behind_both_is_the_line_index_built()
    {
        var source = Source(Text);
        var indexed = Source(Text);
        void Check(SourceLocation actual)
        {
            var expected = indexed.Locate(actual.Offset, "p");
            Assert.That((actual.Line, actual.Column), Is.EqualTo((expected.Line, expected.Column)), $"offset {actual.Offset}");
        }
        Check(source.LocateForward(40, "p"));
        Check(source.LocateReport(12, "p")); // behind the elements' cursor: the reports' own
        Check(source.LocateReport(45, "p"));
        Check(source.LocateReport(42, "p")); // behind the reports' cursor, not the elements': from there
        Assert.That(source.HasLineIndex, Is.False);
        Check(source.LocateForward(5, "p")); // behind both
        Assert.That(source.HasLineIndex, Is.True);
    }

    [Test]
    public void The_byte_order_mark_is_not_a_column()
    {
        var source = new SourceText("a.json", "/a.json", (byte[])[.. "\uFEFF"u8, .. "{\"a\": 1}"u8]);
        var location = source.LocateForward(source.Start + 1, "a");
        Assert.That((location.Line, location.Column), Is.EqualTo((1, 2)));
    }

    [Test]
    public void Parsing_a_file_locates_everything_without_indexing_its_lines()
    {
        // The root, includes, targets, elements and the parser's own warnings come in file order: an index of
        // every line would be megabytes for each file of a national model, built for nothing.
        const string json = """
            {
              "formatVersion": "1",
              "includes": ["more.json"],
              "targets": { "duplicateRate": 0.05 },
              "agencies": [
                { "id": "ag.a", "name": "甲局", "level": "provincial", "unknownField": 1 },
                { "id": "ag.b", "name": "乙局", "level": "provincial" }
              ]
            }
            """;
        var source = Source(json);
        var diagnostics = new List<Diagnostics.Diagnostic>();
        var parser = new FileParser(source, new ModelContent(), diagnostics, isRoot: true);
        parser.Parse();
        Assert.That(parser.Includes, Has.Count.EqualTo(1));
        Assert.That(diagnostics, Has.Count.EqualTo(1), "the unknown property is reported");
        Assert.That(diagnostics[0].Location!.Line, Is.EqualTo(6));
        Assert.That(source.HasLineIndex, Is.False);
    }

    [Test]
    public void In_a_one_line_file_every_column_is_the_token_index()
    {
        // A minified model: every location, the parser's and the validator's, is counted without going back to
        // the start of the (only) line, and is still the UTF-16 index of its token plus one.
        const string json = """{"formatVersion":"1","agencies":[{"id":"ag.甲","name":"甲局","level":"provincial","parent":"ag.无","bogus":1},{"id":"ag.𠀋","level":"provincial","bogus":2}]}""";
        using var folder = new TempFolder();
        var load = ModelLoader.LoadFile(folder.Write("model.json", json), new LoadOptions { DisplayBase = folder.Path });
        string Column(string code, int nth = 0) => string.Join(",", load.Diagnostics.Where(d => d.Code == code).Select(d => $"{d.Location!.Line}:{d.Location.Column}").Skip(nth).Take(1));
        Assert.That(Column("AM0002"), Is.EqualTo($"1:{json.IndexOf("\"bogus\"", StringComparison.Ordinal) + 1}"));
        Assert.That(Column("AM0002", 1), Is.EqualTo($"1:{json.LastIndexOf("\"bogus\"", StringComparison.Ordinal) + 1}"));
        Assert.That(Column("AM0006"), Is.EqualTo($"1:{json.IndexOf("\"ag.无\"", StringComparison.Ordinal) + 1}"));
        Assert.That(load.Diagnostics.Select(d => d.Code), Has.Member("AM0003"), "the missing name");
        Assert.That(Column("AM0003"), Is.EqualTo($"1:{json.IndexOf("{\"id\":\"ag.𠀋", StringComparison.Ordinal) + 1}"));
    }
}
