using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>
/// Runs QueryExpression and QueryByAttribute over the in-memory tables: filters (nested And/Or), link entities
/// (inner, left outer, exists/not any), aliased columns, ordering, TopCount and paging.
/// </summary>
internal sealed class QueryEngine
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
        var (candidates, inKeyOrder) = Candidates(table, criteria, byPrimaryKey && !orderKeys[0].Descending);
        if (links.Count == 0)
        {
            // Without links the filter needs only the main row: test it before allocating a joined row.
            var scratch = new StoredRow?[1];
            candidates = candidates.Where(row =>
            {
                scratch[0] = row;
                return Matches(criteria, scratch, table, aliases);
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

        var filtered = links.Count == 0 ? rows : rows.Where(r => Matches(criteria, r, table, aliases));

        // Rows already come in key order from an index or the key-ordered set when the query orders by the primary
        // key alone; otherwise they are sorted (stable, as before). Only the rows of the requested page are projected.
        var ordered = orderKeys.Count == 0 || (byPrimaryKey && inKeyOrder) ? filtered : filtered.Order(RowComparer(orderKeys));
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

    private void FlattenLinks(IEnumerable<LinkEntity> source, int parentIndex, TableMetadata parentTable, List<Link> links, Dictionary<string, int> aliasCounts)
    {
        foreach (var linkEntity in source)
        {
            var table = _schema.GetTable(linkEntity.LinkToEntityName);
            if (!string.IsNullOrEmpty(linkEntity.LinkFromEntityName) && linkEntity.LinkFromEntityName != parentTable.LogicalName)
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Link to '{linkEntity.LinkToEntityName}' says it links from '{linkEntity.LinkFromEntityName}', but its parent is '{parentTable.LogicalName}'.");
            }

            parentTable.GetColumn(linkEntity.LinkFromAttributeName);
            table.GetColumn(linkEntity.LinkToAttributeName);
            string alias;
            if (!string.IsNullOrEmpty(linkEntity.EntityAlias))
            {
                alias = linkEntity.EntityAlias;
            }
            else
            {
                // Without an alias the platform names a link "<table><n>" (contact1, contact2...).
                var count = aliasCounts.GetValueOrDefault(table.LogicalName) + 1;
                aliasCounts[table.LogicalName] = count;
                alias = table.LogicalName + count.ToString(CultureInfo.InvariantCulture);
            }

            if (links.Any(l => l.Alias == alias))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The link alias '{alias}' is used twice in one query.");
            }

            var link = new Link(linkEntity, alias, links.Count + 1, parentIndex, table);
            links.Add(link);
            FlattenLinks(linkEntity.LinkEntities, link.Index, table, links, aliasCounts);
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

    private IEnumerable<StoredRow?[]> Join(IEnumerable<StoredRow?[]> rows, Link link)
    {
        var source = link.Source;
        var target = _store.Table(link.Table.LogicalName);
        var linkCriteria = source.LinkCriteria ?? new FilterExpression();
        var linkAliases = new Dictionary<string, Link>(StringComparer.Ordinal) { [link.Alias] = link };
        ValidateFilter(linkCriteria, link.Table, linkAliases);
        foreach (var row in rows)
        {
            var parent = row[link.ParentIndex < 0 ? 0 : link.ParentIndex];
            var matches = new List<StoredRow>();
            if (parent != null && parent.TryGetStored(source.LinkFromAttributeName, out var fromValue) && fromValue != null)
            {
                foreach (var candidate in LinkCandidates(target, link, fromValue))
                {
                    if (candidate.TryGetStored(source.LinkToAttributeName, out var toValue) && ValueComparer.AreEqual(fromValue, toValue)
                        && MatchesLinkCriteria(linkCriteria, candidate, link))
                    {
                        matches.Add(candidate);
                    }
                }
            }

            switch (source.JoinOperator)
            {
                case JoinOperator.Inner:
                case JoinOperator.Natural:
                    foreach (var match in matches)
                    {
                        yield return With(row, link.Index, match);
                    }

                    break;
                case JoinOperator.LeftOuter:
                    if (matches.Count == 0)
                    {
                        yield return row;
                    }

                    foreach (var match in matches)
                    {
                        yield return With(row, link.Index, match);
                    }

                    break;
                case JoinOperator.MatchFirstRowUsingCrossApply:
                    if (matches.Count > 0)
                    {
                        yield return With(row, link.Index, matches[0]);
                    }

                    break;
                case JoinOperator.In:
                case JoinOperator.Exists:
                case JoinOperator.Any:
                    if (matches.Count > 0)
                    {
                        yield return row;
                    }

                    break;
                case JoinOperator.NotAny:
                    if (matches.Count == 0)
                    {
                        yield return row;
                    }

                    break;
                default:
                    throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The local Dataverse does not run the {source.JoinOperator} join (link to '{source.LinkToEntityName}').");
            }
        }
    }

    private static StoredRow?[] With(StoredRow?[] row, int index, StoredRow match)
    {
        var copy = (StoredRow?[])row.Clone();
        copy[index] = match;
        return copy;
    }

    private static IEnumerable<StoredRow> LinkCandidates(TableStore target, Link link, object fromValue)
    {
        var key = ValueComparer.Primitive(fromValue) as Guid?;
        if (key is { } id)
        {
            if (link.Source.LinkToAttributeName == link.Table.PrimaryIdColumn)
            {
                return target.Rows.TryGetValue(id, out var row) ? [row] : [];
            }

            if (target.IsIndexed(link.Source.LinkToAttributeName))
            {
                return target.Lookup(link.Source.LinkToAttributeName, id).Select(rowId => target.Rows[rowId]);
            }
        }

        return target.Rows.Values;
    }

    private bool MatchesLinkCriteria(FilterExpression filter, StoredRow candidate, Link link)
    {
        var row = new StoredRow?[link.Index + 1];
        row[link.Index] = candidate;
        var aliases = new Dictionary<string, Link>(StringComparer.Ordinal) { [link.Alias] = link };
        return Matches(filter, row, link.Table, aliases, defaultIndex: link.Index);
    }

    private static void ValidateFilter(FilterExpression filter, TableMetadata table, IReadOnlyDictionary<string, Link> aliases)
    {
        foreach (var condition in filter.Conditions)
        {
            var (conditionTable, _) = Resolve(condition.EntityName, table, aliases, 0);
            var column = conditionTable.GetColumn(condition.AttributeName);
            foreach (var value in condition.Values)
            {
                CheckConditionValue(conditionTable, column, condition, value);
            }
        }

        foreach (var child in filter.Filters)
        {
            ValidateFilter(child, table, aliases);
        }
    }

    private static void CheckConditionValue(TableMetadata table, ColumnMetadata column, ConditionExpression condition, object? value)
    {
        if (value == null || condition.Operator is ConditionOperator.LastXDays or ConditionOperator.NextXDays or ConditionOperator.LastXHours
            or ConditionOperator.NextXHours or ConditionOperator.OlderThanXDays or ConditionOperator.OlderThanXHours or ConditionOperator.OlderThanXMinutes
            or ConditionOperator.OlderThanXMonths or ConditionOperator.OlderThanXYears or ConditionOperator.OlderThanXWeeks
            or ConditionOperator.LastXMonths or ConditionOperator.NextXMonths or ConditionOperator.LastXYears or ConditionOperator.NextXYears
            or ConditionOperator.LastXWeeks or ConditionOperator.NextXWeeks)
        {
            return;
        }

        var primitive = ValueComparer.Primitive(value);
        var accepted = column.Type switch
        {
            ColumnType.Text or ColumnType.Memo or ColumnType.TableName => primitive is string,
            ColumnType.UniqueIdentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => primitive is Guid || (primitive is string s && Guid.TryParse(s, out _)),
            ColumnType.DateAndTime => primitive is DateTime,
            ColumnType.YesNo => primitive is bool or 0 or 1,
            _ => ValueComparer.IsNumber(primitive),
        };
        if (!accepted)
        {
            // Wording of the platform's fault for a condition value of the wrong type (CRM 4 era, see docs/reference/dataverse-columns.md).
            throw new DataverseFaultException(
                PlatformErrorCodes.InvalidArgument,
                $"Condition for attribute '{table.LogicalName}.{column.LogicalName}': expected argument(s) of type '{column.ClrType.FullName}' but received '{value.GetType().FullName}'.");
        }
    }

    private static (TableMetadata Table, int Index) Resolve(string? entityName, TableMetadata table, IReadOnlyDictionary<string, Link> aliases, int defaultIndex)
    {
        if (string.IsNullOrEmpty(entityName) || (defaultIndex == 0 && entityName == table.LogicalName && !aliases.ContainsKey(entityName)))
        {
            return (table, defaultIndex);
        }

        if (aliases.TryGetValue(entityName, out var link))
        {
            return (link.Table, link.Index);
        }

        throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"A condition or order names '{entityName}', which is neither the query's table nor a link alias.");
    }

    private bool Matches(FilterExpression filter, StoredRow?[] row, TableMetadata table, IReadOnlyDictionary<string, Link> aliases, int defaultIndex = 0)
    {
        var and = filter.FilterOperator == LogicalOperator.And;
        var any = false;
        var conditions = filter.Conditions;
        for (var c = 0; c < conditions.Count; c++)
        {
            // Indexed, not foreach: the SDK collection's enumerator is a boxed object per row.
            var condition = conditions[c];
            var (_, index) = Resolve(condition.EntityName, table, aliases, defaultIndex);
            var stored = row[index];
            var result = Evaluate(condition, stored?.GetStored(condition.AttributeName));
            if (and && !result)
            {
                return false;
            }

            if (!and && result)
            {
                return true;
            }

            any = true;
        }

        var filters = filter.Filters;
        for (var f = 0; f < filters.Count; f++)
        {
            var result = Matches(filters[f], row, table, aliases, defaultIndex);
            if (and && !result)
            {
                return false;
            }

            if (!and && result)
            {
                return true;
            }

            any = true;
        }

        // An empty filter matches everything; a non-empty Or filter got here without a match.
        return and || !any;
    }

    private bool Evaluate(ConditionExpression condition, object? stored)
    {
        // No lambdas or local functions capture here: this runs for every candidate row, and a capture allocates.
        var values = condition.Values;
        var value = ValueComparer.Primitive(stored);
        var today = _now.Date;
        switch (condition.Operator)
        {
            case ConditionOperator.Null:
                return value == null;
            case ConditionOperator.NotNull:
                return value != null;
            case ConditionOperator.EqualUserId:
                return value is Guid userId && userId == _userId;
            case ConditionOperator.NotEqualUserId:
                return value is Guid otherId && otherId != _userId;
        }

        // Every other comparison is false on NULL, as in SQL.
        if (value == null)
        {
            return false;
        }

        switch (condition.Operator)
        {
            case ConditionOperator.Equal:
                return ValueComparer.AreEqual(value, First(condition));
            case ConditionOperator.NotEqual:
                return !ValueComparer.AreEqual(value, First(condition));
            case ConditionOperator.GreaterThan:
                return ValueComparer.Compare(value, First(condition)) > 0;
            case ConditionOperator.GreaterEqual:
                return ValueComparer.Compare(value, First(condition)) >= 0;
            case ConditionOperator.LessThan:
                return ValueComparer.Compare(value, First(condition)) < 0;
            case ConditionOperator.LessEqual:
                return ValueComparer.Compare(value, First(condition)) <= 0;
            case ConditionOperator.In:
                return AnyEqual(values, value);
            case ConditionOperator.NotIn:
                return !AnyEqual(values, value);
            case ConditionOperator.Between:
                return values.Count == 2 && ValueComparer.Compare(value, values[0]) >= 0 && ValueComparer.Compare(value, values[1]) <= 0;
            case ConditionOperator.NotBetween:
                return values.Count == 2 && !(ValueComparer.Compare(value, values[0]) >= 0 && ValueComparer.Compare(value, values[1]) <= 0);
            case ConditionOperator.Like:
                return Like(value, First(condition));
            case ConditionOperator.NotLike:
                return !Like(value, First(condition));
            case ConditionOperator.BeginsWith:
                return Text(value).StartsWith(Text(First(condition)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.DoesNotBeginWith:
                return !Text(value).StartsWith(Text(First(condition)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.EndsWith:
                return Text(value).EndsWith(Text(First(condition)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.DoesNotEndWith:
                return !Text(value).EndsWith(Text(First(condition)), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.ContainValues:
                return value is OptionSetValueCollection has && AnyChosen(values, has);
            case ConditionOperator.DoesNotContainValues:
                return value is OptionSetValueCollection hasNot && !AnyChosen(values, hasNot);
        }

        var date = value is DateTime d ? d : throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The {condition.Operator} condition needs a date column; '{condition.AttributeName}' holds {value.GetType().Name}.");

        // Dates compare in UTC: the local Dataverse has no user time zone settings.
        return condition.Operator switch
        {
            ConditionOperator.On => date.Date == AsDate(First(condition)).Date,
            ConditionOperator.NotOn => date.Date != AsDate(First(condition)).Date,
            ConditionOperator.OnOrAfter => date.Date >= AsDate(First(condition)).Date,
            ConditionOperator.OnOrBefore => date.Date <= AsDate(First(condition)).Date,
            ConditionOperator.Today => date.Date == today,
            ConditionOperator.Yesterday => date.Date == today.AddDays(-1),
            ConditionOperator.Tomorrow => date.Date == today.AddDays(1),
            ConditionOperator.Last7Days => date >= today.AddDays(-7) && date <= _now,
            ConditionOperator.Next7Days => date >= _now && date < today.AddDays(8),
            ConditionOperator.LastXHours => date >= _now.AddHours(-Count(condition)) && date <= _now,
            ConditionOperator.NextXHours => date >= _now && date <= _now.AddHours(Count(condition)),
            ConditionOperator.LastXDays => date >= today.AddDays(-Count(condition)) && date <= _now,
            ConditionOperator.NextXDays => date >= _now && date < today.AddDays(Count(condition) + 1),
            ConditionOperator.LastXWeeks => date >= today.AddDays(-7 * Count(condition)) && date <= _now,
            ConditionOperator.NextXWeeks => date >= _now && date < today.AddDays((7 * Count(condition)) + 1),
            ConditionOperator.LastXMonths => date >= today.AddMonths(-Count(condition)) && date <= _now,
            ConditionOperator.NextXMonths => date >= _now && date < today.AddMonths(Count(condition)).AddDays(1),
            ConditionOperator.LastXYears => date >= today.AddYears(-Count(condition)) && date <= _now,
            ConditionOperator.NextXYears => date >= _now && date < today.AddYears(Count(condition)).AddDays(1),
            ConditionOperator.OlderThanXMinutes => date < _now.AddMinutes(-Count(condition)),
            ConditionOperator.OlderThanXHours => date < _now.AddHours(-Count(condition)),
            ConditionOperator.OlderThanXDays => date < _now.AddDays(-Count(condition)),
            ConditionOperator.OlderThanXWeeks => date < _now.AddDays(-7 * Count(condition)),
            ConditionOperator.OlderThanXMonths => date < _now.AddMonths(-Count(condition)),
            ConditionOperator.OlderThanXYears => date < _now.AddYears(-Count(condition)),
            ConditionOperator.ThisYear => date.Year == today.Year,
            ConditionOperator.LastYear => date.Year == today.Year - 1,
            ConditionOperator.NextYear => date.Year == today.Year + 1,
            ConditionOperator.ThisMonth => date.Year == today.Year && date.Month == today.Month,
            ConditionOperator.LastMonth => date.Year == today.AddMonths(-1).Year && date.Month == today.AddMonths(-1).Month,
            ConditionOperator.NextMonth => date.Year == today.AddMonths(1).Year && date.Month == today.AddMonths(1).Month,
            _ => throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The local Dataverse does not support the {condition.Operator} condition operator (on '{condition.AttributeName}')."),
        };
    }

    private static object? First(ConditionExpression condition) =>
        condition.Values.Count > 0 ? condition.Values[0] : throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The {condition.Operator} condition on '{condition.AttributeName}' needs a value.");

    private static int Count(ConditionExpression condition) => Convert.ToInt32(ValueComparer.Primitive(First(condition)), CultureInfo.InvariantCulture);

    private static bool AnyEqual(DataCollection<object> values, object value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (ValueComparer.AreEqual(value, values[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyChosen(DataCollection<object> values, OptionSetValueCollection chosen)
    {
        for (var i = 0; i < values.Count; i++)
        {
            foreach (var option in chosen)
            {
                if (ValueComparer.AreEqual(option.Value, values[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static DateTime AsDate(object? value) =>
        ValueComparer.Primitive(value) is DateTime date ? date : throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "A date condition needs a DateTime value.");

    private static string Text(object? value) => Convert.ToString(ValueComparer.Primitive(value), CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>SQL LIKE: % any run, _ one character, [...] a set; case-insensitive.</summary>
    private static bool Like(object value, object? pattern)
    {
        var source = Text(pattern);
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '[':
                    var end = source.IndexOf(']', i + 1);
                    if (end > i)
                    {
                        var set = source[(i + 1)..end];
                        regex.Append('[').Append(set.StartsWith('^') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                        i = end;
                    }
                    else
                    {
                        regex.Append(Regex.Escape("["));
                    }

                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append('$');
        return Regex.IsMatch(Text(value), regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

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
            plans[0] = new ColumnPlan(_store.Table(table.LogicalName).Layout, columnSet.Columns);
        }

        foreach (var link in links)
        {
            if (link.Source.Columns is { AllColumns: false } columns)
            {
                plans[link.Index] = new ColumnPlan(_store.Table(link.Table.LogicalName).Layout, columns.Columns);
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
