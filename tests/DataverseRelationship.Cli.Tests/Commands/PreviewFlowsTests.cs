using System;
using System.Linq;
using System.Text.Json;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>dvrel preview runs the solution's cloud flows as the replay goes and reports what they did.</summary>
public sealed class PreviewFlowsTests(SampleRuns runs) : IClassFixture<SampleRuns>
{
    [Fact]
    public void The_preview_on_the_sample_reports_follow_up_tasks_per_owner_and_week_one_per_tier_change()
    {
        JsonElement flows = runs.Default.GetProperty("flows");
        JsonElement[] weeks = flows.GetProperty("tasksPerOwnerAndWeek").EnumerateArray().ToArray();
        int tierChanges = runs.Default.GetProperty("accounts").EnumerateArray().Sum(a => a.GetProperty("timeline").GetArrayLength());

        Assert.NotEmpty(weeks);
        Assert.True(tierChanges > 0);
        Assert.Equal(tierChanges, flows.GetProperty("tasksCreated").GetInt32());
        Assert.Equal(tierChanges, weeks.Sum(w => w.GetProperty("tasks").GetInt32()));
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, DateTime.Parse(w.GetProperty("weekStarting").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));
        Assert.All(weeks, w => Assert.False(string.IsNullOrWhiteSpace(w.GetProperty("owner").GetString())));
        Assert.Equal(0, flows.GetProperty("failedRunCount").GetInt32());
    }

    [Fact]
    public void The_nightly_flow_does_the_scheduled_recalculation_of_every_account()
    {
        JsonElement nightly = runs.Default.GetProperty("flows").GetProperty("nightly");
        int accounts = runs.Default.GetProperty("accounts").GetArrayLength();

        Assert.Equal(7, nightly.GetProperty("everyDays").GetInt32());
        Assert.True(nightly.GetProperty("runs").GetInt32() > 100);
        // Every run pages through all active accounts.
        Assert.True(nightly.GetProperty("accountsRecalculated").GetInt64() <= (long)accounts * nightly.GetProperty("runs").GetInt32());
        Assert.True(nightly.GetProperty("accountsRecalculated").GetInt64() >= nightly.GetProperty("runs").GetInt32());
    }

    [Fact]
    public void With_no_flows_the_json_report_has_no_flows_object()
    {
        CommandRun run = CommandRun.Of("preview", "--json", "--no-flows", "--synthetic", "4x40");

        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement root = JsonDocument.Parse(run.Output).RootElement;
        Assert.False(root.TryGetProperty("flows", out _));
    }
}
