using System;
using System.Linq;
using CsCheck;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Tests.Properties;

/// <summary>CsCheck generators: "extreme" ones cover the full ranges (null, MinValue, MaxValue); "realistic" ones stay near asOf.</summary>
internal static class Generators
{
    public static readonly Gen<DateTime> AnyDate = Gen.DateTime;

    public static readonly Gen<OpportunityFacts> ExtremeOpportunity =
        Gen.Select(
            Gen.Int[-1, 3].Select(i => (DealState)i),
            AnyDate,
            AnyDate.Nullable(),
            Gen.Decimal.Nullable(),
            Gen.Decimal.Nullable(),
            Gen.Decimal.Nullable(),
            Gen.Decimal.Nullable(),
            (state, created, close, estimated, actual, discount, margin) => new OpportunityFacts
            {
                Id = Guid.Empty,
                State = state,
                CreatedOn = created,
                CloseDate = close,
                EstimatedValue = estimated,
                ActualValue = actual,
                DiscountPercent = discount,
                SellerMarginPercent = margin,
            })
        .Select(Gen.Int.Nullable(), Gen.Int.Nullable(), Gen.Int.Nullable(), Gen.Bool.Nullable(), Gen.Int.Nullable(), Gen.Int.Nullable(), Gen.Decimal.Nullable(), (deal, concessions, commitments, tactics, delivered, delay, seller, allowance) => deal with
        {
            Concessions = (Concessions?)concessions,
            Commitments = (Commitments?)commitments,
            Tactics = (ProcurementTactics?)tactics,
            SellerConduct = (SellerConduct?)seller,
            DiscountAllowancePercent = allowance,
            DeliveredAsPromised = delivered,
            PaymentDelayDays = delay,
        });

    public static readonly Gen<TierOverride?> ExtremeOverride =
        Gen.Select(Gen.Int[0, 2].Select(i => (RelationshipTier)i), AnyDate.Nullable(), Gen.String, (tier, expires, text) => new TierOverride { Tier = tier, ExpiresOn = expires, Reason = text, SetBy = text })
        .Null(0.5);

    public static readonly Gen<AccountFacts> ExtremeAccount =
        Gen.Select(AnyDate.Nullable(), AnyDate, Gen.Int.Nullable(), Gen.Bool.Nullable(), Gen.Bool.Nullable(), Gen.Bool.Nullable(), AnyDate.Nullable(), (since, created, contacts, customer, seller, plan, reviewed) => new AccountFacts
        {
            RelationshipSince = since,
            CreatedOn = created,
            KeyContactCount = contacts,
            HasCustomerSponsor = customer,
            HasSellerSponsor = seller,
            HasJointAccountPlan = plan,
            JointPlanReviewedOn = reviewed,
        })
        .Select(Gen.Int[0, 2].Select(i => (RelationshipTier)i).Nullable(), AnyDate.Nullable(), ExtremeOverride, Gen.Decimal.Nullable(), AnyDate.Nullable(), (account, tier, changed, tierOverride, health, baselineOn) => account with
        {
            CurrentTier = tier,
            TierChangedOn = changed,
            Override = tierOverride,
            TrendBaselineHealth = health,
            TrendBaselineOn = baselineOn,
        })
        .Select(AnyDate.Nullable(), (account, demoted) => account with { LastDemotedOn = demoted });

    public static readonly DateTime AsOf = Scenario.AsOf;

    /// <summary>Decimals with two places in [min, max] (built on Gen.Long: exact bounds, no rejection sampling).</summary>
    public static Gen<decimal> Cents(decimal min, decimal max) =>
        Gen.Long[(long)(min * 100m), (long)(max * 100m)].Select(c => c / 100m);

    /// <summary>A date within the last <paramref name="days"/> days before asOf.</summary>
    public static Gen<DateTime> DaysAgo(int days) => Gen.Double[0.0, days].Select(d => AsOf.AddDays(-d));

    public static readonly Gen<OpportunityFacts> RealisticOpportunity =
        Gen.Select(
            Gen.Enum<DealState>(),
            DaysAgo(1500),
            Cents(0m, 2000000m).Nullable(0.1),
            Cents(0m, 40m).Nullable(0.2),
            Cents(-20m, 70m).Nullable(0.2),
            Gen.Int[-8, 31],
            Gen.Int[-16, 63],
            (state, closed, value, discount, margin, concessions, commitments) => new OpportunityFacts
            {
                Id = Guid.NewGuid(),
                State = state,
                CreatedOn = closed.AddDays(-60),
                CloseDate = closed,
                EstimatedValue = value,
                ActualValue = state == DealState.Won ? value : null,
                DiscountPercent = discount,
                SellerMarginPercent = margin,
                Concessions = concessions < 0 ? null : (Concessions?)concessions,
                Commitments = commitments < 0 ? null : (Commitments?)commitments,
            })
        .Select(Gen.Int[-40, 127].Select(t => t < 0 ? -1 : t % 3 == 0 ? t : 0), Gen.Int[-2, 7], Gen.Bool.Nullable(), Gen.Int[0, 90].Nullable(), (deal, tactics, seller, delivered, delay) => deal with
        {
            Tactics = tactics < 0 ? null : (ProcurementTactics?)tactics,
            SellerConduct = seller < 0 ? null : (SellerConduct?)seller,
            DeliveredAsPromised = deal.State == DealState.Won ? delivered : null,
            PaymentDelayDays = deal.State == DealState.Won ? delay : null,
        });

    public static readonly Gen<AccountFacts> RealisticAccount =
        Gen.Select(DaysAgo(3000), Gen.Int[0, 8].Nullable(0.2), Gen.Bool.Nullable(0.2), Gen.Bool.Nullable(0.2), DaysAgo(600).Nullable(), Gen.Int[0, 2].Select(i => (RelationshipTier)i).Nullable(), DaysAgo(400), (since, contacts, sponsors, plan, reviewed, tier, changed) => new AccountFacts
        {
            RelationshipSince = since,
            CreatedOn = since,
            KeyContactCount = contacts,
            HasCustomerSponsor = sponsors,
            HasSellerSponsor = sponsors,
            HasJointAccountPlan = plan,
            JointPlanReviewedOn = reviewed,
            CurrentTier = tier,
            TierChangedOn = changed,
        });

    public static readonly Gen<OpportunityFacts[]> RealisticOpportunities = RealisticOpportunity.Array[0, 40];

    /// <summary>Everything an assessment says, as one string: two equal fingerprints mean two equal results.</summary>
    public static string Fingerprint(AccountAssessment result) =>
        string.Join(
            "|",
            result.EffectiveTier,
            result.EligibleTier,
            result.TierChange?.ToString() ?? "none",
            result.TierVerdict.Text,
            string.Join(";", result.TierVerdict.Criteria.Select(c => c.ToString())),
            result.Reciprocity,
            result.Autonomy,
            result.Integrity,
            result.Loyalty,
            result.Fairness,
            result.Health,
            result.HealthBand,
            result.HealthTrend,
            result.LifetimeValue,
            result.Engagement,
            result.AtRisk,
            result.ChurnRisk,
            result.Confidence,
            result.OpportunitiesConsidered,
            string.Join(";", result.Scores.Select(s => s.Score + "=" + s.Value + ":" + string.Join(",", s.Factors.Select(f => f.ToString() + "#" + f.Contribution)))),
            result.Explanation,
            result.PolicyVersion);
}
