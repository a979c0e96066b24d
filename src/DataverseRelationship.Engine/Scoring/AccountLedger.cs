using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>
/// An account's evidence as sums per calendar month. Every account-level quantity of the model is read from these
/// sums, so a save can take one deal's old contribution out and put its new one in (<see cref="Remove"/>,
/// <see cref="Add(OpportunityFacts, RelationshipPolicy)"/>) without reading the account's other deals; ageing is a weight per month applied when the
/// ledger is read, and the window drops whole months. Built from scratch or incrementally, the sums are equal.
/// </summary>
public sealed class AccountLedger
{
    private readonly SortedDictionary<int, DealSums> _months = new SortedDictionary<int, DealSums>();

    /// <summary>One deal's contribution, reused from deal to deal (a ledger is not shared between threads).</summary>
    private readonly DealSums _scratch = new DealSums();

    /// <summary>A ledger of <paramref name="deals"/> (null entries are skipped).</summary>
    public static AccountLedger Of(IEnumerable<OpportunityFacts?>? deals, RelationshipPolicy policy)
    {
        var ledger = new AccountLedger();
        if (deals != null)
        {
            foreach (var deal in deals)
            {
                if (deal != null)
                {
                    ledger.Add(deal, policy);
                }
            }
        }

        return ledger;
    }

    /// <summary>Adds one deal's contribution.</summary>
    public void Add(OpportunityFacts deal, RelationshipPolicy policy) => Apply(deal, policy, 1m);

    /// <summary>Takes one deal's contribution out again (the deal as it was when it was added).</summary>
    public void Remove(OpportunityFacts deal, RelationshipPolicy policy) => Apply(deal, policy, -1m);

    private void Apply(OpportunityFacts deal, RelationshipPolicy policy, decimal factor)
    {
        DealContribution.Fill(_scratch, deal, policy);
        Apply(DealContribution.MonthOf(deal), _scratch, factor);
    }

    /// <summary>Adds <paramref name="factor"/> × <paramref name="sums"/> to the month's bucket; an emptied month is dropped.</summary>
    public void Apply(int month, DealSums sums, decimal factor)
    {
        Argument.NotNull(sums, nameof(sums));
        if (!_months.TryGetValue(month, out var bucket))
        {
            bucket = new DealSums();
            _months.Add(month, bucket);
        }

        bucket.Add(sums, factor);
        if (bucket.IsEmpty)
        {
            _months.Remove(month);
        }
    }

    /// <summary>
    /// Adds a month's sums read from a stored ledger, keeping the instance when the month is new (what
    /// <see cref="Apply(int, DealSums, decimal)"/> with factor 1 gives, without copying 64 sums into a fresh bucket).
    /// </summary>
    internal void Take(int month, DealSums sums)
    {
        if (_months.ContainsKey(month) || sums.IsEmpty)
        {
            Apply(month, sums, 1m);
            return;
        }

        _months.Add(month, sums);
    }

    /// <summary>Adds <paramref name="factor"/> × every month of <paramref name="other"/> (a save's difference, or a ledger taken out).</summary>
    public void Add(AccountLedger other, decimal factor)
    {
        Argument.NotNull(other, nameof(other));
        foreach (var month in other._months)
        {
            Apply(month.Key, month.Value, factor);
        }
    }

    /// <summary>
    /// When the sums were last rebuilt from every one of the account's deals (the ground truth); null when never. Not a
    /// sum: <see cref="SameAs"/> ignores it.
    /// </summary>
    public DateTime? RebuiltOn { get; set; }

    /// <summary>True when no month holds anything (no deal, or every deal taken out again).</summary>
    public bool IsEmpty => _months.Count == 0;

    /// <summary>How many months hold sums (what a stored ledger's size grows with: months, never deals).</summary>
    public int MonthCount => _months.Count;

    /// <summary>The sums of one month, when it holds any.</summary>
    internal bool TryGetMonth(int month, out DealSums sums) => _months.TryGetValue(month, out sums!);

    /// <summary>The months that hold sums, oldest first (for writing the ledger down).</summary>
    internal IEnumerable<KeyValuePair<int, DealSums>> Buckets => _months;

    /// <summary>Whether both ledgers hold exactly the same sums in the same months.</summary>
    public bool SameAs(AccountLedger other)
    {
        Argument.NotNull(other, nameof(other));
        if (_months.Count != other._months.Count)
        {
            return false;
        }

        foreach (var month in _months)
        {
            if (!other._months.TryGetValue(month.Key, out var theirs) || !month.Value.SameAs(theirs))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ledger read at <paramref name="asOf"/>: the window's sums, decayed and raw.</summary>
    public LedgerReading Read(DateTime asOf, RelationshipPolicy policy)
    {
        Argument.NotNull(policy, nameof(policy));
        var now = DealContribution.MonthIndex(asOf);
        // The oldest month decides how many ages the reading keeps (at most 241: ages beyond are never read).
        var oldestAge = 0;
        foreach (var month in _months)
        {
            oldestAge = now - month.Key;
            break;
        }

        var reading = new LedgerReading(oldestAge < 0 ? 1 : Math.Min(oldestAge, LedgerReading.OldestAge) + 1, MonthElapsed(asOf));
        var halfLife = (double)policy.Scoring.HalfLifeMonths;
        foreach (var month in _months)
        {
            var age = now - month.Key;
            if (age < 0)
            {
                age = 0;
            }

            reading.AddMonth(age, month.Value, age < policy.Scoring.WindowMonths, Math.Pow(2.0, -age / halfLife));
        }

        reading.Complete();
        return reading;
    }

    /// <summary>The share of <paramref name="asOf"/>'s calendar month that has gone by (0 at its first midnight).</summary>
    private static decimal MonthElapsed(DateTime asOf)
    {
        var start = new DateTime(asOf.Year, asOf.Month, 1, 0, 0, 0, asOf.Kind);
        return (decimal)((asOf - start).TotalDays / DateTime.DaysInMonth(asOf.Year, asOf.Month));
    }
}

/// <summary>An account ledger read at one instant.</summary>
public sealed class LedgerReading
{
    /// <summary>Quarters of won value kept for the stability of the relationship's value.</summary>
    public const int StabilityQuarters = 8;

    /// <summary>The oldest age in months whose won and lost value a reading keeps.</summary>
    internal const int OldestAge = 240;

    private readonly decimal[] _wonByAge;
    private readonly decimal[] _lostByAge;
    private readonly decimal _monthElapsed;

    /// <summary>
    /// The decayed sums while months are added, in binary floating point: a weight 2^−age/half-life has no exact
    /// decimal form anyway, and 64 sums × every month of the window in decimal arithmetic cost more than the rest of
    /// the assessment. <see cref="Complete"/> hands them over to <see cref="Decayed"/> (15 significant digits).
    /// </summary>
    private readonly double[] _decayed = new double[DealSums.Count];

    /// <summary>
    /// A reading that keeps the won and lost value of ages 0 to <paramref name="ages"/> − 1 (older ones read as zero),
    /// taken when <paramref name="monthElapsed"/> of the instant's calendar month had gone by.
    /// </summary>
    internal LedgerReading(int ages, decimal monthElapsed)
    {
        _monthElapsed = monthElapsed;
        _wonByAge = new decimal[ages];
        _lostByAge = new decimal[ages];
    }

    /// <summary>The window's sums, each month weighted by its age (2^−age/half-life).</summary>
    public DealSums Decayed { get; } = new DealSums();

    /// <summary>The window's sums as recorded (counts of evidence).</summary>
    public DealSums Raw { get; } = new DealSums();

    /// <summary>
    /// Age in months of the newest month with a deal of known value in the window; null when there is none (a deal
    /// without a value says nothing about how much the customer buys).
    /// </summary>
    public int? NewestDealAge { get; private set; }

    /// <summary>Won value with a recorded margin in the last 12 calendar months (the lifetime value's base).</summary>
    public decimal WonValueWithMarginLastYear { get; private set; }

    /// <summary>The margin won in the last 12 calendar months, capped at the fair ceiling.</summary>
    public decimal WonMarginLastYear { get; private set; }

    /// <summary>Won value of the deals that closed within the last <paramref name="months"/> calendar months.</summary>
    public decimal WonWithin(int months) => SumAges(_wonByAge, 0, months);

    /// <summary>Won value between <paramref name="fromAge"/> (inclusive) and <paramref name="toAge"/> (exclusive) months ago.</summary>
    public decimal WonBetween(int fromAge, int toAge) => SumAges(_wonByAge, fromAge, toAge);

    /// <summary>Lost value between two ages in months.</summary>
    public decimal LostBetween(int fromAge, int toAge) => SumAges(_lostByAge, fromAge, toAge);

    /// <summary>
    /// Won value in the year up to the reading's instant (<paramref name="yearsBack"/> 0) or the year before it (1),
    /// from calendar months: the month at each end of the year counts by the share of it inside the year, as if its
    /// deals were spread evenly over it. Calendar months 0–11 would not do: they hold the instant's month only as far
    /// as it has gone (on its first day, nothing) against a whole year before.
    /// </summary>
    public decimal WonInYear(int yearsBack) => InYear(_wonByAge, yearsBack, _monthElapsed);

    /// <summary>Lost value in the same year as <see cref="WonInYear"/>.</summary>
    public decimal LostInYear(int yearsBack) => InYear(_lostByAge, yearsBack, _monthElapsed);

    internal void AddMonth(int age, DealSums sums, bool inWindow, double weight)
    {
        if (age < _wonByAge.Length)
        {
            _wonByAge[age] += sums[DealSums.WonValue];
            _lostByAge[age] += sums[DealSums.LostValue];
        }

        if (age < 12)
        {
            WonValueWithMarginLastYear += sums[DealSums.WonValueWithMargin];
            WonMarginLastYear += sums[DealSums.WonMarginValue];
        }

        if (!inWindow)
        {
            return;
        }

        for (var i = 0; i < DealSums.Count; i++)
        {
            var value = sums[i];
            if (value != 0m)
            {
                _decayed[i] += (double)value * weight;
            }
        }

        Raw.Add(sums, 1m);
        if (sums[DealSums.Deals] > sums[DealSums.MissingValue] && (!NewestDealAge.HasValue || age < NewestDealAge.Value))
        {
            NewestDealAge = age;
        }
    }

    /// <summary>Sets <see cref="Decayed"/> from the months added (called once, after the last).</summary>
    internal void Complete()
    {
        for (var i = 0; i < DealSums.Count; i++)
        {
            if (_decayed[i] != 0.0)
            {
                Decayed[i] = (decimal)_decayed[i];
            }
        }
    }

    private static decimal InYear(decimal[] byAge, int yearsBack, decimal monthElapsed)
    {
        // Year k spans ages 12k to 12k + 12: the newest end is the instant itself (k = 0: the as-of month so far,
        // whole) or the part of age 12k before it (the elapsed share); the oldest end is the rest of age 12k + 12.
        var newest = 12 * yearsBack;
        var newestShare = yearsBack == 0 ? 1m : monthElapsed;
        return (newestShare * SumAges(byAge, newest, newest + 1)) + SumAges(byAge, newest + 1, newest + 12) + ((1m - monthElapsed) * SumAges(byAge, newest + 12, newest + 13));
    }

    private static decimal SumAges(decimal[] byAge, int from, int to)
    {
        var total = 0m;
        for (var age = from < 0 ? 0 : from; age < to && age < byAge.Length; age++)
        {
            total += byAge[age];
        }

        return total;
    }
}
