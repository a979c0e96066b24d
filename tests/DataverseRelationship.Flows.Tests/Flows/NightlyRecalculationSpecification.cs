using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Flows.Runtime;
using DataverseRelationship.Flows.Tests.Support;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Flows.Tests.Flows;

/// <summary>The shipped "Nightly relationship recalculation" flow: Recurrence, then dvr_RecalculateAccounts page by page in an Until loop.</summary>
public sealed class NightlyRecalculationSpecification
{
    private const int Accounts = 520; // three pages of 250

    [Fact]
    public void The_nightly_flow_pages_through_the_recalculation_api_until_MoreRecords_is_false()
    {
        using var world = new FlowWorld();
        SeedAccounts(world);

        var run = Assert.Single(world.Flows.RunDue(new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc)), r => r.Flow == "Nightly relationship recalculation");

        Assert.True(run.Succeeded, run.FailureReason);
        Assert.Equal(new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc), run.StartedAt);
        var pages = run.Actions.Where(a => a.Type == "PerformUnboundAction").Select(Body).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal(new long[] { 250, 250, 20 }, pages.Select(p => (long)p["Processed"]!));
        Assert.Equal(new[] { true, true, false }, pages.Select(p => (bool)p["MoreRecords"]!));
        var loop = Assert.Single(run.Actions, a => a.Type == "Until");
        Assert.Equal(3, loop.Iterations);
        Assert.False(loop.LimitReached);
    }

    [Fact]
    public void A_connection_without_the_recalculation_privilege_fails_the_run_naming_the_privilege()
    {
        using var world = new FlowWorld(flowOwnerMayRecalculate: false);
        SeedAccounts(world);

        var run = Assert.Single(world.Flows.RunDue(new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc)), r => r.Flow == "Nightly relationship recalculation");

        Assert.False(run.Succeeded);
        Assert.Contains("is missing prvWritedvr_scoresnapshot privilege", run.FailureReason, StringComparison.Ordinal);
        Assert.Empty(world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName));
    }

    [Fact]
    public void The_nightly_loop_stops_at_its_Until_count_limit_with_records_left()
    {
        // The shipped flow with only its limit lowered from 5000 to 2 iterations.
        var file = FlowFiles.Variant(FlowWorld.NightlyFlowFile, flow => FlowFiles.Actions(flow)["Until_no_more_records"]!["limit"]!["count"] = 2);
        using var world = new FlowWorld(flowFiles: [file]);
        SeedAccounts(world);

        var run = Assert.Single(world.Flows.RunDue(new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc)));

        var loop = Assert.Single(run.Actions, a => a.Type == "Until");
        Assert.Equal(2, loop.Iterations);
        Assert.True(loop.LimitReached);
        var last = Body(run.Actions.Last(a => a.Type == "PerformUnboundAction"));
        Assert.True((bool)last["MoreRecords"]!);
        Assert.Equal(2, run.Actions.Count(a => a.Type == "PerformUnboundAction"));
    }

    [Fact]
    public void The_nightly_flow_runs_once_a_day_at_two_in_the_morning_utc()
    {
        using var world = new FlowWorld();

        var runs = world.Flows.RunDue(new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(
            new[] { new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 4, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc) },
            runs.Where(r => r.Flow == "Nightly relationship recalculation").Select(r => r.StartedAt));
    }

    [Fact]
    public void A_tier_change_made_by_the_nightly_recalculation_starts_the_follow_up_flow()
    {
        using var world = new FlowWorld();
        var account = world.CreateAccount("Contoso");
        world.OverrideTier(account, RelationshipTierChoice.StrategicPartner, "Board-level partnership agreed", days: 1);
        world.Flows.RunPending();
        Assert.Single(world.Tasks);

        // The override expires; the next nightly run ends it and the tier falls back, which is a real tier change.
        var runs = world.Flows.RunDue(FlowWorld.Start.AddDays(2).Date.AddHours(3));

        Assert.NotEqual((int)RelationshipTierChoice.StrategicPartner, world.Tier(account));
        Assert.Contains(runs, r => r.Flow == "Relationship tier changed: follow-up task" && r.CreatedRows.Count == 1);
        Assert.Equal(2, world.Tasks.Count);
    }

    private static IDictionary<string, object?> Body(ActionExecution action) =>
        (IDictionary<string, object?>)((IDictionary<string, object?>)action.Outputs!)["body"]!;

    private static void SeedAccounts(FlowWorld world)
    {
        for (var i = 0; i < Accounts; i++)
        {
            world.Dataverse.Seed(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "Account " + i });
        }
    }
}
