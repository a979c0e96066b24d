using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataverseRelationship.Flows.Definition;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.Flows.Runtime;
using DataverseRelationship.LocalDataverse.Observability;
using Microsoft.Xrm.Sdk;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Flows.Hosting;

/// <summary>A flow the host did not load, and why.</summary>
public sealed record RefusedFlow(string File, string Reason);

/// <summary>
/// Runs the solution's activated cloud flows against a local Dataverse. A Dataverse row trigger subscribes to what the
/// local Dataverse commits: each committed Create/Update/Delete of its table that passes its filtering columns and filter
/// expression queues a run, which <see cref="RunPending"/> executes later, outside the transaction, as Dataverse's
/// asynchronous service does; a rolled-back transaction queues nothing
/// (https://learn.microsoft.com/power-automate/dataverse/create-update-delete-trigger). Recurrence flows run at each
/// occurrence <see cref="RunDue"/> passes. Actions run as the user of the flow's connection reference.
/// </summary>
public sealed class FlowHost : IDisposable
{
    private readonly LocalDataverseInstance _dataverse;
    private readonly FlowHostOptions _options;
    private readonly EntitySetNames _sets;
    private readonly Queue<QueuedRun> _queue = new();
    private readonly List<FlowRun> _runs = [];
    private readonly Dictionary<CloudFlow, DateTime> _nextOccurrence = [];
    private readonly Dictionary<CloudFlow, RecurrenceTrigger> _schedules = [];
    private readonly Dictionary<CloudFlow, ODataFilter> _filters = [];
    private bool _disposed;

    private FlowHost(LocalDataverseInstance dataverse, IReadOnlyList<CloudFlow> flows, IReadOnlyList<RefusedFlow> refused, FlowHostOptions options)
    {
        _dataverse = dataverse;
        _options = options;
        _sets = new EntitySetNames(dataverse.Schema);
        Flows = flows;
        Refused = refused;
        foreach (var flow in flows)
        {
            if (flow.Trigger is RowChangeTrigger row)
            {
                _filters[flow] = ODataFilter.Parse(row.FilterExpression);
            }
        }

        dataverse.Committed += OnCommitted;
    }

    /// <summary>Loads every flow of the solution's Workflows folder and subscribes the activated ones.</summary>
    public static FlowHost FromSolution(string solutionFolder, LocalDataverseInstance dataverse, FlowHostOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(solutionFolder);
        ArgumentNullException.ThrowIfNull(dataverse);
        options ??= new FlowHostOptions();
        var references = FlowDefinitionReader.ReadSolutionConnectionReferences(solutionFolder);
        var folder = Path.Combine(solutionFolder, "Workflows");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [];
        return FromFiles(files, references, dataverse, options);
    }

    /// <summary>Loads the given flow files (with the solution's connection references) and subscribes the activated ones.</summary>
    public static FlowHost FromFiles(IEnumerable<string> files, IReadOnlyDictionary<string, string> connectionReferences, LocalDataverseInstance dataverse, FlowHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(connectionReferences);
        ArgumentNullException.ThrowIfNull(dataverse);
        options ??= new FlowHostOptions();
        var flows = new List<CloudFlow>();
        var refused = new List<RefusedFlow>();
        foreach (var file in files)
        {
            try
            {
                var flow = FlowDefinitionReader.Read(file, connectionReferences);
                if (flow.Trigger is RowChangeTrigger row)
                {
                    ODataFilter.Parse(row.FilterExpression);
                    dataverse.Schema.GetTable(row.Table);
                }

                flows.Add(flow);
            }
            catch (Exception ex) when (options.SkipUnsupportedFlows && ex is UnsupportedFlowException or FlowConnectorException or LocalDataverse.DataverseFaultException)
            {
                refused.Add(new RefusedFlow(Path.GetFileName(file), ex.Message));
            }
            catch (FlowConnectorException ex)
            {
                throw new UnsupportedFlowException(Path.GetFileName(file) + ": the trigger's filter expression: " + ex.Message, ex);
            }
        }

        return new FlowHost(dataverse, flows, refused, options);
    }

    /// <summary>The flows loaded (activated or not).</summary>
    public IReadOnlyList<CloudFlow> Flows { get; }

    /// <summary>Flows not loaded because the runner does not support them (only with <see cref="FlowHostOptions.SkipUnsupportedFlows"/>).</summary>
    public IReadOnlyList<RefusedFlow> Refused { get; }

    /// <summary>Every finished run, oldest first (none kept when <see cref="FlowHostOptions.KeepRuns"/> is off).</summary>
    public IReadOnlyList<FlowRun> Runs => _runs;

    /// <summary>Runs triggered and not yet executed.</summary>
    public int PendingRuns => _queue.Count;

    /// <summary>
    /// Turns the flows on at <paramref name="from"/>: each recurrence flow's first occurrence is the first one at or after
    /// it. A schedule whose startTime lies after <paramref name="from"/> first runs at its startTime, as Logic Apps does
    /// (https://learn.microsoft.com/azure/logic-apps/concepts-schedule-automated-recurring-tasks-workflows#start-time);
    /// with <paramref name="runBeforeStartTime"/> (a replay of past data) it keeps its time of day and phase but runs from
    /// <paramref name="from"/>.
    /// </summary>
    public void Start(DateTime from, bool runBeforeStartTime = false)
    {
        foreach (var flow in Flows.Where(f => f.IsActivated))
        {
            if (flow.Trigger is RecurrenceTrigger recurrence)
            {
                var schedule = runBeforeStartTime ? recurrence.StartingBy(from) : recurrence;
                _schedules[flow] = schedule;
                _nextOccurrence[flow] = schedule.FirstAtOrAfter(from);
            }
        }
    }

    /// <summary>
    /// Runs, in time order, every recurrence occurrence at or before <paramref name="until"/> (the local clock set to the
    /// occurrence), each followed by the runs it triggers; returns the runs executed.
    /// </summary>
    public IReadOnlyList<FlowRun> RunDue(DateTime until)
    {
        var done = new List<FlowRun>();
        done.AddRange(RunPending());
        while (_nextOccurrence.Count > 0)
        {
            var (flow, at) = _nextOccurrence.MinBy(p => p.Value);
            if (at > until)
            {
                break;
            }

            _dataverse.SetNow(at);
            _nextOccurrence[flow] = _schedules[flow].Next(at);
            done.Add(Execute(new QueuedRun(flow, Outputs(FlowValue.NewObject()), null, ConnectionUser(flow))));
            done.AddRange(RunPending());
        }

        return done;
    }

    /// <summary>The first occurrence of any started scheduled flow at or after <paramref name="from"/>, or null when none is scheduled (see <see cref="Start"/>).</summary>
    public DateTime? NextOccurrence(DateTime from) => _schedules.Values.Select(r => (DateTime?)r.FirstAtOrAfter(from)).Min();

    /// <summary>
    /// Runs each activated scheduled flow whose schedule has an occurrence at <paramref name="occurrence"/> (the local
    /// clock set to it), each followed by the runs it triggers; a caller that samples the schedule (the preview's
    /// --recalculate-every) picks the occurrences. Returns the runs executed.
    /// </summary>
    public IReadOnlyList<FlowRun> RunScheduled(DateTime occurrence)
    {
        var done = new List<FlowRun>();
        done.AddRange(RunPending());
        foreach (var flow in _schedules.Where(p => p.Value.FirstAtOrAfter(occurrence) == occurrence).Select(p => p.Key).ToList())
        {
            _dataverse.SetNow(occurrence);
            done.Add(Execute(new QueuedRun(flow, Outputs(FlowValue.NewObject()), null, ConnectionUser(flow))));
            done.AddRange(RunPending());
        }

        return done;
    }

    /// <summary>Executes the queued runs (and any their actions trigger); returns them.</summary>
    public IReadOnlyList<FlowRun> RunPending()
    {
        var done = new List<FlowRun>();
        while (_queue.TryDequeue(out var queued))
        {
            done.Add(Execute(queued));
        }

        return done;
    }

    /// <summary>Stops listening to the local Dataverse.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _dataverse.Committed -= OnCommitted;
            _disposed = true;
        }
    }

    private FlowRun Execute(QueuedRun queued)
    {
        var runner = new FlowRunner(queued.Flow, connection => Connector(queued.Flow, connection), _dataverse.Clock);
        var run = runner.Run(queued.TriggerOutputs, queued.Row, ConnectionUser(queued.Flow));
        if (_options.KeepRuns)
        {
            _runs.Add(run);
        }

        return run;
    }

    private DataverseConnector Connector(CloudFlow flow, string connectionName) =>
        new(_dataverse.ServiceAs(ConnectionUser(flow, connectionName)), _dataverse.Schema, _dataverse.CustomApis, _sets);

    /// <summary>The user of the connection reference behind a connection (the trigger's, when none is named).</summary>
    private Guid ConnectionUser(CloudFlow flow, string? connectionName = null)
    {
        connectionName ??= flow.Trigger is RowChangeTrigger row ? row.ConnectionName : flow.ConnectionReferences.Keys.FirstOrDefault();
        return connectionName != null && flow.ConnectionReferences.TryGetValue(connectionName, out var reference) && _options.ConnectionUsers.TryGetValue(reference, out var user)
            ? user
            : _dataverse.DefaultUserId;
    }

    /// <summary>Queues a run of every activated row-trigger flow the committed operations match.</summary>
    private void OnCommitted(object? sender, CommittedOperationsEventArgs e)
    {
        foreach (var operation in e.Operations)
        {
            Offer(operation);
        }
    }

    /// <summary>
    /// What the commit notification does with each committed operation: queues a run of every activated row-trigger flow
    /// whose table, message, filtering columns and filter expression it matches; returns those flows.
    /// </summary>
    public IReadOnlyList<CloudFlow> Offer(CommittedOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var queued = new List<CloudFlow>();
        foreach (var flow in Flows)
        {
            if (flow.IsActivated && flow.Trigger is RowChangeTrigger trigger && Fires(trigger, operation))
            {
                var body = Body(flow, trigger, operation);
                if (_filters[flow].Matches(body))
                {
                    _queue.Enqueue(new QueuedRun(flow, Outputs(body), new EntityReference(operation.Table, operation.RowId), ConnectionUser(flow)));
                    queued.Add(flow);
                }
            }
        }

        return queued;
    }

    /// <summary>
    /// The trigger fires for its table and messages; for an update, only when the request carried one of the filtering
    /// columns, "even if the values that are being updated on the row are the same as the previous value"
    /// (https://learn.microsoft.com/power-automate/dataverse/create-update-delete-trigger).
    /// </summary>
    private static bool Fires(RowChangeTrigger trigger, CommittedOperation operation) =>
        string.Equals(operation.Table, trigger.Table, StringComparison.Ordinal)
        && trigger.Messages.Contains(operation.Message)
        && (operation.Message != "Update" || trigger.FilteringColumns.Count == 0
            || trigger.FilteringColumns.Any(c => operation.RequestColumns.Contains(c, StringComparer.OrdinalIgnoreCase)));

    /// <summary>
    /// The trigger's body: the row's columns in the Web API shape (for Delete only its id), SdkMessage and RunAsSystemUserId
    /// (the user the run-as setting names: the modifying user, the row owner or the flow owner).
    /// </summary>
    private Dictionary<string, object?> Body(CloudFlow flow, RowChangeTrigger trigger, CommittedOperation operation)
    {
        var table = _dataverse.Schema.GetTable(operation.Table);
        var body = operation.Row != null && operation.Message != "Delete" ? WebApiRow.From(operation.Row, table, _sets) : FlowValue.NewObject();
        body[table.PrimaryIdColumn] = operation.RowId.ToString("D");
        body["SdkMessage"] = operation.Message;
        var runAs = trigger.RunAs switch
        {
            FlowRunAs.ModifyingUser => operation.UserId,
            FlowRunAs.RowOwner => operation.Row?.GetAttributeValue<EntityReference>("ownerid")?.Id ?? operation.UserId,
            _ => ConnectionUser(flow),
        };
        body["RunAsSystemUserId"] = runAs.ToString("D");
        return body;
    }

    private static Dictionary<string, object?> Outputs(object? body)
    {
        var outputs = FlowValue.NewObject();
        outputs["headers"] = FlowValue.NewObject();
        outputs["body"] = body;
        return outputs;
    }

    private sealed record QueuedRun(CloudFlow Flow, object? TriggerOutputs, EntityReference? Row, Guid RunAs);
}
