using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>docs/domain.md, "Rules of evidence" 1–2: absence is not evidence; conduct, not volume.</summary>
public class EvidenceSpecification
{
    private static List<OpportunityFacts> BareHistory(int count)
    {
        var deals = new List<OpportunityFacts>();
        for (var i = 0; i < count; i++)
        {
            deals.Add(Bare(0.5 + i));
        }

        return deals;
    }

    [Fact]
    public void Deals_with_only_standard_columns_score_no_conduct_principle_and_health_is_insufficient_evidence()
    {
        var result = Assess(Account() with { KeyContactCount = null }, BareHistory(12));

        Assert.Null(result.Reciprocity);
        Assert.Null(result.Autonomy);
        Assert.Null(result.Integrity);
        Assert.Null(result.Fairness);
        Assert.Null(result.Health);
        Assert.Equal(HealthBand.InsufficientEvidence, result.HealthBand);
        Assert.Null(result.LifetimeValue);
        Assert.Equal(RelationshipTier.Transactional, result.EffectiveTier);
    }

    [Fact]
    public void Explanations_name_the_evidence_that_is_missing()
    {
        var result = Assess(Account(), BareHistory(12));

        Assert.Equal("unknown: no margin on 12 of 12 deals in the window; 0 with evidence, 3 needed", result.ExplanationOf(ScoreKind.Fairness).Text);
        Assert.Contains("no recorded conduct", result.ExplanationOf(ScoreKind.Autonomy).Text, System.StringComparison.Ordinal);
        Assert.StartsWith("Health unknown (insufficient evidence): unknown: 0 of 5 principles known (3 needed); ", result.Explanation, System.StringComparison.Ordinal);
        Assert.Contains("fairness — no margin on 12 of 12 deals in the window", result.Explanation, System.StringComparison.Ordinal);
        Assert.Contains("reciprocity — no recorded exchange", result.Explanation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_clean_conduct_is_evidence_and_an_empty_column_is_not()
    {
        var recorded = Assess(Account(), Monthly(6));
        var blank = Assess(Account(), Monthly(6).Select(d => d with { Tactics = null, SellerConduct = null }).ToList());

        Assert.Equal(100m, recorded.Autonomy);
        Assert.Null(blank.Autonomy);
    }

    [Fact]
    public void A_deal_marked_won_without_a_value_is_no_evidence_of_retained_business_and_leaves_loyalty_unknown()
    {
        // Tenure, sponsors and a joint plan are known; the only deal marked won has no value recorded.
        var account = PartnerReadyAccount(strategic: true);
        var valueless = new OpportunityFacts { Id = System.Guid.NewGuid(), State = DealState.Won, CreatedOn = MonthsAgo(3), CloseDate = MonthsAgo(1) };

        var result = Assess(account, new List<OpportunityFacts> { Lost(2), Lost(4), valueless });

        Assert.Null(result.Loyalty);
        Assert.Contains("no won business of known value in the window", result.ExplanationOf(ScoreKind.Loyalty).Text, System.StringComparison.Ordinal);
        Assert.NotNull(Assess(account, new List<OpportunityFacts> { Lost(2), Lost(4), Won(1) }).Loyalty);
    }

    [Fact]
    public void An_account_without_deals_is_neither_scored_nor_at_risk()
    {
        var result = Assess(Account(), new List<OpportunityFacts>());

        Assert.Null(result.Health);
        Assert.Null(result.ChurnRisk);
        Assert.False(result.AtRisk);
        Assert.Null(result.Engagement);
        Assert.All(result.Scores.Where(s => s.Score <= ScoreKind.Fairness), s => Assert.Null(s.Value));
    }

    [Fact]
    public void Health_is_the_mean_of_the_known_principles_with_the_weights_renormalised()
    {
        var deals = Monthly(6).Select(d => d with { SellerMarginPercent = null }).ToList();

        var result = Assess(Account(), deals);

        Assert.Null(result.Fairness);
        var known = new[] { result.Reciprocity, result.Autonomy, result.Integrity, result.Loyalty }.Select(v => v!.Value).ToList();
        Assert.Equal(System.Math.Round(known.Average(), 2), result.Health);
        Assert.Contains("fairness (too little recorded evidence)", result.ExplanationOf(ScoreKind.Health).Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_conduct_over_twice_the_deals_gives_the_same_principle_scores()
    {
        var deals = Monthly(10);
        deals[2] = deals[2] with { Tactics = ProcurementTactics.ReverseAuction, DiscountPercent = 12m, Concessions = Concessions.Discount };
        deals[5] = deals[5] with { PaymentDelayDays = 30, SellerMarginPercent = 55m };
        var once = Assess(Account(), deals);
        var twice = Assess(Account(), deals.Concat(deals.Select(d => d with { Id = System.Guid.NewGuid() })).ToList());

        Assert.Equal(once.Reciprocity, twice.Reciprocity);
        Assert.Equal(once.Autonomy, twice.Autonomy);
        Assert.Equal(once.Integrity, twice.Integrity);
        Assert.Equal(once.Loyalty, twice.Loyalty);
        Assert.Equal(once.Fairness, twice.Fairness);
        Assert.True(twice.Confidence >= once.Confidence);
    }

    [Fact]
    public void Engagement_measures_volume_and_recency_outside_the_principles()
    {
        var busy = Assess(Account(), Monthly(12));
        var quiet = Assess(Account(), new List<OpportunityFacts> { Won(20), Won(21), Won(22) });

        Assert.True(busy.Engagement > quiet.Engagement);
        Assert.Equal(busy.Autonomy, quiet.Autonomy);
    }

    [Fact]
    public void Engagement_still_tells_a_busy_customer_from_a_busier_one_and_never_reaches_100_on_volume()
    {
        var busy = Assess(Account(), Monthly(12));
        var busier = Assess(Account(), Monthly(12).Concat(Monthly(12)).Concat(Monthly(12)).Select(d => d with { Id = System.Guid.NewGuid() }).ToList());

        Assert.True(busier.Engagement > busy.Engagement, $"{busier.Engagement} should exceed {busy.Engagement}");
        Assert.True(busier.Engagement < 100m);
    }
}
