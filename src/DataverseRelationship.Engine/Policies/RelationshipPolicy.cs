using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Policies
{
    /// <summary>
    /// The one versioned policy document: every weight, threshold, window, half-life, tier criterion, discount cap and
    /// the enforce/warn switch. The property initialisers below are THE built-in defaults (the only place they live);
    /// <see cref="RelationshipPolicyJson"/> reads and writes the document and <see cref="PolicySchema"/> validates it.
    /// </summary>
    public sealed record RelationshipPolicy
    {
        /// <summary>The built-in default policy.</summary>
        public static RelationshipPolicy Default { get; } = new RelationshipPolicy();

        /// <summary>Recorded with every computed result.</summary>
        public string Version { get; init; } = "1.0.0-default";

        public ScoringPolicy Scoring { get; init; } = new ScoringPolicy();

        public ReciprocityPolicy Reciprocity { get; init; } = new ReciprocityPolicy();

        public AutonomyPolicy Autonomy { get; init; } = new AutonomyPolicy();

        public IntegrityPolicy Integrity { get; init; } = new IntegrityPolicy();

        public LoyaltyPolicy Loyalty { get; init; } = new LoyaltyPolicy();

        public FairnessPolicy Fairness { get; init; } = new FairnessPolicy();

        public HealthPolicy Health { get; init; } = new HealthPolicy();

        public LifetimeValuePolicy LifetimeValue { get; init; } = new LifetimeValuePolicy();

        public ChurnPolicy Churn { get; init; } = new ChurnPolicy();

        public ConfidencePolicy Confidence { get; init; } = new ConfidencePolicy();

        public TierPolicy Tiers { get; init; } = new TierPolicy();

        public DealPolicy Deals { get; init; } = new DealPolicy();

        /// <summary>Throws <see cref="PolicyValidationException"/> naming the first invalid field and the reason.</summary>
        public void Validate() => PolicySchema.Validate(this);
    }

    /// <summary>Which deals count and how fast they age.</summary>
    public sealed record ScoringPolicy
    {
        /// <summary>Deals older than this (by close date, or creation date for open deals) are ignored.</summary>
        public int WindowMonths { get; init; } = 36;

        /// <summary>A deal this old weighs half as much as a deal closed today.</summary>
        public decimal HalfLifeMonths { get; init; } = 12m;

        /// <summary>Weight of the neutral prior (50) in mean-based scores: with few deals, scores stay near neutral.</summary>
        public decimal PriorDealWeight { get; init; } = 1m;
    }

    /// <summary>Points per concession and per commitment for the give/get ledger.</summary>
    public sealed record ReciprocityPolicy
    {
        public decimal DiscountPoints { get; init; } = 1m;

        public decimal ExtendedPaymentTermsPoints { get; init; } = 1m;

        public decimal FreeServicesPoints { get; init; } = 1m;

        public decimal AcceptedRiskPoints { get; init; } = 1.5m;

        public decimal CustomWorkPoints { get; init; } = 1m;

        public decimal VolumePoints { get; init; } = 1m;

        public decimal MultiYearTermPoints { get; init; } = 1.5m;

        public decimal PrepaymentPoints { get; init; } = 1m;

        public decimal ReferenceCasePoints { get; init; } = 0.5m;

        public decimal JointInvestmentPoints { get; init; } = 1.5m;

        public decimal ForecastSharingPoints { get; init; } = 0.5m;
    }

    /// <summary>Autonomy points a deal loses per procurement tactic (a deal never goes below 0).</summary>
    public sealed record AutonomyPolicy
    {
        public decimal ReverseAuctionPenalty { get; init; } = 15m;

        public decimal PriceBenchmarkingDuringContractPenalty { get; init; } = 15m;

        public decimal EarlyRenegotiationPenalty { get; init; } = 20m;

        public decimal DiscountDemandedAfterAwardPenalty { get; init; } = 30m;

        public decimal PaymentWithholdingPenalty { get; init; } = 30m;

        public decimal UnilateralRiskTransferPenalty { get; init; } = 40m;

        public decimal OneSidedConcessionDemandPenalty { get; init; } = 40m;
    }

    /// <summary>Consistency: discount dispersion within size bands, promises kept, payments on time.</summary>
    public sealed record IntegrityPolicy
    {
        public decimal DiscountConsistencyWeight { get; init; } = 1m;

        public decimal PromisesKeptWeight { get; init; } = 1m;

        public decimal PaymentsOnTimeWeight { get; init; } = 1m;

        /// <summary>Deals of at least this value are in the medium size band.</summary>
        public decimal MediumDealFrom { get; init; } = 50000m;

        /// <summary>Deals of at least this value are in the large size band.</summary>
        public decimal LargeDealFrom { get; init; } = 250000m;

        /// <summary>Consistency points lost per percentage point of discount standard deviation within a size band.</summary>
        public decimal DispersionPenaltyPerPoint { get; init; } = 5m;

        public int PaymentGraceDays { get; init; } = 5;

        /// <summary>Points a payment loses per day late beyond the grace period.</summary>
        public decimal PaymentPenaltyPerDay { get; init; } = 2m;
    }

    /// <summary>Loyalty: tenure, repeat wins, win rate, recency of the last win, revenue trend (weights are normalised).</summary>
    public sealed record LoyaltyPolicy
    {
        public decimal TenureWeight { get; init; } = 0.25m;

        public decimal RepeatWinsWeight { get; init; } = 0.2m;

        public decimal WinRateWeight { get; init; } = 0.2m;

        public decimal LastWinRecencyWeight { get; init; } = 0.2m;

        public decimal RevenueTrendWeight { get; init; } = 0.15m;

        /// <summary>Tenure at which the tenure component is full.</summary>
        public int TenureSaturationMonths { get; init; } = 60;

        /// <summary>Decayed number of won deals at which the repeat-wins component is full.</summary>
        public decimal RepeatWinSaturation { get; init; } = 5m;

        /// <summary>The last win's recency component halves every this many months.</summary>
        public decimal LastWinHalfLifeMonths { get; init; } = 6m;
    }

    /// <summary>The fair price band on seller margin.</summary>
    public sealed record FairnessPolicy
    {
        public decimal MarginFloorPercent { get; init; } = 10m;

        public decimal MarginCeilingPercent { get; init; } = 40m;

        /// <summary>Margin points outside the band at which a deal's fairness reaches 0.</summary>
        public decimal TolerancePercent { get; init; } = 10m;
    }

    /// <summary>Health: weights of the five scores, bands and trend.</summary>
    public sealed record HealthPolicy
    {
        public decimal ReciprocityWeight { get; init; } = 1m;

        public decimal AutonomyWeight { get; init; } = 1m;

        public decimal IntegrityWeight { get; init; } = 1m;

        public decimal LoyaltyWeight { get; init; } = 1m;

        public decimal FairnessWeight { get; init; } = 1m;

        /// <summary>Health at or above this is Good.</summary>
        public decimal GoodFrom { get; init; } = 60m;

        /// <summary>Health at or above this (and below Good) is Fair; below it, Poor.</summary>
        public decimal FairFrom { get; init; } = 40m;

        /// <summary>A change smaller than this against the previous health is Steady.</summary>
        public decimal SteadyMargin { get; init; } = 2m;
    }

    /// <summary>Customer lifetime value = annual margin × r / (1 + i − r).</summary>
    public sealed record LifetimeValuePolicy
    {
        /// <summary>The discount rate i.</summary>
        public decimal DiscountRate { get; init; } = 0.10m;

        /// <summary>Retention r at loyalty 0 (r is interpolated by loyalty unless set per tier).</summary>
        public decimal RetentionAtZeroLoyalty { get; init; } = 0.50m;

        /// <summary>Retention r at loyalty 100.</summary>
        public decimal RetentionAtFullLoyalty { get; init; } = 0.95m;

        /// <summary>Fixed retention for Transactional accounts; null = derived from loyalty.</summary>
        public decimal? TransactionalRetention { get; init; }

        /// <summary>Fixed retention for Preferred accounts; null = derived from loyalty.</summary>
        public decimal? PreferredRetention { get; init; }

        /// <summary>Fixed retention for Strategic partners; null = derived from loyalty.</summary>
        public decimal? StrategicPartnerRetention { get; init; }
    }

    /// <summary>Churn risk = 100 − weighted mean of loyalty and health.</summary>
    public sealed record ChurnPolicy
    {
        public decimal LoyaltyWeight { get; init; } = 0.6m;

        public decimal HealthWeight { get; init; } = 0.4m;
    }

    /// <summary>Confidence: how complete the inputs were.</summary>
    public sealed record ConfidencePolicy
    {
        /// <summary>Deals in the window at which the sample-size part of confidence is full.</summary>
        public int FullConfidenceDealCount { get; init; } = 10;
    }

    /// <summary>Tier criteria, hysteresis and dwell time.</summary>
    public sealed record TierPolicy
    {
        /// <summary>Score points below a tier's loyalty/fairness thresholds an account may fall before it is demoted.</summary>
        public decimal HysteresisMargin { get; init; } = 5m;

        /// <summary>Days an account stays in a tier before it can be demoted.</summary>
        public int MinimumDwellDays { get; init; } = 90;

        /// <summary>The longest a manual tier override may last, in days from when it is set.</summary>
        public int MaximumOverrideDays { get; init; } = 365;

        public TierCriteria Preferred { get; init; } = new TierCriteria();

        /// <summary>A strategic partner must also meet the Preferred criteria.</summary>
        public TierCriteria StrategicPartner { get; init; } = new TierCriteria
        {
            MinimumKeyContacts = 3,
            MinimumWonValue = 250000m,
            MinimumLoyalty = 65m,
            MinimumFairness = 60m,
            MinimumRelationshipMonths = 24,
            RequireExecutiveSponsors = true,
            RequireJointAccountPlan = true,
        };
    }

    /// <summary>Entry criteria of one tier above Transactional. The initialisers are the Preferred defaults.</summary>
    public sealed record TierCriteria
    {
        /// <summary>Engaged key contacts (decision makers, influencers).</summary>
        public int MinimumKeyContacts { get; init; } = 2;

        /// <summary>Won business within <see cref="WonValueMonths"/>.</summary>
        public decimal MinimumWonValue { get; init; } = 50000m;

        public int WonValueMonths { get; init; } = 24;

        public decimal MinimumLoyalty { get; init; } = 50m;

        public decimal MinimumFairness { get; init; } = 50m;

        public int MinimumRelationshipMonths { get; init; } = 6;

        /// <summary>An executive sponsor on both sides.</summary>
        public bool RequireExecutiveSponsors { get; init; }

        /// <summary>A written joint account plan reviewed within <see cref="JointPlanMaxAgeMonths"/>.</summary>
        public bool RequireJointAccountPlan { get; init; }

        public int JointPlanMaxAgeMonths { get; init; } = 12;
    }

    /// <summary>Tier benefits on deals: discount caps, the reciprocity requirement and the enforce/warn switch.</summary>
    public sealed record DealPolicy
    {
        public TierRuleMode Mode { get; init; } = TierRuleMode.Enforce;

        public decimal TransactionalDiscountCap { get; init; } = 5m;

        public decimal PreferredDiscountCap { get; init; } = 10m;

        public decimal StrategicPartnerDiscountCap { get; init; } = 15m;

        /// <summary>Commitments that reciprocate a discount above the cap (any one of them suffices).</summary>
        public Commitments AcceptedCommitments { get; init; } = Commitments.MultiYearTerm | Commitments.Volume;

        public decimal ReciprocityWeight { get; init; } = 0.4m;

        public decimal PriceBandWeight { get; init; } = 0.35m;

        public decimal ConductWeight { get; init; } = 0.25m;

        /// <summary>The discount cap for <paramref name="tier"/>.</summary>
        public decimal DiscountCapFor(RelationshipTier tier) => tier switch
        {
            RelationshipTier.StrategicPartner => StrategicPartnerDiscountCap,
            RelationshipTier.Preferred => PreferredDiscountCap,
            _ => TransactionalDiscountCap,
        };
    }
}
