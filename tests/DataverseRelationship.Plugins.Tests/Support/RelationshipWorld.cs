using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataverseRelationship.LocalDataverse.Observability;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Local = DataverseRelationship.LocalDataverse;

namespace DataverseRelationship.Plugins.Tests.Support;

/// <summary>
/// A local Dataverse with the real solution's tables, steps and Custom APIs (solution/src) and this repository's plugin
/// assembly, plus the vocabulary the specifications use: accounts, deals, contacts, wins, losses and the clock.
/// </summary>
public sealed class RelationshipWorld
{
    public static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    public RelationshipWorld(bool keepHistory = true)
    {
        Dataverse = Local.LocalDataverse.FromSolution(
            SolutionFolder,
            new Local.LocalDataverseOptions { KeepOperationHistory = keepHistory },
            typeof(AssessDealOnSave).Assembly);
        Now = Start;
        var role = Dataverse.ReadAll(SecurityTables.Role).FirstOrDefault(r => r.GetAttributeValue<string>(SecurityTables.RoleName) == SecurityTables.RelationshipManagerRole)?.Id
            ?? Dataverse.SeedRole(SecurityTables.RelationshipManagerRole);
        RelationshipManager = Dataverse.SeedUser("Rita", "Manager");
        Dataverse.AssignRole(RelationshipManager, role);
        Seller = Dataverse.SeedUser("Sam", "Seller");

        // A seller's own role (as Dynamics 365's Salesperson): it may write accounts, so it may recalculate one
        // (dvr_RecalculateAccount requires prvWriteAccount), but not run the recalculation of every account.
        Dataverse.AssignRole(Seller, Dataverse.SeedRole("Salesperson", "prvReadAccount", "prvWriteAccount", "prvReadOpportunity", "prvWriteOpportunity", "prvReadContact", "prvWriteContact"));
    }

    /// <summary>The System Administrator (the user the nightly flow's connection runs as).</summary>
    public Guid Administrator => Dataverse.DefaultUserId;

    /// <summary>solution/src of this repository (found by walking up to DataverseRelationship.sln).</summary>
    public static string SolutionFolder
    {
        get
        {
            var folder = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "DataverseRelationship.sln")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("DataverseRelationship.sln not found above " + System.AppContext.BaseDirectory), "solution", "src");
        }
    }

    public Local.LocalDataverse Dataverse { get; }

    /// <summary>A user holding the "Relationship Manager" role.</summary>
    public Guid RelationshipManager { get; }

    /// <summary>A user without it.</summary>
    public Guid Seller { get; }

    public DateTime Now
    {
        get => Dataverse.Clock.UtcNow;
        set => Dataverse.SetNow(value);
    }

    public IOrganizationService Service => Dataverse.ServiceAs(Seller);

    public void AdvanceDays(double days) => Now = Now.AddDays(days);

    /// <summary>Stores a policy document as the dvr_RelationshipPolicy environment variable's value.</summary>
    public void SetPolicy(string json)
    {
        var definition = Dataverse.ReadAll(EnvironmentVariables.DefinitionTable)
            .Single(d => d.GetAttributeValue<string>(EnvironmentVariables.DefinitionSchemaName) == EnvironmentVariables.PolicySchemaName);
        foreach (var existing in Dataverse.ReadAll(EnvironmentVariables.ValueTable))
        {
            Dataverse.Service.Delete(EnvironmentVariables.ValueTable, existing.Id);
        }

        Dataverse.Seed(new Entity(EnvironmentVariables.ValueTable)
        {
            [EnvironmentVariables.ValueDefinitionId] = new EntityReference(EnvironmentVariables.DefinitionTable, definition.Id),
            [EnvironmentVariables.ValueValue] = json,
        });
    }

    public Guid CreateAccount(string name, int relationshipMonths = 36, Action<Entity>? configure = null)
    {
        var account = new Entity(AccountTable.LogicalName)
        {
            [AccountTable.Name] = name,
            [AccountTable.RelationshipSince] = Now.AddMonths(-relationshipMonths).Date,
        };
        configure?.Invoke(account);
        return Service.Create(account);
    }

    public Guid CreateDeal(Guid accountId, decimal value, decimal discount = 0m, decimal margin = 25m, CommitmentChoice[]? commitments = null, Action<Entity>? configure = null)
    {
        var deal = new Entity(OpportunityTable.LogicalName)
        {
            [OpportunityTable.Name] = "Deal " + value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, accountId),
            [OpportunityTable.EstimatedValue] = new Money(value),
            [OpportunityTable.EstimatedCloseDate] = Now.AddDays(30).Date,
            [OpportunityTable.DiscountPercentage] = discount,
            [OpportunityTable.SellerMargin] = margin,
        };
        if (discount > 0m)
        {
            deal[OpportunityTable.Concessions] = new OptionSetValueCollection { new OptionSetValue((int)ConcessionChoice.Discount) };
        }

        if (commitments is { Length: > 0 })
        {
            var values = new OptionSetValueCollection();
            foreach (var commitment in commitments)
            {
                values.Add(new OptionSetValue((int)commitment));
            }

            deal[OpportunityTable.Commitments] = values;
        }

        configure?.Invoke(deal);
        return Service.Create(deal);
    }

    public void Win(Guid opportunityId, DateTime? on = null) => Service.Execute(new WinOpportunityRequest
    {
        OpportunityClose = Close(opportunityId, on),
        Status = new OptionSetValue(3),
    });

    public void Lose(Guid opportunityId, DateTime? on = null) => Service.Execute(new LoseOpportunityRequest
    {
        OpportunityClose = Close(opportunityId, on),
        Status = new OptionSetValue(4),
    });

    /// <summary>Records clean conduct on both sides of a deal: see <see cref="WonDeal"/>.</summary>
    public static void CleanConduct(Entity d)
    {
        d[OpportunityTable.Commitments] = new OptionSetValueCollection { new OptionSetValue((int)CommitmentChoice.Volume) };
        d[OpportunityTable.Concessions] = new OptionSetValueCollection { new OptionSetValue((int)ConcessionChoice.None) };
        d[OpportunityTable.ProcurementTactics] = new OptionSetValueCollection { new OptionSetValue((int)ProcurementTacticChoice.None) };
        d[OpportunityTable.SellerConduct] = new OptionSetValueCollection { new OptionSetValue((int)SellerConductChoice.None) };
        d[OpportunityTable.DeliveredAsPromised] = true;
        d[OpportunityTable.PaymentDelayDays] = 0;
    }

    /// <summary>
    /// Creates a deal with clean conduct recorded on both sides (no concessions, a volume commitment, no tactics, the
    /// seller kept to the deal, delivered as promised, paid on time) and wins it.
    /// </summary>
    public Guid WonDeal(Guid accountId, decimal value, DateTime? on = null)
    {
        var id = CreateDeal(accountId, value, configure: CleanConduct);
        Win(id, on);
        return id;
    }

    public Guid CreateContact(Guid accountId, ContactRole role, string lastName = "Contact") => Service.Create(new Entity(ContactTable.LogicalName)
    {
        [ContactTable.LastName] = lastName,
        [ContactTable.ParentCustomerId] = new EntityReference(AccountTable.LogicalName, accountId),
        [ContactTable.AccountRoleCode] = new OptionSetValue((int)role),
    });

    public void Update(Entity row, Guid? asUser = null) => Dataverse.ServiceAs(asUser ?? Seller).Update(row);

    public OrganizationResponse Execute(OrganizationRequest request, Guid? asUser = null) => Dataverse.Execute(request, asUser ?? Seller);

    public Entity Account(Guid id) => Dataverse.Read(AccountTable.LogicalName, id);

    public Entity Deal(Guid id) => Dataverse.Read(OpportunityTable.LogicalName, id);

    public int? Tier(Guid accountId) => Account(accountId).GetAttributeValue<OptionSetValue>(AccountTable.Tier)?.Value;

    public IReadOnlyList<Entity> TierChanges(Guid accountId) => Dataverse.ReadAll(TierChangeTable.LogicalName)
        .Where(r => r.GetAttributeValue<EntityReference>(TierChangeTable.AccountId)?.Id == accountId)
        .OrderBy(r => r.GetAttributeValue<DateTime>(TierChangeTable.ChangedOn))
        .ToList();

    /// <summary>The plugin executions of the last top-level operation.</summary>
    public IReadOnlyList<PluginExecution> LastExecutions => Dataverse.LastOperation.PluginExecutions;

    /// <summary>Updates the account's relationship inputs as the relationship manager.</summary>
    public void UpdateAccount(Guid accountId, Action<Entity> change, Guid? asUser = null)
    {
        var row = new Entity(AccountTable.LogicalName, accountId);
        change(row);
        Update(row, asUser ?? RelationshipManager);
    }

    /// <summary>Runs dvr_RecalculateAccounts page by page until done; returns (processed, changed).</summary>
    public (int Processed, int Changed) RecalculateAll(int pageSize = 250, bool rebuildLedgers = false)
    {
        var processed = 0;
        var changed = 0;
        string token = string.Empty;
        while (true)
        {
            var request = new OrganizationRequest(CustomApis.RecalculateAccounts);
            request.Parameters[CustomApis.PageSizeParameter] = pageSize;
            request.Parameters[CustomApis.ContinuationTokenParameter] = token;
            if (rebuildLedgers)
            {
                request.Parameters[CustomApis.RebuildLedgersParameter] = true;
            }

            var response = Dataverse.Execute(request);
            processed += (int)response.Results[CustomApis.ProcessedParameter];
            changed += (int)response.Results[CustomApis.ChangedParameter];
            token = (string)response.Results[CustomApis.NextContinuationTokenParameter];
            if (!(bool)response.Results[CustomApis.MoreRecordsParameter])
            {
                return (processed, changed);
            }
        }
    }

    private static Entity Close(Guid opportunityId, DateTime? on)
    {
        var close = new Entity(OpportunityCloseTable.LogicalName)
        {
            [OpportunityCloseTable.OpportunityId] = new EntityReference(OpportunityTable.LogicalName, opportunityId),
            [OpportunityCloseTable.Subject] = "Closed",
        };
        if (on.HasValue)
        {
            close[OpportunityCloseTable.ActualEnd] = on.Value;
        }

        return close;
    }
}
