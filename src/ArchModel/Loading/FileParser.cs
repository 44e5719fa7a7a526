using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ArchModel.Diagnostics;
using ArchModel.Localization;
using ArchModel.Model;

namespace ArchModel.Loading;

/// <summary>
/// Reads one model file into <see cref="ModelContent"/>: the first of the loader's two phases. It checks
/// what one file can show (JSON syntax, property names, types, enum values, required properties) and
/// leaves what needs the whole model (ids, references, cycles, ranges) to <see cref="ModelValidator"/>.
/// </summary>
/// <remarks>
/// Streams the file with <see cref="Utf8JsonReader"/>: strict RFC 8259 (no comments, no trailing commas),
/// iterative (hostile nesting cannot overflow the stack), and every token's start offset is known, so
/// every diagnostic points at the start of the offending token.
/// </remarks>
internal sealed class FileParser
{
    /// <summary>The deepest nesting accepted; a model needs about six levels.</summary>
    public const int MaxDepth = 64;

    private readonly SourceText _source;
    private readonly ModelContent _content;
    private readonly List<Diagnostic> _diagnostics;
    private readonly bool _isRoot;
    private readonly List<string> _strings = [];
    private readonly List<int> _stringHashes = [];

    // The parsers of nested objects as delegates made once: a method group makes a new delegate each time it is
    // passed (three per system, a million in a national model).
    private readonly ObjectParser<NetworkLink> _parseLink;
    private readonly ObjectParser<SystemUsage> _parseUsage;
    private readonly ObjectParser<SystemCost> _parseCost;
    private readonly ObjectParser<SystemComponent> _parseComponent;

    public FileParser(SourceText source, ModelContent content, List<Diagnostic> diagnostics, bool isRoot)
    {
        _source = source;
        _content = content;
        _diagnostics = diagnostics;
        _isRoot = isRoot;
        _parseLink = ParseLink;
        _parseUsage = ParseUsage;
        _parseCost = ParseCost;
        _parseComponent = ParseComponent;
    }

    /// <summary>The file's <c>includes</c>, with the location of each entry.</summary>
    public List<(string Include, SourceLocation Location)> Includes { get; } = [];

    /// <summary>The location of the file's root object, when the file has one.</summary>
    public SourceLocation? RootLocation { get; private set; }

    public void Parse()
    {
        if (_source.Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            Report(DiagnosticCodes.InvalidJson, Messages.EmptyFile(), _source.Start, "");
            _content.Incomplete = true;
            return;
        }
        var reader = new Utf8JsonReader(_source.Json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report(DiagnosticCodes.InvalidValue, Messages.RootNotObject(), Start(ref reader), "");
                _content.Incomplete = true;
                return;
            }
            RootLocation = _source.LocateForward(Start(ref reader), "");
            ParseRoot(ref reader);
            // Anything after the root object is a syntax error, which Read reports by throwing.
            reader.Read();
        }
        catch (JsonException e)
        {
            // The rest of the file is not read: what it defines is unknown.
            _content.Incomplete = true;
            ReportSyntax(e);
        }
        catch (InvalidUtf8Exception e)
        {
            _content.Incomplete = true;
            Report(DiagnosticCodes.InvalidJson, Messages.InvalidUtf8(), e.Offset, "");
        }
    }

    private void ParseRoot(ref Utf8JsonReader r)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sawVersion = false;
        while (Next(ref r))
        {
            var nameOffset = Start(ref r);
            var name = GetString(ref r);
            r.Read();
            if (!seen.Add(name))
            {
                Report(DiagnosticCodes.InvalidJson, Messages.DuplicateKey(name), nameOffset, name);
                r.Skip();
                continue;
            }
            switch (name)
            {
                case "$schema":
                    ReadString(ref r, "$schema");
                    break;
                case "formatVersion":
                    sawVersion = true;
                    var version = ReadString(ref r, "formatVersion");
                    if (version is not null && version != "1")
                    {
                        Report(DiagnosticCodes.UnsupportedVersion, Messages.UnsupportedVersion(version), LastValueStart, "formatVersion");
                    }
                    break;
                case "includes":
                    ReadArray(ref r, "includes", (ref Utf8JsonReader item, PathText path) =>
                    {
                        var offset = Start(ref item);
                        if (ReadString(ref item, path) is { } include)
                        {
                            Includes.Add((include, _source.LocateForward(offset, path)));
                        }
                    });
                    break;
                case "model" or "settings" or "targets" when !_isRoot:
                    Report(DiagnosticCodes.UnknownProperty, Messages.RootOnlyProperty(name), nameOffset, name, DiagnosticSeverity.Warning);
                    r.Skip();
                    break;
                case "model":
                    ParseModelInfo(ref r);
                    break;
                case "settings":
                    ParseSettings(ref r);
                    break;
                case "targets":
                    ParseTargets(ref r);
                    break;
                case "capabilities":
                    ReadElements(ref r, name, ParseCapability);
                    break;
                case "agencies":
                    ReadElements(ref r, name, ParseAgency);
                    break;
                case "networks":
                    ReadElements(ref r, name, ParseNetwork);
                    break;
                case "platforms":
                    ReadElements(ref r, name, ParsePlatform);
                    break;
                case "systems":
                    ReadElements(ref r, name, ParseSystem);
                    break;
                case "dataResources":
                    ReadElements(ref r, name, ParseDataResource);
                    break;
                case "flows":
                    ReadElements(ref r, name, ParseFlow);
                    break;
                case "services":
                    ReadElements(ref r, name, ParseService);
                    break;
                case "projects":
                    ReadElements(ref r, name, ParseProject);
                    break;
                case "suppressions":
                    ReadElements(ref r, name, ParseSuppression);
                    break;
                default:
                    Report(DiagnosticCodes.UnknownProperty,
                        Messages.UnknownProperty(name, Texts.Of("load.where.file"), Suggest(name, RootProperties)),
                        nameOffset, name, DiagnosticSeverity.Warning);
                    r.Skip();
                    break;
            }
        }
        if (_isRoot && !sawVersion)
        {
            Report(DiagnosticCodes.MissingProperty, Messages.MissingProperty("formatVersion", Texts.Of("load.where.root-file")), RootLocation!.Offset, "");
        }
    }

    private static readonly string[] RootProperties =
    [
        "$schema", "formatVersion", "model", "includes", "settings", "targets", "capabilities", "agencies", "networks",
        "platforms", "systems", "dataResources", "flows", "services", "projects", "suppressions",
    ];

    private static readonly string[] ModelProperties = ["id", "name", "description", "language", "asOf", "milestones"];

    private static readonly string[] MilestoneProperties = ["id", "name", "date", "phase", "description"];

    private static readonly string[] SettingsProperties =
        ["duplicateNameSimilarity", "zombieMonthlyActiveUsers", "exposureMinProtectionLevel", "localizationMinProtectionLevel", "severity"];

    private void ParseModelInfo(ref Utf8JsonReader r)
    {
        if (!ExpectObject(ref r, "model"))
        {
            return;
        }
        var objectOffset = Start(ref r);
        string? id = null, name = null, description = null;
        var language = Language.Chinese;
        DateOnly? asOf = null;
        var milestones = new List<(Milestone Milestone, string Path, long Offset, long DateOffset, long PhaseOffset)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref r))
        {
            if (!ReadKey(ref r, seen, "model", out var nameOffset, out var key, out var path))
            {
                continue;
            }
            switch (key)
            {
                case "id":
                    id = ReadString(ref r, path);
                    break;
                case "name":
                    name = ReadString(ref r, path);
                    break;
                case "description":
                    description = ReadString(ref r, path);
                    break;
                case "language":
                    if (ReadString(ref r, path) is { } tag)
                    {
                        // A language's tag exactly as its table declares it (zh-CN, en), as the JSON Schema lists them.
                        if (Texts.All.FirstOrDefault(t => t.Tag == tag) is { } table)
                        {
                            language = table.Language;
                        }
                        else
                        {
                            Report(DiagnosticCodes.InvalidValue, Messages.UnknownEnum(path, tag, Texts.All.Select(static t => t.Tag)), LastValueStart, path);
                        }
                    }
                    break;
                case "asOf":
                    if (ReadString(ref r, path) is { } text)
                    {
                        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        {
                            asOf = date;
                        }
                        else
                        {
                            Report(DiagnosticCodes.InvalidValue, Messages.BadDate(path, text), LastValueStart, path);
                        }
                    }
                    break;
                case "milestones":
                    ReadArray(ref r, path, (ref Utf8JsonReader item, PathText itemPath) =>
                    {
                        if (ParseMilestone(ref item, itemPath) is { } m)
                        {
                            milestones.Add(m);
                        }
                    });
                    break;
                default:
                    UnknownProperty(ref r, key, nameOffset, "model", ModelProperties);
                    break;
            }
        }
        if (id is null && !seen.Contains("id"))
        {
            Report(DiagnosticCodes.MissingProperty, Messages.MissingProperty("id", "model"), objectOffset, "model");
        }
        CheckMilestones(milestones, asOf);
        _content.Info = new ModelInfo
        {
            Id = id ?? Path.GetFileNameWithoutExtension(_source.FullPath),
            Name = name,
            Description = description,
            Language = language,
            AsOf = asOf,
            Milestones = milestones.Select(static m => m.Milestone).ToList(),
        };
    }

    /// <summary>
    /// Reads the name of the next property of an object whose keys are taken one by one (<c>model</c>, its milestones,
    /// <c>settings</c>), leaving the reader on its value, with its path and where its name starts. A key given twice is reported and its value
    /// skipped: then <see langword="false"/>, and the caller goes on to the next property.
    /// </summary>
    private bool ReadKey(ref Utf8JsonReader r, HashSet<string> seen, PathText parent, out long nameOffset, out string key, out PathText path)
    {
        nameOffset = Start(ref r);
        key = GetString(ref r);
        path = parent.Property(key);
        r.Read();
        if (seen.Add(key))
        {
            return true;
        }
        Report(DiagnosticCodes.InvalidJson, Messages.DuplicateKey(key), nameOffset, path);
        r.Skip();
        return false;
    }

    /// <summary>
    /// One entry of <c>model.milestones</c>: <c>{ id, name, date, phase?, description? }</c>. An entry without a valid id,
    /// name or date is reported and left out.
    /// </summary>
    private (Milestone, string Path, long Offset, long DateOffset, long PhaseOffset)? ParseMilestone(ref Utf8JsonReader r, PathText path)
    {
        if (!ExpectObject(ref r, path))
        {
            r.Skip();
            return null;
        }
        var offset = Start(ref r);
        string? id = null, name = null, description = null;
        DateOnly? date = null;
        PlanPhase? phase = null;
        long dateOffset = offset, phaseOffset = offset;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        while (Next(ref r))
        {
            if (!ReadKey(ref r, seen, path, out var nameOffset, out var key, out var keyPath))
            {
                continue;
            }
            switch (key)
            {
                case "id":
                    id = ReadString(ref r, keyPath);
                    break;
                case "name":
                    name = ReadString(ref r, keyPath);
                    break;
                case "description":
                    description = ReadString(ref r, keyPath);
                    break;
                case "date":
                    if (ReadString(ref r, keyPath) is { } text)
                    {
                        dateOffset = LastValueStart;
                        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        {
                            date = d;
                        }
                        else
                        {
                            Report(DiagnosticCodes.InvalidValue, Messages.BadDate(keyPath, text), LastValueStart, keyPath);
                            valid = false;
                        }
                    }
                    break;
                case "phase":
                    phase = ReadEnum<PlanPhase>(ref r, keyPath);
                    phaseOffset = LastValueStart;
                    break;
                default:
                    UnknownProperty(ref r, key, nameOffset, path, MilestoneProperties);
                    break;
            }
        }
        foreach (var (required, value) in new[] { ("id", (object?)id), ("name", name), ("date", date) })
        {
            if (value is null && !seen.Contains(required))
            {
                Report(DiagnosticCodes.MissingProperty, Messages.MissingProperty(required, (string)path), offset, path);
            }
        }
        return valid && id is not null && name is not null && date is { } due
            ? (new Milestone(id, name, due, phase, description), (string)path, offset, dateOffset, phaseOffset)
            : null;
    }

    /// <summary>
    /// The checks that need all milestones: ids are unique, a phase is closed by one milestone only, phases close in
    /// plan order, and no milestone is due after the model's own date (the date the plan ends).
    /// </summary>
    private void CheckMilestones(List<(Milestone Milestone, string Path, long Offset, long DateOffset, long PhaseOffset)> milestones, DateOnly? asOf)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var phases = new Dictionary<PlanPhase, int>();
        for (var i = 0; i < milestones.Count; i++)
        {
            var (m, path, offset, dateOffset, phaseOffset) = milestones[i];
            if (!ids.TryAdd(m.Id, i))
            {
                Report(DiagnosticCodes.DuplicateId, Texts.Of("load.milestone-duplicate-id", m.Id, milestones[ids[m.Id]].Path), offset, path + ".id");
            }
            if (asOf is { } end && m.Date > end)
            {
                Report(DiagnosticCodes.InvalidValue, Texts.Of("load.milestone-after-date", m.Name, Iso(m.Date), Iso(end)),
                    dateOffset, path + ".date", DiagnosticSeverity.Warning);
            }
            if (m.Phase is not { } phase)
            {
                continue;
            }
            if (phases.TryGetValue(phase, out var first))
            {
                Report(DiagnosticCodes.InvalidValue, Texts.Of("load.milestone-phase-closed", JsonNames.Of(phase), milestones[first].Path),
                    phaseOffset, path + ".phase");
                continue;
            }
            phases[phase] = i;
            foreach (var (other, j) in phases)
            {
                var o = milestones[j].Milestone;
                if ((other < phase && o.Date > m.Date) || (other > phase && o.Date < m.Date))
                {
                    Report(DiagnosticCodes.InvalidValue, Texts.Of("load.milestone-out-of-order", m.Name, JsonNames.Of(phase), Iso(m.Date), milestones[j].Path, JsonNames.Of(other), Iso(o.Date)),
                        dateOffset, path + ".date");
                    break;
                }
            }
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void ParseSettings(ref Utf8JsonReader r)
    {
        if (!ExpectObject(ref r, "settings"))
        {
            return;
        }
        var settings = ModelSettings.Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref r))
        {
            if (!ReadKey(ref r, seen, "settings", out var nameOffset, out var key, out var path))
            {
                continue;
            }
            switch (key)
            {
                case "duplicateNameSimilarity":
                    if (ReadNumber(ref r, path) is { } similarity)
                    {
                        settings = settings with { DuplicateNameSimilarity = similarity };
                    }
                    break;
                case "zombieMonthlyActiveUsers":
                    if (ReadInteger(ref r, path) is { } users)
                    {
                        settings = settings with { ZombieMonthlyActiveUsers = users };
                    }
                    break;
                case "exposureMinProtectionLevel":
                    if (ReadInt32(ref r, path) is { } exposure)
                    {
                        settings = settings with { ExposureMinProtectionLevel = exposure };
                    }
                    break;
                case "localizationMinProtectionLevel":
                    if (ReadInt32(ref r, path) is { } localization)
                    {
                        settings = settings with { LocalizationMinProtectionLevel = localization };
                    }
                    break;
                case "severity":
                    settings = settings with { Severity = ParseSeverities(ref r, path) };
                    break;
                default:
                    UnknownProperty(ref r, key, nameOffset, "settings", SettingsProperties);
                    break;
            }
        }
        _content.Settings = settings;
    }

    private SortedDictionary<string, SeveritySetting> ParseSeverities(ref Utf8JsonReader r, string path)
    {
        var map = new SortedDictionary<string, SeveritySetting>(StringComparer.Ordinal);
        if (!ExpectObject(ref r, path))
        {
            return map;
        }
        while (Next(ref r))
        {
            var nameOffset = Start(ref r);
            var code = GetString(ref r);
            var itemPath = $"{path}.{code}";
            r.Read();
            if (map.ContainsKey(code))
            {
                Report(DiagnosticCodes.InvalidJson, Messages.DuplicateKey(code), nameOffset, itemPath);
                r.Skip();
                continue;
            }
            if (!RuleCode.IsValid(code))
            {
                Report(DiagnosticCodes.InvalidValue, Messages.BadRuleCode(code), nameOffset, itemPath);
                r.Skip();
                continue;
            }
            if (ReadEnum<SeveritySetting>(ref r, itemPath) is { } severity)
            {
                map[code] = severity;
            }
        }
        return map;
    }

    private void ParseTargets(ref Utf8JsonReader r)
    {
        if (!ExpectObject(ref r, "targets"))
        {
            return;
        }
        while (Next(ref r))
        {
            var nameOffset = Start(ref r);
            var metric = GetString(ref r);
            var path = "targets." + metric;
            r.Read();
            if (_content.Targets.ContainsKey(metric) || _content.TargetLocations.ContainsKey(metric))
            {
                Report(DiagnosticCodes.InvalidJson, Messages.DuplicateKey(metric), nameOffset, path);
                r.Skip();
                continue;
            }
            if (!MetricNames.IsKnown(metric))
            {
                Report(DiagnosticCodes.UnknownProperty, Messages.UnknownMetric(metric), nameOffset, path, DiagnosticSeverity.Warning);
                r.Skip();
                continue;
            }
            var valueOffset = Start(ref r);
            _content.TargetLocations[metric] = _source.LocateForward(valueOffset, path);
            if (ReadNumber(ref r, path) is { } value)
            {
                _content.Targets[metric] = value;
            }
        }
    }

    // ---- Elements ------------------------------------------------------------------------------------

    private delegate void ElementParser(ref Utf8JsonReader reader, ref ObjectState state);

    private void ReadElements(ref Utf8JsonReader r, string arrayName, ElementParser parse)
    {
        ReadArray(ref r, arrayName, (ref Utf8JsonReader item, PathText path) =>
        {
            if (item.TokenType != JsonTokenType.StartObject)
            {
                WrongType(ref item, path, "object");
                return;
            }
            var state = new ObjectState(path, Start(ref item), 0);
            parse(ref item, ref state);
        });
    }

    private void ParseCapability(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Capability;
        var c = new CommonFields();
        string? name = null, parent = null;
        var shareable = false;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Parent: parent = ReadText(ref r, ref o, field); break;
                case Field.Shareable: shareable = ReadBool(ref r, ref o, field) ?? false; break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name))
        {
            Add(_content.Capabilities, c.Apply(new Capability { Id = c.Id!, Name = name!, Parent = parent, Shareable = shareable }, Locate(ref o)));
        }
    }

    private void ParseAgency(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Agency;
        var c = new CommonFields();
        string? name = null, region = null, sector = null, parent = null;
        AgencyLevel? level = null;
        var kind = AgencyKind.Department;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Level: level = ReadEnum<AgencyLevel>(ref r, ref o, field); break;
                case Field.Region: region = ReadText(ref r, ref o, field); break;
                case Field.Sector: sector = ReadText(ref r, ref o, field); break;
                case Field.Parent: parent = ReadText(ref r, ref o, field); break;
                case Field.Kind: kind = ReadEnum<AgencyKind>(ref r, ref o, field) ?? kind; break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name, Field.Level))
        {
            Add(_content.Agencies, c.Apply(new Agency
            {
                Id = c.Id!, Name = name!, Level = level!.Value, Region = region, Sector = sector, Parent = parent, AgencyKind = kind,
            }, Locate(ref o)));
        }
    }

    private void ParseNetwork(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Network;
        var c = new CommonFields();
        string? name = null, owner = null;
        NetworkKind? kind = null;
        bool? classified = null;
        IReadOnlyList<NetworkLink> links = [];
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Kind: kind = ReadEnum<NetworkKind>(ref r, ref o, field); break;
                case Field.Classified: classified = ReadBool(ref r, ref o, field); break;
                case Field.Owner: owner = ReadText(ref r, ref o, field); break;
                case Field.Links: links = ReadObjects(ref r, ref o, field, _parseLink); break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name, Field.Kind))
        {
            Add(_content.Networks, c.Apply(new Network
            {
                Id = c.Id!, Name = name!, NetworkKind = kind!.Value, Classified = classified, Owner = owner, Links = links,
            }, Locate(ref o)));
        }
    }

    private NetworkLink? ParseLink(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Link;
        string? to = null;
        LinkVia? via = null;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.To: to = ReadText(ref r, ref o, field); break;
                case Field.Via: via = ReadEnum<LinkVia>(ref r, ref o, field); break;
            }
        }
        return Complete(ref o, null, Field.To, Field.Via) ? new NetworkLink(to!, via!.Value) : null;
    }

    private void ParsePlatform(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Platform;
        var c = new CommonFields();
        string? name = null, owner = null, region = null;
        PlatformKind? kind = null;
        var shared = false;
        IReadOnlyList<string> networks = [];
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Kind: kind = ReadEnum<PlatformKind>(ref r, ref o, field); break;
                case Field.Shared: shared = ReadBool(ref r, ref o, field) ?? false; break;
                case Field.Owner: owner = ReadText(ref r, ref o, field); break;
                case Field.Region: region = ReadText(ref r, ref o, field); break;
                case Field.Networks: networks = ReadStrings(ref r, ref o, field); break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name, Field.Kind))
        {
            Add(_content.Platforms, c.Apply(new Platform
            {
                Id = c.Id!, Name = name!, PlatformKind = kind!.Value, Shared = shared, Owner = owner, Region = region, Networks = networks,
            }, Locate(ref o)));
        }
    }

    private void ParseSystem(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.System;
        var c = new CommonFields();
        string? name = null, owner = null, hosting = null, project = null;
        IReadOnlyList<string> aliases = [], capabilities = [], usedBy = [], networks = [], holds = [];
        var status = SystemStatus.Operational;
        SystemUsage? usage = null;
        SystemCost? cost = null;
        int? protection = null;
        IReadOnlyList<SystemComponent> components = [];
        var standalone = false;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Owner: owner = ReadText(ref r, ref o, field); break;
                case Field.Aliases: aliases = ReadStrings(ref r, ref o, field); break;
                case Field.Capabilities: capabilities = ReadStrings(ref r, ref o, field); break;
                case Field.Status: status = ReadEnum<SystemStatus>(ref r, ref o, field) ?? status; break;
                case Field.UsedBy: usedBy = ReadStrings(ref r, ref o, field); break;
                case Field.Networks: networks = ReadStrings(ref r, ref o, field); break;
                case Field.Hosting: hosting = ReadText(ref r, ref o, field); break;
                case Field.Usage: usage = ReadObject(ref r, ref o, field, _parseUsage); break;
                case Field.Cost: cost = ReadObject(ref r, ref o, field, _parseCost); break;
                case Field.ProtectionLevel: protection = ReadInt32(ref r, ref o, field); break;
                case Field.Components: components = ReadObjects(ref r, ref o, field, _parseComponent, _content.Pool.ComponentLists); break;
                case Field.Holds: holds = ReadStrings(ref r, ref o, field); break;
                case Field.Project: project = ReadText(ref r, ref o, field); break;
                case Field.Standalone: standalone = ReadBool(ref r, ref o, field) ?? false; break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name, Field.Owner))
        {
            Add(_content.Systems, c.Apply(new InformationSystem
            {
                Id = c.Id!, Name = name!, Owner = owner!, Aliases = aliases, Capabilities = capabilities, Status = status,
                UsedBy = usedBy, Networks = networks, Hosting = hosting, Usage = usage, Cost = cost, ProtectionLevel = protection,
                Components = components, Holds = holds, Project = project, Standalone = standalone,
            }, Locate(ref o)));
        }
    }

    private SystemUsage? ParseUsage(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Usage;
        long? registered = null, monthly = null;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.RegisteredUsers: registered = ReadInteger(ref r, ref o, field); break;
                case Field.MonthlyActiveUsers: monthly = ReadInteger(ref r, ref o, field); break;
            }
        }
        return new SystemUsage(registered, monthly);
    }

    private SystemCost? ParseCost(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Cost;
        double? build = null, annual = null;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Build: build = ReadNumber(ref r, ref o, field); break;
                case Field.AnnualOperation: annual = ReadNumber(ref r, ref o, field); break;
            }
        }
        return new SystemCost(build, annual);
    }

    private SystemComponent? ParseComponent(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Component;
        string? name = null, vendor = null;
        ComponentCategory? category = null;
        var origin = ComponentOrigin.Unknown;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Category: category = ReadEnum<ComponentCategory>(ref r, ref o, field); break;
                case Field.Origin: origin = ReadEnum<ComponentOrigin>(ref r, ref o, field) ?? origin; break;
                case Field.Vendor: vendor = ReadText(ref r, ref o, field); break;
            }
        }
        return Complete(ref o, null, Field.Name) ? _content.Pool.Component(name!, category, origin, vendor) : null;
    }

    private void ParseDataResource(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.DataResource;
        var c = new CommonFields();
        string? name = null, owner = null;
        ResourceCategory? category = null;
        var sharing = SharingLevel.Conditional;
        bool open = false, classified = false;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Owner: owner = ReadText(ref r, ref o, field); break;
                case Field.Category: category = ReadEnum<ResourceCategory>(ref r, ref o, field); break;
                case Field.Sharing: sharing = ReadEnum<SharingLevel>(ref r, ref o, field) ?? sharing; break;
                case Field.Open: open = ReadBool(ref r, ref o, field) ?? false; break;
                case Field.Classified: classified = ReadBool(ref r, ref o, field) ?? false; break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name, Field.Owner))
        {
            Add(_content.DataResources, c.Apply(new DataResource
            {
                Id = c.Id!, Name = name!, Owner = owner!, Category = category, Sharing = sharing, Open = open, Classified = classified,
            }, Locate(ref o)));
        }
    }

    private void ParseFlow(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Flow;
        var c = new CommonFields();
        string? from = null, to = null;
        IReadOnlyList<string> carries = [], via = [];
        FlowMode? mode = null;
        var status = FlowStatus.Active;
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.From: from = ReadText(ref r, ref o, field); break;
                case Field.To: to = ReadText(ref r, ref o, field); break;
                case Field.Carries: carries = ReadStrings(ref r, ref o, field); break;
                case Field.Via: via = ReadStrings(ref r, ref o, field); break;
                case Field.Mode: mode = ReadEnum<FlowMode>(ref r, ref o, field); break;
                case Field.Status: status = ReadEnum<FlowStatus>(ref r, ref o, field) ?? status; break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        // A flow's id is optional: the validator generates a stable one when it is absent.
        if (Complete(ref o, c.Id, Field.From, Field.To) && (c.Id is not null || !o.Has(Field.Id)))
        {
            Add(_content.Flows, c.Apply(new Flow
            {
                Id = c.Id ?? "", IdGenerated = c.Id is null, From = from!, To = to!, Carries = carries, Via = via, Mode = mode, Status = status,
            }, Locate(ref o)));
        }
    }

    private void ParseService(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Service;
        var c = new CommonFields();
        string? name = null, provider = null;
        IReadOnlyList<string> systems = [];
        IReadOnlyList<ServiceChannel> channels = [];
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Provider: provider = ReadText(ref r, ref o, field); break;
                case Field.Systems: systems = ReadStrings(ref r, ref o, field); break;
                case Field.Channels: channels = ReadEnums<ServiceChannel>(ref r, ref o, field); break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name, Field.Provider))
        {
            Add(_content.Services, c.Apply(new Service
            {
                Id = c.Id!, Name = name!, Provider = provider!, Systems = systems, Channels = channels,
            }, Locate(ref o)));
        }
    }

    private void ParseProject(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Project;
        var c = new CommonFields();
        string? name = null, agency = null;
        double? budget = null;
        int? year = null;
        ProjectStage? stage = null;
        IReadOnlyList<string> delivers = [];
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Name: name = ReadText(ref r, ref o, field); break;
                case Field.Agency: agency = ReadText(ref r, ref o, field); break;
                case Field.Budget: budget = ReadNumber(ref r, ref o, field); break;
                case Field.Year: year = ReadInt32(ref r, ref o, field); break;
                case Field.Stage: stage = ReadEnum<ProjectStage>(ref r, ref o, field); break;
                case Field.Delivers: delivers = ReadStrings(ref r, ref o, field); break;
                default: ReadCommon(ref r, ref o, field, ref c); break;
            }
        }
        if (Complete(ref o, c.Id, Field.Id, Field.Name, Field.Agency))
        {
            Add(_content.Projects, c.Apply(new Project
            {
                Id = c.Id!, Name = name!, Agency = agency!, Budget = budget, Year = year, Stage = stage, Delivers = delivers,
            }, Locate(ref o)));
        }
    }

    private void ParseSuppression(ref Utf8JsonReader r, ref ObjectState o)
    {
        o.Allowed = Fields.Suppression;
        string? rule = null, justification = null;
        IReadOnlyList<string> elements = [];
        while (NextField(ref r, ref o, out var field))
        {
            switch (field)
            {
                case Field.Rule: rule = ReadText(ref r, ref o, field); break;
                case Field.Elements: elements = ReadStrings(ref r, ref o, field); break;
                case Field.Justification: justification = ReadText(ref r, ref o, field); break;
            }
        }
        if (Complete(ref o, null, Field.Rule, Field.Elements, Field.Justification))
        {
            _content.Suppressions.Add(new Suppression { Rule = rule!, Elements = elements, Justification = justification!, Location = Locate(ref o).ToSourceLocation() });
        }
    }

    // ---- Element plumbing ---------------------------------------------------------------------------

    /// <summary>What one object being read has seen so far.</summary>
    private struct ObjectState(PathText path, long offset, ulong allowed)
    {
        public readonly PathText Path = path;
        public readonly long Offset = offset;
        public ulong Allowed = allowed;
        public ulong Seen;
        public ulong Invalid;
        public List<string>? OtherNames;
        public long ValueOffset;

        public readonly bool Has(Field field) => (Seen & Fields.Bit(field)) != 0;
    }

    /// <summary>The fields every element kind has.</summary>
    private struct CommonFields
    {
        public string? Id;
        public string? Description;
        public IReadOnlyList<string>? Tags;
        public IReadOnlyDictionary<string, object>? Properties;
        public IReadOnlyList<string>? FormerIds;

        public readonly T Apply<T>(T element, in ElementLocation location) where T : Element =>
            element.WithCommon<T>(Description, Tags, Properties, FormerIds, location);
    }

    private void ReadCommon(ref Utf8JsonReader r, ref ObjectState o, Field field, ref CommonFields c)
    {
        switch (field)
        {
            case Field.Id: c.Id = ReadText(ref r, ref o, field); break;
            case Field.Description: c.Description = ReadText(ref r, ref o, field); break;
            case Field.Tags: c.Tags = ReadStrings(ref r, ref o, field); break;
            case Field.FormerIds: c.FormerIds = ReadStrings(ref r, ref o, field); break;
            case Field.Properties: c.Properties = ReadProperties(ref r, ref o); break;
            default: r.Skip(); break;
        }
    }

    private void Add<T>(List<T> list, T element) where T : Element
    {
        list.Add(element);
        _content.Defined.Add(element);
    }

    private ElementLocation Locate(ref ObjectState o) => o.Path.IsItem(out var array, out var item)
        ? _source.LocateItem(o.Offset, array, item)
        : new ElementLocation(_source.LocateForward(o.Offset, o.Path), 0, 0, 0, 0);

    /// <summary>Reports missing required fields; returns whether the object can become an element.</summary>
    private bool Complete(ref ObjectState o, string? id, params ReadOnlySpan<Field> required)
    {
        var complete = true;
        foreach (var field in required)
        {
            if (!o.Has(field))
            {
                Report(DiagnosticCodes.MissingProperty, Messages.MissingProperty(Fields.NameOf(field), o.Path), o.Offset, o.Path);
                complete = false;
            }
            else if ((o.Invalid & Fields.Bit(field)) != 0)
            {
                complete = false;
            }
        }
        if (!complete && id is not null)
        {
            _content.DroppedIds.Add(id);
        }
        return complete;
    }

    /// <summary>Moves to the next property's value; reports unknown and repeated names. False at the object's end.</summary>
    private bool NextField(ref Utf8JsonReader r, ref ObjectState o, out Field field)
    {
        while (Next(ref r))
        {
            var nameOffset = Start(ref r);
            field = LookUp(ref r, out var knownName);
            if (field == Field.None || (o.Allowed & Fields.Bit(field)) == 0)
            {
                var name = knownName ?? GetString(ref r);
                r.Read();
                if ((field != Field.None && o.Has(field)) || (o.OtherNames?.Contains(name) ?? false))
                {
                    Report(DiagnosticCodes.InvalidJson, Messages.DuplicateKey(name), nameOffset, $"{o.Path}.{name}");
                }
                else
                {
                    if (field != Field.None)
                    {
                        o.Seen |= Fields.Bit(field);
                    }
                    (o.OtherNames ??= []).Add(name);
                    Report(DiagnosticCodes.UnknownProperty,
                        Messages.UnknownProperty(name, o.Path, Suggest(name, Fields.Names(o.Allowed))),
                        nameOffset, $"{o.Path}.{name}", DiagnosticSeverity.Warning);
                }
                r.Skip();
                continue;
            }
            r.Read();
            if (o.Has(field))
            {
                Report(DiagnosticCodes.InvalidJson, Messages.DuplicateKey(Fields.NameOf(field)), nameOffset, $"{o.Path}.{Fields.NameOf(field)}");
                r.Skip();
                continue;
            }
            o.Seen |= Fields.Bit(field);
            o.ValueOffset = Start(ref r);
            return true;
        }
        field = Field.None;
        return false;
    }

    /// <summary>The field a property name names, without allocating for the usual short, unescaped names.</summary>
    private Field LookUp(ref Utf8JsonReader r, out string? name)
    {
        name = null;
        if (r.ValueIsEscaped || r.ValueSpan.Length > 32)
        {
            // Rare: "n\u0061me" is the property "name"; decode it fully.
            name = GetString(ref r);
            return Fields.BySpan.TryGetValue(name, out var escaped) ? escaped : Field.None;
        }
        if (Fields.ByUtf8(r.ValueSpan) is var known and not Field.None)
        {
            return known;
        }
        // Not a field's name: decoded (and checked to be UTF-8) as before, to report it by name.
        Span<char> buffer = stackalloc char[32];
        int length;
        try
        {
            length = r.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            throw new InvalidUtf8Exception(Start(ref r));
        }
        return Fields.BySpan.TryGetValue(buffer[..length], out var field) ? field : Field.None;
    }

    private string? ReadText(ref Utf8JsonReader r, ref ObjectState o, Field field)
    {
        if (r.TokenType == JsonTokenType.String)
        {
            return GetString(ref r);
        }
        Invalid(ref r, ref o, field, "string");
        return null;
    }

    private bool? ReadBool(ref Utf8JsonReader r, ref ObjectState o, Field field)
    {
        if (r.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return r.GetBoolean();
        }
        Invalid(ref r, ref o, field, "boolean");
        return null;
    }

    private double? ReadNumber(ref Utf8JsonReader r, ref ObjectState o, Field field)
    {
        var value = ReadNumber(ref r, FieldPath(ref o, field));
        if (value is null)
        {
            o.Invalid |= Fields.Bit(field);
        }
        return value;
    }

    private long? ReadInteger(ref Utf8JsonReader r, ref ObjectState o, Field field)
    {
        var value = ReadInteger(ref r, FieldPath(ref o, field));
        if (value is null)
        {
            o.Invalid |= Fields.Bit(field);
        }
        return value;
    }

    private int? ReadInt32(ref Utf8JsonReader r, ref ObjectState o, Field field)
    {
        var value = ReadInt32(ref r, FieldPath(ref o, field));
        if (value is null)
        {
            o.Invalid |= Fields.Bit(field);
        }
        return value;
    }

    private T? ReadEnum<T>(ref Utf8JsonReader r, ref ObjectState o, Field field) where T : struct, Enum
    {
        var value = ReadEnum<T>(ref r, FieldPath(ref o, field));
        if (value is null)
        {
            o.Invalid |= Fields.Bit(field);
        }
        return value;
    }

    private IReadOnlyList<string> ReadStrings(ref Utf8JsonReader r, ref ObjectState o, Field field)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            Invalid(ref r, ref o, field, "array");
            return [];
        }
        // Direct loops rather than ReadArray's callback: this runs for nearly every element. The items
        // gather in one reused list; the array is the pool's, so a list the load has seen before allocates nothing.
        // Each item's hash is the string pool's, of its bytes: the list pool needs no identity hash of a new string.
        var list = _strings;
        var hashes = _stringHashes;
        list.Clear();
        hashes.Clear();
        for (var index = 0; ; index++)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.EndArray)
            {
                return _content.Pool.StringLists.Get(CollectionsMarshal.AsSpan(list), CollectionsMarshal.AsSpan(hashes));
            }
            if (r.TokenType == JsonTokenType.String)
            {
                list.Add(GetString(ref r, out var hash));
                hashes.Add(hash);
            }
            else
            {
                WrongType(ref r, FieldPath(ref o, field).Item(index), "string");
            }
        }
    }

    private IReadOnlyList<T> ReadEnums<T>(ref Utf8JsonReader r, ref ObjectState o, Field field) where T : struct, Enum
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            Invalid(ref r, ref o, field, "array");
            return [];
        }
        var list = new List<T>(4);
        for (var index = 0; ; index++)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.EndArray)
            {
                return list.ToArray();
            }
            if (ReadEnum<T>(ref r, FieldPath(ref o, field).Item(index)) is { } value)
            {
                list.Add(value);
            }
        }
    }

    private delegate T? ObjectParser<T>(ref Utf8JsonReader reader, ref ObjectState state) where T : class;

    private T? ReadObject<T>(ref Utf8JsonReader r, ref ObjectState o, Field field, ObjectParser<T> parse) where T : class
    {
        var path = FieldPath(ref o, field);
        if (r.TokenType != JsonTokenType.StartObject)
        {
            WrongType(ref r, path, "object");
            o.Invalid |= Fields.Bit(field);
            return null;
        }
        var inner = new ObjectState(path, Start(ref r), 0);
        return parse(ref r, ref inner);
    }

    /// <summary>An array of objects; with a pool, the pool's array of the same item instances.</summary>
    private IReadOnlyList<T> ReadObjects<T>(ref Utf8JsonReader r, ref ObjectState o, Field field, ObjectParser<T> parse, ListPool<T>? pool = null)
        where T : class
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            Invalid(ref r, ref o, field, "array");
            return [];
        }
        var list = new List<T>(4);
        for (var index = 0; ; index++)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.EndArray)
            {
                return pool is null ? list.ToArray() : pool.Get(CollectionsMarshal.AsSpan(list));
            }
            var path = FieldPath(ref o, field).Item(index);
            if (r.TokenType != JsonTokenType.StartObject)
            {
                WrongType(ref r, path, "object");
                continue;
            }
            var inner = new ObjectState(path, Start(ref r), 0);
            if (parse(ref r, ref inner) is { } value)
            {
                list.Add(value);
            }
        }
    }

    private IReadOnlyDictionary<string, object>? ReadProperties(ref Utf8JsonReader r, ref ObjectState o)
    {
        var path = FieldPath(ref o, Field.Properties);
        if (!ExpectObject(ref r, path))
        {
            o.Invalid |= Fields.Bit(Field.Properties);
            return null;
        }
        var map = new SortedDictionary<string, object>(StringComparer.Ordinal);
        while (Next(ref r))
        {
            var nameOffset = Start(ref r);
            var key = GetString(ref r);
            var itemPath = $"{path}.{key}";
            r.Read();
            if (map.ContainsKey(key))
            {
                Report(DiagnosticCodes.InvalidJson, Messages.DuplicateKey(key), nameOffset, itemPath);
                r.Skip();
                continue;
            }
            switch (r.TokenType)
            {
                case JsonTokenType.String:
                    map[key] = GetString(ref r);
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    map[key] = r.GetBoolean();
                    break;
                case JsonTokenType.Number when ReadNumber(ref r, itemPath) is { } number:
                    map[key] = number;
                    break;
                case JsonTokenType.Number:
                    break;
                default:
                    WrongType(ref r, itemPath, "scalar");
                    break;
            }
        }
        return map;
    }

    private void Invalid(ref Utf8JsonReader r, ref ObjectState o, Field field, string expected)
    {
        o.Invalid |= Fields.Bit(field);
        WrongType(ref r, FieldPath(ref o, field), expected);
    }

    private static PathText FieldPath(ref ObjectState o, Field field) => o.Path.Property(Fields.NameOf(field));

    /// <summary>
    /// A JSON path built only when a diagnostic needs it: the parser passes one for every value it reads,
    /// and almost none of them is ever shown. Holds up to <c>head[i].field[j].leaf</c> without formatting
    /// (an element, its nested objects and their values); deeper paths are formatted as they grow.
    /// </summary>
    private readonly struct PathText(string head, int headIndex = -1, string? field = null, int index = -1, string? leaf = null)
    {
        public static implicit operator PathText(string path) => new(path);

        public static implicit operator string(PathText path) => path.ToString();

        /// <summary>Whether the path is just an item of a top-level array, such as <c>systems[3]</c>.</summary>
        public bool IsItem(out string array, out int item)
        {
            (array, item) = (head, headIndex);
            return field is null && headIndex >= 0;
        }

        /// <summary>The path of an item of the array at this path.</summary>
        public PathText Item(int i) =>
            field is null ? (headIndex < 0 ? new(head, i) : new(ToString(), i))
            : leaf is null && index < 0 ? new(head, headIndex, field, i)
            : new(ToString(), i);

        /// <summary>The path of a property of the object at this path.</summary>
        public PathText Property(string name) =>
            field is null ? new(head, headIndex, name)
            : leaf is null ? new(head, headIndex, field, index, name)
            : new(ToString(), -1, name);

        public override string ToString()
        {
            var text = headIndex < 0 ? head : $"{head}[{headIndex}]";
            if (field is not null)
            {
                text = text.Length == 0 ? field : $"{text}.{field}";
            }
            if (index >= 0)
            {
                text = $"{text}[{index}]";
            }
            return leaf is null ? text : $"{text}.{leaf}";
        }
    }

    // ---- Values by path -------------------------------------------------------------------------------

    private delegate void ItemReader(ref Utf8JsonReader reader, PathText path);

    /// <summary>Reads an array, calling <paramref name="read"/> on each item; false when the value is not an array.</summary>
    private bool ReadArray(ref Utf8JsonReader r, PathText path, ItemReader read)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref r, path, "array");
            return false;
        }
        var index = 0;
        while (true)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.EndArray)
            {
                return true;
            }
            read(ref r, path.Item(index++));
        }
    }

    private bool ExpectObject(ref Utf8JsonReader r, PathText path)
    {
        if (r.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }
        WrongType(ref r, path, "object");
        return false;
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool Next(ref Utf8JsonReader r)
    {
        r.Read();
        return r.TokenType == JsonTokenType.PropertyName;
    }

    private long LastValueStart { get; set; }

    private string? ReadString(ref Utf8JsonReader r, PathText path)
    {
        LastValueStart = Start(ref r);
        if (r.TokenType == JsonTokenType.String)
        {
            return GetString(ref r);
        }
        WrongType(ref r, path, "string");
        return null;
    }

    private double? ReadNumber(ref Utf8JsonReader r, PathText path)
    {
        LastValueStart = Start(ref r);
        if (r.TokenType != JsonTokenType.Number)
        {
            WrongType(ref r, path, "number");
            return null;
        }
        if (!r.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            Report(DiagnosticCodes.InvalidValue, Messages.OutOfRange(path, RawText(ref r), "±1.7976931348623157E+308"), LastValueStart, path);
            return null;
        }
        return value;
    }

    private long? ReadInteger(ref Utf8JsonReader r, PathText path)
    {
        if (ReadNumber(ref r, path) is not { } value)
        {
            return null;
        }
        if (r.TryGetInt64(out var whole))
        {
            return whole;
        }
        if (Math.Floor(value) == value && Math.Abs(value) < 9e15)
        {
            return (long)value;
        }
        Report(DiagnosticCodes.InvalidValue, Messages.NotWhole(path, RawText(ref r)), LastValueStart, path);
        return null;
    }

    private int? ReadInt32(ref Utf8JsonReader r, PathText path)
    {
        if (ReadInteger(ref r, path) is not { } value)
        {
            return null;
        }
        if (value is < int.MinValue or > int.MaxValue)
        {
            Report(DiagnosticCodes.InvalidValue, Messages.OutOfRange(path, RawText(ref r), $"{int.MinValue}…{int.MaxValue}"), LastValueStart, path);
            return null;
        }
        return (int)value;
    }

    private T? ReadEnum<T>(ref Utf8JsonReader r, PathText path) where T : struct, Enum
    {
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && r.ValueSpan.Length <= 32)
        {
            // The usual case, without allocating: a known value in plain ASCII.
            Span<char> chars = stackalloc char[32];
            var length = 0;
            foreach (var b in r.ValueSpan)
            {
                chars[length++] = (char)b;
            }
            if (JsonNames.TryParse<T>(chars[..length], out var known))
            {
                LastValueStart = Start(ref r);
                return known;
            }
        }
        if (ReadString(ref r, path) is not { } text)
        {
            return null;
        }
        if (JsonNames.TryParse<T>(text, out var value))
        {
            return value;
        }
        Report(DiagnosticCodes.InvalidValue, Messages.UnknownEnum(path, text, JsonNames.All<T>()), LastValueStart, path);
        return null;
    }

    private void UnknownProperty(ref Utf8JsonReader r, string name, long nameOffset, string where, IEnumerable<string> known)
    {
        Report(DiagnosticCodes.UnknownProperty, Messages.UnknownProperty(name, where, Suggest(name, known)),
            nameOffset, $"{where}.{name}", DiagnosticSeverity.Warning);
        r.Skip();
    }

    private void WrongType(ref Utf8JsonReader r, PathText pathText, string expected)
    {
        var actual = r.TokenType switch
        {
            JsonTokenType.String => "string",
            JsonTokenType.Number => "number",
            JsonTokenType.True or JsonTokenType.False => "boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "object",
            JsonTokenType.StartArray => "array",
            _ => r.TokenType.ToString(),
        };
        string path = pathText;
        var name = path.Length == 0 ? "(root)" : path;
        Report(DiagnosticCodes.InvalidValue, Messages.WrongType(name, expected, actual), Start(ref r), path);
        r.Skip();
    }

    private static string RawText(ref Utf8JsonReader r) => System.Text.Encoding.UTF8.GetString(r.ValueSpan);

    private string GetString(ref Utf8JsonReader r) => GetString(ref r, out _);

    /// <summary>The string, pooled when short and unescaped, with a hash of it: equal pooled strings have equal hashes.</summary>
    private string GetString(ref Utf8JsonReader r, out int hash)
    {
        if (!r.ValueIsEscaped && !r.HasValueSequence && r.ValueSpan.Length <= StringPool.MaxBytes)
        {
            return _content.Pool.Strings.TryGet(r.ValueSpan, out var pooled, out hash) ? pooled : throw new InvalidUtf8Exception(Start(ref r));
        }
        // Not pooled: a string of its own, which no pooled list holds; any hash will do.
        hash = 0;
        try
        {
            return r.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidUtf8Exception(Start(ref r));
        }
    }

    private long Start(ref Utf8JsonReader r) => _source.Start + r.TokenStartIndex;

    private void Report(string code, LocalizedText message, long offset, string path, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        _diagnostics.Add(new Diagnostic(code, severity, message, _source.LocateReport(offset, path)));

    private void ReportSyntax(JsonException e)
    {
        var offset = _source.OffsetOf(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
        var json = _source.Bytes;
        LocalizedText message;
        if (offset >= json.Length
            || (e.Message.Contains("end of data", StringComparison.Ordinal) && json[((int)offset + 1)..].Trim(" \t\r\n"u8).IsEmpty))
        {
            message = Messages.Truncated();
            offset = json.Length;
        }
        else if (json[(int)offset] == (byte)'/')
        {
            message = Messages.Comment();
        }
        else if (json[(int)offset] is (byte)'}' or (byte)']' && json[..(int)offset].TrimEnd(" \t\r\n"u8) is [.., (byte)','])
        {
            message = Messages.TrailingComma();
            offset = json[..(int)offset].TrimEnd(" \t\r\n"u8).Length - 1;
        }
        else if (e.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                 || e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            message = Messages.TooDeep(MaxDepth);
        }
        else if (json[(int)offset] >= 0x80 && Rune.DecodeFromUtf8(json[(int)offset..], out var rune, out _) == OperationStatus.Done)
        {
            // Name the character as the planner typed it, not its first byte: a full-width comma from a Chinese input
            // method is the usual case, and has an ASCII twin to suggest.
            message = FullWidth.TryGetValue(rune.Value, out var ascii)
                ? Messages.FullWidthCharacter(rune.ToString(), ascii)
                : Messages.UnexpectedCharacter(rune.ToString(), rune.Value);
        }
        else
        {
            message = Messages.Syntax(e.Message, json[(int)offset]);
        }
        Report(DiagnosticCodes.InvalidJson, message, offset, "");
    }

    /// <summary>Characters Chinese input methods type in place of JSON's ASCII punctuation, with the one JSON needs.</summary>
    private static readonly Dictionary<int, string> FullWidth = new()
    {
        ['，'] = ",", ['：'] = ":", ['“'] = "\"", ['”'] = "\"", ['＂'] = "\"", ['‘'] = "\"", ['’'] = "\"",
        ['［'] = "[", ['］'] = "]", ['【'] = "[", ['】'] = "]", ['｛'] = "{", ['｝'] = "}", ['、'] = ",", ['；'] = ",",
        ['\u3000'] = " ",
    };

    /// <summary>The known name closest to a misspelt one, when it is close enough to be a likely typo.</summary>
    internal static string? Suggest(string name, IEnumerable<string> known)
    {
        // A hostile file's 10 MB property name is no typo of a known one.
        if (name.Length > 64)
        {
            return null;
        }
        var limit = Math.Max(1, name.Length / 3);
        var lower = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = limit + 1;
        foreach (var candidate in known)
        {
            // The one edit distance of "did you mean" (DidYouMean), stopping once it exceeds what counts as a typo.
            var d = DidYouMean.Distance(lower, candidate.ToLowerInvariant(), limit);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }
        return best;
    }

    private sealed class InvalidUtf8Exception(long offset) : Exception
    {
        public long Offset { get; } = offset;
    }
}

/// <summary>The shape of rule codes.</summary>
internal static class RuleCode
{
    public static bool IsValid(string code) =>
        code.Length == 6 && code.StartsWith("AM", StringComparison.Ordinal) && code.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;
}
