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

    /// <summary>
    /// The months of the stored text this ledger was read from that no change has touched, kept as read (their sums
    /// are read from there; a month a change touches moves into <see cref="_months"/>); null when not read from text.
    /// </summary>
    private StoredMonths? _stored;

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
            bucket = TakeStored(month) ?? new DealSums();
            _months.Add(month, bucket);
        }

        bucket.Add(sums, factor);
        if (bucket.IsEmpty)
        {
            _months.Remove(month);
        }
    }

    /// <summary>A ledger of the months read from a stored text (in month order, none empty).</summary>
    internal static AccountLedger FromStored(StoredMonths stored, DateTime? rebuiltOn) =>
        new AccountLedger { _stored = stored, RebuiltOn = rebuiltOn };

    /// <summary>A stored month taken out as full sums, when the text held it and no change has touched it yet.</summary>
    private DealSums? TakeStored(int month)
    {
        var position = _stored?.Find(month) ?? -1;
        return position < 0 ? null : _stored!.Take(position);
    }

    /// <summary>Every stored month taken out (for what needs each month's full sums: writing, comparing).</summary>
    private SortedDictionary<int, DealSums> AllMonths()
    {
        if (_stored is { Live: > 0 } stored)
        {
            for (var position = 0; position < stored.Count; position++)
            {
                if (!stored.IsTaken(position))
                {
                    _months.Add(stored.MonthAt(position), stored.Take(position));
                }
            }
        }

        return _months;
    }

    /// <summary>Adds <paramref name="factor"/> × every month of <paramref name="other"/> (a save's difference, or a ledger taken out).</summary>
    public void Add(AccountLedger other, decimal factor)
    {
        Argument.NotNull(other, nameof(other));
        foreach (var month in other.AllMonths())
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
    public bool IsEmpty => _months.Count == 0 && (_stored?.Live ?? 0) == 0;

    /// <summary>How many months hold sums (what a stored ledger's size grows with: months, never deals).</summary>
    public int MonthCount => _months.Count + (_stored?.Live ?? 0);

    /// <summary>The sums of one month, when it holds any.</summary>
    internal bool TryGetMonth(int month, out DealSums sums)
    {
        if (_months.TryGetValue(month, out sums!))
        {
            return true;
        }

        if (TakeStored(month) is { } stored)
        {
            _months.Add(month, stored);
            sums = stored;
            return true;
        }

        return false;
    }

    /// <summary>The months that hold sums, oldest first (for writing the ledger down).</summary>
    internal IEnumerable<KeyValuePair<int, DealSums>> Buckets => AllMonths();

    /// <summary>Whether both ledgers hold exactly the same sums in the same months.</summary>
    public bool SameAs(AccountLedger other)
    {
        Argument.NotNull(other, nameof(other));
        var theirMonths = other.AllMonths();
        if (AllMonths().Count != theirMonths.Count)
        {
            return false;
        }

        foreach (var month in _months)
        {
            if (!theirMonths.TryGetValue(month.Key, out var theirs) || !month.Value.SameAs(theirs))
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
        var stored = _stored is { Live: > 0 } live ? live : null;
        var next = stored is null ? -1 : NextLive(stored, 0);

        // The oldest month decides how many ages the reading keeps (at most 241: ages beyond are never read).
        var oldest = next >= 0 ? stored!.MonthAt(next) : int.MaxValue;
        foreach (var month in _months)
        {
            oldest = Math.Min(oldest, month.Key);
            break;
        }

        var oldestAge = oldest == int.MaxValue ? 0 : now - oldest;
        var reading = new LedgerReading(oldestAge < 0 ? 1 : Math.Min(oldestAge, LedgerReading.OldestAge) + 1, MonthElapsed(asOf));
        var halfLife = (double)policy.Scoring.HalfLifeMonths;
        var window = policy.Scoring.WindowMonths;

        // Both sets of months in month order (they never hold the same month).
        foreach (var month in _months)
        {
            for (; next >= 0 && stored!.MonthAt(next) < month.Key; next = NextLive(stored, next + 1))
            {
                var storedAge = Age(now, stored.MonthAt(next));
                stored.AddTo(reading, next, storedAge, storedAge < window, Math.Pow(2.0, -storedAge / halfLife));
            }

            var age = Age(now, month.Key);
            reading.AddMonth(age, month.Value, age < window, Math.Pow(2.0, -age / halfLife));
        }

        for (; next >= 0; next = NextLive(stored!, next + 1))
        {
            var storedAge = Age(now, stored!.MonthAt(next));
            stored.AddTo(reading, next, storedAge, storedAge < window, Math.Pow(2.0, -storedAge / halfLife));
        }

        reading.Complete();
        return reading;
    }

    private static int Age(int now, int month) => now - month < 0 ? 0 : now - month;

    /// <summary>The first stored month at or after <paramref name="position"/> not taken out; −1 when none is left.</summary>
    private static int NextLive(StoredMonths stored, int position)
    {
        for (; position < stored.Count; position++)
        {
            if (!stored.IsTaken(position))
            {
                return position;
            }
        }

        return -1;
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

    /// <summary>
    /// <see cref="AddMonth(int, DealSums, bool, double)"/> for a month held as its sums that are not zero: entries
    /// <paramref name="start"/> to <paramref name="end"/> of <paramref name="indices"/> and <paramref name="values"/>
    /// (the same sums, the same arithmetic: an absent sum counts as the zero a full bucket holds).
    /// </summary>
    internal void AddMonth(int age, byte[] indices, decimal[] values, int start, int end, bool inWindow, double weight)
    {
        var won = DealSums.ZeroSum;
        var lost = DealSums.ZeroSum;
        var wonWithMargin = DealSums.ZeroSum;
        var wonMargin = DealSums.ZeroSum;
        var deals = DealSums.ZeroSum;
        var missingValue = DealSums.ZeroSum;
        for (var entry = start; entry < end; entry++)
        {
            var index = indices[entry];
            var value = values[entry];
            switch (index)
            {
                case DealSums.WonValue: won = value; break;
                case DealSums.LostValue: lost = value; break;
                case DealSums.WonValueWithMargin: wonWithMargin = value; break;
                case DealSums.WonMarginValue: wonMargin = value; break;
                case DealSums.Deals: deals = value; break;
                case DealSums.MissingValue: missingValue = value; break;
            }

            if (inWindow)
            {
                _decayed[index] += (double)value * weight;
                Raw[index] += value;
            }
        }

        if (age < _wonByAge.Length)
        {
            _wonByAge[age] += won;
            _lostByAge[age] += lost;
        }

        if (age < 12)
        {
            WonValueWithMarginLastYear += wonWithMargin;
            WonMarginLastYear += wonMargin;
        }

        if (inWindow && deals > missingValue && (!NewestDealAge.HasValue || age < NewestDealAge.Value))
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
