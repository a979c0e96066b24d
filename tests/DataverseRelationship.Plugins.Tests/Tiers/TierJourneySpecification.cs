using System.Linq;
using DataverseRelationship.Plugins.Accounts;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Tiers;

/// <summary>How an account's tier moves as its relationship grows and fades, through the real registrations.</summary>
public class TierJourneySpecification
{
    private const int Transactional = (int)RelationshipTierChoice.Transactional;
    private const int Preferred = (int)RelationshipTierChoice.Preferred;
    private const int Strategic = (int)RelationshipTierChoice.StrategicPartner;

    [Fact]
    public void A_new_account_starts_transactional_with_its_unknown_scores_blank()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Fabrikam");

        var row = world.Account(account);
        Assert.Equal(Transactional, row.Choice(AccountTable.Tier));
        Assert.Equal(Transactional, row.Choice(AccountTable.EligibleTier));
        Assert.Equal(0, row.GetAttributeValue<int>(AccountTable.KeyContactCount));
        // No deal, no conduct recorded: nothing is known, so nothing is scored (no 0, no 50) and nothing is "at risk".
        Assert.Null(row.GetAttributeValue<decimal?>(AccountTable.HealthScore));
        Assert.Null(row.GetAttributeValue<decimal?>(AccountTable.AutonomyScore));
        Assert.Null(row.GetAttributeValue<decimal?>(AccountTable.ReciprocityScore));
        Assert.Equal((int)HealthBandChoice.InsufficientEvidence, row.Choice(AccountTable.HealthBand));
        Assert.Null(row.Choice(AccountTable.HealthTrend));
        Assert.Null(row.GetAttributeValue<Money>(AccountTable.LifetimeValue));
        Assert.Null(row.GetAttributeValue<bool?>(AccountTable.AtRisk));
        Assert.Equal("2.6.0-default", row.GetAttributeValue<string>(AccountTable.PolicyVersion));
        Assert.Empty(world.TierChanges(account));
    }

    [Fact]
    public void A_customer_climbs_from_transactional_to_preferred_to_strategic_partner_as_wins_contacts_sponsors_and_a_joint_plan_arrive()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso", relationshipMonths: 36);
        world.CreateContact(account, ContactRole.DecisionMaker, "Dana");
        world.CreateContact(account, ContactRole.Influencer, "Ian");
        Assert.Equal(Transactional, world.Tier(account));

        WonEveryQuarter(world, account, 15000m, quarters: 8);
        Assert.True(Preferred == world.Tier(account), world.Account(account).GetAttributeValue<string>(AccountTable.ScoreExplanation));

        var sponsor = world.CreateContact(account, ContactRole.DecisionMaker, "Sofia");
        world.WonDeal(account, 90000m, world.Now.AddDays(-2));
        world.WonDeal(account, 90000m, world.Now.AddDays(-1));
        Assert.Equal(Preferred, world.Tier(account));

        world.UpdateAccount(account, a =>
        {
            a[AccountTable.CustomerSponsorId] = new EntityReference(ContactTable.LogicalName, sponsor);
            a[AccountTable.SellerSponsorId] = new EntityReference(SecurityTables.SystemUser, world.RelationshipManager);
        });
        Assert.Equal(Preferred, world.Tier(account));

        world.UpdateAccount(account, a =>
        {
            a[AccountTable.HasJointAccountPlan] = true;
            a[AccountTable.JointPlanReviewedOn] = world.Now.AddMonths(-2).Date;
        });
        Assert.Equal(Preferred, world.Tier(account));

        // v2: no two automatic tier changes within the dwell time; 90 days after the promotion the next one follows.
        world.AdvanceDays(91);
        world.RecalculateAll();
        Assert.True(Strategic == world.Tier(account), world.Account(account).GetAttributeValue<string>(AccountTable.ScoreExplanation));

        var history = world.TierChanges(account);
        Assert.Equal(2, history.Count);
        Assert.Equal(Transactional, history[0].Choice(TierChangeTable.FromTier));
        Assert.Equal(Preferred, history[0].Choice(TierChangeTable.ToTier));
        Assert.Equal(Preferred, history[1].Choice(TierChangeTable.FromTier));
        Assert.Equal(Strategic, history[1].Choice(TierChangeTable.ToTier));
        Assert.All(history, h => Assert.Equal((int)TierChangeKindChoice.Automatic, h.Choice(TierChangeTable.ChangeKind)));
        Assert.All(history, h => Assert.Equal("2.6.0-default", h.GetAttributeValue<string>(TierChangeTable.PolicyVersion)));
        Assert.All(history, h => Assert.InRange(h.GetAttributeValue<decimal>(TierChangeTable.HealthScore), 0m, 100m));
        Assert.Contains("Promoted", history[1].GetAttributeValue<string>(TierChangeTable.Reason), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Demotion_waits_for_the_dwell_time_and_goes_one_step_at_a_time()
    {
        var world = new RelationshipWorld();
        var (account, contacts) = StrategicPartner(world);
        var promotedOn = world.Now;

        // Every key contact leaves: the data now qualifies for Transactional only.
        foreach (var contact in contacts)
        {
            world.Service.Delete(ContactTable.LogicalName, contact);
        }

        Assert.Equal(Transactional, world.Account(account).Choice(AccountTable.EligibleTier));
        Assert.Equal(Strategic, world.Tier(account));

        world.AdvanceDays(60);
        world.RecalculateAll();
        Assert.Equal(Strategic, world.Tier(account));

        world.Now = promotedOn.AddDays(91);
        world.RecalculateAll();
        Assert.Equal(Preferred, world.Tier(account));

        world.AdvanceDays(30);
        world.RecalculateAll();
        Assert.Equal(Preferred, world.Tier(account));

        world.AdvanceDays(61);
        world.RecalculateAll();
        Assert.Equal(Transactional, world.Tier(account));

        var demotions = world.TierChanges(account).Skip(2).ToList();
        Assert.Equal(2, demotions.Count);
        Assert.Equal((Strategic, Preferred), (demotions[0].Choice(TierChangeTable.FromTier)!.Value, demotions[0].Choice(TierChangeTable.ToTier)!.Value));
        Assert.Equal((Preferred, Transactional), (demotions[1].Choice(TierChangeTable.FromTier)!.Value, demotions[1].Choice(TierChangeTable.ToTier)!.Value));
    }

    [Fact]
    public void A_tier_change_writes_one_history_row_and_touches_the_tier_column_once()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Northwind");
        world.CreateContact(account, ContactRole.DecisionMaker);
        world.CreateContact(account, ContactRole.Influencer);
        WonEveryQuarter(world, account, 6000m, quarters: 7, firstMonthsAgo: 4);
        Assert.True(Transactional == world.Tier(account), world.Account(account).GetAttributeValue<string>(AccountTable.ScoreExplanation));

        var deal = world.CreateDeal(account, 9000m, configure: RelationshipWorld.CleanConduct);
        world.Dataverse.ClearHistory();
        world.Win(deal, world.Now.AddDays(-1));

        Assert.True(Preferred == world.Tier(account), world.Account(account).GetAttributeValue<string>(AccountTable.ScoreExplanation));
        Assert.Single(world.TierChanges(account));
        var executions = world.LastExecutions;
        Assert.Equal(1, executions.Calls("Update"));
        Assert.Equal(1, executions.Calls("Create"));

        // The rules' SYSTEM tier write runs the computed-column guard once, which accepts it without a call; the
        // override validation does not run (it filters on the override columns only).
        Assert.Equal(1, executions.Runs<ProtectAccountComputedColumns>());
        var guard = executions.Single(e => e.PluginType == typeof(ProtectAccountComputedColumns));
        Assert.Contains(guard.Trace, l => l.Contains("Write by the relationship rules", System.StringComparison.Ordinal));
        Assert.Empty(guard.Calls);
        Assert.Equal(0, executions.Runs<ValidateTierOverride>());

        // Recomputing again changes nothing: no write, no second history row.
        world.Dataverse.ClearHistory();
        var response = world.Execute(RecalculateAccountRequest(account));
        Assert.False((bool)response.Results[CustomApis.ChangedParameter], string.Join("\n", world.Dataverse.LastOperation.TraceLines));
        Assert.Equal(0, world.LastExecutions.Calls("Update"));
        Assert.Single(world.TierChanges(account));
    }

    /// <summary>An account promoted to Strategic partner now; returns it and its key contacts.</summary>
    internal static (System.Guid Account, System.Guid[] KeyContacts) StrategicPartner(RelationshipWorld world)
    {
        var account = world.CreateAccount("Partner Co", relationshipMonths: 40);
        var contacts = new[]
        {
            world.CreateContact(account, ContactRole.DecisionMaker),
            world.CreateContact(account, ContactRole.Influencer),
            world.CreateContact(account, ContactRole.DecisionMaker),
        };
        var sponsor = world.CreateContact(account, ContactRole.Employee, "Sponsor");
        WonEveryQuarter(world, account, 40000m, quarters: 8);

        world.UpdateAccount(account, a =>
        {
            a[AccountTable.CustomerSponsorId] = new EntityReference(ContactTable.LogicalName, sponsor);
            a[AccountTable.SellerSponsorId] = new EntityReference(SecurityTables.SystemUser, world.RelationshipManager);
            a[AccountTable.HasJointAccountPlan] = true;
            a[AccountTable.JointPlanReviewedOn] = world.Now.AddMonths(-1).Date;
        });

        // v2: no two automatic tier changes within the dwell time, so Strategic partner follows Preferred 90 days on.
        world.AdvanceDays(91);
        world.RecalculateAll();
        Assert.True(Strategic == world.Tier(account), world.Account(account).GetAttributeValue<string>(AccountTable.ScoreExplanation));
        return (account, contacts);
    }

    /// <summary>One won deal with clean conduct per quarter, the latest <paramref name="firstMonthsAgo"/> months ago: steady business.</summary>
    internal static void WonEveryQuarter(RelationshipWorld world, System.Guid account, decimal value, int quarters, int firstMonthsAgo = 1)
    {
        for (var i = 0; i < quarters; i++)
        {
            world.WonDeal(account, value, world.Now.AddMonths(-firstMonthsAgo - 3 * i));
        }
    }

    internal static OrganizationRequest RecalculateAccountRequest(System.Guid account)
    {
        var request = new OrganizationRequest(CustomApis.RecalculateAccount);
        request.Parameters["Target"] = new EntityReference(AccountTable.LogicalName, account);
        return request;
    }
}
