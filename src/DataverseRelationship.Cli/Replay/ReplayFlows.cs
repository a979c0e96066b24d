using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Flows.Definition;
using DataverseRelationship.Flows.Hosting;
using DataverseRelationship.Flows.Runtime;
using Microsoft.Xrm.Sdk;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Cli.Replay;

/// <summary>
/// The solution's cloud flows during a replay: the row-trigger flows run after each event's commit, the scheduled ones
/// at each occurrence the replay clock passes; afterwards their runs are summed up for the report.
/// </summary>
internal sealed class ReplayFlows : IDisposable
{
    /// <summary>Failed runs kept for the report (all are counted).</summary>
    public const int MaxFailedRunsKept = 50;

    private readonly LocalDataverseInstance _dataverse;
    private readonly FlowHost _host;
    private readonly Dictionary<string, (int Runs, int Failed)> _runsPerFlow = new(StringComparer.Ordinal);
    private readonly List<EntityReference> _tasks = [];
    private readonly List<FailedFlowRun> _failures = [];
    private readonly HashSet<string> _scheduled;
    private int _scheduledRuns;
    private long _processed;
    private long _changed;
    private int _failedRuns;

    public ReplayFlows(string solutionFolder, LocalDataverseInstance dataverse)
    {
        _dataverse = dataverse;
        _host = FlowHost.FromSolution(solutionFolder, dataverse, new FlowHostOptions { SkipUnsupportedFlows = true, KeepRuns = false });
        _scheduled = _host.Flows.Where(f => f.Trigger is RecurrenceTrigger).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether an activated scheduled flow runs (it then does the scheduled recalculation instead of the replay).</summary>
    public bool HasScheduledFlow => _host.Flows.Any(f => f.IsActivated && f.Trigger is RecurrenceTrigger);

    /// <summary>
    /// Turns the flows on at the first replayed event. The replay treats the solution as installed from then on, so a
    /// schedule runs at its time of day from that day even when its startTime is later (the shipped nightly flow starts
    /// 2026-01-01).
    /// </summary>
    public void Start(DateTime at) => _host.Start(at, runBeforeStartTime: true);

    /// <summary>Days between the scheduled occurrences the replay runs (one night in N; 1 runs every night).</summary>
    public int EveryDays { get; init; } = 1;

    /// <summary>The first scheduled occurrence at or after <paramref name="from"/> (DateTime.MaxValue when nothing is scheduled).</summary>
    public DateTime NextOccurrence(DateTime from) => _host.NextOccurrence(from) ?? DateTime.MaxValue;

    /// <summary>The occurrence the replay runs after <paramref name="occurrence"/>: the first one at least <see cref="EveryDays"/> days later.</summary>
    public DateTime OccurrenceAfter(DateTime occurrence) => NextOccurrence(occurrence.AddDays(Math.Max(1, EveryDays)).AddMinutes(-1));

    /// <summary>Runs the scheduled flows at one of their occurrences.</summary>
    public void RunScheduled(DateTime occurrence) => Count(_host.RunScheduled(occurrence));

    /// <summary>After an event (or the replay's own recalculation): the runs its commits triggered.</summary>
    public void RunTriggered() => Count(_host.RunPending());

    public FlowActivity Summarize() => new()
    {
        Flows = _host.Flows.Select(f => _runsPerFlow.TryGetValue(f.Name, out var counts)
            ? new FlowRunCount(f.Name, Describe(f.Trigger), counts.Runs, counts.Failed)
            : new FlowRunCount(f.Name, Describe(f.Trigger), 0, 0)).ToArray(),
        TasksPerOwnerAndWeek = TasksPerOwnerAndWeek(),
        ScheduledRuns = _scheduledRuns,
        ScheduledEveryDays = EveryDays,
        AccountsRecalculated = _processed,
        AccountsChanged = _changed,
        FailedRuns = _failures.ToArray(),
        FailedRunCount = _failedRuns,
        NotRun = _host.Refused.Select(r => new FlowNotRun(r.File, r.Reason)).ToArray(),
    };

    /// <summary>Adds finished runs to the tallies (the host keeps none, so a long replay holds only these sums).</summary>
    private void Count(IReadOnlyList<FlowRun> runs)
    {
        foreach (var run in runs)
        {
            var counts = _runsPerFlow.GetValueOrDefault(run.Flow);
            _runsPerFlow[run.Flow] = (counts.Runs + 1, counts.Failed + (run.Succeeded ? 0 : 1));
            _tasks.AddRange(run.CreatedRows.Where(r => r.LogicalName == "task"));
            if (_scheduled.Contains(run.Flow))
            {
                _scheduledRuns++;
                foreach (var body in run.Actions.Where(a => a.Type == "PerformUnboundAction" && a.Status == ActionStatus.Succeeded).Select(Body))
                {
                    _processed += Number(body, "Processed");
                    _changed += Number(body, "Changed");
                }
            }

            if (!run.Succeeded)
            {
                _failedRuns++;
                if (_failures.Count < MaxFailedRunsKept)
                {
                    _failures.Add(new FailedFlowRun(run.Flow, run.StartedAt, run.FailedAction ?? "(none)", run.FailureReason ?? "(no reason given)"));
                }
            }
        }
    }

    public void Dispose() => _host.Dispose();

    private FollowUpTaskCount[] TasksPerOwnerAndWeek()
    {
        var names = new Dictionary<Guid, string>();
        return _tasks
            .Select(r => _dataverse.Find("task", r.Id))
            .Where(t => t != null)
            .Select(t => (Owner: t!.GetAttributeValue<EntityReference>("ownerid")?.Id ?? Guid.Empty, Week: WeekStarting(t.GetAttributeValue<DateTime>("createdon"))))
            .GroupBy(t => t)
            .Select(g => new FollowUpTaskCount(g.Key.Owner, OwnerName(g.Key.Owner, names), g.Key.Week, g.Count()))
            .OrderBy(t => t.WeekStarting).ThenBy(t => t.Owner, StringComparer.Ordinal)
            .ToArray();
    }

    private string OwnerName(Guid owner, Dictionary<Guid, string> names)
    {
        if (!names.TryGetValue(owner, out var name))
        {
            var user = _dataverse.Find("systemuser", owner);
            var fullName = user?.GetAttributeValue<string>("fullname");
            name = string.IsNullOrWhiteSpace(fullName) ? "user " + owner.ToString("D", CultureInfo.InvariantCulture) : fullName;
            names[owner] = name;
        }

        return name;
    }

    /// <summary>The Monday of the week (UTC).</summary>
    private static DateTime WeekStarting(DateTime when) => when.Date.AddDays(-(((int)when.DayOfWeek + 6) % 7));

    private static IDictionary<string, object?> Body(ActionExecution action) =>
        action.Outputs is IDictionary<string, object?> outputs && outputs.TryGetValue("body", out var body) && body is IDictionary<string, object?> values ? values : new Dictionary<string, object?>();

    private static long Number(IDictionary<string, object?> body, string name) => body.TryGetValue(name, out var value) && value is long number ? number : 0;

    private static string Describe(FlowTrigger trigger) => trigger switch
    {
        RowChangeTrigger row => "When a row is " + string.Join("/", row.Messages.Select(m => m switch { "Create" => "added", "Update" => "modified", _ => "deleted" }))
            + ": " + row.Table + (row.FilteringColumns.Count > 0 ? " (" + string.Join(", ", row.FilteringColumns) + ")" : string.Empty),
        RecurrenceTrigger recurrence => "Every " + (recurrence.Interval == 1 ? string.Empty : recurrence.Interval.ToString(CultureInfo.InvariantCulture) + " ")
            + recurrence.Frequency.ToLowerInvariant() + (recurrence.Interval == 1 ? string.Empty : "s")
            + (recurrence.StartTime is { } start ? " at " + start.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC" : string.Empty),
        _ => trigger.Name,
    };
}
