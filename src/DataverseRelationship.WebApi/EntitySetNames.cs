using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.WebApi;

/// <summary>
/// The Web API entity set name of each table (its plural: accounts, opportunities, pluginassemblies), as the service
/// document lists them (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query-data-web-api#entityset-resources).
/// </summary>
public static class EntitySetNames
{
    /// <summary>
    /// The entity set name of a table: the standard catalog's (opportunities, systemuserrolescollection), else the
    /// plural a new table gets: y after a consonant becomes ies, s/x gets es, else s.
    /// </summary>
    public static string Of(string logicalName)
    {
        ArgumentException.ThrowIfNullOrEmpty(logicalName);
        if (SolutionSchema.Standard.FindTable(logicalName)?.EntitySetName is { } standard)
        {
            return standard;
        }

        if (logicalName.Length > 1 && logicalName[^1] == 'y' && !"aeiou".Contains(logicalName[^2], StringComparison.Ordinal))
        {
            return logicalName[..^1] + "ies";
        }

        return logicalName[^1] is 's' or 'x' ? logicalName + "es" : logicalName + "s";
    }

    /// <summary>Every table of a schema by its entity set name (the model's; else <see cref="Of"/> for a system table a host added).</summary>
    public static IReadOnlyDictionary<string, TableMetadata> Index(SchemaCatalog schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Tables.ToDictionary(t => t.EntitySetName ?? Of(t.LogicalName), StringComparer.Ordinal);
    }
}
