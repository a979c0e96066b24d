using System;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>
/// The months of a stored ledger as they were read: per month only its sums that are not zero (index and value), in
/// month order, in a few shared arrays instead of 64 sums per month. A save reads every month of the account's ledger
/// and changes one or two: those are taken out into full <see cref="DealSums"/> (<see cref="Take"/>), the rest are
/// read from here. Not shared between threads (its ledger is not).
/// </summary>
internal sealed class StoredMonths
{
    private int[] _months = new int[16];

    /// <summary>Where each month's entries start; the entry after the last month's is <see cref="_entries"/>.</summary>
    private int[] _starts = new int[16];

    private bool[] _taken = new bool[16];

    private byte[] _indices;

    private decimal[] _values;

    private int _entries;

    /// <summary>Months read so far (taken ones included).</summary>
    private int _count;

    /// <summary>Sums that are set in the month being read (one bit per index: a sum written twice is a damaged line).</summary>
    private ulong _seen;

    public StoredMonths(int expectedEntries)
    {
        _indices = new byte[Math.Max(16, expectedEntries)];
        _values = new decimal[_indices.Length];
    }

    /// <summary>Months not taken out.</summary>
    public int Live { get; private set; }

    /// <summary>How many months were read.</summary>
    public int Count => _count;

    public int MonthAt(int position) => _months[position];

    public bool IsTaken(int position) => _taken[position];

    /// <summary>Starts the next month; false unless it comes after the last one (a ledger is written in month order).</summary>
    public bool BeginMonth(int month)
    {
        if (_count > 0 && month <= _months[_count - 1])
        {
            return false;
        }

        if (_count == _months.Length)
        {
            Array.Resize(ref _months, _count * 2);
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _taken, _count * 2);
        }

        _months[_count] = month;
        _starts[_count] = _entries;
        _count++;
        Live++;
        _seen = 0;
        return true;
    }

    /// <summary>Adds one sum of the month being read; false when the month already holds that sum.</summary>
    public bool Add(int index, decimal value)
    {
        var bit = 1UL << index;
        if ((_seen & bit) != 0)
        {
            return false;
        }

        _seen |= bit;
        if (_entries == _indices.Length)
        {
            Array.Resize(ref _indices, _entries * 2);
            Array.Resize(ref _values, _entries * 2);
        }

        _indices[_entries] = (byte)index;
        _values[_entries] = value;
        _entries++;
        return true;
    }

    /// <summary>The position of a month not taken out yet; −1 when there is none.</summary>
    public int Find(int month)
    {
        var position = Array.BinarySearch(_months, 0, _count, month);
        return position >= 0 && !_taken[position] ? position : -1;
    }

    /// <summary>Takes a month out as full sums (exactly what reading its line into fresh sums gives).</summary>
    public DealSums Take(int position)
    {
        var sums = new DealSums();
        for (var entry = _starts[position]; entry < End(position); entry++)
        {
            sums[_indices[entry]] = _values[entry];
        }

        _taken[position] = true;
        Live--;
        return sums;
    }

    /// <summary>Adds a month to a reading, as <see cref="LedgerReading.AddMonth(int, DealSums, bool, double)"/> would its full sums.</summary>
    public void AddTo(LedgerReading reading, int position, int age, bool inWindow, double weight) =>
        reading.AddMonth(age, _indices, _values, _starts[position], End(position), inWindow, weight);

    private int End(int position) => position + 1 < _count ? _starts[position + 1] : _entries;
}
