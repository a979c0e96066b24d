using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>
/// A row the Web API returned, back as the SDK entity the plugins read: each property by the column's type in the
/// solution's schema (lookups from <c>_name_value</c> with their lookuplogicalname annotation, choices from integers,
/// multi-select choices from "1,2", dates from ISO 8601 in UTC)
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-properties).
/// </summary>
internal static class WebApiRows
{
    /// <summary>The Web API property names of columns (lookups as <c>_name_value</c>), for $select.</summary>
    public static string Select(TableMetadata table, IEnumerable<string> columns) =>
        string.Join(",", columns.Select(c => table.GetColumn(c)).Select(c => IsLookup(c.Type) ? "_" + c.LogicalName + "_value" : c.LogicalName));

    public static Entity ToEntity(TableMetadata table, JsonObject json)
    {
        var row = new Entity(table.LogicalName);
        foreach (KeyValuePair<string, JsonNode?> property in json)
        {
            string name = property.Key;
            if (name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            bool lookup = name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal);
            ColumnMetadata? column = table.FindColumn(lookup ? name[1..^"_value".Length] : name);
            if (column is null)
            {
                continue;
            }

            if (column.LogicalName == table.PrimaryIdColumn)
            {
                row.Id = Guid.Parse(property.Value!.GetValue<string>());
                continue;
            }

            row[column.LogicalName] = property.Value is null ? null : Value(column, property.Value, json[name + "@Microsoft.Dynamics.CRM.lookuplogicalname"]?.GetValue<string>());
        }

        return row;
    }

    private static object Value(ColumnMetadata column, JsonNode node, string? lookupTable)
    {
        try
        {
            return column.Type switch
            {
                ColumnType.Text or ColumnType.Memo or ColumnType.TableName => node.GetValue<string>(),
                ColumnType.UniqueIdentifier => Guid.Parse(node.GetValue<string>()),
                ColumnType.WholeNumber => node.GetValue<int>(),
                ColumnType.BigInt => node.GetValue<long>(),
                ColumnType.DecimalNumber => node.GetValue<decimal>(),
                ColumnType.FloatingPoint => node.GetValue<double>(),
                ColumnType.Currency => new Money(node.GetValue<decimal>()),
                ColumnType.YesNo => node.GetValue<bool>(),
                ColumnType.DateAndTime => Date(column, node.GetValue<string>()),
                ColumnType.Choice or ColumnType.State or ColumnType.Status => new OptionSetValue(node.GetValue<int>()),
                ColumnType.Choices => new OptionSetValueCollection(node.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => new OptionSetValue(int.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))).ToList()),
                ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => new EntityReference(lookupTable ?? column.Targets[0], Guid.Parse(node.GetValue<string>())),
                _ => throw new EnvironmentException($"{column.LogicalName}: a {column.Type} column, which dvrel does not read."),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            throw new EnvironmentException($"{column.LogicalName}: the environment returned {node.ToJsonString()}, which is not a {column.Type} value.", ex);
        }
    }

    private static DateTime Date(ColumnMetadata column, string text)
    {
        DateTime at = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return column.DateBehavior == DateBehavior.DateOnly ? DateTime.SpecifyKind(at.Date, DateTimeKind.Unspecified) : DateTime.SpecifyKind(at, DateTimeKind.Utc);
    }

    private static bool IsLookup(ColumnType type) => type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;
}
