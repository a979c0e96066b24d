using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Recalculation;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Plugins.Accounts;

/// <summary>
/// account, Update, PostOperation (40), synchronous; filters on the relationship inputs (dvr_relationshipsince, the two
/// sponsors, dvr_hasjointaccountplan, dvr_jointplanreviewedon, dvr_tieroverride, dvr_tieroverrideexpireson).
/// Reads: the policy and the account with its ledger (no deal is read: the ledger holds what the scores need).
/// Writes: the account's changed computed columns (one SYSTEM Update at most) and a dvr_tierchange row when the tier
/// changes. When the recalculation itself clears an expired override it runs here too and stops at once (a SYSTEM
/// write from within a plugin, <see cref="RulesWrite"/>), so a recalculation never starts another.
/// </summary>
public sealed class RecalculateOnRelationshipInputChange : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = AccountTable.RelationshipSince + "," + AccountTable.CustomerSponsorId + "," + AccountTable.SellerSponsorId + "," + AccountTable.HasJointAccountPlan + "," + AccountTable.JointPlanReviewedOn + "," + AccountTable.TierOverride + "," + AccountTable.TierOverrideExpiresOn;

    public RecalculateOnRelationshipInputChange()
        : base(null, null)
    {
    }

    public RecalculateOnRelationshipInputChange(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        if (RulesWrite.IsRulesWrite(execution))
        {
            context.Trace("Write by the relationship recalculation (expired override cleared): nothing to recompute.");
            return;
        }

        var policy = PolicySource.Read(context);
        AccountRecalculation.Recalculate(context, execution.PrimaryEntityId, policy, LedgerChange.None);
    }
}
