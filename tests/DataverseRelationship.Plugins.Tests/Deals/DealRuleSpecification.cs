using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Deals;

/// <summary>The tier's discount cap and the reciprocity rule on every opportunity save.</summary>
public class DealRuleSpecification
{
    [Fact]
    public void Unreciprocated_discount_above_the_tier_cap_is_blocked_when_the_policy_enforces()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");

        var rejection = Expect.Rejection(() => world.CreateDeal(account, 50000m, discount: 12m));

        Assert.Contains("12%", rejection.Message, System.StringComparison.Ordinal);
        Assert.Contains("5%", rejection.Message, System.StringComparison.Ordinal);
        Assert.Contains("Transactional", rejection.Message, System.StringComparison.Ordinal);
        Assert.Contains("multi-year term", rejection.Message, System.StringComparison.Ordinal);
        Assert.Equal(0, world.Dataverse.Count(OpportunityTable.LogicalName));
    }

    [Fact]
    public void Unreciprocated_discount_above_the_tier_cap_is_saved_and_flagged_when_the_policy_warns()
    {
        var world = new RelationshipWorld();
        world.SetPolicy("""{"version":"2.0-warn","deals":{"mode":"warn"}}""");
        var account = world.CreateAccount("Contoso");

        var deal = world.Deal(world.CreateDeal(account, 50000m, discount: 12m));

        Assert.Equal((int)TierRuleVerdictChoice.Warned, deal.Choice(OpportunityTable.TierRuleVerdict));
        Assert.Contains("commitment is required", deal.GetAttributeValue<string>(OpportunityTable.DealExplanation), System.StringComparison.Ordinal);
        Assert.Equal("2.0-warn", deal.GetAttributeValue<string>(OpportunityTable.PolicyVersion));
    }

    [Fact]
    public void The_same_discount_is_accepted_with_a_multi_year_commitment()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");

        var deal = world.Deal(world.CreateDeal(account, 50000m, discount: 12m, commitments: new[] { CommitmentChoice.MultiYearTerm }));

        Assert.Equal((int)TierRuleVerdictChoice.Reciprocated, deal.Choice(OpportunityTable.TierRuleVerdict));
        Assert.Contains("reciprocated by a multi-year term", deal.GetAttributeValue<string>(OpportunityTable.DealExplanation), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_gets_its_fairness_price_band_game_flags_and_explanation_on_save()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");

        var deal = world.Deal(world.CreateDeal(account, 50000m, discount: 3m, margin: 5m, configure: d =>
            d[OpportunityTable.ProcurementTactics] = new OptionSetValueCollection { new OptionSetValue((int)ProcurementTacticChoice.ReverseAuction) }));

        Assert.InRange(deal.GetAttributeValue<decimal>(OpportunityTable.DealFairnessScore), 0m, 100m);
        Assert.InRange(deal.GetAttributeValue<decimal>(OpportunityTable.ReciprocityBalance), -100m, 100m);
        Assert.Equal((int)PriceBandChoice.BelowFloor, deal.Choice(OpportunityTable.PriceBand));
        Assert.Equal((int)ProcurementTacticChoice.ReverseAuction, Assert.Single(deal.GetAttributeValue<OptionSetValueCollection>(OpportunityTable.GameFlags)).Value);
        Assert.Equal((int)TierRuleVerdictChoice.WithinCap, deal.Choice(OpportunityTable.TierRuleVerdict));
        Assert.StartsWith("Deal score", deal.GetAttributeValue<string>(OpportunityTable.DealExplanation), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Raising_a_discount_above_the_cap_on_update_is_blocked_and_leaves_the_deal_as_it_was()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var id = world.CreateDeal(account, 50000m, discount: 4m);
        var before = world.Deal(id);

        Expect.Rejection(() => world.Update(new Entity(OpportunityTable.LogicalName, id) { [OpportunityTable.DiscountPercentage] = 9m }));

        var after = world.Deal(id);
        Assert.Equal(4m, after.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage));
        Assert.Equal(before.GetAttributeValue<decimal>(OpportunityTable.DealFairnessScore), after.GetAttributeValue<decimal>(OpportunityTable.DealFairnessScore));
    }

    [Fact]
    public void A_deal_update_writes_only_the_computed_columns_whose_values_change()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var id = world.CreateDeal(account, 50000m, discount: 2m, margin: 25m);
        var target = new Entity(OpportunityTable.LogicalName, id) { [OpportunityTable.EstimatedValue] = new Money(60000m) };

        world.Update(target);

        // The value moves no deal score: the Target the platform saved carries no computed column.
        var assess = Assert.Single(world.LastExecutions, e => e.PluginType == typeof(AssessDealOnSave));
        Assert.Contains(assess.Trace, l => l.Contains("0 computed columns set", System.StringComparison.Ordinal));

        world.Update(new Entity(OpportunityTable.LogicalName, id) { [OpportunityTable.SellerMargin] = 50m });
        assess = Assert.Single(world.LastExecutions, e => e.PluginType == typeof(AssessDealOnSave));
        Assert.DoesNotContain(assess.Trace, l => l.Contains(" 0 computed columns set", System.StringComparison.Ordinal));
        Assert.Equal((int)PriceBandChoice.AboveCeiling, world.Deal(id).Choice(OpportunityTable.PriceBand));
    }

    [Fact]
    public void An_invalid_policy_is_rejected_naming_the_variable_the_field_and_the_reason()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        world.SetPolicy("""{"version":"3.0","health":{"goodFrom":140}}""");

        var rejection = Expect.Rejection(() => world.CreateDeal(account, 50000m));

        Assert.Contains(EnvironmentVariables.PolicySchemaName, rejection.Message, System.StringComparison.Ordinal);
        Assert.Contains("health.goodFrom", rejection.Message, System.StringComparison.Ordinal);
        Assert.Contains("140", rejection.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_is_read_in_one_query_from_the_value_else_the_default_value()
    {
        var world = new RelationshipWorld();
        world.CreateAccount("Contoso");
        Assert.Equal(1, world.LastExecutions.Calls("RetrieveMultiple"));

        world.SetPolicy("""{"version":"4.2"}""");
        var account = world.CreateAccount("Fabrikam");
        Assert.Equal("4.2", world.Account(account).GetAttributeValue<string>(AccountTable.PolicyVersion));
        Assert.Equal(1, world.LastExecutions.Calls("RetrieveMultiple"));
    }
}
