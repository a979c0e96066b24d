using System.Collections.Generic;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>
/// A query's filter resolved once per query: each condition's position in the joined row and its column's cell
/// position in the table's <see cref="RowLayout"/>, so testing a candidate row costs array reads, not a name lookup
/// per condition per row (the account's snapshots, the deals of a page: thousands of rows per query).
/// </summary>
internal sealed class RowFilter
{
    private RowFilter(bool isAnd, RowCondition[] conditions, RowFilter[] children)
    {
        IsAnd = isAnd;
        Conditions = conditions;
        Children = children;
    }

    /// <summary>And (every part must hold) or Or (one must).</summary>
    public bool IsAnd { get; }

    public RowCondition[] Conditions { get; }

    public RowFilter[] Children { get; }

    /// <summary>The filter with every condition resolved by <paramref name="resolve"/> to the row position and layout it reads.</summary>
    public static RowFilter Of(FilterExpression filter, ResolveCondition resolve)
    {
        var conditions = new RowCondition[filter.Conditions.Count];
        for (var c = 0; c < conditions.Length; c++)
        {
            var condition = filter.Conditions[c];
            var (index, layout) = resolve(condition);
            var ordinal = layout.TryGetOrdinal(condition.AttributeName, out var found) ? found : -1;
            conditions[c] = new RowCondition(condition, index, layout, ordinal);
        }

        var children = new List<RowFilter>(filter.Filters.Count);
        foreach (var child in filter.Filters)
        {
            children.Add(Of(child, resolve));
        }

        return new RowFilter(filter.FilterOperator == LogicalOperator.And, conditions, children.ToArray());
    }
}

/// <summary>The row position (0 the query's table, then its links) and the layout of the table a condition reads.</summary>
internal delegate (int Index, RowLayout Layout) ResolveCondition(ConditionExpression condition);

/// <summary>One condition with where its value is: the joined row's position and the cell's position in the layout (−1: no row holds the column).</summary>
internal sealed record RowCondition(ConditionExpression Expression, int Index, RowLayout Layout, int Ordinal)
{
    /// <summary>The cell form of the condition's column on <paramref name="row"/>, as <see cref="StoredRow.GetStored(string)"/> gives it.</summary>
    public object? ValueOn(StoredRow row) => row.GetStored(Layout, Ordinal, Expression.AttributeName);
}
