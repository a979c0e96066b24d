using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>
/// Runs QueryExpression and QueryByAttribute over the in-memory tables: filters (nested And/Or), link entities
/// (inner, left outer, exists/not any), aliased columns, ordering, TopCount and paging.
/// </summary>
internal sealed partial class QueryEngine
{
    /// <summary>
    /// Without paging a query returns at most 5,000 rows
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression).
    /// </summary>
    public const int DefaultPageSize = 5000;

    private readonly RowStore _store;

    private readonly SchemaCatalog _schema;

    private readonly DateTime _now;

    private readonly Guid _userId;

    public QueryEngine(RowStore store, SchemaCatalog schema, DateTime utcNow, Guid userId)
    {
        _store = store;
        _schema = schema;
        _now = utcNow;
        _userId = userId;
    }

    public EntityCollection Execute(QueryBase query) => query switch
    {
        QueryExpression expression => Execute(expression),
        QueryByAttribute byAttribute => Execute(FromQueryByAttribute(byAttribute)),
        null => throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "RetrieveMultiple needs a query."),
        _ => throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The local Dataverse does not run {query.GetType().Name} queries; use QueryExpression or QueryByAttribute."),
    };

    private static QueryExpression FromQueryByAttribute(QueryByAttribute source)
    {
        if (source.Attributes.Count == 0 || source.Attributes.Count != source.Values.Count)
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"QueryByAttribute on '{source.EntityName}' needs one value per attribute and at least one attribute (got {source.Attributes.Count} attributes, {source.Values.Count} values).");
        }

        var query = new QueryExpression(source.EntityName) { ColumnSet = source.ColumnSet ?? new ColumnSet(), TopCount = source.TopCount, PageInfo = source.PageInfo ?? new PagingInfo() };
        for (var i = 0; i < source.Attributes.Count; i++)
        {
            query.Criteria.AddCondition(new ConditionExpression(source.Attributes[i], ConditionOperator.Equal, source.Values[i]));
        }

        foreach (var order in source.Orders)
        {
            query.Orders.Add(order);
        }

        return query;
    }

    /// <summary>A link entity with its alias and position in the joined row.</summary>
    private sealed record Link(LinkEntity Source, string Alias, int Index, int ParentIndex, TableMetadata Table);

    private EntityCollection Execute(QueryExpression query)
    {
        var table = _schema.GetTable(query.EntityName);
        var links = new List<Link>();
        var aliasCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        FlattenLinks(query.LinkEntities, -1, table, links, aliasCounts);
        var aliases = links.ToDictionary(l => l.Alias, StringComparer.Ordinal);

        var pageInfo = query.PageInfo;
        var paging = pageInfo != null && (pageInfo.Count > 0 || pageInfo.PageNumber > 0);
        if (paging && query.TopCount != null)
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "The TopCount and PageInfo properties of a query cannot both be set.");
        }

        var criteria = query.Criteria ?? new FilterExpression();
        ValidateFilter(criteria, table, aliases);
        CheckColumnSets(query.ColumnSet, table, links);
        var orderKeys = OrderKeys(query, table, links, aliases);
        var byPrimaryKey = orderKeys.Count == 1 && orderKeys[0].Index == 0 && orderKeys[0].Column == table.PrimaryIdColumn;
        var dated = DateOrdered(table, criteria, orderKeys);
        var (candidates, inKeyOrder) = dated is not null ? (dated, false) : Candidates(table, criteria, byPrimaryKey && !orderKeys[0].Descending);
        var filter = Resolved(criteria, table, aliases);
        if (links.Count == 0)
        {
            // Without links the filter needs only the main row: test it before allocating a joined row.
            var scratch = new StoredRow?[1];
            candidates = candidates.Where(row =>
            {
                scratch[0] = row;
                return Matches(filter, scratch);
            });
        }

        var rows = candidates.Select(row =>
        {
            var joined = new StoredRow?[links.Count + 1];
            joined[0] = row;
            return joined;
        });
        foreach (var link in links)
        {
            rows = Join(rows, link);
        }

        var filtered = links.Count == 0 ? rows : rows.Where(r => Matches(filter, r));

        // Rows already come in key order from an index or the key-ordered set when the query orders by the primary
        // key alone, and in date order from a date order; otherwise they are sorted (stable, as before). Only the rows
        // of the requested page are projected.
        var ordered = orderKeys.Count == 0 || (byPrimaryKey && inKeyOrder) || dated is not null ? filtered : filtered.Order(RowComparer(orderKeys));
        var plans = Plans(query.ColumnSet, table, links);
        var result = new EntityCollection { EntityName = table.LogicalName, TotalRecordCount = -1 };
        var seen = query.Distinct ? new HashSet<string>(StringComparer.Ordinal) : null;
        bool IsDistinct(Entity e) => seen == null || seen.Add(ValueComparer.DistinctKey(e.Attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value))));

        if (query.TopCount is { } top)
        {
            // Without DISTINCT the first rows in order are the answer: Take after Order selects them without sorting
            // every match (the latest snapshot of an account, for instance, is one row of its whole history).
            if (seen == null && !ReferenceEquals(ordered, filtered))
            {
                ordered = ordered.Take(top);
            }

            foreach (var row in ordered)
            {
                if (result.Entities.Count >= top)
                {
                    break;
                }

                var entity = Project(row, plans, table, links);
                if (IsDistinct(entity))
                {
                    result.Entities.Add(entity);
                }
            }

            return result;
        }

        var pageSize = paging && pageInfo!.Count > 0 ? pageInfo.Count : DefaultPageSize;
        var pageNumber = paging && pageInfo!.PageNumber > 0 ? pageInfo.PageNumber : 1;
        var first = (long)(pageNumber - 1) * pageSize;
        var countAll = pageInfo?.ReturnTotalRecordCount == true;
        // The page is added to the result as it is read (no list sized for the largest page: most queries match a few rows).
        var page = result.Entities;
        long position = 0;
        foreach (var row in ordered)
        {
            var inPage = position >= first && page.Count < pageSize;
            if (seen != null)
            {
                // DISTINCT: every row is projected to tell duplicates apart.
                var entity = Project(row, plans, table, links);
                if (!IsDistinct(entity))
                {
                    continue;
                }

                inPage = position >= first && page.Count < pageSize;
                if (inPage)
                {
                    page.Add(entity);
                }
            }
            else if (inPage)
            {
                page.Add(Project(row, plans, table, links));
            }

            position++;
            if (position > first + pageSize && !countAll)
            {
                // One row past the page says there are more; nothing further is read.
                break;
            }
        }

        result.MoreRecords = position > (long)pageNumber * pageSize;
        if (countAll)
        {
            result.TotalRecordCount = (int)Math.Min(position, int.MaxValue);
        }

        if (page.Count > 0)
        {
            // The cookie carries the page and the first and last keys, like the platform's; a cookie passed back is
            // an optimisation only, so the page number alone decides the page here.
            result.PagingCookie = string.Format(
                CultureInfo.InvariantCulture,
                "<cookie page=\"{0}\"><{1} last=\"{2:B}\" first=\"{3:B}\" /></cookie>",
                pageNumber,
                table.PrimaryIdColumn,
                page[^1].Id,
                page[0].Id);
        }

        return result;
    }

    /// <summary>
    /// The candidates of a query ordered by one date and time column of its table alone whose top-level filter bounds
    /// that date (<see cref="DateRanges"/>): the rows in those ranges from the table's date order, grouped by an indexed
    /// lookup the filter sets equal to one id when there is one, already in the query's order (ties in key order, as
    /// the stable sort of key-ordered rows gives). Null when the query is not of that shape.
    /// </summary>
    private IEnumerable<StoredRow>? DateOrdered(TableMetadata table, FilterExpression criteria, List<(int Index, string Column, bool Descending)> orderKeys)
    {
        if (orderKeys.Count != 1 || orderKeys[0].Index != 0 || table.FindColumn(orderKeys[0].Column)?.Type != ColumnType.DateAndTime
            || DateRanges.Of(criteria, table.LogicalName, orderKeys[0].Column) is not { } ranges)
        {
            return null;
        }

        var store = _store.Table(table.LogicalName);
        string? groupColumn = null;
        var group = Guid.Empty;
        foreach (var condition in criteria.Conditions)
        {
            if (condition.Operator != ConditionOperator.Equal || condition.Values.Count != 1
                || (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != table.LogicalName)
                || ValueComparer.Primitive(condition.Values[0]) is not Guid id)
            {
                continue;
            }

            if (condition.AttributeName == table.PrimaryIdColumn)
            {
                // One row at most: the key lookup is cheaper than any order.
                return null;
            }

            if (groupColumn is null && store.IsIndexed(condition.AttributeName))
            {
                groupColumn = condition.AttributeName;
                group = id;
            }
        }

        var index = store.DateOrder(orderKeys[0].Column, groupColumn);
        var newestFirst = orderKeys[0].Descending;
        return Ranges(index, group, ranges, newestFirst);
    }

    private static IEnumerable<StoredRow> Ranges(DateOrderIndex index, Guid group, List<(long From, long To)> ranges, bool newestFirst)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var (from, to) = ranges[newestFirst ? ranges.Count - 1 - i : i];
            foreach (var row in index.Between(group, from, to, newestFirst))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// The main rows worth looking at: a key or index lookup when the top-level And filter has an equality on one,
    /// else every row. Index lookups come in key order; so do all rows when <paramref name="wantKeyOrder"/> (from the
    /// table's key-ordered set, starting after the bound of a "key greater than" condition). The flag says which.
    /// </summary>
    private (IEnumerable<StoredRow> Rows, bool InKeyOrder) Candidates(TableMetadata table, FilterExpression criteria, bool wantKeyOrder)
    {
        var store = _store.Table(table.LogicalName);
        Guid? after = null;
        if (criteria.FilterOperator == LogicalOperator.And)
        {
            foreach (var condition in criteria.Conditions)
            {
                if (condition.Values.Count != 1 || !string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != table.LogicalName)
                {
                    continue;
                }

                var key = ValueComparer.Primitive(condition.Values[0]) switch
                {
                    Guid g => g,
                    string s when Guid.TryParse(s, out var parsed) => parsed,
                    _ => (Guid?)null,
                };
                if (key is not { } id)
                {
                    continue;
                }

                if (condition.Operator == ConditionOperator.GreaterThan && condition.AttributeName == table.PrimaryIdColumn)
                {
                    after = after is { } previous && previous.CompareTo(id) > 0 ? previous : id;
                    continue;
                }

                if (condition.Operator != ConditionOperator.Equal)
                {
                    continue;
                }

                if (condition.AttributeName == table.PrimaryIdColumn)
                {
                    return (store.Rows.TryGetValue(id, out var row) ? [row] : [], true);
                }

                if (store.IsIndexed(condition.AttributeName))
                {
                    return (store.Lookup(condition.AttributeName, id).Select(rowId => store.Rows[rowId]), true);
                }
            }
        }

        if (!wantKeyOrder)
        {
            return (store.Rows.Values, false);
        }

        var keys = store.KeyOrder;
        if (after is { } bound)
        {
            // The filter still applies the condition; the view only skips the keys at or below the bound.
            return (keys.Count == 0 || bound.CompareTo(keys.Max) >= 0 ? [] : keys.GetViewBetween(bound, keys.Max).Select(rowId => store.Rows[rowId]), true);
        }

        return (keys.Select(rowId => store.Rows[rowId]), true);
    }
}
