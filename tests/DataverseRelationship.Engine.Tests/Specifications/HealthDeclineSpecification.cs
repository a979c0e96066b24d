using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>
/// The churn signal "health declining" (policy 2.5): conduct getting worse precedes lost business, so health now
/// against the trend baseline (health one trend window ago) raises churn risk; an unknown baseline says nothing.
/// </summary>
public class HealthDeclineSpecification
{
    // A year of deals priced below the margin floor: health well below 100, so a baseline 15 points above is a real score.
    private static readonly List<OpportunityFacts> Deals = Monthly(12, value: 50000m).Select(d => d with { SellerMarginPercent = 4m }).ToList();

    private static decimal HealthNow => Assess(Account(), Deals).Health!.Value;

    private static AccountFacts WithBaseline(decimal health, int daysAgo) => Account() with
    {
        TrendBaselineHealth = health,
        TrendBaselineOn = AsOf.AddDays(-daysAgo),
    };

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static ChurnSignal? HealthDecline(AccountFacts account) =>
        RelationshipEngine.ChurnSignals(account, Deals.Cast<OpportunityFacts?>().ToList(), AsOf, Policy)
            .SingleOrDefault(s => s.Code == ReasonCodes.HealthDecline);

    [Fact]
    public void Health_fallen_against_the_trend_baseline_raises_churn_risk_and_the_explanation_says_from_what()
    {
        var steady = Assess(Account(), Deals);
        var declining = Assess(WithBaseline(HealthNow + 15m, 91), Deals);

        Assert.True(declining.ChurnRisk > steady.ChurnRisk + 5m, declining.ChurnRisk + " against " + steady.ChurnRisk);
        Assert.Equal(0.75m, HealthDecline(WithBaseline(HealthNow + 15m, 91))!.Value);
        var factor = Assert.Single(declining.ExplanationOf(ScoreKind.ChurnRisk).Factors, f => f.Code == ReasonCodes.HealthDecline);
        Assert.True(factor.Contribution > 0m, "contribution " + factor.Contribution);
        Assert.Equal("health " + Text(HealthNow) + " against " + Text(HealthNow + 15m) + " at the trend baseline, 91 days ago", factor.Facts);
    }

    [Fact]
    public void A_drop_beyond_the_policy_scale_counts_as_a_full_signal()
    {
        Assert.Equal(1m, HealthDecline(WithBaseline(HealthNow + 35m, 100))!.Value);
        var halfScale = Policy with { Churn = Policy.Churn with { HealthDeclineFullAt = 10m } };
        var signal = RelationshipEngine.ChurnSignals(WithBaseline(HealthNow + 5m, 100), Deals.Cast<OpportunityFacts?>().ToList(), AsOf, halfScale)
            .Single(s => s.Code == ReasonCodes.HealthDecline);
        Assert.Equal(0.5m, signal.Value);
    }

    [Fact]
    public void Risen_health_gives_a_zero_signal_that_leaves_churn_risk_as_it_was()
    {
        var signal = HealthDecline(WithBaseline(HealthNow - 10m, 91));

        Assert.NotNull(signal);
        Assert.Equal(0m, signal!.Value);
        Assert.Equal(Assess(Account(), Deals).ChurnRisk, Assess(WithBaseline(HealthNow - 10m, 91), Deals).ChurnRisk);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(200)]
    public void A_baseline_that_is_not_about_one_window_old_leaves_the_signal_out(int daysAgo)
    {
        Assert.Null(HealthDecline(WithBaseline(HealthNow + 15m, daysAgo)));
        Assert.Equal(Assess(Account(), Deals).ChurnRisk, Assess(WithBaseline(HealthNow + 15m, daysAgo), Deals).ChurnRisk);
    }

    [Fact]
    public void Without_a_baseline_the_signal_is_left_out_not_read_as_no_decline()
    {
        var signals = RelationshipEngine.ChurnSignals(Account(), Deals.Cast<OpportunityFacts?>().ToList(), AsOf, Policy);
        var explained = Assess(Account(), Deals).ExplanationOf(ScoreKind.ChurnRisk).Factors;

        Assert.DoesNotContain(signals, s => s.Code == ReasonCodes.HealthDecline);
        Assert.DoesNotContain(explained, f => f.Code == ReasonCodes.HealthDecline);
        Assert.Null(HealthDecline(Account() with { TrendBaselineHealth = null, TrendBaselineOn = AsOf.AddDays(-91) }));
    }

    [Fact]
    public void When_health_is_unknown_now_a_baseline_gives_no_signal()
    {
        // Two bare deals: no principle has enough evidence, so health is unknown.
        var bare = new[] { (OpportunityFacts?)Bare(1), Bare(2) };
        var account = WithBaseline(80m, 91);

        Assert.Null(RelationshipEngine.AssessAccount(account, bare, AsOf, Policy).Health);
        Assert.DoesNotContain(RelationshipEngine.ChurnSignals(account, bare, AsOf, Policy), s => s.Code == ReasonCodes.HealthDecline);
    }
}
