using System;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Tests.Sample;

public sealed class SyntheticDataSetTests
{
    [Fact]
    public void A_synthetic_set_streams_exactly_the_counted_rows_in_a_consistent_order()
    {
        DataSet data = SyntheticDataSet.Create(accounts: 50, opportunities: 5000, seed: 11);

        DataSetEvent[] events = data.Events().ToArray();

        Assert.Equal(50, events.Count(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == AccountTable.LogicalName));
        Assert.Equal(data.Counts.Contacts, events.Count(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == ContactTable.LogicalName));
        Assert.Equal(5000, events.Count(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == OpportunityTable.LogicalName));
        Assert.Null(ReplayConsistency.FirstProblem(events));
        Assert.Contains(events, e => e.Kind == DataSetEventKind.Win);
        Assert.Contains(events, e => e.Kind == DataSetEventKind.Lose);
    }

    [Fact]
    public void Enumerating_twice_gives_the_same_events()
    {
        DataSet data = SyntheticDataSet.Create(accounts: 20, opportunities: 500, seed: 3);

        Assert.Equal(data.Events().Select(e => e.Describe()), data.Events().Select(e => e.Describe()));
    }

    [Fact]
    public void A_large_set_is_produced_lazily_without_generating_it_all_up_front()
    {
        DataSet data = SyntheticDataSet.Create(accounts: 10_000, opportunities: 1_000_000);
        long before = GC.GetAllocatedBytesForCurrentThread();

        DataSetEvent[] first = data.Events().Take(1000).ToArray();

        Assert.Equal(1000, first.Length);
        Assert.Equal(new DataSetCounts(10_000, 29_999, 1_000_000), data.Counts);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50_000_000, "the first events must not need the whole set");
    }

    [Fact]
    public void An_ordered_stream_that_goes_back_in_time_is_refused_while_enumerating()
    {
        DateTime t = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var account = new Microsoft.Xrm.Sdk.Entity(AccountTable.LogicalName, Guid.NewGuid());
        DataSet data = DataSet.FromOrderedStream("test", new DataSetCounts(1, 0, 0), [],
            () => [DataSetEvent.Create(t, account), DataSetEvent.Delete(t.AddDays(-1), account.ToEntityReference())]);

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => data.Events().ToArray());

        Assert.StartsWith("Events out of time order: 2023-12-31T00:00:00 Delete account", e.Message, StringComparison.Ordinal);
    }
}
