using System;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Engine.Tiers;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Mapping;

/// <summary>
/// Account rows to the engine's <see cref="AccountFacts"/>, and an <see cref="AccountAssessment"/> to the account's
/// computed columns (and the override columns, cleared when the engine says the override expired).
/// </summary>
public static class AccountMapping
{
    /// <summary>The inputs the engine needs plus every computed column, so one read serves both and the comparison.</summary>
    public static readonly string[] ReadColumns =
    {
        AccountTable.Id,
        AccountTable.Name,
        AccountTable.CreatedOn,
        AccountTable.RelationshipSince,
        AccountTable.CustomerSponsorId,
        AccountTable.SellerSponsorId,
        AccountTable.HasJointAccountPlan,
        AccountTable.JointPlanReviewedOn,
        AccountTable.Tier,
        AccountTable.EligibleTier,
        AccountTable.TierChangedOn,
        AccountTable.LastDemotedOn,
        AccountTable.TierOverride,
        AccountTable.TierOverrideReason,
        AccountTable.TierOverrideExpiresOn,
        AccountTable.TierOverrideSetBy,
        AccountTable.ReciprocityScore,
        AccountTable.AutonomyScore,
        AccountTable.IntegrityScore,
        AccountTable.LoyaltyScore,
        AccountTable.FairnessScore,
        AccountTable.HealthScore,
        AccountTable.HealthBand,
        AccountTable.HealthTrend,
        AccountTable.EngagementScore,
        AccountTable.LifetimeValue,
        AccountTable.ChurnRisk,
        AccountTable.AtRisk,
        AccountTable.Confidence,
        AccountTable.KeyContactCount,
        AccountTable.ScoreExplanation,
        AccountTable.PolicyVersion,
        AccountTable.RelationshipLedger,
        AccountTable.HealthTrendDelta,
        AccountTable.TrendBaselineHealth,
        AccountTable.TrendBaselineOn,
        AccountTable.LastSnapshotOn,
        AccountTable.VersionNumber,
    };

    /// <summary>
    /// The account's facts; <paramref name="keyContactCount"/> replaces the stored count when just recounted. A fact not
    /// in the row is null (not recorded): a sponsor lookup counts as recorded when its column is in the row, the plan
    /// flag and the key-contact count when they hold a value.
    /// </summary>
    public static AccountFacts ToFacts(Entity account, DateTime asOf, int? keyContactCount = null)
    {
        Argument.NotNull(account, nameof(account));
        TierOverride? tierOverride = null;
        var overrideTier = ChoiceMapping.ToTier(account.GetChoice(AccountTable.TierOverride), AccountTable.TierOverride);
        if (overrideTier.HasValue)
        {
            var setBy = account.GetAttributeValue<EntityReference>(AccountTable.TierOverrideSetBy);
            tierOverride = new TierOverride
            {
                Tier = overrideTier.Value,
                Reason = account.GetAttributeValue<string>(AccountTable.TierOverrideReason),
                ExpiresOn = account.GetAttributeValue<DateTime?>(AccountTable.TierOverrideExpiresOn),
                SetBy = string.IsNullOrWhiteSpace(setBy?.Name) ? null : setBy!.Name,
            };
        }

        return new AccountFacts
        {
            CreatedOn = account.GetAttributeValue<DateTime?>(AccountTable.CreatedOn) ?? asOf,
            RelationshipSince = account.GetAttributeValue<DateTime?>(AccountTable.RelationshipSince),
            KeyContactCount = keyContactCount ?? account.GetAttributeValue<int?>(AccountTable.KeyContactCount),
            HasCustomerSponsor = Recorded(account, AccountTable.CustomerSponsorId),
            HasSellerSponsor = Recorded(account, AccountTable.SellerSponsorId),
            HasJointAccountPlan = account.GetAttributeValue<bool?>(AccountTable.HasJointAccountPlan),
            JointPlanReviewedOn = account.GetAttributeValue<DateTime?>(AccountTable.JointPlanReviewedOn),
            CurrentTier = ChoiceMapping.ToTier(account.GetChoice(AccountTable.Tier), AccountTable.Tier),
            TierChangedOn = account.GetAttributeValue<DateTime?>(AccountTable.TierChangedOn),
            LastDemotedOn = account.GetAttributeValue<DateTime?>(AccountTable.LastDemotedOn),
            Override = tierOverride,
            TrendBaselineHealth = account.GetAttributeValue<decimal?>(AccountTable.TrendBaselineHealth),
            TrendBaselineOn = account.GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn),
            WasAtRisk = account.GetAttributeValue<bool?>(AccountTable.AtRisk),
        };
    }

    /// <summary>Whether a sponsor lookup is set; null when its column is not in the row (not recorded).</summary>
    private static bool? Recorded(Entity account, string lookup) =>
        account.Attributes.ContainsKey(lookup) ? account.GetReferenceId(lookup).HasValue : null;

    /// <summary>
    /// The account's computed columns as the assessment says they should be stored; an unknown score is null (a blank
    /// column), and so is "at risk" while churn risk is unknown. The tier and its change date are included only when
    /// the tier changes, with dvr_lastdemotedon when the change lowers it; the override columns are cleared when the
    /// override expired.
    /// </summary>
    public static Entity ToColumns(AccountAssessment assessment, Guid accountId, int? keyContactCount)
    {
        Argument.NotNull(assessment, nameof(assessment));
        var row = new Entity(AccountTable.LogicalName, accountId);
        row[AccountTable.EligibleTier] = ChoiceMapping.ToChoice(assessment.EligibleTier);
        row[AccountTable.ReciprocityScore] = StoredValues.Decimal2(assessment.Reciprocity);
        row[AccountTable.AutonomyScore] = StoredValues.Decimal2(assessment.Autonomy);
        row[AccountTable.IntegrityScore] = StoredValues.Decimal2(assessment.Integrity);
        row[AccountTable.LoyaltyScore] = StoredValues.Decimal2(assessment.Loyalty);
        row[AccountTable.FairnessScore] = StoredValues.Decimal2(assessment.Fairness);
        row[AccountTable.HealthScore] = StoredValues.Decimal2(assessment.Health);
        row[AccountTable.HealthBand] = ChoiceMapping.ToChoice(assessment.HealthBand);
        row[AccountTable.HealthTrend] = ChoiceMapping.ToChoice(assessment.HealthTrend);
        row[AccountTable.HealthTrendDelta] = StoredValues.Decimal2(assessment.HealthTrendChange);
        row[AccountTable.EngagementScore] = StoredValues.Decimal2(assessment.Engagement);
        row[AccountTable.LifetimeValue] = StoredValues.Money(assessment.LifetimeValue);
        row[AccountTable.ChurnRisk] = StoredValues.Decimal2(assessment.ChurnRisk);
        row[AccountTable.AtRisk] = assessment.ChurnRisk.HasValue ? assessment.AtRisk : null;
        row[AccountTable.Confidence] = StoredValues.Decimal2(assessment.Confidence);
        row[AccountTable.KeyContactCount] = keyContactCount.HasValue && keyContactCount.Value < 0 ? 0 : keyContactCount;
        row[AccountTable.ScoreExplanation] = StoredValues.Text(assessment.Explanation, StoredValues.ExplanationLength);
        row[AccountTable.PolicyVersion] = StoredValues.Text(assessment.PolicyVersion, StoredValues.PolicyVersionLength);
        if (assessment.TierChange is not null)
        {
            row[AccountTable.Tier] = ChoiceMapping.ToChoice(assessment.EffectiveTier);
            row[AccountTable.TierChangedOn] = assessment.AsOf;
            if (Lowers(assessment.TierChange))
            {
                row[AccountTable.LastDemotedOn] = assessment.AsOf;
            }
        }

        if (OverrideExpired(assessment))
        {
            row[AccountTable.TierOverride] = null;
            row[AccountTable.TierOverrideReason] = null;
            row[AccountTable.TierOverrideExpiresOn] = null;
            row[AccountTable.TierOverrideSetBy] = null;
        }

        return row;
    }

    /// <summary>Whether the change moves the account to a lower tier than it had (a demotion, by the rules or an override).</summary>
    public static bool Lowers(TierChange change)
    {
        var from = Argument.NotNull(change, nameof(change)).From;
        return from.HasValue && change.To < from.Value;
    }

    /// <summary>Whether the engine decided that the account's override has expired (so its columns are cleared).</summary>
    public static bool OverrideExpired(AccountAssessment assessment) =>
        Argument.NotNull(assessment, nameof(assessment)).TierVerdict.DecidedBy == ReasonCodes.OverrideExpired;

    /// <summary>The dvr_tierchange row recording <paramref name="assessment"/>'s tier change.</summary>
    public static Entity ToTierChangeRow(AccountAssessment assessment, Guid accountId, string? accountName)
    {
        Argument.NotNull(assessment, nameof(assessment));
        var change = assessment.TierChange ?? throw new ArgumentException("The assessment carries no tier change.", nameof(assessment));
        var from = change.From.HasValue ? TierNames.Describe(change.From.Value) : "(none)";
        var name = (string.IsNullOrWhiteSpace(accountName) ? "Account" : accountName) + ": " + from + " → " + TierNames.Describe(change.To);
        var row = new Entity(TierChangeTable.LogicalName);
        row[TierChangeTable.Name] = StoredValues.Text(name, StoredValues.NameLength);
        row[TierChangeTable.AccountId] = new EntityReference(AccountTable.LogicalName, accountId);
        row[TierChangeTable.FromTier] = change.From.HasValue ? ChoiceMapping.ToChoice(change.From.Value) : null;
        row[TierChangeTable.ToTier] = ChoiceMapping.ToChoice(change.To);
        row[TierChangeTable.ChangedOn] = assessment.AsOf;
        row[TierChangeTable.ChangeKind] = ChoiceMapping.ToChoice(change.Kind);
        row[TierChangeTable.Reason] = StoredValues.Text(change.Reason, StoredValues.ExplanationLength);
        row[TierChangeTable.HealthScore] = StoredValues.Decimal2(assessment.Health);
        row[TierChangeTable.ReciprocityScore] = StoredValues.Decimal2(assessment.Reciprocity);
        row[TierChangeTable.AutonomyScore] = StoredValues.Decimal2(assessment.Autonomy);
        row[TierChangeTable.IntegrityScore] = StoredValues.Decimal2(assessment.Integrity);
        row[TierChangeTable.LoyaltyScore] = StoredValues.Decimal2(assessment.Loyalty);
        row[TierChangeTable.FairnessScore] = StoredValues.Decimal2(assessment.Fairness);
        row[TierChangeTable.PolicyVersion] = StoredValues.Text(assessment.PolicyVersion, StoredValues.PolicyVersionLength);
        return row;
    }
}
