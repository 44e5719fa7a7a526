using System.Text.Json;
using ArchModel.Output;

namespace ArchModel.Generation;

// The element records the shaped generators (every shape but the synthetic one) produce, one part of a model at a
// time, and the code that writes them. A part is what one file holds when the model is split.

internal sealed record GenAgency(string Id, string Name, string Level, string? Region, string? Sector, string? Parent, string Kind);

internal sealed record GenPlatform(string Id, string Name, string Kind, bool Shared, string Owner, string? Region, string? Network);

internal sealed record GenSystem(
    string Id, string Name, string Owner, string[] Capabilities, string? Status, string[] UsedBy, string[] Networks, string? Hosting,
    int Users, int ActiveUsers, int Build, int ProtectionLevel, int Components, string? Holds);

internal sealed record GenData(string Id, string Name, string Owner, string Category, string Sharing, bool Open);

/// <summary>A generated flow, of any shape.</summary>
internal sealed record GenFlow(string Id, string From, string To, string? Carries, string Mode, bool Planned);

internal sealed record GenService(string Id, string Name, string Provider, string System, bool Online);

internal sealed record GenProject(string Id, string Name, string Agency, int Budget, int Year, string Stage, string? Delivers);

/// <summary>The elements of one part of a shaped model, in the order they are written.</summary>
internal sealed class ShapedContent
{
    public List<GenAgency> Agencies { get; } = [];

    public List<GenPlatform> Platforms { get; } = [];

    public List<GenSystem> Systems { get; } = [];

    public List<GenData> Data { get; } = [];

    public List<GenFlow> Flows { get; } = [];

    public List<GenService> Services { get; } = [];

    public List<GenProject> Projects { get; } = [];

    public long Count => Agencies.Count + Platforms.Count + Systems.Count + Data.Count + Flows.Count + Services.Count + Projects.Count;

    /// <summary>The sections, by their property names, in writing order.</summary>
    public static readonly string[] Sections = ["agencies", "platforms", "systems", "dataResources", "flows", "services", "projects"];

    /// <summary>Writes the elements of one section (without the array around them); returns how many.</summary>
    public long WriteSection(Utf8JsonWriter w, int section)
    {
        switch (section)
        {
            case 0:
                foreach (var a in Agencies)
                {
                    JsonOutput.FlushWhenFull(w);
                    w.WriteStartObject();
                    w.WriteString("id", a.Id);
                    w.WriteString("name", a.Name);
                    w.WriteString("level", a.Level);
                    if (a.Region is not null)
                    {
                        w.WriteString("region", a.Region);
                    }
                    if (a.Sector is not null)
                    {
                        w.WriteString("sector", a.Sector);
                    }
                    if (a.Parent is not null)
                    {
                        w.WriteString("parent", a.Parent);
                    }
                    w.WriteString("kind", a.Kind);
                    w.WriteEndObject();
                }
                return Agencies.Count;
            case 1:
                foreach (var p in Platforms)
                {
                    JsonOutput.FlushWhenFull(w);
                    w.WriteStartObject();
                    w.WriteString("id", p.Id);
                    w.WriteString("name", p.Name);
                    w.WriteString("kind", p.Kind);
                    if (p.Shared)
                    {
                        w.WriteBoolean("shared", true);
                    }
                    w.WriteString("owner", p.Owner);
                    if (p.Region is not null)
                    {
                        w.WriteString("region", p.Region);
                    }
                    if (p.Network is not null)
                    {
                        w.WriteStartArray("networks");
                        w.WriteStringValue(p.Network);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                return Platforms.Count;
            case 2:
                foreach (var s in Systems)
                {
                    JsonOutput.FlushWhenFull(w);
                    WriteSystem(w, s);
                }
                return Systems.Count;
            case 3:
                foreach (var d in Data)
                {
                    JsonOutput.FlushWhenFull(w);
                    w.WriteStartObject();
                    w.WriteString("id", d.Id);
                    w.WriteString("name", d.Name);
                    w.WriteString("owner", d.Owner);
                    w.WriteString("category", d.Category);
                    w.WriteString("sharing", d.Sharing);
                    if (d.Open)
                    {
                        w.WriteBoolean("open", true);
                    }
                    w.WriteEndObject();
                }
                return Data.Count;
            case 4:
                foreach (var f in Flows)
                {
                    JsonOutput.FlushWhenFull(w);
                    ModelGenerator.WriteFlow(w, f);
                }
                return Flows.Count;
            case 5:
                foreach (var s in Services)
                {
                    JsonOutput.FlushWhenFull(w);
                    w.WriteStartObject();
                    w.WriteString("id", s.Id);
                    w.WriteString("name", s.Name);
                    w.WriteString("provider", s.Provider);
                    w.WriteStartArray("systems");
                    w.WriteStringValue(s.System);
                    w.WriteEndArray();
                    w.WriteStartArray("channels");
                    w.WriteStringValue(s.Online ? "web" : "counter");
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                return Services.Count;
            default:
                foreach (var p in Projects)
                {
                    JsonOutput.FlushWhenFull(w);
                    w.WriteStartObject();
                    w.WriteString("id", p.Id);
                    w.WriteString("name", p.Name);
                    w.WriteString("agency", p.Agency);
                    w.WriteNumber("budget", p.Budget);
                    w.WriteNumber("year", p.Year);
                    w.WriteString("stage", p.Stage);
                    if (p.Delivers is not null)
                    {
                        w.WriteStartArray("delivers");
                        w.WriteStringValue(p.Delivers);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                return Projects.Count;
        }
    }

    private static readonly string[] ComponentCategories = ["chip", "server", "os", "database", "middleware", "office", "security"];

    private static void WriteSystem(Utf8JsonWriter w, GenSystem s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("owner", s.Owner);
        if (s.Capabilities.Length > 0)
        {
            w.WriteStartArray("capabilities");
            foreach (var c in s.Capabilities)
            {
                w.WriteStringValue(c);
            }
            w.WriteEndArray();
        }
        if (s.Status is not null)
        {
            w.WriteString("status", s.Status);
        }
        if (s.UsedBy.Length > 0)
        {
            w.WriteStartArray("usedBy");
            foreach (var u in s.UsedBy)
            {
                w.WriteStringValue(u);
            }
            w.WriteEndArray();
        }
        if (s.Networks.Length > 0)
        {
            w.WriteStartArray("networks");
            foreach (var n in s.Networks)
            {
                w.WriteStringValue(n);
            }
            w.WriteEndArray();
        }
        if (s.Hosting is not null)
        {
            w.WriteString("hosting", s.Hosting);
        }
        if (s.Users >= 0)
        {
            w.WriteStartObject("usage");
            w.WriteNumber("registeredUsers", s.Users);
            w.WriteNumber("monthlyActiveUsers", s.ActiveUsers);
            w.WriteEndObject();
        }
        if (s.Build >= 0)
        {
            w.WriteStartObject("cost");
            w.WriteNumber("build", s.Build);
            w.WriteNumber("annualOperation", s.Build / 10);
            w.WriteEndObject();
        }
        w.WriteNumber("protectionLevel", s.ProtectionLevel);
        if (s.Components != 0)
        {
            // Components: bit pairs, one per category in order: 1 domestic, 2 foreign.
            w.WriteStartArray("components");
            for (var c = 0; c < ComponentCategories.Length; c++)
            {
                var origin = (s.Components >> (2 * c)) & 3;
                if (origin != 0)
                {
                    w.WriteStartObject();
                    w.WriteString("name", $"{ComponentCategories[c]}-{(origin == 2 ? "f" : "d")}");
                    w.WriteString("category", ComponentCategories[c]);
                    w.WriteString("origin", origin == 2 ? "foreign" : "domestic");
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
        }
        if (s.Holds is not null)
        {
            w.WriteStartArray("holds");
            w.WriteStringValue(s.Holds);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
