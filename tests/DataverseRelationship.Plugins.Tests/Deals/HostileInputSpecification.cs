using System;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Deals;

/// <summary>Issue 14, hostile input inside Dataverse: a damaged policy or a dangling lookup is refused by name, never "failed unexpectedly".</summary>
public class HostileInputSpecification
{
    [Theory]
    [InlineData("{\"version\":\"a\u0007b\"}", "version")]
    [InlineData("{\"version\":\"x\",\"deals\":{\"mode\":\"warn\",}}", "deals")]
    [InlineData("{\"__type\":\"x\",\"version\":\"x\"}", "__type")]
    public void A_save_under_a_damaged_policy_is_refused_naming_the_environment_variable_and_the_place(string json, string field)
    {
        var world = new RelationshipWorld();
        world.SetPolicy(json);

        var rejection = Assert.Throws<InvalidPluginExecutionException>(() => world.CreateAccount("Contoso"));

        Assert.Contains(EnvironmentVariables.PolicySchemaName, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("'" + field + "'", rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("failed unexpectedly", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opportunity_pointing_at_a_deleted_account_is_refused_naming_the_lookup_and_the_id()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Gone Ltd");
        world.Dataverse.Service.Delete(AccountTable.LogicalName, account);

        var rejection = Assert.Throws<InvalidPluginExecutionException>(() => world.CreateDeal(account, 1000m));

        Assert.Contains(OpportunityTable.ParentAccountId, rejection.Message, StringComparison.Ordinal);
        Assert.Contains(account.ToString("D"), rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("failed unexpectedly", rejection.Message, StringComparison.Ordinal);
    }
}
