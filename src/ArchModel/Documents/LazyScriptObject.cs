using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ArchModel.Documents;

/// <summary>
/// A script object whose members may be built on first use: the view model's top level, where each section
/// (<c>agencies</c>, <c>findings</c>, <c>metrics</c>, …) is built only when a template reads it. A template
/// that reads few sections (the scorecard reads <c>metrics</c>) then never pays for the others, which on a
/// national model are gigabytes of script objects.
/// </summary>
/// <remarks>
/// A pending member holds its key in its place from the start, so the members, their count and their order
/// are those of a plain script object filled eagerly; only the value waits. It is built when read (a variable
/// or member lookup), and every pending member is built before the object is enumerated, copied, cloned or
/// printed. Assigning or removing a pending member drops its builder unrun.
/// </remarks>
internal sealed class LazyScriptObject : ScriptObject, IEnumerable<KeyValuePair<string, object?>>, IEnumerable, IDictionary<string, object?>, IDictionary
{
    private readonly Dictionary<string, Func<object?>> _pending = new(StringComparer.Ordinal);

    public LazyScriptObject() : base(0, false)
    {
    }

    /// <summary>Adds a member whose value <paramref name="build"/> makes on first use.</summary>
    public void SetLazy(string member, Func<object?> build)
    {
        _pending[member] = build;
        SetValue(member, Pending.Instance, false);
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (_pending.Count > 0)
        {
            Build(member);
        }
        return base.TryGetValue(context, span, member, out value);
    }

    public override bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly)
    {
        var set = base.TrySetValue(context, span, member, value, readOnly);
        if (set)
        {
            _pending.Remove(member);
        }
        return set;
    }

    public override bool Remove(string member)
    {
        _pending.Remove(member);
        return base.Remove(member);
    }

    public override void CopyTo(ScriptObject dest)
    {
        BuildAll();
        base.CopyTo(dest);
    }

    public override IScriptObject Clone(bool deep)
    {
        BuildAll();
        return base.Clone(deep);
    }

    public override string ToString(string? format, IFormatProvider? formatProvider)
    {
        BuildAll();
        return base.ToString(format, formatProvider);
    }

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator()
    {
        BuildAll();
        return GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator()
    {
        BuildAll();
        return GetEnumerator();
    }

    ICollection<object?> IDictionary<string, object?>.Values
    {
        get
        {
            BuildAll();
            return Values;
        }
    }

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        BuildAll();
        foreach (var pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item)
    {
        return TryGetValue(null, default, item.Key, out var value) && Equals(value, item.Value);
    }

    object? IDictionary.this[object key]
    {
        get
        {
            var name = key as string ?? key.ToString() ?? "";
            return TryGetValue(null, default, name, out var value) ? value : throw new KeyNotFoundException(name);
        }
        set => this[key as string ?? key.ToString() ?? ""] = value;
    }

    ICollection IDictionary.Values
    {
        get
        {
            BuildAll();
            return (ICollection)Values;
        }
    }

    IDictionaryEnumerator IDictionary.GetEnumerator()
    {
        BuildAll();
        var ordered = new List<DictionaryEntry>();
        foreach (var pair in this)
        {
            ordered.Add(new DictionaryEntry(pair.Key, pair.Value));
        }
        return new Entries(ordered);
    }

    void ICollection.CopyTo(Array array, int index)
    {
        BuildAll();
        foreach (var pair in this)
        {
            array.SetValue(new DictionaryEntry(pair.Key, pair.Value), index++);
        }
    }

    private void Build(string member)
    {
        if (_pending.Remove(member, out var build))
        {
            SetValue(member, build(), !CanWrite(member));
        }
    }

    private void BuildAll()
    {
        while (_pending.Count > 0)
        {
            // Build in member order, as an eager fill would have.
            foreach (var member in GetMembers())
            {
                if (_pending.ContainsKey(member))
                {
                    Build(member);
                    break;
                }
            }
        }
    }

    /// <summary>The placeholder a pending member holds until it is built.</summary>
    private sealed class Pending
    {
        public static readonly Pending Instance = new();

        public override string ToString() => "";
    }

    private sealed class Entries(List<DictionaryEntry> entries) : IDictionaryEnumerator
    {
        private int _index = -1;

        public DictionaryEntry Entry => entries[_index];

        public object Key => Entry.Key;

        public object? Value => Entry.Value;

        public object Current => Entry;

        public bool MoveNext() => ++_index < entries.Count;

        public void Reset() => _index = -1;
    }
}
