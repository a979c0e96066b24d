using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>
/// How a checked SDK value is kept in a cell and turned back into a fresh SDK value: currency as its decimal,
/// choices as their int, multi-select choices as an int array, lookups as a shared <see cref="StoredReference"/>, immutable primitives as they are
/// (boxes of common values shared). Every value handed out is a new SDK object, so nobody shares mutable state with the store.
/// </summary>
internal sealed class StoredValues
{
    private static readonly object True = true;
    private static readonly object False = false;
    /// <summary>Slots of the shared decimal boxes (a direct-mapped cache: a value replaces the one in its slot).</summary>
    private const int DecimalSlots = 1 << 14;

    /// <summary>Slots of the shared date boxes.</summary>
    private const int DateSlots = 1 << 10;

    private readonly Dictionary<int, object> _ints = [];
    private readonly Dictionary<(string, Guid), StoredReference> _references = [];
    private readonly object?[] _decimals = new object?[DecimalSlots];
    private readonly object?[] _dates = new object?[DateSlots];

    /// <summary>The cell form of a value already checked against its column.</summary>
    public object? ToStored(object? value, ColumnType? type)
    {
        switch (value)
        {
            case null:
                return null;
            case Money money when type == ColumnType.Currency:
                return Box(money.Value);
            case decimal amount:
                return Box(amount);
            case OptionSetValue option when type is ColumnType.Choice or ColumnType.State or ColumnType.Status:
                return Box(option.Value);
            case EntityReference reference when reference.KeyAttributes.Count == 0:
                return Reference(reference.LogicalName, reference.Id, reference.Name);
            case OptionSetValueCollection options when type == ColumnType.Choices:
                return options.Select(o => o.Value).ToArray();
            case string text when type is ColumnType.Text or ColumnType.Memo:
                return StoredText.Of(text);
            case bool flag:
                return flag ? True : False;
            case int number:
                return Box(number);
            case DateTime date:
                return Box(date);
            default:
                return ValueCopy.Clone(value);
        }
    }

    /// <summary>
    /// A fresh SDK value for a cell. Immutable cells (texts and boxed numbers, dates, flags and ids: most cells) are
    /// handed out as they are, tested first because those tests are a type-handle comparison each; the rest become new
    /// SDK objects.
    /// </summary>
    public static object? ToSdk(object? stored, ColumnType? type)
    {
        switch (stored)
        {
            case null:
                return null;
            case string:
                return stored;
            case decimal amount:
                return type == ColumnType.Currency ? new Money(amount) : stored;
            case int option:
                return type is ColumnType.Choice or ColumnType.State or ColumnType.Status ? new OptionSetValue(option) : stored;
            case DateTime or bool or Guid or long or double:
                return stored;
            case StoredReference reference:
                return new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
            case StoredText text:
                return text.ToString();
            case int[] choices:
                return Choices(choices);
            default:
                return ValueCopy.Clone(stored);
        }
    }

    /// <summary>A new collection of the stored choice values.</summary>
    public static OptionSetValueCollection Choices(int[] values)
    {
        var options = new List<OptionSetValue>(values.Length);
        foreach (var value in values)
        {
            options.Add(new OptionSetValue(value));
        }

        return new OptionSetValueCollection(options);
    }

    /// <summary>The shared reference for a row.</summary>
    public StoredReference Reference(string logicalName, Guid id, string? name = null)
    {
        if (name != null)
        {
            return new StoredReference(logicalName, id, name);
        }

        if (!_references.TryGetValue((logicalName, id), out var reference))
        {
            reference = new StoredReference(logicalName, id, null);
            _references[(logicalName, id)] = reference;
        }

        return reference;
    }

    /// <summary>
    /// A box of the decimal shared with the cells that hold the same value at the same scale (scores, rates and prices
    /// repeat across rows: a score snapshot holds eleven decimals), so a million rows do not keep a million boxes of
    /// 1.00. Bit-equal only: 1.0 and 1.00 are equal decimals but print differently, so they keep their own boxes.
    /// </summary>
    private object Box(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var slot = (int)((uint)HashCode.Combine(bits[0], bits[1], bits[2], bits[3]) % DecimalSlots);
        if (_decimals[slot] is decimal shared)
        {
            Span<int> sharedBits = stackalloc int[4];
            decimal.GetBits(shared, sharedBits);
            if (bits.SequenceEqual(sharedBits))
            {
                return _decimals[slot]!;
            }
        }

        object box = value;
        _decimals[slot] = box;
        return box;
    }

    /// <summary>A box of the date shared with the cells that hold the same instant and kind (a run's dates repeat across its rows).</summary>
    private object Box(DateTime value)
    {
        var slot = (int)((uint)HashCode.Combine(value.Ticks) % DateSlots);
        if (_dates[slot] is DateTime shared && shared == value && shared.Kind == value.Kind)
        {
            return _dates[slot]!;
        }

        object box = value;
        _dates[slot] = box;
        return box;
    }

    private object Box(int value)
    {
        if (!_ints.TryGetValue(value, out var box))
        {
            box = value;
            if (_ints.Count < 100_000)
            {
                _ints[value] = box;
            }
        }

        return box;
    }
}
