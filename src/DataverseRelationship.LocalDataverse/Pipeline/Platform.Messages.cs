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

    private static EntityReference UserReference(Guid userId) => new("systemuser", userId);

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

    /// <summary>Checks every column of <paramref name="entity"/> and returns the merged values to store.</summary>
    private static Dictionary<string, object?> Merge(TableMetadata table, Entity entity, IReadOnlyDictionary<string, object?>? existing)
    {
        var values = existing == null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(existing, StringComparer.Ordinal);
        foreach (var attribute in entity.Attributes)
        {
            var value = ColumnValueRules.Normalize(table, attribute.Key, attribute.Value);
            if (value == null)
            {
                values.Remove(attribute.Key);
            }
            else
            {
                values[attribute.Key] = value;
            }
        }

        return values;
    }

    private static void Validate(TableMetadata table, Entity entity) => Merge(table, entity, null);

    /// <summary>What the platform sets on create: key, owner, state and status defaults, audit columns.</summary>
    private void ApplyCreateDefaults(TableMetadata table, Dictionary<string, object?> values, Guid id, Guid userId, bool keepProvidedAudit)
    {
        var now = Clock.UtcNow;
        values[table.PrimaryIdColumn] = id;
        if (table.HasColumn("ownerid") && !values.ContainsKey("ownerid"))
        {
            values["ownerid"] = UserReference(userId);
        }

        if (table.HasColumn("statecode") && !values.ContainsKey("statecode"))
        {
            values["statecode"] = new OptionSetValue(0);
        }

        if (table.HasColumn("statuscode") && !values.ContainsKey("statuscode") && values.GetValueOrDefault("statecode") is OptionSetValue state
            && table.DefaultStatusByState.TryGetValue(state.Value, out var status))
        {
            values["statuscode"] = new OptionSetValue(status);
        }

        foreach (var (column, value) in new (string, object)[] { ("createdon", now), ("modifiedon", now), ("createdby", UserReference(userId)), ("modifiedby", UserReference(userId)) })
        {
            if (table.HasColumn(column) && !(keepProvidedAudit && values.ContainsKey(column)))
            {
                values[column] = value;
            }
        }
    }

    private void ApplyUpdateDefaults(TableMetadata table, Dictionary<string, object?> values, Dictionary<string, object?> previous, Entity target, Guid userId)
    {
        foreach (var column in new[] { "createdon", "createdby", table.PrimaryIdColumn })
        {
            if (previous.TryGetValue(column, out var kept))
            {
                values[column] = kept;
            }
        }

        if (table.HasColumn("modifiedon"))
        {
            values["modifiedon"] = Clock.UtcNow;
            values["modifiedby"] = UserReference(userId);
        }

        if (target.Attributes.ContainsKey("statecode") && !target.Attributes.ContainsKey("statuscode")
            && values.GetValueOrDefault("statecode") is OptionSetValue state && table.DefaultStatusByState.TryGetValue(state.Value, out var status))
        {
            values["statuscode"] = new OptionSetValue(status);
        }
    }

    /// <summary>Columns the platform computes: full names and the base-currency copies of currency columns.</summary>
    private static void ApplyComputed(TableMetadata table, Dictionary<string, object?> values, IEnumerable<string> changed)
    {
        var changedColumns = changed.ToList();
        if (table.HasColumn("fullname") && (changedColumns.Contains("firstname") || changedColumns.Contains("lastname")))
        {
            var fullName = string.Join(" ", new[] { values.GetValueOrDefault("firstname") as string, values.GetValueOrDefault("lastname") as string }.Where(n => !string.IsNullOrWhiteSpace(n)));
            values["fullname"] = fullName;
        }

        foreach (var column in changedColumns)
        {
            var baseColumn = column + "_base";
            if (table.FindColumn(column)?.Type != ColumnType.Currency || !table.HasColumn(baseColumn))
            {
                continue;
            }

            // <name>_base = <name> / exchangerate; without currencies the local exchange rate is 1
            // (https://learn.microsoft.com/power-apps/developer/data-platform/transaction-currency-currency-entity).
            if (values.GetValueOrDefault(column) is Money money)
            {
                values[baseColumn] = new Money(money.Value);
                if (table.HasColumn("exchangerate") && !values.ContainsKey("exchangerate"))
                {
                    values["exchangerate"] = 1m;
                }
            }
            else
            {
                values.Remove(baseColumn);
            }
        }
    }

    /// <summary>A lookup must point at an existing row (owners and tables the local Dataverse does not model are not checked).</summary>
    private void CheckReferences(TableMetadata table, Dictionary<string, object?> values, IEnumerable<string> changed)
    {
        foreach (var column in changed)
        {
            if (values.GetValueOrDefault(column) is EntityReference reference && table.FindColumn(column)?.Type != ColumnType.Owner
                && Schema.HasTable(reference.LogicalName) && Store.Find(reference.LogicalName, reference.Id) == null)
            {
                throw new DataverseFaultException(PlatformErrorCodes.ObjectDoesNotExist, $"{reference.LogicalName} With Id = {reference.Id} Does Not Exist (column '{column}' of {table.LogicalName}).");
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
        Validate(table, source);

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

            var values = Merge(table, target, null);
            ApplyCreateDefaults(table, values, id, caller.UserId, keepProvidedAudit: false);
            ApplyComputed(table, values, target.Attributes.Keys);
            CheckReferences(table, values, target.Attributes.Keys);
            Store.Put(new StoredRow(table.LogicalName, id, values));
            target.Id = id;
            run.PrimaryId = id;
            run.Output["id"] = id;
            run.PostImageSource = Store.Get(table.LogicalName, id).ToEntity();
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

        Validate(table, source);
        GuardOpportunityClose(table.LogicalName, source.Attributes.TryGetValue("statecode", out var state) ? state : null, "Update");
        var before = Store.Get(table.LogicalName, id);
        var target = ValueCopy.CloneEntity(source);
        target.Id = id;
        var run = NewRun("Update", table.LogicalName, id, request);
        run.Input["Target"] = target;
        run.PreImageSource = before.ToEntity();
        NoteTarget(table.LogicalName, id);
        RunPipeline(run, caller, () =>
        {
            var current = Store.Get(table.LogicalName, id);
            var values = Merge(table, target, current.Values);
            ApplyUpdateDefaults(table, values, current.Values, target, caller.UserId);
            ApplyComputed(table, values, target.Attributes.Keys);
            CheckReferences(table, values, target.Attributes.Keys);
            Store.Put(new StoredRow(table.LogicalName, id, values));
            run.PostImageSource = Store.Get(table.LogicalName, id).ToEntity();
        });
        return new UpdateResponse();
    }

    private DeleteResponse Delete(OrganizationRequest request, Caller caller)
    {
        var target = RequireParameter<EntityReference>(request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        var before = Store.Get(table.LogicalName, target.Id);
        var run = NewRun("Delete", table.LogicalName, target.Id, request);
        run.Input["Target"] = ValueCopy.CloneReference(target);
        run.PreImageSource = before.ToEntity();
        NoteTarget(table.LogicalName, target.Id);
        RunPipeline(run, caller, () =>
        {
            Store.Get(table.LogicalName, target.Id);
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
            foreach (var column in columns.Columns)
            {
                table.GetColumn(column);
            }

            entity = row.ToEntity(columns.Columns);
        }

        entity.Attributes[table.PrimaryIdColumn] = row.Id;
        return entity;
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
        run.PreImageSource = before.ToEntity();
        NoteTarget(table.LogicalName, moniker.Id);
        RunPipeline(run, caller, () =>
        {
            var current = Store.Get(table.LogicalName, moniker.Id);
            var values = new Dictionary<string, object?>(current.Values, StringComparer.Ordinal) { ["statecode"] = new OptionSetValue(state.Value) };
            var statusValue = status.Value;
            if (statusValue == -1)
            {
                if (!table.DefaultStatusByState.TryGetValue(state.Value, out statusValue))
                {
                    throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"SetState: {table.LogicalName} has no state {state.Value}.");
                }
            }

            values["statuscode"] = new OptionSetValue(statusValue);
            values["modifiedon"] = Clock.UtcNow;
            values["modifiedby"] = UserReference(caller.UserId);
            Store.Put(new StoredRow(table.LogicalName, moniker.Id, values));
            run.PostImageSource = Store.Get(table.LogicalName, moniker.Id).ToEntity();
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
        Validate(closeTable, close);
        var opportunityRef = close.GetAttributeValue<EntityReference>("opportunityid")
            ?? throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "The OpportunityClose entity needs opportunityid (the opportunity to close).");
        var opportunityTable = Schema.GetTable("opportunity");
        var before = Store.Get("opportunity", opportunityRef.Id);
        if (ValueComparer.Primitive(before.Values.GetValueOrDefault("statecode")) is int current && current != 0)
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
        run.PreImageSource = before.ToEntity();
        NoteTarget("opportunity", opportunityRef.Id);
        RunPipeline(run, caller, () =>
        {
            var now = Clock.UtcNow;
            var current = Store.Get("opportunity", opportunityRef.Id);
            var values = new Dictionary<string, object?>(current.Values, StringComparer.Ordinal)
            {
                ["statecode"] = new OptionSetValue(state),
                ["statuscode"] = new OptionSetValue(statusValue),
                ["modifiedon"] = now,
                ["modifiedby"] = UserReference(caller.UserId),
            };
            var closedOn = closeTarget.GetAttributeValue<DateTime?>("actualend") ?? now;
            values["actualclosedate"] = ColumnValueRules.Normalize(opportunityTable, "actualclosedate", closedOn);
            var changed = new List<string> { "statecode", "statuscode", "actualclosedate" };

            // Not documented: that actualvalue comes from the close's actualrevenue. Documented: a won opportunity's
            // actualvalue defaults to its estimated revenue.
            if (closeTarget.GetAttributeValue<Money>("actualrevenue") is { } revenue)
            {
                values["actualvalue"] = new Money(revenue.Value);
                changed.Add("actualvalue");
            }
            else if (won && !values.ContainsKey("actualvalue") && values.GetValueOrDefault("estimatedvalue") is Money estimated)
            {
                values["actualvalue"] = new Money(estimated.Value);
                changed.Add("actualvalue");
            }

            ApplyComputed(opportunityTable, values, changed);
            Store.Put(new StoredRow("opportunity", opportunityRef.Id, values));

            var closeId = IdOf(closeTable, closeTarget);
            closeId = closeId == Guid.Empty ? Guid.NewGuid() : closeId;
            var closeValues = Merge(closeTable, closeTarget, null);
            closeValues["statecode"] = new OptionSetValue(1);
            closeValues["statuscode"] = new OptionSetValue(2);
            closeValues["opportunitystatecode"] = new OptionSetValue(state);
            closeValues["opportunitystatuscode"] = new OptionSetValue(statusValue);
            closeValues["activitytypecode"] = "opportunityclose";
            if (!closeValues.ContainsKey("actualend"))
            {
                closeValues["actualend"] = now;
            }

            ApplyCreateDefaults(closeTable, closeValues, closeId, caller.UserId, keepProvidedAudit: false);
            ApplyComputed(closeTable, closeValues, closeTarget.Attributes.Keys);
            CheckReferences(closeTable, closeValues, closeTarget.Attributes.Keys);
            Store.Put(new StoredRow("opportunityclose", closeId, closeValues));
            run.PostImageSource = Store.Get("opportunity", opportunityRef.Id).ToEntity();
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
            var existing = links.Lookup("systemuserid", user.Id).Select(id => links.Rows[id]).FirstOrDefault(r => r.Values.GetValueOrDefault("roleid") is Guid g && g == role.Id);
            if (associate && existing == null)
            {
                var id = Guid.NewGuid();
                Store.Put(new StoredRow("systemuserroles", id, new Dictionary<string, object?> { ["systemuserroleid"] = id, ["systemuserid"] = user.Id, ["roleid"] = role.Id }));
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
    private OrganizationResponse ExecuteCustomApi(CustomApiDefinition api, OrganizationRequest request, Caller caller)
    {
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

            var values = Merge(table, row, null);
            ApplyCreateDefaults(table, values, id, userId, keepProvidedAudit: true);
            ApplyComputed(table, values, row.Attributes.Keys);
            Store.Put(new StoredRow(table.LogicalName, id, values));
            return id;
        }
    }
}
