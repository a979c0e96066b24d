using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Tiers;

/// <summary>The tier criteria an account was measured against.</summary>
public enum TierCriterion
{
    KeyContacts = 0,
    WonValue = 1,
    Loyalty = 2,
    Fairness = 3,
    RelationshipMonths = 4,
    ExecutiveSponsors = 5,
    JointAccountPlan = 6,
    Health = 7,
    Reciprocity = 8,
    Autonomy = 9,
    Integrity = 10,
    GameShare = 11,
    Confidence = 12,
}

/// <summary>One criterion of one tier: the actual value against the required one.</summary>
public sealed record TierCriterionResult
{
    public RelationshipTier Tier { get; init; }

    public TierCriterion Criterion { get; init; }

    /// <summary>The criterion is met for entry (never when its evidence is unknown).</summary>
    public bool Passed { get; init; }

    /// <summary>The criterion's evidence is recorded; an unknown criterion blocks entry but never forces a demotion.</summary>
    public bool Known { get; init; } = true;

    /// <summary>The criterion is met well enough to stay (the hysteresis threshold), or unknown.</summary>
    public bool Stays { get; init; }

    /// <summary>The account's value as printed and compared (1/0 for yes/no criteria); null when unknown.</summary>
    public decimal? Actual { get; init; }

    /// <summary>What the tier requires to enter (1 for yes/no criteria).</summary>
    public decimal Required { get; init; }

    /// <summary>What the tier requires to stay (the entry requirement less its hysteresis).</summary>
    public decimal RequiredToStay { get; init; }

    /// <summary>For a maximum (customer-game deals) the actual value must not exceed the requirement.</summary>
    public bool IsMaximum { get; init; }

    /// <summary>How far the actual value is from the entry requirement; positive = margin, negative = shortfall; null when unknown.</summary>
    public decimal? Margin => Actual.HasValue ? (IsMaximum ? Required - Actual.Value : Actual.Value - Required) : (decimal?)null;

    /// <summary>E.g. "Preferred: loyalty 42 below the 50 required (short by 8)"; worked out when first read.</summary>
    public string Text
    {
        get => _text ??= _describe?.Invoke() ?? string.Empty;
        init => _text = value;
    }

    /// <summary>
    /// Words the criterion's <see cref="Text"/> when first read: most criteria of an assessment are never shown, and
    /// formatting their numbers was a large share of the engine's time.
    /// </summary>
    internal Func<string> Describe
    {
        init => _describe = value;
    }

    private readonly Func<string>? _describe;
    private string? _text;

    /// <summary>Two results are equal when they say the same, whatever wording is still to be done.</summary>
    public bool Equals(TierCriterionResult? other) =>
        other is not null && Tier == other.Tier && Criterion == other.Criterion && Passed == other.Passed && Known == other.Known
        && Stays == other.Stays && Actual == other.Actual && Required == other.Required && RequiredToStay == other.RequiredToStay
        && IsMaximum == other.IsMaximum && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override int GetHashCode() =>
        (((int)Tier * 397) ^ (int)Criterion) ^ StringComparer.Ordinal.GetHashCode(Text);
}

/// <summary>Why the account has its tier: every criterion per tier and the rule that decided.</summary>
public sealed record TierVerdict
{
    /// <summary>The highest tier whose entry criteria all pass.</summary>
    public RelationshipTier EligibleTier { get; init; }

    /// <summary>The tier after hysteresis, dwell time, one-step demotion and overrides.</summary>
    public RelationshipTier EffectiveTier { get; init; }

    public IReadOnlyList<TierCriterionResult> Criteria { get; init; } = Array.Empty<TierCriterionResult>();

    /// <summary>The reason code of the rule that decided, one of the tier codes in ReasonCodes.</summary>
    public string DecidedBy { get; init; } = string.Empty;

    public bool OverrideActive { get; init; }

    /// <summary>Short text: which rule decided and which criteria failed by how much.</summary>
    public string Text { get; init; } = string.Empty;
}

/// <summary>A change of the effective tier against the tier recorded on the account.</summary>
public sealed record TierChange
{
    /// <summary>The recorded tier; null when the account had never been assessed.</summary>
    public RelationshipTier? From { get; init; }

    public RelationshipTier To { get; init; }

    public TierChangeKind Kind { get; init; }

    public string Reason { get; init; } = string.Empty;
}
