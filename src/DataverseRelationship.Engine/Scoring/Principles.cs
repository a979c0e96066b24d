using System;
using System.Collections.Generic;
using System.Globalization;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>
/// The five principles, each a rate over the recorded evidence (weighted by value and recency), measured against
/// the ideal of 100. More deals of the same conduct give the same score; a principle whose evidence is below the
/// policy's minimum is unknown (null), and its explanation says what is missing.
/// </summary>
internal static class Principles
{
    private const decimal Ideal = 100m;

    public static ScoreExplanation Reciprocity(LedgerReading reading, RelationshipPolicy policy)
    {
        var raw = reading.Raw;
        var deals = Count(raw[DealSums.ExchangeDeals]);
        if (deals < policy.Evidence.MinimumReciprocityDeals)
        {
            return Unknown(ScoreKind.Reciprocity, Missing(raw, DealSums.MissingExchange, "no recorded exchange (commitments and concessions or discount, with a value)", deals, policy.Evidence.MinimumReciprocityDeals));
        }

        var d = reading.Decayed;
        var give = d[DealSums.Give];
        var get = d[DealSums.Get];
        var balance = DataverseRelationship.Engine.Deals.ExchangeTerms.Balance(give, get, d[DealSums.ExchangeValue], policy.Reciprocity);
        var value = ScoreArithmetic.Score(Ideal * balance);
        var factors = new List<Factor>(2);
        var facts = "concessions worth " + ExplanationText.Money(give) + " against commitments worth "
            + ExplanationText.Money(get) + " (recency-weighted) on " + DealsText(deals);
        if (give > get)
        {
            var unreciprocated = Count(raw[DealSums.UnreciprocatedDeals]);
            factors.Add(new Factor(ReasonCodes.UnreciprocatedConcessions, value - Ideal, unreciprocated,
                "customer did not reciprocate: " + facts + (unreciprocated > 0 ? ", " + DealsText(unreciprocated) + " without any commitment" : string.Empty), Party.Customer));
        }
        else if (get > give)
        {
            factors.Add(new Factor(ReasonCodes.CustomerOverCommitted, value - Ideal, deals, "seller did not reciprocate: " + facts, Party.Seller));
        }
        else
        {
            factors.Add(new Factor(ReasonCodes.ReciprocatedExchange, 0m, deals, "balanced: " + facts));
        }

        AddMissing(factors, raw, DealSums.MissingExchange, "no recorded exchange");
        return new ScoreExplanation(ScoreKind.Reciprocity, value, Ideal, factors);
    }

    public static ScoreExplanation Autonomy(LedgerReading reading, RelationshipPolicy policy)
    {
        var raw = reading.Raw;
        var deals = Count(raw[DealSums.ConductDeals]);
        if (deals < policy.Evidence.MinimumAutonomyDeals)
        {
            return Unknown(ScoreKind.Autonomy, Missing(raw, DealSums.MissingConduct, "no recorded conduct (customer games or seller conduct, including None)", deals, policy.Evidence.MinimumAutonomyDeals));
        }

        var d = reading.Decayed;
        var units = d[DealSums.ConductUnits];
        var customer = Share(d[DealSums.CustomerPenaltyUnits], units);
        var seller = Share(d[DealSums.SellerRiskUnits], units);
        var value = ScoreArithmetic.Score(Ideal * (1m - customer - seller));
        var factors = new List<Factor>(3);
        var games = Count(raw[DealSums.GameDeals]);
        if (games > 0)
        {
            factors.Add(new Factor(ReasonCodes.CustomerGames, ScoreArithmetic.Round(-Ideal * customer), games,
                "customer power plays on " + Number(games) + " of " + DealsText(deals) + " with recorded conduct (" + TacticList(raw) + ")", Party.Customer));
        }

        var shifts = Count(raw[DealSums.SellerFlagCounts + 2]);
        if (shifts > 0)
        {
            factors.Add(new Factor(ReasonCodes.SellerRiskShift, ScoreArithmetic.Round(-Ideal * seller), shifts,
                "seller shifted a known risk onto the customer on " + DealsText(shifts), Party.Seller));
        }

        if (games == 0 && shifts == 0)
        {
            factors.Add(new Factor(ReasonCodes.NoPowerPlay, 0m, deals, "no power play recorded on " + DealsText(deals) + " with recorded conduct"));
        }

        AddMissing(factors, raw, DealSums.MissingConduct, "no recorded conduct");
        return Reconciled(ScoreKind.Autonomy, value, factors);
    }

    public static ScoreExplanation Integrity(LedgerReading reading, RelationshipPolicy policy)
    {
        var raw = reading.Raw;
        var d = reading.Decayed;
        var weights = policy.Integrity;
        var parts = new List<Part>(4);

        // Discount consistency: dispersion of discounts within each size band that has two or more.
        var bandItems = 0;
        var bandWeight = 0m;
        var bandRate = 0m;
        decimal deviation = 0m;
        for (var band = 0; band < 3; band++)
        {
            var n = Count(raw[DealSums.DiscountCount + band]);
            var weight = d[DealSums.DiscountCount + band];
            if (n < 2 || weight <= 0m)
            {
                continue;
            }

            var mean = d[DealSums.DiscountSum + band] / weight;
            var variance = (d[DealSums.DiscountSquares + band] / weight) - (mean * mean);
            var sigma = variance <= 0m ? 0m : (decimal)Math.Sqrt((double)variance);
            var rate = 1m - (sigma * weights.DispersionPenaltyPerPoint / 100m);
            bandRate += weight * (rate < 0m ? 0m : rate);
            bandWeight += weight;
            deviation += weight * sigma;
            bandItems += n;
        }

        if (bandItems > 0)
        {
            parts.Add(new Part(ReasonCodes.DiscountConsistency, weights.DiscountConsistencyWeight, bandRate / bandWeight, bandItems,
                "seller's discounts vary by " + ExplanationText.Number(Math.Round(deviation / bandWeight, 1)) + " points within size bands (" + DealsText(bandItems) + ")", Party.Seller));
        }

        var promises = Count(raw[DealSums.PromiseDeals]);
        if (promises > 0)
        {
            var broken = Count(raw[DealSums.BrokenPromiseDeals]);
            parts.Add(new Part(broken > 0 ? ReasonCodes.PromisesBroken : ReasonCodes.PromisesKept, weights.PromisesKeptWeight,
                Share(d[DealSums.PromiseKeptUnits], d[DealSums.PromiseUnits]), promises,
                broken > 0 ? "seller did not deliver as promised on " + Number(broken) + " of " + DealsText(promises) : "seller delivered as promised on " + DealsText(promises), Party.Seller));
        }

        var sellerDeals = Count(raw[DealSums.SellerDeals]);
        if (sellerDeals > 0)
        {
            var over = Count(raw[DealSums.SellerFlagCounts]);
            var changed = Count(raw[DealSums.SellerFlagCounts + 1]);
            parts.Add(new Part(ReasonCodes.SellerTerms, weights.SellerTermsWeight, 1m - Share(d[DealSums.SellerTermsPenaltyUnits], d[DealSums.SellerUnits]), sellerDeals,
                over + changed == 0 ? "seller kept its terms on " + DealsText(sellerDeals) : "seller over-promised on " + DealsText(over) + ", changed prices during a contract on " + DealsText(changed) + " (of " + DealsText(sellerDeals) + ")", Party.Seller));
        }

        var payments = Count(raw[DealSums.PaymentDeals]);
        if (payments > 0)
        {
            var late = Count(raw[DealSums.LatePaymentDeals]);
            parts.Add(new Part(late > 0 ? ReasonCodes.PaidLate : ReasonCodes.PaidOnTime, weights.PaymentsOnTimeWeight,
                Share(d[DealSums.PaymentScoreUnits], d[DealSums.PaymentUnits]), payments,
                late > 0 ? "customer paid late on " + Number(late) + " of " + DealsText(payments) : "customer paid on time on " + DealsText(payments), Party.Customer));
        }

        var items = 0;
        var weightSum = 0m;
        foreach (var part in parts)
        {
            items += part.Items;
            weightSum += part.Weight;
        }

        if (items < policy.Evidence.MinimumIntegrityItems || weightSum <= 0m)
        {
            return Unknown(ScoreKind.Integrity, new Factor(ReasonCodes.MissingEvidence, 0m, items,
                DealsText(items) + " with recorded discounts, deliveries, seller terms or payments (" + Number(policy.Evidence.MinimumIntegrityItems) + " needed)"));
        }

        return Weighted(ScoreKind.Integrity, parts, weightSum, Array.Empty<Factor>());
    }

    public static ScoreExplanation Loyalty(LedgerReading reading, AccountFacts account, DateTime asOf, RelationshipPolicy policy)
    {
        var raw = reading.Raw;
        var d = reading.Decayed;
        var weights = policy.Loyalty;
        var parts = new List<Part>(5);
        var months = RelationshipMonths(account, asOf);
        parts.Add(new Part(ReasonCodes.Tenure, weights.TenureWeight, Math.Min(1m, months / weights.TenureSaturationMonths),
            "relationship of " + Number(Math.Round(months, 0)) + " months (" + Number(weights.TenureSaturationMonths) + " give full tenure)", Party.Relationship));

        // The year up to the as-of instant against the year before, as the churn signals compare them
        // (LedgerReading.WonInYear): calendar months 0–11 would hold the as-of month only as far as it has gone.
        var recent = reading.WonInYear(0);
        var prior = reading.WonInYear(1);
        if (prior > 0m)
        {
            parts.Add(new Part(ReasonCodes.Retention, weights.RetentionWeight, Math.Min(1m, recent / prior),
                "won " + ExplanationText.Money(recent) + " in the last 12 months against " + ExplanationText.Money(prior) + " the 12 months before", Party.Relationship));
        }

        var quarters = (int)Math.Min(LedgerReading.StabilityQuarters, Math.Floor(months / 3m));
        if (quarters >= 4 && reading.WonBetween(0, quarters * 3) > 0m)
        {
            // In double: squared money sums can exceed decimal's range; the coefficient of variation is a ratio.
            var values = new double[quarters];
            var mean = 0.0;
            for (var q = 0; q < quarters; q++)
            {
                values[q] = (double)reading.WonBetween(q * 3, (q + 1) * 3);
                mean += values[q] / quarters;
            }

            var variance = 0.0;
            foreach (var v in values)
            {
                variance += (v - mean) * (v - mean) / quarters;
            }

            var cv = ScoreArithmetic.FromDouble(Math.Sqrt(variance) / mean);
            parts.Add(new Part(ReasonCodes.Stability, weights.StabilityWeight, 1m / (1m + cv),
                "quarterly won value varies by " + ExplanationText.Percent(cv) + " of its mean over " + Number(quarters) + " quarters", Party.Relationship));
        }

        var shared = SharedInvestment(account, d, raw, asOf, policy);
        if (shared != null)
        {
            parts.Add(shared);
        }

        if (d[DealSums.OutcomeEvidenceValue] > 0m)
        {
            var oneSided = Share(d[DealSums.OneSidedValue], d[DealSums.OutcomeEvidenceValue]);
            parts.Add(new Part(ReasonCodes.OneSidedOutcomes, weights.BalancedOutcomesWeight, 1m - oneSided,
                ExplanationText.Percent(oneSided) + " of won value priced outside the fair band or exchanged one-sidedly", Party.Relationship));
        }

        // Won business is won value: a deal marked won with no value recorded is not evidence of retained business.
        var wonBusiness = raw[DealSums.WonValue] > 0m;
        var weightSum = 0m;
        foreach (var part in parts)
        {
            weightSum += part.Weight;
        }

        if (!wonBusiness || parts.Count < policy.Evidence.MinimumLoyaltyComponents || weightSum <= 0m)
        {
            return Unknown(ScoreKind.Loyalty, new Factor(ReasonCodes.MissingEvidence, 0m, parts.Count,
                (!wonBusiness ? "no won business of known value in the window; " : string.Empty) + Number(parts.Count) + " of 5 loyalty components known ("
                + Number(policy.Evidence.MinimumLoyaltyComponents) + " needed)"));
        }

        return Weighted(ScoreKind.Loyalty, parts, weightSum, Array.Empty<Factor>());
    }

    public static ScoreExplanation Fairness(LedgerReading reading, RelationshipPolicy policy)
    {
        var raw = reading.Raw;
        var deals = Count(raw[DealSums.PricedDeals]);
        if (deals < policy.Evidence.MinimumFairnessDeals)
        {
            return Unknown(ScoreKind.Fairness, Missing(raw, DealSums.MissingMargin, "no margin", deals, policy.Evidence.MinimumFairnessDeals));
        }

        var d = reading.Decayed;
        var units = d[DealSums.PricedUnits];
        var below = Share(d[DealSums.BelowFloorDeficitUnits], units);
        var above = Share(d[DealSums.AboveCeilingDeficitUnits], units);
        var value = ScoreArithmetic.Score(Ideal * (1m - below - above));
        var factors = new List<Factor>(3);
        var fairness = policy.Fairness;
        var belowDeals = Count(raw[DealSums.BelowFloorDeals]);
        var aboveDeals = Count(raw[DealSums.AboveCeilingDeals]);
        if (belowDeals > 0)
        {
            factors.Add(new Factor(ReasonCodes.PricedBelowFloor, ScoreArithmetic.Round(-Ideal * below), belowDeals,
                "customer squeezed the margin below the " + Number(fairness.MarginFloorPercent) + "% floor on " + Number(belowDeals) + " of " + DealsText(deals), Party.Customer));
        }

        if (aboveDeals > 0)
        {
            factors.Add(new Factor(ReasonCodes.PricedAboveCeiling, ScoreArithmetic.Round(-Ideal * above), aboveDeals,
                "seller priced above the " + Number(fairness.MarginCeilingPercent) + "% margin ceiling on " + Number(aboveDeals) + " of " + DealsText(deals), Party.Seller));
        }

        if (belowDeals + aboveDeals == 0)
        {
            factors.Add(new Factor(ReasonCodes.PricedFairly, 0m, deals, DealsText(deals) + " priced inside the fair margin band"));
        }

        AddMissing(factors, raw, DealSums.MissingMargin, "no margin");
        return Reconciled(ScoreKind.Fairness, value, factors);
    }

    /// <summary>Months since the relationship started (account creation when unknown), never negative.</summary>
    public static decimal RelationshipMonths(AccountFacts account, DateTime asOf)
    {
        var since = account.RelationshipSince ?? account.CreatedOn;
        return since >= asOf ? 0m : Math.Round((decimal)((asOf - since).TotalDays / 30.436875), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Months since the joint plan was reviewed, rounded as printed; null without a reviewed plan.</summary>
    public static decimal? JointPlanAgeMonths(AccountFacts account, DateTime asOf)
    {
        if (account.HasJointAccountPlan != true || !account.JointPlanReviewedOn.HasValue)
        {
            return null;
        }

        var reviewed = account.JointPlanReviewedOn.Value;
        return reviewed >= asOf ? 0m : Math.Round((decimal)((asOf - reviewed).TotalDays / 30.436875), 1, MidpointRounding.AwayFromZero);
    }

    private static Part? SharedInvestment(AccountFacts account, DealSums decayed, DealSums raw, DateTime asOf, RelationshipPolicy policy)
    {
        var known = 0;
        var sum = 0m;
        var words = new List<string>(4);
        void Item(bool? fact, string yes, string no)
        {
            if (!fact.HasValue)
            {
                return;
            }

            known++;
            sum += fact.Value ? 1m : 0m;
            words.Add(fact.Value ? yes : no);
        }

        Item(account.HasCustomerSponsor, "a customer sponsor", "no customer sponsor");
        Item(account.HasSellerSponsor, "a seller sponsor", "no seller sponsor");
        if (account.HasJointAccountPlan.HasValue)
        {
            var age = JointPlanAgeMonths(account, asOf);
            var current = age.HasValue && age.Value <= policy.Tiers.StrategicPartner.JointPlanMaxAgeMonths;
            known++;
            sum += current ? 1m : account.HasJointAccountPlan.Value ? 0.5m : 0m;
            words.Add(current ? "a current joint plan" : account.HasJointAccountPlan.Value ? "a joint plan overdue for review" : "no joint plan");
        }

        if (raw[DealSums.ExchangeDeals] > 0m)
        {
            known++;
            sum += decayed[DealSums.JointInvestmentDeals] > 0m ? 1m : 0m;
            words.Add(raw[DealSums.JointInvestmentDeals] > 0m ? "joint investment on " + DealsText(Count(raw[DealSums.JointInvestmentDeals])) : "no joint investment");
        }

        return known == 0 ? null : new Part(ReasonCodes.SharedInvestment, policy.Loyalty.SharedInvestmentWeight, sum / known, "shared investment: " + string.Join(", ", words), Party.Relationship);
    }

    /// <summary>One component of a principle: its weight, its rate (0–1) and the facts behind it.</summary>
    internal sealed class Part
    {
        public Part(string code, decimal weight, decimal rate, int items, string facts, Party party)
        {
            Code = code;
            Weight = weight;
            Rate = rate;
            Items = items;
            Facts = facts;
            Party = party;
        }

        public Part(string code, decimal weight, decimal rate, string facts, Party party)
            : this(code, weight, rate, 0, facts, party)
        {
        }

        public string Code { get; }

        public decimal Weight { get; }

        public decimal Rate { get; }

        public int Items { get; }

        public string Facts { get; }

        public Party Party { get; }
    }

    internal static ScoreExplanation Unknown(ScoreKind kind, Factor missing) => new ScoreExplanation(kind, null, Ideal, new[] { missing });

    private static Factor Missing(DealSums raw, int missingIndex, string what, int have, int needed) =>
        new Factor(ReasonCodes.MissingEvidence, 0m, have, what + " on " + Number(Count(raw[missingIndex])) + " of " + DealsText(Count(raw[DealSums.Deals]))
            + " in the window; " + Number(have) + " with evidence, " + Number(needed) + " needed");

    private static void AddMissing(List<Factor> factors, DealSums raw, int missingIndex, string what)
    {
        var missing = Count(raw[missingIndex]);
        if (missing > 0)
        {
            factors.Add(new Factor(ReasonCodes.MissingEvidence, 0m, missing, what + " on " + Number(missing) + " of " + DealsText(Count(raw[DealSums.Deals]))));
        }
    }

    /// <summary>
    /// The weighted mean of <paramref name="parts"/> (weights summing to <paramref name="weightSum"/>) against the
    /// ideal, each part a factor of −100 × weight × (1 − rate) / Σ weights, then the <paramref name="missing"/> facts.
    /// </summary>
    internal static ScoreExplanation Weighted(ScoreKind kind, IReadOnlyList<Part> parts, decimal weightSum, IEnumerable<Factor> missing)
    {
        var total = 0m;
        var factors = new List<Factor>(parts.Count + 2);
        foreach (var part in parts)
        {
            total += part.Weight * part.Rate;
            factors.Add(new Factor(part.Code, ScoreArithmetic.Round(-Ideal * part.Weight * (1m - part.Rate) / weightSum), part.Items, part.Facts, part.Party));
        }

        factors.AddRange(missing);
        return Reconciled(kind, ScoreArithmetic.Score(Ideal * total / weightSum), factors);
    }

    /// <summary>The factors with the rounding remainder folded into the largest, so they add up to value − 100.</summary>
    internal static ScoreExplanation Reconciled(ScoreKind kind, decimal value, List<Factor> factors)
    {
        var explained = 0m;
        var largest = -1;
        for (var i = 0; i < factors.Count; i++)
        {
            explained += factors[i].Contribution;
            if (!factors[i].IsMissingEvidence && (largest < 0 || Math.Abs(factors[i].Contribution) > Math.Abs(factors[largest].Contribution)))
            {
                largest = i;
            }
        }

        var remainder = value - Ideal - explained;
        if (remainder != 0m && largest >= 0)
        {
            var f = factors[largest];
            factors[largest] = new Factor(f.Code, f.Contribution + remainder, f.Count, f.Facts, f.Party);
        }

        return new ScoreExplanation(kind, value, Ideal, factors);
    }

    private static string TacticList(DealSums raw)
    {
        var parts = new List<string>(7);
        for (var bit = 0; bit < DataverseRelationship.Engine.Deals.ExchangeTerms.TacticCount; bit++)
        {
            var count = Count(raw[DealSums.TacticCounts + bit]);
            if (count > 0)
            {
                parts.Add(TacticWords(bit) + " ×" + Number(count));
            }
        }

        return string.Join(", ", parts);
    }

    internal static string TacticWords(int bit) => bit switch
    {
        0 => "reverse auction",
        1 => "price benchmarking during the contract",
        2 => "renegotiation long before expiry",
        3 => "discount demanded after award",
        4 => "payments withheld",
        5 => "risk transferred unilaterally",
        _ => "one-sided concessions demanded",
    };

    internal static decimal Share(decimal part, decimal whole) => whole <= 0m ? 0m : part / whole;

    internal static int Count(decimal value) => (int)Math.Round(value, 0, MidpointRounding.AwayFromZero);

    internal static string DealsText(int count) => ExplanationText.Count(count, "deal", "deals");

    internal static string Number(decimal value) => ExplanationText.Number(value);

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
