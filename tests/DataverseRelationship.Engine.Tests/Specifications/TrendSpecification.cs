using System;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>The trend compares health now with health one trend window ago, from the score history.</summary>
public class TrendSpecification
{
    private static readonly DateTime AsOf = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly HealthPolicy Policy = RelationshipPolicy.Default.Health;

    private static AccountFacts WithBaseline(decimal? health, int daysAgo) => new AccountFacts
    {
        CreatedOn = AsOf.AddYears(-2),
        TrendBaselineHealth = health,
        TrendBaselineOn = health.HasValue ? AsOf.AddDays(-daysAgo) : null,
    };

    [Fact]
    public void Without_history_the_trend_is_unknown_not_steady()
    {
        Assert.Null(HealthClassification.Trend(80m, WithBaseline(null, 0), AsOf, Policy, out var change));
        Assert.Null(change);
    }

    [Fact]
    public void A_fall_of_twelve_points_over_the_window_is_declining_with_its_size()
    {
        var trend = HealthClassification.Trend(70m, WithBaseline(82m, 91), AsOf, Policy, out var change);

        Assert.Equal(HealthTrend.Declining, trend);
        Assert.Equal(-12m, change);
    }

    [Theory]
    [InlineData(81, HealthTrend.Steady)]
    [InlineData(79.5, HealthTrend.Steady)]
    [InlineData(83, HealthTrend.Improving)]
    [InlineData(77, HealthTrend.Declining)]
    public void Changes_inside_the_margin_are_steady(double now, HealthTrend expected)
    {
        Assert.Equal(expected, HealthClassification.Trend((decimal)now, WithBaseline(80m, 95), AsOf, Policy, out _));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(200)]
    public void A_baseline_that_is_not_about_one_window_old_gives_no_trend(int daysAgo)
    {
        Assert.Null(HealthClassification.Trend(60m, WithBaseline(90m, daysAgo), AsOf, Policy, out _));
    }

    [Fact]
    public void The_explanation_states_the_change_and_the_window()
    {
        // Four won deals with every fact recorded: enough evidence for a health score.
        var deals = new OpportunityFacts?[4];
        for (var i = 0; i < deals.Length; i++)
        {
            deals[i] = new OpportunityFacts { Id = Guid.NewGuid(), State = DealState.Won, CreatedOn = AsOf.AddMonths(-3 - i), CloseDate = AsOf.AddMonths(-2 - i), ActualValue = 50000m, SellerMarginPercent = 25m, DiscountPercent = 0m, Commitments = Commitments.None, Concessions = Concessions.None, Tactics = ProcurementTactics.None, SellerConduct = SellerConduct.None, DeliveredAsPromised = true, PaymentDelayDays = 0 };
        }

        var first = RelationshipEngine.AssessAccount(WithBaseline(null, 0), deals, AsOf, RelationshipPolicy.Default);
        Assert.True(first.Health.HasValue, first.Explanation);

        var assessment = RelationshipEngine.AssessAccount(WithBaseline(first.Health!.Value + 12m, 91), deals, AsOf, RelationshipPolicy.Default);

        Assert.Equal(HealthTrend.Declining, assessment.HealthTrend);
        Assert.Contains("Declining -12 in 90 days", assessment.Explanation, StringComparison.Ordinal);
    }
}
