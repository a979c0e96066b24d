using System;

namespace DataverseRelationship.Engine.Model;

/// <summary>
/// The relationship facts of one account, mapped from the account row and its key contacts. A fact nobody recorded
/// is null: it neither qualifies the account for a tier nor counts against it.
/// </summary>
public sealed record AccountFacts
{
    /// <summary>When the relationship started; the account's creation date is used when absent.</summary>
    public DateTime? RelationshipSince { get; init; }

    public DateTime CreatedOn { get; init; }

    /// <summary>Active key contacts (decision makers and influencers); null when contact roles are not recorded.</summary>
    public int? KeyContactCount { get; init; }

    /// <summary>An executive sponsor on the customer's side; null when not recorded.</summary>
    public bool? HasCustomerSponsor { get; init; }

    /// <summary>An executive sponsor on the seller's side; null when not recorded.</summary>
    public bool? HasSellerSponsor { get; init; }

    /// <summary>A written joint account plan exists; null when not recorded.</summary>
    public bool? HasJointAccountPlan { get; init; }

    public DateTime? JointPlanReviewedOn { get; init; }

    /// <summary>The tier recorded on the account; null when it has never been assessed.</summary>
    public RelationshipTier? CurrentTier { get; init; }

    /// <summary>When the recorded tier last changed; no automatic change happens within the dwell time after it.</summary>
    public DateTime? TierChangedOn { get; init; }

    /// <summary>When the account was last demoted; a promotion waits the policy's cool-down after it.</summary>
    public DateTime? LastDemotedOn { get; init; }

    /// <summary>A manual tier override, active until it expires.</summary>
    public TierOverride? Override { get; init; }

    /// <summary>
    /// The health of the score snapshot taken about one trend window ago, which the trend compares with; null when
    /// there is no history that old.
    /// </summary>
    public decimal? TrendBaselineHealth { get; init; }

    /// <summary>When that snapshot was taken.</summary>
    public DateTime? TrendBaselineOn { get; init; }

    /// <summary>Whether the account was listed as at risk when it was last assessed; null when never assessed or unknown.</summary>
    public bool? WasAtRisk { get; init; }
}

/// <summary>A manual tier override: the rules respect it until <see cref="ExpiresOn"/>.</summary>
public sealed record TierOverride
{
    public RelationshipTier Tier { get; init; }

    public string? Reason { get; init; }

    /// <summary>The override applies while asOf is before this instant; an override without expiry never applies.</summary>
    public DateTime? ExpiresOn { get; init; }

    /// <summary>Who set the override (user name or id).</summary>
    public string? SetBy { get; init; }

    /// <summary>Whether the override applies at <paramref name="asOf"/>.</summary>
    public bool IsActiveAt(DateTime asOf) => ExpiresOn.HasValue && asOf < ExpiresOn.Value;
}
