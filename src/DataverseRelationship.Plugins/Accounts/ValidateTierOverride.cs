using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Accounts;

/// <summary>
/// account, Update, PreOperation (20), synchronous; filters on dvr_tieroverride, dvr_tieroverridereason and
/// dvr_tieroverrideexpireson, with a PreImage of those columns.
/// Reads: the Target, the PreImage and (when the override changes) whether the user holds the solution's role, by id,
/// directly or through a team, in one query (<see cref="TierOverrideRules.HoldsRelationshipManagerRole"/>), and the policy
/// (its maximum override length) when an override is set.
/// Writes (on the Target): dvr_tieroverridesetby for a new or changed override; clears reason, expiry and author when
/// the override is removed. Rejects an override without a reason or an expiry, an expiry in the past or beyond the
/// maximum, and an override set by a user without the solution's "Relationship Manager" role. The rules' own writes (clearing an
/// expired override through the SYSTEM service, <see cref="RulesWrite"/>) pass. A direct write of dvr_tier never gets
/// here: ProtectAccountComputedColumns refuses it in PreValidation.
/// </summary>
public sealed class ValidateTierOverride : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = AccountTable.TierOverride + "," + AccountTable.TierOverrideReason + "," + AccountTable.TierOverrideExpiresOn;

    /// <summary>The columns this type reads from its pre-image: the image's Attributes must include them all (the solution validator reads this).</summary>
    public const string PreImageColumns = TriggerColumns;

    /// <summary>The registered image alias.</summary>
    public const string PreImageAlias = "PreImage";

    public ValidateTierOverride()
        : base(null, null)
    {
    }

    public ValidateTierOverride(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        if (RulesWrite.IsRulesWrite(execution))
        {
            context.Trace("Write by the relationship recalculation: accepted as computed.");
            return;
        }

        if (!execution.InputParameters.TryGetValue("Target", out var value) || value is not Entity target)
        {
            throw new InvalidPluginExecutionException("ValidateTierOverride expects the account being saved as its Target.");
        }

        execution.PreEntityImages.TryGetValue(PreImageAlias, out var image);
        if (TierOverrideRules.TouchesOverride(target))
        {
            TierOverrideRules.Apply(context, target, image.Overlay(target), execution.OperationCreatedOn, () => PolicySource.Read(context));
        }
    }
}
