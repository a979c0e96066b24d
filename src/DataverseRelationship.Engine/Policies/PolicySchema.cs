using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml.Linq;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Policies;

/// <summary>
/// The policy document's fields: JSON name, allowed range and how to read/write each one. Validation, JSON reading
/// and JSON writing all walk this one description, so a field cannot be validated differently than it is read.
/// </summary>
public static class PolicySchema
{
    private static readonly Section<RelationshipPolicy> Root = BuildRoot();

    /// <summary>Throws <see cref="PolicyValidationException"/> naming the first invalid field and the reason.</summary>
    public static void Validate(RelationshipPolicy policy)
    {
        if (policy is null)
        {
            throw new PolicyValidationException("(policy)", "is required");
        }

        Root.Validate(policy, string.Empty);
    }

    internal static RelationshipPolicy Read(XElement root) =>
        (RelationshipPolicy)Root.Read(root, RelationshipPolicy.Default, string.Empty);

    internal static XElement Write(RelationshipPolicy policy) => Root.Write("root", policy);

    private static Section<RelationshipPolicy> BuildRoot()
    {
        var scoring = new Section<ScoringPolicy>()
            .Integer("windowMonths", p => p.WindowMonths, (p, v) => p with { WindowMonths = v }, 1, 240)
            .Number("halfLifeMonths", p => p.HalfLifeMonths, (p, v) => p with { HalfLifeMonths = v }, 0.1m, 240m);

        var evidence = new Section<EvidencePolicy>()
            .Integer("minimumReciprocityDeals", p => p.MinimumReciprocityDeals, (p, v) => p with { MinimumReciprocityDeals = v }, 1, 10000)
            .Integer("minimumAutonomyDeals", p => p.MinimumAutonomyDeals, (p, v) => p with { MinimumAutonomyDeals = v }, 1, 10000)
            .Integer("minimumIntegrityItems", p => p.MinimumIntegrityItems, (p, v) => p with { MinimumIntegrityItems = v }, 1, 10000)
            .Integer("minimumLoyaltyComponents", p => p.MinimumLoyaltyComponents, (p, v) => p with { MinimumLoyaltyComponents = v }, 1, 10000)
            .Integer("minimumFairnessDeals", p => p.MinimumFairnessDeals, (p, v) => p with { MinimumFairnessDeals = v }, 1, 10000)
            .Integer("minimumKnownPrinciples", p => p.MinimumKnownPrinciples, (p, v) => p with { MinimumKnownPrinciples = v }, 1, 5);

        var reciprocity = new Section<ReciprocityPolicy>()
            .Number("extendedPaymentTermsShare", p => p.ExtendedPaymentTermsShare, (p, v) => p with { ExtendedPaymentTermsShare = v }, 0m, 100m)
            .Number("freeServicesShare", p => p.FreeServicesShare, (p, v) => p with { FreeServicesShare = v }, 0m, 100m)
            .Number("acceptedRiskShare", p => p.AcceptedRiskShare, (p, v) => p with { AcceptedRiskShare = v }, 0m, 100m)
            .Number("customWorkShare", p => p.CustomWorkShare, (p, v) => p with { CustomWorkShare = v }, 0m, 100m)
            .Number("volumeShare", p => p.VolumeShare, (p, v) => p with { VolumeShare = v }, 0m, 100m)
            .Number("multiYearTermShare", p => p.MultiYearTermShare, (p, v) => p with { MultiYearTermShare = v }, 0m, 100m)
            .Number("prepaymentShare", p => p.PrepaymentShare, (p, v) => p with { PrepaymentShare = v }, 0m, 100m)
            .Number("referenceCaseShare", p => p.ReferenceCaseShare, (p, v) => p with { ReferenceCaseShare = v }, 0m, 100m)
            .Number("jointInvestmentShare", p => p.JointInvestmentShare, (p, v) => p with { JointInvestmentShare = v }, 0m, 100m)
            .Number("forecastSharingShare", p => p.ForecastSharingShare, (p, v) => p with { ForecastSharingShare = v }, 0m, 100m)
            .Number("tolerancePercent", p => p.TolerancePercent, (p, v) => p with { TolerancePercent = v }, 0.01m, 100m);

        var autonomy = new Section<AutonomyPolicy>()
            .Number("reverseAuctionPenalty", p => p.ReverseAuctionPenalty, (p, v) => p with { ReverseAuctionPenalty = v }, 0m, 100m)
            .Number("priceBenchmarkingDuringContractPenalty", p => p.PriceBenchmarkingDuringContractPenalty, (p, v) => p with { PriceBenchmarkingDuringContractPenalty = v }, 0m, 100m)
            .Number("earlyRenegotiationPenalty", p => p.EarlyRenegotiationPenalty, (p, v) => p with { EarlyRenegotiationPenalty = v }, 0m, 100m)
            .Number("discountDemandedAfterAwardPenalty", p => p.DiscountDemandedAfterAwardPenalty, (p, v) => p with { DiscountDemandedAfterAwardPenalty = v }, 0m, 100m)
            .Number("paymentWithholdingPenalty", p => p.PaymentWithholdingPenalty, (p, v) => p with { PaymentWithholdingPenalty = v }, 0m, 100m)
            .Number("unilateralRiskTransferPenalty", p => p.UnilateralRiskTransferPenalty, (p, v) => p with { UnilateralRiskTransferPenalty = v }, 0m, 100m)
            .Number("oneSidedConcessionDemandPenalty", p => p.OneSidedConcessionDemandPenalty, (p, v) => p with { OneSidedConcessionDemandPenalty = v }, 0m, 100m)
            .Number("sellerRiskShiftPenalty", p => p.SellerRiskShiftPenalty, (p, v) => p with { SellerRiskShiftPenalty = v }, 0m, 100m);

        var integrity = new Section<IntegrityPolicy>()
            .Number("discountConsistencyWeight", p => p.DiscountConsistencyWeight, (p, v) => p with { DiscountConsistencyWeight = v }, 0m, 100m)
            .Number("promisesKeptWeight", p => p.PromisesKeptWeight, (p, v) => p with { PromisesKeptWeight = v }, 0m, 100m)
            .Number("sellerTermsWeight", p => p.SellerTermsWeight, (p, v) => p with { SellerTermsWeight = v }, 0m, 100m)
            .Number("paymentsOnTimeWeight", p => p.PaymentsOnTimeWeight, (p, v) => p with { PaymentsOnTimeWeight = v }, 0m, 100m)
            .Number("mediumDealFrom", p => p.MediumDealFrom, (p, v) => p with { MediumDealFrom = v }, 0m, 1000000000000m)
            .Number("largeDealFrom", p => p.LargeDealFrom, (p, v) => p with { LargeDealFrom = v }, 0m, 1000000000000m)
            .Number("dispersionPenaltyPerPoint", p => p.DispersionPenaltyPerPoint, (p, v) => p with { DispersionPenaltyPerPoint = v }, 0m, 100m)
            .Number("overPromisePenalty", p => p.OverPromisePenalty, (p, v) => p with { OverPromisePenalty = v }, 0m, 100m)
            .Number("priceChangePenalty", p => p.PriceChangePenalty, (p, v) => p with { PriceChangePenalty = v }, 0m, 100m)
            .Integer("paymentGraceDays", p => p.PaymentGraceDays, (p, v) => p with { PaymentGraceDays = v }, 0, 365)
            .Number("paymentPenaltyPerDay", p => p.PaymentPenaltyPerDay, (p, v) => p with { PaymentPenaltyPerDay = v }, 0m, 100m)
            .Check("integrity.largeDealFrom", p => p.LargeDealFrom > p.MediumDealFrom ? null : "must be greater than integrity.mediumDealFrom (was " + Text(p.LargeDealFrom) + ")")
            .Check("integrity.paymentsOnTimeWeight", p => p.DiscountConsistencyWeight + p.PromisesKeptWeight + p.SellerTermsWeight + p.PaymentsOnTimeWeight > 0m ? null : "the integrity weights must not all be 0");

        var loyalty = new Section<LoyaltyPolicy>()
            .Number("tenureWeight", p => p.TenureWeight, (p, v) => p with { TenureWeight = v }, 0m, 100m)
            .Number("retentionWeight", p => p.RetentionWeight, (p, v) => p with { RetentionWeight = v }, 0m, 100m)
            .Number("stabilityWeight", p => p.StabilityWeight, (p, v) => p with { StabilityWeight = v }, 0m, 100m)
            .Number("sharedInvestmentWeight", p => p.SharedInvestmentWeight, (p, v) => p with { SharedInvestmentWeight = v }, 0m, 100m)
            .Number("balancedOutcomesWeight", p => p.BalancedOutcomesWeight, (p, v) => p with { BalancedOutcomesWeight = v }, 0m, 100m)
            .Integer("tenureSaturationMonths", p => p.TenureSaturationMonths, (p, v) => p with { TenureSaturationMonths = v }, 1, 600)
            .Check("loyalty.balancedOutcomesWeight", p => p.TenureWeight + p.RetentionWeight + p.StabilityWeight + p.SharedInvestmentWeight + p.BalancedOutcomesWeight > 0m ? null : "the loyalty weights must not all be 0");

        var fairness = new Section<FairnessPolicy>()
            .Number("marginFloorPercent", p => p.MarginFloorPercent, (p, v) => p with { MarginFloorPercent = v }, -100m, 100m)
            .Number("marginCeilingPercent", p => p.MarginCeilingPercent, (p, v) => p with { MarginCeilingPercent = v }, -100m, 100m)
            .Number("tolerancePercent", p => p.TolerancePercent, (p, v) => p with { TolerancePercent = v }, 0.01m, 100m)
            .Check("fairness.marginCeilingPercent", p => p.MarginCeilingPercent >= p.MarginFloorPercent ? null : "must not be below fairness.marginFloorPercent (was " + Text(p.MarginCeilingPercent) + ")");

        var history = new Section<HistoryPolicy>()
            .Integer("periodDays", p => p.PeriodDays, (p, v) => p with { PeriodDays = v }, 1, 92)
            .Integer("retentionDays", p => p.RetentionDays, (p, v) => p with { RetentionDays = v }, 30, 3650);
        var health = new Section<HealthPolicy>()
            .Number("reciprocityWeight", p => p.ReciprocityWeight, (p, v) => p with { ReciprocityWeight = v }, 0m, 100m)
            .Number("autonomyWeight", p => p.AutonomyWeight, (p, v) => p with { AutonomyWeight = v }, 0m, 100m)
            .Number("integrityWeight", p => p.IntegrityWeight, (p, v) => p with { IntegrityWeight = v }, 0m, 100m)
            .Number("loyaltyWeight", p => p.LoyaltyWeight, (p, v) => p with { LoyaltyWeight = v }, 0m, 100m)
            .Number("fairnessWeight", p => p.FairnessWeight, (p, v) => p with { FairnessWeight = v }, 0m, 100m)
            .Number("goodFrom", p => p.GoodFrom, (p, v) => p with { GoodFrom = v }, 0m, 100m)
            .Number("fairFrom", p => p.FairFrom, (p, v) => p with { FairFrom = v }, 0m, 100m)
            .Number("steadyMargin", p => p.SteadyMargin, (p, v) => p with { SteadyMargin = v }, 0m, 100m)
            .Integer("trendWindowDays", p => p.TrendWindowDays, (p, v) => p with { TrendWindowDays = v }, 7, 730)
            .Check("health.goodFrom", p => p.GoodFrom >= p.FairFrom ? null : "must not be below health.fairFrom (was " + Text(p.GoodFrom) + ")")
            .Check("health.fairnessWeight", p => p.ReciprocityWeight + p.AutonomyWeight + p.IntegrityWeight + p.LoyaltyWeight + p.FairnessWeight > 0m ? null : "the health weights must not all be 0");

        var engagement = new Section<EngagementPolicy>()
            .Number("halfVolumeDeals", p => p.HalfVolumeDeals, (p, v) => p with { HalfVolumeDeals = v }, 0.1m, 100000m)
            .Number("recencyHalfLifeMonths", p => p.RecencyHalfLifeMonths, (p, v) => p with { RecencyHalfLifeMonths = v }, 0.1m, 240m);

        var lifetimeValue = new Section<LifetimeValuePolicy>()
            .Number("discountRate", p => p.DiscountRate, (p, v) => p with { DiscountRate = v }, 0m, 1m)
            .Number("minimumRetention", p => p.MinimumRetention, (p, v) => p with { MinimumRetention = v }, 0m, 0.99m)
            .Number("maximumRetention", p => p.MaximumRetention, (p, v) => p with { MaximumRetention = v }, 0m, 0.99m)
            .Check("lifetimeValue.maximumRetention", p => p.MaximumRetention >= p.MinimumRetention ? null : "must not be below lifetimeValue.minimumRetention (was " + Text(p.MaximumRetention) + ")");

        var churn = new Section<ChurnPolicy>()
            .Number("intercept", p => p.Intercept, (p, v) => p with { Intercept = v }, -20m, 20m)
            .Number("valueDeclineCoefficient", p => p.ValueDeclineCoefficient, (p, v) => p with { ValueDeclineCoefficient = v }, -20m, 20m)
            .Number("lostBusinessCoefficient", p => p.LostBusinessCoefficient, (p, v) => p with { LostBusinessCoefficient = v }, -20m, 20m)
            .Number("gamesCoefficient", p => p.GamesCoefficient, (p, v) => p with { GamesCoefficient = v }, -20m, 20m)
            .Number("latePaymentCoefficient", p => p.LatePaymentCoefficient, (p, v) => p with { LatePaymentCoefficient = v }, -20m, 20m)
            .Number("unreciprocatedCoefficient", p => p.UnreciprocatedCoefficient, (p, v) => p with { UnreciprocatedCoefficient = v }, -20m, 20m)
            .Number("noSponsorCoefficient", p => p.NoSponsorCoefficient, (p, v) => p with { NoSponsorCoefficient = v }, -20m, 20m)
            .Number("inactivityCoefficient", p => p.InactivityCoefficient, (p, v) => p with { InactivityCoefficient = v }, -20m, 20m)
            .Number("healthDeclineCoefficient", p => p.HealthDeclineCoefficient, (p, v) => p with { HealthDeclineCoefficient = v }, -20m, 20m)
            .Number("healthDeclineFullAt", p => p.HealthDeclineFullAt, (p, v) => p with { HealthDeclineFullAt = v }, 1m, 100m)
            .Integer("minimumSignals", p => p.MinimumSignals, (p, v) => p with { MinimumSignals = v }, 1, 8)
            .Number("atRiskFrom", p => p.AtRiskFrom, (p, v) => p with { AtRiskFrom = v }, 0m, 100m)
            .Number("atRiskClearsBelow", p => p.AtRiskClearsBelow, (p, v) => p with { AtRiskClearsBelow = v }, 0m, 100m)
            .Check("churn.atRiskClearsBelow", p => p.AtRiskClearsBelow <= p.AtRiskFrom ? null : "must not be above churn.atRiskFrom (was " + Text(p.AtRiskClearsBelow) + ")");

        var confidence = new Section<ConfidencePolicy>()
            .Integer("fullConfidenceDealCount", p => p.FullConfidenceDealCount, (p, v) => p with { FullConfidenceDealCount = v }, 1, 100000);

        var tiers = new Section<TierPolicy>()
            .Number("hysteresisMargin", p => p.HysteresisMargin, (p, v) => p with { HysteresisMargin = v }, 0m, 100m)
            .Number("wonValueHysteresisPercent", p => p.WonValueHysteresisPercent, (p, v) => p with { WonValueHysteresisPercent = v }, 0m, 100m)
            .Integer("keyContactHysteresis", p => p.KeyContactHysteresis, (p, v) => p with { KeyContactHysteresis = v }, 0, 1000)
            .Number("gameShareHysteresisPercent", p => p.GameShareHysteresisPercent, (p, v) => p with { GameShareHysteresisPercent = v }, 0m, 100m)
            .Integer("jointPlanGraceMonths", p => p.JointPlanGraceMonths, (p, v) => p with { JointPlanGraceMonths = v }, 0, 120)
            .Integer("minimumDwellDays", p => p.MinimumDwellDays, (p, v) => p with { MinimumDwellDays = v }, 0, 3650)
            .Integer("promotionCooldownDays", p => p.PromotionCooldownDays, (p, v) => p with { PromotionCooldownDays = v }, 0, 3650)
            .Number("minimumConfidence", p => p.MinimumConfidence, (p, v) => p with { MinimumConfidence = v }, 0m, 100m)
            .Integer("maximumOverrideDays", p => p.MaximumOverrideDays, (p, v) => p with { MaximumOverrideDays = v }, 1, 3650)
            .Nested("preferred", p => p.Preferred, (p, v) => p with { Preferred = v }, Criteria())
            .Nested("strategicPartner", p => p.StrategicPartner, (p, v) => p with { StrategicPartner = v }, Criteria());

        var deals = new Section<DealPolicy>()
            .Mode("mode", p => p.Mode, (p, v) => p with { Mode = v })
            .Number("transactionalDiscountCap", p => p.TransactionalDiscountCap, (p, v) => p with { TransactionalDiscountCap = v }, 0m, 100m)
            .Number("preferredDiscountCap", p => p.PreferredDiscountCap, (p, v) => p with { PreferredDiscountCap = v }, 0m, 100m)
            .Number("strategicPartnerDiscountCap", p => p.StrategicPartnerDiscountCap, (p, v) => p with { StrategicPartnerDiscountCap = v }, 0m, 100m)
            .CommitmentList("acceptedCommitments", p => p.AcceptedCommitments, (p, v) => p with { AcceptedCommitments = v })
            .Number("reciprocityWeight", p => p.ReciprocityWeight, (p, v) => p with { ReciprocityWeight = v }, 0m, 100m)
            .Number("priceBandWeight", p => p.PriceBandWeight, (p, v) => p with { PriceBandWeight = v }, 0m, 100m)
            .Number("conductWeight", p => p.ConductWeight, (p, v) => p with { ConductWeight = v }, 0m, 100m)
            .Check("deals.acceptedCommitments", p => p.AcceptedCommitments != Commitments.None ? null : "must name at least one commitment")
            .Check("deals.conductWeight", p => p.ReciprocityWeight + p.PriceBandWeight + p.ConductWeight > 0m ? null : "the deal weights must not all be 0");

        return new Section<RelationshipPolicy>()
            .Version("version", p => p.Version, (p, v) => p with { Version = v })
            .Nested("scoring", p => p.Scoring, (p, v) => p with { Scoring = v }, scoring)
            .Nested("evidence", p => p.Evidence, (p, v) => p with { Evidence = v }, evidence)
            .Nested("reciprocity", p => p.Reciprocity, (p, v) => p with { Reciprocity = v }, reciprocity)
            .Nested("autonomy", p => p.Autonomy, (p, v) => p with { Autonomy = v }, autonomy)
            .Nested("integrity", p => p.Integrity, (p, v) => p with { Integrity = v }, integrity)
            .Nested("loyalty", p => p.Loyalty, (p, v) => p with { Loyalty = v }, loyalty)
            .Nested("fairness", p => p.Fairness, (p, v) => p with { Fairness = v }, fairness)
            .Nested("health", p => p.Health, (p, v) => p with { Health = v }, health)
            .Nested("history", p => p.History, (p, v) => p with { History = v }, history)
            .Nested("engagement", p => p.Engagement, (p, v) => p with { Engagement = v }, engagement)
            .Nested("lifetimeValue", p => p.LifetimeValue, (p, v) => p with { LifetimeValue = v }, lifetimeValue)
            .Nested("churn", p => p.Churn, (p, v) => p with { Churn = v }, churn)
            .Nested("confidence", p => p.Confidence, (p, v) => p with { Confidence = v }, confidence)
            .Nested("tiers", p => p.Tiers, (p, v) => p with { Tiers = v }, tiers)
            .Nested("deals", p => p.Deals, (p, v) => p with { Deals = v }, deals)
            .Check("history.retentionDays", p => p.History.RetentionDays >= 2 * p.Health.TrendWindowDays ? null : "must be at least twice health.trendWindowDays, or the trend has no history to compare with (was " + Text(p.History.RetentionDays) + ")")
            .Check("tiers.strategicPartner.minimumLoyalty", p => p.Tiers.StrategicPartner.MinimumLoyalty >= p.Tiers.Preferred.MinimumLoyalty ? null : "must not be below tiers.preferred.minimumLoyalty (was " + Text(p.Tiers.StrategicPartner.MinimumLoyalty) + ")")
            .Check("tiers.strategicPartner.minimumFairness", p => p.Tiers.StrategicPartner.MinimumFairness >= p.Tiers.Preferred.MinimumFairness ? null : "must not be below tiers.preferred.minimumFairness (was " + Text(p.Tiers.StrategicPartner.MinimumFairness) + ")");
    }

    private static Section<TierCriteria> Criteria() => new Section<TierCriteria>()
        .Integer("minimumKeyContacts", p => p.MinimumKeyContacts, (p, v) => p with { MinimumKeyContacts = v }, 0, 10000)
        .Number("minimumWonValue", p => p.MinimumWonValue, (p, v) => p with { MinimumWonValue = v }, 0m, 1000000000000m)
        .Integer("wonValueMonths", p => p.WonValueMonths, (p, v) => p with { WonValueMonths = v }, 1, 240)
        .Number("minimumHealth", p => p.MinimumHealth, (p, v) => p with { MinimumHealth = v }, 0m, 100m)
        .Number("minimumReciprocity", p => p.MinimumReciprocity, (p, v) => p with { MinimumReciprocity = v }, 0m, 100m)
        .Number("minimumAutonomy", p => p.MinimumAutonomy, (p, v) => p with { MinimumAutonomy = v }, 0m, 100m)
        .Number("minimumIntegrity", p => p.MinimumIntegrity, (p, v) => p with { MinimumIntegrity = v }, 0m, 100m)
        .Number("minimumLoyalty", p => p.MinimumLoyalty, (p, v) => p with { MinimumLoyalty = v }, 0m, 100m)
        .Number("minimumFairness", p => p.MinimumFairness, (p, v) => p with { MinimumFairness = v }, 0m, 100m)
        .Number("maximumGameSharePercent", p => p.MaximumGameSharePercent, (p, v) => p with { MaximumGameSharePercent = v }, 0m, 100m)
        .Integer("minimumRelationshipMonths", p => p.MinimumRelationshipMonths, (p, v) => p with { MinimumRelationshipMonths = v }, 0, 1200)
        .Boolean("requireExecutiveSponsors", p => p.RequireExecutiveSponsors, (p, v) => p with { RequireExecutiveSponsors = v })
        .Boolean("requireJointAccountPlan", p => p.RequireJointAccountPlan, (p, v) => p with { RequireJointAccountPlan = v })
        .Integer("jointPlanMaxAgeMonths", p => p.JointPlanMaxAgeMonths, (p, v) => p with { JointPlanMaxAgeMonths = v }, 1, 240);

    /// <summary>Every digit of the value, so a written policy reads back equal.</summary>
    private static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>The JSON path of a member; an empty name is shown as "" so the path always names something.</summary>
    internal static string Join(string path, string name)
    {
        var shown = name.Length == 0 ? "\"\"" : name;
        return path.Length == 0 ? shown : path + "." + shown;
    }

    private static string Describe(XElement element)
    {
        var type = (string?)element.Attribute("type") ?? "string";
        return type switch
        {
            "null" => "null",
            "object" => "an object",
            "array" => "an array",
            "string" => "\"" + element.Value + "\"",
            _ => element.Value,
        };
    }

    private static string JsonName(XElement element)
    {
        // PolicyJsonReader names every member <item item="name">, as JsonReaderWriterFactory does for names that are not XML names.
        var item = element.Attribute("item");
        return item != null ? item.Value : element.Name.LocalName;
    }

    /// <summary>True when the object element has a member of that JSON name.</summary>
    internal static bool HasMember(XElement element, string name)
    {
        foreach (var child in element.Elements())
        {
            if (string.Equals(JsonName(child), name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsType(XElement element, string type) =>
        string.Equals((string?)element.Attribute("type") ?? "string", type, StringComparison.Ordinal);

    private static decimal ParseNumber(XElement element, string path)
    {
        if (!IsType(element, "number")
            || !decimal.TryParse(element.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new PolicyValidationException(path, "must be a number (was " + Describe(element) + ")");
        }

        return value;
    }

    private static XElement Element(string name, string type, string value) =>
        new XElement(name, new XAttribute("type", type), value);

    private interface ISection
    {
        object Read(XElement element, object current, string path);

        XElement Write(string name, object value);

        void Validate(object value, string path);
    }

    private sealed class Field<T>
    {
        public Field(string name, Func<T, XElement, string, T> read, Func<T, string, XElement> write, Action<T, string> validate)
        {
            Name = name;
            ReadInto = read;
            WriteOut = write;
            ValidateValue = validate;
        }

        public string Name { get; }

        public Func<T, XElement, string, T> ReadInto { get; }

        public Func<T, string, XElement> WriteOut { get; }

        public Action<T, string> ValidateValue { get; }
    }

    private sealed class Section<T> : ISection
        where T : class
    {
        private readonly List<Field<T>> fields = new List<Field<T>>();
        private readonly List<KeyValuePair<string, Func<T, string?>>> checks = new List<KeyValuePair<string, Func<T, string?>>>();

        public Section<T> Number(string name, Func<T, decimal> get, Func<T, decimal, T> set, decimal min, decimal max)
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) => set(p, ParseNumber(e, path)),
                (p, n) => Element(n, "number", Exact(get(p))),
                (p, path) => CheckRange(path, get(p), min, max)));
            return this;
        }

        public Section<T> OptionalNumber(string name, Func<T, decimal?> get, Func<T, decimal?, T> set, decimal min, decimal max)
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) => set(p, IsType(e, "null") ? (decimal?)null : ParseNumber(e, path)),
                (p, n) => get(p) is decimal v ? Element(n, "number", Exact(v)) : new XElement(n, new XAttribute("type", "null")),
                (p, path) =>
                {
                    if (get(p) is decimal v)
                    {
                        CheckRange(path, v, min, max);
                    }
                }));
            return this;
        }

        public Section<T> Integer(string name, Func<T, int> get, Func<T, int, T> set, int min, int max)
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) =>
                {
                    var number = ParseNumber(e, path);
                    if (number != decimal.Truncate(number) || number < int.MinValue || number > int.MaxValue)
                    {
                        throw new PolicyValidationException(path, "must be a whole number (was " + Text(number) + ")");
                    }

                    return set(p, (int)number);
                },
                (p, n) => Element(n, "number", get(p).ToString(CultureInfo.InvariantCulture)),
                (p, path) => CheckRange(path, get(p), min, max)));
            return this;
        }

        public Section<T> Boolean(string name, Func<T, bool> get, Func<T, bool, T> set)
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) =>
                {
                    if (!IsType(e, "boolean"))
                    {
                        throw new PolicyValidationException(path, "must be true or false (was " + Describe(e) + ")");
                    }

                    return set(p, string.Equals(e.Value, "true", StringComparison.Ordinal));
                },
                (p, n) => Element(n, "boolean", get(p) ? "true" : "false"),
                (p, path) => { }));
            return this;
        }

        public Section<T> Version(string name, Func<T, string> get, Func<T, string, T> set)
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) =>
                {
                    if (!IsType(e, "string"))
                    {
                        throw new PolicyValidationException(path, "must be a string (was " + Describe(e) + ")");
                    }

                    return set(p, e.Value);
                },
                (p, n) => Element(n, "string", get(p)),
                (p, path) =>
                {
                    var version = get(p);
                    if (string.IsNullOrWhiteSpace(version))
                    {
                        throw new PolicyValidationException(path, "is required");
                    }

                    if (version.Length > 100)
                    {
                        throw new PolicyValidationException(path, "must be at most 100 characters (was " + version.Length.ToString(CultureInfo.InvariantCulture) + ")");
                    }
                }));
            return this;
        }

        public Section<T> Mode(string name, Func<T, TierRuleMode> get, Func<T, TierRuleMode, T> set)
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) =>
                {
                    if (IsType(e, "string") && string.Equals(e.Value, "enforce", StringComparison.OrdinalIgnoreCase))
                    {
                        return set(p, TierRuleMode.Enforce);
                    }

                    if (IsType(e, "string") && string.Equals(e.Value, "warn", StringComparison.OrdinalIgnoreCase))
                    {
                        return set(p, TierRuleMode.Warn);
                    }

                    throw new PolicyValidationException(path, "must be \"enforce\" or \"warn\" (was " + Describe(e) + ")");
                },
                (p, n) => Element(n, "string", get(p) == TierRuleMode.Warn ? "warn" : "enforce"),
                (p, path) =>
                {
                    var mode = get(p);
                    if (mode != TierRuleMode.Enforce && mode != TierRuleMode.Warn)
                    {
                        throw new PolicyValidationException(path, "must be \"enforce\" or \"warn\" (was " + mode.ToString() + ")");
                    }
                }));
            return this;
        }

        public Section<T> CommitmentList(string name, Func<T, Commitments> get, Func<T, Commitments, T> set)
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) =>
                {
                    if (!IsType(e, "array"))
                    {
                        throw new PolicyValidationException(path, "must be an array of commitment names (was " + Describe(e) + ")");
                    }

                    var result = Commitments.None;
                    var index = 0;
                    foreach (var item in e.Elements())
                    {
                        var itemPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                        if (!IsType(item, "string") || !CommitmentNames.TryParse(item.Value, out var commitment))
                        {
                            throw new PolicyValidationException(itemPath, "must be one of " + CommitmentNames.All + " (was " + Describe(item) + ")");
                        }

                        result |= commitment;
                        index++;
                    }

                    return set(p, result);
                },
                (p, n) =>
                {
                    var array = new XElement(n, new XAttribute("type", "array"));
                    foreach (var commitment in CommitmentNames.Each(get(p)))
                    {
                        array.Add(Element("item", "string", CommitmentNames.NameOf(commitment)));
                    }

                    return array;
                },
                (p, path) =>
                {
                    var value = get(p);
                    if ((value & ~CommitmentNames.Known) != 0)
                    {
                        throw new PolicyValidationException(path, "contains an unknown commitment (was " + ((int)value).ToString(CultureInfo.InvariantCulture) + ")");
                    }
                }));
            return this;
        }

        public Section<T> Nested<TChild>(string name, Func<T, TChild> get, Func<T, TChild, T> set, Section<TChild> section)
            where TChild : class
        {
            fields.Add(new Field<T>(
                name,
                (p, e, path) => set(p, (TChild)section.Read(e, get(p), path)),
                (p, n) => section.Write(n, get(p)),
                (p, path) =>
                {
                    var child = get(p);
                    if (child is null)
                    {
                        throw new PolicyValidationException(path, "is required");
                    }

                    section.Validate(child, path);
                }));
            return this;
        }

        public Section<T> Check(string field, Func<T, string?> rule)
        {
            checks.Add(new KeyValuePair<string, Func<T, string?>>(field, rule));
            return this;
        }

        public object Read(XElement element, object current, string path)
        {
            if (!IsType(element, "object"))
            {
                throw new PolicyValidationException(path.Length == 0 ? "(policy)" : path, "must be an object (was " + Describe(element) + ")");
            }

            var value = (T)current;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var child in element.Elements())
            {
                var name = JsonName(child);
                var childPath = Join(path, name);
                var field = Find(name);
                if (field is null)
                {
                    throw new PolicyValidationException(childPath, "is not a policy field");
                }

                if (!seen.Add(name))
                {
                    throw new PolicyValidationException(childPath, "appears more than once");
                }

                value = field.ReadInto(value, child, childPath);
            }

            return value;
        }

        public XElement Write(string name, object value)
        {
            var typed = (T)value;
            var element = new XElement(name, new XAttribute("type", "object"));
            foreach (var field in fields)
            {
                element.Add(field.WriteOut(typed, field.Name));
            }

            return element;
        }

        public void Validate(object value, string path)
        {
            var typed = (T)value;
            foreach (var field in fields)
            {
                field.ValidateValue(typed, Join(path, field.Name));
            }

            foreach (var check in checks)
            {
                var reason = check.Value(typed);
                if (reason != null)
                {
                    throw new PolicyValidationException(check.Key, reason);
                }
            }
        }

        private Field<T>? Find(string name)
        {
            foreach (var field in fields)
            {
                if (string.Equals(field.Name, name, StringComparison.Ordinal))
                {
                    return field;
                }
            }

            return null;
        }

        private static void CheckRange(string path, decimal value, decimal min, decimal max)
        {
            if (value < min || value > max)
            {
                throw new PolicyValidationException(path, "must be between " + Text(min) + " and " + Text(max) + " (was " + Text(value) + ")");
            }
        }
    }
}
