using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>One comparison of an OData $filter: a column (lookups as _x_value), an operator and a literal.</summary>
public sealed record ODataCondition(string Property, string Operator, object? Literal)
{
    /// <summary>The column the property names (_x_value is the lookup x).</summary>
    public string Column => Property.StartsWith('_') && Property.EndsWith("_value", StringComparison.Ordinal) ? Property[1..^6] : Property;
}

/// <summary>
/// The part of OData the Dataverse connector's List rows and the trigger's filter use here: comparisons
/// (eq, ne, gt, ge, lt, le) of a column with a literal (GUID, 'text', number, true, false, null) joined by "and"
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows).
/// Anything else (or, functions, parentheses) is refused by name.
/// </summary>
public sealed partial class ODataFilter
{
    private ODataFilter(IReadOnlyList<ODataCondition> conditions) => Conditions = conditions;

    /// <summary>The comparisons, all of which must hold.</summary>
    public IReadOnlyList<ODataCondition> Conditions { get; }

    /// <summary>Parses a $filter; throws <see cref="FlowConnectorException"/> naming what is not supported.</summary>
    public static ODataFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new ODataFilter([]);
        }

        var conditions = new List<ODataCondition>();
        foreach (var part in Clauses(filter.Trim()))
        {
            var match = Comparison().Match(part.Trim());
            if (!match.Success)
            {
                throw new FlowConnectorException("The $filter '" + filter + "' has the clause '" + part.Trim() + "'; the local flow runner supports only <column> eq|ne|gt|ge|lt|le <literal> joined by 'and'.");
            }

            conditions.Add(new ODataCondition(match.Groups["property"].Value, match.Groups["op"].Value, Literal(match.Groups["literal"].Value, filter)));
        }

        return new ODataFilter(conditions);
    }

    /// <summary>Adds the comparisons to a query of <paramref name="table"/>, each literal converted to its column's type.</summary>
    public void ApplyTo(QueryExpression query, TableMetadata table)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(table);
        foreach (var condition in Conditions)
        {
            var column = table.GetColumn(condition.Column);
            var op = condition.Operator switch
            {
                "eq" => condition.Literal == null ? ConditionOperator.Null : ConditionOperator.Equal,
                "ne" => condition.Literal == null ? ConditionOperator.NotNull : ConditionOperator.NotEqual,
                "gt" => ConditionOperator.GreaterThan,
                "ge" => ConditionOperator.GreaterEqual,
                "lt" => ConditionOperator.LessThan,
                _ => ConditionOperator.LessEqual,
            };
            if (condition.Literal == null)
            {
                query.Criteria.AddCondition(column.LogicalName, op);
            }
            else
            {
                query.Criteria.AddCondition(column.LogicalName, op, ColumnValues.ToColumnValue(column, condition.Literal, "$filter"));
            }
        }
    }

    /// <summary>Whether a row in the Web API shape meets every comparison.</summary>
    public bool Matches(IDictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var condition in Conditions)
        {
            row.TryGetValue(condition.Property, out var value);
            var literal = condition.Literal is Guid id ? id.ToString("D") : condition.Literal;
            var holds = condition.Operator switch
            {
                "eq" => Same(value, literal),
                "ne" => !Same(value, literal),
                _ => value != null && literal != null && Order(value, literal) is { } order && condition.Operator switch
                {
                    "gt" => order > 0,
                    "ge" => order >= 0,
                    "lt" => order < 0,
                    _ => order <= 0,
                },
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(object? value, object? literal) =>
        value is string a && literal is string b ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : FlowValue.AreEqual(value, literal);

    private static int? Order(object value, object literal) =>
        FlowValue.IsNumber(value) && FlowValue.IsNumber(literal)
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(literal, CultureInfo.InvariantCulture))
            : value is string a && literal is string b ? string.CompareOrdinal(a, b) : null;

    private static object? Literal(string text, string filter)
    {
        if (text.StartsWith('\'') && text.EndsWith('\'') && text.Length >= 2)
        {
            return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        return text switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ => throw new FlowConnectorException("The $filter '" + filter + "' compares with '" + text + "', which is not a literal the local flow runner reads (GUID, 'text', number, true, false, null)."),
        };
    }

    /// <summary>The clauses between " and " outside string literals.</summary>
    private static IEnumerable<string> Clauses(string filter)
    {
        var start = 0;
        var inString = false;
        for (var i = 0; i < filter.Length; i++)
        {
            if (filter[i] == '\'')
            {
                inString = !inString;
            }
            else if (!inString && AndAt().Match(filter, i) is { Success: true, Index: var at } match && at == i)
            {
                yield return filter[start..i];
                start = i + match.Length;
                i = start - 1;
            }
        }

        yield return filter[start..];
    }

    [GeneratedRegex(@"\G\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndAt();

    [GeneratedRegex(@"^(?<property>[A-Za-z_][A-Za-z0-9_]*)\s+(?<op>eq|ne|gt|ge|lt|le)\s+(?<literal>'(?:[^']|'')*'|[^\s()]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();
}
