namespace DataverseRelationship.Engine.Explanations;

/// <summary>The stable reason codes factors carry (safe to store and compare across versions).</summary>
public static class ReasonCodes
{
    public const string ReciprocatedExchange = "ReciprocatedExchange";
    public const string PlainDeal = "PlainDeal";
    public const string UnreciprocatedConcessions = "UnreciprocatedConcessions";
    public const string PartlyReciprocatedConcessions = "PartlyReciprocatedConcessions";
    public const string CustomerOverCommitted = "CustomerOverCommitted";

    public const string NoPowerPlay = "NoPowerPlay";
    public const string ReverseAuction = "ReverseAuction";
    public const string PriceBenchmarkingDuringContract = "PriceBenchmarkingDuringContract";
    public const string EarlyRenegotiation = "EarlyRenegotiation";
    public const string DiscountDemandedAfterAward = "DiscountDemandedAfterAward";
    public const string PaymentWithholding = "PaymentWithholding";
    public const string UnilateralRiskTransfer = "UnilateralRiskTransfer";
    public const string OneSidedConcessionDemand = "OneSidedConcessionDemand";

    public const string DiscountConsistency = "DiscountConsistency";
    public const string PromisesKept = "PromisesKept";
    public const string PromisesBroken = "PromisesBroken";
    public const string PaidOnTime = "PaidOnTime";
    public const string PaidLate = "PaidLate";

    public const string Tenure = "Tenure";
    public const string RepeatWins = "RepeatWins";
    public const string WinRate = "WinRate";
    public const string LastWinRecency = "LastWinRecency";
    public const string RevenueTrend = "RevenueTrend";

    public const string PricedFairly = "PricedFairly";
    public const string PricedBelowFloor = "PricedBelowFloor";
    public const string PricedAboveCeiling = "PricedAboveCeiling";

    public const string Reciprocity = "Reciprocity";
    public const string Autonomy = "Autonomy";
    public const string Integrity = "Integrity";
    public const string Loyalty = "Loyalty";
    public const string Fairness = "Fairness";
    public const string Health = "Health";

    public const string FieldCompleteness = "FieldCompleteness";
    public const string SampleSize = "SampleSize";
    public const string AccountCompleteness = "AccountCompleteness";

    public const string DealReciprocity = "DealReciprocity";
    public const string PriceBand = "PriceBand";
    public const string Conduct = "Conduct";

    public const string DiscountWithinCap = "DiscountWithinCap";
    public const string DiscountAboveCapReciprocated = "DiscountAboveCapReciprocated";
    public const string DiscountAboveCapUnreciprocated = "DiscountAboveCapUnreciprocated";

    public const string TierCriteriaMet = "TierCriteriaMet";
    public const string TierCriteriaFailed = "TierCriteriaFailed";
    public const string Hysteresis = "Hysteresis";
    public const string DwellTime = "DwellTime";
    public const string OneStepDemotion = "OneStepDemotion";
    public const string ActiveOverride = "ActiveOverride";
    public const string OverrideExpired = "OverrideExpired";

    public const string MissingEvidence = "MissingEvidence";

    public const string CustomerGames = "CustomerGames";

    public const string SellerRiskShift = "SellerRiskShift";

    public const string SellerTerms = "SellerTerms";

    public const string Retention = "Retention";

    public const string Stability = "Stability";

    public const string SharedInvestment = "SharedInvestment";

    public const string OneSidedOutcomes = "OneSidedOutcomes";

    public const string ValueDecline = "ValueDecline";

    public const string LostBusiness = "LostBusiness";

    public const string NoSponsor = "NoSponsor";

    public const string Inactivity = "Inactivity";

    /// <summary>The churn signal "health declining": health now below the trend baseline.</summary>
    public const string HealthDecline = "HealthDecline";

    public const string DealVolume = "DealVolume";

    public const string DealRecency = "DealRecency";

    public const string KnownPrinciples = "KnownPrinciples";

    public const string Cooldown = "Cooldown";
}
