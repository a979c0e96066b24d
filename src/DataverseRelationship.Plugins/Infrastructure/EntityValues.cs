using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Infrastructure;

/// <summary>
/// Safe, typed reads of Dataverse column values (a missing or null column reads as null) and the value comparison
/// that change-only writes rely on.
/// </summary>
public static class EntityValues
{
    /// <summary>The choice value, or null when the column is missing or empty.</summary>
    public static int? GetChoice(this Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value;

    /// <summary>The selected values of a multi-select choice column (empty when missing or empty).</summary>
    public static IReadOnlyList<int> GetChoices(this Entity row, string column)
    {
        var values = row.GetAttributeValue<OptionSetValueCollection>(column);
        if (values is null || values.Count == 0)
        {
            return Array.Empty<int>();
        }

        var result = new int[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            result[i] = values[i].Value;
        }

        return result;
    }

    /// <summary>The amount of a currency column, or null.</summary>
    public static decimal? GetMoney(this Entity row, string column) => row.GetAttributeValue<Money>(column)?.Value;

    /// <summary>The id a lookup column points at, or null.</summary>
    public static Guid? GetReferenceId(this Entity row, string column)
    {
        var reference = row.GetAttributeValue<EntityReference>(column);
        return reference is null || reference.Id == Guid.Empty ? null : reference.Id;
    }

    /// <summary>
    /// The row as it will be after an update: <paramref name="image"/> (the stored columns) overlaid with
    /// <paramref name="target"/> (the columns the update sets, nulls included).
    /// </summary>
    public static Entity Overlay(this Entity? image, Entity target)
    {
        Argument.NotNull(target, nameof(target));

        var result = new Entity(target.LogicalName, target.Id);
        if (image is not null)
        {
            foreach (var column in image.Attributes)
            {
                result[column.Key] = column.Value;
            }
        }

        foreach (var column in target.Attributes)
        {
            result[column.Key] = column.Value;
        }

        return result;
    }

    /// <summary>
    /// Whether two column values are the same as Dataverse stores them: value equality for money, choices, lookups
    /// and decimals (scale ignored), set equality for multi-select choices, and null equal to an empty multi-select.
    /// </summary>
    public static bool SameValue(object? left, object? right)
    {
        if (left is OptionSetValueCollection || right is OptionSetValueCollection)
        {
            return SameChoices(left as OptionSetValueCollection, right as OptionSetValueCollection);
        }

        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return left switch
        {
            Money money when right is Money other => money.Value == other.Value,
            EntityReference reference when right is EntityReference other =>
                reference.Id == other.Id && string.Equals(reference.LogicalName, other.LogicalName, StringComparison.Ordinal),
            _ => left.Equals(right),
        };
    }

    /// <summary>
    /// The columns of <paramref name="desired"/> whose values differ from <paramref name="current"/>, as a new row with
    /// the same table and id, or null when nothing differs (so the caller writes nothing).
    /// </summary>
    public static Entity? ChangesFrom(this Entity desired, Entity current)
    {
        Argument.NotNull(desired, nameof(desired));
        Argument.NotNull(current, nameof(current));

        Entity? changes = null;
        foreach (var column in desired.Attributes)
        {
            current.Attributes.TryGetValue(column.Key, out var stored);
            if (SameValue(stored, column.Value))
            {
                continue;
            }

            changes ??= new Entity(desired.LogicalName, desired.Id);
            changes[column.Key] = column.Value;
        }

        return changes;
    }

    private static bool SameChoices(OptionSetValueCollection? left, OptionSetValueCollection? right)
    {
        var leftCount = left?.Count ?? 0;
        var rightCount = right?.Count ?? 0;
        if (leftCount != rightCount)
        {
            return false;
        }

        if (leftCount == 0)
        {
            return true;
        }

        var values = new HashSet<int>();
        foreach (var value in left!)
        {
            values.Add(value.Value);
        }

        foreach (var value in right!)
        {
            if (!values.Contains(value.Value))
            {
                return false;
            }
        }

        return true;
    }
}
