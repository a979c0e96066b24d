using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>Compares stored values and query values as SQL Server would: case-insensitive text, numbers by value, NULL first.</summary>
internal static class ValueComparer
{
    /// <summary>Reduces SDK wrapper types to the primitive a query compares (OptionSetValue to int, Money to decimal, EntityReference to Guid).</summary>
    public static object? Primitive(object? value) => value switch
    {
        OptionSetValue option => option.Value,
        Money money => money.Value,
        EntityReference reference => reference.Id,
        Storage.StoredReference stored => stored.Id,
        Storage.StoredText text => text.ToString(),
        int[] choices => Storage.StoredValues.Choices(choices),
        AliasedValue aliased => Primitive(aliased.Value),
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        _ => value,
    };

    public static bool IsNumber(object? value) => value is int or long or decimal or double or float or short or byte;

    public static int Compare(object? left, object? right)
    {
        left = Primitive(left);
        right = Primitive(right);
        if (left == null || right == null)
        {
            return left == null ? (right == null ? 0 : -1) : 1;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            if (left is double or float || right is double or float)
            {
                return Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
            }

            return Convert.ToDecimal(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(right, CultureInfo.InvariantCulture));
        }

        return (left, right) switch
        {
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (Guid a, Guid b) => a.CompareTo(b),
            (Guid a, string b) when Guid.TryParse(b, out var g) => a.CompareTo(g),
            (DateTime a, DateTime b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (bool a, int b) => (a ? 1 : 0).CompareTo(b),
            (OptionSetValueCollection a, OptionSetValueCollection b) => string.CompareOrdinal(Key(a), Key(b)),
            _ => string.Compare(
                Convert.ToString(left, CultureInfo.InvariantCulture),
                Convert.ToString(right, CultureInfo.InvariantCulture),
                StringComparison.OrdinalIgnoreCase),
        };
    }

    public static bool AreEqual(object? left, object? right) => Compare(left, right) == 0;

    private static string Key(OptionSetValueCollection options) => string.Join(",", options.Select(o => o.Value).Order());

    /// <summary>A key for DISTINCT: equal values give equal keys.</summary>
    public static string DistinctKey(IEnumerable<KeyValuePair<string, object?>> values) =>
        string.Join("|", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + Convert.ToString(
            Primitive(v.Value) is string s ? s.ToUpperInvariant() : Primitive(v.Value) is OptionSetValueCollection c ? Key(c) : Primitive(v.Value),
            CultureInfo.InvariantCulture)));
}
