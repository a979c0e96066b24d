using System;
using System.Collections.Generic;
using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Recalculation;

/// <summary>What one account recalculation did.</summary>
public sealed record RecalculationOutcome
{
    public Guid AccountId { get; init; }

    /// <summary>The account's stored columns changed (one Update was written).</summary>
    public bool Changed { get; init; }

    /// <summary>The effective tier changed (a dvr_tierchange row was written).</summary>
    public bool TierChanged { get; init; }

    public AccountAssessment Assessment { get; init; } = new AccountAssessment();
}

/// <summary>
/// The shared account recalculation every step and Custom API uses. Reads the account (one Retrieve, unless the
/// caller already holds the row) and its opportunities (one paged query with every needed column), runs the engine
/// at the operation's time, then writes only the columns whose values change, in at most one Update through the
/// SYSTEM service (which is what lets it write computed columns: <see cref="RulesWrite"/>), and one dvr_tierchange row
/// when the effective tier changes.
/// </summary>
public static class AccountRecalculation
{
    /// <summary>Opportunities per page (the platform's maximum).</summary>
    public const int PageSize = 5000;

    /// <summary>Recomputes one account and writes what changed.</summary>
    /// <param name="context">The plugin execution.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="policy">The policy in force.</param>
    /// <param name="account">The account row with <see cref="AccountMapping.ReadColumns"/> when the caller already read it; null to read it here.</param>
    /// <param name="keyContactCount">A key-contact count just recounted; null to keep the stored one.</param>
    public static RecalculationOutcome Recalculate(ILocalPluginContext context, Guid accountId, RelationshipPolicy policy, Entity? account = null, int? keyContactCount = null)
    {
        Argument.NotNull(context, nameof(context));
        Argument.NotNull(policy, nameof(policy));
        var service = context.SystemService;
        var asOf = context.ExecutionContext.OperationCreatedOn;
        account ??= service.Retrieve(AccountTable.LogicalName, accountId, new ColumnSet(AccountMapping.ReadColumns));
        var opportunities = ReadOpportunities(service, accountId, asOf);

        var facts = AccountMapping.ToFacts(account, asOf, keyContactCount);
        var assessment = RelationshipEngine.AssessAccount(facts, opportunities, asOf, policy);
        var desired = AccountMapping.ToColumns(assessment, accountId, facts.KeyContactCount);

        // The explanation describes the last change (its tier part names the rule that decided: "Promoted ...", then
        // "Kept ..."), so it is written with a change of value, never on its own.
        var explanation = desired[AccountTable.ScoreExplanation];
        desired.Attributes.Remove(AccountTable.ScoreExplanation);
        var changes = desired.ChangesFrom(account);
        if (changes is not null)
        {
            if (!EntityValues.SameValue(account.GetAttributeValue<string>(AccountTable.ScoreExplanation), explanation))
            {
                changes[AccountTable.ScoreExplanation] = explanation;
            }

            changes[AccountTable.ScoresCalculatedOn] = asOf;
            // Through the SYSTEM service: that identity is what marks the write as the rules' own (RulesWrite).
            service.Update(changes);
        }

        var tierChanged = assessment.TierChange is not null;
        if (tierChanged)
        {
            service.Create(AccountMapping.ToTierChangeRow(assessment, accountId, account.GetAttributeValue<string>(AccountTable.Name)));
        }

        context.Trace("Account " + accountId.ToString("D") + ": " + opportunities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " opportunities, health " + StoredValues.Describe(assessment.Health)
            + ", tier " + TierNames.Describe(assessment.EffectiveTier)
            + (changes is null ? "; nothing changed, nothing written." : "; wrote " + string.Join(", ", changes.Attributes.Keys) + ".")
            + (tierChanged ? " Tier change recorded." : string.Empty));
        return new RecalculationOutcome { AccountId = accountId, Changed = changes is not null, TierChanged = tierChanged, Assessment = assessment };
    }

    /// <summary>Every opportunity of the account, one paged query with every column the engine needs.</summary>
    public static List<OpportunityFacts?> ReadOpportunities(IOrganizationService service, Guid accountId, DateTime asOf)
    {
        Argument.NotNull(service, nameof(service));
        var query = new QueryExpression(OpportunityTable.LogicalName)
        {
            ColumnSet = new ColumnSet(OpportunityMapping.FactColumns),
            PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
        };
        query.Criteria.AddCondition(OpportunityTable.ParentAccountId, ConditionOperator.Equal, accountId);
        query.AddOrder(OpportunityTable.Id, OrderType.Ascending);

        var result = new List<OpportunityFacts?>();
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var row in page.Entities)
            {
                result.Add(OpportunityMapping.ToFacts(row, asOf));
            }

            if (!page.MoreRecords)
            {
                return result;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }
}
