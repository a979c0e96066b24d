using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.WebApi;

/// <summary>
/// Parses <c>$filter</c> into query criteria: comparisons <c>eq ne gt ge lt le</c> of a property with a literal
/// (string in single quotes, number, GUID, true/false, null, ISO date), combined with <c>and</c>, <c>or</c> and
/// parentheses (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/filter-rows).
/// Functions and lambda operators are not implemented and fail naming the token.
/// </summary>
internal sealed class ODataFilter
{
    private readonly TableMetadata _table;
    private readonly List<string> _tokens;
    private int _next;

    private ODataFilter(TableMetadata table, List<string> tokens)
    {
        _table = table;
        _tokens = tokens;
    }

    /// <summary>The criteria of a $filter value.</summary>
    public static FilterExpression Parse(TableMetadata table, string text)
    {
        var parser = new ODataFilter(table, Tokenize(text));
        FilterExpression filter = parser.Or();
        if (parser._next < parser._tokens.Count)
        {
            throw new WebApiException($"$filter: unexpected '{parser._tokens[parser._next]}' (the local Web API implements eq, ne, gt, ge, lt, le, and, or and parentheses).");
        }

        return filter;
    }

    private FilterExpression Or()
    {
        var any = new FilterExpression(LogicalOperator.Or);
        any.AddFilter(And());
        while (Accept("or"))
        {
            any.AddFilter(And());
        }

        return any.Filters.Count == 1 ? any.Filters[0] : any;
    }

    private FilterExpression And()
    {
        var all = new FilterExpression(LogicalOperator.And);
        Add(all, Factor());
        while (Accept("and"))
        {
            Add(all, Factor());
        }

        return all;
    }

    private static void Add(FilterExpression all, object part)
    {
        if (part is ConditionExpression condition)
        {
            all.AddCondition(condition);
        }
        else
        {
            all.AddFilter((FilterExpression)part);
        }
    }

    private object Factor()
    {
        if (Accept("("))
        {
            FilterExpression inner = Or();
            Expect(")");
            return inner;
        }

        string property = Take("a property name");
        ColumnMetadata column = ODataProperties.Column(_table, property);
        string op = Take("an operator");
        string literal = Take("a value");
        if (literal == "null")
        {
            return op switch
            {
                "eq" => new ConditionExpression(column.LogicalName, ConditionOperator.Null),
                "ne" => new ConditionExpression(column.LogicalName, ConditionOperator.NotNull),
                _ => throw new WebApiException($"$filter: {property} {op} null: only eq and ne compare with null."),
            };
        }

        ConditionOperator comparison = op switch
        {
            "eq" => ConditionOperator.Equal,
            "ne" => ConditionOperator.NotEqual,
            "gt" => ConditionOperator.GreaterThan,
            "ge" => ConditionOperator.GreaterEqual,
            "lt" => ConditionOperator.LessThan,
            "le" => ConditionOperator.LessEqual,
            _ => throw new WebApiException($"$filter: '{op}' after {property} is not an operator the local Web API implements (eq, ne, gt, ge, lt, le)."),
        };
        return new ConditionExpression(column.LogicalName, comparison, Value(column, property, literal));
    }

    private static object Value(ColumnMetadata column, string property, string literal)
    {
        bool quoted = literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'';
        string text = quoted ? literal[1..^1].Replace("''", "'", StringComparison.Ordinal) : literal;
        object? value = column.Type switch
        {
            ColumnType.Text or ColumnType.Memo or ColumnType.TableName when quoted => text,
            ColumnType.UniqueIdentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner when Guid.TryParse(text, out Guid id) => id,
            ColumnType.WholeNumber or ColumnType.Choice or ColumnType.State or ColumnType.Status when !quoted && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) => n,
            ColumnType.BigInt when !quoted && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => l,
            ColumnType.DecimalNumber or ColumnType.Currency when !quoted && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) => d,
            ColumnType.FloatingPoint when !quoted && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double f) => f,
            ColumnType.YesNo when text is "true" or "false" && !quoted => text == "true",
            ColumnType.DateAndTime when !quoted && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime at) => at,
            _ => null,
        };
        return value ?? throw new WebApiException($"$filter: {literal} is not a value {property} ({column.Type}) can be compared with.");
    }

    private bool Accept(string token)
    {
        if (_next < _tokens.Count && _tokens[_next] == token)
        {
            _next++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new WebApiException($"$filter: expected '{token}'{(_next < _tokens.Count ? $" before '{_tokens[_next]}'" : " at the end")}.");
        }
    }

    private string Take(string what) =>
        _next < _tokens.Count ? _tokens[_next++] : throw new WebApiException($"$filter: {what} is missing at the end.");

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                var literal = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new WebApiException("$filter: a string literal is not closed with '.");
                    }

                    if (text[i] == '\'' && (i + 1 >= text.Length || text[i + 1] != '\''))
                    {
                        i++;
                        break;
                    }

                    if (text[i] == '\'')
                    {
                        literal.Append('\'');
                        i++;
                    }

                    literal.Append(text[i]);
                    i++;
                }

                tokens.Add(literal.Append('\'').ToString());
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')')
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
