using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.Sample;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>preview and compare --as-of: the scores as they stood at a past date, from what had happened by then.</summary>
public sealed class AsOfTests
{
    private static readonly DateTime AsOf = new(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Preview_as_of_a_date_replays_only_the_events_up_to_it_and_ends_there()
    {
        CommandRun run = CommandRun.Of("preview", "--json", "--no-flows", "--as-of", "2024-07-01");

        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("2024-07-01T00:00:00Z", report.GetProperty("replayedUntil").GetString());
        JsonElement s = report.GetProperty("statistics");
        long applied = s.GetProperty("eventsReplayed").GetInt64() + s.GetProperty("eventsRejected").GetInt64() + s.GetProperty("eventsSkipped").GetInt64();
        var events = SampleDataSet.Create().Events().ToList();
        Assert.Equal(events.Count(e => e.At <= AsOf), applied);
        Assert.True(applied < events.Count);
        Assert.All(
            report.GetProperty("accounts").EnumerateArray().SelectMany(a => a.GetProperty("timeline").EnumerateArray()),
            change => Assert.True(DateTime.Parse(change.GetProperty("when").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) <= AsOf));
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("compare")]
    public void An_as_of_date_before_the_first_event_is_bad_input_saying_nothing_had_happened(string command)
    {
        string[] args = command == "compare"
            ? ["compare", "--policy", CommandRun.SamplePolicy("warn.json"), "--as-of", "2001-01-01"]
            : ["preview", "--no-flows", "--as-of", "2001-01-01"];
        CommandRun run = CommandRun.Of(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--as-of 2001-01-01", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing had happened yet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_as_of_that_is_not_a_date_is_bad_input_naming_the_format()
    {
        CommandRun run = CommandRun.Of("preview", "--as-of", "1 July 2024");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("yyyy-MM-dd", run.Error, StringComparison.Ordinal);
    }
}
