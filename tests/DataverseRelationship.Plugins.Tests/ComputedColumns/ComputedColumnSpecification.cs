using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Accounts;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using DataverseRelationship.Plugins.Tests.Tiers;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Tests.ComputedColumns;

/// <summary>Only the rules write what the rules compute: users' writes of computed columns are refused or, when unchanged, dropped.</summary>
public class ComputedColumnSpecification
{
    public static TheoryData<string> AccountColumns() => new(ComputedColumnGuard.Columns(AccountTable.Computed));

    public static TheoryData<string> OpportunityColumns() => new(ComputedColumnGuard.Columns(OpportunityTable.Computed));

    [Theory]
    [MemberData(nameof(AccountColumns))]
    public void A_sellers_write_of_a_computed_account_column_is_refused_naming_the_column_and_nothing_is_written(string column)
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        world.WonDeal(account, 20000m, world.Now.AddDays(-3));
        var before = world.Account(account);
        var write = new Entity(AccountTable.LogicalName, account) { [AccountTable.Name] = "Contoso (renamed)", [column] = Forged(column, before) };

        var rejection = Expect.Rejection(() => world.Update(write));

        Assert.Contains(column + " is computed by the relationship rules and cannot be written", rejection.Message, StringComparison.Ordinal);
        AssertSameRow(before, world.Account(account));
        Assert.Empty(world.TierChanges(account));
    }

    [Theory]
    [MemberData(nameof(OpportunityColumns))]
    public void A_sellers_write_of_a_computed_opportunity_column_is_refused_naming_the_column_and_nothing_is_written(string column)
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var deal = world.CreateDeal(account, 50000m, discount: 4m);
        var before = world.Deal(deal);
        var accountBefore = world.Account(account);
        var write = new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.SellerMargin] = 31m, [column] = Forged(column, before) };

        var rejection = Expect.Rejection(() => world.Update(write));

        Assert.Contains(column + " is computed by the relationship rules and cannot be written", rejection.Message, StringComparison.Ordinal);
        AssertSameRow(before, world.Deal(deal));
        AssertSameRow(accountBefore, world.Account(account));
    }

    [Fact]
    public void Creating_an_account_or_a_deal_with_a_computed_value_is_refused_and_creates_nothing()
    {
        var world = new RelationshipWorld();
        var accountsBefore = world.Dataverse.ReadAll(AccountTable.LogicalName).Count;

        var account = Expect.Rejection(() => world.CreateAccount("Forged", configure: a => a[AccountTable.HealthScore] = 99.99m));
        var existing = world.CreateAccount("Contoso");
        var deal = Expect.Rejection(() => world.CreateDeal(existing, 10000m, configure: d => d[OpportunityTable.TierRuleVerdict] = new OptionSetValue((int)TierRuleVerdictChoice.WithinCap)));

        Assert.Contains("dvr_healthscore is computed by the relationship rules and cannot be written", account.Message, StringComparison.Ordinal);
        Assert.Contains("dvr_tierruleverdict is computed by the relationship rules and cannot be written", deal.Message, StringComparison.Ordinal);
        Assert.Equal(accountsBefore + 1, world.Dataverse.ReadAll(AccountTable.LogicalName).Count);
        Assert.Empty(world.Dataverse.ReadAll(OpportunityTable.LogicalName));
    }

    [Fact]
    public void A_forged_key_contact_count_promotes_nothing()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso", relationshipMonths: 36);
        TierJourneySpecification.WonEveryQuarter(world, account, 15000m, quarters: 8);
        Assert.Equal((int)RelationshipTierChoice.Transactional, world.Tier(account));

        var forged = Expect.Rejection(() => world.Update(new Entity(AccountTable.LogicalName, account) { [AccountTable.KeyContactCount] = 5 }));
        world.Execute(TierJourneySpecification.RecalculateAccountRequest(account));

        Assert.Contains(AccountTable.KeyContactCount, forged.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Account(account).GetAttributeValue<int?>(AccountTable.KeyContactCount));
        Assert.Equal((int)RelationshipTierChoice.Transactional, world.Tier(account));
        Assert.Empty(world.TierChanges(account));

        // The same account with two real key contacts is promoted: the count is what the forgery was after.
        world.CreateContact(account, ContactRole.DecisionMaker, "Dana");
        world.CreateContact(account, ContactRole.Influencer, "Ian");
        Assert.Equal((int)RelationshipTierChoice.Preferred, world.Tier(account));
    }

    [Fact]
    public void A_stale_full_row_write_back_of_an_unchanged_account_succeeds_and_keeps_the_computed_values()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        world.CreateContact(account, ContactRole.DecisionMaker);
        world.CreateContact(account, ContactRole.Influencer);
        world.CreateContact(account, ContactRole.DecisionMaker);
        world.WonDeal(account, 20000m, world.Now.AddDays(-3));
        var retrieved = world.Service.Retrieve(AccountTable.LogicalName, account, new ColumnSet(true));
        var computedBefore = Computed(world.Account(account));

        retrieved[AccountTable.Name] = "Contoso Ltd";
        world.Update(retrieved);

        var after = world.Account(account);
        Assert.Equal("Contoso Ltd", after.GetAttributeValue<string>(AccountTable.Name));
        Assert.Equal(3, after.GetAttributeValue<int?>(AccountTable.KeyContactCount));
        Assert.Equal(computedBefore, Computed(after));
        var guard = world.LastExecutions.First(e => e.PluginType == typeof(ProtectAccountComputedColumns));
        Assert.Contains(guard.Trace, l => l.Contains("Unchanged computed columns dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_row_write_back_made_stale_by_a_new_contact_is_refused_and_keeps_the_new_count()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        world.CreateContact(account, ContactRole.DecisionMaker);
        world.CreateContact(account, ContactRole.Influencer);
        world.CreateContact(account, ContactRole.DecisionMaker);
        var retrieved = world.Service.Retrieve(AccountTable.LogicalName, account, new ColumnSet(true));
        world.CreateContact(account, ContactRole.Influencer, "Added elsewhere");

        retrieved[AccountTable.Name] = "Contoso Ltd";
        var rejection = Expect.Rejection(() => world.Update(retrieved));

        Assert.Contains(AccountTable.KeyContactCount + " is computed by the relationship rules", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(4, world.Account(account).GetAttributeValue<int?>(AccountTable.KeyContactCount));
        Assert.Equal("Contoso", world.Account(account).GetAttributeValue<string>(AccountTable.Name));
    }

    [Fact]
    public void A_caller_sending_the_old_recalculation_tag_still_cannot_write_computed_columns()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var deal = world.CreateDeal(account, 50000m, discount: 4m);
        var before = world.Account(account);
        var dealBefore = world.Deal(deal);

        foreach (var user in new[] { world.Seller, world.RelationshipManager })
        {
            var update = new UpdateRequest { Target = new Entity(AccountTable.LogicalName, account) { [AccountTable.HealthScore] = 99.99m, [AccountTable.TierChangedOn] = world.Now } };
            update.Parameters["tag"] = "dvr-recalculation";
            var rejection = Expect.Rejection(() => world.Execute(update, user));
            Assert.Contains("dvr_tierchangedon and dvr_healthscore are computed by the relationship rules", rejection.Message, StringComparison.Ordinal);

            var dealUpdate = new UpdateRequest { Target = new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.TierRuleVerdict] = Forged(OpportunityTable.TierRuleVerdict, dealBefore) } };
            dealUpdate.Parameters["tag"] = "dvr-recalculation";
            Expect.Rejection(() => world.Execute(dealUpdate, user));
        }

        AssertSameRow(before, world.Account(account));
        AssertSameRow(dealBefore, world.Deal(deal));
    }

    [Fact]
    public void The_rules_own_recalculation_still_writes_the_computed_columns_and_the_guard_makes_no_service_call()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        Assert.Null(world.Account(account).GetAttributeValue<Money>(AccountTable.LifetimeValue));

        world.WonDeal(account, 20000m, world.Now.AddDays(-3));

        Assert.True(world.Account(account).GetAttributeValue<Money>(AccountTable.LifetimeValue)?.Value > 0m);
        var guards = world.LastExecutions.Where(e => e.PluginType == typeof(ProtectAccountComputedColumns)).ToList();
        var guard = Assert.Single(guards);
        Assert.Contains(guard.Trace, l => l.Contains("Write by the relationship rules", StringComparison.Ordinal));
        Assert.Empty(guard.Calls);
    }

    /// <summary>A value for <paramref name="column"/> of its type that differs from the stored one.</summary>
    private static object Forged(string column, Entity stored)
    {
        object[] candidates = column switch
        {
            AccountTable.Tier or AccountTable.EligibleTier => [Choice((int)RelationshipTierChoice.StrategicPartner), Choice((int)RelationshipTierChoice.Preferred)],
            AccountTable.TierChangedOn or AccountTable.LastDemotedOn or AccountTable.ScoresCalculatedOn or AccountTable.TrendBaselineOn or AccountTable.LastSnapshotOn => [new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc)],
            AccountTable.TierOverrideSetBy => [new EntityReference(SecurityTables.SystemUser, Guid.NewGuid())],
            AccountTable.HealthBand => [Choice((int)HealthBandChoice.Good), Choice((int)HealthBandChoice.Poor)],
            AccountTable.HealthTrend => [Choice((int)HealthTrendChoice.Improving), Choice((int)HealthTrendChoice.Declining)],
            AccountTable.LifetimeValue => [new Money(999_999_999m)],
            AccountTable.AtRisk => [false, true],
            AccountTable.KeyContactCount => [5],
            AccountTable.ScoreExplanation or AccountTable.PolicyVersion or OpportunityTable.DealExplanation => ["forged"],
            // A ledger claiming a large won deal this month: exactly what a forger would write to buy a promotion.
            AccountTable.RelationshipLedger => [DataverseRelationship.Engine.Scoring.LedgerText.Format + " policy=0000000000000000\n2026-01 0:1 1:1 3:5000000"],
            OpportunityTable.PriceBand => [Choice((int)PriceBandChoice.AboveCeiling), Choice((int)PriceBandChoice.BelowFloor)],
            OpportunityTable.GameFlags => [new OptionSetValueCollection { Choice((int)ProcurementTacticChoice.None) }],
            OpportunityTable.TierRuleVerdict => [Choice((int)TierRuleVerdictChoice.WithinCap), Choice((int)TierRuleVerdictChoice.Reciprocated)],
            _ => [99.99m, 0m],
        };
        stored.Attributes.TryGetValue(column, out var current);
        return candidates.First(c => !EntityValues.SameValue(current, c));
    }

    private static OptionSetValue Choice(int value) => new(value);

    private static Dictionary<string, string> Computed(Entity row) => ComputedColumnGuard.Columns(AccountTable.Computed)
        .ToDictionary(c => c, c => Describe(row.Attributes.TryGetValue(c, out var v) ? v : null));

    private static void AssertSameRow(Entity expected, Entity actual)
    {
        Assert.Equal(
            expected.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Describe(a.Value)),
            actual.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Describe(a.Value)));
    }

    private static string Describe(object? value) => value switch
    {
        null => "(null)",
        OptionSetValue choice => choice.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OptionSetValueCollection choices => string.Join("|", choices.Select(c => c.Value).Order()),
        Money money => money.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EntityReference reference => reference.LogicalName + ":" + reference.Id,
        DateTime time => time.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
