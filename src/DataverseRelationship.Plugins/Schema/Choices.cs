namespace DataverseRelationship.Plugins.Schema;

// Global choices (option sets) this solution defines. Values are Publisher.OptionValuePrefix * 10000 + n.

/// <summary>dvr_relationshiptier.</summary>
[SolutionChoice("dvr_relationshiptier")]
public enum RelationshipTierChoice
{
    Transactional = 418700000,
    Preferred = 418700001,
    StrategicPartner = 418700002,
}

/// <summary>dvr_healthband.</summary>
[SolutionChoice("dvr_healthband")]
public enum HealthBandChoice
{
    Good = 418700000,
    Fair = 418700001,
    Poor = 418700002,
    /// <summary>Too few principles are known for a health score (the score column stays blank).</summary>
    InsufficientEvidence = 418700003,
}

/// <summary>dvr_healthtrend.</summary>
[SolutionChoice("dvr_healthtrend")]
public enum HealthTrendChoice
{
    Improving = 418700000,
    Steady = 418700001,
    Declining = 418700002,
}

/// <summary>dvr_concession: what a seller gives.</summary>
[SolutionChoice("dvr_concession")]
public enum ConcessionChoice
{
    Discount = 418700000,
    ExtendedPaymentTerms = 418700001,
    FreeServices = 418700002,
    AcceptedRisk = 418700003,
    CustomWork = 418700004,
    /// <summary>Recorded: the seller conceded nothing (an empty column means nobody recorded it).</summary>
    None = 418700005,
}

/// <summary>dvr_commitment: what a customer gives in return.</summary>
[SolutionChoice("dvr_commitment")]
public enum CommitmentChoice
{
    Volume = 418700000,
    MultiYearTerm = 418700001,
    Prepayment = 418700002,
    ReferenceCase = 418700003,
    JointInvestment = 418700004,
    ForecastSharing = 418700005,
    /// <summary>Recorded: the customer committed nothing (an empty column means nobody recorded it).</summary>
    None = 418700006,
}

/// <summary>dvr_procurementtactic: customer games and power plays.</summary>
[SolutionChoice("dvr_procurementtactic")]
public enum ProcurementTacticChoice
{
    ReverseAuction = 418700000,
    PriceBenchmarkingDuringContract = 418700001,
    EarlyRenegotiation = 418700002,
    DiscountDemandedAfterAward = 418700003,
    PaymentWithholding = 418700004,
    UnilateralRiskTransfer = 418700005,
    OneSidedConcessionDemand = 418700006,
    /// <summary>Recorded: the customer used no tactic (an empty column means nobody recorded it).</summary>
    None = 418700007,
}

/// <summary>dvr_sellerconduct: the seller's own conduct on a deal.</summary>
[SolutionChoice("dvr_sellerconduct")]
public enum SellerConductChoice
{
    /// <summary>Recorded: the seller kept to the deal (an empty column means nobody recorded it).</summary>
    None = 418700000,
    OverPromised = 418700001,
    PriceChangedDuringContract = 418700002,
    RiskShiftedToCustomer = 418700003,
}

/// <summary>dvr_priceband: the deal's seller margin against the policy's fair band.</summary>
[SolutionChoice("dvr_priceband")]
public enum PriceBandChoice
{
    BelowFloor = 418700000,
    Fair = 418700001,
    AboveCeiling = 418700002,
}

/// <summary>dvr_tierruleverdict: the deal against its account tier's discount cap and reciprocity rule.</summary>
[SolutionChoice("dvr_tierruleverdict")]
public enum TierRuleVerdictChoice
{
    /// <summary>The discount is within the tier's cap.</summary>
    WithinCap = 418700000,
    /// <summary>Above the cap, but matched by customer commitments.</summary>
    Reciprocated = 418700001,
    /// <summary>Above the cap and unreciprocated; saved because the policy warns rather than enforces.</summary>
    Warned = 418700002,
    /// <summary>The discount is not recorded, so the cap could not be checked (the deal is saved, never blocked).</summary>
    NotAssessed = 418700003,
}

/// <summary>dvr_tierchangekind.</summary>
[SolutionChoice("dvr_tierchangekind")]
public enum TierChangeKindChoice
{
    Automatic = 418700000,
    Manual = 418700001,
    OverrideExpired = 418700002,
}

/// <summary>Standard opportunity statecode values.</summary>
public enum OpportunityState
{
    Open = 0,
    Won = 1,
    Lost = 2,
}

/// <summary>Standard contact accountrolecode values.</summary>
public enum ContactRole
{
    DecisionMaker = 1,
    Employee = 2,
    Influencer = 3,
}
