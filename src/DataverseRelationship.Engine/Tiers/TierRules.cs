using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Tiers;

/// <summary>The outcome of the tier rules: the verdict and, when the effective tier moves, the change.</summary>
public sealed record TierDecision
{
    public TierVerdict Verdict { get; init; } = new TierVerdict();

    public TierChange? Change { get; init; }
}

/// <summary>
/// Eligibility per tier from the configurable criteria (all five principles through the health floor and the
/// per-principle minimums, customer games, contacts, won value, tenure, sponsors, plan, confidence), then the
/// effective tier: an active override wins; an expired one lets the computed tier apply again; otherwise no
/// automatic change happens within the dwell time of the last one, a promotion waits the cool-down after a
/// demotion, and a demotion needs a criterion beyond its hysteresis and goes one step at a time. Unknown evidence
/// never qualifies an account and never demotes it by itself.
/// </summary>
public static class TierRules
{
    public static TierDecision Decide(TierEvidence evidence, AccountFacts account, DateTime asOf, TierPolicy policy)
    {
        Argument.NotNull(evidence, nameof(evidence));
        Argument.NotNull(account, nameof(account));
        Argument.NotNull(policy, nameof(policy));

        var criteria = new List<TierCriterionResult>(14);
        var preferredEntry = Evaluate(RelationshipTier.Preferred, policy.Preferred, evidence.PreferredWonValue, evidence, policy, criteria, out var preferredStay);
        var strategicEntry = Evaluate(RelationshipTier.StrategicPartner, policy.StrategicPartner, evidence.StrategicWonValue, evidence, policy, criteria, out var strategicStay);

        var eligible = preferredEntry && strategicEntry ? RelationshipTier.StrategicPartner
            : preferredEntry ? RelationshipTier.Preferred
            : RelationshipTier.Transactional;
        var retained = preferredStay && strategicStay ? RelationshipTier.StrategicPartner
            : preferredStay ? RelationshipTier.Preferred
            : RelationshipTier.Transactional;

        // A recorded tier outside the known range is read as the nearest known tier.
        var current = account.CurrentTier.HasValue ? Known(account.CurrentTier.Value) : (RelationshipTier?)null;
        var tierOverride = account.Override;
        RelationshipTier effective;
        string decidedBy;
        string reason;
        var kind = TierChangeKind.Automatic;

        if (tierOverride != null && tierOverride.IsActiveAt(asOf))
        {
            effective = Known(tierOverride.Tier);
            decidedBy = ReasonCodes.ActiveOverride;
            kind = TierChangeKind.Manual;
            reason = "Manual override to " + TierNames.Describe(effective)
                + (string.IsNullOrWhiteSpace(tierOverride.SetBy) ? string.Empty : " by " + tierOverride.SetBy)
                + " until " + Date(tierOverride.ExpiresOn!.Value)
                + (string.IsNullOrWhiteSpace(tierOverride.Reason) ? string.Empty : ": " + tierOverride.Reason);
        }
        else if (tierOverride != null && tierOverride.ExpiresOn.HasValue
            && (!account.TierChangedOn.HasValue || account.TierChangedOn.Value <= tierOverride.ExpiresOn.Value))
        {
            // No dwell time and no one-step rule for a tier the rules never chose; hysteresis still applies, so a
            // computed tier that would keep the recorded one does not move it.
            effective = current.HasValue && retained >= current.Value && eligible <= current.Value ? current.Value : eligible;
            decidedBy = ReasonCodes.OverrideExpired;
            kind = TierChangeKind.OverrideExpired;
            reason = "The override to " + TierNames.Describe(tierOverride.Tier) + " expired on " + Date(tierOverride.ExpiresOn.Value)
                + "; the computed tier " + TierNames.Describe(effective) + " applies again";
        }
        else if (!current.HasValue)
        {
            effective = eligible;
            decidedBy = eligible == RelationshipTier.Transactional ? ReasonCodes.TierCriteriaFailed : ReasonCodes.TierCriteriaMet;
            reason = "First assessment: " + TierNames.Describe(eligible) + Because(eligible, criteria);
        }
        else if (eligible > current.Value && DaysSince(account.TierChangedOn, asOf) is double sinceChange && sinceChange < policy.MinimumDwellDays)
        {
            effective = current.Value;
            decidedBy = ReasonCodes.DwellTime;
            reason = "Kept " + TierNames.Describe(current.Value) + ": eligible for " + TierNames.Describe(eligible) + ", but the tier changed "
                + Days(sinceChange) + " days ago and the rules wait " + policy.MinimumDwellDays.ToString(CultureInfo.InvariantCulture) + " days between changes";
        }
        else if (eligible > current.Value && DaysSince(account.LastDemotedOn, asOf) is double sinceDemotion && sinceDemotion < policy.PromotionCooldownDays)
        {
            effective = current.Value;
            decidedBy = ReasonCodes.Cooldown;
            reason = "Kept " + TierNames.Describe(current.Value) + ": eligible for " + TierNames.Describe(eligible) + ", but demoted "
                + Days(sinceDemotion) + " days ago and a promotion waits " + policy.PromotionCooldownDays.ToString(CultureInfo.InvariantCulture) + " days after a demotion";
        }
        else if (eligible > current.Value)
        {
            effective = eligible;
            decidedBy = ReasonCodes.TierCriteriaMet;
            reason = "Promoted from " + TierNames.Describe(current.Value) + " to " + TierNames.Describe(eligible) + ": " + MetText(eligible, criteria);
        }
        else if (retained >= current.Value)
        {
            effective = current.Value;
            decidedBy = eligible < current.Value ? ReasonCodes.Hysteresis : ReasonCodes.TierCriteriaMet;
            reason = current.Value == RelationshipTier.Transactional
                ? "Kept Transactional, the entry tier"
                : eligible < current.Value
                    ? "Kept " + TierNames.Describe(current.Value) + ": below an entry threshold but within its hysteresis (" + BelowEntry(current.Value, criteria) + ")"
                    : "Kept " + TierNames.Describe(current.Value) + ": " + MetText(current.Value, criteria);
        }
        else if (DaysSince(account.TierChangedOn, asOf) is double sinceLast && sinceLast < policy.MinimumDwellDays)
        {
            effective = current.Value;
            decidedBy = ReasonCodes.DwellTime;
            reason = "Kept " + TierNames.Describe(current.Value) + ": in the tier for " + Days(sinceLast)
                + " of the " + policy.MinimumDwellDays.ToString(CultureInfo.InvariantCulture) + " days required before a change"
                + StayFailures(current.Value, criteria);
        }
        else
        {
            effective = current.Value - 1;
            decidedBy = ReasonCodes.OneStepDemotion;
            reason = "Demoted one step from " + TierNames.Describe(current.Value) + " to " + TierNames.Describe(effective) + StayFailures(current.Value, criteria);
        }

        var verdict = new TierVerdict
        {
            EligibleTier = eligible,
            EffectiveTier = effective,
            Criteria = criteria,
            DecidedBy = decidedBy,
            OverrideActive = decidedBy == ReasonCodes.ActiveOverride,
            Text = reason + FailedText(eligible, criteria),
        };

        TierChange? change = null;
        if (!account.CurrentTier.HasValue || account.CurrentTier.Value != effective)
        {
            change = new TierChange { From = account.CurrentTier, To = effective, Kind = kind, Reason = reason };
        }

        return new TierDecision { Verdict = verdict, Change = change };
    }

    private static bool Evaluate(
        RelationshipTier tier,
        TierCriteria required,
        decimal wonValue,
        TierEvidence evidence,
        TierPolicy policy,
        List<TierCriterionResult> results,
        out bool stays)
    {
        var enters = true;
        var stay = true;
        var name = TierNames.Describe(tier);

        // actual is already rounded as printed; the same number is compared.
        // Amounts of money are written with thousands separators ("27,142.43 below the 50,000 required").
        void Minimum(TierCriterion criterion, decimal? actual, decimal needed, decimal neededToStay, string what, bool money = false)
        {
            var known = actual.HasValue;
            var passed = known && actual!.Value >= needed;
            var keeps = !known || actual!.Value >= neededToStay;
            enters &= passed;
            stay &= keeps;
            results.Add(new TierCriterionResult
            {
                Tier = tier, Criterion = criterion, Passed = passed, Known = known, Stays = keeps,
                Actual = actual, Required = needed, RequiredToStay = neededToStay,
                Describe = () =>
                {
                    Func<decimal, string> show = money ? ExplanationText.Amount : Number;
                    return name + ": " + what + " " + (known
                        ? show(actual!.Value) + (passed ? " meets the " + show(needed) + " required" : " below the " + show(needed) + " required (short by " + show(needed - actual.Value) + ")")
                        : "unknown (" + show(needed) + " required)");
                },
            });
        }

        void YesNo(TierCriterion criterion, bool? actual, string what, string missing)
        {
            var known = actual.HasValue;
            var passed = actual == true;
            var keeps = !known || passed;
            enters &= passed;
            stay &= keeps;
            results.Add(new TierCriterionResult
            {
                Tier = tier, Criterion = criterion, Passed = passed, Known = known, Stays = keeps,
                Actual = known ? (passed ? 1m : 0m) : (decimal?)null, Required = 1m, RequiredToStay = 1m,
                Describe = () => name + ": " + (!known ? what + " unknown" : passed ? what : missing),
            });
        }

        Minimum(TierCriterion.KeyContacts, evidence.KeyContacts, required.MinimumKeyContacts, Math.Max(0, required.MinimumKeyContacts - policy.KeyContactHysteresis), "key contacts");
        var won = Math.Round(wonValue, 2, MidpointRounding.AwayFromZero);
        Minimum(TierCriterion.WonValue, won, required.MinimumWonValue, Math.Round(required.MinimumWonValue * (1m - (policy.WonValueHysteresisPercent / 100m)), 2, MidpointRounding.AwayFromZero),
            "won value in " + required.WonValueMonths.ToString(CultureInfo.InvariantCulture) + " months", money: true);
        Minimum(TierCriterion.Health, evidence.Health, required.MinimumHealth, required.MinimumHealth - policy.HysteresisMargin, "health");
        if (required.MinimumReciprocity > 0m)
        {
            Minimum(TierCriterion.Reciprocity, evidence.Reciprocity, required.MinimumReciprocity, required.MinimumReciprocity - policy.HysteresisMargin, "reciprocity");
        }

        if (required.MinimumAutonomy > 0m)
        {
            Minimum(TierCriterion.Autonomy, evidence.Autonomy, required.MinimumAutonomy, required.MinimumAutonomy - policy.HysteresisMargin, "autonomy");
        }

        if (required.MinimumIntegrity > 0m)
        {
            Minimum(TierCriterion.Integrity, evidence.Integrity, required.MinimumIntegrity, required.MinimumIntegrity - policy.HysteresisMargin, "integrity");
        }

        Minimum(TierCriterion.Loyalty, evidence.Loyalty, required.MinimumLoyalty, required.MinimumLoyalty - policy.HysteresisMargin, "loyalty");
        Minimum(TierCriterion.Fairness, evidence.Fairness, required.MinimumFairness, required.MinimumFairness - policy.HysteresisMargin, "fairness");

        // Customer games: a maximum. Repeated games block entry and, beyond the hysteresis, demote (seed 003).
        {
            var known = evidence.GameSharePercent.HasValue;
            var share = evidence.GameSharePercent ?? 0m;
            var passed = known && share <= required.MaximumGameSharePercent;
            var keeps = !known || share <= required.MaximumGameSharePercent + policy.GameShareHysteresisPercent;
            enters &= passed;
            stay &= keeps;
            results.Add(new TierCriterionResult
            {
                Tier = tier, Criterion = TierCriterion.GameShare, Passed = passed, Known = known, Stays = keeps, IsMaximum = true,
                Actual = known ? share : (decimal?)null, Required = required.MaximumGameSharePercent, RequiredToStay = required.MaximumGameSharePercent + policy.GameShareHysteresisPercent,
                Describe = () => name + ": " + (!known
                    ? "customer games unknown (no deal's conduct recorded)"
                    : "customer games on " + Number(share) + "% of deals (" + Number(evidence.GameDeals) + " of " + Number(evidence.ConductDeals) + ")"
                        + (passed ? ", at most " + Number(required.MaximumGameSharePercent) + "% allowed" : ", above the " + Number(required.MaximumGameSharePercent) + "% allowed")),
            });
        }

        // Confidence is an entry criterion only: too little recorded evidence never promotes, and never demotes.
        {
            var passed = evidence.Confidence >= policy.MinimumConfidence;
            enters &= passed;
            results.Add(new TierCriterionResult
            {
                Tier = tier, Criterion = TierCriterion.Confidence, Passed = passed, Known = true, Stays = true,
                Actual = evidence.Confidence, Required = policy.MinimumConfidence, RequiredToStay = 0m,
                Describe = () => name + ": confidence " + Number(evidence.Confidence) + (passed ? " meets the " : " below the ") + Number(policy.MinimumConfidence) + " required",
            });
        }

        Minimum(TierCriterion.RelationshipMonths, evidence.RelationshipMonths, required.MinimumRelationshipMonths, required.MinimumRelationshipMonths, "relationship months");
        if (required.RequireExecutiveSponsors)
        {
            YesNo(TierCriterion.ExecutiveSponsors, evidence.HasExecutiveSponsors, "executive sponsors on both sides", "an executive sponsor on both sides is missing");
        }

        if (required.RequireJointAccountPlan)
        {
            var age = evidence.JointPlanAgeMonths;
            var known = evidence.HasJointAccountPlan.HasValue;
            var passed = age.HasValue && age.Value <= required.JointPlanMaxAgeMonths;
            var keeps = !known || (age.HasValue && age.Value <= required.JointPlanMaxAgeMonths + policy.JointPlanGraceMonths);
            enters &= passed;
            stay &= keeps;
            var max = required.JointPlanMaxAgeMonths.ToString(CultureInfo.InvariantCulture);
            results.Add(new TierCriterionResult
            {
                Tier = tier, Criterion = TierCriterion.JointAccountPlan, Passed = passed, Known = known, Stays = keeps,
                Actual = known ? (passed ? 1m : 0m) : (decimal?)null, Required = 1m, RequiredToStay = 1m,
                Describe = () => name + ": " + (!known ? "joint account plan unknown"
                    : passed ? "joint account plan reviewed " + Number(age!.Value) + " months ago (at most " + max + " allowed)"
                    : age.HasValue ? "the joint account plan was last reviewed " + Number(age.Value) + " months ago (at most " + max + " allowed)"
                    : "no reviewed joint account plan"),
            });
        }

        stays = stay;
        return enters;
    }

    private static double? DaysSince(DateTime? when, DateTime asOf) =>
        when.HasValue ? (asOf - when.Value).TotalDays : (double?)null;

    private static string Days(double days) => ((int)Math.Floor(days < 0 ? 0 : days)).ToString(CultureInfo.InvariantCulture);

    private static string Deals(int count) => ExplanationText.Count(count, "deal", "deals");

    /// <summary>"key contacts 3, won value in 24 months 80000, health 71.2 … all meet the Preferred criteria".</summary>
    private static string MetText(RelationshipTier tier, List<TierCriterionResult> criteria)
    {
        var parts = new List<string>();
        foreach (var criterion in criteria)
        {
            if (criterion.Tier == tier && criterion.Actual.HasValue && criterion.Criterion != TierCriterion.ExecutiveSponsors && criterion.Criterion != TierCriterion.JointAccountPlan)
            {
                parts.Add(CriterionName(criterion.Criterion) + " " + (criterion.Criterion == TierCriterion.WonValue ? ExplanationText.Amount(criterion.Actual.Value) : Number(criterion.Actual.Value)));
            }
        }

        return "every " + TierNames.Describe(tier) + " criterion met (" + string.Join(", ", parts) + ")";
    }

    private static string BelowEntry(RelationshipTier tier, List<TierCriterionResult> criteria)
    {
        var parts = new List<string>();
        foreach (var criterion in criteria)
        {
            if (criterion.Tier == tier && !criterion.Passed)
            {
                var prefix = TierNames.Describe(tier).Length + 2;
                parts.Add(criterion.Text.Substring(prefix));
            }
        }

        return string.Join("; ", parts);
    }

    private static string CriterionName(TierCriterion criterion) => criterion switch
    {
        TierCriterion.KeyContacts => "key contacts",
        TierCriterion.WonValue => "won value",
        TierCriterion.Loyalty => "loyalty",
        TierCriterion.Fairness => "fairness",
        TierCriterion.RelationshipMonths => "relationship months",
        TierCriterion.Health => "health",
        TierCriterion.Reciprocity => "reciprocity",
        TierCriterion.Autonomy => "autonomy",
        TierCriterion.Integrity => "integrity",
        TierCriterion.GameShare => "% of deals with games",
        TierCriterion.Confidence => "confidence",
        _ => criterion.ToString(),
    };

    private static RelationshipTier Known(RelationshipTier tier) =>
        tier < RelationshipTier.Transactional ? RelationshipTier.Transactional
        : tier > RelationshipTier.StrategicPartner ? RelationshipTier.StrategicPartner
        : tier;

    private static string Because(RelationshipTier eligible, List<TierCriterionResult> criteria) =>
        eligible == RelationshipTier.StrategicPartner ? " (all criteria met)" : string.Empty;

    private static string StayFailures(RelationshipTier tier, List<TierCriterionResult> criteria)
    {
        var text = new StringBuilder();
        foreach (var criterion in criteria)
        {
            if (criterion.Tier > tier || criterion.Stays)
            {
                continue;
            }

            text.Append(text.Length == 0 ? ": " : "; ");
            text.Append(criterion.Text);
            if (criterion.RequiredToStay != criterion.Required)
            {
                text.Append(criterion.IsMaximum ? " and above the " : " and below the ")
                    .Append(criterion.Criterion == TierCriterion.WonValue ? ExplanationText.Amount(criterion.RequiredToStay) : Number(criterion.RequiredToStay)).Append(" allowed to stay");
            }
        }

        return text.ToString();
    }

    private static string FailedText(RelationshipTier eligible, List<TierCriterionResult> criteria)
    {
        if (eligible == RelationshipTier.StrategicPartner)
        {
            return ".";
        }

        var next = eligible + 1;
        var text = new StringBuilder(". Not eligible for ").Append(TierNames.Describe(next)).Append(": ");
        var first = true;
        foreach (var criterion in criteria)
        {
            if (criterion.Tier != next || criterion.Passed)
            {
                continue;
            }

            if (!first)
            {
                text.Append("; ");
            }

            var prefix = TierNames.Describe(next).Length + 2;
            text.Append(criterion.Text, prefix, criterion.Text.Length - prefix);
            first = false;
        }

        return text.Append('.').ToString();
    }

    private static string Number(decimal value) => ExplanationText.Number(value);

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
