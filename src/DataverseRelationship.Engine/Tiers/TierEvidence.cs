namespace DataverseRelationship.Engine.Tiers;

/// <summary>
/// What the tier criteria are measured on, taken from the account, its deals and its scores, each rounded as it is
/// printed (the number printed is the number compared). Null means unknown: it never qualifies an account for a
/// higher tier and never demotes it by itself.
/// </summary>
public sealed record TierEvidence
{
    public int? KeyContacts { get; init; }

    /// <summary>Won value within the Preferred criteria's won-value window.</summary>
    public decimal PreferredWonValue { get; init; }

    /// <summary>Won value within the Strategic partner criteria's won-value window.</summary>
    public decimal StrategicWonValue { get; init; }

    public decimal? Health { get; init; }

    public decimal? Reciprocity { get; init; }

    public decimal? Autonomy { get; init; }

    public decimal? Integrity { get; init; }

    public decimal? Loyalty { get; init; }

    public decimal? Fairness { get; init; }

    /// <summary>Percent of the window's deals with recorded customer conduct that carried a game, rounded to 1 decimal; null when no deal's conduct was recorded.</summary>
    public decimal? GameSharePercent { get; init; }

    /// <summary>How many deals carried a game (for the text).</summary>
    public int GameDeals { get; init; }

    /// <summary>How many deals had their customer conduct recorded (for the text).</summary>
    public int ConductDeals { get; init; }

    public decimal Confidence { get; init; }

    public decimal RelationshipMonths { get; init; }

    /// <summary>An executive sponsor on both sides; null when either side is not recorded.</summary>
    public bool? HasExecutiveSponsors { get; init; }

    /// <summary>Whether a joint plan is recorded at all; null when not recorded.</summary>
    public bool? HasJointAccountPlan { get; init; }

    /// <summary>Months since the joint account plan was last reviewed; null when there is no plan or no review.</summary>
    public decimal? JointPlanAgeMonths { get; init; }
}
