using System;
using System.Linq;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Recalculation;

/// <summary>Where the policy comes from and how its parsed form is shared.</summary>
public class PolicySourceSpecification
{
    [Fact]
    public void The_value_row_wins_over_the_default_value()
    {
        var world = new RelationshipWorld();
        Assert.Equal("2.6.0-default", PolicySource.Read(world.Dataverse.Service).Version);

        world.SetPolicy("""{"version":"7.1","deals":{"transactionalDiscountCap":8}}""");
        var policy = PolicySource.Read(world.Dataverse.Service);

        Assert.Equal("7.1", policy.Version);
        Assert.Equal(8m, policy.Deals.TransactionalDiscountCap);
    }

    [Fact]
    public void Without_the_environment_variable_the_built_in_default_applies()
    {
        var world = new RelationshipWorld();
        var definition = world.Dataverse.ReadAll(EnvironmentVariables.DefinitionTable).Single();
        world.Dataverse.Service.Delete(EnvironmentVariables.DefinitionTable, definition.Id);

        Assert.Same(RelationshipPolicy.Default, PolicySource.Read(world.Dataverse.Service));
    }

    [Fact]
    public void A_parsed_policy_is_shared_by_concurrent_executions_with_the_same_document()
    {
        const string json = """{"version":"shared-9","health":{"goodFrom":70}}""";
        var policies = Enumerable.Range(0, 64).AsParallel().Select(_ => PolicySource.Parse(json)).ToList();

        Assert.All(policies, p => Assert.Equal(70m, p.Health.GoodFrom));
        Assert.Same(PolicySource.Parse(json), PolicySource.Parse(json));
    }

    [Theory]
    [InlineData("not json", "(policy)")]
    [InlineData("""{"health":{"goodFrom":50}}""", "version")]
    [InlineData("""{"version":"1","deals":{"mode":"sometimes"}}""", "deals.mode")]
    public void An_invalid_document_is_rejected_naming_the_variable_and_the_field(string json, string field)
    {
        var rejection = Assert.Throws<InvalidPluginExecutionException>(() => PolicySource.Parse(json));

        Assert.Contains(EnvironmentVariables.PolicySchemaName, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("'" + field + "'", rejection.Message, StringComparison.Ordinal);
        Assert.IsType<PolicyValidationException>(rejection.InnerException);
    }
}
