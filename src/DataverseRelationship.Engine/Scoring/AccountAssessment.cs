using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Tiers;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>Everything the engine computes for one account at one instant, with its explanations.</summary>
public sealed record AccountAssessment
{
    public DateTime AsOf { get; init; }

    public RelationshipTier EffectiveTier { get; init; }

    public RelationshipTier EligibleTier { get; init; }

    public TierVerdict TierVerdict { get; init; } = new TierVerdict();

    /// <summary>Set when the effective tier differs from the account's recorded tier.</summary>
    public TierChange? TierChange { get; init; }

    /// <summary>The five principles, 0–100 against the ideal of 100; null when their recorded evidence is too thin.</summary>
    public decimal? Reciprocity { get; init; }

    public decimal? Autonomy { get; init; }

    public decimal? Integrity { get; init; }

    public decimal? Loyalty { get; init; }

    public decimal? Fairness { get; init; }

    /// <summary>Weighted mean of the known principles; null (band Insufficient evidence) when too few are known.</summary>
    public decimal? Health { get; init; }

    public HealthBand HealthBand { get; init; }

    /// <summary>Health now against health one trend window ago; null when either is unknown.</summary>
    public HealthTrend? HealthTrend { get; init; }

    /// <summary>Health now minus health one trend window ago; null when the trend is unknown.</summary>
    public decimal? HealthTrendChange { get; init; }

    /// <summary>How much and how recently the customer buys (reported beside the principles, never inside them).</summary>
    public decimal? Engagement { get; init; }

    /// <summary>Customer lifetime value: annual margin × r / (1 + i − r), rounded to 2 decimals; null without a known margin or churn risk.</summary>
    public decimal? LifetimeValue { get; init; }

    /// <summary>The margin won in the last 12 months (capped at the fair ceiling) the lifetime value is based on; null when no won deal had a margin.</summary>
    public decimal? AnnualMargin { get; init; }

    /// <summary>The retention rate r = 1 − churn risk (clamped) used for the lifetime value; null when churn risk is unknown.</summary>
    public decimal? RetentionRate { get; init; }

    /// <summary>0–100: the higher, the likelier the customer leaves; null when too few churn signals are known.</summary>
    public decimal? ChurnRisk { get; init; }

    /// <summary>Churn risk at or above the policy's at-risk threshold (never true when churn risk is unknown).</summary>
    public bool AtRisk { get; init; }

    /// <summary>0–100: how much of the evidence the scores need was recorded.</summary>
    public decimal Confidence { get; init; }

    /// <summary>Opportunities inside the window that the scores are based on.</summary>
    public int OpportunitiesConsidered { get; init; }

    /// <summary>Every score with its factors (Reciprocity … Confidence, Engagement).</summary>
    public IReadOnlyList<ScoreExplanation> Scores { get; init; } = Array.Empty<ScoreExplanation>();

    /// <summary>Short text: the health's main factors and the tier verdict.</summary>
    public string Explanation { get; init; } = string.Empty;

    public string PolicyVersion { get; init; } = string.Empty;

    /// <summary>The explanation of one score.</summary>
    public ScoreExplanation ExplanationOf(ScoreKind score)
    {
        foreach (var explanation in Scores)
        {
            if (explanation.Score == score)
            {
                return explanation;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(score), score, "This assessment does not carry that score.");
    }
}
