namespace DataverseRelationship.Plugins.Schema;

// Table, column and message names in plugin code. The columns the solution defines are in SolutionColumns.g.cs,
// generated from solution/src (the other half of each partial class); here are the standard columns (as the solution
// model's StandardTables catalogues them) and the column lists the plugins declare.

/// <summary>The solution publisher: its prefix and the option value prefix that every choice value starts with.</summary>
public static class Publisher
{
    public const string UniqueName = "dataverserelationship";
    public const string CustomizationPrefix = "dvr";

    /// <summary>Choice values are <c>OptionValuePrefix * 10000 + n</c>.</summary>
    public const int OptionValuePrefix = 41870;
}

/// <summary>account: the standard table plus the relationship columns this solution adds.</summary>
public static partial class AccountTable
{
    public const string LogicalName = "account";
    public const string Id = "accountid";
    public const string Name = "name";
    public const string OwnerId = "ownerid";
    public const string CreatedOn = "createdon";
    public const string StateCode = "statecode";

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
        + KeyContactCount + "," + ScoreExplanation + "," + ScoresCalculatedOn + "," + PolicyVersion + "," + RelationshipLedger + ","
        + HealthTrendDelta + "," + TrendBaselineHealth + "," + TrendBaselineOn + "," + LastSnapshotOn;
}

/// <summary>opportunity: the standard table plus the deal columns this solution adds.</summary>
public static partial class OpportunityTable
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
public static partial class ScoreSnapshotTable
{
    public const string LogicalName = "dvr_scoresnapshot";
}

/// <summary>dvr_tierchange: one row per effective tier change (the history flows and auditors read).</summary>
public static partial class TierChangeTable
{
    public const string LogicalName = "dvr_tierchange";
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
