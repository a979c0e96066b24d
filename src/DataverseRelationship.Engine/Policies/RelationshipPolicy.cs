using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Policies;

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
    public string Version { get; init; } = "2.6.0-default";

    public ScoringPolicy Scoring { get; init; } = new ScoringPolicy();

    public EvidencePolicy Evidence { get; init; } = new EvidencePolicy();

    public ReciprocityPolicy Reciprocity { get; init; } = new ReciprocityPolicy();

    public AutonomyPolicy Autonomy { get; init; } = new AutonomyPolicy();

    public IntegrityPolicy Integrity { get; init; } = new IntegrityPolicy();

    public LoyaltyPolicy Loyalty { get; init; } = new LoyaltyPolicy();

    public FairnessPolicy Fairness { get; init; } = new FairnessPolicy();

    public HealthPolicy Health { get; init; } = new HealthPolicy();

    /// <summary>The score history the trend reads.</summary>
    public HistoryPolicy History { get; init; } = new HistoryPolicy();

    public EngagementPolicy Engagement { get; init; } = new EngagementPolicy();

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
    /// <summary>Deals older than this (by close date, or creation date for open deals), in calendar months, are ignored.</summary>
    public int WindowMonths { get; init; } = 36;

    /// <summary>A deal this many months old weighs half as much as a deal of the current month.</summary>
    /// <remarks>
    /// Six months (policy 2.3.0): a deal two years old weighs 1/16 (seed 004: what created value two years ago may
    /// create none today) and the last 90 days about 30 % of the window, so a turn in conduct shows in the trend.
    /// </remarks>
    public decimal HalfLifeMonths { get; init; } = 6m;
}

/// <summary>How much recorded evidence a score needs before it is known (below it, the score is null).</summary>
public sealed record EvidencePolicy
{
    /// <summary>Deals with a recorded exchange (concessions or discount, and commitments, and a value).</summary>
    public int MinimumReciprocityDeals { get; init; } = 3;

    /// <summary>Deals with recorded conduct of either side.</summary>
    public int MinimumAutonomyDeals { get; init; } = 3;

    /// <summary>Recorded consistency items: discounts in a size band, deliveries, payments, seller conduct.</summary>
    public int MinimumIntegrityItems { get; init; } = 3;

    /// <summary>Known loyalty components (tenure, retention, stability, shared investment, balanced outcomes).</summary>
    public int MinimumLoyaltyComponents { get; init; } = 3;

    /// <summary>Deals with a recorded seller margin and a value.</summary>
    public int MinimumFairnessDeals { get; init; } = 3;

    /// <summary>Known principles needed for a health score.</summary>
    public int MinimumKnownPrinciples { get; init; } = 3;
}

/// <summary>
/// The give/get ledger by value: each concession and commitment is worth a share of its deal's value. A discount
/// is worth its percentage points above the tier's cap (the cap itself is the tier's benefit, not a concession).
/// </summary>
public sealed record ReciprocityPolicy
{
    public decimal ExtendedPaymentTermsShare { get; init; } = 2m;

    public decimal FreeServicesShare { get; init; } = 3m;

    public decimal AcceptedRiskShare { get; init; } = 3m;

    public decimal CustomWorkShare { get; init; } = 2m;

    public decimal VolumeShare { get; init; } = 5m;

    public decimal MultiYearTermShare { get; init; } = 8m;

    public decimal PrepaymentShare { get; init; } = 3m;

    public decimal ReferenceCaseShare { get; init; } = 2m;

    public decimal JointInvestmentShare { get; init; } = 5m;

    public decimal ForecastSharingShare { get; init; } = 1m;

    /// <summary>
    /// Percent of the exchanged value an imbalance is measured against: an imbalance of this size lowers
    /// reciprocity to 50 (smaller imbalances lower it less, larger ones more).
    /// </summary>
    public decimal TolerancePercent { get; init; } = 5m;
}

/// <summary>Share of a deal's autonomy (percent) lost per power play; a deal never loses more than all of it.</summary>
public sealed record AutonomyPolicy
{
    public decimal ReverseAuctionPenalty { get; init; } = 15m;

    public decimal PriceBenchmarkingDuringContractPenalty { get; init; } = 15m;

    public decimal EarlyRenegotiationPenalty { get; init; } = 20m;

    public decimal DiscountDemandedAfterAwardPenalty { get; init; } = 30m;

    public decimal PaymentWithholdingPenalty { get; init; } = 30m;

    public decimal UnilateralRiskTransferPenalty { get; init; } = 40m;

    public decimal OneSidedConcessionDemandPenalty { get; init; } = 40m;

    /// <summary>The seller's power play: a known risk shifted onto the customer.</summary>
    public decimal SellerRiskShiftPenalty { get; init; } = 40m;
}

/// <summary>Consistency of both sides: discounts within size bands, promises, seller terms, payments.</summary>
public sealed record IntegrityPolicy
{
    public decimal DiscountConsistencyWeight { get; init; } = 1m;

    public decimal PromisesKeptWeight { get; init; } = 1m;

    /// <summary>Weight of the seller's recorded conduct (over-promising, price changes during a contract).</summary>
    public decimal SellerTermsWeight { get; init; } = 1m;

    public decimal PaymentsOnTimeWeight { get; init; } = 1m;

    /// <summary>Deals of at least this value are in the medium size band.</summary>
    public decimal MediumDealFrom { get; init; } = 50000m;

    /// <summary>Deals of at least this value are in the large size band.</summary>
    public decimal LargeDealFrom { get; init; } = 250000m;

    /// <summary>Consistency points lost per percentage point of discount standard deviation within a size band.</summary>
    public decimal DispersionPenaltyPerPoint { get; init; } = 5m;

    /// <summary>Share of a deal's seller-terms consistency (percent) lost when the seller over-promised.</summary>
    public decimal OverPromisePenalty { get; init; } = 50m;

    /// <summary>Share lost when the seller changed prices during a running contract.</summary>
    public decimal PriceChangePenalty { get; init; } = 40m;

    public int PaymentGraceDays { get; init; } = 5;

    /// <summary>Points a payment loses per day late beyond the grace period.</summary>
    public decimal PaymentPenaltyPerDay { get; init; } = 2m;
}

/// <summary>
/// Loyalty to the relationship (seeds 000/001): tenure, business retained year on year, stability of its value,
/// shared investment, and outcomes that work for both sides. Weights are renormalised over the known components.
/// </summary>
public sealed record LoyaltyPolicy
{
    public decimal TenureWeight { get; init; } = 1m;

    public decimal RetentionWeight { get; init; } = 1m;

    public decimal StabilityWeight { get; init; } = 1m;

    public decimal SharedInvestmentWeight { get; init; } = 1m;

    public decimal BalancedOutcomesWeight { get; init; } = 1m;

    /// <summary>Tenure at which the tenure component is full.</summary>
    public int TenureSaturationMonths { get; init; } = 60;
}

/// <summary>The fair price band on seller margin.</summary>
public sealed record FairnessPolicy
{
    public decimal MarginFloorPercent { get; init; } = 10m;

    public decimal MarginCeilingPercent { get; init; } = 40m;

    /// <summary>Margin points outside the band at which a deal's fairness reaches 0.</summary>
    public decimal TolerancePercent { get; init; } = 10m;
}

/// <summary>Health: weights of the five principles (renormalised over the known ones), bands and trend.</summary>
public sealed record HealthPolicy
{
    public decimal ReciprocityWeight { get; init; } = 1m;

    public decimal AutonomyWeight { get; init; } = 1m;

    public decimal IntegrityWeight { get; init; } = 1m;

    public decimal LoyaltyWeight { get; init; } = 1m;

    public decimal FairnessWeight { get; init; } = 1m;

    /// <summary>
    /// Health at or above this is Good. The principles are measured against the ideal of 100, so a health of 80
    /// already means a fifth below the ideal across the known principles.
    /// </summary>
    public decimal GoodFrom { get; init; } = 85m;

    /// <summary>Health at or above this (and below Good) is Fair; below it, Poor.</summary>
    public decimal FairFrom { get; init; } = 70m;

    /// <summary>A change of health over the trend window smaller than this is Steady.</summary>
    public decimal SteadyMargin { get; init; } = 2m;

    /// <summary>The trend compares health now with health this many days ago (from the score history).</summary>
    public int TrendWindowDays { get; init; } = 90;
}

/// <summary>The score history: one snapshot per account per period, written by the scheduled recalculation.</summary>
public sealed record HistoryPolicy
{
    /// <summary>Days per snapshot period (7: weekly, periods starting on Mondays).</summary>
    public int PeriodDays { get; init; } = 7;

    /// <summary>Snapshots older than this many days are deleted by the scheduled recalculation.</summary>
    public int RetentionDays { get; init; } = 730;
}

/// <summary>How much and how recently the customer buys: reported beside the principles, never inside them.</summary>
public sealed record EngagementPolicy
{
    /// <summary>
    /// Recency-weighted deals in the window that give half the volume points (volume = deals ÷ (deals + this)): the
    /// volume keeps telling a busy customer from a busier one instead of capping at a count most accounts reach.
    /// </summary>
    public decimal HalfVolumeDeals { get; init; } = 12m;

    /// <summary>The recency half of engagement halves every this many months without a deal.</summary>
    public decimal RecencyHalfLifeMonths { get; init; } = 6m;
}

/// <summary>Customer lifetime value = annual margin × r / (1 + i − r), with retention r = 1 − churn risk.</summary>
public sealed record LifetimeValuePolicy
{
    /// <summary>The discount rate i.</summary>
    public decimal DiscountRate { get; init; } = 0.10m;

    /// <summary>The lowest retention r used, however high the churn risk.</summary>
    public decimal MinimumRetention { get; init; } = 0.05m;

    /// <summary>The highest retention r used, however low the churn risk.</summary>
    public decimal MaximumRetention { get; init; } = 0.95m;
}

/// <summary>
/// Churn risk = 100 / (1 + e^−z), z = intercept + Σ coefficient × signal, over the signals that precede lost
/// business (each 0–1, unknown signals left out). Defaults are defensible priors, not fitted coefficients.
/// </summary>
public sealed record ChurnPolicy
{
    public decimal Intercept { get; init; } = -2.2m;

    /// <summary>Won value in the 12 months up to the as-of instant fell against the 12 months before (1 = all of it).</summary>
    public decimal ValueDeclineCoefficient { get; init; } = 2.5m;

    /// <summary>The rise of the share of closed value lost, the last 12 months against the 12 before (1 = from none to all).</summary>
    public decimal LostBusinessCoefficient { get; init; } = 1.5m;

    /// <summary>Share of recorded-conduct value that carried customer games.</summary>
    public decimal GamesCoefficient { get; init; } = 1.5m;

    /// <summary>How late payments were (1 − the payment consistency).</summary>
    public decimal LatePaymentCoefficient { get; init; } = 1m;

    /// <summary>The seller-favoured imbalance of the give/get ledger (concessions not reciprocated).</summary>
    public decimal UnreciprocatedCoefficient { get; init; } = 1m;

    /// <summary>No executive sponsor on the customer's side (recorded).</summary>
    public decimal NoSponsorCoefficient { get; init; } = 0.8m;

    /// <summary>No recent deal (1 − the recency half of engagement).</summary>
    public decimal InactivityCoefficient { get; init; } = 2m;

    /// <summary>
    /// Health fell against the trend baseline (health one trend window ago): conduct souring comes before the
    /// business leaves. Weighs the drop in points over <see cref="HealthDeclineFullAt"/> (1 = a drop of that size or more).
    /// </summary>
    /// <remarks>
    /// 1.5, as customer games and lost business: a full-scale drop (more than a health band is wide) is as telling
    /// as games on every deal, more than late payments or unreciprocated concessions alone (each one part of health,
    /// 1), less than the business itself falling away (2.5) or the customer no longer buying (2). A prior, not fitted.
    /// </remarks>
    public decimal HealthDeclineCoefficient { get; init; } = 1.5m;

    /// <summary>Health points fallen over the trend window at which the "health declining" signal is full (1).</summary>
    public decimal HealthDeclineFullAt { get; init; } = 20m;

    /// <summary>Signals that must be known before a churn risk is given.</summary>
    public int MinimumSignals { get; init; } = 2;

    /// <summary>Accounts at or above this churn risk are listed as at risk.</summary>
    public decimal AtRiskFrom { get; init; } = 50m;

    /// <summary>
    /// An account already at risk stays at risk until its churn risk falls below this (hysteresis: a churn risk that
    /// wobbles around <see cref="AtRiskFrom"/> does not flag and unflag the account week after week).
    /// </summary>
    public decimal AtRiskClearsBelow { get; init; } = 40m;
}

/// <summary>Confidence: how much of the evidence the scores need was recorded.</summary>
public sealed record ConfidencePolicy
{
    /// <summary>Deals in the window at which the sample-size part of confidence is full.</summary>
    public int FullConfidenceDealCount { get; init; } = 10;
}

/// <summary>Tier criteria, hysteresis, dwell time and cool-down.</summary>
public sealed record TierPolicy
{
    /// <summary>Score points below a tier's score thresholds an account may fall before it is demoted.</summary>
    public decimal HysteresisMargin { get; init; } = 5m;

    /// <summary>Percent below a tier's won-value threshold an account may fall before it is demoted.</summary>
    public decimal WonValueHysteresisPercent { get; init; } = 20m;

    /// <summary>Key contacts below a tier's minimum an account may fall before it is demoted.</summary>
    public int KeyContactHysteresis { get; init; } = 1;

    /// <summary>Percentage points of customer-game deals above a tier's maximum an account may have before it is demoted.</summary>
    public decimal GameShareHysteresisPercent { get; init; } = 5m;

    /// <summary>Months a joint plan may be overdue for review before the account is demoted.</summary>
    public int JointPlanGraceMonths { get; init; } = 3;

    /// <summary>Days after any tier change before the rules change the tier again (either way).</summary>
    public int MinimumDwellDays { get; init; } = 90;

    /// <summary>Days after a demotion before the account may be promoted again.</summary>
    public int PromotionCooldownDays { get; init; } = 180;

    /// <summary>Confidence needed for a promotion: too little recorded evidence never promotes.</summary>
    public decimal MinimumConfidence { get; init; } = 40m;

    /// <summary>The longest a manual tier override may last, in days from when it is set.</summary>
    public int MaximumOverrideDays { get; init; } = 365;

    public TierCriteria Preferred { get; init; } = new TierCriteria();

    /// <summary>A strategic partner must also meet the Preferred criteria.</summary>
    public TierCriteria StrategicPartner { get; init; } = new TierCriteria
    {
        MinimumKeyContacts = 3,
        MinimumWonValue = 250000m,
        MinimumHealth = 85m,
        MinimumLoyalty = 65m,
        MinimumFairness = 60m,
        MinimumAutonomy = 60m,
        MaximumGameSharePercent = 5m,
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

    /// <summary>The health floor: a tier reflects all five principles.</summary>
    public decimal MinimumHealth { get; init; } = 75m;

    /// <summary>0 = not a criterion.</summary>
    public decimal MinimumReciprocity { get; init; }

    /// <summary>0 = not a criterion.</summary>
    public decimal MinimumAutonomy { get; init; } = 50m;

    /// <summary>0 = not a criterion.</summary>
    public decimal MinimumIntegrity { get; init; }

    public decimal MinimumLoyalty { get; init; } = 50m;

    public decimal MinimumFairness { get; init; } = 50m;

    /// <summary>
    /// The most customer games a tier accepts (seed 003: choose your customers), as the share of the window's deals
    /// with recorded conduct that carried one: a rate, so a large customer is not punished for its volume.
    /// </summary>
    public decimal MaximumGameSharePercent { get; init; } = 10m;

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
