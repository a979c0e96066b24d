using System;
using DataverseRelationship.Engine.Deals;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Mapping;

/// <summary>Opportunity rows to the engine's <see cref="OpportunityFacts"/>, and a deal assessment to the computed deal columns.</summary>
public static class OpportunityMapping
{
    /// <summary>Every opportunity column the account recalculation reads (one query, all at once).</summary>
    public static readonly string[] FactColumns =
    {
        OpportunityTable.Id,
        OpportunityTable.StateCode,
        OpportunityTable.CreatedOn,
        OpportunityTable.EstimatedCloseDate,
        OpportunityTable.ActualCloseDate,
        OpportunityTable.EstimatedValue,
        OpportunityTable.ActualValue,
        OpportunityTable.DiscountPercentage,
        OpportunityTable.SellerMargin,
        OpportunityTable.Concessions,
        OpportunityTable.Commitments,
        OpportunityTable.ProcurementTactics,
        OpportunityTable.SellerConduct,
        OpportunityTable.DiscountAllowance,
        OpportunityTable.DeliveredAsPromised,
        OpportunityTable.PaymentDelayDays,
    };

    /// <summary>The computed deal columns AssessDealOnSave writes.</summary>
    public static readonly string[] AssessmentColumns =
    {
        OpportunityTable.DealFairnessScore,
        OpportunityTable.ReciprocityBalance,
        OpportunityTable.PriceBand,
        OpportunityTable.GameFlags,
        OpportunityTable.TierRuleVerdict,
        OpportunityTable.DiscountAllowance,
        OpportunityTable.DealExplanation,
        OpportunityTable.PolicyVersion,
    };

    /// <summary>The facts of one opportunity row; <paramref name="asOf"/> stands in for createdon before the row exists.</summary>
    public static OpportunityFacts ToFacts(Entity row, DateTime asOf)
    {
        Argument.NotNull(row, nameof(row));
        var state = ChoiceMapping.ToDealState(row.GetChoice(OpportunityTable.StateCode));
        var closeDate = state == DealState.Open
            ? row.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate)
            : row.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate) ?? row.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate);
        return new OpportunityFacts
        {
            Id = row.Id,
            State = state,
            CreatedOn = row.GetAttributeValue<DateTime?>(OpportunityTable.CreatedOn) ?? asOf,
            CloseDate = closeDate,
            EstimatedValue = row.GetMoney(OpportunityTable.EstimatedValue),
            ActualValue = row.GetMoney(OpportunityTable.ActualValue),
            DiscountPercent = row.GetAttributeValue<decimal?>(OpportunityTable.DiscountPercentage),
            DiscountAllowancePercent = row.GetAttributeValue<decimal?>(OpportunityTable.DiscountAllowance),
            SellerMarginPercent = row.GetAttributeValue<decimal?>(OpportunityTable.SellerMargin),
            Concessions = ChoiceMapping.ToConcessions(row.GetChoices(OpportunityTable.Concessions), OpportunityTable.Concessions),
            Commitments = ChoiceMapping.ToCommitments(row.GetChoices(OpportunityTable.Commitments), OpportunityTable.Commitments),
            Tactics = ChoiceMapping.ToTactics(row.GetChoices(OpportunityTable.ProcurementTactics), OpportunityTable.ProcurementTactics),
            SellerConduct = ChoiceMapping.ToSellerConduct(row.GetChoices(OpportunityTable.SellerConduct), OpportunityTable.SellerConduct),
            DeliveredAsPromised = row.GetAttributeValue<bool?>(OpportunityTable.DeliveredAsPromised),
            PaymentDelayDays = row.GetAttributeValue<int?>(OpportunityTable.PaymentDelayDays),
        };
    }

    /// <summary>
    /// The computed deal columns as they are stored: an unknown score, balance or price band is null (a blank column);
    /// unrecorded games are null, recorded "no games" is the None value; the cap that applied is kept for the account.
    /// </summary>
    public static Entity ToColumns(DealAssessment deal, Guid opportunityId)
    {
        Argument.NotNull(deal, nameof(deal));
        var row = new Entity(OpportunityTable.LogicalName, opportunityId);
        row[OpportunityTable.DealFairnessScore] = StoredValues.Decimal2(deal.DealScore);
        row[OpportunityTable.ReciprocityBalance] = StoredValues.Decimal2(deal.ReciprocityBalance);
        row[OpportunityTable.PriceBand] = deal.PriceBand.HasValue ? ChoiceMapping.ToChoice(deal.PriceBand.Value) : null;
        row[OpportunityTable.GameFlags] = ChoiceMapping.ToChoices(deal.GameFlags);
        row[OpportunityTable.TierRuleVerdict] = ChoiceMapping.ToChoice(deal.TierRuleVerdict);
        row[OpportunityTable.DiscountAllowance] = StoredValues.Decimal2(deal.DiscountCap);
        row[OpportunityTable.DealExplanation] = StoredValues.Text(deal.Explanation, StoredValues.ExplanationLength);
        row[OpportunityTable.PolicyVersion] = StoredValues.Text(deal.PolicyVersion, StoredValues.PolicyVersionLength);
        return row;
    }
}
