using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Deals;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Scoring
{
    /// <summary>
    /// The single pass over an account's opportunities. Every sum is kept in fixed point (long or decimal), so the
    /// result does not depend on the order of the opportunities; nothing is allocated per opportunity.
    /// </summary>
    internal sealed class OpportunityLedger
    {
        public const int ReciprocatedExchange = 0;
        public const int PlainDeal = 1;
        public const int Unreciprocated = 2;
        public const int PartlyReciprocated = 3;
        public const int OverCommitted = 4;

        public const int FairlyPriced = 0;
        public const int BelowFloor = 1;
        public const int AboveCeiling = 2;

        private const double DaysPerYear = 365.2425;
        private const decimal FairnessValueCap = 10000000000m;

        private readonly ScoringParameters parameters;
        private readonly DateTime asOf;

        public OpportunityLedger(ScoringParameters parameters, DateTime asOf)
        {
            this.parameters = parameters;
            this.asOf = asOf;
        }

        public int Considered { get; private set; }

        public long ReciprocityWeight { get; private set; }

        public long[] ReciprocitySums { get; } = new long[5];

        public int[] ReciprocityCounts { get; } = new int[5];

        public long AutonomyWeight { get; private set; }

        public long AutonomyBase { get; private set; }

        public int AutonomyCleanCount { get; private set; }

        public long[] TacticSums { get; } = new long[ExchangeTerms.TacticCount];

        public int[] TacticCounts { get; } = new int[ExchangeTerms.TacticCount];

        public long[] BandWeights { get; } = new long[3];

        public long[] BandFirstMoments { get; } = new long[3];

        public decimal[] BandSecondMoments { get; } = new decimal[3];

        public int[] BandCounts { get; } = new int[3];

        public long PromiseWeight { get; private set; }

        public long PromisesKept { get; private set; }

        public long PromisesBroken { get; private set; }

        public int PromisesKeptCount { get; private set; }

        public int PromisesBrokenCount { get; private set; }

        public long PaymentWeight { get; private set; }

        public long PaidOnTimeSum { get; private set; }

        public long PaidLateSum { get; private set; }

        public int PaidOnTimeCount { get; private set; }

        public int PaidLateCount { get; private set; }

        public long FairnessCountWeight { get; private set; }

        public decimal FairnessValueWeight { get; private set; }

        public decimal[] FairnessSums { get; } = new decimal[3];

        public int[] FairnessCounts { get; } = new int[3];

        public long WonWeight { get; private set; }

        public long LostWeight { get; private set; }

        public int WonCount { get; private set; }

        public int LostCount { get; private set; }

        /// <summary>Ticks of the most recent win's reference date (never after asOf); 0 when there is none.</summary>
        public long LastWinTicks { get; private set; }

        public decimal RecentRevenue { get; private set; }

        public decimal PriorRevenue { get; private set; }

        public decimal AnnualMargin { get; private set; }

        public decimal PreferredWonValue { get; private set; }

        public decimal StrategicWonValue { get; private set; }

        public int FieldsKnown { get; private set; }

        public int FieldsExpected { get; private set; }

        public void AddAll(IReadOnlyList<OpportunityFacts?> opportunities)
        {
            var count = opportunities.Count;
            for (var i = 0; i < count; i++)
            {
                var deal = opportunities[i];
                if (deal != null)
                {
                    Add(deal);
                }
            }
        }

        public void Add(OpportunityFacts deal)
        {
            var reference = ExchangeTerms.ReferenceDate(deal);
            var ageDays = reference >= asOf ? 0.0 : (asOf - reference).TotalDays;
            var won = deal.State == DealState.Won;
            var lost = deal.State == DealState.Lost;
            var value = won || deal.SellerMarginPercent.HasValue || deal.DiscountPercent.HasValue ? ExchangeTerms.Value(deal) : 0m;

            if (won)
            {
                if (ageDays <= parameters.PreferredWonValueDays)
                {
                    PreferredWonValue += value;
                }

                if (ageDays <= parameters.StrategicWonValueDays)
                {
                    StrategicWonValue += value;
                }
            }

            if (ageDays > parameters.WindowDays)
            {
                return;
            }

            Considered++;
            var weight = (long)((Math.Exp(-parameters.DecayPerDay * ageDays) * ScoringParameters.WeightUnit) + 0.5);
            if (weight < 1)
            {
                weight = 1;
            }

            CountFields(deal, won, lost);
            if (!lost)
            {
                AddExchange(deal, weight);
                AddDiscount(deal, weight, value);
                AddPrice(deal, weight, value);
            }

            AddConduct(deal.Tactics & ExchangeTerms.KnownTactics, weight);

            if (won)
            {
                AddWin(deal, weight, reference, ageDays, value);
            }
            else if (lost)
            {
                LostWeight += weight;
                LostCount++;
            }
        }

        private void CountFields(OpportunityFacts deal, bool won, bool lost)
        {
            var known = (deal.ActualValue.HasValue || deal.EstimatedValue.HasValue ? 1 : 0)
                + (deal.SellerMarginPercent.HasValue ? 1 : 0)
                + (deal.DiscountPercent.HasValue ? 1 : 0);
            var expected = 3;
            if (won || lost)
            {
                expected++;
                known += deal.CloseDate.HasValue ? 1 : 0;
            }

            if (won)
            {
                expected += 2;
                known += (deal.DeliveredAsPromised.HasValue ? 1 : 0) + (deal.PaymentDelayDays.HasValue ? 1 : 0);
            }

            FieldsKnown += known;
            FieldsExpected += expected;
        }

        private void AddExchange(OpportunityFacts deal, long weight)
        {
            var given = ExchangeTerms.ConcessionPoints(deal, parameters);
            var got = ExchangeTerms.CommitmentPoints(deal, parameters);
            var score = ExchangeTerms.Quantise(ExchangeTerms.ReciprocityScore(given, got));
            int category;
            if (given + got <= 0.0)
            {
                category = PlainDeal;
            }
            else if (got <= 0.0)
            {
                category = Unreciprocated;
            }
            else if (score == 100 * ScoringParameters.ScoreUnit)
            {
                category = ReciprocatedExchange;
            }
            else if (given > got)
            {
                category = PartlyReciprocated;
            }
            else
            {
                category = OverCommitted;
            }

            ReciprocityWeight += weight;
            ReciprocitySums[category] += weight * (score - ScoringParameters.NeutralScore);
            ReciprocityCounts[category]++;
        }

        private void AddDiscount(OpportunityFacts deal, long weight, decimal value)
        {
            if (!deal.DiscountPercent.HasValue)
            {
                return;
            }

            var band = value >= parameters.LargeDealFrom ? 2 : value >= parameters.MediumDealFrom ? 1 : 0;
            var hundredths = (long)Math.Round(ExchangeTerms.Discount(deal) * 100m, MidpointRounding.AwayFromZero);
            BandWeights[band] += weight;
            BandFirstMoments[band] += weight * hundredths;
            BandSecondMoments[band] += weight * hundredths * hundredths;
            BandCounts[band]++;
        }

        private void AddPrice(OpportunityFacts deal, long weight, decimal value)
        {
            var margin = ExchangeTerms.Margin(deal);
            if (!margin.HasValue)
            {
                return;
            }

            var score = ExchangeTerms.Quantise(ExchangeTerms.PriceScore(margin.Value, parameters));
            var band = ExchangeTerms.PriceBandOf(margin.Value, parameters);
            var category = band == PriceBand.Fair ? FairlyPriced : band == PriceBand.BelowFloor ? BelowFloor : AboveCeiling;
            var units = (value > FairnessValueCap ? FairnessValueCap : decimal.Floor(value)) + 1m;
            var valueWeight = weight * units;
            FairnessCountWeight += weight;
            FairnessValueWeight += valueWeight;
            FairnessSums[category] += valueWeight * (score - ScoringParameters.NeutralScore);
            FairnessCounts[category]++;
        }

        private void AddConduct(ProcurementTactics tactics, long weight)
        {
            AutonomyWeight += weight;
            AutonomyBase += weight * ScoringParameters.NeutralScore;
            if (tactics == ProcurementTactics.None)
            {
                AutonomyCleanCount++;
                return;
            }

            var penalty = ExchangeTerms.TacticPenalty(tactics, parameters);
            var scale = penalty > 100.0 ? 100.0 / penalty : 1.0;
            var penalties = parameters.TacticPenalties;
            for (var bit = 0; bit < ExchangeTerms.TacticCount; bit++)
            {
                if (((int)tactics & (1 << bit)) != 0)
                {
                    TacticSums[bit] += weight * (long)Math.Round(penalties[bit] * scale * ScoringParameters.ScoreUnit);
                    TacticCounts[bit]++;
                }
            }
        }

        private void AddWin(OpportunityFacts deal, long weight, DateTime reference, double ageDays, decimal value)
        {
            WonWeight += weight;
            WonCount++;
            var ticks = reference > asOf ? asOf.Ticks : reference.Ticks;
            if (ticks > LastWinTicks)
            {
                LastWinTicks = ticks;
            }

            if (ageDays <= DaysPerYear)
            {
                RecentRevenue += value;
                var margin = deal.SellerMarginPercent;
                if (margin.HasValue)
                {
                    var clamped = margin.Value < -100m ? -100m : margin.Value > 100m ? 100m : margin.Value;
                    AnnualMargin += value * Math.Round(clamped, 2, MidpointRounding.AwayFromZero) / 100m;
                }
            }
            else if (ageDays <= 2 * DaysPerYear)
            {
                PriorRevenue += value;
            }

            if (deal.DeliveredAsPromised.HasValue)
            {
                PromiseWeight += weight;
                if (deal.DeliveredAsPromised.Value)
                {
                    PromisesKept += weight;
                    PromisesKeptCount++;
                }
                else
                {
                    PromisesBroken += weight;
                    PromisesBrokenCount++;
                }
            }

            if (deal.PaymentDelayDays.HasValue)
            {
                var late = (long)deal.PaymentDelayDays.Value - parameters.PaymentGraceDays;
                var score = late <= 0 ? 100.0 : 100.0 - (late * parameters.PaymentPenaltyPerDay);
                var quantised = ExchangeTerms.Quantise(score);
                PaymentWeight += weight;
                if (late <= 0)
                {
                    PaidOnTimeSum += weight * (quantised - ScoringParameters.NeutralScore);
                    PaidOnTimeCount++;
                }
                else
                {
                    PaidLateSum += weight * (quantised - ScoringParameters.NeutralScore);
                    PaidLateCount++;
                }
            }
        }
    }
}
