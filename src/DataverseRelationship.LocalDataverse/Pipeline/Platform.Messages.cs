using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Query;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The messages: what each main operation does to the tables.</summary>
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

    private CreateResponse Create(OrganizationRequest request, Caller caller)
    {
        var source = RequireParameter<Entity>(request, "Target");
        var table = Schema.GetTable(source.LogicalName);
        source = WithoutReadOnlyColumns(table, source);
        var onArrival = Normalized(table, source);

        // opportunity.statecode is not valid for create (docs/reference/dataverse-columns.md): a deal is created open
        // and closed only by Win or Lose.
        GuardOpportunityClose(table.LogicalName, source.Attributes.TryGetValue("statecode", out var createdState) ? createdState : null, "Create");
        var target = ValueCopy.CloneEntity(source);
        var requestedId = IdOf(table, target);
        if (requestedId != Guid.Empty && Store.Find(table.LogicalName, requestedId) != null)
        {
            throw Duplicate(table, requestedId);
        }

        target.Id = requestedId;
        var run = NewRun("Create", table.LogicalName, requestedId, request);
        run.Input["Target"] = target;
        NoteTarget(table.LogicalName, requestedId);
        RunPipeline(run, caller, () =>
        {
            var id = IdOf(table, target);
            id = id == Guid.Empty ? Guid.NewGuid() : id;
            if (Store.Find(table.LogicalName, id) != null)
            {
                throw Duplicate(table, id);
            }

            var values = Store.Draft(table.LogicalName);
            Apply(values, MainOperationValues(table, run, target, onArrival));
            ApplyCreateDefaults(table, values, id, caller.UserId, keepProvidedAudit: false);
            ApplyComputed(table, values, target.Attributes.Keys);
            CheckReferences(table, values, target.Attributes.Keys);
            run.PostImageSource = Store.Write(values, id);
            target.Id = id;
            run.PrimaryId = id;
            run.Output["id"] = id;
            if (_current != null && _current.PrimaryEntityId == Guid.Empty && _current.Table == table.LogicalName)
            {
                _current.PrimaryEntityId = id;
            }
        });
        var response = new CreateResponse();
        response.Results["id"] = run.PrimaryId;
        return response;
    }

    private static DataverseFaultException Duplicate(TableMetadata table, Guid id) =>
        new(PlatformErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: a {table.LogicalName} row with Id = {id} already exists.");

    private UpdateResponse Update(OrganizationRequest request, Caller caller)
    {
        var source = RequireParameter<Entity>(request, "Target");
        var table = Schema.GetTable(source.LogicalName);
        var id = IdOf(table, source);
        if (id == Guid.Empty)
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Entity Id must be specified for Update ({table.LogicalName}).");
        }

        var expectedVersion = RowVersionCondition(request, source.RowVersion, table, id);
        source = WithoutReadOnlyColumns(table, source);
        var onArrival = Normalized(table, source);
        GuardOpportunityClose(table.LogicalName, source.Attributes.TryGetValue("statecode", out var state) ? state : null, "Update");
        var before = Store.Get(table.LogicalName, id);
        var target = ValueCopy.CloneEntity(source);
        target.Id = id;
        var run = NewRun("Update", table.LogicalName, id, request);
        run.Input["Target"] = target;
        run.PreImageSource = before;
        NoteTarget(table.LogicalName, id);
        RunPipeline(run, caller, () =>
        {
            var current = Store.Get(table.LogicalName, id);
            CheckRowVersion(expectedVersion, current, table);
            var values = Store.Draft(table.LogicalName, current);
            Apply(values, MainOperationValues(table, run, target, onArrival));
            ApplyUpdateDefaults(table, values, current, target, caller.UserId);
            ApplyComputed(table, values, target.Attributes.Keys);
            CheckReferences(table, values, target.Attributes.Keys);
            run.PostImageSource = Store.Write(values, id);
        });
        return new UpdateResponse();
    }

    private DeleteResponse Delete(OrganizationRequest request, Caller caller)
    {
        var target = RequireParameter<EntityReference>(request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        var expectedVersion = RowVersionCondition(request, target.RowVersion, table, target.Id);
        var before = Store.Get(table.LogicalName, target.Id);
        var run = NewRun("Delete", table.LogicalName, target.Id, request);
        run.Input["Target"] = ValueCopy.CloneReference(target);
        run.PreImageSource = before;
        NoteTarget(table.LogicalName, target.Id);
        RunPipeline(run, caller, () =>
        {
            CheckRowVersion(expectedVersion, Store.Get(table.LogicalName, target.Id), table);
            ApplyDeleteCascades(table, target.Id, caller);
            Store.Remove(table.LogicalName, target.Id);
        });
        return new DeleteResponse();
    }

    private RetrieveResponse Retrieve(OrganizationRequest request, Caller caller)
    {
        _ = caller;
        var target = RequireParameter<EntityReference>(request, "Target");
        var columns = RequireParameter<ColumnSet>(request, "ColumnSet");
        var table = Schema.GetTable(target.LogicalName);
        NoteTarget(table.LogicalName, target.Id);
        var response = new RetrieveResponse();
        response.Results["Entity"] = Read(table, Store.Get(table.LogicalName, target.Id), columns);
        return response;
    }

    /// <summary>A copy of a row restricted to a column set; the primary key is always included.</summary>
    internal static Entity Read(TableMetadata table, StoredRow row, ColumnSet columns)
    {
        Entity entity;
        if (columns.AllColumns)
        {
            entity = row.ToEntity();
        }
        else
        {
            CheckColumns(table, columns);
            entity = row.ToEntity(columns.Columns);
        }

        entity.Attributes[table.PrimaryIdColumn] = row.Id;
        return entity;
    }

    /// <summary>Every column of a column set must exist on the table.</summary>
    internal static void CheckColumns(TableMetadata table, ColumnSet columns)
    {
        foreach (var column in columns.Columns)
        {
            table.GetColumn(column);
        }
    }

    private RetrieveMultipleResponse RetrieveMultiple(OrganizationRequest request, Caller caller)
    {
        var query = RequireParameter<QueryBase>(request, "Query");
        var engine = new QueryEngine(Store, Schema, Clock.UtcNow, caller.UserId);
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = engine.Execute(query);
        return response;
    }

    private WhoAmIResponse WhoAmI(Caller caller)
    {
        var response = new WhoAmIResponse();
        response.Results["UserId"] = caller.UserId;
        response.Results["BusinessUnitId"] = BusinessUnitId;
        response.Results["OrganizationId"] = OrganizationId;
        return response;
    }

    private SetStateResponse SetState(OrganizationRequest request, Caller caller)
    {
        var moniker = RequireParameter<EntityReference>(request, "EntityMoniker");
        var state = RequireParameter<OptionSetValue>(request, "State");
        var status = RequireParameter<OptionSetValue>(request, "Status");
        var table = Schema.GetTable(moniker.LogicalName);
        if (!table.HasColumn("statecode"))
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"SetState: table '{table.LogicalName}' has no statecode.");
        }

        GuardOpportunityClose(table.LogicalName, state, "SetState");
        var before = Store.Get(table.LogicalName, moniker.Id);
        var run = NewRun("SetState", table.LogicalName, moniker.Id, request);
        run.Input["EntityMoniker"] = ValueCopy.CloneReference(moniker);
        run.Input["State"] = new OptionSetValue(state.Value);
        run.Input["Status"] = new OptionSetValue(status.Value);
        run.PreImageSource = before;
        NoteTarget(table.LogicalName, moniker.Id);
        RunPipeline(run, caller, () =>
        {
            var current = Store.Get(table.LogicalName, moniker.Id);
            var values = Store.Draft(table.LogicalName, current);
            values.Set("statecode", new OptionSetValue(state.Value));
            var statusValue = status.Value;
            if (statusValue == -1)
            {
                if (!table.DefaultStatusByState.TryGetValue(state.Value, out statusValue))
                {
                    throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"SetState: {table.LogicalName} has no state {state.Value}.");
                }
            }

            values.Set("statuscode", new OptionSetValue(statusValue));
            values.Set("modifiedon", Clock.UtcNow);
            values.SetReference("modifiedby", "systemuser", caller.UserId);
            run.PostImageSource = Store.Write(values, moniker.Id);
        });
        return new SetStateResponse();
    }

    /// <summary>
    /// Win and Lose (pipeline messages "Win"/"Lose"): the opportunity becomes Won (1, statuscode 3) or Lost (2, statuscode
    /// 4 or 5), actualclosedate is the close date and a won opportunity's actualvalue defaults to its estimated revenue
    /// (https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunity); a completed opportunityclose
    /// activity records the close (https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunityclose).
    /// </summary>
    private OrganizationResponse CloseOpportunity(OrganizationRequest request, Caller caller, bool won)
    {
        var close = RequireParameter<Entity>(request, "OpportunityClose");
        var status = RequireParameter<OptionSetValue>(request, "Status");
        if (close.LogicalName != "opportunityclose")
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"OpportunityClose must be an opportunityclose entity, not '{close.LogicalName}'.");
        }

        var closeTable = Schema.GetTable("opportunityclose");
        Normalized(closeTable, close);
        var opportunityRef = close.GetAttributeValue<EntityReference>("opportunityid")
            ?? throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "The OpportunityClose entity needs opportunityid (the opportunity to close).");
        var opportunityTable = Schema.GetTable("opportunity");
        var before = Store.Get("opportunity", opportunityRef.Id);
        if (before.GetStored("statecode") is int current && current != 0)
        {
            // Win and Lose close an open opportunity; a closed one must be reopened first. Dataverse's wording for
            // this fault is not documented, so the message only says what happened and what to do.
            throw new DataverseFaultException(
                PlatformErrorCodes.InvalidArgument,
                $"{request.RequestName}: opportunity {opportunityRef.Id} is already {(current == 1 ? "Won" : "Lost")}; reopen it before closing it again.");
        }

        var state = won ? 1 : 2;
        var statusValue = status.Value == -1 ? opportunityTable.DefaultStatusByState[state] : status.Value;
        var otherStatuses = won ? new[] { 1, 2, 4, 5 } : new[] { 1, 2, 3 };
        if (otherStatuses.Contains(statusValue))
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"{request.RequestName}: statuscode {statusValue} does not belong to the {(won ? "Won" : "Lost")} state of opportunity.");
        }

        var closeTarget = ValueCopy.CloneEntity(close);
        var run = NewRun(won ? "Win" : "Lose", "opportunity", opportunityRef.Id, request);
        run.Input["OpportunityClose"] = closeTarget;
        run.Input["Status"] = new OptionSetValue(status.Value);
        run.PreImageSource = before;
        NoteTarget("opportunity", opportunityRef.Id);
        RunPipeline(run, caller, () =>
        {
            var now = Clock.UtcNow;
            var current = Store.Get("opportunity", opportunityRef.Id);
            var values = Store.Draft("opportunity", current);
            values.Set("statecode", new OptionSetValue(state));
            values.Set("statuscode", new OptionSetValue(statusValue));
            values.Set("modifiedon", now);
            values.SetReference("modifiedby", "systemuser", caller.UserId);
            var closedOn = closeTarget.GetAttributeValue<DateTime?>("actualend") ?? now;
            values.Set("actualclosedate", ColumnValueRules.Normalize(opportunityTable, "actualclosedate", closedOn));
            var changed = new List<string> { "statecode", "statuscode", "actualclosedate" };

            // Not documented: that actualvalue comes from the close's actualrevenue. Documented: a won opportunity's
            // actualvalue defaults to its estimated revenue.
            if (closeTarget.GetAttributeValue<Money>("actualrevenue") is { } revenue)
            {
                values.Set("actualvalue", new Money(revenue.Value));
                changed.Add("actualvalue");
            }
            else if (won && !values.Contains("actualvalue") && values.GetStored("estimatedvalue") is decimal estimated)
            {
                values.Set("actualvalue", new Money(estimated));
                changed.Add("actualvalue");
            }

            ApplyComputed(opportunityTable, values, changed);
            var closed = Store.Write(values, opportunityRef.Id);

            var closeId = IdOf(closeTable, closeTarget);
            closeId = closeId == Guid.Empty ? Guid.NewGuid() : closeId;
            var closeValues = Store.Draft("opportunityclose");
            Apply(closeValues, Normalized(closeTable, closeTarget));
            closeValues.Set("statecode", new OptionSetValue(1));
            closeValues.Set("statuscode", new OptionSetValue(2));
            closeValues.Set("opportunitystatecode", new OptionSetValue(state));
            closeValues.Set("opportunitystatuscode", new OptionSetValue(statusValue));
            closeValues.Set("activitytypecode", "opportunityclose");
            if (!closeValues.Contains("actualend"))
            {
                closeValues.Set("actualend", now);
            }

            ApplyCreateDefaults(closeTable, closeValues, closeId, caller.UserId, keepProvidedAudit: false);
            ApplyComputed(closeTable, closeValues, closeTarget.Attributes.Keys);
            CheckReferences(closeTable, closeValues, closeTarget.Attributes.Keys);
            if (StoreCloseActivities)
            {
                Store.Write(closeValues, closeId);
            }

            run.PostImageSource = closed;
        });
        return won ? new WinOpportunityResponse() : new LoseOpportunityResponse();
    }

    /// <summary>Associate/Disassociate for the systemuser–role relationship (the only N:N the project uses).</summary>
    private OrganizationResponse Associate(OrganizationRequest request, bool associate)
    {
        var target = RequireParameter<EntityReference>(request, "Target");
        var relationship = RequireParameter<Relationship>(request, "Relationship");
        var related = RequireParameter<EntityReferenceCollection>(request, "RelatedEntities");
        if (relationship.SchemaName != "systemuserroles_association")
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The local Dataverse supports {request.RequestName} only for systemuserroles_association, not '{relationship.SchemaName}'.");
        }

        foreach (var other in related)
        {
            var (user, role) = target.LogicalName == "systemuser" ? (target, other) : (other, target);
            if (user.LogicalName != "systemuser" || role.LogicalName != "role")
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "systemuserroles_association links a systemuser and a role.");
            }

            Store.Get("systemuser", user.Id);
            Store.Get("role", role.Id);
            var links = Store.Table("systemuserroles");
            var existing = links.Lookup("systemuserid", user.Id).Select(id => links.Rows[id]).FirstOrDefault(r => r.GetStored("roleid") is Guid g && g == role.Id);
            if (associate && existing == null)
            {
                var id = Guid.NewGuid();
                var link = Store.Draft("systemuserroles");
                link.Set("systemuserroleid", id);
                link.Set("systemuserid", user.Id);
                link.Set("roleid", role.Id);
                Store.Write(link, id);
            }
            else if (!associate && existing != null)
            {
                Store.Remove("systemuserroles", existing.Id);
            }
        }

        return new OrganizationResponse { ResponseName = request.RequestName };
    }

    private UpsertResponse Upsert(OrganizationRequest request, Caller caller)
    {
        var target = RequireParameter<Entity>(request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        var id = IdOf(table, target);
        var exists = id != Guid.Empty && Store.Find(table.LogicalName, id) != null;
        var inner = new OrganizationRequest(exists ? "Update" : "Create") { RequestId = request.RequestId };
        foreach (var parameter in request.Parameters)
        {
            inner.Parameters[parameter.Key] = parameter.Value;
        }

        var result = Dispatch(inner.RequestName, inner, caller);
        var createdId = exists ? id : (Guid)result.Results["id"];
        var response = new UpsertResponse();
        response.Results["RecordCreated"] = !exists;
        response.Results["Target"] = new EntityReference(table.LogicalName, createdId);
        return response;
    }

    private static Type ClrTypeOf(CustomApiFieldType type) => type switch
    {
        CustomApiFieldType.Boolean => typeof(bool),
        CustomApiFieldType.DateTime => typeof(DateTime),
        CustomApiFieldType.Decimal => typeof(decimal),
        CustomApiFieldType.Entity => typeof(Entity),
        CustomApiFieldType.EntityCollection => typeof(EntityCollection),
        CustomApiFieldType.EntityReference => typeof(EntityReference),
        CustomApiFieldType.Float => typeof(double),
        CustomApiFieldType.Integer => typeof(int),
        CustomApiFieldType.Money => typeof(Money),
        CustomApiFieldType.Picklist => typeof(OptionSetValue),
        CustomApiFieldType.String => typeof(string),
        CustomApiFieldType.StringArray => typeof(string[]),
        CustomApiFieldType.Guid => typeof(Guid),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown Custom API field type."),
    };

    /// <summary>
    /// A Custom API: the request is checked against the definition, steps registered on the API's message run in
    /// their stages and the API's plugin type runs in the main operation (stage 30)
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/custom-api).
    /// </summary>
    private OrganizationResponse ExecuteCustomApi(CustomApiRegistration api, OrganizationRequest request, Caller caller)
    {
        // "Set the custom API Execute Privilege Name (ExecutePrivilegeName) property to the name of the privilege to
        // require it" (https://learn.microsoft.com/power-apps/developer/data-platform/custom-api#secure-your-custom-api-with-a-privilege).
        if (api.ExecutePrivilegeName != null)
        {
            DemandPrivilege(caller.UserId, api.ExecutePrivilegeName);
        }

        var declared = api.RequestParameters.ToDictionary(p => p.UniqueName, StringComparer.Ordinal);
        var run = NewRun(api.UniqueName, api.BindingType == 0 ? "none" : api.BoundEntityLogicalName!, Guid.Empty, request);
        foreach (var parameter in request.Parameters)
        {
            if (parameter.Key == "Target" && api.BindingType != 0)
            {
                continue;
            }

            if (declared.TryGetValue(parameter.Key, out var field))
            {
                if (parameter.Value != null && parameter.Value.GetType() != ClrTypeOf(field.Type))
                {
                    throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The parameter '{parameter.Key}' of Custom API '{api.UniqueName}' must be {ClrTypeOf(field.Type).FullName}, not {parameter.Value.GetType().FullName}.");
                }
            }
            else if (!OptionalPlatformParameters.Contains(parameter.Key, StringComparer.Ordinal))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The parameter '{parameter.Key}' is not declared by Custom API '{api.UniqueName}'.");
            }

            if (!OptionalPlatformParameters.Contains(parameter.Key, StringComparer.Ordinal))
            {
                run.Input[parameter.Key] = ValueCopy.Clone(parameter.Value)!;
            }
        }

        foreach (var field in api.RequestParameters.Where(p => !p.IsOptional))
        {
            if (!request.Parameters.TryGetValue(field.UniqueName, out var value) || value == null)
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Required parameter '{field.UniqueName}' of Custom API '{api.UniqueName}' is missing.");
            }
        }

        if (api.BindingType != 0)
        {
            var target = RequireParameter<EntityReference>(request, "Target");
            if (target.LogicalName != api.BoundEntityLogicalName)
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Custom API '{api.UniqueName}' is bound to {api.BoundEntityLogicalName}; its Target is a {target.LogicalName}.");
            }

            Store.Get(target.LogicalName, target.Id);
            run.Input["Target"] = ValueCopy.CloneReference(target);
            run.PrimaryId = target.Id;
        }

        NoteTarget(run.Table, run.PrimaryId);
        RunPipeline(run, caller, () => { }, api);
        var outputs = api.ResponseProperties.ToDictionary(p => p.UniqueName, StringComparer.Ordinal);
        var response = new OrganizationResponse { ResponseName = api.UniqueName };
        foreach (var output in run.Output)
        {
            if (!outputs.TryGetValue(output.Key, out var field))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The plugin of Custom API '{api.UniqueName}' set the output '{output.Key}', which the API does not declare.");
            }

            if (output.Value != null && output.Value.GetType() != ClrTypeOf(field.Type))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The output '{output.Key}' of Custom API '{api.UniqueName}' must be {ClrTypeOf(field.Type).FullName}, not {output.Value.GetType().FullName}.");
            }

            response.Results[output.Key] = ValueCopy.Clone(output.Value)!;
        }

        return response;
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
