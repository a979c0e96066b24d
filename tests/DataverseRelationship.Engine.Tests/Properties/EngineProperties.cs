using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using static DataverseRelationship.Engine.Tests.Properties.Generators;

namespace DataverseRelationship.Engine.Tests.Properties;

/// <summary>Properties that hold for any input: ranges, determinism, order, evidence, conduct, stable tiers, overrides, the ledger.</summary>
public class EngineProperties
{
    private static readonly RelationshipPolicy Policy = RelationshipPolicy.Default;

    private static decimal?[] Principles(AccountAssessment a) => new[] { a.Reciprocity, a.Autonomy, a.Integrity, a.Loyalty, a.Fairness };

    [Fact]
    public void Every_score_is_unknown_or_within_0_and_100_for_any_input_including_empty_null_and_extreme_values()
    {
        Gen.Select(ExtremeAccount, ExtremeOpportunity.Null(0.05).Array[0, 30], AnyDate)
            .Sample((account, deals, asOf) =>
            {
                var result = RelationshipEngine.AssessAccount(account, deals, asOf, Policy);
                foreach (var score in result.Scores)
                {
                    if (score.Value.HasValue)
                    {
                        Assert.InRange(score.Value.Value, 0m, 100m);
                    }
                }

                Assert.InRange(result.Confidence, 0m, 100m);
                Assert.True(result.Health.HasValue || result.HealthBand == HealthBand.InsufficientEvidence);
                Assert.True(!result.AtRisk || result.ChurnRisk.HasValue);
                if (result.RetentionRate.HasValue)
                {
                    Assert.InRange(result.RetentionRate.Value, 0m, 1m);
                }

                Assert.False(string.IsNullOrEmpty(result.Explanation));
                foreach (var deal in deals)
                {
                    if (deal is null)
                    {
                        continue;
                    }

                    var assessment = RelationshipEngine.AssessDeal(deal, account.CurrentTier ?? RelationshipTier.Transactional, asOf, Policy);
                    Assert.True(assessment.DealScore is null or >= 0m and <= 100m);
                    Assert.True(assessment.ReciprocityBalance is null or >= -100m and <= 100m);
                }
            },
            iter: 300);
    }

    [Fact]
    public void The_same_inputs_in_any_order_give_the_same_result()
    {
        Gen.Select(RealisticAccount, RealisticOpportunities, Gen.Int[0, 1000])
            .Sample((account, deals, seed) =>
            {
                var shuffled = deals.OrderBy(d => (d.Id.GetHashCode() ^ seed) & 0x7fffffff).ToArray();
                Assert.Equal(
                    Fingerprint(RelationshipEngine.AssessAccount(account, deals, AsOf, Policy)),
                    Fingerprint(RelationshipEngine.AssessAccount(account, shuffled, AsOf, Policy)));
            });
    }

    [Fact]
    public void A_ledger_written_down_and_read_back_is_the_same_ledger_and_scores_the_same()
    {
        Gen.Select(RealisticAccount, RealisticOpportunities)
            .Sample((account, deals) =>
            {
                var ledger = AccountLedger.Of(deals, Policy);
                var fingerprint = PolicyFingerprint.Of(Policy);
                var text = LedgerText.Write(ledger, fingerprint);
                var read = LedgerText.Read(text, fingerprint, out var reason);

                Assert.True(read is not null, reason);
                Assert.True(read!.SameAs(ledger));
                Assert.Equal(text, LedgerText.Write(read, fingerprint));
                Assert.Equal(
                    Fingerprint(RelationshipEngine.AssessAccount(account, ledger, AsOf, Policy)),
                    Fingerprint(RelationshipEngine.AssessAccount(account, read, AsOf, Policy)));
            });
    }

    [Fact]
    public void A_ledger_kept_by_adding_and_removing_deals_equals_one_built_from_scratch()
    {
        // Operations: 0 = add a new deal, 1 = remove one, 2 = replace one with a changed version (a save).
        Gen.Select(RealisticOpportunities, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], RealisticOpportunity).Array[1, 60])
            .Sample((initial, operations) =>
            {
                var current = initial.ToList();
                var ledger = AccountLedger.Of(current, Policy);
                foreach (var (kind, pick, deal) in operations)
                {
                    if (kind == 0 || current.Count == 0)
                    {
                        current.Add(deal);
                        ledger.Add(deal, Policy);
                    }
                    else
                    {
                        var index = pick % current.Count;
                        ledger.Remove(current[index], Policy);
                        if (kind == 1)
                        {
                            current.RemoveAt(index);
                        }
                        else
                        {
                            current[index] = deal with { Id = current[index].Id };
                            ledger.Add(current[index], Policy);
                        }
                    }

                    Assert.True(ledger.SameAs(AccountLedger.Of(current, Policy)));
                }

                var account = new AccountFacts { CreatedOn = AsOf.AddYears(-3) };
                Assert.Equal(
                    Fingerprint(RelationshipEngine.AssessAccount(account, ledger, AsOf, Policy)),
                    Fingerprint(RelationshipEngine.AssessAccount(account, current, AsOf, Policy)));
            });
    }

    /// <summary>
    /// Every history, including those with a size band holding a single discount: there, and only there, more
    /// evidence adds a measurement (a dispersion needs two discounts), so integrity may move, but only through its
    /// discount-consistency component: with that component's weight at 0 it stays within a point as well.
    /// </summary>
    [Fact]
    public void Duplicating_the_whole_history_moves_no_principle_by_more_than_one_point()
    {
        Gen.Select(RealisticAccount, RealisticOpportunities)
            .Sample((account, deals) =>
            {
                var single = Enumerable.Range(0, 3).Any(band => AccountLedger.Of(deals, Policy).Read(AsOf, Policy).Raw[DealSums.DiscountCount + band] == 1m);
                var once = Principles(RelationshipEngine.AssessAccount(account, deals, AsOf, Policy));
                var twice = Principles(RelationshipEngine.AssessAccount(account, deals.Concat(deals.Select(d => d with { Id = Guid.NewGuid() })).ToArray(), AsOf, Policy));
                for (var i = 0; i < once.Length; i++)
                {
                    if (once[i].HasValue && twice[i].HasValue && !(single && i == 2))
                    {
                        Assert.InRange(twice[i]!.Value - once[i]!.Value, -1m, 1m);
                    }
                }

                if (single)
                {
                    // Without the dispersion component (weight 0 in the policy) integrity stays within a point too.
                    var withoutDispersion = Policy with { Integrity = Policy.Integrity with { DiscountConsistencyWeight = 0m } };
                    var a = RelationshipEngine.AssessAccount(account, deals, AsOf, withoutDispersion).Integrity;
                    var b = RelationshipEngine.AssessAccount(account, deals.Concat(deals.Select(d => d with { Id = Guid.NewGuid() })).ToArray(), AsOf, withoutDispersion).Integrity;
                    Assert.True(!a.HasValue || !b.HasValue || Math.Abs(b.Value - a.Value) <= 1m, "integrity without dispersion " + a + " → " + b);
                }
            });
    }

    [Fact]
    public void Adding_an_unreciprocated_concession_never_raises_reciprocity_unless_it_repays_a_customer_surplus()
    {
        var concession = Gen.Int[1, 4].Select(bit => (Concessions)(1 << bit));
        Gen.Select(RealisticOpportunities, Gen.Int[0, 1000], concession)
            .Sample((deals, pick, added) =>
            {
                if (deals.Length == 0)
                {
                    return;
                }

                var index = pick % deals.Length;
                var target = deals[index] with { Commitments = deals[index].Commitments ?? Commitments.None, Concessions = deals[index].Concessions ?? Concessions.None };
                var before = deals.ToArray();
                before[index] = target;
                var after = deals.ToArray();
                after[index] = target with { Concessions = target.Concessions | added };
                var account = new AccountFacts { CreatedOn = AsOf.AddYears(-3) };
                var ledger = AccountLedger.Of(before, Policy).Read(AsOf, Policy);
                if (ledger.Decayed[DealSums.Get] > ledger.Decayed[DealSums.Give])
                {
                    return;
                }

                var then = RelationshipEngine.AssessAccount(account, before, AsOf, Policy).Reciprocity;
                var now = RelationshipEngine.AssessAccount(account, after, AsOf, Policy).Reciprocity;
                Assert.True(!then.HasValue || !now.HasValue || now.Value <= then.Value, now + " after " + then);
            });
    }

    [Fact]
    public void A_customer_game_never_raises_autonomy()
    {
        var game = Gen.Int[0, 6].Select(bit => (ProcurementTactics)(1 << bit));
        Gen.Select(RealisticOpportunities, Gen.Int[0, 1000], game)
            .Sample((deals, pick, added) =>
            {
                if (deals.Length == 0)
                {
                    return;
                }

                var index = pick % deals.Length;
                var before = deals.ToArray();
                before[index] = deals[index] with { Tactics = deals[index].Tactics ?? ProcurementTactics.None };
                var after = before.ToArray();
                after[index] = before[index] with { Tactics = before[index].Tactics | added };
                var account = new AccountFacts { CreatedOn = AsOf.AddYears(-3) };
                var then = RelationshipEngine.AssessAccount(account, before, AsOf, Policy).Autonomy;
                var now = RelationshipEngine.AssessAccount(account, after, AsOf, Policy).Autonomy;
                Assert.True(!then.HasValue || !now.HasValue || now.Value <= then.Value, now + " after " + then);
            });
    }

    [Fact]
    public void A_deal_with_nothing_recorded_never_raises_a_principle_a_tier_or_the_lifetime_value()
    {
        Gen.Select(RealisticAccount, RealisticOpportunities, Gen.Enum<DealState>(), DaysAgo(900))
            .Sample((account, deals, state, when) =>
            {
                var unknown = new OpportunityFacts { Id = Guid.NewGuid(), State = state, CreatedOn = when.AddDays(-30), CloseDate = when };
                var before = RelationshipEngine.AssessAccount(account, deals, AsOf, Policy);
                var after = RelationshipEngine.AssessAccount(account, deals.Append(unknown).ToArray(), AsOf, Policy);
                var then = Principles(before);
                var now = Principles(after);
                for (var i = 0; i < then.Length; i++)
                {
                    Assert.True(!now[i].HasValue || (then[i].HasValue && now[i]!.Value <= then[i]!.Value + 0.01m), "principle " + i + ": " + then[i] + " → " + now[i]);
                }

                Assert.True(after.EligibleTier <= before.EligibleTier);
                Assert.True(!after.LifetimeValue.HasValue || !before.LifetimeValue.HasValue || after.LifetimeValue <= before.LifetimeValue);
            });
    }

    [Fact]
    public void No_two_automatic_tier_changes_happen_within_the_dwell_time_under_any_sequence_of_events()
    {
        Gen.Select(RealisticAccount, RealisticOpportunity.Array[1, 6].Array[5, 30], Gen.Int[5, 60])
            .Sample((start, batches, stepDays) =>
            {
                var account = start with { CurrentTier = null, TierChangedOn = null, LastDemotedOn = null, Override = null, KeyContactCount = 5, HasCustomerSponsor = true, HasSellerSponsor = true };
                var deals = new List<OpportunityFacts>();
                DateTime? lastChange = null;
                var asOf = AsOf.AddDays(-stepDays * batches.Length);
                foreach (var batch in batches)
                {
                    asOf = asOf.AddDays(stepDays);
                    deals.AddRange(batch.Select(d => d with { CreatedOn = asOf.AddDays(-20), CloseDate = asOf.AddDays(-1) }));
                    var result = RelationshipEngine.AssessAccount(account, deals, asOf, Policy);
                    if (result.TierChange is null)
                    {
                        continue;
                    }

                    if (account.CurrentTier.HasValue)
                    {
                        Assert.True(!lastChange.HasValue || (asOf - lastChange.Value).TotalDays >= Policy.Tiers.MinimumDwellDays, "changes " + lastChange + " and " + asOf);
                        lastChange = asOf;
                    }

                    var demoted = account.CurrentTier.HasValue && result.EffectiveTier < account.CurrentTier.Value;
                    account = account with { CurrentTier = result.EffectiveTier, TierChangedOn = asOf, LastDemotedOn = demoted ? asOf : account.LastDemotedOn };
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
                };
                var second = RelationshipEngine.AssessAccount(recorded, deals, AsOf, Policy);
                Assert.Null(second.TierChange);
                Assert.Equal(first.HealthTrend, second.HealthTrend);
                Assert.Equal(first.Health, second.Health);
            });
    }
}
