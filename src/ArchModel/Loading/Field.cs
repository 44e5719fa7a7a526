using System.Collections.Frozen;
using System.Text;

namespace ArchModel.Loading;

/// <summary>The property names of element objects, so the parser can recognise them without allocating.</summary>
internal enum Field
{
    None = -1,
    Id, Name, Description, Tags, Properties, FormerIds,
    Parent, Shareable,
    Level, Region, Sector, Kind,
    Classified, Owner, Links,
    Shared, Networks,
    Aliases, Capabilities, Status, UsedBy, Hosting, Usage, Cost, ProtectionLevel, Components, Holds, Project, Standalone,
    Category, Sharing, Open,
    From, To, Carries, Via, Mode,
    Provider, Systems, Channels,
    Agency, Budget, Year, Stage, Delivers,
    Rule, Elements, Justification,
    RegisteredUsers, MonthlyActiveUsers, Build, AnnualOperation, Origin, Vendor,
}

/// <summary>Sets of <see cref="Field"/>s as bit masks, and the JSON name of each field.</summary>
internal static class Fields
{
    private static readonly string[] JsonNames = Enum.GetValues<Field>().Where(static f => f != Field.None)
        .Select(static f => char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..]).ToArray();

    private static readonly FrozenDictionary<string, Field> ByName =
        Enum.GetValues<Field>().Where(static f => f != Field.None).ToFrozenDictionary(NameOf, static f => f, StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The fields by the length of their UTF-8 name, to find one from a property name's bytes without decoding them.</summary>
    private static readonly (byte[] Name, Field Field)[][] ByLength = Enumerable.Range(0, 33)
        .Select(length => Enum.GetValues<Field>().Where(f => f != Field.None && NameOf(f).Length == length)
            .Select(static f => (Encoding.ASCII.GetBytes(NameOf(f)), f)).ToArray())
        .ToArray();

    /// <summary>The field whose JSON name is these UTF-8 bytes, or <see cref="Field.None"/>.</summary>
    public static Field ByUtf8(ReadOnlySpan<byte> name)
    {
        if (name.Length >= ByLength.Length)
        {
            return Field.None;
        }
        foreach (var (candidate, field) in ByLength[name.Length])
        {
            if (name.SequenceEqual(candidate))
            {
                return field;
            }
        }
        return Field.None;
    }

    public static string NameOf(Field field) => JsonNames[(int)field];

    public static ulong Bit(Field field) => 1UL << (int)field;

    public static ulong Set(params ReadOnlySpan<Field> fields)
    {
        ulong mask = 0;
        foreach (var f in fields)
        {
            mask |= Bit(f);
        }
        return mask;
    }

    public static IEnumerable<string> Names(ulong mask) =>
        Enum.GetValues<Field>().Where(f => f != Field.None && (mask & Bit(f)) != 0).Select(NameOf);

    // What each object accepts.
    public static readonly ulong Common = Set(Field.Id, Field.Description, Field.Tags, Field.Properties, Field.FormerIds);
    public static readonly ulong Capability = Common | Set(Field.Name, Field.Parent, Field.Shareable);
    public static readonly ulong Agency = Common | Set(Field.Name, Field.Level, Field.Region, Field.Sector, Field.Parent, Field.Kind);
    public static readonly ulong Network = Common | Set(Field.Name, Field.Kind, Field.Classified, Field.Owner, Field.Links);
    public static readonly ulong Platform = Common | Set(Field.Name, Field.Kind, Field.Shared, Field.Owner, Field.Region, Field.Networks);
    public static readonly ulong System = Common | Set(Field.Name, Field.Owner, Field.Aliases, Field.Capabilities, Field.Status,
        Field.UsedBy, Field.Networks, Field.Hosting, Field.Usage, Field.Cost, Field.ProtectionLevel, Field.Components, Field.Holds,
        Field.Project, Field.Standalone);
    public static readonly ulong DataResource = Common | Set(Field.Name, Field.Owner, Field.Category, Field.Sharing, Field.Open, Field.Classified);
    public static readonly ulong Flow = Common | Set(Field.From, Field.To, Field.Carries, Field.Via, Field.Mode, Field.Status);
    public static readonly ulong Service = Common | Set(Field.Name, Field.Provider, Field.Systems, Field.Channels);
    public static readonly ulong Project = Common | Set(Field.Name, Field.Agency, Field.Budget, Field.Year, Field.Stage, Field.Delivers);
    public static readonly ulong Suppression = Set(Field.Rule, Field.Elements, Field.Justification);
    public static readonly ulong Link = Set(Field.To, Field.Via);
    public static readonly ulong Usage = Set(Field.RegisteredUsers, Field.MonthlyActiveUsers);
    public static readonly ulong Cost = Set(Field.Build, Field.AnnualOperation);
    public static readonly ulong Component = Set(Field.Name, Field.Category, Field.Origin, Field.Vendor);
}
