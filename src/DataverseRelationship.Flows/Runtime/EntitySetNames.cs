using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>
/// Web API entity set names (what the Dataverse connector's entityName and @odata.bind use) to table logical names and back.
/// Standard tables carry the EntitySetName of their reference page (docs/reference/dataverse-columns.md); other tables
/// get the default a new table receives, its logical name plus "s" (dvr_tierchange: dvr_tierchanges).
/// </summary>
public sealed class EntitySetNames
{
    private static readonly Dictionary<string, string> Standard = new(StringComparer.Ordinal)
    {
        ["account"] = "accounts",
        ["opportunity"] = "opportunities",
        ["opportunityclose"] = "opportunitycloses",
        ["contact"] = "contacts",
        ["systemuser"] = "systemusers",
        ["team"] = "teams",
        ["task"] = "tasks",
        ["role"] = "roles",
        ["businessunit"] = "businessunits",
        ["environmentvariabledefinition"] = "environmentvariabledefinitions",
        ["environmentvariablevalue"] = "environmentvariablevalues",
    };

    private readonly Dictionary<string, string> _setByTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tableBySet = new(StringComparer.Ordinal);

    public EntitySetNames(SchemaCatalog schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var table in schema.Tables.Select(t => t.LogicalName).Concat(Standard.Keys).Distinct(StringComparer.Ordinal))
        {
            var set = Standard.TryGetValue(table, out var known) ? known : table + "s";
            _setByTable[table] = set;
            _tableBySet[set] = table;
        }
    }

    /// <summary>The table of an entity set, or null when no table has that set name.</summary>
    public string? TableOf(string entitySet) => _tableBySet.GetValueOrDefault(entitySet);

    /// <summary>The entity set of a table.</summary>
    public string SetOf(string table) => _setByTable.TryGetValue(table, out var set) ? set : table + "s";
}
