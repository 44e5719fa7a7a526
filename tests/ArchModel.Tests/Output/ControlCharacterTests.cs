using System.Text;
using System.Text.Json;
using ArchModel.Analysis;
using ArchModel.Output;

namespace ArchModel.Tests.Output;

/// <summary>
/// Control and bidi characters in a model's text are shown as visible <c>\uXXXX</c> escapes, and the JSON and SARIF
/// outputs hold none of them raw (their encoder escapes C0, C1 and, beyond .NET's relaxed encoder, the bidi
/// embeddings, overrides and isolates), while still meaning the same text.
/// </summary>
public sealed class ControlCharacterTests
{
    [TestCase("plain 中文\ttab\nline", "plain 中文\ttab\nline")]
    [TestCase("\u001b]0;title\u0007", @"\u001B]0;title\u0007")]
    [TestCase("cr\rdel\u007f nul\0", @"cr\u000Ddel\u007F nul\u0000")]
    [TestCase("c1 \u0085\u009b", @"c1 \u0085\u009B")]
    [TestCase("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069", @"\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069")]
    [TestCase("emoji 😀 and \u200D zwj", "emoji 😀 and \u200D zwj")]
    public void Escape_Text_ShowsControlsAsVisibleEscapes(string input, string expected)
    {
        Assert.That(VisibleControls.Escape(input), Is.EqualTo(expected));
    }

    [Test]
    public void Escape_TextWithoutControls_IsTheSameInstance()
    {
        const string text = "省级政务云 (cloud)";
        Assert.That(VisibleControls.Escape(text), Is.SameAs(text));
    }

    private static (LoadResult Load, AnalysisResult Analysis) Hostile(TempFolder temp)
    {
        // The model's name holds ESC and BEL and an isolate (the names from the fifth on).
        var load = ModelLoader.LoadFile(HostileText.Write(temp, "model.json", 4));
        Assert.That(load.HasErrors, Is.False, string.Join("\n", load.Diagnostics));
        return (load, Analyzer.Analyze(load.Model!));
    }

    private static string Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    public void Json_HostileNames_HaveNoRawControlOrBidiAndReadBackUnchanged()
    {
        using var temp = new TempFolder();
        var (load, analysis) = Hostile(temp);
        var json = Write(s => AnalysisOutput.WriteJson(s, load, analysis, Language.English));
        Assert.That(json.IndexOfAny(HostileText.Raw), Is.EqualTo(-1));
        Assert.That(json, Does.Contain(@"\u001B").And.Contain(@"\u2067rtl\u2069"));
        using var doc = JsonDocument.Parse(json);
        Assert.That(doc.RootElement.GetProperty("model").GetProperty("name").GetString(), Is.EqualTo(load.Model!.Info.Name));
        var validation = Write(s => JsonOutput.WriteValidation(s, load, Language.Chinese));
        Assert.That(validation.IndexOfAny(HostileText.Raw), Is.EqualTo(-1));
    }

    [Test]
    public void Sarif_HostileNames_HaveNoRawControlOrBidi()
    {
        using var temp = new TempFolder();
        var (load, analysis) = Hostile(temp);
        var sarif = Write(s => AnalysisOutput.WriteSarif(s, load, analysis, Language.English));
        Assert.That(analysis.Findings, Is.Not.Empty);
        Assert.That(sarif.IndexOfAny(HostileText.Raw), Is.EqualTo(-1));
        using var _ = JsonDocument.Parse(sarif);
    }

    [Test]
    public void Json_BidiCharacterAcrossTheEncodersBuffer_IsEscaped()
    {
        // Long values go through the encoder in pieces: every position of the character must be found.
        for (var n = 0; n < 70; n++)
        {
            var value = new string('中', n) + "\u2067" + new string('x', n);
            var json = Write(s =>
            {
                using var w = new Utf8JsonWriter(s, JsonOutput.WriterOptions);
                w.WriteStringValue(value);
            });
            Assert.That(json, Is.EqualTo("\"" + new string('中', n) + @"\u2067" + new string('x', n) + "\""));
        }
    }
}
