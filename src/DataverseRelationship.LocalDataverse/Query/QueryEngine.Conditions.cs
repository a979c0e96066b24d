using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>Filters and conditions: checking them against the schema and evaluating them on stored rows.</summary>
internal sealed partial class QueryEngine
{
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

    /// <summary>The filter resolved against the query's table and links: once per query, not per row.</summary>
    private RowFilter Resolved(FilterExpression filter, TableMetadata table, IReadOnlyDictionary<string, Link> aliases, int defaultIndex = 0) =>
        RowFilter.Of(filter, condition =>
        {
            var (conditionTable, index) = Resolve(condition.EntityName, table, aliases, defaultIndex);
            return (index, _store.Table(conditionTable.LogicalName).Layout);
        });

    private bool Matches(RowFilter filter, StoredRow?[] row)
    {
        var and = filter.IsAnd;
        var any = false;
        var conditions = filter.Conditions;
        for (var c = 0; c < conditions.Length; c++)
        {
            var condition = conditions[c];
            var stored = row[condition.Index];
            var result = Evaluate(condition.Expression, stored is null ? null : condition.ValueOn(stored));
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

        var filters = filter.Children;
        for (var f = 0; f < filters.Length; f++)
        {
            var result = Matches(filters[f], row);
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
}
