using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk;

/// <summary>An ordered list of SDK values (entities, columns, condition values...).</summary>
public class DataCollection<T> : Collection<T>
{
    internal DataCollection()
    {
    }

    /// <summary>A new list holding the items of <paramref name="list"/> (a copy; later changes to either do not show in the other).</summary>
    internal DataCollection(IList<T> list)
    {
        AddRange(list);
    }

    /// <summary>Appends each item in order; a null array adds nothing.</summary>
    public void AddRange(params T[] items)
    {
        if (items == null)
        {
            return;
        }

        foreach (T item in items)
        {
            Add(item);
        }
    }

    /// <summary>Appends each item in order; a null sequence adds nothing.</summary>
    public void AddRange(IEnumerable<T> items)
    {
        if (items == null)
        {
            return;
        }

        foreach (T item in items)
        {
            Add(item);
        }
    }

    /// <summary>A new array holding the items in order.</summary>
    public T[] ToArray()
    {
        var array = new T[Count];
        CopyTo(array, 0);
        return array;
    }
}
