using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Deals
{
    /// <summary>
    /// Deal fairness for one opportunity: the give/get balance, the price band, the customer games, a 0–100 deal score
    /// and the tier rule (discount cap per tier; above it, an accepted customer commitment is required).
    /// </summary>
    internal static class DealFairness
    {
        private const decimal Neutral = 50m;

        public static DealAssessment Assess(OpportunityFacts deal, RelationshipTier accountTier, ScoringParameters parameters)
        {
            var policy = parameters.Policy;
            var given = ExchangeTerms.ConcessionPoints(deal, parameters);
            var got = ExchangeTerms.CommitmentPoints(deal, parameters);
            var reciprocityScore = ExchangeTerms.ReciprocityScore(given, got);
            var balance = ScoreArithmetic.Round(ScoreArithmetic.FromDouble(ExchangeTerms.SignedBalance(given, got)));

            var margin = ExchangeTerms.Margin(deal);
            PriceBand? band = margin.HasValue ? ExchangeTerms.PriceBandOf(margin.Value, parameters) : (PriceBand?)null;
            var priceScore = margin.HasValue ? ExchangeTerms.PriceScore(margin.Value, parameters) : 50.0;

            var games = deal.Tactics & ExchangeTerms.KnownTactics;
            var penalty = ExchangeTerms.TacticPenalty(games, parameters);
            var conductScore = penalty >= 100.0 ? 0.0 : 100.0 - penalty;

            var deals = policy.Deals;
            var weightSum = deals.ReciprocityWeight + deals.PriceBandWeight + deals.ConductWeight;
            var reciprocityPoints = deals.ReciprocityWeight * (ScoreArithmetic.FromDouble(reciprocityScore) - Neutral) / weightSum;
            var pricePoints = deals.PriceBandWeight * (ScoreArithmetic.FromDouble(priceScore) - Neutral) / weightSum;
            var conductPoints = deals.ConductWeight * (ScoreArithmetic.FromDouble(conductScore) - Neutral) / weightSum;
            var factors = new List<Factor>(3)
            {
                new Factor(ReasonCodes.DealReciprocity, ScoreArithmetic.Round(reciprocityPoints), Count(deal.Concessions, deal), ExchangeFacts(deal, given, got)),
                new Factor(ReasonCodes.PriceBand, ScoreArithmetic.Round(pricePoints), margin.HasValue ? 1 : 0, PriceFacts(margin, band, parameters)),
                new Factor(ReasonCodes.Conduct, ScoreArithmetic.Round(conductPoints), Bits((int)games), ConductFacts(games)),
            };
            var score = new ScoreExplanation(ScoreKind.Deal, ScoreArithmetic.Score(Neutral + reciprocityPoints + pricePoints + conductPoints), Neutral, factors);

            var discount = ExchangeTerms.Discount(deal);
            var cap = deals.DiscountCapFor(accountTier);
            TierRuleVerdict verdict;
            string? message = null;
            if (discount <= cap)
            {
                verdict = TierRuleVerdict.WithinCap;
            }
            else
            {
                var head = "Discount " + Percent(discount) + " exceeds the " + Percent(cap) + " " + TierNames.Describe(accountTier) + " cap; ";
                var accepted = deal.Commitments & deals.AcceptedCommitments;
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

            var explanation = "Deal score " + ExplanationText.Number(score.Value) + ": " + score.Text + (message is null ? "." : ". " + message);
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

        private static int Bits(int flags)
        {
            var value = unchecked((uint)flags);
            var count = 0;
            while (value != 0u)
            {
                count += (int)(value & 1u);
                value >>= 1;
            }

            return count;
        }

        private static int Count(Concessions concessions, OpportunityFacts deal) =>
            Bits((int)(concessions & ~Concessions.Discount)) + (ExchangeTerms.GrantsDiscount(deal) ? 1 : 0);

        private static string ExchangeFacts(OpportunityFacts deal, double given, double got)
        {
            var concessions = Count(deal.Concessions, deal);
            var commitments = Bits((int)(deal.Commitments & CommitmentNames.Known));
            if (concessions == 0 && commitments == 0)
            {
                return "no concessions, no commitments";
            }

            return ExplanationText.Count(concessions, "concession", "concessions") + " (" + ExplanationText.Number(ScoreArithmetic.FromDouble(given)) + " points) against "
                + ExplanationText.Count(commitments, "commitment", "commitments") + " (" + ExplanationText.Number(ScoreArithmetic.FromDouble(got)) + " points)";
        }

        private static string PriceFacts(double? margin, PriceBand? band, ScoringParameters parameters)
        {
            if (!margin.HasValue)
            {
                return "seller margin unknown";
            }

            var m = ExplanationText.Number(Math.Round(ScoreArithmetic.FromDouble(margin.Value), 2));
            var policy = parameters.Policy.Fairness;
            return band switch
            {
                PriceBand.BelowFloor => "margin " + m + "% below the " + ExplanationText.Number(policy.MarginFloorPercent) + "% floor",
                PriceBand.AboveCeiling => "margin " + m + "% above the " + ExplanationText.Number(policy.MarginCeilingPercent) + "% ceiling",
                _ => "margin " + m + "% inside the fair band",
            };
        }

        private static string ConductFacts(ProcurementTactics games)
        {
            if (games == ProcurementTactics.None)
            {
                return "no customer games";
            }

            var text = new StringBuilder();
            for (var bit = 0; bit < ExchangeTerms.TacticCount; bit++)
            {
                if (((int)games & (1 << bit)) != 0)
                {
                    text.Append(text.Length == 0 ? string.Empty : ", ").Append(AccountScoring.TacticWords(bit));
                }
            }

            return text.ToString();
        }
    }
}
