using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>One of the solution's cloud flows during the replay: how it starts and how its runs ended.</summary>
public sealed record FlowRunCount(string Flow, string Trigger, int Runs, int Failed);

/// <summary>Follow-up tasks the flows created for one owner in one week (weeks start on Monday, by the task's creation).</summary>
public sealed record FollowUpTaskCount(Guid OwnerId, string Owner, DateTime WeekStarting, int Tasks);

/// <summary>A flow run that failed: when, the action that failed and why.</summary>
public sealed record FailedFlowRun(string Flow, DateTime At, string Action, string Reason);

/// <summary>A flow file the local runner did not run, and why (it uses something outside the supported subset).</summary>
public sealed record FlowNotRun(string File, string Reason);

/// <summary>What the solution's cloud flows did while the replay ran (dvrel preview runs them unless --no-flows).</summary>
public sealed record FlowActivity
{
    /// <summary>Every flow loaded, with its runs.</summary>
    public IReadOnlyList<FlowRunCount> Flows { get; init; } = [];

    /// <summary>Follow-up tasks per owner and week, oldest week first.</summary>
    public IReadOnlyList<FollowUpTaskCount> TasksPerOwnerAndWeek { get; init; } = [];

    /// <summary>Runs of the scheduled (Recurrence) flows.</summary>
    public int ScheduledRuns { get; init; }

    /// <summary>The replay ran one scheduled occurrence in this many days (--recalculate-every; 1 = every night as deployed).</summary>
    public int ScheduledEveryDays { get; init; } = 1;

    /// <summary>Accounts the scheduled runs recalculated (the sum of the recalculation API's Processed over every page).</summary>
    public long AccountsRecalculated { get; init; }

    /// <summary>Of those, recalculations that changed the account (the API's Changed).</summary>
    public long AccountsChanged { get; init; }

    /// <summary>The first failed runs (all are counted in <see cref="FailedRunCount"/>).</summary>
    public IReadOnlyList<FailedFlowRun> FailedRuns { get; init; } = [];

    public int FailedRunCount { get; init; }

    /// <summary>Flow files refused by the runner (not run).</summary>
    public IReadOnlyList<FlowNotRun> NotRun { get; init; } = [];

    /// <summary>Tasks the flows created.</summary>
    public int TasksCreated => TasksPerOwnerAndWeek.Sum(t => t.Tasks);

    /// <summary>Tasks per owner over the whole replay, most first.</summary>
    public IReadOnlyList<(string Owner, int Tasks, int Weeks, int MostInAWeek)> TasksPerOwner() =>
        TasksPerOwnerAndWeek.GroupBy(t => (t.OwnerId, t.Owner))
            .Select(g => (g.Key.Owner, g.Sum(t => t.Tasks), g.Count(), g.Max(t => t.Tasks)))
            .OrderByDescending(o => o.Item2).ThenBy(o => o.Owner, StringComparer.Ordinal).ToArray();
}
