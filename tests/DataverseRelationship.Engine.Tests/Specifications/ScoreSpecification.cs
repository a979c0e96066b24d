using System.Linq;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications
{
    /// <summary>domain.md, "Scores": each 0–100, deterministic, explained; recent deals weigh more; old deals are ignored.</summary>
    public class ScoreSpecification
    {
        [Fact]
        public void An_account_without_deals_scores_neutral_50_on_the_exchange_scores()
        {
            var result = Assess();

            Assert.Equal(50m, result.Reciprocity);
            Assert.Equal(50m, result.Autonomy);
            Assert.Equal(50m, result.Integrity);
            Assert.Equal(50m, result.Fairness);
            Assert.Equal(0, result.OpportunitiesConsidered);
        }

        [Fact]
        public void A_new_account_is_assessed_from_the_first_day_without_any_training_minimum()
        {
            var brandNew = new AccountFacts { CreatedOn = AsOf };

            var result = RelationshipEngine.AssessAccount(brandNew, null, AsOf, Policy);

            Assert.Equal(RelationshipTier.Transactional, result.EffectiveTier);
            Assert.Equal(RelationshipTier.Transactional, result.TierChange!.To);
            Assert.Null(result.TierChange.From);
            Assert.InRange(result.Health, 0m, 100m);
            Assert.True(result.Confidence < 10m);
            Assert.Equal(Policy.Version, result.PolicyVersion);
            Assert.Contains("Not Preferred", result.TierVerdict.Text, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Null_opportunities_in_the_list_are_skipped()
        {
            var withNulls = RelationshipEngine.AssessAccount(Account(), new OpportunityFacts?[] { null, Won(), null }, AsOf, Policy);

            Assert.Equal(1, withNulls.OpportunitiesConsidered);
            Assert.Equal(Assess(Won() with { Id = System.Guid.Empty }).Reciprocity, withNulls.Reciprocity);
        }

        [Fact]
        public void Recent_deals_weigh_more_than_old_ones()
        {
            var balanced = Won(value: 50000m) with { Concessions = Concessions.FreeServices, Commitments = Commitments.Volume };
            var unbalanced = Won(value: 50000m) with { Concessions = Concessions.FreeServices };

            var recentBalanced = Assess(balanced with { CloseDate = MonthsAgo(1) }, unbalanced with { CloseDate = MonthsAgo(30) });
            var recentUnbalanced = Assess(balanced with { CloseDate = MonthsAgo(30) }, unbalanced with { CloseDate = MonthsAgo(1) });

            Assert.True(recentBalanced.Reciprocity > recentUnbalanced.Reciprocity);
        }

        [Fact]
        public void A_longer_half_life_makes_old_deals_count_more()
        {
            var balanced = Won(monthsAgo: 30) with { Concessions = Concessions.FreeServices, Commitments = Commitments.Volume };
            var unbalanced = Won(monthsAgo: 1) with { Concessions = Concessions.FreeServices };
            var shortHalfLife = Policy with { Scoring = Policy.Scoring with { HalfLifeMonths = 3m } };
            var longHalfLife = Policy with { Scoring = Policy.Scoring with { HalfLifeMonths = 120m } };

            var withShort = Assess(Account(), new[] { balanced, unbalanced }, shortHalfLife);
            var withLong = Assess(Account(), new[] { balanced, unbalanced }, longHalfLife);

            Assert.True(withLong.Reciprocity > withShort.Reciprocity);
        }

        [Fact]
        public void Deals_outside_the_window_are_ignored()
        {
            var old = Won(monthsAgo: 40) with { Concessions = Concessions.Discount | Concessions.FreeServices, Tactics = ProcurementTactics.ReverseAuction };

            var result = Assess(old);

            Assert.Equal(0, result.OpportunitiesConsidered);
            Assert.Equal(Assess().Reciprocity, result.Reciprocity);
            Assert.Equal(Assess().Autonomy, result.Autonomy);
        }

        [Fact]
        public void Reciprocity_falls_when_the_seller_concedes_without_a_commitment()
        {
            var balanced = Assess(Won() with { Concessions = Concessions.Discount, Commitments = Commitments.Volume });
            var unreciprocated = Assess(Won() with { Concessions = Concessions.Discount });

            Assert.True(balanced.Reciprocity > 70m);
            Assert.True(unreciprocated.Reciprocity < 30m);
        }

        [Fact]
        public void Reciprocity_falls_when_the_customer_commits_without_anything_in_return()
        {
            var balanced = Assess(Won() with { Concessions = Concessions.Discount, Commitments = Commitments.Volume });
            var overCommitted = Assess(Won(discount: 0m) with { Commitments = Commitments.MultiYearTerm | Commitments.Prepayment });

            Assert.True(overCommitted.Reciprocity < balanced.Reciprocity);
            Assert.Contains(overCommitted.ExplanationOf(ScoreKind.Reciprocity).Factors, f => f.Code == ReasonCodes.CustomerOverCommitted);
        }

        [Fact]
        public void A_discount_percentage_counts_as_a_discount_concession_even_without_the_flag()
        {
            var result = Assess(Won(discount: 12m));

            Assert.Contains(result.ExplanationOf(ScoreKind.Reciprocity).Factors, f => f.Code == ReasonCodes.UnreciprocatedConcessions);
        }

        [Theory]
        [InlineData(ProcurementTactics.OneSidedConcessionDemand)]
        [InlineData(ProcurementTactics.UnilateralRiskTransfer)]
        [InlineData(ProcurementTactics.DiscountDemandedAfterAward)]
        [InlineData(ProcurementTactics.ReverseAuction)]
        [InlineData(ProcurementTactics.PaymentWithholding)]
        public void Autonomy_falls_with_every_power_play(ProcurementTactics tactic)
        {
            var clean = Assess(Won(), Won(2));
            var played = Assess(Won(), Won(2) with { Tactics = tactic });

            Assert.True(played.Autonomy < clean.Autonomy);
            Assert.Contains(played.ExplanationOf(ScoreKind.Autonomy).Factors, f => f.Code == tactic.ToString() && f.Contribution < 0m);
        }

        [Fact]
        public void Power_plays_in_lost_deals_count_against_autonomy_too()
        {
            var result = Assess(Won(), Lost() with { Tactics = ProcurementTactics.ReverseAuction });

            Assert.True(result.Autonomy < Assess(Won(), Lost()).Autonomy);
        }

        [Fact]
        public void Integrity_falls_when_similar_deals_get_very_different_discounts()
        {
            var consistent = Assess(Won(1, 100000m, discount: 10m), Won(2, 110000m, discount: 10m), Won(3, 90000m, discount: 10m));
            var dispersed = Assess(Won(1, 100000m, discount: 0m), Won(2, 110000m, discount: 25m), Won(3, 90000m, discount: 5m));

            Assert.True(dispersed.Integrity < consistent.Integrity);
        }

        [Fact]
        public void Discounts_are_compared_only_within_a_size_band()
        {
            // A small deal with a small discount and a large deal with a large one are different circumstances.
            var acrossBands = Assess(Won(1, 10000m, discount: 0m), Won(2, 500000m, discount: 20m));

            Assert.DoesNotContain(acrossBands.ExplanationOf(ScoreKind.Integrity).Factors, f => f.Code == ReasonCodes.DiscountConsistency);
        }

        [Fact]
        public void Integrity_falls_when_promises_are_broken()
        {
            var kept = Assess(Won(), Won(2));
            var broken = Assess(Won(), Won(2) with { DeliveredAsPromised = false });

            Assert.True(broken.Integrity < kept.Integrity);
        }

        [Fact]
        public void Integrity_falls_when_payments_are_late_beyond_the_grace_period()
        {
            var onTime = Assess(Won(), Won(2) with { PaymentDelayDays = 5 });
            var late = Assess(Won(), Won(2) with { PaymentDelayDays = 30 });

            Assert.True(late.Integrity < onTime.Integrity);
            Assert.Contains(late.ExplanationOf(ScoreKind.Integrity).Factors, f => f.Code == ReasonCodes.PaidLate);
        }

        [Fact]
        public void Loyalty_grows_with_tenure()
        {
            Assert.True(Assess(Account(48), new[] { Won() }).Loyalty > Assess(Account(3), new[] { Won() }).Loyalty);
        }

        [Fact]
        public void Loyalty_grows_with_repeat_wins()
        {
            Assert.True(Assess(Won(1), Won(2), Won(3)).Loyalty > Assess(Won(1)).Loyalty);
        }

        [Fact]
        public void Loyalty_grows_with_the_win_rate()
        {
            Assert.True(Assess(Won(1), Won(2), Lost(3)).Loyalty > Assess(Won(1), Lost(2), Lost(3)).Loyalty);
        }

        [Fact]
        public void Loyalty_falls_as_the_last_win_recedes()
        {
            Assert.True(Assess(Won(1)).Loyalty > Assess(Won(20)).Loyalty);
        }

        [Fact]
        public void Loyalty_follows_the_revenue_trend()
        {
            var growing = Assess(Won(2, 200000m), Won(14, 50000m));
            var shrinking = Assess(Won(2, 50000m), Won(14, 200000m));

            Assert.True(growing.Loyalty > shrinking.Loyalty);
        }

        [Fact]
        public void Fairness_is_highest_when_deals_are_priced_inside_the_fair_margin_band()
        {
            var fair = Assess(Won(margin: 25m), Won(2, margin: 30m));
            var belowFloor = Assess(Won(margin: 2m), Won(2, margin: 3m));
            var aboveCeiling = Assess(Won(margin: 55m), Won(2, margin: 60m));

            Assert.True(fair.Fairness > belowFloor.Fairness);
            Assert.True(fair.Fairness > aboveCeiling.Fairness);
        }

        [Fact]
        public void Fairness_is_value_weighted()
        {
            var bigFairSmallUnfair = Assess(Won(1, 1000000m, margin: 25m), Won(2, 10000m, margin: 0m));
            var smallFairBigUnfair = Assess(Won(1, 10000m, margin: 25m), Won(2, 1000000m, margin: 0m));

            Assert.True(bigFairSmallUnfair.Fairness > smallFairBigUnfair.Fairness);
        }

        [Fact]
        public void Health_is_the_weighted_mean_of_the_five_scores()
        {
            var result = Assess(StrongHistory(5).ToArray());
            var mean = (result.Reciprocity + result.Autonomy + result.Integrity + result.Loyalty + result.Fairness) / 5m;

            Assert.Equal(decimal.Round(mean, 2, System.MidpointRounding.AwayFromZero), result.Health);
        }

        [Fact]
        public void Health_weights_come_from_the_policy()
        {
            var onlyLoyalty = Policy with { Health = Policy.Health with { ReciprocityWeight = 0m, AutonomyWeight = 0m, IntegrityWeight = 0m, FairnessWeight = 0m } };

            var result = Assess(Account(), StrongHistory(3), onlyLoyalty);

            Assert.Equal(result.Loyalty, result.Health);
        }

        [Theory]
        [InlineData(60, HealthBand.Good)]
        [InlineData(59.99, HealthBand.Fair)]
        [InlineData(40, HealthBand.Fair)]
        [InlineData(39.99, HealthBand.Poor)]
        public void Health_bands_are_Good_from_60_Fair_from_40_and_Poor_below(double health, HealthBand band)
        {
            Assert.Equal(band, Scoring.HealthClassification.Band((decimal)health, Policy.Health));
        }

        [Fact]
        public void The_trend_compares_health_with_the_previous_value()
        {
            var account = Account();
            var health = Assess(account, StrongHistory(4)).Health;

            Assert.Equal(HealthTrend.Improving, Assess(account with { PreviousHealth = health - 10m }, StrongHistory(4)).HealthTrend);
            Assert.Equal(HealthTrend.Declining, Assess(account with { PreviousHealth = health + 10m }, StrongHistory(4)).HealthTrend);
            Assert.Equal(HealthTrend.Steady, Assess(account with { PreviousHealth = health + 1m }, StrongHistory(4)).HealthTrend);
        }

        [Fact]
        public void Recomputing_with_unchanged_inputs_keeps_the_trend()
        {
            var deals = StrongHistory(4);
            var first = Assess(Account() with { PreviousHealth = 20m, PreviousTrend = HealthTrend.Steady }, deals);
            var second = Assess(Account() with { PreviousHealth = first.Health, PreviousTrend = first.HealthTrend }, deals);

            Assert.Equal(HealthTrend.Improving, first.HealthTrend);
            Assert.Equal(first.HealthTrend, second.HealthTrend);
            Assert.Equal(first.Health, second.Health);
        }

        [Fact]
        public void Lifetime_value_is_annual_margin_times_r_over_one_plus_i_minus_r()
        {
            var deals = new[] { Won(2, 100000m, margin: 20m), Won(5, 50000m, margin: 40m), Won(14, 900000m, margin: 30m) };
            var result = Assess(Account(), deals);
            var annualMargin = 20000m + 20000m;
            var r = result.RetentionRate;
            var i = Policy.LifetimeValue.DiscountRate;

            Assert.Equal(annualMargin, result.AnnualMargin);
            Assert.Equal(decimal.Round(annualMargin * r / (1m + i - r), 2, System.MidpointRounding.AwayFromZero), result.LifetimeValue);
        }

        [Fact]
        public void Retention_is_derived_from_loyalty_unless_the_policy_sets_it_for_the_tier()
        {
            var fixedRetention = Policy with { LifetimeValue = Policy.LifetimeValue with { TransactionalRetention = 0.7m, PreferredRetention = 0.8m, StrategicPartnerRetention = 0.9m } };

            var derived = Assess(Account(), new[] { Won() });
            var fixedRate = Assess(Account(), new[] { Won() }, fixedRetention);

            var expected = 0.5m + (0.45m * derived.Loyalty / 100m);
            Assert.Equal(expected, derived.RetentionRate);
            Assert.Equal(RelationshipTier.Preferred, fixedRate.EffectiveTier);
            Assert.Equal(0.8m, fixedRate.RetentionRate);
        }

        [Fact]
        public void Churn_risk_is_higher_for_a_fading_relationship()
        {
            var loyal = Assess(Account(60), StrongHistory(6));
            var fading = Assess(Account(6), new[] { Lost(1), Lost(3), Won(30) with { DeliveredAsPromised = false } });

            Assert.True(fading.ChurnRisk > loyal.ChurnRisk);
        }

        [Fact]
        public void Confidence_grows_with_the_completeness_of_the_inputs()
        {
            var sparse = Assess(Account() with { RelationshipSince = null, KeyContactCount = 0 }, new[] { new OpportunityFacts { State = DealState.Won, CreatedOn = MonthsAgo(2) } });
            var complete = Assess(Account(), StrongHistory(10));

            Assert.True(complete.Confidence > sparse.Confidence);
            Assert.Equal(100m, complete.Confidence);
        }
    }
}
