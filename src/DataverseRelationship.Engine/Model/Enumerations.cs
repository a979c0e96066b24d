using System;

namespace DataverseRelationship.Engine.Model;

/// <summary>The three relationship levels: buy–sell, priority supplier, partnership.</summary>
public enum RelationshipTier
{
    Transactional = 0,
    Preferred = 1,
    StrategicPartner = 2,
}

/// <summary>
/// What the seller gives on a deal. <see cref="None"/> is a recorded fact ("no concessions"); a deal whose
/// concessions were never recorded carries null instead (absence is not evidence).
/// </summary>
[Flags]
public enum Concessions
{
    None = 0,
    Discount = 1,
    ExtendedPaymentTerms = 2,
    FreeServices = 4,
    AcceptedRisk = 8,
    CustomWork = 16,
}

/// <summary>What the customer gives in return on a deal (<see cref="None"/> recorded; null when never recorded).</summary>
[Flags]
public enum Commitments
{
    None = 0,
    Volume = 1,
    MultiYearTerm = 2,
    Prepayment = 4,
    ReferenceCase = 8,
    JointInvestment = 16,
    ForecastSharing = 32,
}

/// <summary>Customer games and power plays observed on a deal (<see cref="None"/> recorded; null when never recorded).</summary>
[Flags]
public enum ProcurementTactics
{
    None = 0,
    ReverseAuction = 1,
    PriceBenchmarkingDuringContract = 2,
    EarlyRenegotiation = 4,
    DiscountDemandedAfterAward = 8,
    PaymentWithholding = 16,
    UnilateralRiskTransfer = 32,
    OneSidedConcessionDemand = 64,
}

/// <summary>
/// The seller's own conduct on a deal (seed 004: neither side is always right). <see cref="None"/> is recorded
/// clean conduct; null means nobody recorded it.
/// </summary>
[Flags]
public enum SellerConduct
{
    None = 0,
    /// <summary>Promised more than was delivered or deliverable.</summary>
    OverPromised = 1,
    /// <summary>Raised or changed prices during a running contract.</summary>
    PriceChangedDuringContract = 2,
    /// <summary>Shifted a known risk onto the customer.</summary>
    RiskShiftedToCustomer = 4,
}

/// <summary>Which side of the relationship a factor is about.</summary>
public enum Party
{
    /// <summary>Both sides, or neither in particular (tenure, evidence).</summary>
    Relationship = 0,
    Customer = 1,
    Seller = 2,
}

/// <summary>Where a deal stands.</summary>
public enum DealState
{
    Open = 0,
    Won = 1,
    Lost = 2,
}

/// <summary>Health band: Good, Fair or Poor against the policy's thresholds, or too little evidence for a health.</summary>
public enum HealthBand
{
    Good = 0,
    Fair = 1,
    Poor = 2,
    /// <summary>Fewer principles are known than the policy's minimum: health is unknown.</summary>
    InsufficientEvidence = 3,
}

/// <summary>Direction of health against the previously recorded value.</summary>
public enum HealthTrend
{
    Improving = 0,
    Steady = 1,
    Declining = 2,
}

/// <summary>A deal's seller margin against the policy's fair band.</summary>
public enum PriceBand
{
    BelowFloor = 0,
    Fair = 1,
    AboveCeiling = 2,
}

/// <summary>A deal against its account tier's discount cap and reciprocity rule.</summary>
public enum TierRuleVerdict
{
    /// <summary>No discount, or a discount within the tier's cap.</summary>
    WithinCap = 0,
    /// <summary>Above the cap, but matched by an accepted customer commitment.</summary>
    Reciprocated = 1,
    /// <summary>Above the cap and unreciprocated; the policy warns, so the deal may be saved and is flagged.</summary>
    Warned = 2,
    /// <summary>Above the cap and unreciprocated; the policy enforces, so the save must be blocked.</summary>
    Blocked = 3,
    /// <summary>The discount is not known, so the cap cannot be checked (nothing is blocked or passed).</summary>
    NotAssessed = 4,
}

/// <summary>Why the effective tier changed.</summary>
public enum TierChangeKind
{
    /// <summary>The rules (eligibility, hysteresis, dwell time) moved the tier.</summary>
    Automatic = 0,
    /// <summary>An active manual override set the tier.</summary>
    Manual = 1,
    /// <summary>A manual override expired and the computed tier applies again.</summary>
    OverrideExpired = 2,
}

/// <summary>What the deal rules do with an unreciprocated discount above the tier's cap.</summary>
public enum TierRuleMode
{
    /// <summary>Block the save with a clear message.</summary>
    Enforce = 0,
    /// <summary>Save and flag the deal.</summary>
    Warn = 1,
}
