using System.Runtime.InteropServices;
using ArchModel.Model;

namespace ArchModel.Loading;

/// <summary>
/// What one loader thread shares between the elements it parses: one instance per distinct short text, short
/// list and system component. A national model repeats them on hundreds of thousands of elements, and each
/// copy kept alive would be another object for every full collection to mark.
/// </summary>
/// <remarks>Not thread-safe: each loader thread has its own, and the files it parses share it.</remarks>
internal sealed class ValuePool
{
    private readonly Dictionary<(string Name, ComponentCategory? Category, ComponentOrigin Origin, string? Vendor), SystemComponent> _components = [];

    /// <summary>Short texts: ids, references, names.</summary>
    public StringPool Strings { get; } = new();

    /// <summary>Short lists of pooled texts: capabilities, networks, tags.</summary>
    public ListPool<string> StringLists { get; } = new();

    /// <summary>Short lists of pooled components.</summary>
    public ListPool<SystemComponent> ComponentLists { get; } = new();

    /// <summary>The pooled component with these values (components are immutable records, compared by value).</summary>
    public SystemComponent Component(string name, ComponentCategory? category, ComponentOrigin origin, string? vendor)
    {
        ref var component = ref CollectionsMarshal.GetValueRefOrAddDefault(_components, (name, category, origin, vendor), out _);
        return component ??= new SystemComponent(name, category, origin, vendor);
    }
}
