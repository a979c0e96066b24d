using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>What the platform keeps for itself: read-only columns and what a delete does to the rows that point at the deleted one.</summary>
internal sealed partial class Platform
{
    /// <summary>
    /// Leaves out of a Create or Update every column only the platform sets: createdon, modifiedon, createdby,
    /// modifiedby, versionnumber, owning*, exchangerate, the _base currency columns, fullname, activitytypecode... The
    /// table reference pages list them as read-only, IsValidForCreate and IsValidForUpdate False
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account, docs/reference/dataverse-columns.md);
    /// a migrated row's creation date goes in overriddencreatedon instead
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/account#BKMK_OverriddenCreatedOn).
    /// Microsoft does not document a fault for sending one, and the retrieve-all-columns-then-update pattern sends
    /// them all back, so they are dropped (never stored, never seen by a plugin), not refused. Returns the entity to use.
    /// </summary>
    private static Entity WithoutReadOnlyColumns(TableMetadata table, Entity target)
    {
        List<string>? readOnly = null;
        foreach (var column in target.Attributes.Keys)
        {
            if (table.FindColumn(column) is { IsPlatformSet: true })
            {
                (readOnly ??= []).Add(column);
            }
        }

        if (readOnly == null)
        {
            return target;
        }

        var copy = ValueCopy.CloneEntity(target);
        foreach (var column in readOnly)
        {
            copy.Attributes.Remove(column);
        }

        return copy;
    }

    /// <summary>
    /// Before a row is removed, each relationship that points at its table acts on the referencing rows as its
    /// CascadeDelete says (https://learn.microsoft.com/power-apps/maker/data-platform/create-edit-entity-relationships#table-relationship-behavior):
    /// Restrict refuses the delete while any exist, RemoveLink clears their lookup through an Update, Cascade deletes
    /// each through the pipeline (their own steps run, in the same transaction).
    /// </summary>
    private void ApplyDeleteCascades(TableMetadata table, Guid id, Caller caller)
    {
        foreach (var rule in Schema.CascadeDeletes)
        {
            if (rule.ReferencedTable != table.LogicalName || rule.Behavior == CascadeDeleteBehavior.NoCascade || !Schema.HasTable(rule.ReferencingTable))
            {
                continue;
            }

            var children = Referencing(rule, id);
            if (children.Count == 0)
            {
                continue;
            }

            switch (rule.Behavior)
            {
                case CascadeDeleteBehavior.Restrict:
                    throw new DataverseFaultException(
                        PlatformErrorCodes.InvalidArgument,
                        $"The {table.LogicalName} {id} cannot be deleted: {children.Count} {rule.ReferencingTable} row(s) reference it through {rule.ReferencingColumn}, and relationship {rule.Relationship} restricts the delete.");
                case CascadeDeleteBehavior.RemoveLink:
                    // Cleared by an Update of the referencing row, so its Update steps see the lookup go (whether
                    // Dataverse runs them for a removed link is not documented; running them keeps the rules' columns
                    // true, e.g. an account's loyalty when its customer sponsor contact is deleted).
                    foreach (var child in children)
                    {
                        Dispatch("Update", new UpdateRequest { Target = new Entity(rule.ReferencingTable, child.Id) { [rule.ReferencingColumn] = null } }, caller);
                    }

                    break;
                case CascadeDeleteBehavior.Cascade:
                    foreach (var child in children)
                    {
                        if (Store.Find(rule.ReferencingTable, child.Id) != null)
                        {
                            Dispatch("Delete", new DeleteRequest { Target = new EntityReference(rule.ReferencingTable, child.Id) }, caller);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The rows whose <see cref="CascadeDeleteRule.ReferencingColumn"/> points at the row <paramref name="id"/> of the referenced table.</summary>
    private List<StoredRow> Referencing(CascadeDeleteRule rule, Guid id)
    {
        var rows = Store.Table(rule.ReferencingTable);
        IEnumerable<StoredRow> candidates = rows.IsIndexed(rule.ReferencingColumn)
            ? rows.Lookup(rule.ReferencingColumn, id).Select(r => rows.Rows[r])
            : rows.Rows.Values;
        return candidates
            .Where(r => r.GetStored(rule.ReferencingColumn) is StoredReference reference && reference.Id == id && reference.LogicalName == rule.ReferencedTable)
            .ToList();
    }
}
