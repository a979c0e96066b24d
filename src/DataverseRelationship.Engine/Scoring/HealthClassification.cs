using System;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring;

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
    /// Health now against health one trend window ago (the score snapshot the scheduled recalculation chose as the
    /// baseline): the change, and Improving / Steady / Declining by the policy's margin. Unknown (null) when health
    /// is unknown, when there is no baseline, or when the baseline is not about one window old (taken less than one
    /// window or more than two windows ago): absence of history is not a steady trend.
    /// </summary>
    public static HealthTrend? Trend(decimal? health, AccountFacts account, DateTime asOf, HealthPolicy policy, out decimal? change)
    {
        change = Change(health, account, asOf, policy);
        if (!change.HasValue)
        {
            return null;
        }

        return Math.Abs(change.Value) < policy.SteadyMargin ? HealthTrend.Steady
            : change.Value > 0m ? HealthTrend.Improving
            : HealthTrend.Declining;
    }

    /// <summary>
    /// Health now minus the trend baseline's health, what <see cref="Trend"/> classifies (and the churn signal
    /// "health declining" reads): null when health or the baseline is unknown, or the baseline was taken less than
    /// one window or more than two windows before <paramref name="asOf"/>.
    /// </summary>
    public static decimal? Change(decimal? health, AccountFacts account, DateTime asOf, HealthPolicy policy)
    {
        Argument.NotNull(account, nameof(account));
        Argument.NotNull(policy, nameof(policy));
        if (!health.HasValue || !account.TrendBaselineHealth.HasValue || !account.TrendBaselineOn.HasValue)
        {
            return null;
        }

        var age = (asOf - account.TrendBaselineOn.Value).TotalDays;
        if (age < policy.TrendWindowDays || age > 2.0 * policy.TrendWindowDays)
        {
            return null;
        }

        return health.Value - account.TrendBaselineHealth.Value;
    }
}
