using System;
using System.Globalization;
using System.Net;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.WebApi;

/// <summary>
/// Web API property names of a table's columns: the logical name, except a lookup, whose value is the read-only
/// <c>_{name}_value</c> property (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-properties#lookup-properties).
/// Names are case-sensitive, as in Dataverse.
/// </summary>
internal static class ODataProperties
{
    /// <summary>The column a property name stands for; an unknown name fails as Dataverse fails it.</summary>
    public static ColumnMetadata Column(TableMetadata table, string property)
    {
        if (property.StartsWith('_') && property.EndsWith("_value", StringComparison.Ordinal) && property.Length > "__value".Length)
        {
            ColumnMetadata? lookup = table.FindColumn(property[1..^"_value".Length]);
            if (lookup is not null && IsLookup(lookup.Type))
            {
                return lookup;
            }
        }
        else if (table.FindColumn(property) is { } column && !IsLookup(column.Type))
        {
            return column;
        }

        throw new WebApiException(HttpStatusCode.BadRequest, WebApiException.PropertyNotFound, string.Create(CultureInfo.InvariantCulture, $"Could not find a property named '{property}' on type 'Microsoft.Dynamics.CRM.{table.LogicalName}'."));
    }

    /// <summary>The property name a column is published under.</summary>
    public static string Name(ColumnMetadata column) => IsLookup(column.Type) ? "_" + column.LogicalName + "_value" : column.LogicalName;

    public static bool IsLookup(ColumnType type) => type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;
}
