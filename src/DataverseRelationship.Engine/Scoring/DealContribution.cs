using System;
using DataverseRelationship.Engine.Deals;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>
/// What one deal adds to its account's ledger: a pure function of the deal and the policy, so the same deal always
/// adds the same sums and taking it out again is exact. Unrecorded facts add nothing except a "missing" count.
/// </summary>
public static class DealContribution
{
    /// <summary>Value units are capped here so a single huge deal cannot overflow the sums.</summary>
    private const decimal UnitCap = 10000000000m;

    /// <summary>The calendar month (year × 12 + month − 1) whose bucket the deal belongs to.</summary>
    public static int MonthOf(OpportunityFacts deal) => MonthIndex(ExchangeTerms.ReferenceDate(Argument.NotNull(deal, nameof(deal))));

    /// <summary>year × 12 + month − 1.</summary>
    public static int MonthIndex(DateTime date) => (date.Year * 12) + date.Month - 1;

    /// <summary>Writes the sums one deal adds into <paramref name="sums"/> (cleared first), without allocating.</summary>
    internal static void Fill(DealSums sums, OpportunityFacts deal, RelationshipPolicy policy)
    {
        Argument.NotNull(deal, nameof(deal));
        Argument.NotNull(policy, nameof(policy));
        sums.Clear();
        var won = deal.State == DealState.Won;
        var lost = deal.State == DealState.Lost;
        var value = ExchangeTerms.KnownValue(deal);
        var units = value.HasValue ? decimal.Floor(value.Value > UnitCap ? UnitCap : value.Value) + 1m : 1m;

        sums[DealSums.Deals] = 1m;
        if (!value.HasValue)
        {
            sums[DealSums.MissingValue] = 1m;
        }

        if (won)
        {
            sums[DealSums.Won] = 1m;
            sums[DealSums.WonValue] = value ?? 0m;
        }
        else if (lost)
        {
            sums[DealSums.Lost] = 1m;
            sums[DealSums.LostValue] = value ?? 0m;
        }

        var margin = ExchangeTerms.Margin(deal);
        var oneSided = false;
        var outcomeEvidence = false;
        if (!lost)
        {
            var exchange = ExchangeTerms.Exchange(deal, policy);
            if (!ExchangeTerms.DiscountKnown(deal))
            {
                sums[DealSums.MissingDiscount] = 1m;
            }

            if (exchange.HasValue && value.HasValue)
            {
                var give = exchange.Value.Give;
                var get = exchange.Value.Get;
                sums[DealSums.ExchangeDeals] = 1m;
                sums[DealSums.ExchangeValue] = value.Value;
                sums[DealSums.Give] = give;
                sums[DealSums.Get] = get;
                if (give > 0m && get == 0m)
                {
                    sums[DealSums.UnreciprocatedDeals] = 1m;
                }

                if ((deal.Commitments!.Value & Commitments.JointInvestment) != 0)
                {
                    sums[DealSums.JointInvestmentDeals] = 1m;
                }

                outcomeEvidence = true;
                oneSided |= Math.Abs(give - get) > value.Value * policy.Reciprocity.TolerancePercent / 100m;
            }
            else
            {
                sums[DealSums.MissingExchange] = 1m;
            }

            AddDiscount(sums, deal, value, policy);
            if (margin.HasValue && value.HasValue)
            {
                var score = ExchangeTerms.PriceScore(margin.Value, policy.Fairness);
                var deficit = units * (1m - score);
                sums[DealSums.PricedDeals] = 1m;
                sums[DealSums.PricedUnits] = units;
                var band = ExchangeTerms.PriceBandOf(margin.Value, policy.Fairness);
                if (band == PriceBand.BelowFloor)
                {
                    sums[DealSums.BelowFloorDeals] = 1m;
                    sums[DealSums.BelowFloorDeficitUnits] = deficit;
                }
                else if (band == PriceBand.AboveCeiling)
                {
                    sums[DealSums.AboveCeilingDeals] = 1m;
                    sums[DealSums.AboveCeilingDeficitUnits] = deficit;
                }

                outcomeEvidence = true;
                oneSided |= band != PriceBand.Fair;
            }
            else if (!margin.HasValue)
            {
                sums[DealSums.MissingMargin] = 1m;
            }
        }

        if (won && value.HasValue)
        {
            if (margin.HasValue)
            {
                // Margin above the fair ceiling does not raise lifetime value (seed 004: the price must work for both).
                var counted = margin.Value > policy.Fairness.MarginCeilingPercent ? policy.Fairness.MarginCeilingPercent : margin.Value;
                sums[DealSums.WonValueWithMargin] = value.Value;
                sums[DealSums.WonMarginValue] = value.Value * counted / 100m;
            }

            if (outcomeEvidence)
            {
                sums[DealSums.OutcomeEvidenceValue] = value.Value;
                sums[DealSums.OneSidedValue] = oneSided ? value.Value : 0m;
            }
        }

        AddConduct(sums, deal, units, policy);
        if (won)
        {
            AddDeliveryAndPayment(sums, deal, units, policy.Integrity);
        }

        // A fixed scale makes every sum exact: adding and removing deals in any order gives the same ledger.
        sums.RoundToSixPlaces();
    }

    private static void AddDiscount(DealSums sums, OpportunityFacts deal, decimal? value, RelationshipPolicy policy)
    {
        if (!deal.DiscountPercent.HasValue || !value.HasValue)
        {
            return;
        }

        var band = value.Value >= policy.Integrity.LargeDealFrom ? 2 : value.Value >= policy.Integrity.MediumDealFrom ? 1 : 0;
        var discount = ExchangeTerms.Discount(deal);
        sums[DealSums.DiscountCount + band] = 1m;
        sums[DealSums.DiscountSum + band] = discount;
        sums[DealSums.DiscountSquares + band] = discount * discount;
    }

    private static void AddConduct(DealSums sums, OpportunityFacts deal, decimal units, RelationshipPolicy policy)
    {
        if (!deal.Tactics.HasValue && !deal.SellerConduct.HasValue)
        {
            sums[DealSums.MissingConduct] = 1m;
            return;
        }

        var customer = 0m;
        if (deal.Tactics.HasValue)
        {
            var tactics = deal.Tactics.Value & ExchangeTerms.KnownTactics;
            customer = ExchangeTerms.TacticPenalty(tactics, policy.Autonomy) / 100m;
            sums[DealSums.CustomerDeals] = 1m;
            sums[DealSums.CustomerUnits] = units;
            if (tactics != ProcurementTactics.None)
            {
                sums[DealSums.GameDeals] = 1m;
                sums[DealSums.GameUnits] = units;
                for (var bit = 0; bit < ExchangeTerms.TacticCount; bit++)
                {
                    if (((int)tactics & (1 << bit)) != 0)
                    {
                        sums[DealSums.TacticCounts + bit] = 1m;
                    }
                }
            }
        }

        var risk = 0m;
        if (deal.SellerConduct.HasValue)
        {
            var conduct = deal.SellerConduct.Value;
            risk = (conduct & SellerConduct.RiskShiftedToCustomer) != 0 ? policy.Autonomy.SellerRiskShiftPenalty / 100m : 0m;
            var terms = ((conduct & SellerConduct.OverPromised) != 0 ? policy.Integrity.OverPromisePenalty : 0m)
                + ((conduct & SellerConduct.PriceChangedDuringContract) != 0 ? policy.Integrity.PriceChangePenalty : 0m);
            sums[DealSums.SellerDeals] = 1m;
            sums[DealSums.SellerUnits] = units;
            sums[DealSums.SellerTermsPenaltyUnits] = units * (terms > 100m ? 1m : terms / 100m);
            for (var bit = 0; bit < 3; bit++)
            {
                if (((int)conduct & (1 << bit)) != 0)
                {
                    sums[DealSums.SellerFlagCounts + bit] = 1m;
                }
            }
        }

        // A deal loses at most all of its autonomy; when both sides played, each side keeps its share of the loss.
        var total = customer + risk;
        var scale = total > 1m ? 1m / total : 1m;
        sums[DealSums.ConductDeals] = 1m;
        sums[DealSums.ConductUnits] = units;
        sums[DealSums.CustomerPenaltyUnits] = units * customer * scale;
        sums[DealSums.SellerRiskUnits] = units * risk * scale;
    }

    private static void AddDeliveryAndPayment(DealSums sums, OpportunityFacts deal, decimal units, IntegrityPolicy policy)
    {
        if (deal.DeliveredAsPromised.HasValue)
        {
            sums[DealSums.PromiseDeals] = 1m;
            sums[DealSums.PromiseUnits] = units;
            if (deal.DeliveredAsPromised.Value)
            {
                sums[DealSums.PromiseKeptUnits] = units;
            }
            else
            {
                sums[DealSums.BrokenPromiseDeals] = 1m;
            }
        }

        if (deal.PaymentDelayDays.HasValue)
        {
            var late = (decimal)deal.PaymentDelayDays.Value - policy.PaymentGraceDays;
            var score = late <= 0m ? 1m : 1m - (late * policy.PaymentPenaltyPerDay / 100m);
            sums[DealSums.PaymentDeals] = 1m;
            sums[DealSums.PaymentUnits] = units;
            sums[DealSums.PaymentScoreUnits] = units * (score < 0m ? 0m : score);
            if (late > 0m)
            {
                sums[DealSums.LatePaymentDeals] = 1m;
            }
        }
    }
}
