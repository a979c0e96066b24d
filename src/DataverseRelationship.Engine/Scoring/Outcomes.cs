using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring
{
    /// <summary>What follows from the principles and the ledger: health, engagement, confidence, churn risk, lifetime value.</summary>
    internal static class Outcomes
    {
        private static readonly ScoreKind[] PrincipleKinds = { ScoreKind.Reciprocity, ScoreKind.Autonomy, ScoreKind.Integrity, ScoreKind.Loyalty, ScoreKind.Fairness };

        /// <summary>Health = the weighted mean of the known principles (weights renormalised); null below the policy's minimum.</summary>
        public static ScoreExplanation Health(IReadOnlyList<ScoreExplanation> five, RelationshipPolicy policy)
        {
            var h = policy.Health;
            var weights = new[] { h.ReciprocityWeight, h.AutonomyWeight, h.IntegrityWeight, h.LoyaltyWeight, h.FairnessWeight };
            var known = 0;
            var weightSum = 0m;
            for (var i = 0; i < 5; i++)
            {
                if (five[i].Value.HasValue && weights[i] > 0m)
                {
                    known++;
                    weightSum += weights[i];
                }
            }

            var factors = new List<Factor>();
            var unknownNames = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                if (!five[i].Value.HasValue || weights[i] <= 0m)
                {
                    unknownNames.Add(Word(PrincipleKinds[i]));
                }
            }

            if (known < policy.Evidence.MinimumKnownPrinciples || weightSum <= 0m)
            {
                // Name what each unknown principle lacks, so the user sees which columns to fill in.
                factors.Add(new Factor(ReasonCodes.MissingEvidence, 0m, known,
                    Principles.Number(known) + " of 5 principles known (" + Principles.Number(policy.Evidence.MinimumKnownPrinciples) + " needed)"));
                for (var i = 0; i < 5; i++)
                {
                    if (five[i].Value.HasValue)
                    {
                        continue;
                    }

                    foreach (var factor in five[i].Factors)
                    {
                        if (factor.IsMissingEvidence)
                        {
                            factors.Add(new Factor(ReasonCodes.MissingEvidence, 0m, factor.Count, Word(PrincipleKinds[i]) + " — " + factor.Facts));
                            break;
                        }
                    }
                }

                return new ScoreExplanation(ScoreKind.Health, null, 100m, factors);
            }

            var value = 0m;
            for (var i = 0; i < 5; i++)
            {
                if (!five[i].Value.HasValue || weights[i] <= 0m)
                {
                    continue;
                }

                var share = weights[i] / weightSum;
                value += share * five[i].Value!.Value;
                foreach (var factor in five[i].Factors)
                {
                    if (!factor.IsMissingEvidence)
                    {
                        factors.Add(new Factor(factor.Code, ScoreArithmetic.Round(factor.Contribution * share), factor.Count, Word(PrincipleKinds[i]) + ": " + factor.Facts, factor.Party));
                    }
                }
            }

            if (unknownNames.Count > 0)
            {
                factors.Add(new Factor(ReasonCodes.MissingEvidence, 0m, 5 - known, string.Join(", ", unknownNames) + " (too little recorded evidence)"));
            }

            return Principles.Reconciled(ScoreKind.Health, ScoreArithmetic.Score(value), factors);
        }

        /// <summary>How much and how recently the customer buys: half volume, half recency; null without a deal in the window.</summary>
        public static ScoreExplanation Engagement(LedgerReading reading, RelationshipPolicy policy)
        {
            if (!reading.NewestDealAge.HasValue)
            {
                return Principles.Unknown(ScoreKind.Engagement, new Factor(ReasonCodes.MissingEvidence, 0m, 0, "no deal of known value in the window"));
            }

            // Saturating but never capped: half the volume points at engagement.halfVolumeDeals recency-weighted deals.
            var valued = Math.Max(0m, reading.Decayed[DealSums.Deals] - reading.Decayed[DealSums.MissingValue]);
            var volume = valued / (valued + policy.Engagement.HalfVolumeDeals);
            var recency = Recency(reading, policy);
            var factors = new List<Factor>(2)
            {
                new Factor(ReasonCodes.DealVolume, ScoreArithmetic.Round(50m * volume), Valued(reading), Principles.DealsText(Valued(reading)) + " of known value in the window (" + Principles.Number(policy.Engagement.HalfVolumeDeals) + " recency-weighted give half the volume points)"),
                new Factor(ReasonCodes.DealRecency, ScoreArithmetic.Round(50m * recency), 0, reading.NewestDealAge.Value == 0 ? "a deal this month" : "last deal " + Principles.Number(reading.NewestDealAge.Value) + " months ago"),
            };
            return new ScoreExplanation(ScoreKind.Engagement, ScoreArithmetic.Score((50m * volume) + (50m * recency)), 0m, factors);
        }

        /// <summary>Confidence: 60 points for the share of principles known, 40 for the sample size.</summary>
        public static ScoreExplanation Confidence(IReadOnlyList<ScoreExplanation> five, LedgerReading reading, RelationshipPolicy policy)
        {
            var known = 0;
            foreach (var score in five)
            {
                known += score.Value.HasValue ? 1 : 0;
            }

            var deals = Principles.Count(reading.Raw[DealSums.Deals]);
            var sample = Math.Min(1m, (decimal)deals / policy.Confidence.FullConfidenceDealCount);
            var factors = new List<Factor>(2)
            {
                new Factor(ReasonCodes.KnownPrinciples, ScoreArithmetic.Round(60m * known / 5m), known, Principles.Number(known) + " of 5 principles known"),
                new Factor(ReasonCodes.SampleSize, ScoreArithmetic.Round(40m * sample), deals, Principles.DealsText(deals) + " in the window (" + Principles.Number(policy.Confidence.FullConfidenceDealCount) + " give full confidence)"),
            };
            return new ScoreExplanation(ScoreKind.Confidence, ScoreArithmetic.Score((60m * known / 5m) + (40m * sample)), 0m, factors);
        }

        /// <summary>
        /// The churn signals known for the account (each 0–1, with its policy coefficient); unknown signals are left
        /// out. <paramref name="health"/> is the account's health at <paramref name="asOf"/> (null when unknown).
        /// </summary>
        public static List<Signal> ChurnSignals(LedgerReading reading, AccountFacts account, decimal? health, DateTime asOf, RelationshipPolicy policy)
        {
            var c = policy.Churn;
            var d = reading.Decayed;
            var signals = new List<Signal>(8);
            // Both signals compare the 12 months up to the as-of instant with the 12 months before (LedgerReading.WonInYear).
            var recent = reading.WonInYear(0);
            var prior = reading.WonInYear(1);
            if (prior > 0m)
            {
                var decline = recent >= prior ? 0m : (prior - recent) / prior;
                signals.Add(new Signal(ReasonCodes.ValueDecline, c.ValueDeclineCoefficient, decline, "won value " + ExplanationText.Money(recent) + " in the last 12 months against " + ExplanationText.Money(prior) + " the 12 months before", Party.Customer));
            }

            // Lost business: the rise of the share of closed value lost against the year before. A customer that
            // always splits its business (a price shopper losing us 40 % of its closed value year after year) is not
            // leaving; one whose lost share climbs is placing more of its business elsewhere. Unknown (left out)
            // without closed value in both years.
            var lost = reading.LostInYear(0);
            var priorLost = reading.LostInYear(1);
            if (recent + lost > 0m && prior + priorLost > 0m)
            {
                var share = lost / (recent + lost);
                var priorShare = priorLost / (prior + priorLost);
                var rise = share > priorShare ? share - priorShare : 0m;
                signals.Add(new Signal(ReasonCodes.LostBusiness, c.LostBusinessCoefficient, rise, ExplanationText.Percent(share) + " of the last 12 months' closed value lost against " + ExplanationText.Percent(priorShare) + " the 12 months before", Party.Customer));
            }

            if (d[DealSums.CustomerUnits] > 0m)
            {
                var games = Principles.Share(d[DealSums.GameUnits], d[DealSums.CustomerUnits]);
                signals.Add(new Signal(ReasonCodes.CustomerGames, c.GamesCoefficient, games, "games on " + ExplanationText.Percent(games) + " of the value with recorded conduct", Party.Customer));
            }

            if (d[DealSums.PaymentUnits] > 0m)
            {
                var late = 1m - Principles.Share(d[DealSums.PaymentScoreUnits], d[DealSums.PaymentUnits]);
                signals.Add(new Signal(ReasonCodes.PaidLate, c.LatePaymentCoefficient, late, "late payments (" + Principles.Number(Principles.Count(reading.Raw[DealSums.LatePaymentDeals])) + " of " + Principles.DealsText(Principles.Count(reading.Raw[DealSums.PaymentDeals])) + ")", Party.Customer));
            }

            if (reading.Raw[DealSums.ExchangeDeals] > 0m)
            {
                var give = d[DealSums.Give];
                var get = d[DealSums.Get];
                var denominator = give + get + (d[DealSums.ExchangeValue] * policy.Reciprocity.TolerancePercent / 100m);
                var unreciprocated = give <= get || denominator <= 0m ? 0m : (give - get) / denominator;
                signals.Add(new Signal(ReasonCodes.UnreciprocatedConcessions, c.UnreciprocatedCoefficient, unreciprocated, "concessions not reciprocated (" + ExplanationText.Percent(unreciprocated) + " imbalance)", Party.Customer));
            }

            if (account.HasCustomerSponsor.HasValue)
            {
                signals.Add(new Signal(ReasonCodes.NoSponsor, c.NoSponsorCoefficient, account.HasCustomerSponsor.Value ? 0m : 1m, account.HasCustomerSponsor.Value ? "a customer sponsor" : "no customer sponsor", Party.Customer));
            }

            if (reading.NewestDealAge.HasValue)
            {
                var inactivity = 1m - Recency(reading, policy);
                signals.Add(new Signal(ReasonCodes.Inactivity, c.InactivityCoefficient, inactivity, reading.NewestDealAge.Value == 0 ? "a deal this month" : "last deal " + Principles.Number(reading.NewestDealAge.Value) + " months ago", Party.Customer));
            }

            var healthDecline = HealthDecline(health, account, asOf, policy);
            if (healthDecline != null)
            {
                signals.Add(healthDecline);
            }

            return signals;
        }

        /// <summary>
        /// Health declining: the drop in points against the trend baseline over <see cref="ChurnPolicy.HealthDeclineFullAt"/>
        /// (capped at 1; a rise or no change is 0). Null (left out) when the trend's change is unknown: no baseline, or
        /// one not about one trend window old (<see cref="HealthClassification.Change"/>), or health unknown now.
        /// </summary>
        private static Signal? HealthDecline(decimal? health, AccountFacts account, DateTime asOf, RelationshipPolicy policy)
        {
            var change = HealthClassification.Change(health, account, asOf, policy.Health);
            if (!change.HasValue)
            {
                return null;
            }

            var c = policy.Churn;
            var drop = change.Value < 0m ? -change.Value : 0m;
            var value = drop >= c.HealthDeclineFullAt ? 1m : drop / c.HealthDeclineFullAt;
            var days = (int)Math.Floor((asOf - account.TrendBaselineOn!.Value).TotalDays);
            var facts = "health " + ExplanationText.Number(health!.Value) + " against " + ExplanationText.Number(account.TrendBaselineHealth!.Value) + " at the trend baseline, " + Principles.Number(days) + " days ago";
            return new Signal(ReasonCodes.HealthDecline, c.HealthDeclineCoefficient, value, facts, Party.Relationship);
        }

        /// <summary>
        /// At risk from <see cref="ChurnPolicy.AtRiskFrom"/>; an account already at risk stays so until its churn risk
        /// falls below <see cref="ChurnPolicy.AtRiskClearsBelow"/>. An unknown churn risk is never at risk.
        /// </summary>
        public static bool IsAtRisk(decimal? churnRisk, bool? wasAtRisk, ChurnPolicy policy)
        {
            if (!churnRisk.HasValue)
            {
                return false;
            }

            return churnRisk.Value >= policy.AtRiskFrom || (wasAtRisk == true && churnRisk.Value >= policy.AtRiskClearsBelow);
        }

        /// <summary>Churn risk from the signals that precede lost business (logistic, policy coefficients); null below the minimum signals.</summary>
        public static ScoreExplanation ChurnRisk(LedgerReading reading, AccountFacts account, decimal? health, DateTime asOf, RelationshipPolicy policy)
        {
            var c = policy.Churn;
            var signals = ChurnSignals(reading, account, health, asOf, policy);
            var baseline = Logistic(c.Intercept);
            if (signals.Count < c.MinimumSignals)
            {
                return new ScoreExplanation(ScoreKind.ChurnRisk, null, baseline, new[]
                {
                    new Factor(ReasonCodes.MissingEvidence, 0m, signals.Count, Principles.Number(signals.Count) + " churn signals known (" + Principles.Number(c.MinimumSignals) + " needed)"),
                });
            }

            var z = c.Intercept;
            var linear = 0m;
            foreach (var s in signals)
            {
                z += s.Coefficient * s.Value;
                linear += s.Coefficient * s.Value;
            }

            var value = ScoreArithmetic.Score(Logistic(z));
            var factors = new List<Factor>(signals.Count);
            foreach (var s in signals)
            {
                // Each signal's share of the move from the baseline, in proportion to its term of z.
                var contribution = linear == 0m ? 0m : (value - baseline) * s.Coefficient * s.Value / linear;
                factors.Add(new Factor(s.Code, ScoreArithmetic.Round(contribution), 0, s.Facts, s.Party));
            }

            return new ScoreExplanation(ScoreKind.ChurnRisk, value, baseline, factors);
        }

        /// <summary>Annual margin × r / (1 + i − r), r = 1 − churn risk (clamped); null without a known margin or churn risk.</summary>
        public static LifetimeValueResult LifetimeValue(LedgerReading reading, decimal? churn, RelationshipPolicy policy)
        {
            var withMargin = reading.WonValueWithMarginLastYear;
            var margin = reading.WonMarginLastYear;

            if (withMargin <= 0m || !churn.HasValue)
            {
                return new LifetimeValueResult(null, withMargin <= 0m ? (decimal?)null : ScoreArithmetic.Round(margin), null);
            }

            var lv = policy.LifetimeValue;
            var r = 1m - (churn.Value / 100m);
            r = r < lv.MinimumRetention ? lv.MinimumRetention : r > lv.MaximumRetention ? lv.MaximumRetention : r;
            var annual = ScoreArithmetic.Round(margin);
            return new LifetimeValueResult(ScoreArithmetic.Round(annual * r / (1m + lv.DiscountRate - r)), annual, Math.Round(r, 4, MidpointRounding.AwayFromZero));
        }

        /// <summary>A churn signal (0–1) with its coefficient and the facts behind it.</summary>
        internal sealed class Signal
        {
            public Signal(string code, decimal coefficient, decimal value, string facts, Party party)
            {
                Code = code;
                Coefficient = coefficient;
                Value = value;
                Facts = facts;
                Party = party;
            }

            public string Code { get; }

            public decimal Coefficient { get; }

            public decimal Value { get; }

            public string Facts { get; }

            public Party Party { get; }
        }

        public static string Word(ScoreKind score) => score switch
        {
            ScoreKind.Reciprocity => "reciprocity",
            ScoreKind.Autonomy => "autonomy",
            ScoreKind.Integrity => "integrity",
            ScoreKind.Loyalty => "loyalty",
            ScoreKind.Fairness => "fairness",
            ScoreKind.Health => "health",
            ScoreKind.ChurnRisk => "churn risk",
            ScoreKind.Confidence => "confidence",
            ScoreKind.Engagement => "engagement",
            _ => "deal score",
        };

        private static int Valued(LedgerReading reading) => Principles.Count(reading.Raw[DealSums.Deals] - reading.Raw[DealSums.MissingValue]);

        private static decimal Recency(LedgerReading reading, RelationshipPolicy policy) =>
            reading.NewestDealAge.HasValue ? (decimal)Math.Pow(2.0, -reading.NewestDealAge.Value / (double)policy.Engagement.RecencyHalfLifeMonths) : 0m;

        private static decimal Logistic(decimal z) => (decimal)(100.0 / (1.0 + Math.Exp(-(double)z)));
    }
}

namespace DataverseRelationship.Engine.Scoring
{
    /// <summary>The lifetime value with the annual margin and retention it is based on (each null when unknown).</summary>
    internal sealed class LifetimeValueResult
    {
        public LifetimeValueResult(decimal? lifetimeValue, decimal? annualMargin, decimal? retention)
        {
            Value = lifetimeValue;
            AnnualMargin = annualMargin;
            Retention = retention;
        }

        public decimal? Value { get; }

        public decimal? AnnualMargin { get; }

        public decimal? Retention { get; }
    }
}
