using System;
using System.Text.Json;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Tests.Backtesting;

public sealed class CompactPolicyJsonTests
{
    [Fact]
    public void The_written_policy_names_only_its_version_and_what_differs_from_the_defaults_and_reads_back_the_same()
    {
        RelationshipPolicy policy = RelationshipPolicy.Default with
        {
            Version = "3.1.0+churn-fit-20250401",
            Churn = RelationshipPolicy.Default.Churn with { Intercept = -1.25m, InactivityCoefficient = 3.5m },
            Health = RelationshipPolicy.Default.Health with { LoyaltyWeight = 2m },
        };

        string text = CompactPolicyJson.Write(policy);

        Assert.Equal(policy, RelationshipPolicyJson.Parse(text));
        using JsonDocument json = JsonDocument.Parse(text);
        Assert.Equal(["version", "health", "churn"], [.. System.Linq.Enumerable.Select(json.RootElement.EnumerateObject(), p => p.Name)]);
        Assert.Equal(["intercept", "inactivityCoefficient"], [.. System.Linq.Enumerable.Select(json.RootElement.GetProperty("churn").EnumerateObject(), p => p.Name)]);
        Assert.Contains("\"3.1.0+churn-fit-20250401\"", text, StringComparison.Ordinal);
    }
}
