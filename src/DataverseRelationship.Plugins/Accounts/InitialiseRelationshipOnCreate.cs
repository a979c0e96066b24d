using System;
using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Accounts;

/// <summary>
/// account, Create, PreOperation (20), synchronous.
/// Reads: the Target (relationship inputs, an optional override), the policy (one query) and, when an override is
/// set, the user's roles (one query).
/// Writes (on the Target): the starting tier (dvr_tier, dvr_eligibletier; dvr_tierchangedon stays empty), the five scores, health,
/// band, trend, engagement, lifetime value, churn risk, at risk, confidence (each blank while its evidence is missing), dvr_keycontactcount 0, the explanation, the calculation time,
/// the policy version and an empty ledger; dvr_tieroverridesetby with an override. A user's value in a computed column is refused before (ProtectAccountComputedColumns); one that still arrives is replaced.
/// The starting tier is not a change, so no dvr_tierchange row is written (the account does not exist yet).
/// </summary>
public sealed class InitialiseRelationshipOnCreate : PluginBase
{
    public InitialiseRelationshipOnCreate()
        : base(null, null)
    {
    }

    public InitialiseRelationshipOnCreate(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        if (!execution.InputParameters.TryGetValue("Target", out var value) || value is not Entity target)
        {
            throw new InvalidPluginExecutionException("InitialiseRelationshipOnCreate expects the account being created as its Target.");
        }

        var asOf = execution.OperationCreatedOn;
        var policy = PolicySource.Read(context);
        if (TierOverrideRules.TouchesOverride(target) && target.GetChoice(AccountTable.TierOverride).HasValue)
        {
            TierOverrideRules.Apply(context, target, target, asOf, () => policy);
        }

        var facts = AccountMapping.ToFacts(target, asOf, keyContactCount: 0) with
        {
            CurrentTier = null,
            TierChangedOn = null,
            TrendBaselineHealth = null,
            TrendBaselineOn = null,
        };
        var assessment = RelationshipEngine.AssessAccount(facts, Array.Empty<OpportunityFacts?>(), asOf, policy);
        foreach (var column in AccountMapping.ToColumns(assessment, target.Id, 0).Attributes)
        {
            target[column.Key] = column.Value;
        }

        // The starting tier is not a change: it does not start the dwell time (v2 allows no two automatic changes
        // within it), so the first promotion can follow as soon as the account qualifies.
        target[AccountTable.TierChangedOn] = null;
        target[AccountTable.ScoresCalculatedOn] = asOf;

        // A new account has no deals: its ledger starts empty (and complete), so its first deal is applied, not rebuilt.
        target[AccountTable.RelationshipLedger] = LedgerText.Write(new AccountLedger { RebuiltOn = asOf.Date }, PolicyFingerprint.Of(policy));
        context.Trace("Starting tier " + assessment.EffectiveTier + ", health " + StoredValues.Describe(assessment.Health) + ".");
    }
}
