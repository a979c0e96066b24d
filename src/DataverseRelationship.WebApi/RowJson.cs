using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.WebApi;

/// <summary>
/// A row as the Web API returns it: property names exactly as the columns' logical names (never camel-cased),
/// lookups as <c>_name_value</c> with the <c>Microsoft.Dynamics.CRM.lookuplogicalname</c> annotation when asked for
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/select-columns#formatted-values),
/// choices as their integer value, multi-select choices as comma-separated values, money as a number, date-only
/// columns as <c>yyyy-MM-dd</c> and other dates in UTC ISO 8601, <c>@odata.etag</c> from the row version.
/// </summary>
internal static class RowJson
{
    /// <summary>The annotation that names a lookup's table.</summary>
    public const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";

    public static JsonObject Write(TableMetadata table, Entity row, IReadOnlyList<ColumnMetadata>? selected, bool lookupAnnotations)
    {
        var json = new JsonObject();
        if (row.Attributes.TryGetValue("versionnumber", out object? version) && version is long v)
        {
            json["@odata.etag"] = string.Create(CultureInfo.InvariantCulture, $"W/\"{v}\"");
        }

        IEnumerable<ColumnMetadata> columns = selected ?? table.Columns.Where(c => row.Attributes.ContainsKey(c.LogicalName));
        foreach (ColumnMetadata column in columns)
        {
            if (column.LogicalName == table.PrimaryIdColumn)
            {
                continue;
            }

            row.Attributes.TryGetValue(column.LogicalName, out object? value);
            string name = ODataProperties.Name(column);
            json[name] = Value(column, value);
            if (lookupAnnotations && value is EntityReference reference)
            {
                json[name + "@" + LookupLogicalName] = reference.LogicalName;
            }
        }

        json[table.PrimaryIdColumn] = row.Id.ToString("D");
        return json;
    }

    private static JsonNode? Value(ColumnMetadata column, object? value) => value switch
    {
        null => null,
        string s => s,
        Guid g => g.ToString("D"),
        int i => i,
        long l => l,
        decimal d => d,
        double f => f,
        bool b => b,
        DateTime at when column.DateBehavior == DateBehavior.DateOnly => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime at => (at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        Money m => m.Value,
        OptionSetValue o => o.Value,
        OptionSetValueCollection many => string.Join(",", many.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))),
        EntityReference r => r.Id.ToString("D"),
        _ => value.ToString(),
    };
}
