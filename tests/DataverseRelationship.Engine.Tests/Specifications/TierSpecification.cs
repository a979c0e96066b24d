using System.Linq;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Tiers;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>domain.md, "Tiers" and the tier rules the plugins enforce.</summary>
public class TierSpecification
{
    /// <summary>Evidence that meets every Preferred criterion with room to spare, and no Strategic one beyond them.</summary>
    internal static TierEvidence PreferredEvidence(decimal loyalty = 70m, decimal fairness = 70m) => new TierEvidence
    {
        KeyContacts = 2,
        PreferredWonValue = 60000m,
        StrategicWonValue = 60000m,
        Health = 90m,
        Reciprocity = 80m,
        Autonomy = 80m,
        Integrity = 80m,
        Loyalty = loyalty,
        Fairness = fairness,
        GameSharePercent = 0m,
        ConductDeals = 20,
        Confidence = 80m,
        RelationshipMonths = 12m,
        HasExecutiveSponsors = false,
        HasJointAccountPlan = false,
    };

    internal static TierEvidence StrategicEvidence() => PreferredEvidence(80m, 80m) with
    {
        KeyContacts = 5,
        PreferredWonValue = 500000m,
        StrategicWonValue = 500000m,
        RelationshipMonths = 36m,
        HasExecutiveSponsors = true,
        HasJointAccountPlan = true,
        JointPlanAgeMonths = 3m,
    };

    internal static TierDecision Decide(TierEvidence evidence, AccountFacts account) =>
        TierRules.Decide(evidence, account, AsOf, Policy.Tiers);

    internal static AccountFacts In(RelationshipTier tier, double monthsInTier = 12) =>
        Account() with { CurrentTier = tier, TierChangedOn = MonthsAgo(monthsInTier) };

    [Fact]
    public void Transactional_is_the_default_for_every_account()
    {
        var result = Assess();

        Assert.Equal(RelationshipTier.Transactional, result.EligibleTier);
        Assert.Equal(RelationshipTier.Transactional, result.EffectiveTier);
    }

    [Fact]
    public void An_account_meeting_every_Preferred_criterion_is_eligible_for_Preferred()
    {
        var result = Assess(PartnerReadyAccount(strategic: false), StrongHistory());

        Assert.Equal(RelationshipTier.Preferred, result.EligibleTier);
        Assert.Equal(RelationshipTier.Preferred, result.EffectiveTier);
        Assert.All(result.TierVerdict.Criteria.Where(c => c.Tier == RelationshipTier.Preferred), c => Assert.True(c.Passed, c.Text));
    }

    [Fact]
    public void An_account_with_sponsors_on_both_sides_and_a_reviewed_joint_plan_can_become_a_Strategic_partner()
    {
        var result = Assess(PartnerReadyAccount(strategic: true), StrongHistory());

        Assert.Equal(RelationshipTier.StrategicPartner, result.EligibleTier);
    }

    [Theory]
    [InlineData("KeyContacts")]
    [InlineData("WonValue")]
    [InlineData("Loyalty")]
    [InlineData("Fairness")]
    [InlineData("RelationshipMonths")]
    public void Failing_any_Preferred_criterion_keeps_the_account_Transactional(string criterion)
    {
        var evidence = criterion switch
        {
            "KeyContacts" => PreferredEvidence() with { KeyContacts = 1 },
            "WonValue" => PreferredEvidence() with { PreferredWonValue = 49999m },
            "Loyalty" => PreferredEvidence(loyalty: 49.99m),
            "Fairness" => PreferredEvidence(fairness: 10m),
            _ => PreferredEvidence() with { RelationshipMonths = 5m },
        };

        var decision = Decide(evidence, Account());

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
        var failed = Assert.Single(decision.Verdict.Criteria, c => c.Tier == RelationshipTier.Preferred && !c.Passed);
        Assert.Equal(criterion, failed.Criterion.ToString());
    }

    [Theory]
    [InlineData("Sponsors")]
    [InlineData("NoPlan")]
    [InlineData("StalePlan")]
    [InlineData("Tenure")]
    [InlineData("Loyalty")]
    public void A_Strategic_partner_needs_sponsors_a_plan_reviewed_within_12_months_24_months_and_higher_scores(string missing)
    {
        var evidence = missing switch
        {
            "Sponsors" => StrategicEvidence() with { HasExecutiveSponsors = false },
            "NoPlan" => StrategicEvidence() with { JointPlanAgeMonths = null },
            "StalePlan" => StrategicEvidence() with { JointPlanAgeMonths = 13m },
            "Tenure" => StrategicEvidence() with { RelationshipMonths = 20m },
            _ => StrategicEvidence() with { Loyalty = 60m },
        };

        Assert.Equal(RelationshipTier.StrategicPartner, Decide(StrategicEvidence(), Account()).Verdict.EligibleTier);
        Assert.Equal(RelationshipTier.Preferred, Decide(evidence, Account()).Verdict.EligibleTier);
    }

    [Fact]
    public void The_verdict_says_which_criteria_failed_and_by_how_much()
    {
        var decision = Decide(PreferredEvidence(loyalty: 42m), Account());

        var loyalty = Assert.Single(decision.Verdict.Criteria, c => c.Tier == RelationshipTier.Preferred && c.Criterion == TierCriterion.Loyalty);
        Assert.False(loyalty.Passed);
        Assert.Equal(42m, loyalty.Actual);
        Assert.Equal(50m, loyalty.Required);
        Assert.Equal(-8m, loyalty.Margin);
        Assert.Contains("loyalty 42 below the 50 required (short by 8)", decision.Verdict.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void No_automatic_promotion_happens_within_the_dwell_time_of_the_last_change()
    {
        var decision = Decide(StrategicEvidence(), In(RelationshipTier.Transactional, monthsInTier: 0.1));

        Assert.Equal(RelationshipTier.StrategicPartner, decision.Verdict.EligibleTier);
        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EffectiveTier);
        Assert.Equal(ReasonCodes.DwellTime, decision.Verdict.DecidedBy);
        Assert.Null(decision.Change);
    }

    [Fact]
    public void A_promotion_after_a_demotion_waits_the_cool_down()
    {
        var demoted = In(RelationshipTier.Transactional, monthsInTier: 4) with { LastDemotedOn = MonthsAgo(4) };

        var decision = Decide(StrategicEvidence(), demoted);

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EffectiveTier);
        Assert.Equal(ReasonCodes.Cooldown, decision.Verdict.DecidedBy);
        Assert.Contains("a promotion waits 180 days after a demotion", decision.Verdict.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Promotion_follows_eligibility_once_the_dwell_time_has_passed()
    {
        var decision = Decide(StrategicEvidence(), In(RelationshipTier.Transactional, monthsInTier: 4));

        Assert.Equal(RelationshipTier.StrategicPartner, decision.Verdict.EffectiveTier);
        Assert.Equal(TierChangeKind.Automatic, decision.Change!.Kind);
        Assert.Equal(RelationshipTier.Transactional, decision.Change.From);
    }

    [Fact]
    public void Demotion_happens_only_below_the_threshold_minus_the_hysteresis_margin()
    {
        var justBelowEntry = Decide(PreferredEvidence(loyalty: 46m), In(RelationshipTier.Preferred));
        var belowMargin = Decide(PreferredEvidence(loyalty: 44m), In(RelationshipTier.Preferred));

        Assert.Equal(RelationshipTier.Transactional, justBelowEntry.Verdict.EligibleTier);
        Assert.Equal(RelationshipTier.Preferred, justBelowEntry.Verdict.EffectiveTier);
        Assert.Equal(ReasonCodes.Hysteresis, justBelowEntry.Verdict.DecidedBy);
        Assert.Null(justBelowEntry.Change);
        Assert.Equal(RelationshipTier.Transactional, belowMargin.Verdict.EffectiveTier);
    }

    [Fact]
    public void Demotion_waits_for_the_minimum_dwell_time()
    {
        var tooSoon = Decide(PreferredEvidence(loyalty: 10m), In(RelationshipTier.Preferred, monthsInTier: 1));
        var afterDwell = Decide(PreferredEvidence(loyalty: 10m), In(RelationshipTier.Preferred, monthsInTier: 4));

        Assert.Equal(RelationshipTier.Preferred, tooSoon.Verdict.EffectiveTier);
        Assert.Equal(ReasonCodes.DwellTime, tooSoon.Verdict.DecidedBy);
        Assert.Null(tooSoon.Change);
        Assert.Equal(RelationshipTier.Transactional, afterDwell.Verdict.EffectiveTier);
    }

    [Fact]
    public void A_tier_change_records_the_health_and_the_trend_it_came_with()
    {
        // A strategic partner whose health was 99 a window ago, now playing a game on every deal.
        var account = PartnerReadyAccount(strategic: true) with
        {
            CurrentTier = RelationshipTier.StrategicPartner,
            TierChangedOn = MonthsAgo(24),
            TrendBaselineHealth = 99m,
            TrendBaselineOn = AsOf.AddDays(-91),
        };
        var deals = StrongHistory().Select(d => d with { Tactics = ProcurementTactics.OneSidedConcessionDemand }).ToList();

        var result = Assess(account, deals);

        Assert.Equal(RelationshipTier.Preferred, result.EffectiveTier);
        Assert.Equal(HealthTrend.Declining, result.HealthTrend);
        var reason = result.TierChange!.Reason;
        Assert.StartsWith("Demoted one step from Strategic partner to Preferred", reason, System.StringComparison.Ordinal);
        Assert.Matches(@"\. Health [0-9.]+ \((Good|Fair|Poor), Declining -[0-9.]+ in 90 days\)$", reason);
    }

    [Fact]
    public void Demotion_goes_one_step_at_a_time()
    {
        var nothing = new TierEvidence();

        var decision = Decide(nothing, In(RelationshipTier.StrategicPartner));

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
        Assert.Equal(RelationshipTier.Preferred, decision.Verdict.EffectiveTier);
        Assert.Equal(ReasonCodes.OneStepDemotion, decision.Verdict.DecidedBy);
        Assert.Equal(TierChangeKind.Automatic, decision.Change!.Kind);
        Assert.Contains("Demoted one step from Strategic partner to Preferred", decision.Change.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_never_overwrite_an_active_override()
    {
        var account = In(RelationshipTier.Transactional) with
        {
            Override = new TierOverride { Tier = RelationshipTier.StrategicPartner, Reason = "Board-level pilot", ExpiresOn = AsOf.AddDays(30), SetBy = "anna" },
        };

        var decision = Decide(new TierEvidence(), account);

        Assert.Equal(RelationshipTier.StrategicPartner, decision.Verdict.EffectiveTier);
        Assert.True(decision.Verdict.OverrideActive);
        Assert.Equal(TierChangeKind.Manual, decision.Change!.Kind);
        Assert.Contains("by anna", decision.Change.Reason, System.StringComparison.Ordinal);
        Assert.Contains("Board-level pilot", decision.Change.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_override_that_is_already_applied_produces_no_change()
    {
        var account = In(RelationshipTier.StrategicPartner) with
        {
            Override = new TierOverride { Tier = RelationshipTier.StrategicPartner, Reason = "Pilot", ExpiresOn = AsOf.AddDays(30) },
        };

        Assert.Null(Decide(new TierEvidence(), account).Change);
    }

    [Fact]
    public void When_the_override_expires_the_computed_tier_applies_again()
    {
        var account = Account() with
        {
            CurrentTier = RelationshipTier.StrategicPartner,
            TierChangedOn = MonthsAgo(2),
            Override = new TierOverride { Tier = RelationshipTier.StrategicPartner, Reason = "Pilot", ExpiresOn = AsOf.AddDays(-1) },
        };

        var decision = Decide(new TierEvidence(), account);

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EffectiveTier);
        Assert.Equal(TierChangeKind.OverrideExpired, decision.Change!.Kind);
    }

    [Fact]
    public void When_the_override_expires_a_computed_tier_within_the_hysteresis_margin_keeps_the_recorded_tier()
    {
        var account = Account() with
        {
            CurrentTier = RelationshipTier.Preferred,
            TierChangedOn = MonthsAgo(2),
            Override = new TierOverride { Tier = RelationshipTier.Preferred, Reason = "Pilot", ExpiresOn = AsOf.AddDays(-1) },
        };

        var decision = Decide(PreferredEvidence(loyalty: 47m), account);

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
        Assert.Equal(RelationshipTier.Preferred, decision.Verdict.EffectiveTier);
        Assert.Null(decision.Change);
    }

    [Fact]
    public void A_recorded_tier_outside_the_known_range_is_read_as_the_nearest_known_tier()
    {
        var decision = Decide(StrategicEvidence(), Account() with { CurrentTier = (RelationshipTier)7, TierChangedOn = MonthsAgo(12) });

        Assert.Equal(RelationshipTier.StrategicPartner, decision.Verdict.EffectiveTier);
    }

    [Fact]
    public void After_an_expired_override_has_been_applied_the_normal_rules_resume()
    {
        var account = Account() with
        {
            CurrentTier = RelationshipTier.Preferred,
            TierChangedOn = AsOf.AddDays(-10),
            Override = new TierOverride { Tier = RelationshipTier.StrategicPartner, Reason = "Pilot", ExpiresOn = AsOf.AddDays(-11) },
        };

        var decision = Decide(new TierEvidence(), account);

        Assert.Equal(ReasonCodes.DwellTime, decision.Verdict.DecidedBy);
        Assert.Equal(RelationshipTier.Preferred, decision.Verdict.EffectiveTier);
    }

    [Fact]
    public void An_override_without_an_expiry_date_does_not_apply()
    {
        var account = In(RelationshipTier.Transactional) with { Override = new TierOverride { Tier = RelationshipTier.StrategicPartner, Reason = "No end" } };

        Assert.Equal(RelationshipTier.Transactional, Decide(new TierEvidence(), account).Verdict.EffectiveTier);
    }

    [Fact]
    public void A_tier_change_is_reported_only_when_the_effective_tier_differs_from_the_recorded_one()
    {
        Assert.Null(Decide(PreferredEvidence(), In(RelationshipTier.Preferred)).Change);
        Assert.NotNull(Decide(PreferredEvidence(), Account()).Change);
        Assert.Null(Decide(PreferredEvidence(), Account()).Change!.From);
    }

    [Fact]
    public void Thresholds_come_from_the_policy()
    {
        var strict = Policy.Tiers with { Preferred = Policy.Tiers.Preferred with { MinimumLoyalty = 80m } };

        var decision = TierRules.Decide(PreferredEvidence(loyalty: 70m), Account(), AsOf, strict);

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
    }

    [Fact]
    public void Repeated_customer_games_block_a_promotion()
    {
        var decision = Decide(PreferredEvidence() with { GameSharePercent = 15m, GameDeals = 3 }, In(RelationshipTier.Transactional));

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
        Assert.Contains("customer games on 15% of deals (3 of 20), above the 10% allowed", decision.Verdict.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Games_beyond_the_hysteresis_demote_a_preferred_account()
    {
        var withinHysteresis = Decide(PreferredEvidence() with { GameSharePercent = 15m }, In(RelationshipTier.Preferred));
        var beyond = Decide(PreferredEvidence() with { GameSharePercent = 15.1m }, In(RelationshipTier.Preferred));

        Assert.Equal(RelationshipTier.Preferred, withinHysteresis.Verdict.EffectiveTier);
        Assert.Equal(RelationshipTier.Transactional, beyond.Verdict.EffectiveTier);
        Assert.Contains("and above the 15 allowed to stay", beyond.Verdict.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_tier_reflects_every_principle_through_the_health_floor()
    {
        var decision = Decide(PreferredEvidence() with { Health = 74.99m }, In(RelationshipTier.Transactional));

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
        Assert.Contains("health 74.99 below the 75 required", decision.Verdict.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_evidence_never_qualifies_an_account_for_a_higher_tier()
    {
        var decision = Decide(PreferredEvidence() with { KeyContacts = null, Autonomy = null }, In(RelationshipTier.Transactional));

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
        Assert.Contains("key contacts unknown (2 required)", decision.Verdict.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_evidence_never_demotes_an_account_by_itself()
    {
        var decision = Decide(PreferredEvidence() with { KeyContacts = null, Fairness = null, GameSharePercent = null }, In(RelationshipTier.Preferred));

        Assert.Equal(RelationshipTier.Preferred, decision.Verdict.EffectiveTier);
        Assert.Null(decision.Change);
    }

    [Fact]
    public void Too_little_confidence_never_promotes()
    {
        var decision = Decide(PreferredEvidence() with { Confidence = 39.99m }, In(RelationshipTier.Transactional));

        Assert.Equal(RelationshipTier.Transactional, decision.Verdict.EligibleTier);
        Assert.Contains("confidence 39.99 below the 40 required", decision.Verdict.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_joint_plan_age_printed_is_the_age_compared()
    {
        var exactlyAllowed = Decide(StrategicEvidence() with { JointPlanAgeMonths = 12.0m }, In(RelationshipTier.StrategicPartner));

        var plan = Assert.Single(exactlyAllowed.Verdict.Criteria, c => c.Criterion == TierCriterion.JointAccountPlan);
        Assert.True(plan.Passed, plan.Text);
        Assert.Equal("Strategic partner: joint account plan reviewed 12 months ago (at most 12 allowed)", plan.Text);
    }

    [Fact]
    public void Keeping_Transactional_says_it_is_the_entry_tier_and_names_no_criteria_it_does_not_have()
    {
        var decision = Decide(PreferredEvidence() with { KeyContacts = 0 }, In(RelationshipTier.Transactional));

        Assert.StartsWith("Kept Transactional, the entry tier", decision.Verdict.Text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("its criteria are met", decision.Verdict.Text, System.StringComparison.Ordinal);
    }
}
