using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>
/// The dates a filter lets through on one date and time column, as sorted, disjoint, inclusive ranges of ticks: the
/// top-level And filter's range conditions on the column (greater / less, or equal) intersected, and each child Or
/// filter made only of such conditions added as the union of its ranges. Null when the filter does not bound the
/// column (a query then reads its candidates another way). Only a bound on the candidates: the filter still tests them.
/// </summary>
internal static class DateRanges
{
    /// <summary>A range no date is in.</summary>
    private static readonly (long From, long To) None = (1, 0);

    private static readonly List<(long From, long To)> Everything = [(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks)];

    /// <summary>The ranges <paramref name="criteria"/> allows for <paramref name="column"/> of <paramref name="table"/>; null when unbounded.</summary>
    public static List<(long From, long To)>? Of(FilterExpression criteria, string table, string column)
    {
        if (criteria.FilterOperator != LogicalOperator.And)
        {
            return null;
        }

        var bounded = false;
        var ranges = Everything;
        foreach (var condition in criteria.Conditions)
        {
            if (Range(condition, table, column) is { } range)
            {
                ranges = Intersect(ranges, [range]);
                bounded = true;
            }
        }

        foreach (var child in criteria.Filters)
        {
            if (AnyOf(child, table, column) is { } union)
            {
                ranges = Intersect(ranges, union);
                bounded = true;
            }
        }

        return bounded ? ranges : null;
    }

    /// <summary>An Or filter of range conditions on the column alone: the union of their ranges.</summary>
    private static List<(long From, long To)>? AnyOf(FilterExpression filter, string table, string column)
    {
        if (filter.FilterOperator != LogicalOperator.Or || filter.Filters.Count > 0 || filter.Conditions.Count == 0)
        {
            return null;
        }

        var ranges = new List<(long From, long To)>();
        foreach (var condition in filter.Conditions)
        {
            if (Range(condition, table, column) is not { } range)
            {
                return null;
            }

            ranges.Add(range);
        }

        ranges.Sort();
        var merged = new List<(long From, long To)>();
        foreach (var range in ranges)
        {
            if (range.From > range.To)
            {
                continue;
            }

            if (merged.Count > 0 && range.From <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, range.To));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>The inclusive ticks one condition allows, when it is a comparison of the column with one date.</summary>
    private static (long From, long To)? Range(ConditionExpression condition, string table, string column)
    {
        if (condition.AttributeName != column || (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != table)
            || condition.Values.Count != 1 || ValueComparer.Primitive(condition.Values[0]) is not DateTime date)
        {
            return null;
        }

        // DateTime comparisons (what the filter applies) compare ticks and ignore the kind.
        var ticks = date.Ticks;
        return condition.Operator switch
        {
            ConditionOperator.Equal => (ticks, ticks),
            ConditionOperator.GreaterEqual => (ticks, DateTime.MaxValue.Ticks),
            ConditionOperator.GreaterThan => ticks == DateTime.MaxValue.Ticks ? None : (ticks + 1, DateTime.MaxValue.Ticks),
            ConditionOperator.LessEqual => (DateTime.MinValue.Ticks, ticks),
            ConditionOperator.LessThan => ticks == DateTime.MinValue.Ticks ? None : (DateTime.MinValue.Ticks, ticks - 1),
            _ => null,
        };
    }

    private static List<(long From, long To)> Intersect(List<(long From, long To)> left, List<(long From, long To)> right)
    {
        var result = new List<(long From, long To)>();
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            var from = Math.Max(left[i].From, right[j].From);
            var to = Math.Min(left[i].To, right[j].To);
            if (from <= to)
            {
                result.Add((from, to));
            }

            if (left[i].To < right[j].To)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result;
    }
}
