using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>
/// A row as the Dataverse connector hands it to a flow (the Web API's JSON shape): a lookup column x becomes _x_value
/// (the id) with its @Microsoft.Dynamics.CRM.lookuplogicalname annotation and the connector's _x_type (the target's
/// entity set), choices their integer value, money a number, dates ISO 8601 UTC (date-only columns yyyy-MM-dd)
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns#lookup-property-data).
/// Formatted values (…@OData.Community.Display.V1.FormattedValue) are not produced.
/// </summary>
public static class WebApiRow
{
    /// <summary>The row's columns in the Web API shape.</summary>
    public static Dictionary<string, object?> From(Entity row, TableMetadata table, EntitySetNames sets)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sets);
        var result = FlowValue.NewObject();
        foreach (var (column, value) in row.Attributes)
        {
            if (value is EntityReference reference)
            {
                result["_" + column + "_value"] = reference.Id.ToString("D");
                result["_" + column + "_value@Microsoft.Dynamics.CRM.lookuplogicalname"] = reference.LogicalName;
                result["_" + column + "_type"] = sets.SetOf(reference.LogicalName);
                continue;
            }

            result[column] = Value(value, table.FindColumn(column));
        }

        if (row.Id != Guid.Empty)
        {
            result[table.PrimaryIdColumn] = row.Id.ToString("D");
        }

        return result;
    }

    /// <summary>One column value in the Web API shape.</summary>
    public static object? Value(object? value, ColumnMetadata? column) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag,
        int whole => (long)whole,
        long whole => whole,
        decimal number => (double)number,
        double real => real,
        Guid id => id.ToString("D"),
        OptionSetValue option => (long)option.Value,
        OptionSetValueCollection options => string.Join(",", options.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))),
        Money money => (double)money.Value,
        DateTime time when column?.DateBehavior == DateBehavior.DateOnly => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        EntityReference reference => reference.Id.ToString("D"),
        _ => value.ToString(),
    };
}
