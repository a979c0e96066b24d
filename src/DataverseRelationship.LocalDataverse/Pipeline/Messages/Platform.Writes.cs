using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Query;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>What every write shares: checking and normalising values, the platform's defaults and computed columns, reference checks, and seeding rows directly.</summary>
internal sealed partial class Platform
{
    private static readonly string[] OptionalPlatformParameters = ["tag", "SuppressDuplicateDetection", "BypassCustomPluginExecution", "SolutionUniqueName", "SuppressCallbackRegistrationExpanderJob"];

    /// <summary>The id a Create will use: Entity.Id, else the primary key column, else none yet.</summary>
    private static Guid IdOf(TableMetadata table, Entity entity)
    {
        var fromAttribute = entity.Attributes.TryGetValue(table.PrimaryIdColumn, out var value) && value is Guid g ? g : Guid.Empty;
        if (entity.Id != Guid.Empty && fromAttribute != Guid.Empty && entity.Id != fromAttribute)
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The {table.LogicalName} row has Id {entity.Id} but its {table.PrimaryIdColumn} column says {fromAttribute}.");
        }

        return entity.Id != Guid.Empty ? entity.Id : fromAttribute;
    }

    /// <summary>Checks every column of <paramref name="entity"/>; returns the values to store, in the entity's order.</summary>
    private static List<KeyValuePair<string, object?>> Normalized(TableMetadata table, Entity entity)
    {
        var values = new List<KeyValuePair<string, object?>>(entity.Attributes.Count);
        foreach (var attribute in entity.Attributes)
        {
            values.Add(new KeyValuePair<string, object?>(attribute.Key, ColumnValueRules.Normalize(table, attribute.Key, attribute.Value)));
        }

        return values;
    }

    /// <summary>Writes checked values into a draft; a null value clears the column.</summary>
    private static void Apply(RowDraft draft, List<KeyValuePair<string, object?>> values)
    {
        foreach (var (column, value) in values)
        {
            draft.Set(column, value);
        }
    }

    /// <summary>
    /// The checked values of a Target for the main operation: those checked on arrival when no plugin has run since
    /// (nobody else holds the Target), else the Target is checked again, since a plugin may have changed it.
    /// </summary>
    private static List<KeyValuePair<string, object?>> MainOperationValues(TableMetadata table, OperationRun run, Entity target, List<KeyValuePair<string, object?>> onArrival)
    {
        if (run.PluginsRunBeforeMainOperation == 0)
        {
            return onArrival;
        }

        return Normalized(table, WithoutReadOnlyColumns(table, target));
    }

    /// <summary>What the platform sets on create: key, owner, state and status defaults, audit columns.</summary>
    private void ApplyCreateDefaults(TableMetadata table, RowDraft values, Guid id, Guid userId, bool keepProvidedAudit)
    {
        var now = Clock.UtcNow;
        values.Set(table.PrimaryIdColumn, id);
        if (table.HasColumn("ownerid") && !values.Contains("ownerid"))
        {
            values.SetReference("ownerid", "systemuser", userId);
        }

        if (table.HasColumn("statecode") && !values.Contains("statecode"))
        {
            values.Set("statecode", new OptionSetValue(0));
        }

        if (table.HasColumn("statuscode") && !values.Contains("statuscode") && values.GetStored("statecode") is int state
            && table.DefaultStatusByState.TryGetValue(state, out var status))
        {
            values.Set("statuscode", new OptionSetValue(status));
        }

        foreach (var column in AuditDates)
        {
            if (table.HasColumn(column) && !(keepProvidedAudit && values.Contains(column)))
            {
                values.Set(column, now);
            }
        }

        foreach (var column in AuditUsers)
        {
            if (table.HasColumn(column) && !(keepProvidedAudit && values.Contains(column)))
            {
                values.SetReference(column, "systemuser", userId);
            }
        }
    }

    private static readonly string[] AuditDates = ["createdon", "modifiedon"];

    private static readonly string[] AuditUsers = ["createdby", "modifiedby"];

    private void ApplyUpdateDefaults(TableMetadata table, RowDraft values, StoredRow previous, Entity target, Guid userId)
    {
        foreach (var column in new[] { "createdon", "createdby", table.PrimaryIdColumn })
        {
            if (previous.TryGetStored(column, out var kept))
            {
                values.SetStored(column, kept);
            }
        }

        if (table.HasColumn("modifiedon"))
        {
            values.Set("modifiedon", Clock.UtcNow);
            values.SetReference("modifiedby", "systemuser", userId);
        }

        if (target.Attributes.ContainsKey("statecode") && !target.Attributes.ContainsKey("statuscode")
            && values.GetStored("statecode") is int state && table.DefaultStatusByState.TryGetValue(state, out var status))
        {
            values.Set("statuscode", new OptionSetValue(status));
        }
    }

    private static readonly object ExchangeRateOne = 1m;

    /// <summary>Columns the platform computes: full names and the base-currency copies of currency columns.</summary>
    private static void ApplyComputed(TableMetadata table, RowDraft values, IEnumerable<string> changed)
    {
        var nameChanged = false;
        foreach (var column in changed)
        {
            nameChanged |= column is "firstname" or "lastname";
            var baseColumn = column + "_base";
            if (table.FindColumn(column)?.Type != ColumnType.Currency || !table.HasColumn(baseColumn))
            {
                continue;
            }

            // <name>_base = <name> / exchangerate; without currencies the local exchange rate is 1
            // (https://learn.microsoft.com/power-apps/developer/data-platform/transaction-currency-currency-entity).
            if (values.GetStored(column) is decimal amount)
            {
                values.SetStored(baseColumn, amount);
                if (table.HasColumn("exchangerate") && !values.Contains("exchangerate"))
                {
                    values.SetStored("exchangerate", ExchangeRateOne);
                }
            }
            else
            {
                values.Remove(baseColumn);
            }
        }

        if (nameChanged && table.HasColumn("fullname"))
        {
            var fullName = string.Join(" ", new[] { values.GetValue("firstname") as string, values.GetValue("lastname") as string }.Where(n => !string.IsNullOrWhiteSpace(n)));
            values.Set("fullname", fullName);
        }
    }

    /// <summary>A lookup must point at an existing row (owners and tables the local Dataverse does not model are not checked).</summary>
    private void CheckReferences(TableMetadata table, RowDraft values, IEnumerable<string> changed)
    {
        foreach (var column in changed)
        {
            var (logicalName, id) = values.GetStored(column) switch
            {
                StoredReference stored => (stored.LogicalName, stored.Id),
                EntityReference reference => (reference.LogicalName, reference.Id),
                _ => (null, Guid.Empty),
            };
            if (logicalName != null && table.FindColumn(column)?.Type != ColumnType.Owner
                && Schema.HasTable(logicalName) && Store.Find(logicalName, id) == null)
            {
                throw new DataverseFaultException(PlatformErrorCodes.ObjectDoesNotExist, $"{logicalName} With Id = {id} Does Not Exist (column '{column}' of {table.LogicalName}).");
            }
        }
    }

    /// <summary>
    /// Opportunities are won and lost only through Win and Lose; SetState and Update refuse it (community evidence:
    /// docs/reference/dataverse-columns.md, "Setting Won/Lost through SetState/Update is refused").
    /// </summary>
    private static void GuardOpportunityClose(string table, object? state, string message)
    {
        if (table == "opportunity" && ValueComparer.Primitive(state) is int value && value is 1 or 2)
        {
            var name = value == 1 ? "Won" : "Lost";
            var request = value == 1 ? "WinOpportunityRequest" : "LoseOpportunityRequest";
            throw new DataverseFaultException(
                PlatformErrorCodes.InvalidArgument,
                $"This message can not be used to set the state of opportunity to {name}. In order to set the state of opportunity to {name}, use the {request} message instead. ({message})");
        }
    }

    /// <summary>Writes a row directly (no plugins, no transaction): columns are still checked, platform defaults still applied.</summary>
    public Guid Seed(Entity row, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate)
        {
            var table = Schema.GetTable(row.LogicalName);
            var id = IdOf(table, row);
            id = id == Guid.Empty ? Guid.NewGuid() : id;
            if (Store.Find(table.LogicalName, id) != null)
            {
                throw Duplicate(table, id);
            }

            var values = Store.Draft(table.LogicalName);
            Apply(values, Normalized(table, row));
            ApplyCreateDefaults(table, values, id, userId, keepProvidedAudit: true);
            ApplyComputed(table, values, row.Attributes.Keys);
            Store.Write(values, id);
            return id;
        }
    }
}
