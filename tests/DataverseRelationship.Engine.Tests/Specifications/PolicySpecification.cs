using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>domain.md, "Policy": one versioned document with built-in defaults, validated, round-tripped through JSON.</summary>
public class PolicySpecification
{
    [Fact]
    public void The_built_in_defaults_are_valid()
    {
        RelationshipPolicy.Default.Validate();
    }

    [Fact]
    public void The_built_in_defaults_match_the_domain()
    {
        var policy = RelationshipPolicy.Default;

        Assert.Equal(85m, policy.Health.GoodFrom);
        Assert.Equal(70m, policy.Health.FairFrom);
        Assert.Equal(2, policy.Tiers.Preferred.MinimumKeyContacts);
        Assert.Equal(24, policy.Tiers.Preferred.WonValueMonths);
        Assert.Equal(6, policy.Tiers.Preferred.MinimumRelationshipMonths);
        Assert.Equal(24, policy.Tiers.StrategicPartner.MinimumRelationshipMonths);
        Assert.True(policy.Tiers.StrategicPartner.RequireExecutiveSponsors);
        Assert.True(policy.Tiers.StrategicPartner.RequireJointAccountPlan);
        Assert.Equal(12, policy.Tiers.StrategicPartner.JointPlanMaxAgeMonths);
        Assert.Equal(TierRuleMode.Enforce, policy.Deals.Mode);
    }

    [Fact]
    public void The_policy_round_trips_through_JSON()
    {
        var policy = RelationshipPolicy.Default with
        {
            Version = "2026.11.25",
            Scoring = RelationshipPolicy.Default.Scoring with { HalfLifeMonths = 12.345678901234567m },
            Deals = RelationshipPolicy.Default.Deals with { Mode = TierRuleMode.Warn, AcceptedCommitments = Commitments.Prepayment | Commitments.JointInvestment },
            LifetimeValue = RelationshipPolicy.Default.LifetimeValue with { MaximumRetention = 0.85m },
            Tiers = RelationshipPolicy.Default.Tiers with { Preferred = RelationshipPolicy.Default.Tiers.Preferred with { MinimumLoyalty = 55.5m } },
        };

        var json = RelationshipPolicyJson.Write(policy);
        var read = RelationshipPolicyJson.Parse(json);

        Assert.Equal(policy, read);
        Assert.Equal(json, RelationshipPolicyJson.Write(read));
        Assert.Contains("\"minimumLoyalty\":55.5", json.Replace(" ", string.Empty, System.StringComparison.Ordinal), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_health_decline_churn_fields_round_trip_through_JSON_and_default_when_left_out()
    {
        var policy = RelationshipPolicy.Default with
        {
            Churn = RelationshipPolicy.Default.Churn with { HealthDeclineCoefficient = 0.75m, HealthDeclineFullAt = 12.5m },
        };

        var json = RelationshipPolicyJson.Write(policy);
        var compact = json.Replace(" ", string.Empty, System.StringComparison.Ordinal);

        Assert.Contains("\"healthDeclineCoefficient\":0.75", compact, System.StringComparison.Ordinal);
        Assert.Contains("\"healthDeclineFullAt\":12.5", compact, System.StringComparison.Ordinal);
        Assert.Equal(policy, RelationshipPolicyJson.Parse(json));
        var defaults = RelationshipPolicyJson.Parse("{\"version\":\"v\",\"churn\":{\"inactivityCoefficient\":1}}");
        Assert.Equal(1.5m, defaults.Churn.HealthDeclineCoefficient);
        Assert.Equal(20m, defaults.Churn.HealthDeclineFullAt);
        Assert.Equal("2.6.0-default", RelationshipPolicy.Default.Version);
    }

    [Fact]
    public void Fields_left_out_of_the_document_keep_their_defaults()
    {
        var policy = RelationshipPolicyJson.Parse("{\"version\":\"v2\",\"deals\":{\"mode\":\"warn\"}}");

        Assert.Equal("v2", policy.Version);
        Assert.Equal(TierRuleMode.Warn, policy.Deals.Mode);
        Assert.Equal(RelationshipPolicy.Default.Scoring, policy.Scoring);
        Assert.Equal(RelationshipPolicy.Default.Deals.TransactionalDiscountCap, policy.Deals.TransactionalDiscountCap);
    }

    [Fact]
    public void A_value_out_of_range_is_rejected_naming_the_field_and_the_reason()
    {
        var error = Assert.Throws<PolicyValidationException>(() =>
            RelationshipPolicyJson.Parse("{\"version\":\"v2\",\"tiers\":{\"preferred\":{\"minimumLoyalty\":140}}}"));

        Assert.Equal("tiers.preferred.minimumLoyalty", error.Field);
        Assert.Equal("must be between 0 and 100 (was 140)", error.Reason);
        Assert.Equal("tiers.preferred.minimumLoyalty: must be between 0 and 100 (was 140)", error.Message);
    }

    [Theory]
    [InlineData("{\"version\":\"v\",\"scoring\":{\"windowMonths\":\"long\"}}", "scoring.windowMonths", "must be a number (was \"long\")")]
    [InlineData("{\"version\":\"v\",\"scoring\":{\"windowMonths\":1.5}}", "scoring.windowMonths", "must be a whole number (was 1.5)")]
    [InlineData("{\"version\":\"v\",\"scoring\":{\"halfLife\":12}}", "scoring.halfLife", "is not a policy field")]
    [InlineData("{\"version\":\"v\",\"deals\":{\"mode\":\"block\"}}", "deals.mode", "must be \"enforce\" or \"warn\" (was \"block\")")]
    [InlineData("{\"version\":\"v\",\"deals\":{\"acceptedCommitments\":[\"volume\",\"hugs\"]}}", "deals.acceptedCommitments[1]", "must be one of volume, multiYearTerm, prepayment, referenceCase, jointInvestment, forecastSharing (was \"hugs\")")]
    [InlineData("{\"version\":\"v\",\"deals\":{\"acceptedCommitments\":[]}}", "deals.acceptedCommitments", "must name at least one commitment")]
    [InlineData("{\"version\":\"v\",\"churn\":{\"atRiskFrom\":50,\"atRiskClearsBelow\":60}}", "churn.atRiskClearsBelow", "must not be above churn.atRiskFrom (was 60)")]
    [InlineData("{\"version\":\"v\",\"fairness\":{\"marginFloorPercent\":50}}", "fairness.marginCeilingPercent", "must not be below fairness.marginFloorPercent (was 40)")]
    [InlineData("{\"version\":\"v\",\"tiers\":{\"preferred\":{\"requireExecutiveSponsors\":\"yes\"}}}", "tiers.preferred.requireExecutiveSponsors", "must be true or false (was \"yes\")")]
    [InlineData("{\"version\":\"v\",\"churn\":{\"healthDeclineCoefficient\":25}}", "churn.healthDeclineCoefficient", "must be between -20 and 20 (was 25)")]
    [InlineData("{\"version\":\"v\",\"churn\":{\"healthDeclineFullAt\":0}}", "churn.healthDeclineFullAt", "must be between 1 and 100 (was 0)")]
    [InlineData("{\"version\":\"\"}", "version", "is required")]
    [InlineData("{\"scoring\":{}}", "version", "is required")]
    [InlineData("{\"version\":\"v\",\"health\":[1]}", "health", "must be an object (was an array)")]
    public void Invalid_documents_are_rejected_naming_the_field_and_the_reason(string json, string field, string reason)
    {
        var error = Assert.Throws<PolicyValidationException>(() => RelationshipPolicyJson.Parse(json));

        Assert.Equal(field, error.Field);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("", "(policy)")]
    [InlineData("{\"version\":", "version")]
    [InlineData("not json", "(policy)")]
    [InlineData("[1,2]", "(policy)")]
    public void A_document_that_does_not_parse_is_rejected(string json, string field)
    {
        var error = Assert.Throws<PolicyValidationException>(() => RelationshipPolicyJson.Parse(json));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_policy_built_in_code_is_validated_too()
    {
        var policy = RelationshipPolicy.Default with { Scoring = RelationshipPolicy.Default.Scoring with { HalfLifeMonths = 0m } };

        var error = Assert.Throws<PolicyValidationException>(policy.Validate);

        Assert.Equal("scoring.halfLifeMonths", error.Field);
    }
}
