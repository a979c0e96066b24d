using System;
using DataverseRelationship.Plugins.Accounts;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DataverseRelationship.Plugins.Tests.TierOverrides;

/// <summary>Manual tier overrides: who may set them, what they need, and that the rules respect them until they expire.</summary>
public class TierOverrideSpecification
{
    private const int Transactional = (int)RelationshipTierChoice.Transactional;
    private const int Strategic = (int)RelationshipTierChoice.StrategicPartner;

    private static Action<Entity> Override(RelationshipWorld world, int tier, string? reason, double? days) => a =>
    {
        a[AccountTable.TierOverride] = new OptionSetValue(tier);
        a[AccountTable.TierOverrideReason] = reason;
        a[AccountTable.TierOverrideExpiresOn] = days.HasValue ? world.Now.AddDays(days.Value) : null;
    };

    [Fact]
    public void An_override_is_kept_while_active_and_replaced_by_the_computed_tier_after_expiry()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");

        world.UpdateAccount(account, Override(world, Strategic, "Board-level partnership agreed", 30));

        var row = world.Account(account);
        Assert.Equal(Strategic, row.Choice(AccountTable.Tier));
        Assert.Equal(world.RelationshipManager, row.GetAttributeValue<EntityReference>(AccountTable.TierOverrideSetBy).Id);
        var manual = Assert.Single(world.TierChanges(account));
        Assert.Equal((int)TierChangeKindChoice.Manual, manual.Choice(TierChangeTable.ChangeKind));
        Assert.Contains("Board-level partnership agreed", manual.GetAttributeValue<string>(TierChangeTable.Reason), StringComparison.Ordinal);

        // Deals and recalculations while the override is active do not touch the tier.
        world.WonDeal(account, 1000m, world.Now.AddDays(-1));
        world.AdvanceDays(20);
        world.RecalculateAll();
        Assert.Equal(Strategic, world.Tier(account));
        Assert.Single(world.TierChanges(account));

        world.AdvanceDays(11);
        world.Dataverse.ClearHistory();
        world.RecalculateAll();

        row = world.Account(account);
        Assert.Equal(Transactional, row.Choice(AccountTable.Tier));
        Assert.Null(row.Choice(AccountTable.TierOverride));
        Assert.Null(row.GetAttributeValue<string>(AccountTable.TierOverrideReason));
        Assert.Null(row.GetAttributeValue<DateTime?>(AccountTable.TierOverrideExpiresOn));
        Assert.Null(row.GetAttributeValue<EntityReference>(AccountTable.TierOverrideSetBy));
        var expired = world.TierChanges(account)[^1];
        Assert.Equal((int)TierChangeKindChoice.OverrideExpired, expired.Choice(TierChangeTable.ChangeKind));

        // Clearing the override columns ran the account's input step, which stopped at once: no second recalculation.
        var executions = world.LastExecutions;
        var inputStep = Assert.Single(executions, e => e.PluginType == typeof(RecalculateOnRelationshipInputChange));
        Assert.Empty(inputStep.Calls);
        Assert.Equal(1, executions.Calls("Update"));
    }

    [Theory]
    [InlineData(null, 30.0, "reason")]
    [InlineData("Strategic bet", null, "expiry")]
    [InlineData("Strategic bet", -1.0, "must be in the future")]
    [InlineData("Strategic bet", 400.0, "365 days")]
    public void An_override_without_a_reason_or_a_valid_expiry_is_rejected(string? reason, double? days, string expected)
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");

        var rejection = Expect.Rejection(() => world.UpdateAccount(account, Override(world, Strategic, reason, days)));

        Assert.Contains(expected, rejection.Message, StringComparison.Ordinal);
        Assert.Equal(Transactional, world.Tier(account));
        Assert.Null(world.Account(account).Choice(AccountTable.TierOverride));
    }

    [Fact]
    public void An_override_longer_than_the_policy_maximum_is_rejected()
    {
        var world = new RelationshipWorld();
        world.SetPolicy("{\"version\":\"short-overrides\",\"tiers\":{\"maximumOverrideDays\":30}}");
        var account = world.CreateAccount("Contoso");

        var rejection = Expect.Rejection(() => world.UpdateAccount(account, Override(world, Strategic, "Strategic bet", 45)));
        world.UpdateAccount(account, Override(world, Strategic, "Strategic bet", 20));

        Assert.Contains("30 days", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(Strategic, world.Tier(account));
    }

    [Fact]
    public void Only_a_relationship_manager_may_set_an_override()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");

        var rejection = Expect.Rejection(() => world.UpdateAccount(account, Override(world, Strategic, "Friend of the CEO", 30), world.Seller));

        Assert.Contains(SecurityTables.RelationshipManagerRole, rejection.Message, StringComparison.Ordinal);
        Assert.Equal(1, world.LastExecutions.Calls<ValidateTierOverride>("RetrieveMultiple"));
        Assert.Empty(world.TierChanges(account));
    }

    [Fact]
    public void A_direct_tier_write_is_rejected_even_with_the_recalculation_tag_from_outside_a_plugin()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var write = new Entity(AccountTable.LogicalName, account) { [AccountTable.Tier] = new OptionSetValue(Strategic) };

        var direct = Expect.Rejection(() => world.Update(write, world.RelationshipManager));
        var update = new UpdateRequest { Target = write };
        update.Parameters["tag"] = "dvr-recalculation";
        var tagged = Expect.Rejection(() => world.Execute(update, world.RelationshipManager));

        Assert.Contains("dvr_tieroverride", direct.Message, StringComparison.Ordinal);
        Assert.Equal(direct.Message, tagged.Message);
        Assert.Equal(Transactional, world.Tier(account));
    }

    [Fact]
    public void Removing_an_override_clears_its_reason_expiry_and_author_and_lets_the_rules_decide()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        world.UpdateAccount(account, Override(world, Strategic, "Pilot", 30));

        world.UpdateAccount(account, a => a[AccountTable.TierOverride] = null);

        var row = world.Account(account);
        Assert.Null(row.GetAttributeValue<string>(AccountTable.TierOverrideReason));
        Assert.Null(row.GetAttributeValue<EntityReference>(AccountTable.TierOverrideSetBy));
        Assert.Equal(Strategic, row.Choice(AccountTable.Tier));
        Assert.Equal(Transactional, row.Choice(AccountTable.EligibleTier));
    }
}
