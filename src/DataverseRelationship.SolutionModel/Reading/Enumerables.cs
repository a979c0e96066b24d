using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

/// <summary>Small sequence lookups the model uses (kept here so the model needs no LINQ import).</summary>
internal static class Enumerables
{
    /// <summary>The first item that matches, or null.</summary>
    public static T? FirstOrDefaultOrdinal<T>(this IEnumerable<T> items, Func<T, bool> match)
        where T : class
    {
        foreach (var item in items)
        {
            if (match(item))
            {
                return item;
            }
        }

        return null;
    }
}
