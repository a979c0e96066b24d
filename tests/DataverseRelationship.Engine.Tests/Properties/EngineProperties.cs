using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Engine.Tiers;
using static DataverseRelationship.Engine.Tests.Properties.Generators;

namespace DataverseRelationship.Engine.Tests.Properties
{
    /// <summary>Properties that hold for any input: ranges, determinism, order, monotonicity, stable tiers, overrides.</summary>
    public class EngineProperties
    {
        private static readonly RelationshipPolicy Policy = RelationshipPolicy.Default;

        [Fact]
        public void Every_score_stays_within_0_and_100_for_any_input_including_empty_null_and_extreme_values()
        {
            Gen.Select(ExtremeAccount, ExtremeOpportunity.Null(0.05).Array[0, 30], AnyDate)
                .Sample((account, deals, asOf) =>
                {
                    var result = RelationshipEngine.AssessAccount(account, deals, asOf, Policy);
                    foreach (var score in result.Scores)
                    {
                        Assert.InRange(score.Value, 0m, 100m);
                    }

                    Assert.InRange(result.Health, 0m, 100m);
                    Assert.InRange(result.ChurnRisk, 0m, 100m);
                    Assert.InRange(result.Confidence, 0m, 100m);
                    Assert.InRange(result.RetentionRate, 0m, 1m);
                    Assert.False(string.IsNullOrEmpty(result.Explanation));

                    foreach (var deal in deals)
                    {
                        if (deal is null)
                        {
                            continue;
                        }

                        var assessment = RelationshipEngine.AssessDeal(deal, account.CurrentTier ?? RelationshipTier.Transactional, asOf, Policy);
                        Assert.InRange(assessment.DealScore, 0m, 100m);
                        Assert.InRange(assessment.ReciprocityBalance, -100m, 100m);
                    }
                },
                iter: 300);
        }

        [Fact]
        public void The_same_inputs_always_give_the_same_result()
        {
            Gen.Select(RealisticAccount, RealisticOpportunities)
                .Sample((account, deals) =>
                    Assert.Equal(
                        Fingerprint(RelationshipEngine.AssessAccount(account, deals, AsOf, Policy)),
                        Fingerprint(RelationshipEngine.AssessAccount(account, deals.ToArray(), AsOf, Policy))));
        }

        [Fact]
        public void The_order_of_the_opportunities_does_not_matter()
        {
            Gen.Select(RealisticAccount, RealisticOpportunities, Gen.Int[0, 1000])
                .Sample((account, deals, rotation) =>
                {
                    var reordered = deals.Reverse().ToList();
                    if (reordered.Count > 0)
                    {
                        var shift = rotation % reordered.Count;
                        reordered = reordered.Skip(shift).Concat(reordered.Take(shift)).ToList();
                    }

                    Assert.Equal(
                        Fingerprint(RelationshipEngine.AssessAccount(account, deals, AsOf, Policy)),
                        Fingerprint(RelationshipEngine.AssessAccount(account, reordered, AsOf, Policy)));
                });
        }

        [Fact]
        public void Adding_an_unreciprocated_concession_never_raises_reciprocity()
        {
            var unreciprocated = Gen.Select(RealisticOpportunity, Gen.Int[1, 31], Gen.Bool, (deal, concessions, won) => deal with
            {
                State = won ? DealState.Won : DealState.Open,
                Concessions = (Concessions)concessions,
                Commitments = Commitments.None,
            });

            Gen.Select(RealisticAccount, RealisticOpportunities, unreciprocated)
                .Sample((account, deals, extra) =>
                {
                    var before = RelationshipEngine.AssessAccount(account, deals, AsOf, Policy);
                    var after = RelationshipEngine.AssessAccount(account, deals.Append(extra).ToArray(), AsOf, Policy);
                    Assert.True(after.Reciprocity <= before.Reciprocity, before.Reciprocity + " rose to " + after.Reciprocity);
                });
        }

        [Fact]
        public void Adding_a_recent_won_deal_never_lowers_loyalty()
        {
            var recentWin = Gen.Select(RealisticOpportunity, DaysAgo(30), (deal, closed) => deal with { State = DealState.Won, CloseDate = closed, CreatedOn = closed.AddDays(-30) });

            Gen.Select(RealisticAccount, RealisticOpportunities, recentWin)
                .Sample((account, deals, extra) =>
                {
                    var before = RelationshipEngine.AssessAccount(account, deals, AsOf, Policy);
                    var after = RelationshipEngine.AssessAccount(account, deals.Append(extra).ToArray(), AsOf, Policy);
                    Assert.True(after.Loyalty >= before.Loyalty, before.Loyalty + " fell to " + after.Loyalty);
                });
        }

        [Fact]
        public void Scores_oscillating_around_a_threshold_do_not_make_the_tier_flap()
        {
            var tiers = Policy.Tiers;
            var threshold = tiers.Preferred.MinimumLoyalty;
            var margin = tiers.HysteresisMargin;
            var oscillation = Cents(threshold - margin + 0.01m, threshold + margin).Array[10, 200];

            oscillation.Sample(loyalties =>
            {
                var changes = Simulate(loyalties, TierSpecificationEvidence, tiers);
                Assert.True(changes <= 1, changes + " tier changes");
            });
        }

        [Fact]
        public void Within_the_dwell_time_a_promoted_account_is_never_demoted_however_wildly_its_scores_swing()
        {
            var tiers = Policy.Tiers;
            var swings = Cents(0m, 100m).Array[10, tiers.MinimumDwellDays - 1];

            swings.Sample(loyalties =>
            {
                var account = new AccountFacts { CreatedOn = AsOf, CurrentTier = RelationshipTier.Transactional };
                var promotedOn = (DateTime?)null;
                for (var day = 0; day < loyalties.Length; day++)
                {
                    var asOf = AsOf.AddDays(day);
                    var decision = TierRules.Decide(TierSpecificationEvidence(loyalties[day]), account, asOf, tiers);
                    if (decision.Change != null)
                    {
                        Assert.True(decision.Change.To > decision.Change.From, "demoted on day " + day + " after promotion on " + promotedOn);
                        promotedOn = asOf;
                        account = account with { CurrentTier = decision.Change.To, TierChangedOn = asOf };
                    }
                }
            });
        }

        [Fact]
        public void An_active_override_is_never_replaced()
        {
            var activeOverride = Gen.Select(Gen.Int[0, 2].Select(i => (RelationshipTier)i), Gen.Int[1, 400], (tier, days) => new TierOverride { Tier = tier, Reason = "Agreed with the customer's board", ExpiresOn = AsOf.AddDays(days), SetBy = "owner" });

            Gen.Select(RealisticAccount, RealisticOpportunities, activeOverride)
                .Sample((account, deals, tierOverride) =>
                {
                    var result = RelationshipEngine.AssessAccount(account with { Override = tierOverride }, deals, AsOf, Policy);
                    Assert.Equal(tierOverride.Tier, result.EffectiveTier);
                    Assert.True(result.TierVerdict.OverrideActive);
                    if (result.TierChange != null)
                    {
                        Assert.Equal(TierChangeKind.Manual, result.TierChange.Kind);
                    }
                });
        }

        [Fact]
        public void Recomputing_with_the_recorded_results_changes_nothing()
        {
            Gen.Select(RealisticAccount, RealisticOpportunities)
                .Sample((account, deals) =>
                {
                    var first = RelationshipEngine.AssessAccount(account, deals, AsOf, Policy);
                    var recorded = account with
                    {
                        CurrentTier = first.EffectiveTier,
                        TierChangedOn = first.TierChange != null ? AsOf : account.TierChangedOn,
                        PreviousHealth = first.Health,
                        PreviousTrend = first.HealthTrend,
                    };
                    var second = RelationshipEngine.AssessAccount(recorded, deals, AsOf, Policy);
                    Assert.Null(second.TierChange);
                    Assert.Equal(first.HealthTrend, second.HealthTrend);
                    Assert.Equal(first.Health, second.Health);
                });
        }

        private static TierEvidence TierSpecificationEvidence(decimal loyalty) => new TierEvidence
        {
            KeyContacts = 5,
            PreferredWonValue = 100000m,
            StrategicWonValue = 100000m,
            Loyalty = loyalty,
            Fairness = 90m,
            RelationshipMonths = 12m,
        };

        private static int Simulate(decimal[] loyalties, Func<decimal, TierEvidence> evidence, TierPolicy tiers)
        {
            var account = new AccountFacts { CreatedOn = AsOf, CurrentTier = RelationshipTier.Transactional, TierChangedOn = AsOf.AddYears(-1) };
            var changes = 0;
            for (var day = 0; day < loyalties.Length; day++)
            {
                var asOf = AsOf.AddDays(day);
                var decision = TierRules.Decide(evidence(loyalties[day]), account, asOf, tiers);
                if (decision.Change != null)
                {
                    changes++;
                    account = account with { CurrentTier = decision.Change.To, TierChangedOn = asOf };
                }
            }

            return changes;
        }
    }
}
