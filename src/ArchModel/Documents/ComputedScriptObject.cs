using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ArchModel.Documents;

/// <summary>The member names of a kind of <see cref="ComputedScriptObject"/>, in order, with a name lookup.</summary>
internal sealed class ScriptSchema
{
    private readonly Dictionary<string, int> _index;

    public ScriptSchema(params string[] names)
    {
        Names = names;
        _index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _index.Add(names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}

/// <summary>
/// A read-mostly script object that stores no members: it computes each value from a few fields when a
/// template reads it. A record of which a national model has millions (an agency's metric value, a ranking
/// entry) then costs tens of bytes instead of a dictionary of boxed values and strings.
/// </summary>
/// <remarks>
/// To a template it is a script object like any other: its members, their order and their values are those
/// of the <see cref="ScriptObject"/> it stands for. The first time a template changes it (assigns or removes a
/// member) or uses it as a whole (enumerates, copies, clones or prints it), it turns into that script object
/// and from then on behaves exactly as one. Values must be immutable or cached by the subclass: a value read
/// twice must be the same object when it is a script object or array.
/// </remarks>
internal abstract class ComputedScriptObject : IScriptObject, IDictionary<string, object?>, IDictionary, IFormattable
{
    private ScriptObject? _store;

    /// <summary>The member names, in order.</summary>
    protected abstract ScriptSchema Schema { get; }

    /// <summary>The value of the member at <paramref name="index"/> in <see cref="Schema"/>.</summary>
    protected abstract object? Get(int index);

    /// <summary>The script object this one stands for, made (once) when it must be one.</summary>
    private ScriptObject Store
    {
        get
        {
            if (_store is null)
            {
                var names = Schema.Names;
                var store = new ScriptObject(names.Count);
                for (var i = 0; i < names.Count; i++)
                {
                    store.SetValue(names[i], Get(i), false);
                }
                _store = store;
            }
            return _store;
        }
    }

    public int Count => _store?.Count ?? Schema.Names.Count;

    public bool IsReadOnly
    {
        get => _store?.IsReadOnly ?? false;
        set
        {
            if (value || _store is not null)
            {
                Store.IsReadOnly = value;
            }
        }
    }

    public IEnumerable<string> GetMembers() => _store?.GetMembers() ?? Schema.Names;

    public bool Contains(string member) => _store?.Contains(member) ?? Schema.IndexOf(member) >= 0;

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (_store is not null)
        {
            return _store.TryGetValue(context, span, member, out value);
        }
        var i = Schema.IndexOf(member);
        value = i < 0 ? null : Get(i);
        return i >= 0;
    }

    public bool CanWrite(string member) => _store?.CanWrite(member) ?? true;

    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) =>
        Store.TrySetValue(context, span, member, value, readOnly);

    public bool Remove(string member) => Store.Remove(member);

    public void SetReadOnly(string member, bool readOnly) => Store.SetReadOnly(member, readOnly);

    public IScriptObject Clone(bool deep) => Store.Clone(deep);

    public string ToString(string? format, IFormatProvider? formatProvider) => Store.ToString(format, formatProvider);

    public override string ToString() => Store.ToString();

    // ---- the dictionary interfaces a script object has, for Scriban's object functions ----

    public object? this[string key]
    {
        get => TryGetValue(null, default, key, out var value) ? value : null;
        set => Store[key] = value;
    }

    bool IDictionary<string, object?>.TryGetValue(string key, out object? value) => TryGetValue(null, default, key, out value);

    bool IDictionary<string, object?>.ContainsKey(string key) => Contains(key);

    ICollection<string> IDictionary<string, object?>.Keys => Store.Keys;

    ICollection<object?> IDictionary<string, object?>.Values => Store.Values;

    void IDictionary<string, object?>.Add(string key, object? value) => Store.Add(key, value);

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Store.Add(item.Key, item.Value);

    void ICollection<KeyValuePair<string, object?>>.Clear() => Store.Clear();

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)Store).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)Store).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)Store).Remove(item);

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => Store.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Store.GetEnumerator();

    object? IDictionary.this[object key]
    {
        get => ((IDictionary)Store)[key];
        set => ((IDictionary)Store)[key] = value;
    }

    bool IDictionary.IsFixedSize => false;

    ICollection IDictionary.Keys => ((IDictionary)Store).Keys;

    ICollection IDictionary.Values => ((IDictionary)Store).Values;

    void IDictionary.Add(object key, object? value) => ((IDictionary)Store).Add(key, value);

    void IDictionary.Clear() => Store.Clear();

    bool IDictionary.Contains(object key) => key is string member && Contains(member);

    IDictionaryEnumerator IDictionary.GetEnumerator() => ((IDictionary)Store).GetEnumerator();

    void IDictionary.Remove(object key) => ((IDictionary)Store).Remove(key);

    void ICollection.CopyTo(Array array, int index) => ((ICollection)Store).CopyTo(array, index);

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;
}
