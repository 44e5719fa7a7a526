using System.Text.Json;
using ArchModel.Diagnostics;

namespace ArchModel.Loading;

/// <summary>Finds the location of a value inside an element, for diagnostics found after parsing.</summary>
internal interface ISourceLocator
{
    /// <summary>
    /// The location of <paramref name="relativePath"/> (such as <c>owner</c>, <c>networks[2]</c>,
    /// <c>links[0].to</c>) inside the object at <paramref name="anchor"/>; <see langword="null"/> when
    /// the anchor is (a model built in code has no files).
    /// </summary>
    SourceLocation? Locate(SourceLocation? anchor, string relativePath);
}

/// <summary>For models built in code: nothing has a location.</summary>
internal sealed class NoLocator : ISourceLocator
{
    public static readonly NoLocator Instance = new();

    public SourceLocation? Locate(SourceLocation? anchor, string relativePath) => null;
}

/// <summary>
/// Finds values by re-reading the element's object from the bytes the loader still holds: positions of
/// every reference need not be kept for the rare case that one is wrong.
/// </summary>
internal sealed class SourceTextLocator(IReadOnlyDictionary<string, SourceText> files) : ISourceLocator
{
    public SourceLocation? Locate(SourceLocation? anchor, string relativePath)
    {
        if (anchor is null)
        {
            return null;
        }
        var path = anchor.Path.Length == 0 ? relativePath : $"{anchor.Path}.{relativePath}";
        if (anchor.Offset < 0 || !files.TryGetValue(anchor.File, out var source))
        {
            return anchor with { Path = path };
        }
        var reader = new Utf8JsonReader(source.Bytes[(int)anchor.Offset..], new JsonReaderOptions { MaxDepth = FileParser.MaxDepth });
        try
        {
            reader.Read();
            foreach (var (name, index) in Segments(relativePath))
            {
                if (!(name is null ? ToItem(ref reader, index) : ToProperty(ref reader, name)))
                {
                    return anchor with { Path = path };
                }
            }
            return source.LocateFrom(anchor, anchor.Offset + reader.TokenStartIndex, path);
        }
        catch (JsonException)
        {
            return anchor with { Path = path };
        }
    }

    private static bool ToProperty(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }
            reader.Skip();
        }
        return false;
    }

    private static bool ToItem(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }
        for (var i = 0; ; i++)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }
            if (i == index)
            {
                return true;
            }
            reader.Skip();
        }
    }

    /// <summary>Splits <c>links[0].to</c> into (links), [0], (to).</summary>
    private static IEnumerable<(string? Name, int Index)> Segments(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            yield return (bracket < 0 ? part : part[..bracket], -1);
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                yield return (null, int.Parse(part.AsSpan(bracket + 1, close - bracket - 1), System.Globalization.CultureInfo.InvariantCulture));
                bracket = part.IndexOf('[', close);
            }
        }
    }
}
