using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>How many rows of each table a data set creates.</summary>
public readonly record struct DataSetCounts(int Accounts, int Contacts, long Opportunities);

/// <summary>
/// Rows and changes to replay through the plugins, in time order. Loaded data sets keep their rows once
/// (<see cref="Snapshot"/>) and derive the events lazily; generated ones stream events without keeping rows.
/// </summary>
public sealed class DataSet
{
    private readonly Func<IEnumerable<DataSetEvent>> _events;

    private DataSet(string source, DataSetCounts counts, DataSetRows? snapshot, IReadOnlyCollection<Guid> systemUsers, Func<IEnumerable<DataSetEvent>> events)
    {
        Source = source;
        Counts = counts;
        Snapshot = snapshot;
        SystemUsers = systemUsers;
        _events = events;
    }

    /// <summary>Where the data came from (a path, or the generator and its seed).</summary>
    public string Source { get; }

    public DataSetCounts Counts { get; }

    /// <summary>The rows as loaded from files (final state, stored values included); null for generated data sets.</summary>
    public DataSetRows? Snapshot { get; }

    /// <summary>systemuser ids the rows refer to (seller sponsors); the replay creates them before the first event.</summary>
    public IReadOnlyCollection<Guid> SystemUsers { get; }

    /// <summary>The transaction currencies the rows refer to (empty when the data names none, as the sample and CSV folders).</summary>
    public IReadOnlyList<DataSetCurrency> Currencies { get; private init; } = [];

    /// <summary>The one currency every amount is in; null when the data names none or several.</summary>
    public DataSetCurrency? Currency => Currencies.Count == 1 ? Currencies[0] : null;

    /// <summary>The same data set, its amounts in <paramref name="currencies"/>.</summary>
    public DataSet WithCurrencies(IReadOnlyList<DataSetCurrency> currencies) =>
        new(Source, Counts, Snapshot, SystemUsers, _events) { Currencies = currencies ?? throw new ArgumentNullException(nameof(currencies)) };

    /// <summary>The events in time order (ties keep their creation order). Each call enumerates afresh.</summary>
    public IEnumerable<DataSetEvent> Events() => _events();

    /// <summary>A data set from loaded rows; the events are derived as <see cref="SnapshotTimeline"/> describes.</summary>
    public static DataSet FromSnapshot(string source, DataSetRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new DataSetCounts(rows.Accounts.Count, rows.Contacts.Count, rows.Opportunities.Count);
        return new DataSet(source, counts, rows, rows.SellerSponsorIds(), () => SnapshotTimeline.Events(rows));
    }

    /// <summary>A data set from events held in memory; they are put in time order (stable for equal times).</summary>
    public static DataSet FromEvents(string source, IEnumerable<DataSetEvent> events, IReadOnlyCollection<Guid> systemUsers)
    {
        ArgumentNullException.ThrowIfNull(events);
        DataSetEvent[] ordered = events.OrderBy(e => e.At).ToArray();
        var counts = new DataSetCounts(
            ordered.Count(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == Plugins.Schema.AccountTable.LogicalName),
            ordered.Count(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == Plugins.Schema.ContactTable.LogicalName),
            ordered.Count(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == Plugins.Schema.OpportunityTable.LogicalName));
        return new DataSet(source, counts, null, systemUsers, () => ordered);
    }

    /// <summary>
    /// A data set whose events are produced on demand (never all in memory). The producer must yield them in time
    /// order; enumeration throws <see cref="InvalidOperationException"/> at the first event that goes back in time.
    /// </summary>
    public static DataSet FromOrderedStream(string source, DataSetCounts counts, IReadOnlyCollection<Guid> systemUsers, Func<IEnumerable<DataSetEvent>> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new DataSet(source, counts, null, systemUsers, () => CheckOrder(events()));
    }

    private static IEnumerable<DataSetEvent> CheckOrder(IEnumerable<DataSetEvent> events)
    {
        DateTime previous = DateTime.MinValue;
        foreach (DataSetEvent e in events)
        {
            if (e.At < previous)
            {
                throw new InvalidOperationException($"Events out of time order: {e.Describe()} comes after an event at {previous:O}.");
            }

            previous = e.At;
            yield return e;
        }
    }
}
