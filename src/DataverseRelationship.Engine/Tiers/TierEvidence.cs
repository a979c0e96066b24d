namespace DataverseRelationship.Engine.Tiers
{
    /// <summary>What the tier criteria are measured on, taken from the account, its deals and its scores.</summary>
    public sealed record TierEvidence
    {
        public int KeyContacts { get; init; }

        /// <summary>Won value within the Preferred criteria's won-value window.</summary>
        public decimal PreferredWonValue { get; init; }

        /// <summary>Won value within the Strategic partner criteria's won-value window.</summary>
        public decimal StrategicWonValue { get; init; }

        public decimal Loyalty { get; init; }

        public decimal Fairness { get; init; }

        public decimal RelationshipMonths { get; init; }

        /// <summary>An executive sponsor on both sides.</summary>
        public bool HasExecutiveSponsors { get; init; }

        /// <summary>Months since the joint account plan was last reviewed; null when there is no plan or no review.</summary>
        public decimal? JointPlanAgeMonths { get; init; }
    }
}
