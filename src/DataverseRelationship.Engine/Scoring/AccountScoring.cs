using System;
using System.Collections.Generic;
using System.Globalization;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring
{
    /// <summary>The five relationship scores, health, lifetime value, churn risk and confidence, with their factors.</summary>
    internal static class AccountScoring
    {
        private const decimal Neutral = 50m;

        public static ScoreExplanation Reciprocity(OpportunityLedger ledger, ScoringParameters parameters)
        {
            decimal denominator = ledger.ReciprocityWeight + parameters.PriorWeight;
            var factors = new List<Factor>(5);
            var total = 0m;
            for (var category = 0; category < 5; category++)
            {
                var count = ledger.ReciprocityCounts[category];
                if (count == 0)
                {
                    continue;
                }

                var points = ScoreArithmetic.Points(ledger.ReciprocitySums[category], denominator);
                total += points;
                factors.Add(ReciprocityFactor(category, points, count));
            }

            return new ScoreExplanation(ScoreKind.Reciprocity, ScoreArithmetic.Score(Neutral + total), Neutral, factors);
        }

        public static ScoreExplanation Autonomy(OpportunityLedger ledger, ScoringParameters parameters)
        {
            decimal denominator = ledger.AutonomyWeight + parameters.PriorWeight;
            var factors = new List<Factor>(ExchangeTermsCount + 1);
            var total = 0m;
            if (ledger.AutonomyWeight > 0)
            {
                var basePoints = ScoreArithmetic.Points(ledger.AutonomyBase, denominator);
                total += basePoints;
                factors.Add(new Factor(
                    ReasonCodes.NoPowerPlay,
                    ScoreArithmetic.Round(basePoints),
                    ledger.AutonomyCleanCount,
                    ExplanationText.Count(ledger.AutonomyCleanCount, "deal", "deals") + " without power plays out of " + ledger.Considered.ToString(CultureInfo.InvariantCulture)));
            }

            for (var bit = 0; bit < ExchangeTermsCount; bit++)
            {
                var count = ledger.TacticCounts[bit];
                if (count == 0)
                {
                    continue;
                }

                var points = -ScoreArithmetic.Points(ledger.TacticSums[bit], denominator);
                total += points;
                factors.Add(new Factor(TacticCode(bit), ScoreArithmetic.Round(points), count, ExplanationText.Count(count, "deal", "deals") + " with " + TacticWords(bit)));
            }

            return new ScoreExplanation(ScoreKind.Autonomy, ScoreArithmetic.Score(Neutral + total), Neutral, factors);
        }

        public static ScoreExplanation Integrity(OpportunityLedger ledger, ScoringParameters parameters)
        {
            var policy = parameters.Policy.Integrity;
            var weightSum = policy.DiscountConsistencyWeight + policy.PromisesKeptWeight + policy.PaymentsOnTimeWeight;
            var factors = new List<Factor>(5);
            var total = 0m;
            decimal prior = parameters.PriorWeight;

            // Discount consistency: pooled standard deviation of discounts within each size band with 2+ deals.
            long dispersedWeight = 0;
            var dispersedCount = 0;
            var sumOfSquares = 0.0;
            for (var band = 0; band < 3; band++)
            {
                if (ledger.BandCounts[band] < 2)
                {
                    continue;
                }

                var weight = (double)ledger.BandWeights[band];
                var first = (double)ledger.BandFirstMoments[band];
                var squares = (double)ledger.BandSecondMoments[band] - (first * first / weight);
                sumOfSquares += squares > 0.0 ? squares : 0.0;
                dispersedWeight += ledger.BandWeights[band];
                dispersedCount += ledger.BandCounts[band];
            }

            if (dispersedWeight > 0)
            {
                var spread = Math.Sqrt(sumOfSquares / dispersedWeight) / 100.0;
                var consistency = ScoreArithmetic.Clamp(100m - (policy.DispersionPenaltyPerPoint * ScoreArithmetic.FromDouble(spread)), 0m, 100m);
                var shrunk = (consistency - Neutral) * dispersedWeight / (dispersedWeight + prior);
                var points = shrunk * policy.DiscountConsistencyWeight / weightSum;
                total += points;
                factors.Add(new Factor(
                    ReasonCodes.DiscountConsistency,
                    ScoreArithmetic.Round(points),
                    dispersedCount,
                    "discounts spread " + ExplanationText.Number(Math.Round(ScoreArithmetic.FromDouble(spread), 1)) + " points across " + ExplanationText.Count(dispersedCount, "deal", "deals") + " of similar size"));
            }

            if (ledger.PromiseWeight > 0)
            {
                decimal denominator = ledger.PromiseWeight + prior;
                var share = policy.PromisesKeptWeight / weightSum;
                if (ledger.PromisesKeptCount > 0)
                {
                    var points = Neutral * ledger.PromisesKept / denominator * share;
                    total += points;
                    factors.Add(new Factor(ReasonCodes.PromisesKept, ScoreArithmetic.Round(points), ledger.PromisesKeptCount, ExplanationText.Count(ledger.PromisesKeptCount, "deal", "deals") + " delivered as promised"));
                }

                if (ledger.PromisesBrokenCount > 0)
                {
                    var points = -Neutral * ledger.PromisesBroken / denominator * share;
                    total += points;
                    factors.Add(new Factor(ReasonCodes.PromisesBroken, ScoreArithmetic.Round(points), ledger.PromisesBrokenCount, ExplanationText.Count(ledger.PromisesBrokenCount, "deal", "deals") + " not delivered as promised"));
                }
            }

            if (ledger.PaymentWeight > 0)
            {
                decimal denominator = ledger.PaymentWeight + prior;
                var share = policy.PaymentsOnTimeWeight / weightSum;
                if (ledger.PaidOnTimeCount > 0)
                {
                    var points = ScoreArithmetic.Points(ledger.PaidOnTimeSum, denominator) * share;
                    total += points;
                    factors.Add(new Factor(ReasonCodes.PaidOnTime, ScoreArithmetic.Round(points), ledger.PaidOnTimeCount, ExplanationText.Count(ledger.PaidOnTimeCount, "deal", "deals") + " paid on time"));
                }

                if (ledger.PaidLateCount > 0)
                {
                    var points = ScoreArithmetic.Points(ledger.PaidLateSum, denominator) * share;
                    total += points;
                    factors.Add(new Factor(ReasonCodes.PaidLate, ScoreArithmetic.Round(points), ledger.PaidLateCount, ExplanationText.Count(ledger.PaidLateCount, "deal", "deals") + " paid late"));
                }
            }

            return new ScoreExplanation(ScoreKind.Integrity, ScoreArithmetic.Score(Neutral + total), Neutral, factors);
        }

        public static ScoreExplanation Loyalty(OpportunityLedger ledger, AccountFacts account, DateTime asOf, ScoringParameters parameters)
        {
            var policy = parameters.Policy.Loyalty;
            var weightSum = policy.TenureWeight + policy.RepeatWinsWeight + policy.WinRateWeight + policy.LastWinRecencyWeight + policy.RevenueTrendWeight;

            var tenureMonths = RelationshipMonths(account, asOf);
            var tenure = Math.Min(1.0, tenureMonths / policy.TenureSaturationMonths);

            var decayedWins = ledger.WonWeight / ScoringParameters.WeightUnit;
            var repeatWins = Math.Min(1.0, decayedWins / (double)policy.RepeatWinSaturation);

            var prior = (double)parameters.PriorWeight;
            var closed = (double)ledger.WonWeight + ledger.LostWeight + prior;
            var winRate = closed <= 0.0 ? 0.5 : (ledger.WonWeight + (0.5 * prior)) / closed;

            double recency = 0.0;
            double monthsSinceWin = 0.0;
            if (ledger.LastWinTicks > 0)
            {
                monthsSinceWin = (asOf - new DateTime(ledger.LastWinTicks, asOf.Kind)).TotalDays / ScoringParameters.DaysPerMonth;
                recency = Math.Pow(2.0, -monthsSinceWin / (double)policy.LastWinHalfLifeMonths);
            }

            var recent = ledger.RecentRevenue;
            var earlier = ledger.PriorRevenue;
            var trend = recent + earlier <= 0m ? 0.5 : 0.5 + (0.5 * (double)((recent - earlier) / (recent + earlier)));

            var factors = new List<Factor>(5);
            var total = 0m;
            total += AddLoyaltyFactor(factors, ReasonCodes.Tenure, tenure, policy.TenureWeight, weightSum, 0, "relationship of " + ExplanationText.Number(Math.Round(ScoreArithmetic.FromDouble(tenureMonths), 0)) + " months");
            total += AddLoyaltyFactor(factors, ReasonCodes.RepeatWins, repeatWins, policy.RepeatWinsWeight, weightSum, ledger.WonCount, ExplanationText.Count(ledger.WonCount, "won deal", "won deals") + " in the window");
            total += AddLoyaltyFactor(factors, ReasonCodes.WinRate, winRate, policy.WinRateWeight, weightSum, ledger.WonCount + ledger.LostCount, "win rate " + ExplanationText.Number(Math.Round(ScoreArithmetic.FromDouble(winRate * 100.0), 0)) + "% (" + ledger.WonCount.ToString(CultureInfo.InvariantCulture) + " won, " + ledger.LostCount.ToString(CultureInfo.InvariantCulture) + " lost)");
            total += AddLoyaltyFactor(factors, ReasonCodes.LastWinRecency, recency, policy.LastWinRecencyWeight, weightSum, ledger.WonCount > 0 ? 1 : 0, LastWinText(ledger.LastWinTicks > 0, monthsSinceWin));
            total += AddLoyaltyFactor(factors, ReasonCodes.RevenueTrend, trend, policy.RevenueTrendWeight, weightSum, 0, "won revenue " + ExplanationText.Number(Math.Round(recent, 0)) + " in the last 12 months against " + ExplanationText.Number(Math.Round(earlier, 0)) + " the year before");
            return new ScoreExplanation(ScoreKind.Loyalty, ScoreArithmetic.Score(Neutral + total), Neutral, factors);
        }

        public static ScoreExplanation Fairness(OpportunityLedger ledger, ScoringParameters parameters)
        {
            var factors = new List<Factor>(3);
            var total = 0m;
            if (ledger.FairnessValueWeight > 0m)
            {
                decimal countWeight = ledger.FairnessCountWeight;
                var shrink = countWeight / (countWeight + parameters.PriorWeight);
                for (var category = 0; category < 3; category++)
                {
                    var count = ledger.FairnessCounts[category];
                    if (count == 0)
                    {
                        continue;
                    }

                    var points = ScoreArithmetic.Points(ledger.FairnessSums[category], ledger.FairnessValueWeight) * shrink;
                    total += points;
                    factors.Add(FairnessFactor(category, points, count));
                }
            }

            return new ScoreExplanation(ScoreKind.Fairness, ScoreArithmetic.Score(Neutral + total), Neutral, factors);
        }

        /// <summary>Health = 50 + the five scores' factors, each scaled by its score's health weight.</summary>
        public static ScoreExplanation Health(IReadOnlyList<ScoreExplanation> five, RelationshipPolicy policy)
        {
            var health = policy.Health;
            var weights = new[] { health.ReciprocityWeight, health.AutonomyWeight, health.IntegrityWeight, health.LoyaltyWeight, health.FairnessWeight };
            var weightSum = weights[0] + weights[1] + weights[2] + weights[3] + weights[4];
            var value = 0m;
            var factors = new List<Factor>();
            for (var i = 0; i < 5; i++)
            {
                var share = weights[i] / weightSum;
                value += share * five[i].Value;
                var explained = 0m;
                foreach (var factor in five[i].Factors)
                {
                    var scaled = ScoreArithmetic.Round(factor.Contribution * share);
                    explained += factor.Contribution;
                    factors.Add(new Factor(factor.Code, scaled, factor.Count, factor.Facts));
                }

                // Clamping and rounding can leave a small remainder; it is attributed to the score itself.
                var remainder = ScoreArithmetic.Round((five[i].Value - Neutral - explained) * share);
                if (remainder != 0m)
                {
                    factors.Add(new Factor(ScoreCode(five[i].Score), remainder, 0, ScoreWord(five[i].Score) + " " + ExplanationText.Number(five[i].Value)));
                }
            }

            return new ScoreExplanation(ScoreKind.Health, ScoreArithmetic.Score(value), Neutral, factors);
        }

        public static decimal Retention(decimal loyalty, RelationshipTier tier, LifetimeValuePolicy policy)
        {
            var fixedRate = tier switch
            {
                RelationshipTier.StrategicPartner => policy.StrategicPartnerRetention,
                RelationshipTier.Preferred => policy.PreferredRetention,
                _ => policy.TransactionalRetention,
            };
            return fixedRate ?? policy.RetentionAtZeroLoyalty + ((policy.RetentionAtFullLoyalty - policy.RetentionAtZeroLoyalty) * loyalty / 100m);
        }

        public static decimal LifetimeValue(decimal annualMargin, decimal retention, LifetimeValuePolicy policy) =>
            ScoreArithmetic.Round(annualMargin * retention / (1m + policy.DiscountRate - retention));

        public static ScoreExplanation ChurnRisk(decimal loyalty, decimal health, ChurnPolicy policy)
        {
            var weightSum = policy.LoyaltyWeight + policy.HealthWeight;
            var fromLoyalty = -policy.LoyaltyWeight * loyalty / weightSum;
            var fromHealth = -policy.HealthWeight * health / weightSum;
            var factors = new List<Factor>(2)
            {
                new Factor(ReasonCodes.Loyalty, ScoreArithmetic.Round(fromLoyalty), 0, "loyalty " + ExplanationText.Number(loyalty)),
                new Factor(ReasonCodes.Health, ScoreArithmetic.Round(fromHealth), 0, "health " + ExplanationText.Number(health)),
            };
            return new ScoreExplanation(ScoreKind.ChurnRisk, ScoreArithmetic.Score(100m + fromLoyalty + fromHealth), 100m, factors);
        }

        public static ScoreExplanation Confidence(OpportunityLedger ledger, AccountFacts account, ConfidencePolicy policy)
        {
            var fields = ledger.FieldsExpected == 0 ? 0m : (decimal)ledger.FieldsKnown / ledger.FieldsExpected;
            var sample = Math.Min(1m, (decimal)ledger.Considered / policy.FullConfidenceDealCount);
            var accountKnown = (account.RelationshipSince.HasValue ? 1 : 0)
                + (account.KeyContactCount > 0 ? 1 : 0)
                + (!account.HasJointAccountPlan || account.JointPlanReviewedOn.HasValue ? 1 : 0);
            var accountPart = accountKnown / 3m;
            var factors = new List<Factor>(3)
            {
                new Factor(ReasonCodes.FieldCompleteness, ScoreArithmetic.Round(40m * fields), ledger.FieldsKnown, ledger.FieldsKnown.ToString(CultureInfo.InvariantCulture) + " of " + ledger.FieldsExpected.ToString(CultureInfo.InvariantCulture) + " deal fields known"),
                new Factor(ReasonCodes.SampleSize, ScoreArithmetic.Round(40m * sample), ledger.Considered, ExplanationText.Count(ledger.Considered, "deal", "deals") + " in the window (" + policy.FullConfidenceDealCount.ToString(CultureInfo.InvariantCulture) + " give full confidence)"),
                new Factor(ReasonCodes.AccountCompleteness, ScoreArithmetic.Round(20m * accountPart), accountKnown, accountKnown.ToString(CultureInfo.InvariantCulture) + " of 3 account facts known"),
            };
            return new ScoreExplanation(ScoreKind.Confidence, ScoreArithmetic.Score((40m * fields) + (40m * sample) + (20m * accountPart)), 0m, factors);
        }

        /// <summary>Months since the relationship started (account creation when unknown), never negative.</summary>
        public static double RelationshipMonths(AccountFacts account, DateTime asOf)
        {
            var since = account.RelationshipSince ?? account.CreatedOn;
            return since >= asOf ? 0.0 : (asOf - since).TotalDays / ScoringParameters.DaysPerMonth;
        }

        public static string ScoreWord(ScoreKind score) => score switch
        {
            ScoreKind.Reciprocity => "reciprocity",
            ScoreKind.Autonomy => "autonomy",
            ScoreKind.Integrity => "integrity",
            ScoreKind.Loyalty => "loyalty",
            ScoreKind.Fairness => "fairness",
            ScoreKind.Health => "health",
            ScoreKind.ChurnRisk => "churn risk",
            ScoreKind.Confidence => "confidence",
            _ => "deal score",
        };

        private const int ExchangeTermsCount = Deals.ExchangeTerms.TacticCount;

        private static string ScoreCode(ScoreKind score) => score switch
        {
            ScoreKind.Reciprocity => ReasonCodes.Reciprocity,
            ScoreKind.Autonomy => ReasonCodes.Autonomy,
            ScoreKind.Integrity => ReasonCodes.Integrity,
            ScoreKind.Loyalty => ReasonCodes.Loyalty,
            _ => ReasonCodes.Fairness,
        };

        private static string LastWinText(bool won, double monthsSinceWin)
        {
            if (!won)
            {
                return "no win in the window";
            }

            var months = Math.Round(ScoreArithmetic.FromDouble(monthsSinceWin), 0);
            return months < 1m ? "last win less than a month ago" : months == 1m ? "last win a month ago" : "last win " + ExplanationText.Number(months) + " months ago";
        }

        private static decimal AddLoyaltyFactor(List<Factor> factors, string code, double component, decimal weight, decimal weightSum, int count, string facts)
        {
            var points = weight * 100m * (ScoreArithmetic.FromDouble(component) - 0.5m) / weightSum;
            factors.Add(new Factor(code, ScoreArithmetic.Round(points), count, facts));
            return points;
        }

        private static Factor ReciprocityFactor(int category, decimal points, int count)
        {
            var deals = ExplanationText.Count(count, "deal", "deals");
            return category switch
            {
                OpportunityLedger.ReciprocatedExchange => new Factor(ReasonCodes.ReciprocatedExchange, ScoreArithmetic.Round(points), count, deals + " with concessions matched by commitments"),
                OpportunityLedger.PlainDeal => new Factor(ReasonCodes.PlainDeal, ScoreArithmetic.Round(points), count, deals + " without concessions or commitments"),
                OpportunityLedger.Unreciprocated => new Factor(ReasonCodes.UnreciprocatedConcessions, ScoreArithmetic.Round(points), count, deals + " with unreciprocated concessions"),
                OpportunityLedger.PartlyReciprocated => new Factor(ReasonCodes.PartlyReciprocatedConcessions, ScoreArithmetic.Round(points), count, deals + " with concessions only partly reciprocated"),
                _ => new Factor(ReasonCodes.CustomerOverCommitted, ScoreArithmetic.Round(points), count, deals + " where the customer committed more than it got"),
            };
        }

        private static Factor FairnessFactor(int category, decimal points, int count)
        {
            var deals = ExplanationText.Count(count, "deal", "deals");
            return category switch
            {
                OpportunityLedger.FairlyPriced => new Factor(ReasonCodes.PricedFairly, ScoreArithmetic.Round(points), count, deals + " priced inside the fair margin band"),
                OpportunityLedger.BelowFloor => new Factor(ReasonCodes.PricedBelowFloor, ScoreArithmetic.Round(points), count, deals + " priced below the margin floor"),
                _ => new Factor(ReasonCodes.PricedAboveCeiling, ScoreArithmetic.Round(points), count, deals + " priced above the margin ceiling"),
            };
        }

        internal static string TacticCode(int bit) => bit switch
        {
            0 => ReasonCodes.ReverseAuction,
            1 => ReasonCodes.PriceBenchmarkingDuringContract,
            2 => ReasonCodes.EarlyRenegotiation,
            3 => ReasonCodes.DiscountDemandedAfterAward,
            4 => ReasonCodes.PaymentWithholding,
            5 => ReasonCodes.UnilateralRiskTransfer,
            _ => ReasonCodes.OneSidedConcessionDemand,
        };

        internal static string TacticWords(int bit) => bit switch
        {
            0 => "a reverse auction",
            1 => "price benchmarking during the contract",
            2 => "renegotiation long before expiry",
            3 => "a discount demanded after award",
            4 => "payments withheld",
            5 => "risk transferred unilaterally",
            _ => "one-sided concessions demanded",
        };
    }
}
