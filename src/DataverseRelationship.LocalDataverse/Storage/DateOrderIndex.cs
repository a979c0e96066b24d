using System;
using System.Collections.Generic;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>
/// The rows of a table that hold a date and time column, in the order of that column (ties in key order), either all
/// of them or grouped by the value of a lookup column: what a query filtered on a date range and ordered by the date
/// reads instead of testing and sorting every row (an account's score snapshots, newest first; the snapshots older
/// than the retention, oldest first). Rows without the date are not in it: a range condition never matches them.
/// </summary>
internal sealed class DateOrderIndex
{
    private static readonly IComparer<Entry> Order = Comparer<Entry>.Create((a, b) =>
    {
        var byDate = a.Ticks.CompareTo(b.Ticks);
        return byDate != 0 ? byDate : a.Id.CompareTo(b.Id);
    });

    private static readonly Guid LastKey = new("ffffffff-ffff-ffff-ffff-ffffffffffff");

    private readonly Dictionary<Guid, SortedSet<Entry>> _groups = new();

    private readonly SortedSet<Entry> _all = new(Order);

    public DateOrderIndex(string dateColumn, string? groupColumn)
    {
        DateColumn = dateColumn;
        GroupColumn = groupColumn;
    }

    /// <summary>The date and time column the rows are ordered by.</summary>
    public string DateColumn { get; }

    /// <summary>The lookup column whose value groups the rows; null for one group of every row.</summary>
    public string? GroupColumn { get; }

    /// <summary>
    /// The rows of the group <paramref name="group"/> (ignored without a group column) whose date lies between
    /// <paramref name="fromTicks"/> and <paramref name="toTicks"/> inclusive, oldest first or newest first; rows of
    /// one date come in key order either way (as a stable sort of key-ordered rows gives them).
    /// </summary>
    public IEnumerable<StoredRow> Between(Guid group, long fromTicks, long toTicks, bool newestFirst)
    {
        var rows = GroupColumn is null ? _all : _groups.GetValueOrDefault(group);
        if (rows is null || rows.Count == 0 || fromTicks > toTicks)
        {
            return [];
        }

        var view = rows.GetViewBetween(new Entry(fromTicks, Guid.Empty, null!), new Entry(toTicks, LastKey, null!));
        return newestFirst ? NewestFirst(view) : Rows(view);
    }

    public void Add(StoredRow row)
    {
        if (Key(row) is { } entry && Group(row, out var rows, create: true))
        {
            rows!.Add(entry);
        }
    }

    public void Remove(StoredRow row)
    {
        if (Key(row) is { } entry && Group(row, out var rows, create: false))
        {
            rows!.Remove(entry);
            if (rows.Count == 0 && GroupColumn is not null)
            {
                _groups.Remove(GroupOf(row)!.Value);
            }
        }
    }

    private static IEnumerable<StoredRow> Rows(SortedSet<Entry> view)
    {
        foreach (var entry in view)
        {
            yield return entry.Row;
        }
    }

    /// <summary>Newest date first; within one date, key order (the run of equal dates is turned back round).</summary>
    private static IEnumerable<StoredRow> NewestFirst(SortedSet<Entry> view)
    {
        var run = new List<StoredRow>();
        long? runTicks = null;
        foreach (var entry in view.Reverse())
        {
            if (runTicks != entry.Ticks)
            {
                for (var i = run.Count - 1; i >= 0; i--)
                {
                    yield return run[i];
                }

                run.Clear();
                runTicks = entry.Ticks;
            }

            run.Add(entry.Row);
        }

        for (var i = run.Count - 1; i >= 0; i--)
        {
            yield return run[i];
        }
    }

    private Entry? Key(StoredRow row) => row.GetStored(DateColumn) is DateTime date ? new Entry(date.Ticks, row.Id, row) : null;

    private Guid? GroupOf(StoredRow row) => TableStore.KeyOf(row.GetStored(GroupColumn!));

    private bool Group(StoredRow row, out SortedSet<Entry>? rows, bool create)
    {
        if (GroupColumn is null)
        {
            rows = _all;
            return true;
        }

        rows = null;
        if (GroupOf(row) is not { } group)
        {
            return false;
        }

        if (!_groups.TryGetValue(group, out rows) && create)
        {
            rows = new SortedSet<Entry>(Order);
            _groups[group] = rows;
        }

        return rows is not null;
    }

    /// <summary>A row's place in the order: its date's ticks, then its key (the row itself rides along).</summary>
    private readonly record struct Entry(long Ticks, Guid Id, StoredRow Row);
}
