using System.Text.Json;

namespace ArchModel.Generation;

/// <summary>Writes a <see cref="ShapedModel"/>: one document, or a root file and one file per part joined by includes.</summary>
internal static class ShapedWriter
{
    public static GeneratedModel WriteTo(string rootPath, string folder, string partsFolder, ShapedModel model, GeneratorOptions options, bool split)
    {
        var files = new List<string>();
        long elements = ModelGenerator.WriteAtomically(rootPath, w => WriteRoot(w, model, options, split ? $"{partsFolder}/*.json" : null, allParts: !split), ModelGenerator.CompactOptions);
        files.Add(rootPath);
        if (!split)
        {
            return new GeneratedModel(files, elements);
        }
        Directory.CreateDirectory(Path.Combine(folder, partsFolder));
        for (var part = 0; part < model.PartCount; part++)
        {
            var path = Path.Combine(folder, partsFolder, $"{model.PartName(part)}.json");
            var content = model.Part(part);
            elements += ModelGenerator.WriteAtomically(path, w =>
            {
                w.WriteStartObject();
                w.WriteString("$schema", "../../schema/archmodel.schema.json");
                w.WriteString("formatVersion", "1");
                var count = WriteSections(w, content, null);
                w.WriteEndObject();
                return count;
            }, ModelGenerator.CompactOptions);
            files.Add(path);
        }
        return new GeneratedModel(files, elements);
    }

    private static string ShapeName(GeneratorShape shape) => shape switch
    {
        GeneratorShape.Realistic => "realistic",
        GeneratorShape.HugeJurisdictions => "huge-jurisdictions",
        GeneratorShape.DeepLines => "deep-lines",
        GeneratorShape.UniformNames => "uniform-names",
        _ => "synthetic",
    };

    private static string ShapeTitle(GeneratorShape shape) => shape switch
    {
        GeneratorShape.Realistic => "全国形态模型",
        GeneratorShape.HugeJurisdictions => "超大行政区模型",
        GeneratorShape.DeepLines => "深层条线模型",
        _ => "同名系统模型",
    };

    /// <summary>The root document: header, capabilities, networks, the root's own elements, and with <paramref name="allParts"/> every part's.</summary>
    public static long WriteRoot(Utf8JsonWriter w, ShapedModel model, GeneratorOptions options, string? includes, bool allParts)
    {
        w.WriteStartObject();
        w.WriteString("$schema", "../schema/archmodel.schema.json");
        w.WriteString("formatVersion", "1");
        w.WriteStartObject("model");
        w.WriteString("id", $"generated-{ShapeName(options.Shape)}-{ModelGenerator.JsonNamesOf(options)}-{options.Seed}");
        w.WriteString("name", $"{ShapeTitle(options.Shape)}（{model.AgencyCount} 个机构，种子 {options.Seed}）");
        w.WriteString("description", $"由 archmodel generate --shape {ShapeName(options.Shape)} 生成的合成模型，用于性能测试。");
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
        w.WriteNumber("cloudRate", 0.9);
        w.WriteNumber("sharingRate", 0.9);
        w.WriteEndObject();
        long count = 0;
        w.WriteStartArray("capabilities");
        foreach (var (id, name, shareable) in model.Capabilities)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            if (shareable)
            {
                w.WriteBoolean("shareable", true);
            }
            w.WriteEndObject();
            count++;
        }
        w.WriteEndArray();
        count += WriteNetworks(w);
        // One document: each section holds the root's elements and every part's, so each part is generated once
        // per section (seven times) rather than all held at once.
        count += WriteSections(w, model.Root(), allParts ? model : null);
        w.WriteEndObject();
        return count;
    }

    private static long WriteSections(Utf8JsonWriter w, ShapedContent content, ShapedModel? parts)
    {
        long count = 0;
        for (var section = 0; section < ShapedContent.Sections.Length; section++)
        {
            w.WriteStartArray(ShapedContent.Sections[section]);
            count += content.WriteSection(w, section);
            if (parts is not null)
            {
                for (var part = 0; part < parts.PartCount; part++)
                {
                    count += parts.Part(part).WriteSection(w, section);
                }
            }
            w.WriteEndArray();
        }
        return count;
    }

    private static readonly (string Code, string Name)[] Dedicated =
    [
        ("ps", "公安信息网"), ("hrss", "人社业务专网"), ("health", "卫生健康专网"), ("edu", "教育专网"),
        ("amr", "市场监管专网"), ("nr", "自然资源专网"), ("civil", "民政专网"), ("fin", "财政专网"),
    ];

    /// <summary>The unified networks and eight dedicated ones: most linked to a unified network, one a classified network joined by an isolation device, one an island.</summary>
    private static long WriteNetworks(Utf8JsonWriter w)
    {
        w.WriteStartArray("networks");
        foreach (var (id, name, kind) in new[] { ("net.intranet", "国家电子政务内网", "intranet"), ("net.extranet", "国家电子政务外网", "extranet"), ("net.internet", "互联网", "internet") })
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteString("kind", kind);
            w.WriteEndObject();
        }
        for (var i = 0; i < Dedicated.Length; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", $"net.{Dedicated[i].Code}");
            w.WriteString("name", Dedicated[i].Name);
            w.WriteString("kind", "dedicated");
            if (i == 0)
            {
                w.WriteBoolean("classified", true);
            }
            if (i != 7)
            {
                w.WriteStartArray("links");
                w.WriteStartObject();
                w.WriteString("to", i == 0 ? "net.intranet" : "net.extranet");
                w.WriteString("via", i == 0 ? "isolation" : "gateway");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        return 3 + Dedicated.Length;
    }
}
