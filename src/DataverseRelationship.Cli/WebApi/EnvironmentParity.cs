using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using EntitySets = DataverseRelationship.WebApi.EntitySetNames;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>
/// dvrel verify --parity N: for the first N active accounts (by id), reads the account with every column the
/// recalculation reads (<see cref="AccountMapping.ReadColumns"/>: inputs and stored results, and when they were computed) and its opportunities
/// (<see cref="OpportunityMapping.FactColumns"/>) and its contacts (what the key-contact count reads), puts them into a local Dataverse with the solution's plugins and the
/// environment's policy, and recomputes the account with dvr_RecalculateAccount as of the time the environment last
/// computed it (dvr_scorescalculatedon). Parity holds when the recomputation changes nothing; otherwise the columns
/// that differ are reported, stored against recomputed. Read-only on the environment.
/// </summary>
public sealed class EnvironmentParity(DataverseWebApiClient client, string solutionFolder)
{
    public async Task<IReadOnlyList<DeploymentCheck>> RunAsync(int accounts, string? policyJson, CancellationToken cancellationToken)
    {
        var checks = new List<DeploymentCheck>();
        JsonObject sample = await client.GetAsync($"{EntitySets.Of(AccountTable.LogicalName)}?$select={AccountTable.Name}&$filter={AccountTable.StateCode} eq 0&$orderby={AccountTable.Id}&$top={accounts.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);
        foreach (JsonNode? row in sample["value"] as JsonArray ?? [])
        {
            Guid id = Guid.Parse(row![AccountTable.Id]!.GetValue<string>());
            string name = row[AccountTable.Name]?.GetValue<string>() is { } n ? $"{n} ({id:D})" : id.ToString("D");
            checks.Add(await Check(id, name, policyJson, cancellationToken).ConfigureAwait(false));
        }

        return checks;
    }

    private async Task<DeploymentCheck> Check(Guid id, string name, string? policyJson, CancellationToken cancellationToken)
    {
        const string Kind = "parity";
        LocalDataverseInstance local = LocalDataverseInstance.FromSolution(solutionFolder, typeof(AssessDealOnSave).Assembly);
        TableMetadata accountTable = local.Schema.GetTable(AccountTable.LogicalName);
        TableMetadata opportunityTable = local.Schema.GetTable(OpportunityTable.LogicalName);
        JsonObject accountJson = await client.GetAsync($"{EntitySets.Of(AccountTable.LogicalName)}({id:D})?$select={WebApiRows.Select(accountTable, AccountMapping.ReadColumns.Append(AccountTable.ScoresCalculatedOn))}", cancellationToken, lookupAnnotations: true).ConfigureAwait(false);
        Entity stored = WebApiRows.ToEntity(accountTable, accountJson);
        if (stored.GetAttributeValue<DateTime?>(AccountTable.ScoresCalculatedOn) is not { } calculatedOn)
        {
            return new(Kind, name, false, "never computed (no dvr_scorescalculatedon)", $"dvrel recalculate --environment {client.Environment} --account {id:D}");
        }

        InstallPolicy(local, policyJson);
        local.SetNow(calculatedOn);
        // The recalculation recounts the key contacts, so the account's contacts come too (only what the count reads).
        TableMetadata contactTable = local.Schema.GetTable(ContactTable.LogicalName);
        var accountContacts = new List<Entity>();
        string contacts = $"{EntitySets.Of(ContactTable.LogicalName)}?$select={WebApiRows.Select(contactTable, [ContactTable.Id, ContactTable.ParentCustomerId, ContactTable.AccountRoleCode, ContactTable.StateCode])}&$filter=_{ContactTable.ParentCustomerId}_value eq {id:D}";
        await foreach ((JsonArray rows, _) in client.PagesAsync(contacts, 5000, lookupAnnotations: true, cancellationToken).ConfigureAwait(false))
        {
            foreach (JsonNode? person in rows)
            {
                Entity contact = WebApiRows.ToEntity(contactTable, person!.AsObject());
                contact[ContactTable.ParentCustomerId] = new EntityReference(AccountTable.LogicalName, id);
                accountContacts.Add(contact);
            }
        }

        SeedReferenced(local, stored, accountContacts.Select(c => c.Id).ToHashSet());
        local.Seed(stored);
        string opportunities = $"{EntitySets.Of(OpportunityTable.LogicalName)}?$select={WebApiRows.Select(opportunityTable, OpportunityMapping.FactColumns)}&$filter=_{OpportunityTable.ParentAccountId}_value eq {id:D}";
        await foreach ((JsonArray rows, _) in client.PagesAsync(opportunities, 5000, lookupAnnotations: true, cancellationToken).ConfigureAwait(false))
        {
            foreach (JsonNode? deal in rows)
            {
                Entity opportunity = WebApiRows.ToEntity(opportunityTable, deal!.AsObject());
                opportunity[OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, id);
                local.Seed(opportunity);
            }
        }

        foreach (Entity contact in accountContacts)
        {
            local.Seed(contact);
        }

        var request = new OrganizationRequest(CustomApis.RecalculateAccount);
        request.Parameters["Target"] = new EntityReference(AccountTable.LogicalName, id);
        OrganizationResponse response = local.Execute(request);
        if (response.Results[CustomApis.ChangedParameter] is false)
        {
            return new(Kind, name, true, "recomputed as stored", string.Empty);
        }

        Entity recomputed = local.Read(AccountTable.LogicalName, id);
        IEnumerable<string> differences = AccountTable.Computed.Split(',')
            .Where(c => c != AccountTable.ScoresCalculatedOn && Describe(stored, c) != Describe(recomputed, c))
            .Select(c => $"{c} stored {Describe(stored, c)}, recomputed {Describe(recomputed, c)}");
        return new(Kind, name, false, string.Join("; ", differences), $"the stored values are stale or were computed by another version or policy: dvrel recalculate --environment {client.Environment} --account {id:D}, then verify again");
    }

    /// <summary>The environment's policy value as the local policy variable's value (none: the solution default, as there).</summary>
    private static void InstallPolicy(LocalDataverseInstance local, string? policyJson)
    {
        if (policyJson is null)
        {
            return;
        }

        Entity definition = local.ReadAll(EnvironmentVariables.DefinitionTable)
            .Single(d => d.GetAttributeValue<string>(EnvironmentVariables.DefinitionSchemaName) == EnvironmentVariables.PolicySchemaName);
        local.Seed(new Entity(EnvironmentVariables.ValueTable) { [EnvironmentVariables.ValueDefinitionId] = definition.ToEntityReference(), [EnvironmentVariables.ValueValue] = policyJson });
    }

    /// <summary>The users and contacts the account refers to, as empty rows (the recalculation reads only their ids).</summary>
    private static void SeedReferenced(LocalDataverseInstance local, Entity account, HashSet<Guid> seededLater)
    {
        foreach (EntityReference reference in account.Attributes.Values.OfType<EntityReference>().DistinctBy(r => r.Id))
        {
            if (!seededLater.Contains(reference.Id) && local.Find(reference.LogicalName, reference.Id) is null)
            {
                local.Seed(new Entity(reference.LogicalName, reference.Id));
            }
        }
    }

    private static string Describe(Entity row, string column) => row.Attributes.TryGetValue(column, out object? value) && value is not null
        ? value switch
        {
            OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
            Money m => m.Value.ToString(CultureInfo.InvariantCulture),
            EntityReference r => r.Id.ToString("D"),
            DateTime at => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            string s => s.Length > 40 ? s[..40] + "…" : s,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        }
        : "(empty)";
}
