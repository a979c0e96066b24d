using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Tiers
{
    /// <summary>The outcome of the tier rules: the verdict and, when the effective tier moves, the change.</summary>
    public sealed record TierDecision
    {
        public TierVerdict Verdict { get; init; } = new TierVerdict();

        public TierChange? Change { get; init; }
    }

    /// <summary>
    /// Eligibility per tier from the configurable criteria, then the effective tier: an active override wins; an
    /// expired one lets the computed tier apply again; otherwise promotion is immediate, and demotion happens only
    /// below the thresholds minus the hysteresis margin, after the minimum dwell time, one step at a time.
    /// </summary>
    public static class TierRules
    {
        public static TierDecision Decide(TierEvidence evidence, AccountFacts account, DateTime asOf, TierPolicy policy)
        {
            Argument.NotNull(evidence, nameof(evidence));
            Argument.NotNull(account, nameof(account));
            Argument.NotNull(policy, nameof(policy));

            var criteria = new List<TierCriterionResult>(14);
            var preferredEntry = Evaluate(RelationshipTier.Preferred, policy.Preferred, evidence.PreferredWonValue, evidence, policy.HysteresisMargin, criteria, out var preferredStay);
            var strategicEntry = Evaluate(RelationshipTier.StrategicPartner, policy.StrategicPartner, evidence.StrategicWonValue, evidence, policy.HysteresisMargin, criteria, out var strategicStay);

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
            else if (eligible > current.Value)
            {
                effective = eligible;
                decidedBy = ReasonCodes.TierCriteriaMet;
                reason = "Promoted from " + TierNames.Describe(current.Value) + " to " + TierNames.Describe(eligible) + ": all " + TierNames.Describe(eligible) + " criteria met";
            }
            else if (retained >= current.Value)
            {
                effective = current.Value;
                decidedBy = eligible < current.Value ? ReasonCodes.Hysteresis : ReasonCodes.TierCriteriaMet;
                reason = eligible < current.Value
                    ? "Kept " + TierNames.Describe(current.Value) + ": below the entry thresholds but within the " + Number(policy.HysteresisMargin) + "-point hysteresis margin"
                    : "Kept " + TierNames.Describe(current.Value) + ": its criteria are met";
            }
            else if (account.TierChangedOn.HasValue && (asOf - account.TierChangedOn.Value).TotalDays < policy.MinimumDwellDays)
            {
                effective = current.Value;
                decidedBy = ReasonCodes.DwellTime;
                var days = (int)Math.Floor((asOf - account.TierChangedOn.Value).TotalDays);
                reason = "Kept " + TierNames.Describe(current.Value) + ": in the tier for " + days.ToString(CultureInfo.InvariantCulture)
                    + " of the " + policy.MinimumDwellDays.ToString(CultureInfo.InvariantCulture) + " days required before a demotion"
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
            decimal margin,
            List<TierCriterionResult> results,
            out bool stays)
        {
            var enters = true;
            var stay = true;

            void Add(TierCriterion criterion, decimal actual, decimal needed, decimal neededToStay, string what)
            {
                var passed = actual >= needed;
                enters &= passed;
                stay &= actual >= neededToStay;
                var text = TierNames.Describe(tier) + ": " + what + " " + Number(actual)
                    + (passed ? " meets the " + Number(needed) + " required" : " below the " + Number(needed) + " required (short by " + Number(needed - actual) + ")");
                results.Add(new TierCriterionResult
                {
                    Tier = tier,
                    Criterion = criterion,
                    Passed = passed,
                    Actual = actual,
                    Required = needed,
                    RequiredToStay = neededToStay,
                    Text = text,
                });
            }

            void AddYesNo(TierCriterion criterion, bool actual, string what, string missing)
            {
                enters &= actual;
                stay &= actual;
                results.Add(new TierCriterionResult
                {
                    Tier = tier,
                    Criterion = criterion,
                    Passed = actual,
                    Actual = actual ? 1m : 0m,
                    Required = 1m,
                    RequiredToStay = 1m,
                    Text = TierNames.Describe(tier) + ": " + (actual ? what : missing),
                });
            }

            Add(TierCriterion.KeyContacts, evidence.KeyContacts, required.MinimumKeyContacts, required.MinimumKeyContacts, "key contacts");
            Add(TierCriterion.WonValue, Math.Round(wonValue, 2), required.MinimumWonValue, required.MinimumWonValue, "won value in " + required.WonValueMonths.ToString(CultureInfo.InvariantCulture) + " months");
            Add(TierCriterion.Loyalty, evidence.Loyalty, required.MinimumLoyalty, required.MinimumLoyalty - margin, "loyalty");
            Add(TierCriterion.Fairness, evidence.Fairness, required.MinimumFairness, required.MinimumFairness - margin, "fairness");
            Add(TierCriterion.RelationshipMonths, Math.Round(evidence.RelationshipMonths, 1), required.MinimumRelationshipMonths, required.MinimumRelationshipMonths, "relationship months");
            if (required.RequireExecutiveSponsors)
            {
                AddYesNo(TierCriterion.ExecutiveSponsors, evidence.HasExecutiveSponsors, "executive sponsors on both sides", "an executive sponsor on both sides is missing");
            }

            if (required.RequireJointAccountPlan)
            {
                var current = evidence.JointPlanAgeMonths.HasValue && evidence.JointPlanAgeMonths.Value <= required.JointPlanMaxAgeMonths;
                AddYesNo(
                    TierCriterion.JointAccountPlan,
                    current,
                    "joint account plan reviewed within " + required.JointPlanMaxAgeMonths.ToString(CultureInfo.InvariantCulture) + " months",
                    evidence.JointPlanAgeMonths.HasValue
                        ? "the joint account plan was last reviewed " + Number(Math.Round(evidence.JointPlanAgeMonths.Value, 0)) + " months ago (at most " + required.JointPlanMaxAgeMonths.ToString(CultureInfo.InvariantCulture) + " allowed)"
                        : "no reviewed joint account plan");
            }

            stays = stay;
            return enters;
        }

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
                if (criterion.Tier > tier || criterion.Actual >= criterion.RequiredToStay)
                {
                    continue;
                }

                text.Append(text.Length == 0 ? ": " : "; ");
                text.Append(criterion.Text);
                if (criterion.RequiredToStay != criterion.Required)
                {
                    text.Append(" and below the ").Append(Number(criterion.RequiredToStay)).Append(" needed to stay");
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
            var text = new StringBuilder(". Not ").Append(TierNames.Describe(next)).Append(": ");
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
}
