using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Deals;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Engine.Tiers;

namespace DataverseRelationship.Engine
{
    /// <summary>
    /// The engine's entry points. Pure and deterministic: the clock is the <c>asOf</c> argument, the policy is an
    /// argument, and the same inputs (in any order) give the same result.
    /// </summary>
    public static class RelationshipEngine
    {
        /// <summary>Scores an account, decides its tier and explains both.</summary>
        public static AccountAssessment AssessAccount(
            AccountFacts account,
            IReadOnlyList<OpportunityFacts?>? opportunities,
            DateTime asOf,
            RelationshipPolicy policy)
        {
            Argument.NotNull(account, nameof(account));
            Argument.NotNull(policy, nameof(policy));
            var parameters = new ScoringParameters(policy);
            var ledger = new OpportunityLedger(parameters, asOf);
            if (opportunities != null)
            {
                ledger.AddAll(opportunities);
            }

            var reciprocity = AccountScoring.Reciprocity(ledger, parameters);
            var autonomy = AccountScoring.Autonomy(ledger, parameters);
            var integrity = AccountScoring.Integrity(ledger, parameters);
            var loyalty = AccountScoring.Loyalty(ledger, account, asOf, parameters);
            var fairness = AccountScoring.Fairness(ledger, parameters);
            var five = new[] { reciprocity, autonomy, integrity, loyalty, fairness };
            var health = AccountScoring.Health(five, policy);

            var evidence = new TierEvidence
            {
                KeyContacts = account.KeyContactCount < 0 ? 0 : account.KeyContactCount,
                PreferredWonValue = ledger.PreferredWonValue,
                StrategicWonValue = ledger.StrategicWonValue,
                Loyalty = loyalty.Value,
                Fairness = fairness.Value,
                RelationshipMonths = ScoreArithmetic.FromDouble(AccountScoring.RelationshipMonths(account, asOf)),
                HasExecutiveSponsors = account.HasCustomerSponsor && account.HasSellerSponsor,
                JointPlanAgeMonths = JointPlanAge(account, asOf),
            };
            var decision = TierRules.Decide(evidence, account, asOf, policy.Tiers);
            var tier = decision.Verdict.EffectiveTier;

            var retention = AccountScoring.Retention(loyalty.Value, tier, policy.LifetimeValue);
            var churn = AccountScoring.ChurnRisk(loyalty.Value, health.Value, policy.Churn);
            var confidence = AccountScoring.Confidence(ledger, account, policy.Confidence);
            var band = HealthClassification.Band(health.Value, policy.Health);
            var trend = HealthClassification.Trend(health.Value, account, policy.Health);

            return new AccountAssessment
            {
                AsOf = asOf,
                EffectiveTier = tier,
                EligibleTier = decision.Verdict.EligibleTier,
                TierVerdict = decision.Verdict,
                TierChange = decision.Change,
                Reciprocity = reciprocity.Value,
                Autonomy = autonomy.Value,
                Integrity = integrity.Value,
                Loyalty = loyalty.Value,
                Fairness = fairness.Value,
                Health = health.Value,
                HealthBand = band,
                HealthTrend = trend,
                AnnualMargin = ScoreArithmetic.Round(ledger.AnnualMargin),
                RetentionRate = retention,
                LifetimeValue = AccountScoring.LifetimeValue(ledger.AnnualMargin, retention, policy.LifetimeValue),
                ChurnRisk = churn.Value,
                Confidence = confidence.Value,
                OpportunitiesConsidered = ledger.Considered,
                Scores = new[] { reciprocity, autonomy, integrity, loyalty, fairness, health, churn, confidence },
                Explanation = "Health " + ExplanationText.Number(health.Value) + " (" + band.ToString() + ", " + trend.ToString() + "): "
                    + health.Text + ". Tier: " + decision.Verdict.Text,
                PolicyVersion = policy.Version,
            };
        }

        /// <summary>Deal fairness and the tier rule for one opportunity of an account in <paramref name="accountTier"/>.</summary>
        public static DealAssessment AssessDeal(OpportunityFacts opportunity, RelationshipTier accountTier, DateTime asOf, RelationshipPolicy policy)
        {
            Argument.NotNull(opportunity, nameof(opportunity));
            Argument.NotNull(policy, nameof(policy));
            var assessment = DealFairness.Assess(opportunity, accountTier, new ScoringParameters(policy));
            return assessment with { AsOf = asOf };
        }

        private static decimal? JointPlanAge(AccountFacts account, DateTime asOf)
        {
            if (!account.HasJointAccountPlan || !account.JointPlanReviewedOn.HasValue)
            {
                return null;
            }

            var reviewed = account.JointPlanReviewedOn.Value;
            return reviewed >= asOf ? 0m : ScoreArithmetic.FromDouble((asOf - reviewed).TotalDays / ScoringParameters.DaysPerMonth);
        }
    }
}
