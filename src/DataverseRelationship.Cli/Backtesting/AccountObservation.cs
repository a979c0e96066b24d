using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// One account at one as-of date: what the engine said then, the naive baselines from the period before, and what
/// happened over the horizon after. A score the engine left unknown (insufficient evidence) is null here too.
/// </summary>
public sealed record AccountObservation
{
    public required Guid AccountId { get; init; }

    public required string AccountName { get; init; }

    /// <summary>The as-of date the account was scored at.</summary>
    public required DateTime AsOf { get; init; }

    /// <summary>The engine's assessment at <see cref="AsOf"/> from the deals as known then.</summary>
    public required AccountAssessment Assessment { get; init; }

    /// <summary>The churn signals the engine knew at <see cref="AsOf"/> (what calibration fits).</summary>
    public required IReadOnlyList<ChurnSignal> ChurnSignals { get; init; }

    /// <summary>The facts the assessment was computed from (calibration re-scores them under a fitted policy).</summary>
    public required AccountFacts Facts { get; init; }

    /// <summary>The deals as known at <see cref="AsOf"/>.</summary>
    public required IReadOnlyList<OpportunityFacts?> Deals { get; init; }

    /// <summary>Baseline: value won in the period of the horizon's length before <see cref="AsOf"/>.</summary>
    public required decimal PreviousWonValue { get; init; }

    /// <summary>Value won in the period of the same length before that one (what <see cref="WonValueChange"/> compares with).</summary>
    public required decimal EarlierWonValue { get; init; }

    /// <summary>
    /// Baseline: the recent change in won value, (previous − earlier) ÷ (previous + earlier), from −1 (all business
    /// of the earlier period gone) to +1 (all new); null when neither period won anything (no change to speak of).
    /// Relative, because the churn outcome is relative to the account's own past.
    /// </summary>
    public double? WonValueChange => PreviousWonValue + EarlierWonValue == 0m
        ? null
        : (double)((PreviousWonValue - EarlierWonValue) / (PreviousWonValue + EarlierWonValue));

    /// <summary>Baseline: won ÷ closed deals in that period; null when none closed.</summary>
    public required double? PreviousWinRate { get; init; }

    /// <summary>Baseline: deals created in that period.</summary>
    public required int PreviousDealCount { get; init; }

    /// <summary>Value won over the horizon after <see cref="AsOf"/>.</summary>
    public required decimal NextWonValue { get; init; }

    /// <summary>Won ÷ closed deals over the horizon; null when none closed.</summary>
    public required double? NextWinRate { get; init; }

    /// <summary>Value lost over the horizon: the estimated value of the deals lost (their actual value when none was estimated).</summary>
    public required decimal NextLostValue { get; init; }

    /// <summary>No deal created and none won over the horizon (or the account was deleted).</summary>
    public required bool WentQuiet { get; init; }

    /// <summary>The churn outcome (<see cref="ChurnOutcome"/>): went quiet, or won less than a fraction of the previous period.</summary>
    public bool Churned { get; init; }

    /// <summary>The secondary, size outcome: next won value in the bottom quartile of the as-of date's accounts, or went quiet.</summary>
    public bool InBottomQuartile { get; init; }
}
