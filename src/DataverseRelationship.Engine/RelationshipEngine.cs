using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Deals;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Engine.Tiers;

namespace DataverseRelationship.Engine;

/// <summary>
/// The engine's entry points. Pure and deterministic: the clock is the <c>asOf</c> argument, the policy is an
/// argument, and the same inputs (in any order) give the same result.
/// </summary>
public static class RelationshipEngine
{
    /// <summary>Scores an account from its deals, decides its tier and explains both.</summary>
    public static AccountAssessment AssessAccount(
        AccountFacts account,
        IReadOnlyList<OpportunityFacts?>? opportunities,
        DateTime asOf,
        RelationshipPolicy policy)
    {
        Argument.NotNull(policy, nameof(policy));
        return AssessAccount(account, AccountLedger.Of(opportunities, policy), asOf, policy);
    }

    /// <summary>Scores an account from its ledger (the sums of its deals), decides its tier and explains both.</summary>
    public static AccountAssessment AssessAccount(AccountFacts account, AccountLedger ledger, DateTime asOf, RelationshipPolicy policy)
    {
        Argument.NotNull(account, nameof(account));
        Argument.NotNull(ledger, nameof(ledger));
        Argument.NotNull(policy, nameof(policy));
        var reading = ledger.Read(asOf, policy);

        var five = FivePrinciples(reading, account, asOf, policy);
        var reciprocity = five[0];
        var autonomy = five[1];
        var integrity = five[2];
        var loyalty = five[3];
        var fairness = five[4];
        var health = Outcomes.Health(five, policy);
        var engagement = Outcomes.Engagement(reading, policy);
        var confidence = Outcomes.Confidence(five, reading, policy);

        // After health: the "health declining" churn signal compares it with the trend baseline.
        var churn = Outcomes.ChurnRisk(reading, account, health.Value, asOf, policy);

        var recorded = reading.Raw[DealSums.CustomerDeals] > 0m;
        var evidence = new TierEvidence
        {
            KeyContacts = account.KeyContactCount.HasValue && account.KeyContactCount.Value < 0 ? 0 : account.KeyContactCount,
            PreferredWonValue = reading.WonWithin(policy.Tiers.Preferred.WonValueMonths),
            StrategicWonValue = reading.WonWithin(policy.Tiers.StrategicPartner.WonValueMonths),
            Health = health.Value,
            Reciprocity = reciprocity.Value,
            Autonomy = autonomy.Value,
            Integrity = integrity.Value,
            Loyalty = loyalty.Value,
            Fairness = fairness.Value,
            GameSharePercent = recorded ? Math.Round(100m * reading.Raw[DealSums.GameDeals] / reading.Raw[DealSums.CustomerDeals], 1, MidpointRounding.AwayFromZero) : (decimal?)null,
            GameDeals = Principles.Count(reading.Raw[DealSums.GameDeals]),
            ConductDeals = Principles.Count(reading.Raw[DealSums.CustomerDeals]),
            Confidence = confidence.Value ?? 0m,
            RelationshipMonths = Principles.RelationshipMonths(account, asOf),
            HasExecutiveSponsors = account.HasCustomerSponsor == false || account.HasSellerSponsor == false ? false
                : account.HasCustomerSponsor == true && account.HasSellerSponsor == true ? true : (bool?)null,
            HasJointAccountPlan = account.HasJointAccountPlan,
            JointPlanAgeMonths = Principles.JointPlanAgeMonths(account, asOf),
        };
        var decision = TierRules.Decide(evidence, account, asOf, policy.Tiers);
        var lifetime = Outcomes.LifetimeValue(reading, churn.Value, policy);
        var band = HealthClassification.Band(health.Value, policy.Health);
        var trend = HealthClassification.Trend(health.Value, account, asOf, policy.Health, out var trendChange);
        var opener = health.Value.HasValue
            ? "Health " + ExplanationText.Number(health.Value.Value) + " (" + BandWords(band) + (trend.HasValue ? ", " + trend.Value.ToString() + " " + ExplanationText.FormatChange(trendChange!.Value) + " in " + policy.Health.TrendWindowDays.ToString(System.Globalization.CultureInfo.InvariantCulture) + " days" : string.Empty) + ")"
            : "Health unknown (insufficient evidence)";

        // The tier-change record carries the health and trend it came with, so its history shows a decline before a demotion.
        var change = decision.Change is null ? null : decision.Change with { Reason = decision.Change.Reason + ". " + opener };

        return new AccountAssessment
        {
            AsOf = asOf,
            EffectiveTier = decision.Verdict.EffectiveTier,
            EligibleTier = decision.Verdict.EligibleTier,
            TierVerdict = decision.Verdict,
            TierChange = change,
            Reciprocity = reciprocity.Value,
            Autonomy = autonomy.Value,
            Integrity = integrity.Value,
            Loyalty = loyalty.Value,
            Fairness = fairness.Value,
            Health = health.Value,
            HealthBand = band,
            HealthTrend = trend,
            HealthTrendChange = trendChange,
            Engagement = engagement.Value,
            AnnualMargin = lifetime.AnnualMargin,
            RetentionRate = lifetime.Retention,
            LifetimeValue = lifetime.Value,
            ChurnRisk = churn.Value,
            AtRisk = Outcomes.IsAtRisk(churn.Value, account.WasAtRisk, policy.Churn),
            Confidence = confidence.Value ?? 0m,
            OpportunitiesConsidered = Principles.Count(reading.Raw[DealSums.Deals]),
            Scores = new[] { reciprocity, autonomy, integrity, loyalty, fairness, health, churn, confidence, engagement },
            Explanation = opener + ": " + health.Text + ". Tier: " + decision.Verdict.Text,
            PolicyVersion = policy.Version,
        };
    }

    /// <summary>
    /// The churn signals known for an account at <paramref name="asOf"/> (unknown ones left out): what the churn risk
    /// is computed from, for fitting its coefficients to outcomes.
    /// </summary>
    public static IReadOnlyList<ChurnSignal> ChurnSignals(
        AccountFacts account,
        IReadOnlyList<OpportunityFacts?>? opportunities,
        DateTime asOf,
        RelationshipPolicy policy)
    {
        Argument.NotNull(account, nameof(account));
        Argument.NotNull(policy, nameof(policy));
        var reading = AccountLedger.Of(opportunities, policy).Read(asOf, policy);
        var health = Outcomes.Health(FivePrinciples(reading, account, asOf, policy), policy);
        var signals = Outcomes.ChurnSignals(reading, account, health.Value, asOf, policy);
        var result = new List<ChurnSignal>(signals.Count);
        foreach (var signal in signals)
        {
            result.Add(new ChurnSignal(signal.Code, signal.Value));
        }

        return result;
    }

    /// <summary>Deal fairness and the tier rule for one opportunity of an account in <paramref name="accountTier"/>.</summary>
    public static DealAssessment AssessDeal(OpportunityFacts opportunity, RelationshipTier accountTier, DateTime asOf, RelationshipPolicy policy)
    {
        Argument.NotNull(opportunity, nameof(opportunity));
        Argument.NotNull(policy, nameof(policy));
        var assessment = DealFairness.Assess(opportunity, accountTier, policy);
        return assessment with { AsOf = asOf };
    }

    /// <summary>Reciprocity, autonomy, integrity, loyalty and fairness, in that order.</summary>
    private static ScoreExplanation[] FivePrinciples(LedgerReading reading, AccountFacts account, DateTime asOf, RelationshipPolicy policy) => new[]
    {
        Principles.Reciprocity(reading, policy),
        Principles.Autonomy(reading, policy),
        Principles.Integrity(reading, policy),
        Principles.Loyalty(reading, account, asOf, policy),
        Principles.Fairness(reading, policy),
    };

    private static string BandWords(HealthBand band) => band == HealthBand.InsufficientEvidence ? "Insufficient evidence" : band.ToString();
}
