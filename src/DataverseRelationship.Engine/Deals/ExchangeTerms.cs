using System;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Deals;

/// <summary>
/// Per-deal arithmetic shared by the account ledger and the deal assessment: the give/get exchange by value, the
/// price band and the conduct penalties. Pure functions of one deal, exact in decimal, inputs clamped so extreme
/// values stay finite. A fact nobody recorded gives null, never 0.
/// </summary>
/// <summary>What the seller gave and what the customer committed on one deal, in money.</summary>
internal readonly struct GiveGet
{
    public GiveGet(decimal give, decimal get)
    {
        Give = give;
        Get = get;
    }

    public decimal Give { get; }

    public decimal Get { get; }
}

internal static class ExchangeTerms
{
    /// <summary>Largest monetary value the engine takes at face value; larger values are capped.</summary>
    public const decimal MaximumValue = 1000000000000m;

    /// <summary>Number of defined procurement tactics (bits of ProcurementTactics).</summary>
    public const int TacticCount = 7;

    public const ProcurementTactics KnownTactics = (ProcurementTactics)((1 << TacticCount) - 1);

    /// <summary>The deal's value (actual, else estimated), capped and rounded to cents; null when neither is recorded.</summary>
    public static decimal? KnownValue(OpportunityFacts deal)
    {
        var raw = deal.ActualValue ?? deal.EstimatedValue;
        if (!raw.HasValue)
        {
            return null;
        }

        var value = raw.Value <= 0m ? 0m : raw.Value > MaximumValue ? MaximumValue : raw.Value;
        return Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether the discount is known: recorded as a percentage, or concessions recorded without a discount.</summary>
    public static bool DiscountKnown(OpportunityFacts deal) =>
        deal.DiscountPercent.HasValue || (deal.Concessions.HasValue && (deal.Concessions.Value & Concessions.Discount) == 0);

    /// <summary>The discount in percent, clamped to 0–100; 0 when concessions were recorded without a discount; null when unknown.</summary>
    public static decimal? KnownDiscount(OpportunityFacts deal) => DiscountKnown(deal) ? Discount(deal) : (decimal?)null;

    /// <summary>The recorded discount clamped to 0–100 % (0 when not recorded: check <see cref="DiscountKnown"/> first).</summary>
    public static decimal Discount(OpportunityFacts deal)
    {
        if (!deal.DiscountPercent.HasValue)
        {
            return 0m;
        }

        var discount = deal.DiscountPercent.Value;
        return discount < 0m ? 0m : discount > 100m ? 100m : discount;
    }

    /// <summary>
    /// What the seller gave and what the customer committed, in money: a discount counts by its points above the
    /// tier's allowance, every other concession and commitment by its policy share of the deal's value. Null when the
    /// exchange was not recorded (commitments unknown, or the discount unknown) or the value is unknown.
    /// </summary>
    public static GiveGet? Exchange(OpportunityFacts deal, RelationshipPolicy policy)
    {
        var value = KnownValue(deal);
        if (!value.HasValue || !deal.Commitments.HasValue || !DiscountKnown(deal))
        {
            return null;
        }

        var shares = policy.Reciprocity;
        var concessions = deal.Concessions ?? Concessions.None;
        var allowance = deal.DiscountAllowancePercent ?? policy.Deals.TransactionalDiscountCap;
        allowance = allowance < 0m ? 0m : allowance > 100m ? 100m : allowance;
        var beyond = Discount(deal) - allowance;
        var givePercent = (beyond > 0m ? beyond : 0m)
            + ((concessions & Concessions.ExtendedPaymentTerms) != 0 ? shares.ExtendedPaymentTermsShare : 0m)
            + ((concessions & Concessions.FreeServices) != 0 ? shares.FreeServicesShare : 0m)
            + ((concessions & Concessions.AcceptedRisk) != 0 ? shares.AcceptedRiskShare : 0m)
            + ((concessions & Concessions.CustomWork) != 0 ? shares.CustomWorkShare : 0m);
        var commitments = deal.Commitments.Value;
        var getPercent = ((commitments & Commitments.Volume) != 0 ? shares.VolumeShare : 0m)
            + ((commitments & Commitments.MultiYearTerm) != 0 ? shares.MultiYearTermShare : 0m)
            + ((commitments & Commitments.Prepayment) != 0 ? shares.PrepaymentShare : 0m)
            + ((commitments & Commitments.ReferenceCase) != 0 ? shares.ReferenceCaseShare : 0m)
            + ((commitments & Commitments.JointInvestment) != 0 ? shares.JointInvestmentShare : 0m)
            + ((commitments & Commitments.ForecastSharing) != 0 ? shares.ForecastSharingShare : 0m);
        return new GiveGet(value.Value * givePercent / 100m, value.Value * getPercent / 100m);
    }

    /// <summary>
    /// Reciprocity of a give/get balance, 0–1: 1 when balanced; an imbalance of the policy's tolerance share of the
    /// exchanged value gives 0.5; either side's surplus lowers it.
    /// </summary>
    public static decimal Balance(decimal give, decimal get, decimal exchangedValue, ReciprocityPolicy policy)
    {
        var denominator = give + get + (exchangedValue * policy.TolerancePercent / 100m);
        return denominator <= 0m ? 1m : 1m - (Math.Abs(give - get) / denominator);
    }

    /// <summary>The customer-side conduct penalty of a deal's tactics in percent, uncapped.</summary>
    public static decimal TacticPenalty(ProcurementTactics tactics, AutonomyPolicy policy)
    {
        var total = 0m;
        total += (tactics & ProcurementTactics.ReverseAuction) != 0 ? policy.ReverseAuctionPenalty : 0m;
        total += (tactics & ProcurementTactics.PriceBenchmarkingDuringContract) != 0 ? policy.PriceBenchmarkingDuringContractPenalty : 0m;
        total += (tactics & ProcurementTactics.EarlyRenegotiation) != 0 ? policy.EarlyRenegotiationPenalty : 0m;
        total += (tactics & ProcurementTactics.DiscountDemandedAfterAward) != 0 ? policy.DiscountDemandedAfterAwardPenalty : 0m;
        total += (tactics & ProcurementTactics.PaymentWithholding) != 0 ? policy.PaymentWithholdingPenalty : 0m;
        total += (tactics & ProcurementTactics.UnilateralRiskTransfer) != 0 ? policy.UnilateralRiskTransferPenalty : 0m;
        total += (tactics & ProcurementTactics.OneSidedConcessionDemand) != 0 ? policy.OneSidedConcessionDemandPenalty : 0m;
        return total > 100m ? 100m : total;
    }

    /// <summary>Seller margin clamped to ±100 % (null when unknown).</summary>
    public static decimal? Margin(OpportunityFacts deal)
    {
        if (!deal.SellerMarginPercent.HasValue)
        {
            return null;
        }

        var margin = deal.SellerMarginPercent.Value;
        return margin < -100m ? -100m : margin > 100m ? 100m : margin;
    }

    public static PriceBand PriceBandOf(decimal margin, FairnessPolicy policy) =>
        margin < policy.MarginFloorPercent ? PriceBand.BelowFloor
        : margin > policy.MarginCeilingPercent ? PriceBand.AboveCeiling
        : PriceBand.Fair;

    /// <summary>Price fairness of one deal, 0–1: 1 inside the fair band, falling to 0 at the tolerance outside it.</summary>
    public static decimal PriceScore(decimal margin, FairnessPolicy policy)
    {
        decimal distance;
        if (margin < policy.MarginFloorPercent)
        {
            distance = policy.MarginFloorPercent - margin;
        }
        else if (margin > policy.MarginCeilingPercent)
        {
            distance = margin - policy.MarginCeilingPercent;
        }
        else
        {
            return 1m;
        }

        var score = 1m - (distance / policy.TolerancePercent);
        return score < 0m ? 0m : score;
    }

    /// <summary>The date that ages a deal: close date for closed deals, creation date for open ones.</summary>
    public static DateTime ReferenceDate(OpportunityFacts deal) =>
        deal.State != DealState.Open && deal.CloseDate.HasValue ? deal.CloseDate.Value : deal.CreatedOn;
}
