using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A keyed SDK collection backed by a <see cref="Dictionary{TKey,TValue}"/>: keys are compared as the dictionary compares
/// them (ordinal, case-sensitive for strings), a missing key throws <see cref="KeyNotFoundException"/> and a duplicate
/// <see cref="Add(TKey,TValue)"/> throws <see cref="ArgumentException"/>.
/// </summary>
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    private readonly IDictionary<TKey, TValue> items;

    protected DataCollection()
        : this(new Dictionary<TKey, TValue>())
    {
    }

    /// <summary>Wraps <paramref name="collection"/>; changes show through both.</summary>
    protected DataCollection(IDictionary<TKey, TValue> collection)
    {
        items = collection ?? throw new ArgumentNullException(nameof(collection), "The collection to wrap must not be null.");
    }

    public int Count => items.Count;

    public virtual bool IsReadOnly => items.IsReadOnly;

    public virtual TValue this[TKey key]
    {
        get => items[key];
        set => items[key] = value;
    }

    public ICollection<TKey> Keys => items.Keys;

    public ICollection<TValue> Values => items.Values;

    public void Add(KeyValuePair<TKey, TValue> item) => items.Add(item);

    public void Add(TKey key, TValue value) => items.Add(key, value);

    /// <summary>Adds each pair in order; a null array adds nothing.</summary>
    public void AddRange(params KeyValuePair<TKey, TValue>[] items)
    {
        AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
    }

    /// <summary>Adds each pair in order; a null sequence adds nothing.</summary>
    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        if (items == null)
        {
            return;
        }

        foreach (KeyValuePair<TKey, TValue> item in items)
        {
            Add(item);
        }
    }

    public void Clear() => items.Clear();

    /// <summary>True when <paramref name="key"/> is present (also when its value is null).</summary>
    public bool Contains(TKey key) => items.ContainsKey(key);

    public bool Contains(KeyValuePair<TKey, TValue> key) => items.Contains(key);

    public bool ContainsKey(TKey key) => items.ContainsKey(key);

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Remove(TKey key) => items.Remove(key);

    public bool Remove(KeyValuePair<TKey, TValue> item) => items.Remove(item);

    public bool TryGetValue(TKey key, out TValue value) => items.TryGetValue(key, out value);
}
