using System;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Deals
{
    /// <summary>
    /// Per-deal arithmetic shared by the account scores and the deal assessment: the give/get ledger, conduct and the
    /// price band. Everything here is a pure function of one deal, with inputs clamped so extreme values stay finite.
    /// </summary>
    internal static class ExchangeTerms
    {
        /// <summary>Largest monetary value the engine takes at face value; larger values are capped.</summary>
        public const decimal MaximumValue = 1000000000000m;

        /// <summary>Number of defined procurement tactics (bits of ProcurementTactics).</summary>
        public const int TacticCount = 7;

        public const ProcurementTactics KnownTactics = (ProcurementTactics)((1 << TacticCount) - 1);

        public static bool GrantsDiscount(OpportunityFacts deal) =>
            (deal.Concessions & Concessions.Discount) != 0 || (deal.DiscountPercent.HasValue && deal.DiscountPercent.Value > 0m);

        /// <summary>What the seller gave, in policy points.</summary>
        public static double ConcessionPoints(OpportunityFacts deal, ScoringParameters parameters)
        {
            var concessions = deal.Concessions;
            var points = 0.0;
            if (GrantsDiscount(deal))
            {
                points += parameters.DiscountPoints;
            }

            if ((concessions & Concessions.ExtendedPaymentTerms) != 0)
            {
                points += parameters.ExtendedPaymentTermsPoints;
            }

            if ((concessions & Concessions.FreeServices) != 0)
            {
                points += parameters.FreeServicesPoints;
            }

            if ((concessions & Concessions.AcceptedRisk) != 0)
            {
                points += parameters.AcceptedRiskPoints;
            }

            if ((concessions & Concessions.CustomWork) != 0)
            {
                points += parameters.CustomWorkPoints;
            }

            return points;
        }

        /// <summary>What the customer committed, in policy points.</summary>
        public static double CommitmentPoints(OpportunityFacts deal, ScoringParameters parameters)
        {
            var commitments = deal.Commitments;
            var points = 0.0;
            if ((commitments & Commitments.Volume) != 0)
            {
                points += parameters.VolumePoints;
            }

            if ((commitments & Commitments.MultiYearTerm) != 0)
            {
                points += parameters.MultiYearTermPoints;
            }

            if ((commitments & Commitments.Prepayment) != 0)
            {
                points += parameters.PrepaymentPoints;
            }

            if ((commitments & Commitments.ReferenceCase) != 0)
            {
                points += parameters.ReferenceCasePoints;
            }

            if ((commitments & Commitments.JointInvestment) != 0)
            {
                points += parameters.JointInvestmentPoints;
            }

            if ((commitments & Commitments.ForecastSharing) != 0)
            {
                points += parameters.ForecastSharingPoints;
            }

            return points;
        }

        /// <summary>Reciprocity of one deal, 0–100: 100 when give and get balance (or nothing was exchanged).</summary>
        public static double ReciprocityScore(double given, double got)
        {
            var total = given + got;
            return total <= 0.0 ? 100.0 : 100.0 * (1.0 - (Math.Abs(got - given) / total));
        }

        /// <summary>-100 (only the seller gave) … 0 (balanced) … 100 (only the customer gave).</summary>
        public static double SignedBalance(double given, double got)
        {
            var total = given + got;
            return total <= 0.0 ? 0.0 : 100.0 * (got - given) / total;
        }

        /// <summary>The conduct penalty of a deal's tactics, uncapped.</summary>
        public static double TacticPenalty(ProcurementTactics tactics, ScoringParameters parameters)
        {
            var penalties = parameters.TacticPenalties;
            var total = 0.0;
            for (var bit = 0; bit < TacticCount; bit++)
            {
                if (((int)tactics & (1 << bit)) != 0)
                {
                    total += penalties[bit];
                }
            }

            return total;
        }

        /// <summary>Seller margin clamped to ±100 % (null when unknown).</summary>
        public static double? Margin(OpportunityFacts deal)
        {
            if (!deal.SellerMarginPercent.HasValue)
            {
                return null;
            }

            var margin = deal.SellerMarginPercent.Value;
            return margin < -100m ? -100.0 : margin > 100m ? 100.0 : (double)margin;
        }

        public static PriceBand PriceBandOf(double margin, ScoringParameters parameters) =>
            margin < parameters.MarginFloor ? PriceBand.BelowFloor
            : margin > parameters.MarginCeiling ? PriceBand.AboveCeiling
            : PriceBand.Fair;

        /// <summary>Price fairness of one deal, 0–100: 100 inside the fair band, falling to 0 at the tolerance.</summary>
        public static double PriceScore(double margin, ScoringParameters parameters)
        {
            double distance;
            if (margin < parameters.MarginFloor)
            {
                distance = parameters.MarginFloor - margin;
            }
            else if (margin > parameters.MarginCeiling)
            {
                distance = margin - parameters.MarginCeiling;
            }
            else
            {
                return 100.0;
            }

            var score = 100.0 * (1.0 - (distance / parameters.MarginTolerance));
            return score < 0.0 ? 0.0 : score;
        }

        /// <summary>Discount clamped to 0–100 % (0 when unknown).</summary>
        public static decimal Discount(OpportunityFacts deal)
        {
            if (!deal.DiscountPercent.HasValue)
            {
                return 0m;
            }

            var discount = deal.DiscountPercent.Value;
            return discount < 0m ? 0m : discount > 100m ? 100m : discount;
        }

        /// <summary>The deal's value (actual, else estimated), clamped to 0 … <see cref="MaximumValue"/> and rounded to cents.</summary>
        public static decimal Value(OpportunityFacts deal)
        {
            var raw = deal.ActualValue ?? deal.EstimatedValue;
            if (!raw.HasValue || raw.Value <= 0m)
            {
                return 0m;
            }

            var value = raw.Value > MaximumValue ? MaximumValue : raw.Value;
            return Math.Round(value, 2, MidpointRounding.AwayFromZero);
        }

        /// <summary>The date that ages a deal: close date for closed deals, creation date for open ones.</summary>
        public static DateTime ReferenceDate(OpportunityFacts deal) =>
            deal.State != DealState.Open && deal.CloseDate.HasValue ? deal.CloseDate.Value : deal.CreatedOn;

        /// <summary>Per-deal score in fixed point (thousandths), clamped to 0–100.</summary>
        public static long Quantise(double score)
        {
            if (!(score > 0.0))
            {
                return 0;
            }

            return score >= 100.0 ? 100 * ScoringParameters.ScoreUnit : (long)Math.Round(score * ScoringParameters.ScoreUnit);
        }
    }
}
