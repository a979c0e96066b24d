using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Deals;

/// <summary>
/// Deal fairness for one opportunity: the give/get balance by value, the price band, the conduct of both sides, a
/// 0–100 deal score over what is recorded, and the tier rule (discount cap per tier; above it, an accepted customer
/// commitment is required). An unknown discount is Not assessed; an unknown margin gives no price band.
/// </summary>
internal static class DealFairness
{
    private const decimal Ideal = 100m;

    public static DealAssessment Assess(OpportunityFacts deal, RelationshipTier accountTier, RelationshipPolicy policy)
    {
        var deals = policy.Deals;
        var cap = deals.DiscountCapFor(accountTier);
        var value = ExchangeTerms.KnownValue(deal);
        var exchange = ExchangeTerms.Exchange(deal with { DiscountAllowancePercent = cap }, policy);
        var parts = new List<Principles.Part>(3);
        decimal? balance = null;
        if (exchange.HasValue)
        {
            var give = exchange.Value.Give;
                var get = exchange.Value.Get;
            balance = give + get <= 0m ? 0m : ScoreArithmetic.Round(Ideal * (get - give) / (give + get));
            parts.Add(new Principles.Part(ReasonCodes.DealReciprocity, deals.ReciprocityWeight, ExchangeTerms.Balance(give, get, value ?? 0m, policy.Reciprocity), 1,
                "concessions beyond the cap worth " + ExplanationText.Money(give) + " against commitments worth " + ExplanationText.Money(get),
                give > get ? Party.Customer : get > give ? Party.Seller : Party.Relationship));
        }

        var margin = ExchangeTerms.Margin(deal);
        PriceBand? band = null;
        if (margin.HasValue)
        {
            band = ExchangeTerms.PriceBandOf(margin.Value, policy.Fairness);
            parts.Add(new Principles.Part(ReasonCodes.PriceBand, deals.PriceBandWeight, ExchangeTerms.PriceScore(margin.Value, policy.Fairness), 1, PriceFacts(margin.Value, band.Value, policy.Fairness),
                band == PriceBand.BelowFloor ? Party.Customer : band == PriceBand.AboveCeiling ? Party.Seller : Party.Relationship));
        }

        var games = deal.Tactics.HasValue ? deal.Tactics.Value & ExchangeTerms.KnownTactics : (ProcurementTactics?)null;
        if (games.HasValue || deal.SellerConduct.HasValue)
        {
            var customer = games.HasValue ? ExchangeTerms.TacticPenalty(games.Value, policy.Autonomy) / 100m : 0m;
            var seller = deal.SellerConduct.HasValue && (deal.SellerConduct.Value & SellerConduct.RiskShiftedToCustomer) != 0 ? policy.Autonomy.SellerRiskShiftPenalty / 100m : 0m;
            var loss = customer + seller > 1m ? 1m : customer + seller;
            parts.Add(new Principles.Part(ReasonCodes.Conduct, deals.ConductWeight, 1m - loss, 1, ConductFacts(games, deal.SellerConduct),
                customer > 0m ? Party.Customer : seller > 0m ? Party.Seller : Party.Relationship));
        }

        ScoreExplanation score;
        var weightSum = 0m;
        foreach (var part in parts)
        {
            weightSum += part.Weight;
        }

        if (weightSum <= 0m)
        {
            score = new ScoreExplanation(ScoreKind.Deal, null, Ideal, new[] { new Factor(ReasonCodes.MissingEvidence, 0m, 0, "no exchange, margin or conduct recorded on the deal") });
        }
        else
        {
            var missing = new List<Factor>(2);
            if (!exchange.HasValue)
            {
                missing.Add(new Factor(ReasonCodes.MissingEvidence, 0m, 0, "exchange not recorded (commitments, concessions or discount)"));
            }

            if (!margin.HasValue)
            {
                missing.Add(new Factor(ReasonCodes.MissingEvidence, 0m, 0, "seller margin not recorded"));
            }

            score = Principles.Weighted(ScoreKind.Deal, parts, weightSum, missing);
        }

        var discount = ExchangeTerms.KnownDiscount(deal);
        TierRuleVerdict verdict;
        string? message = null;
        if (!discount.HasValue)
        {
            verdict = TierRuleVerdict.NotAssessed;
            message = "Discount not recorded: the " + Percent(cap) + " " + TierNames.Describe(accountTier) + " cap was not checked.";
        }
        else if (discount.Value <= cap)
        {
            verdict = TierRuleVerdict.WithinCap;
        }
        else
        {
            var head = "Discount " + Percent(discount.Value) + " exceeds the " + Percent(cap) + " " + TierNames.Describe(accountTier) + " cap; ";
            var accepted = (deal.Commitments ?? Commitments.None) & deals.AcceptedCommitments;
            if (accepted != Commitments.None)
            {
                verdict = TierRuleVerdict.Reciprocated;
                message = head + "reciprocated by " + CommitmentList(accepted, " and ") + " commitment.";
            }
            else
            {
                verdict = deals.Mode == TierRuleMode.Enforce ? TierRuleVerdict.Blocked : TierRuleVerdict.Warned;
                message = head + CommitmentList(deals.AcceptedCommitments, " or ") + " commitment is required.";
            }
        }

        var explanation = (score.Value.HasValue ? "Deal score " + ExplanationText.Number(score.Value.Value) + ": " : "Deal score unknown: ")
            + score.Text + (message is null ? "." : ". " + message);
        return new DealAssessment
        {
            OpportunityId = deal.Id,
            DealScore = score.Value,
            ReciprocityBalance = balance,
            PriceBand = band,
            GameFlags = games,
            TierRuleVerdict = verdict,
            DiscountCap = cap,
            TierRuleMessage = message,
            Score = score,
            Explanation = explanation,
            PolicyVersion = policy.Version,
        };
    }

    /// <summary>"a multi-year term or volume", "a multi-year term, volume or prepayment".</summary>
    private static string CommitmentList(Commitments commitments, string lastSeparator)
    {
        var names = new List<string>();
        foreach (var commitment in CommitmentNames.Each(commitments))
        {
            names.Add(CommitmentNames.Describe(commitment));
        }

        var text = new StringBuilder("a ");
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == names.Count - 1 ? lastSeparator : ", ");
            }

            text.Append(names[i]);
        }

        return text.ToString();
    }

    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string PriceFacts(decimal margin, PriceBand band, FairnessPolicy policy)
    {
        var m = ExplanationText.Number(Math.Round(margin, 2));
        return band switch
        {
            PriceBand.BelowFloor => "margin " + m + "% below the " + ExplanationText.Number(policy.MarginFloorPercent) + "% floor",
            PriceBand.AboveCeiling => "margin " + m + "% above the " + ExplanationText.Number(policy.MarginCeilingPercent) + "% ceiling",
            _ => "margin " + m + "% inside the fair band",
        };
    }

    private static string ConductFacts(ProcurementTactics? games, SellerConduct? seller)
    {
        var parts = new List<string>();
        if (games.HasValue)
        {
            var words = new List<string>();
            for (var bit = 0; bit < ExchangeTerms.TacticCount; bit++)
            {
                if (((int)games.Value & (1 << bit)) != 0)
                {
                    words.Add(Principles.TacticWords(bit));
                }
            }

            parts.Add(words.Count == 0 ? "no customer games" : "customer games: " + string.Join(", ", words));
        }

        if (seller.HasValue)
        {
            parts.Add(seller.Value == SellerConduct.None ? "seller conduct clean"
                : "seller: " + ((seller.Value & SellerConduct.OverPromised) != 0 ? "over-promised " : string.Empty)
                    + ((seller.Value & SellerConduct.PriceChangedDuringContract) != 0 ? "changed prices during the contract " : string.Empty)
                    + ((seller.Value & SellerConduct.RiskShiftedToCustomer) != 0 ? "shifted risk onto the customer" : string.Empty).TrimEnd());
        }

        return string.Join("; ", parts);
    }
}
