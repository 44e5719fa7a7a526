using ArchModel.Diagnostics;

namespace ArchModel.Model;

/// <summary>
/// What every element of a model has: an id unique across the whole model, and the user's extensions.
/// </summary>
/// <remarks>
/// Elements are immutable records. References to other elements are ids (strings); the
/// <see cref="ArchitectureModel"/> resolves them. An element loaded from a file knows its
/// <see cref="Location"/>; one built in code has none.
/// </remarks>
public abstract record Element
{
    /// <summary>The id: non-empty, no whitespace, case-sensitive, unique across all kinds.</summary>
    public required string Id { get; init; }

    private string? _description;
    private IReadOnlyList<string> _tags = [];
    private IReadOnlyDictionary<string, object> _properties = EmptyProperties;
    private IReadOnlyList<string> _formerIds = [];
    // Where the element is defined: a SourceLocation, or for an element the loader read from a top-level array the
    // LocationOrigin its array's elements share, with the line, column, item and offset below (ElementLocation).
    private object? _location;
    private int _line, _column, _item;
    private long _offset;

    /// <summary>Free text describing the element.</summary>
    public string? Description { get => _description; init => _description = value; }

    /// <summary>User tags, for filtering views and reports.</summary>
    public IReadOnlyList<string> Tags { get => _tags; init => _tags = value; }

    /// <summary>User extensions: string, <see cref="double"/> or <see cref="bool"/> values, keys in ordinal order.</summary>
    public IReadOnlyDictionary<string, object> Properties { get => _properties; init => _properties = value; }

    /// <summary>Ids this element had in an earlier model (used to match renamed elements when diffing).</summary>
    public IReadOnlyList<string> FormerIds { get => _formerIds; init => _formerIds = value; }

    /// <summary>Where the element is defined (the start of its object), or <see langword="null"/> when built in code.</summary>
    /// <remarks>An element the loader read from a top-level array makes the location when asked (equal each time, not
    /// the same object): it keeps no location object of its own.</remarks>
    public SourceLocation? Location
    {
        get => _location is LocationOrigin origin ? origin.At(_line, _column, _item, _offset) : (SourceLocation?)_location;
        init => _location = value;
    }

    /// <summary>
    /// Sets the fields every kind has on an element the loader has just created and not yet shared: one object
    /// per element instead of a copy made by <c>with</c>, for models of a million elements.
    /// </summary>
    internal T WithCommon<T>(string? description, IReadOnlyList<string>? tags, IReadOnlyDictionary<string, object>? properties,
        IReadOnlyList<string>? formerIds, in ElementLocation location) where T : Element
    {
        _description = description;
        _tags = tags ?? [];
        _properties = properties ?? EmptyProperties;
        _formerIds = formerIds ?? [];
        (_location, _line, _column, _item, _offset) = location;
        return (T)this;
    }

    /// <summary>Whether two elements are of one kind with equal fields; their locations compare as <see cref="SourceLocation"/>s do.</summary>
    public virtual bool Equals(Element? other) =>
        ReferenceEquals(this, other)
        || (other is not null && EqualityContract == other.EqualityContract && Id == other.Id && _description == other._description
            && EqualityComparer<IReadOnlyList<string>>.Default.Equals(_tags, other._tags)
            && EqualityComparer<IReadOnlyDictionary<string, object>>.Default.Equals(_properties, other._properties)
            && EqualityComparer<IReadOnlyList<string>>.Default.Equals(_formerIds, other._formerIds)
            && SameLocation(other));

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(EqualityContract, Id, _description, _tags, _properties, _formerIds, LocationHash());

    private bool SameLocation(Element other) => _location is LocationOrigin origin && other._location is LocationOrigin otherOrigin
        ? origin == otherOrigin && _line == other._line && _column == other._column && _item == other._item
        : Equals(Location, other.Location);

    // File, line and column: what equal locations share, however each is kept.
    private int LocationHash() => _location switch
    {
        LocationOrigin origin => HashCode.Combine(origin.File, _line, _column),
        SourceLocation location => HashCode.Combine(location.File, location.Line, location.Column),
        _ => 0,
    };

    /// <summary>The element's kind.</summary>
    public abstract ElementKind Kind { get; }

    /// <summary>The display name: the <c>name</c> where the kind has one, else the id.</summary>
    public virtual string DisplayName => Id;

    internal static readonly IReadOnlyDictionary<string, object> EmptyProperties =
        new SortedDictionary<string, object>(StringComparer.Ordinal);
}

/// <summary>An element with a human-readable name.</summary>
public abstract record NamedElement : Element
{
    /// <summary>The name people use (Chinese names are the usual case).</summary>
    public required string Name { get; init; }

    /// <inheritdoc />
    public override string DisplayName => Name;
}

/// <summary>A capability (功能): what a system does, such as office automation.</summary>
public sealed record Capability : NamedElement
{
    /// <summary>The broader capability this one refines.</summary>
    public string? Parent { get; init; }

    /// <summary>
    /// A function every agency needs (office automation, video conferencing, e-seal, hosting) that
    /// should be built once and shared.
    /// </summary>
    public bool Shareable { get; init; }

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Capability;
}

/// <summary>A government agency (机构).</summary>
public sealed record Agency : NamedElement
{
    /// <summary>The level of government.</summary>
    public required AgencyLevel Level { get; init; }

    /// <summary>The administrative division code (e.g. GB/T 2260 <c>320000</c>).</summary>
    public string? Region { get; init; }

    /// <summary>The sector (条), such as <c>公安</c>.</summary>
    public string? Sector { get; init; }

    /// <summary>The superior agency in the same sector (the 条 line).</summary>
    public string? Parent { get; init; }

    /// <summary>What kind of body it is.</summary>
    public AgencyKind AgencyKind { get; init; } = AgencyKind.Department;

    /// <summary>The jurisdiction (块) the agency is in, or <see langword="null"/> when it has no region.</summary>
    public Jurisdiction? Jurisdiction => string.IsNullOrEmpty(Region) ? null : new Jurisdiction(Level, Region);

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Agency;
}

/// <summary>One level of government in one region: a 块.</summary>
/// <param name="Level">The level.</param>
/// <param name="Region">The region code.</param>
public readonly record struct Jurisdiction(AgencyLevel Level, string Region);

/// <summary>A link from one network to another; usable in both directions.</summary>
/// <param name="To">The id of the network at the other end.</param>
/// <param name="Via">How the two are joined.</param>
public sealed record NetworkLink(string To, LinkVia Via);

/// <summary>A network (网络).</summary>
public sealed record Network : NamedElement
{
    /// <summary>What kind of network.</summary>
    public required NetworkKind NetworkKind { get; init; }

    /// <summary>Whether the network carries classified information, as the model says; see <see cref="IsClassified"/>.</summary>
    public bool? Classified { get; init; }

    /// <summary>Whether the network carries classified information: <see cref="Classified"/>, by default true for the intranet only.</summary>
    public bool IsClassified => Classified ?? NetworkKind == NetworkKind.Intranet;

    /// <summary>The agency that runs it.</summary>
    public string? Owner { get; init; }

    /// <summary>Links to other networks.</summary>
    public IReadOnlyList<NetworkLink> Links { get; init; } = [];

    /// <summary>Whether it is one of the unified government networks (政务内网 or 政务外网).</summary>
    public bool IsUnified => NetworkKind is NetworkKind.Intranet or NetworkKind.Extranet;

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Network;
}

/// <summary>A hosting platform: a cloud or a data centre (平台).</summary>
public sealed record Platform : NamedElement
{
    /// <summary>Cloud or data centre.</summary>
    public required PlatformKind PlatformKind { get; init; }

    /// <summary>Offered to many agencies, like a provincial government cloud.</summary>
    public bool Shared { get; init; }

    /// <summary>The agency that runs it.</summary>
    public string? Owner { get; init; }

    /// <summary>The region it serves.</summary>
    public string? Region { get; init; }

    /// <summary>The networks it is attached to.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Platform;
}

/// <summary>How many people use a system.</summary>
/// <param name="RegisteredUsers">Registered users, when known.</param>
/// <param name="MonthlyActiveUsers">Monthly active users, when known.</param>
public sealed record SystemUsage(long? RegisteredUsers, long? MonthlyActiveUsers);

/// <summary>What a system cost, in the model's one currency (yuan by convention).</summary>
/// <param name="Build">What building it cost.</param>
/// <param name="AnnualOperation">What running it costs a year.</param>
public sealed record SystemCost(double? Build, double? AnnualOperation);

/// <summary>A part a system is built from: chip, server, operating system, database, …</summary>
/// <param name="Name">The product's name.</param>
/// <param name="Category">What kind of part.</param>
/// <param name="Origin">Domestic, foreign or unknown.</param>
/// <param name="Vendor">Who makes it.</param>
public sealed record SystemComponent(string Name, ComponentCategory? Category, ComponentOrigin Origin, string? Vendor);

/// <summary>An information system (信息系统).</summary>
public sealed record InformationSystem : NamedElement
{
    /// <summary>The agency that owns (built, runs) it.</summary>
    public required string Owner { get; init; }

    /// <summary>Other names it is known by.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The capabilities it provides.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>Where it is in its life.</summary>
    public SystemStatus Status { get; init; } = SystemStatus.Operational;

    /// <summary>Other agencies that use it (统建共用).</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];

    /// <summary>The networks it is attached to.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>The platform hosting it.</summary>
    public string? Hosting { get; init; }

    /// <summary>How many people use it.</summary>
    public SystemUsage? Usage { get; init; }

    /// <summary>What it cost.</summary>
    public SystemCost? Cost { get; init; }

    /// <summary>Its classified protection level (等级保护), 1 to 5.</summary>
    public int? ProtectionLevel { get; init; }

    /// <summary>The parts it is built from.</summary>
    public IReadOnlyList<SystemComponent> Components { get; init; } = [];

    /// <summary>The data resources it holds or maintains.</summary>
    public IReadOnlyList<string> Holds { get; init; } = [];

    /// <summary>The project that built it.</summary>
    public string? Project { get; init; }

    /// <summary>A system that must not exchange data (e.g. a classified stand-alone terminal); silo rules skip it.</summary>
    public bool Standalone { get; init; }

    /// <summary>Planned, building or operational: a system that counts for duplicates and silos.</summary>
    public bool IsActive => Status is SystemStatus.Planned or SystemStatus.Building or SystemStatus.Operational;

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.System;
}

/// <summary>A government data resource (政务信息资源).</summary>
public sealed record DataResource : NamedElement
{
    /// <summary>The agency that is its authoritative source.</summary>
    public required string Owner { get; init; }

    /// <summary>Its category; <see langword="null"/> when not given.</summary>
    public ResourceCategory? Category { get; init; }

    /// <summary>How it may be shared.</summary>
    public SharingLevel Sharing { get; init; } = SharingLevel.Conditional;

    /// <summary>Published as open data.</summary>
    public bool Open { get; init; }

    /// <summary>Classified (涉密).</summary>
    public bool Classified { get; init; }

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.DataResource;
}

/// <summary>A data flow from one system to another (数据流).</summary>
public sealed record Flow : Element
{
    /// <summary>The sending system.</summary>
    public required string From { get; init; }

    /// <summary>The receiving system.</summary>
    public required string To { get; init; }

    /// <summary>The data resources it carries.</summary>
    public IReadOnlyList<string> Carries { get; init; } = [];

    /// <summary>The networks it travels over; when empty, any network both systems share.</summary>
    public IReadOnlyList<string> Via { get; init; } = [];

    /// <summary>How it exchanges data.</summary>
    public FlowMode? Mode { get; init; }

    /// <summary>Where it is in its life.</summary>
    public FlowStatus Status { get; init; } = FlowStatus.Active;

    /// <summary>Whether the model gave the id or the loader generated it.</summary>
    public bool IdGenerated { get; init; }

    /// <summary>Planned or active.</summary>
    public bool IsActive => Status is FlowStatus.Planned or FlowStatus.Active;

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Flow;
}

/// <summary>A public service (政务服务) and the systems behind it.</summary>
public sealed record Service : NamedElement
{
    /// <summary>The agency that provides it.</summary>
    public required string Provider { get; init; }

    /// <summary>The systems it runs on.</summary>
    public IReadOnlyList<string> Systems { get; init; } = [];

    /// <summary>The channels it is offered through.</summary>
    public IReadOnlyList<ServiceChannel> Channels { get; init; } = [];

    /// <summary>Offered online: through the web, a mobile app or WeChat.</summary>
    public bool IsOnline => Channels.Any(static c => c is ServiceChannel.Web or ServiceChannel.Mobile or ServiceChannel.Wechat);

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Service;
}

/// <summary>An IT project (项目).</summary>
public sealed record Project : NamedElement
{
    /// <summary>The agency running the project.</summary>
    public required string Agency { get; init; }

    /// <summary>Its budget.</summary>
    public double? Budget { get; init; }

    /// <summary>The year it started.</summary>
    public int? Year { get; init; }

    /// <summary>Where it is in its lifecycle.</summary>
    public ProjectStage? Stage { get; init; }

    /// <summary>The systems it delivers.</summary>
    public IReadOnlyList<string> Delivers { get; init; } = [];

    /// <inheritdoc />
    public override ElementKind Kind => ElementKind.Project;
}

/// <summary>
/// An accepted finding: the rule and the exact set of element ids it names, and why it is accepted.
/// Not an element: it has no id.
/// </summary>
public sealed record Suppression
{
    /// <summary>The rule code, such as <c>AM4003</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The ids the finding names (compared as a set).</summary>
    public required IReadOnlyList<string> Elements { get; init; }

    /// <summary>Why the finding is accepted.</summary>
    public required string Justification { get; init; }

    /// <summary>Where it is defined.</summary>
    public SourceLocation? Location { get; init; }
}
