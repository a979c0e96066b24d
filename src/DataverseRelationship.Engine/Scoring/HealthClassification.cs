using System;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring
{
    /// <summary>The health band and trend rules.</summary>
    public static class HealthClassification
    {
        /// <summary>Good from GoodFrom, Fair from FairFrom, Poor below; Insufficient evidence when health is unknown.</summary>
        public static HealthBand Band(decimal? health, HealthPolicy policy)
        {
            Argument.NotNull(policy, nameof(policy));
            return !health.HasValue ? HealthBand.InsufficientEvidence
                : health.Value >= policy.GoodFrom ? HealthBand.Good
                : health.Value >= policy.FairFrom ? HealthBand.Fair
                : HealthBand.Poor;
        }

        /// <summary>
        /// The direction of health against the health recorded at the previous assessment; null when either is unknown.
        /// Idempotent: an unchanged health keeps the previous trend, so recomputing writes nothing new.
        /// </summary>
        public static HealthTrend? Trend(decimal? health, AccountFacts account, HealthPolicy policy)
        {
            Argument.NotNull(account, nameof(account));
            Argument.NotNull(policy, nameof(policy));
            if (!health.HasValue)
            {
                return null;
            }

            if (!account.PreviousHealth.HasValue)
            {
                return account.PreviousTrend;
            }

            var change = health.Value - account.PreviousHealth.Value;
            if (change == 0m)
            {
                return account.PreviousTrend;
            }

            if (Math.Abs(change) < policy.SteadyMargin)
            {
                return HealthTrend.Steady;
            }

            return change > 0m ? HealthTrend.Improving : HealthTrend.Declining;
        }
    }
}
