using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Accounts;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Recalculation;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace DataverseRelationship.Plugins.Tests.Accounts;

/// <summary>Every event that moves an account's inputs recomputes it in the same transaction, within the call budget.</summary>
public class AccountRecalculationSpecification
{
    private readonly ITestOutputHelper _output;

    public AccountRecalculationSpecification(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Moving_a_deal_to_another_account_recomputes_both_accounts()
    {
        var world = new RelationshipWorld();
        var first = world.CreateAccount("First");
        var second = world.CreateAccount("Second");
        var deal = world.WonDeal(first, 80000m, world.Now.AddDays(-10));
        var firstLoyalty = world.Account(first).GetAttributeValue<decimal>(AccountTable.LoyaltyScore);
        var secondLoyalty = world.Account(second).GetAttributeValue<decimal>(AccountTable.LoyaltyScore);

        world.Update(new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, second) });

        Assert.True(world.Account(first).GetAttributeValue<decimal>(AccountTable.LoyaltyScore) < firstLoyalty);
        Assert.True(world.Account(second).GetAttributeValue<decimal>(AccountTable.LoyaltyScore) > secondLoyalty);
        Assert.Equal(2, world.LastExecutions.Calls<RecalculateAccountOnDealChange>("Update"));
    }

    [Fact]
    public void Moving_a_key_contact_to_another_account_recounts_both_accounts()
    {
        var world = new RelationshipWorld();
        var first = world.CreateAccount("First");
        var second = world.CreateAccount("Second");
        var contact = world.CreateContact(first, ContactRole.DecisionMaker);
        world.CreateContact(first, ContactRole.Employee);
        Assert.Equal(1, world.Account(first).GetAttributeValue<int>(AccountTable.KeyContactCount));

        world.Update(new Entity(ContactTable.LogicalName, contact) { [ContactTable.ParentCustomerId] = new EntityReference(AccountTable.LogicalName, second) });

        Assert.Equal(0, world.Account(first).GetAttributeValue<int>(AccountTable.KeyContactCount));
        Assert.Equal(1, world.Account(second).GetAttributeValue<int>(AccountTable.KeyContactCount));
    }

    [Fact]
    public void Changing_a_contacts_role_or_deactivating_it_recounts_the_key_contacts()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var contact = world.CreateContact(account, ContactRole.Employee);
        Assert.Equal(0, world.Account(account).GetAttributeValue<int>(AccountTable.KeyContactCount));

        world.Update(new Entity(ContactTable.LogicalName, contact) { [ContactTable.AccountRoleCode] = new OptionSetValue((int)ContactRole.Influencer) });
        Assert.Equal(1, world.Account(account).GetAttributeValue<int>(AccountTable.KeyContactCount));

        world.Update(new Entity(ContactTable.LogicalName, contact) { [ContactTable.StateCode] = new OptionSetValue(1) });
        Assert.Equal(0, world.Account(account).GetAttributeValue<int>(AccountTable.KeyContactCount));
    }

    [Fact]
    public void A_lost_deal_raises_churn_risk_when_the_year_before_lost_less()
    {
        // v2: loyalty is loyalty to the relationship (tenure, retention, stability, shared investment), not win counts;
        // lost business is a churn signal: since policy 2.6 the rise of the lost share against the 12 months before.
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        world.WonDeal(account, 30000m, world.Now.AddMonths(-16));
        world.WonDeal(account, 30000m, world.Now.AddMonths(-14));
        world.WonDeal(account, 30000m, world.Now.AddMonths(-4));
        world.WonDeal(account, 30000m, world.Now.AddMonths(-2));
        var deal = world.CreateDeal(account, 30000m, configure: RelationshipWorld.CleanConduct);
        var before = world.Account(account).GetAttributeValue<decimal?>(AccountTable.ChurnRisk);

        world.Lose(deal, world.Now.AddDays(-1));

        var after = world.Account(account).GetAttributeValue<decimal?>(AccountTable.ChurnRisk);
        Assert.True(after.HasValue && (!before.HasValue || after.Value > before.Value), $"churn risk {before} before, {after} after");
        Assert.Equal(2, world.Deal(deal).Choice(OpportunityTable.StateCode));
    }

    [Fact]
    public void A_failing_step_leaves_nothing_written()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var deal = world.CreateDeal(account, 30000m);
        var accountBefore = world.Account(account);
        world.SetPolicy("""{"version":"broken","tiers":{"minimumDwellDays":-3}}""");

        var rejection = Expect.Rejection(() => world.Win(deal, world.Now));

        Assert.Contains("tiers.minimumDwellDays", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Deal(deal).Choice(OpportunityTable.StateCode));
        Assert.Equal(0, world.Dataverse.Count(OpportunityCloseTable.LogicalName));
        Assert.Equal(0, world.Dataverse.Count(TierChangeTable.LogicalName));
        var accountAfter = world.Account(account);
        Assert.Equal(accountBefore.GetAttributeValue<DateTime>("modifiedon"), accountAfter.GetAttributeValue<DateTime>("modifiedon"));
        Assert.Equal(accountBefore.GetAttributeValue<decimal>(AccountTable.HealthScore), accountAfter.GetAttributeValue<decimal>(AccountTable.HealthScore));

        Expect.Rejection(() => world.CreateContact(account, ContactRole.DecisionMaker));
        Assert.Equal(0, world.Dataverse.Count(ContactTable.LogicalName));
    }

    [Fact]
    public void An_update_that_changes_nothing_writes_nothing()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var deal = world.CreateDeal(account, 30000m, discount: 3m);
        var accountBefore = world.Account(account);
        var dealBefore = world.Deal(deal);

        world.Update(new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.DiscountPercentage] = 3m });

        var executions = world.LastExecutions;
        Assert.Equal(new[] { typeof(AssessDealOnSave), typeof(RecalculateAccountOnDealChange) }, executions.Select(e => e.PluginType));
        Assert.Equal(0, executions.Calls("Update"));
        Assert.Equal(0, executions.Calls("Create"));
        Assert.Equal(accountBefore.GetAttributeValue<DateTime>("modifiedon"), world.Account(account).GetAttributeValue<DateTime>("modifiedon"));
        Assert.Equal(dealBefore.GetAttributeValue<string>(OpportunityTable.DealExplanation), world.Deal(deal).GetAttributeValue<string>(OpportunityTable.DealExplanation));

        // The deal's contribution to the ledger is the same before and after, so the account is not even read.
        Assert.Empty(executions[1].Calls);
        Assert.Contains(executions[1].Trace, l => l.Contains("contribution did not change; the account is left as it is", StringComparison.Ordinal));
    }

    [Fact]
    public void No_step_starts_another_recalculation_the_pipeline_shows_which_steps_ran()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Partner Co", relationshipMonths: 40);
        world.CreateContact(account, ContactRole.DecisionMaker);
        world.CreateContact(account, ContactRole.Influencer);
        world.CreateContact(account, ContactRole.DecisionMaker);
        var sponsor = world.CreateContact(account, ContactRole.Employee, "Sponsor");
        Tiers.TierJourneySpecification.WonEveryQuarter(world, account, 40000m, quarters: 8);

        // Past the dwell time of the Preferred promotion, the account update that adds the sponsors and the plan is
        // what makes it a strategic partner.
        world.AdvanceDays(91);
        world.UpdateAccount(account, a =>
        {
            a[AccountTable.CustomerSponsorId] = new EntityReference(ContactTable.LogicalName, sponsor);
            a[AccountTable.SellerSponsorId] = new EntityReference(SecurityTables.SystemUser, world.RelationshipManager);
            a[AccountTable.HasJointAccountPlan] = true;
            a[AccountTable.JointPlanReviewedOn] = world.Now.AddMonths(-1).Date;
        });
        var promotion = world.Dataverse.Operations.Last(o => o.PluginExecutions.Any(e => e.PluginType == typeof(RecalculateOnRelationshipInputChange)));

        // The account update that made it a strategic partner: the input step recomputed and wrote the tier once; the
        // SYSTEM write ran only ProtectAccountComputedColumns (it filters on the computed columns), which accepted it as
        // the rules' own without a single call.
        Assert.Equal(
            new[] { typeof(RecalculateOnRelationshipInputChange), typeof(ProtectAccountComputedColumns) },
            promotion.PluginExecutions.Select(e => e.PluginType));
        Assert.Empty(promotion.PluginExecutions[1].Calls);
        Assert.Equal(1, promotion.CallCount("Update"));
        Assert.All(world.Dataverse.PluginExecutions, e => Assert.True(e.Depth <= 2, e.ToString()));
        Assert.Equal((int)RelationshipTierChoice.StrategicPartner, world.Tier(account));
    }

    [Fact]
    public void Service_calls_per_event_stay_within_the_budget()
    {
        var world = new RelationshipWorld();
        var rows = new List<string> { "| event | RetrieveMultiple | Retrieve | Update | Create |", "|---|---|---|---|---|" };

        void Measure(string name, Action action, int retrieveMultiple, int retrieve, int maxUpdates, int maxCreates = 1)
        {
            world.Dataverse.ClearHistory();
            action();
            var executions = world.LastExecutions;
            rows.Add($"| {name} | {executions.Calls("RetrieveMultiple")} | {executions.Calls("Retrieve")} | {executions.Calls("Update")} | {executions.Calls("Create")} |");
            var made = string.Join("; ", executions.Select(e => e.PluginType.Name + " " + string.Join(" ", e.Calls.Select(c => c.Key + "=" + c.Value))));
            Assert.True(retrieveMultiple == executions.Calls("RetrieveMultiple"), $"{name}: RetrieveMultiple {executions.Calls("RetrieveMultiple")}, budget {retrieveMultiple} ({made})");
            Assert.True(retrieve == executions.Calls("Retrieve"), $"{name}: Retrieve {executions.Calls("Retrieve")}, budget {retrieve} ({made})");
            Assert.InRange(executions.Calls("Update"), 0, maxUpdates);
            Assert.InRange(executions.Calls("Create"), 0, maxCreates);
        }

        Guid account = Guid.Empty, other = Guid.Empty, deal = Guid.Empty, second = Guid.Empty, contact = Guid.Empty;
        Measure("Create account", () => account = world.CreateAccount("Contoso"), 1, 0, 0, 0);
        other = world.CreateAccount("Fabrikam");
        Measure("Create contact", () => contact = world.CreateContact(account, ContactRole.DecisionMaker), 1, 1, 1);
        Measure("Update contact role, still a key contact", () => world.Update(new Entity(ContactTable.LogicalName, contact) { [ContactTable.AccountRoleCode] = new OptionSetValue(3) }), 0, 0, 0, 0);
        Measure("Re-parent contact", () => world.Update(new Entity(ContactTable.LogicalName, contact) { [ContactTable.ParentCustomerId] = new EntityReference(AccountTable.LogicalName, other) }), 1, 2, 2, 2);
        Measure("Delete contact", () => world.Service.Delete(ContactTable.LogicalName, contact), 1, 1, 1);
        Measure("Create opportunity", () => deal = world.CreateDeal(account, 40000m), 1, 2, 1);
        Measure("Update opportunity margin (below the fair floor)", () => world.Update(new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.SellerMargin] = 5m }), 1, 2, 1);
        Measure("Update opportunity, nothing changes", () => world.Update(new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.SellerMargin] = 5m }), 1, 1, 0, 0);
        Measure("Re-parent opportunity", () => world.Update(new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, other) }), 1, 3, 2, 2);
        Measure("Win", () => world.Win(deal, world.Now), 2, 1, 1);
        second = world.CreateDeal(other, 10000m);
        Measure("Lose", () => world.Lose(second, world.Now), 2, 1, 1);
        Measure("Delete opportunity", () => world.Service.Delete(OpportunityTable.LogicalName, second), 1, 1, 1);
        Measure("Update account input", () => world.UpdateAccount(other, a => a[AccountTable.HasJointAccountPlan] = true), 1, 1, 1);
        Measure("dvr_RecalculateAccount (rebuilds the ledger, recounts contacts)", () => world.Execute(Tiers.TierJourneySpecification.RecalculateAccountRequest(other)), 3, 1, 1);
        // Accounts, policy, expired snapshots; per account its deals and key contacts (rebuilt ledger) and the trend
        // baseline (first run of the week), and one snapshot row each.
        world.AdvanceDays(30);
        Measure("dvr_RecalculateAccounts (page of 2, ledgers 28+ days old: rebuilt; weekly snapshot)", () => world.RecalculateAll(), 9, 0, 2, 4);
        world.AdvanceDays(1);
        var sameWeek = ScoreHistory.PeriodStart(world.Now, DataverseRelationship.Engine.Policies.RelationshipPolicy.Default.History) == ScoreHistory.PeriodStart(world.Now.AddDays(-1), DataverseRelationship.Engine.Policies.RelationshipPolicy.Default.History);
        Measure("dvr_RecalculateAccounts (page of 2, ledgers fresh: ageing only)", () => world.RecalculateAll(), sameWeek ? 3 : 5, 0, 2, sameWeek ? 2 : 4);

        foreach (var row in rows)
        {
            _output.WriteLine(row);
        }
    }

    [Fact]
    public void An_account_with_more_than_one_page_of_deals_is_read_page_by_page_in_one_query()
    {
        var world = new RelationshipWorld(keepHistory: true);
        var account = world.CreateAccount("Big customer");
        for (var i = 0; i < AccountRecalculation.PageSize + 1; i++)
        {
            world.Dataverse.Seed(new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, account),
                [OpportunityTable.EstimatedValue] = new Money(1000m + i),
                [OpportunityTable.EstimatedCloseDate] = world.Now.AddDays(-(i % 700)).Date,
                [OpportunityTable.StateCode] = new OptionSetValue(i % 3 == 0 ? 1 : 0),
                [OpportunityTable.ActualCloseDate] = world.Now.AddDays(-(i % 700)).Date,
            });
        }

        world.Execute(Tiers.TierJourneySpecification.RecalculateAccountRequest(account));

        // The policy, two pages of deals, the key contacts.
        var execution = Assert.Single(world.LastExecutions, e => e.PluginType == typeof(RecalculateAccountApi));
        Assert.Equal(4, execution.Calls["RetrieveMultiple"]);
        Assert.Equal(1, execution.Calls["Retrieve"]);
        Assert.Equal(1, execution.Calls["Update"]);
        Assert.Contains(execution.Trace, l => l.Contains("ledger rebuilt from 5001 opportunities", StringComparison.Ordinal));
    }

    [Fact]
    public void Deals_loaded_past_the_plugins_reach_the_scores_when_the_scheduled_recalculation_rebuilds_the_ledger()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Bulk-loaded customer", relationshipMonths: 30);
        for (var i = 0; i < 40; i++)
        {
            // A bulk load with custom logic bypassed: no plugin sees these deals.
            world.Dataverse.Seed(new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, account),
                [OpportunityTable.EstimatedValue] = new Money(20000m),
                [OpportunityTable.ActualValue] = new Money(20000m),
                [OpportunityTable.StateCode] = new OptionSetValue(1),
                [OpportunityTable.ActualCloseDate] = world.Now.AddDays(-10 * i).Date,
                [OpportunityTable.DiscountPercentage] = 0m,
                [OpportunityTable.SellerMargin] = 25m,
            });
        }

        world.AdvanceDays(1);
        world.RecalculateAll();
        var aged = world.Account(account);
        Assert.Equal(0m, aged.GetAttributeValue<Money>(AccountTable.LifetimeValue)?.Value ?? 0m);

        world.RecalculateAll(rebuildLedgers: true);
        var rebuilt = world.Account(account);
        Assert.True(rebuilt.GetAttributeValue<Money>(AccountTable.LifetimeValue)?.Value > 0m, "the rebuilt ledger holds the 40 won deals");
        Assert.Contains(world.LastExecutions.SelectMany(e => e.Trace), l => l.Contains("ledger rebuilt from 40 opportunities", StringComparison.Ordinal));

        // Without the parameter the scheduled run rebuilds a ledger once it is 28 days old, so the drift does not last.
        var other = world.CreateAccount("Second bulk-loaded customer", relationshipMonths: 30);
        world.Dataverse.Seed(new Entity(OpportunityTable.LogicalName)
        {
            [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, other),
            [OpportunityTable.EstimatedValue] = new Money(50000m),
        });
        world.AdvanceDays(RecalculateAccountsApi.RebuildEveryDays);
        world.RecalculateAll();
        Assert.Contains(world.LastExecutions.SelectMany(e => e.Trace), l => l.Contains("ledger rebuilt from 1 opportunities", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deal_save_costs_the_same_service_calls_on_an_account_with_one_deal_and_on_one_with_six_thousand()
    {
        var world = new RelationshipWorld();
        var small = world.CreateAccount("Small customer");
        var large = world.CreateAccount("Large customer");
        for (var i = 0; i < 6000; i++)
        {
            world.Dataverse.Seed(new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, large),
                [OpportunityTable.EstimatedValue] = new Money(1000m + i),
                [OpportunityTable.EstimatedCloseDate] = world.Now.AddDays(-(i % 700)).Date,
                [OpportunityTable.DiscountPercentage] = 2m,
            });
        }

        // Seeded rows bypass the plugins (as a bulk load with custom logic bypassed does), so the recalculation builds the
        // large account's ledger once; from then on its saves apply their own deal only.
        world.Execute(Tiers.TierJourneySpecification.RecalculateAccountRequest(large));
        var calls = new Dictionary<Guid, string>();
        foreach (var account in new[] { small, large })
        {
            var deal = world.CreateDeal(account, 25000m, discount: 1m);
            world.Dataverse.ClearHistory();
            world.Update(new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.SellerMargin] = 28m });
            world.Dataverse.ClearHistory();
            world.Win(deal, world.Now);
            var win = world.LastExecutions;
            calls[account] = string.Join(", ", win.SelectMany(e => e.Calls).GroupBy(c => c.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Sum(c => c.Value)));
            Assert.DoesNotContain(win, e => e.Trace.Any(l => l.Contains("ledger rebuilt", StringComparison.Ordinal)));
        }

        Assert.Equal("Retrieve 1, RetrieveMultiple 2, Update 1", calls[small]);
        Assert.Equal(calls[small], calls[large]);
        var policy = DataverseRelationship.Engine.Policies.RelationshipPolicy.Default;
        var stored = DataverseRelationship.Engine.Scoring.LedgerText.Read(
            world.Account(large).GetAttributeValue<string>(AccountTable.RelationshipLedger), DataverseRelationship.Engine.Policies.PolicyFingerprint.Of(policy), out var reason);
        Assert.True(stored is not null, reason);
        var deals = world.Dataverse.ReadAll(OpportunityTable.LogicalName)
            .Where(o => o.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId)?.Id == large)
            .Select(o => (DataverseRelationship.Engine.Model.OpportunityFacts?)OpportunityMapping.ToFacts(o, world.Now)).ToList();
        Assert.Equal(6001, deals.Count);
        Assert.True(stored!.SameAs(DataverseRelationship.Engine.Scoring.AccountLedger.Of(deals, policy)), "the stored ledger differs from the ledger of the account's 6,001 deals");
    }

    [Fact]
    public void Only_a_relationship_manager_may_create_an_account_with_a_tier_override()
    {
        var world = new RelationshipWorld();
        void Override(Entity a)
        {
            a[AccountTable.TierOverride] = new OptionSetValue((int)RelationshipTierChoice.Preferred);
            a[AccountTable.TierOverrideReason] = "Group member";
            a[AccountTable.TierOverrideExpiresOn] = world.Now.AddDays(60);
        }

        Expect.Rejection(() => world.CreateAccount("Subsidiary", configure: Override));
        Assert.Equal(0, world.Dataverse.Count(AccountTable.LogicalName));

        var id = world.Dataverse.ServiceAs(world.RelationshipManager).Create(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "Subsidiary" }.With(Override));
        var row = world.Account(id);
        Assert.Equal((int)RelationshipTierChoice.Preferred, row.Choice(AccountTable.Tier));
        Assert.Equal(world.RelationshipManager, row.GetAttributeValue<EntityReference>(AccountTable.TierOverrideSetBy).Id);
    }
}
