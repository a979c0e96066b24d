using System.Collections.Generic;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>The page: its order, the column sets and the projection of only the rows it returns.</summary>
internal sealed partial class QueryEngine
{
    /// <summary>The sort keys of a query (its orders, then each link's), each checked against its table.</summary>
    private static List<(int Index, string Column, bool Descending)> OrderKeys(QueryExpression query, TableMetadata table, List<Link> links, IReadOnlyDictionary<string, Link> aliases)
    {
        var keys = new List<(int Index, string Column, bool Descending)>();
        foreach (var order in query.Orders)
        {
            var (orderTable, index) = Resolve(!string.IsNullOrEmpty(order.EntityName) ? order.EntityName : null, table, aliases, 0);
            orderTable.GetColumn(order.AttributeName);
            keys.Add((index, order.AttributeName, order.OrderType == OrderType.Descending));
        }

        foreach (var link in links)
        {
            foreach (var order in link.Source.Orders)
            {
                link.Table.GetColumn(order.AttributeName);
                keys.Add((link.Index, order.AttributeName, order.OrderType == OrderType.Descending));
            }
        }

        return keys;
    }

    private static Comparer<StoredRow?[]> RowComparer(List<(int Index, string Column, bool Descending)> keys) =>
        Comparer<StoredRow?[]>.Create((a, b) =>
        {
            foreach (var (index, column, descending) in keys)
            {
                var result = ValueComparer.Compare(a[index]?.GetStored(column), b[index]?.GetStored(column));
                if (result != 0)
                {
                    return descending ? -result : result;
                }
            }

            return 0;
        });

    /// <summary>Every column a column set names must exist on its table (checked once per query, not per row).</summary>
    private static void CheckColumnSets(ColumnSet? columnSet, TableMetadata table, List<Link> links)
    {
        if (columnSet != null && !columnSet.AllColumns)
        {
            Pipeline.Platform.CheckColumns(table, columnSet);
        }

        foreach (var link in links)
        {
            if (link.Source.Columns is { AllColumns: false } columns)
            {
                Pipeline.Platform.CheckColumns(link.Table, columns);
            }
        }
    }

    /// <summary>The column plans of the main table (index 0) and of each link; null for all columns or none.</summary>
    private ColumnPlan?[] Plans(ColumnSet? columnSet, TableMetadata table, List<Link> links)
    {
        var plans = new ColumnPlan?[links.Count + 1];
        if (columnSet != null && !columnSet.AllColumns)
        {
            plans[0] = _store.Table(table.LogicalName).Layout.PlanFor(columnSet.Columns);
        }

        foreach (var link in links)
        {
            if (link.Source.Columns is { AllColumns: false } columns)
            {
                plans[link.Index] = _store.Table(link.Table.LogicalName).Layout.PlanFor(columns.Columns);
            }
        }

        return plans;
    }

    private static Entity Project(StoredRow?[] row, ColumnPlan?[] plans, TableMetadata table, List<Link> links)
    {
        var main = row[0]!;
        var entity = plans[0] is { } plan ? main.ToEntity(plan) : main.ToEntity();

        // The primary key is always returned.
        entity.Attributes[table.PrimaryIdColumn] = main.Id;
        foreach (var link in links)
        {
            var linked = row[link.Index];
            if (linked == null || link.Source.Columns == null)
            {
                continue;
            }

            var columns = plans[link.Index] is { } linkPlan ? linkPlan.Names : linked.ColumnNames;
            foreach (var column in columns)
            {
                if (linked.GetValue(column) is { } value)
                {
                    entity.Attributes[link.Alias + "." + column] = new AliasedValue(link.Table.LogicalName, column, value);
                }
            }
        }

        return entity;
    }
}
