using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Opportunities;

/// <summary>
/// opportunity, Create and Update, PreOperation (20), synchronous. Update filters on discountpercentage,
/// dvr_sellermargin, dvr_concessions, dvr_commitments, dvr_procurementtactics, dvr_sellerconduct, parentaccountid and
/// estimatedvalue, with a PreImage of those columns, statecode and the computed deal columns.
/// Reads: the Target overlaid on the PreImage, the parent account's dvr_tier (one Retrieve) and the policy (one query).
/// Writes (on the Target, so no extra Update): dvr_dealfairnessscore, dvr_reciprocitybalance, dvr_priceband,
/// dvr_gameflags, dvr_tierruleverdict, dvr_discountallowance (the cap that applied, which the account's reciprocity
/// reads), dvr_dealexplanation and dvr_policyversion, only those whose values change; unknown values are blank.
/// A discount above the tier's cap that no accepted commitment reciprocates is blocked with an
/// InvalidPluginExecutionException when the policy enforces, and saved with the verdict Warned when it warns. A deal
/// whose discount is not recorded is saved with the verdict Not assessed, never blocked.
/// </summary>
public sealed class AssessDealOnSave : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = OpportunityTable.DiscountPercentage + "," + OpportunityTable.SellerMargin + "," + OpportunityTable.Concessions + "," + OpportunityTable.Commitments + "," + OpportunityTable.ProcurementTactics + "," + OpportunityTable.SellerConduct + "," + OpportunityTable.ParentAccountId + "," + OpportunityTable.EstimatedValue;

    /// <summary>The columns this type reads from its pre-image: the image's Attributes must include them all (the solution validator reads this).</summary>
    public const string PreImageColumns = TriggerColumns + "," + OpportunityTable.StateCode + "," + OpportunityTable.DealFairnessScore + "," + OpportunityTable.ReciprocityBalance + "," + OpportunityTable.PriceBand + "," + OpportunityTable.GameFlags + "," + OpportunityTable.TierRuleVerdict + "," + OpportunityTable.DiscountAllowance + "," + OpportunityTable.DealExplanation + "," + OpportunityTable.PolicyVersion;

    /// <summary>The registered image alias.</summary>
    public const string PreImageAlias = "PreImage";

    public AssessDealOnSave()
        : base(null, null)
    {
    }

    public AssessDealOnSave(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        if (!execution.InputParameters.TryGetValue("Target", out var value) || value is not Entity target)
        {
            throw new InvalidPluginExecutionException("AssessDealOnSave expects the opportunity being saved as its Target.");
        }

        execution.PreEntityImages.TryGetValue(PreImageAlias, out var image);
        var deal = image.Overlay(target);
        var asOf = execution.OperationCreatedOn;

        var tier = RelationshipTier.Transactional;
        var accountId = deal.GetReferenceId(OpportunityTable.ParentAccountId);
        if (accountId.HasValue)
        {
            var account = ReferencedRow.Retrieve(context.SystemService, OpportunityTable.LogicalName, OpportunityTable.ParentAccountId, AccountTable.LogicalName, accountId.Value, new ColumnSet(AccountTable.Tier));
            tier = ChoiceMapping.ToTier(account.GetChoice(AccountTable.Tier), AccountTable.Tier) ?? RelationshipTier.Transactional;
        }

        var policy = PolicySource.Read(context);
        var assessment = RelationshipEngine.AssessDeal(OpportunityMapping.ToFacts(deal, asOf), tier, asOf, policy);
        if (assessment.TierRuleVerdict == TierRuleVerdict.Blocked)
        {
            throw new InvalidPluginExecutionException(
                "This opportunity cannot be saved: " + assessment.TierRuleMessage
                + " (the relationship policy " + policy.Version + " enforces the " + TierNames.Describe(tier) + " discount cap).");
        }

        var desired = OpportunityMapping.ToColumns(assessment, target.Id);
        var written = 0;
        foreach (var column in desired.Attributes)
        {
            // ProtectOpportunityComputedColumns refuses a user's value in PreValidation; should one still arrive it is
            // replaced. Otherwise only changes are written.
            object? stored = null;
            image?.Attributes.TryGetValue(column.Key, out stored);
            if (target.Attributes.ContainsKey(column.Key) || !EntityValues.SameValue(stored, column.Value))
            {
                target[column.Key] = column.Value;
                written++;
            }
        }

        context.Trace("Deal score " + StoredValues.Describe(assessment.DealScore) + ", verdict " + assessment.TierRuleVerdict
            + " against the " + TierNames.Describe(tier) + " cap; " + written.ToString(System.Globalization.CultureInfo.InvariantCulture) + " computed columns set on the Target.");
    }
}
