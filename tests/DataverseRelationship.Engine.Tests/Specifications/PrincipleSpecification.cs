using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>docs/domain.md, "Rules of evidence" 3–5 and 10: value, not flags; both sides; loyalty to the relationship; a price that works for both.</summary>
public class PrincipleSpecification
{
    [Fact]
    public void A_discount_within_the_tier_cap_is_the_tiers_benefit_not_a_concession()
    {
        var deals = Monthly(4).Select(d => d with { DiscountPercent = 5m, Concessions = Concessions.Discount, DiscountAllowancePercent = 5m }).ToList();

        Assert.Equal(100m, Assess(Account(), deals).Reciprocity);
    }

    [Fact]
    public void Reciprocity_counts_concessions_by_their_value_not_by_their_flags()
    {
        var small = Monthly(4).Select(d => d with { DiscountPercent = 6m, Concessions = Concessions.Discount, DiscountAllowancePercent = 5m }).ToList();
        var large = Monthly(4).Select(d => d with { DiscountPercent = 40m, Concessions = Concessions.Discount, DiscountAllowancePercent = 5m }).ToList();

        var smallScore = Assess(Account(), small).Reciprocity!.Value;
        var largeScore = Assess(Account(), large).Reciprocity!.Value;

        Assert.True(smallScore > 80m, "1 point beyond the cap on every deal: " + smallScore);
        Assert.True(largeScore < 15m, "35 points beyond the cap on every deal: " + largeScore);
    }

    [Fact]
    public void A_concession_matched_by_a_commitment_of_the_same_worth_is_balanced()
    {
        var deals = Monthly(4).Select(d => d with { DiscountPercent = 13m, Concessions = Concessions.Discount, DiscountAllowancePercent = 5m, Commitments = Commitments.MultiYearTerm }).ToList();

        Assert.Equal(100m, Assess(Account(), deals).Reciprocity);
    }

    [Fact]
    public void An_imbalance_is_corrected_by_later_deals_that_reciprocate()
    {
        // Three free services conceded 6–8 months ago, then one prepayment (a commitment of the same policy share)
        // last month: the older concessions have aged to about the weight of the one recent commitment.
        var early = Monthly(3, startMonthsAgo: 6).Select(d => d with { Concessions = Concessions.FreeServices }).ToList();
        var repaid = early.Concat(Monthly(1, startMonthsAgo: 1).Select(d => d with { Commitments = Commitments.Prepayment })).ToList();

        var before = Assess(Account(), early).Reciprocity!.Value;
        var after = Assess(Account(), repaid).Reciprocity!.Value;

        // Unbalanced (the customer took 3 % of each deal's value for nothing), then nearly balanced again.
        Assert.True(before < 70m && after > 90m, "before " + before + ", after " + after);
    }

    [Fact]
    public void A_relationship_whose_conduct_turned_a_year_ago_is_scored_mostly_on_its_recent_conduct()
    {
        // Seed 004: what created value two years ago may create none today. A year of clean deals, then a year
        // with a reverse auction and a demand for one-sided concessions on every deal.
        var clean = Monthly(12, startMonthsAgo: 12.5);
        var games = Monthly(12).Select(d => d with { Tactics = ProcurementTactics.ReverseAuction | ProcurementTactics.OneSidedConcessionDemand }).ToList();

        var turned = Assess(Account(), clean.Concat(games).ToList()).Autonomy!.Value;
        var onlyGames = Assess(Account(), games).Autonomy!.Value;

        // The last year carries at least three quarters of the weight (a 6-month half-life gives it four fifths;
        // 12 months would give two thirds), so autonomy stays within a quarter of the way back to the ideal.
        Assert.True(turned <= onlyGames + ((100m - onlyGames) / 4m), "games only " + onlyGames + ", clean year then games " + turned);
    }

    [Fact]
    public void A_seller_who_over_promises_lowers_integrity_and_the_explanation_names_the_seller()
    {
        var deals = Monthly(6);
        deals[0] = deals[0] with { SellerConduct = SellerConduct.OverPromised, DeliveredAsPromised = false };
        deals[1] = deals[1] with { SellerConduct = SellerConduct.PriceChangedDuringContract };

        var result = Assess(Account(), deals);

        Assert.Equal(100m, Assess(Account(), Monthly(6)).Integrity);
        Assert.True(result.Integrity < 95m, "integrity " + result.Integrity);
        var integrity = result.ExplanationOf(ScoreKind.Integrity);
        Assert.All(integrity.Factors.Where(f => f.Contribution < 0m), f => Assert.Equal(Party.Seller, f.Party));
        Assert.Contains("seller over-promised on 1 deal", integrity.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Power_plays_of_both_sides_lower_autonomy_and_are_attributed_to_their_side()
    {
        var deals = Monthly(6);
        deals[0] = deals[0] with { Tactics = ProcurementTactics.ReverseAuction | ProcurementTactics.EarlyRenegotiation };
        deals[1] = deals[1] with { SellerConduct = SellerConduct.RiskShiftedToCustomer };

        var autonomy = Assess(Account(), deals).ExplanationOf(ScoreKind.Autonomy);

        Assert.Contains(autonomy.Factors, f => f.Code == ReasonCodes.CustomerGames && f.Party == Party.Customer && f.Contribution < 0m);
        Assert.Contains(autonomy.Factors, f => f.Code == ReasonCodes.SellerRiskShift && f.Party == Party.Seller && f.Contribution < 0m);
        Assert.Contains("reverse auction ×1, renegotiation long before expiry ×1", autonomy.Text, System.StringComparison.Ordinal);
        Assert.Equal(100m + autonomy.Factors.Sum(f => f.Contribution), autonomy.Value);
    }

    [Fact]
    public void Loyalty_rewards_retained_business_and_stable_value_not_the_number_of_wins()
    {
        var steady = Assess(Account(), Monthly(24, value: 50000m));
        var declining = Assess(Account(), Monthly(12, value: 10000m).Concat(Monthly(12, value: 150000m, startMonthsAgo: 12.5)).ToList());

        Assert.True(steady.Loyalty > declining.Loyalty + 15m, steady.Loyalty + " against " + declining.Loyalty);
        Assert.Contains(declining.ExplanationOf(ScoreKind.Loyalty).Factors, f => f.Code == ReasonCodes.Retention && f.Contribution < -10m);
    }

    [Fact]
    public void Margin_above_the_fair_ceiling_lowers_fairness_and_does_not_raise_lifetime_value()
    {
        var fair = Assess(Account(), Monthly(6).Select(d => d with { SellerMarginPercent = 40m }).ToList());
        var greedy = Assess(Account(), Monthly(6).Select(d => d with { SellerMarginPercent = 60m }).ToList());

        Assert.True(greedy.Fairness < fair.Fairness);
        Assert.True(greedy.LifetimeValue <= fair.LifetimeValue, greedy.LifetimeValue + " against " + fair.LifetimeValue);
    }

    [Fact]
    public void Churn_risk_rises_when_won_value_falls_and_deals_are_lost()
    {
        var healthy = Assess(Account(), Monthly(24, value: 50000m));
        var leaving = Assess(Account(), Monthly(12, value: 50000m, startMonthsAgo: 12.5).Concat(new[] { Lost(1), Lost(2), Lost(3), Won(8, 10000m) }).ToList());

        Assert.True(leaving.ChurnRisk > healthy.ChurnRisk + 20m, leaving.ChurnRisk + " against " + healthy.ChurnRisk);
        Assert.True(leaving.AtRisk);
        Assert.False(healthy.AtRisk);
        Assert.Contains(leaving.ExplanationOf(ScoreKind.ChurnRisk).Factors, f => f.Code == ReasonCodes.ValueDecline && f.Contribution > 0m);
    }

    [Fact]
    public void The_at_risk_threshold_comes_from_the_policy()
    {
        var deals = Monthly(12, value: 50000m, startMonthsAgo: 12.5).Concat(new[] { Lost(1), Won(8, 10000m) }).ToList();
        var result = Assess(Account(), deals);
        var lenient = Policy with { Churn = Policy.Churn with { AtRiskFrom = 99m } };

        Assert.False(Assess(Account(), deals, lenient).AtRisk);
        Assert.Equal(result.ChurnRisk, Assess(Account(), deals, lenient).ChurnRisk);
    }

    [Fact]
    public void An_account_at_risk_stays_at_risk_until_its_churn_risk_falls_below_the_clearing_threshold()
    {
        var deals = Monthly(12, value: 50000m, startMonthsAgo: 12.5).Concat(new[] { Lost(1), Won(8, 10000m) }).ToList();
        var churn = Assess(Account(), deals).ChurnRisk!.Value;
        var between = Policy with { Churn = Policy.Churn with { AtRiskFrom = churn + 1m, AtRiskClearsBelow = churn - 1m } };
        var clears = Policy with { Churn = Policy.Churn with { AtRiskFrom = churn + 1m, AtRiskClearsBelow = churn + 0.5m } };

        Assert.True(Assess(Account() with { WasAtRisk = true }, deals, between).AtRisk);
        Assert.False(Assess(Account() with { WasAtRisk = false }, deals, between).AtRisk);
        Assert.False(Assess(Account(), deals, between).AtRisk);
        Assert.False(Assess(Account() with { WasAtRisk = true }, deals, clears).AtRisk);
    }

    [Fact]
    public void An_account_with_unknown_churn_risk_is_not_at_risk_whatever_it_was()
    {
        var result = Assess(Account() with { WasAtRisk = true, KeyContactCount = null }, new List<OpportunityFacts>());

        Assert.Null(result.ChurnRisk);
        Assert.False(result.AtRisk);
    }
}
