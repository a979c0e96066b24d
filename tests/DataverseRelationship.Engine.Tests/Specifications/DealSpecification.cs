using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>domain.md, tier benefits on opportunities and deal fairness.</summary>
public class DealSpecification
{
    [Fact]
    public void A_discount_within_the_tier_cap_is_within_cap()
    {
        var result = AssessDeal(Open(discount: 5m));

        Assert.Equal(TierRuleVerdict.WithinCap, result.TierRuleVerdict);
        Assert.Null(result.TierRuleMessage);
    }

    [Fact]
    public void Unreciprocated_discount_above_the_tier_cap_is_blocked()
    {
        var result = AssessDeal(Open(discount: 18m));

        Assert.Equal(TierRuleVerdict.Blocked, result.TierRuleVerdict);
        Assert.Equal("Discount 18% exceeds the 5% Transactional cap; a multi-year term or volume commitment is required.", result.TierRuleMessage);
    }

    [Fact]
    public void Unreciprocated_discount_above_the_tier_cap_is_only_flagged_when_the_policy_warns()
    {
        var warn = Policy with { Deals = Policy.Deals with { Mode = TierRuleMode.Warn } };

        var result = AssessDeal(Open(discount: 18m), policy: warn);

        Assert.Equal(TierRuleVerdict.Warned, result.TierRuleVerdict);
        Assert.NotNull(result.TierRuleMessage);
    }

    [Fact]
    public void A_discount_above_the_cap_matched_by_an_accepted_commitment_is_reciprocated()
    {
        var result = AssessDeal(Open(discount: 18m) with { Commitments = Commitments.MultiYearTerm });

        Assert.Equal(TierRuleVerdict.Reciprocated, result.TierRuleVerdict);
        Assert.Equal("Discount 18% exceeds the 5% Transactional cap; reciprocated by a multi-year term commitment.", result.TierRuleMessage);
    }

    [Fact]
    public void A_commitment_the_policy_does_not_accept_does_not_reciprocate_a_discount_above_the_cap()
    {
        var result = AssessDeal(Open(discount: 18m) with { Commitments = Commitments.ReferenceCase });

        Assert.Equal(TierRuleVerdict.Blocked, result.TierRuleVerdict);
    }

    [Theory]
    [InlineData(RelationshipTier.Transactional, 6, TierRuleVerdict.Blocked)]
    [InlineData(RelationshipTier.Preferred, 6, TierRuleVerdict.WithinCap)]
    [InlineData(RelationshipTier.Preferred, 10.5, TierRuleVerdict.Blocked)]
    [InlineData(RelationshipTier.StrategicPartner, 15, TierRuleVerdict.WithinCap)]
    [InlineData(RelationshipTier.StrategicPartner, 15.01, TierRuleVerdict.Blocked)]
    public void Each_tier_has_its_own_discount_cap(RelationshipTier tier, double discount, TierRuleVerdict expected)
    {
        Assert.Equal(expected, AssessDeal(Open(discount: (decimal)discount), tier).TierRuleVerdict);
    }

    [Theory]
    [InlineData(5, PriceBand.BelowFloor)]
    [InlineData(10, PriceBand.Fair)]
    [InlineData(40, PriceBand.Fair)]
    [InlineData(45, PriceBand.AboveCeiling)]
    public void The_price_band_verdict_compares_seller_margin_with_the_floor_and_ceiling(double margin, PriceBand band)
    {
        Assert.Equal(band, AssessDeal(Open(margin: (decimal)margin)).PriceBand);
    }

    [Fact]
    public void A_deal_without_a_known_margin_has_no_price_band_verdict()
    {
        Assert.Null(AssessDeal(Open(margin: null)).PriceBand);
    }

    [Fact]
    public void The_reciprocity_balance_is_negative_when_only_the_seller_gives_and_positive_when_only_the_customer_gives()
    {
        Assert.Equal(-100m, AssessDeal(Open() with { Concessions = Concessions.FreeServices }).ReciprocityBalance);
        Assert.Equal(100m, AssessDeal(Open() with { Commitments = Commitments.Prepayment }).ReciprocityBalance);
        Assert.Equal(0m, AssessDeal(Open() with { Concessions = Concessions.FreeServices, Commitments = Commitments.Prepayment }).ReciprocityBalance);
    }

    [Fact]
    public void The_deal_carries_the_customer_games_it_shows()
    {
        var games = ProcurementTactics.ReverseAuction | ProcurementTactics.PriceBenchmarkingDuringContract | ProcurementTactics.EarlyRenegotiation
            | ProcurementTactics.DiscountDemandedAfterAward | ProcurementTactics.PaymentWithholding | ProcurementTactics.UnilateralRiskTransfer;

        var result = AssessDeal(Open() with { Tactics = games });

        Assert.Equal(games, result.GameFlags);
        Assert.Contains("reverse auction", result.Explanation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_games_unfair_prices_and_unreciprocated_concessions_lower_the_deal_score()
    {
        var clean = AssessDeal(Open()).DealScore;

        Assert.Equal(100m, clean);
        Assert.True(AssessDeal(Open() with { Tactics = ProcurementTactics.ReverseAuction }).DealScore < clean);
        Assert.True(AssessDeal(Open(margin: 2m)).DealScore < clean);
        Assert.True(AssessDeal(Open(discount: 12m) with { Concessions = Concessions.Discount | Concessions.FreeServices }).DealScore < clean);
    }

    [Fact]
    public void The_deal_score_is_explained_by_its_factors()
    {
        var result = AssessDeal(Open(margin: 2m) with { Tactics = ProcurementTactics.OneSidedConcessionDemand | ProcurementTactics.UnilateralRiskTransfer, Concessions = Concessions.FreeServices });

        Assert.Equal(result.DealScore, result.Score.Value);
        Assert.Contains(result.Score.Factors, f => f.Code == ReasonCodes.PriceBand && f.Contribution < 0m);
        Assert.Contains(result.Score.Factors, f => f.Code == ReasonCodes.Conduct && f.Contribution < 0m);
        Assert.Contains(result.Score.Factors, f => f.Code == ReasonCodes.DealReciprocity && f.Contribution < 0m);
        Assert.StartsWith("Deal score ", result.Explanation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_version_travels_with_the_deal_result()
    {
        var policy = Policy with { Version = "2026.11-test" };

        Assert.Equal("2026.11-test", AssessDeal(Open(), policy: policy).PolicyVersion);
    }
}
