using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.WebApi;

/// <summary>
/// Table definitions, the part dvrel reads: <c>EntityDefinitions(LogicalName='account')</c> (LogicalName,
/// EntitySetName, PrimaryIdAttribute, PrimaryNameAttribute) and <c>EntityDefinitions(LogicalName='account')/Attributes</c>
/// (LogicalName, AttributeType) (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query-metadata-web-api).
/// A table that does not exist answers 404, as Dataverse does.
/// </summary>
internal static partial class TableDefinitions
{
    public static JsonObject Read(SchemaCatalog schema, string? key, string? rest, string root, string select)
    {
        Match match = KeyPattern().Match(key ?? string.Empty);
        if (!match.Success)
        {
            throw new WebApiException("The local Web API reads table definitions by alternate key only: EntityDefinitions(LogicalName='account').");
        }

        string logicalName = match.Groups["name"].Value;
        TableMetadata table = schema.FindTable(logicalName)
            ?? throw new WebApiException(HttpStatusCode.NotFound, WebApiException.ObjectDoesNotExist, $"Could not find an entity with the logical name '{logicalName}'.");
        if (rest is null)
        {
            return new JsonObject
            {
                ["@odata.context"] = root + "$metadata#EntityDefinitions/$entity",
                ["LogicalName"] = table.LogicalName,
                ["EntitySetName"] = table.EntitySetName ?? EntitySetNames.Of(table.LogicalName),
                ["PrimaryIdAttribute"] = table.PrimaryIdColumn,
                ["PrimaryNameAttribute"] = table.PrimaryNameColumn,
            };
        }

        if (rest != "Attributes")
        {
            throw new WebApiException(HttpStatusCode.NotFound, WebApiException.ResourceNotFound, $"Resource not found for the segment '{rest}'.");
        }

        _ = select;
        var attributes = new JsonArray();
        foreach (ColumnMetadata column in table.Columns.OrderBy(c => c.LogicalName, StringComparer.Ordinal))
        {
            attributes.Add(new JsonObject { ["LogicalName"] = column.LogicalName, ["AttributeType"] = column.Type.ToString() });
        }

        return new JsonObject { ["@odata.context"] = root + "$metadata#EntityDefinitions('" + table.LogicalName + "')/Attributes", ["value"] = attributes };
    }

    [GeneratedRegex(@"^LogicalName='(?<name>[a-z0-9_]+)'$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
