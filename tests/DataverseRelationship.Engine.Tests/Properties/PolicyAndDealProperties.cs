using CsCheck;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using static DataverseRelationship.Engine.Tests.Properties.Generators;

namespace DataverseRelationship.Engine.Tests.Properties;

/// <summary>Properties of the policy document and of the tier rule on deals.</summary>
public class PolicyAndDealProperties
{
    private static readonly RelationshipPolicy Default = RelationshipPolicy.Default;

    private static readonly Gen<RelationshipPolicy> ValidPolicy =
        Gen.Select(
            Gen.Int[1, 240],
            Cents(0.1m, 240m),
            Cents(0m, 100m),
            Cents(0m, 100m),
            Gen.Bool,
            Gen.Int[1, 63],
            Cents(0.05m, 0.99m),
            (window, halfLife, loyalty, cap, warn, commitments, retention) => Default with
            {
                Version = "v" + window.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Scoring = Default.Scoring with { WindowMonths = window, HalfLifeMonths = halfLife },
                Tiers = Default.Tiers with
                {
                    Preferred = Default.Tiers.Preferred with { MinimumLoyalty = loyalty },
                    StrategicPartner = Default.Tiers.StrategicPartner with { MinimumLoyalty = 100m },
                },
                Deals = Default.Deals with { TransactionalDiscountCap = cap, Mode = warn ? TierRuleMode.Warn : TierRuleMode.Enforce, AcceptedCommitments = (Commitments)commitments },
                LifetimeValue = Default.LifetimeValue with { MaximumRetention = retention },
            });

    [Fact]
    public void Any_valid_policy_round_trips_through_JSON()
    {
        ValidPolicy.Sample(policy =>
        {
            policy.Validate();
            Assert.Equal(policy, RelationshipPolicyJson.Parse(RelationshipPolicyJson.Write(policy)));
        });
    }

    [Fact]
    public void A_discount_within_the_cap_is_always_within_cap_and_one_above_it_needs_an_accepted_commitment()
    {
        Gen.Select(RealisticOpportunity, Cents(0m, 100m), Gen.Int[0, 2], Gen.Bool)
            .Sample((deal, discount, tier, warn) =>
            {
                var policy = Default with { Deals = Default.Deals with { Mode = warn ? TierRuleMode.Warn : TierRuleMode.Enforce } };
                var accountTier = (RelationshipTier)tier;
                var result = RelationshipEngine.AssessDeal(deal with { DiscountPercent = discount }, accountTier, AsOf, policy);
                var cap = policy.Deals.DiscountCapFor(accountTier);
                var reciprocated = ((deal.Commitments ?? Commitments.None) & policy.Deals.AcceptedCommitments) != Commitments.None;

                var expected = discount <= cap ? TierRuleVerdict.WithinCap
                    : reciprocated ? TierRuleVerdict.Reciprocated
                    : warn ? TierRuleVerdict.Warned : TierRuleVerdict.Blocked;
                Assert.Equal(expected, result.TierRuleVerdict);
                Assert.Equal(discount > cap, result.TierRuleMessage != null);
            },
            iter: 500);
    }
}
