using System;
using System.Collections.Generic;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>
/// Web API entity set names (what the Dataverse connector's entityName and @odata.bind use) to table logical names and
/// back, as the solution model gives them (the standard tables' reference pages; a custom table's EntitySetName).
/// </summary>
public sealed class EntitySetNames
{
    private readonly Dictionary<string, string> _setByTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tableBySet = new(StringComparer.Ordinal);

    public EntitySetNames(SchemaCatalog schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var table in schema.Tables)
        {
            var set = table.EntitySetName ?? table.LogicalName + "s";
            _setByTable[table.LogicalName] = set;
            _tableBySet[set] = table.LogicalName;
        }
    }

    /// <summary>The table of an entity set, or null when no table has that set name.</summary>
    public string? TableOf(string entitySet) => _tableBySet.GetValueOrDefault(entitySet);

    /// <summary>The entity set of a table.</summary>
    public string SetOf(string table) => _setByTable.TryGetValue(table, out var set) ? set : table + "s";
}
