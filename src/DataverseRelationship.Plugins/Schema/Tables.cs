namespace DataverseRelationship.Plugins.Schema;

// The one source of truth for table, column and message names in plugin code. The solution in solution/src
// defines every custom column named here (the solution validation tests check both directions); standard
// columns are as docs/reference/dataverse-columns.md lists them.

/// <summary>The solution publisher: its prefix and the option value prefix that every choice value starts with.</summary>
public static class Publisher
{
    public const string UniqueName = "dataverserelationship";
    public const string CustomizationPrefix = "dvr";

    /// <summary>Choice values are <c>OptionValuePrefix * 10000 + n</c>.</summary>
    public const int OptionValuePrefix = 41870;
}

/// <summary>account: the standard table plus the relationship columns this solution adds.</summary>
public static class AccountTable
{
    public const string LogicalName = "account";
    public const string Id = "accountid";
    public const string Name = "name";
    public const string OwnerId = "ownerid";
    public const string CreatedOn = "createdon";
    public const string StateCode = "statecode";

    // Inputs a relationship manager maintains.
    /// <summary>Date only: when the relationship began (tenure start). Defaults to the creation date.</summary>
    public const string RelationshipSince = "dvr_relationshipsince";
    /// <summary>Lookup (contact): the executive sponsor on the customer's side.</summary>
    public const string CustomerSponsorId = "dvr_customersponsorid";
    /// <summary>Lookup (systemuser): the executive sponsor on our side.</summary>
    public const string SellerSponsorId = "dvr_sellersponsorid";
    /// <summary>Yes/no: a written joint account plan exists.</summary>
    public const string HasJointAccountPlan = "dvr_hasjointaccountplan";
    /// <summary>Date only: when the joint account plan was last reviewed.</summary>
    public const string JointPlanReviewedOn = "dvr_jointplanreviewedon";

    // Tier: computed, with a manual override.
    /// <summary>Choice <see cref="RelationshipTierChoice"/>: the effective tier. Written only when it really changes; flows watch it.</summary>
    public const string Tier = "dvr_tier";
    /// <summary>Choice <see cref="RelationshipTierChoice"/>: the tier the data alone qualifies for.</summary>
    public const string EligibleTier = "dvr_eligibletier";
    /// <summary>Date and time: when the effective tier last changed (for the minimum dwell time).</summary>
    public const string TierChangedOn = "dvr_tierchangedon";
    /// <summary>Date and time: when the effective tier was last lowered (a promotion waits the policy's cool-down after it).</summary>
    public const string LastDemotedOn = "dvr_lastdemotedon";
    /// <summary>Choice <see cref="RelationshipTierChoice"/>: a manual override of the tier; empty when none.</summary>
    public const string TierOverride = "dvr_tieroverride";
    /// <summary>Text: why the override was set (required with an override).</summary>
    public const string TierOverrideReason = "dvr_tieroverridereason";
    /// <summary>Date and time: when the override expires (required, in the future, within the policy maximum).</summary>
    public const string TierOverrideExpiresOn = "dvr_tieroverrideexpireson";
    /// <summary>Lookup (systemuser): who set the override; written by the plugin.</summary>
    public const string TierOverrideSetBy = "dvr_tieroverridesetby";

    // Scores: computed, read-only to users; empty when the evidence for them is too thin.
    public const string ReciprocityScore = "dvr_reciprocityscore";
    public const string AutonomyScore = "dvr_autonomyscore";
    public const string IntegrityScore = "dvr_integrityscore";
    public const string LoyaltyScore = "dvr_loyaltyscore";
    public const string FairnessScore = "dvr_fairnessscore";
    public const string HealthScore = "dvr_healthscore";
    /// <summary>Decimal 0–100: how much and how recently the customer buys (beside the principles, not inside them).</summary>
    public const string EngagementScore = "dvr_engagementscore";
    /// <summary>Choice <see cref="HealthBandChoice"/>.</summary>
    public const string HealthBand = "dvr_healthband";
    /// <summary>Choice <see cref="HealthTrendChoice"/>.</summary>
    public const string HealthTrend = "dvr_healthtrend";
    /// <summary>Money: customer lifetime value.</summary>
    public const string LifetimeValue = "dvr_lifetimevalue";
    /// <summary>Decimal 0–100: churn risk.</summary>
    public const string ChurnRisk = "dvr_churnrisk";
    /// <summary>Yes/no: churn risk at or above the policy's at-risk threshold (empty while churn risk is unknown).</summary>
    public const string AtRisk = "dvr_atrisk";
    /// <summary>Decimal 0–100: how complete the inputs were.</summary>
    public const string Confidence = "dvr_confidence";
    /// <summary>Whole number: active contacts who are decision makers or influencers.</summary>
    public const string KeyContactCount = "dvr_keycontactcount";
    /// <summary>Multiple lines of text: the factors that moved the scores most.</summary>
    public const string ScoreExplanation = "dvr_scoreexplanation";
    /// <summary>Date and time: when the scores were last computed with a change.</summary>
    public const string ScoresCalculatedOn = "dvr_scorescalculatedon";
    /// <summary>Text: the policy version the stored results were computed with.</summary>
    public const string PolicyVersion = "dvr_policyversion";
    /// <summary>
    /// Multiple lines of text (up to 1,048,576 characters): the account ledger, the monthly sums of its deals the scores
    /// are read from (Engine LedgerText), so a deal save applies only its own deal's difference.
    /// </summary>
    public const string Ledger = "dvr_relationshipledger";
    /// <summary>Decimal −100..100: health now minus health one trend window ago; empty without history that old.</summary>
    public const string HealthTrendDelta = "dvr_healthtrenddelta";
    /// <summary>Decimal 0–100: the health of the snapshot one trend window ago (set by the scheduled recalculation).</summary>
    public const string TrendBaselineHealth = "dvr_trendbaselinehealth";
    /// <summary>Date and time: when that snapshot was taken.</summary>
    public const string TrendBaselineOn = "dvr_trendbaselineon";
    /// <summary>Date and time: when the scheduled recalculation last wrote a dvr_scoresnapshot row for the account.</summary>
    public const string LastSnapshotOn = "dvr_lastsnapshoton";
    /// <summary>Big integer: the row's version, which an optimistic-concurrency Update must match (platform column).</summary>
    public const string VersionNumber = "versionnumber";

    /// <summary>
    /// Every column the relationship rules write (AccountMapping.ToColumns, the recalculation's dvr_scorescalculatedon and
    /// the override's author): users never write them; only the plugins' own SYSTEM writes do (ProtectAccountComputedColumns).
    /// Comma-separated, so that plugin types can declare it as their TriggerColumns for the solution validator.
    /// </summary>
    public const string Computed = Tier + "," + EligibleTier + "," + TierChangedOn + "," + LastDemotedOn + "," + TierOverrideSetBy + ","
        + ReciprocityScore + "," + AutonomyScore + "," + IntegrityScore + "," + LoyaltyScore + "," + FairnessScore + "," + HealthScore + ","
        + EngagementScore + "," + HealthBand + "," + HealthTrend + "," + LifetimeValue + "," + ChurnRisk + "," + AtRisk + "," + Confidence + ","
        + KeyContactCount + "," + ScoreExplanation + "," + ScoresCalculatedOn + "," + PolicyVersion + "," + Ledger + ","
        + HealthTrendDelta + "," + TrendBaselineHealth + "," + TrendBaselineOn + "," + LastSnapshotOn;
}

/// <summary>opportunity: the standard table plus the deal columns this solution adds.</summary>
public static class OpportunityTable
{
    public const string LogicalName = "opportunity";
    public const string Id = "opportunityid";
    public const string Name = "name";
    public const string ParentAccountId = "parentaccountid";
    public const string CustomerId = "customerid";
    public const string StateCode = "statecode";
    public const string StatusCode = "statuscode";
    public const string EstimatedValue = "estimatedvalue";
    public const string ActualValue = "actualvalue";
    public const string EstimatedCloseDate = "estimatedclosedate";
    public const string ActualCloseDate = "actualclosedate";
    /// <summary>Decimal 0–100: the discount granted, in percent (standard column).</summary>
    public const string DiscountPercentage = "discountpercentage";
    public const string CreatedOn = "createdon";

    // Inputs a seller maintains.
    /// <summary>Decimal −100..100: the seller's margin on the deal, in percent.</summary>
    public const string SellerMargin = "dvr_sellermargin";
    /// <summary>Multi-select choice <see cref="ConcessionChoice"/>: what the seller conceded.</summary>
    public const string Concessions = "dvr_concessions";
    /// <summary>Multi-select choice <see cref="CommitmentChoice"/>: what the customer committed.</summary>
    public const string Commitments = "dvr_commitments";
    /// <summary>Multi-select choice <see cref="ProcurementTacticChoice"/>: the procurement tactics the customer used.</summary>
    public const string ProcurementTactics = "dvr_procurementtactics";
    /// <summary>Multi-select choice <see cref="SellerConductChoice"/>: the seller's own conduct on the deal.</summary>
    public const string SellerConduct = "dvr_sellerconduct";
    /// <summary>Yes/no: the seller delivered as promised (empty while not yet known).</summary>
    public const string DeliveredAsPromised = "dvr_deliveredaspromised";
    /// <summary>Whole number: average days the customer paid late (0 = on time; empty while not yet known).</summary>
    public const string PaymentDelayDays = "dvr_paymentdelaydays";

    // Deal fairness: computed, read-only to users.
    /// <summary>Decimal 0–100.</summary>
    public const string DealFairnessScore = "dvr_dealfairnessscore";
    /// <summary>Decimal −100..100: commitments minus concessions, weighted (0 = balanced).</summary>
    public const string ReciprocityBalance = "dvr_reciprocitybalance";
    /// <summary>Choice <see cref="PriceBandChoice"/>.</summary>
    public const string PriceBand = "dvr_priceband";
    /// <summary>Multi-select choice <see cref="ProcurementTacticChoice"/>: the customer games detected on the deal.</summary>
    public const string GameFlags = "dvr_gameflags";
    /// <summary>Choice <see cref="TierRuleVerdictChoice"/>: how the deal stands against its account's tier rule.</summary>
    public const string TierRuleVerdict = "dvr_tierruleverdict";
    /// <summary>Decimal 0–100: the discount cap (percent) the account's tier allowed when the deal was assessed.</summary>
    public const string DiscountAllowance = "dvr_discountallowance";
    /// <summary>Multiple lines of text: the deal's explanation, including any tier-rule warning.</summary>
    public const string DealExplanation = "dvr_dealexplanation";
    /// <summary>Text: the policy version the deal was assessed with.</summary>
    public const string PolicyVersion = "dvr_policyversion";

    /// <summary>
    /// Every column the relationship rules write (OpportunityMapping.ToColumns, set by AssessDealOnSave): users never write
    /// them (ProtectOpportunityComputedColumns). Comma-separated, so that plugin types can declare it as their TriggerColumns.
    /// </summary>
    public const string Computed = DealFairnessScore + "," + ReciprocityBalance + "," + PriceBand + "," + GameFlags + ","
        + TierRuleVerdict + "," + DiscountAllowance + "," + DealExplanation + "," + PolicyVersion;
}

/// <summary>opportunityclose: the activity Win and Lose create.</summary>
public static class OpportunityCloseTable
{
    public const string LogicalName = "opportunityclose";
    public const string Id = "activityid";
    public const string OpportunityId = "opportunityid";
    public const string ActualRevenue = "actualrevenue";
    public const string ActualEnd = "actualend";
    public const string Subject = "subject";
}

/// <summary>contact: standard columns only.</summary>
public static class ContactTable
{
    public const string LogicalName = "contact";
    public const string Id = "contactid";
    public const string FirstName = "firstname";
    public const string LastName = "lastname";
    /// <summary>Customer lookup (account or contact): the contact's company.</summary>
    public const string ParentCustomerId = "parentcustomerid";
    /// <summary>Choice: 1 Decision Maker, 2 Employee, 3 Influencer.</summary>
    public const string AccountRoleCode = "accountrolecode";
    public const string StateCode = "statecode";
    public const string CreatedOn = "createdon";
}

/// <summary>
/// dvr_scoresnapshot: one row per account per history period (weekly by default), written by the scheduled
/// recalculation only; the trend compares with it.
/// </summary>
public static class ScoreSnapshotTable
{
    public const string LogicalName = "dvr_scoresnapshot";
    public const string Id = "dvr_scoresnapshotid";
    public const string Name = "dvr_name";
    public const string AccountId = "dvr_accountid";
    /// <summary>Date only: the first day of the period the snapshot stands for.</summary>
    public const string PeriodStart = "dvr_periodstart";
    /// <summary>Date and time: when it was taken.</summary>
    public const string TakenOn = "dvr_takenon";
    public const string Tier = "dvr_tier";
    public const string HealthScore = "dvr_healthscore";
    public const string HealthBand = "dvr_healthband";
    public const string ReciprocityScore = "dvr_reciprocityscore";
    public const string AutonomyScore = "dvr_autonomyscore";
    public const string IntegrityScore = "dvr_integrityscore";
    public const string LoyaltyScore = "dvr_loyaltyscore";
    public const string FairnessScore = "dvr_fairnessscore";
    public const string EngagementScore = "dvr_engagementscore";
    public const string ChurnRisk = "dvr_churnrisk";
    public const string Confidence = "dvr_confidence";
    /// <summary>Decimal (base currency): the lifetime value when the snapshot was taken.</summary>
    public const string LifetimeValue = "dvr_lifetimevalue";
    /// <summary>Whole number: the deals in the scoring window (the evidence).</summary>
    public const string OpportunitiesConsidered = "dvr_opportunitiesconsidered";
    public const string PolicyVersion = "dvr_policyversion";
}

/// <summary>dvr_tierchange: one row per effective tier change (the history flows and auditors read).</summary>
public static class TierChangeTable
{
    public const string LogicalName = "dvr_tierchange";
    public const string Id = "dvr_tierchangeid";
    public const string Name = "dvr_name";
    public const string AccountId = "dvr_accountid";
    public const string FromTier = "dvr_fromtier";
    public const string ToTier = "dvr_totier";
    public const string ChangedOn = "dvr_changedon";
    /// <summary>Choice <see cref="TierChangeKindChoice"/>.</summary>
    public const string ChangeKind = "dvr_changekind";
    public const string Reason = "dvr_reason";
    public const string HealthScore = "dvr_healthscore";
    public const string ReciprocityScore = "dvr_reciprocityscore";
    public const string AutonomyScore = "dvr_autonomyscore";
    public const string IntegrityScore = "dvr_integrityscore";
    public const string LoyaltyScore = "dvr_loyaltyscore";
    public const string FairnessScore = "dvr_fairnessscore";
    public const string PolicyVersion = "dvr_policyversion";
}

/// <summary>Security tables the override check reads.</summary>
public static class SecurityTables
{
    public const string SystemUser = "systemuser";
    public const string SystemUserId = "systemuserid";
    public const string Role = "role";
    public const string RoleId = "roleid";
    public const string RoleName = "name";
    /// <summary>The business unit copies of a role point at the root business unit's role through this column.</summary>
    public const string ParentRootRoleId = "parentrootroleid";
    /// <summary>The intersect table between systemuser and role.</summary>
    public const string SystemUserRoles = "systemuserroles";
    public const string SystemUserRoleId = "systemuserroleid";
    /// <summary>The intersect table between team and role.</summary>
    public const string TeamRoles = "teamroles";
    /// <summary>The intersect table between team and systemuser.</summary>
    public const string TeamMembership = "teammembership";
    public const string TeamMembershipId = "teammembershipid";
    public const string TeamId = "teamid";

    /// <summary>The security role this solution ships (its name, for messages); holders may set tier overrides.</summary>
    public const string RelationshipManagerRole = "Relationship Manager";

    /// <summary>The id of that role in solution/src/Roles/Relationship Manager.xml: the root business unit's copy keeps it.</summary>
    public const string RelationshipManagerRoleId = "2d835d1f-c902-4798-b216-75d08ca7fecb";
}

/// <summary>Environment variable tables and the solution's policy variable.</summary>
public static class EnvironmentVariables
{
    public const string DefinitionTable = "environmentvariabledefinition";
    public const string DefinitionId = "environmentvariabledefinitionid";
    public const string DefinitionSchemaName = "schemaname";
    public const string DefinitionDefaultValue = "defaultvalue";
    public const string ValueTable = "environmentvariablevalue";
    public const string ValueDefinitionId = "environmentvariabledefinitionid";
    public const string ValueValue = "value";

    /// <summary>The JSON policy (see the engine's RelationshipPolicy).</summary>
    public const string PolicySchemaName = "dvr_RelationshipPolicy";
}

/// <summary>Custom APIs this solution defines, with their parameter names.</summary>
public static class CustomApis
{
    /// <summary>Bound to account: recompute one account now.</summary>
    public const string RecalculateAccount = "dvr_RecalculateAccount";

    /// <summary>Unbound: recompute one page of accounts (scheduled runs age the scores and end expired overrides).</summary>
    public const string RecalculateAccounts = "dvr_RecalculateAccounts";

    /// <summary>Input, whole number: accounts per page (default 250, at most 5000).</summary>
    public const string PageSizeParameter = "PageSize";
    /// <summary>Input, text: where to resume; empty for the first page.</summary>
    public const string ContinuationTokenParameter = "ContinuationToken";
    /// <summary>Input, yes/no: rebuild every account's ledger from its deals (after a bulk load that bypassed the plugins).</summary>
    public const string RebuildLedgersParameter = "RebuildLedgers";
    /// <summary>Output, whole number: accounts recomputed on this page.</summary>
    public const string ProcessedParameter = "Processed";
    /// <summary>Output, whole number: accounts whose stored values changed.</summary>
    public const string ChangedParameter = "Changed";
    /// <summary>Output, text: the token for the next page; empty when done.</summary>
    public const string NextContinuationTokenParameter = "NextContinuationToken";
    /// <summary>Output, yes/no: more pages remain.</summary>
    public const string MoreRecordsParameter = "MoreRecords";
}
