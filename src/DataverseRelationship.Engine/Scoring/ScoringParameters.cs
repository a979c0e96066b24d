using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring
{
    /// <summary>
    /// The policy's numbers converted once per assessment into the forms the single pass uses (doubles, days, fixed
    /// point), so the per-opportunity loop does no decimal-to-double conversion and no allocation.
    /// </summary>
    internal sealed class ScoringParameters
    {
        /// <summary>Average days per month (365.2425 / 12): windows are measured in days so extreme dates never overflow.</summary>
        public const double DaysPerMonth = 30.436875;

        /// <summary>Fixed-point unit of a deal's recency weight: weights are whole multiples of 2^-20.</summary>
        public const double WeightUnit = 1048576.0;

        /// <summary>Fixed-point unit of a per-deal score: thousandths of a point.</summary>
        public const long ScoreUnit = 1000;

        /// <summary>A per-deal score of 50 (neutral) in fixed point.</summary>
        public const long NeutralScore = 50 * ScoreUnit;

        public ScoringParameters(RelationshipPolicy policy)
        {
            Policy = policy;
            WindowDays = policy.Scoring.WindowMonths * DaysPerMonth;
            DecayPerDay = System.Math.Log(2.0) / ((double)policy.Scoring.HalfLifeMonths * DaysPerMonth);
            PriorWeight = (long)System.Math.Round((double)policy.Scoring.PriorDealWeight * WeightUnit);

            var reciprocity = policy.Reciprocity;
            DiscountPoints = (double)reciprocity.DiscountPoints;
            ExtendedPaymentTermsPoints = (double)reciprocity.ExtendedPaymentTermsPoints;
            FreeServicesPoints = (double)reciprocity.FreeServicesPoints;
            AcceptedRiskPoints = (double)reciprocity.AcceptedRiskPoints;
            CustomWorkPoints = (double)reciprocity.CustomWorkPoints;
            VolumePoints = (double)reciprocity.VolumePoints;
            MultiYearTermPoints = (double)reciprocity.MultiYearTermPoints;
            PrepaymentPoints = (double)reciprocity.PrepaymentPoints;
            ReferenceCasePoints = (double)reciprocity.ReferenceCasePoints;
            JointInvestmentPoints = (double)reciprocity.JointInvestmentPoints;
            ForecastSharingPoints = (double)reciprocity.ForecastSharingPoints;

            var autonomy = policy.Autonomy;
            TacticPenalties = new[]
            {
                (double)autonomy.ReverseAuctionPenalty,
                (double)autonomy.PriceBenchmarkingDuringContractPenalty,
                (double)autonomy.EarlyRenegotiationPenalty,
                (double)autonomy.DiscountDemandedAfterAwardPenalty,
                (double)autonomy.PaymentWithholdingPenalty,
                (double)autonomy.UnilateralRiskTransferPenalty,
                (double)autonomy.OneSidedConcessionDemandPenalty,
            };

            MediumDealFrom = policy.Integrity.MediumDealFrom;
            LargeDealFrom = policy.Integrity.LargeDealFrom;
            PaymentGraceDays = policy.Integrity.PaymentGraceDays;
            PaymentPenaltyPerDay = (double)policy.Integrity.PaymentPenaltyPerDay;

            MarginFloor = (double)policy.Fairness.MarginFloorPercent;
            MarginCeiling = (double)policy.Fairness.MarginCeilingPercent;
            MarginTolerance = (double)policy.Fairness.TolerancePercent;

            PreferredWonValueDays = policy.Tiers.Preferred.WonValueMonths * DaysPerMonth;
            StrategicWonValueDays = policy.Tiers.StrategicPartner.WonValueMonths * DaysPerMonth;
        }

        public RelationshipPolicy Policy { get; }

        public double WindowDays { get; }

        public double DecayPerDay { get; }

        /// <summary>The neutral prior's weight in fixed point.</summary>
        public long PriorWeight { get; }

        public double DiscountPoints { get; }

        public double ExtendedPaymentTermsPoints { get; }

        public double FreeServicesPoints { get; }

        public double AcceptedRiskPoints { get; }

        public double CustomWorkPoints { get; }

        public double VolumePoints { get; }

        public double MultiYearTermPoints { get; }

        public double PrepaymentPoints { get; }

        public double ReferenceCasePoints { get; }

        public double JointInvestmentPoints { get; }

        public double ForecastSharingPoints { get; }

        /// <summary>Penalties in the bit order of ProcurementTactics.</summary>
        public double[] TacticPenalties { get; }

        public decimal MediumDealFrom { get; }

        public decimal LargeDealFrom { get; }

        public int PaymentGraceDays { get; }

        public double PaymentPenaltyPerDay { get; }

        public double MarginFloor { get; }

        public double MarginCeiling { get; }

        public double MarginTolerance { get; }

        public double PreferredWonValueDays { get; }

        public double StrategicWonValueDays { get; }
    }
}
