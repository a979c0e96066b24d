using System;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>Converts flow values (JSON-shaped) to the SDK values of a column or a Custom API parameter, refusing mismatches by name.</summary>
public static class ColumnValues
{
    /// <summary>The SDK value of <paramref name="value"/> for <paramref name="column"/>; lookups take a GUID here (use @odata.bind in an item).</summary>
    public static object? ToColumnValue(ColumnMetadata column, object? value, string where)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (value == null)
        {
            return null;
        }

        var name = column.LogicalName;
        return column.Type switch
        {
            ColumnType.Text or ColumnType.Memo or ColumnType.TableName => FlowValue.ToText(value),
            ColumnType.UniqueIdentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => value as Guid? ?? (Guid.TryParse(value as string, out var id) ? id : throw Mismatch(where, name, "a GUID", value)),
            ColumnType.WholeNumber => (int)Number(where, name, value),
            ColumnType.BigInt => (long)Number(where, name, value),
            ColumnType.DecimalNumber => (decimal)Number(where, name, value),
            ColumnType.FloatingPoint => (double)Number(where, name, value),
            ColumnType.Currency => new Money((decimal)Number(where, name, value)),
            ColumnType.Choice or ColumnType.State or ColumnType.Status => new OptionSetValue((int)Number(where, name, value)),
            ColumnType.Choices => new OptionSetValueCollection(FlowValue.ToText(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => new OptionSetValue(int.Parse(v, CultureInfo.InvariantCulture))).ToList()),
            ColumnType.YesNo => value as bool? ?? (bool.TryParse(value as string, out var flag) ? flag : throw Mismatch(where, name, "true or false", value)),
            ColumnType.DateAndTime => Time(where, column, value),
            _ => throw Mismatch(where, name, "a value of a type the local flow runner converts", value),
        };
    }

    /// <summary>The SDK value of a Custom API request parameter.</summary>
    public static object? ToParameterValue(CustomApiParameter field, object? value, string where)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value == null)
        {
            return null;
        }

        var name = field.UniqueName;
        return field.Type switch
        {
            CustomApiFieldType.String => FlowValue.ToText(value),
            CustomApiFieldType.Integer => (int)Number(where, name, value),
            CustomApiFieldType.Decimal => (decimal)Number(where, name, value),
            CustomApiFieldType.Float => (double)Number(where, name, value),
            CustomApiFieldType.Money => new Money((decimal)Number(where, name, value)),
            CustomApiFieldType.Picklist => new OptionSetValue((int)Number(where, name, value)),
            CustomApiFieldType.Boolean => value as bool? ?? throw Mismatch(where, name, "true or false", value),
            CustomApiFieldType.Guid => Guid.TryParse(FlowValue.ToText(value), out var id) ? id : throw Mismatch(where, name, "a GUID", value),
            CustomApiFieldType.DateTime => FlowValue.ParseTimestamp(value as string) ?? throw Mismatch(where, name, "a timestamp", value),
            _ => throw Mismatch(where, name, "a parameter type the local flow runner converts (not " + field.Type + ")", value),
        };
    }

    private static decimal Number(string where, string name, object value) => value switch
    {
        long whole => whole,
        double real => (decimal)real,
        string text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Mismatch(where, name, "a number", value),
    };

    private static DateTime Time(string where, ColumnMetadata column, object value)
    {
        var time = FlowValue.ParseTimestamp(value as string) ?? throw Mismatch(where, column.LogicalName, "a timestamp", value);
        return column.DateBehavior == DateBehavior.DateOnly ? time.Date : time;
    }

    private static FlowConnectorException Mismatch(string where, string name, string expected, object value) =>
        new(where + ": '" + name + "' needs " + expected + ", not " + FlowValue.TypeName(value) + " '" + FlowValue.ToText(value) + "'.");
}
