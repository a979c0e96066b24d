using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using DataverseRelationship.LocalDataverse.Observability;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using DataverseRelationship.LocalDataverse.Time;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>
/// The organization service and its event pipeline: runs each message through PreValidation, PreOperation, the
/// main operation and PostOperation, inside a transaction that any synchronous failure rolls back.
/// Event framework: https://learn.microsoft.com/power-apps/developer/data-platform/event-framework
/// </summary>
internal sealed partial class Platform
{
    private readonly Dictionary<string, List<StepRegistration>> _stepsByMessage = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, CustomApiRegistration> _customApis;
    private readonly Dictionary<(string Message, string Table), List<StepRegistration>> _stepsByMessageAndTable = [];
    private readonly Dictionary<string, IPlugin> _pluginInstances = new(StringComparer.Ordinal);
    private readonly Queue<AsyncJob> _asyncQueue = new();
    private readonly List<OperationRecord> _operations = [];
    private readonly System.Threading.Lock _gate = new();
    private OperationRecord? _current;

    /// <summary>Operations of the open transaction, published to <see cref="Committed"/> when it commits (only while someone listens).</summary>
    private readonly List<CommittedOperation> _uncommitted = [];

    public Platform(SchemaCatalog schema, IEnumerable<StepRegistration> steps, IReadOnlyDictionary<string, CustomApiRegistration> customApis, int maxDepth, IClock clock)
    {
        Schema = schema;
        Store = new RowStore(schema);
        _customApis = customApis;
        MaxDepth = maxDepth;
        Clock = clock;
        var order = 0;
        foreach (var step in steps.Select(s => (Step: s, Order: order++)).OrderBy(s => (int)s.Step.Stage).ThenBy(s => s.Step.Rank).ThenBy(s => s.Order).Select(s => s.Step))
        {
            if (!_stepsByMessage.TryGetValue(step.Message, out var list))
            {
                list = [];
                _stepsByMessage[step.Message] = list;
            }

            list.Add(step);
        }
    }

    public SchemaCatalog Schema { get; }

    public RowStore Store { get; }

    public IClock Clock { get; set; }

    public int MaxDepth { get; }

    public bool KeepHistory { get; set; } = true;

    /// <summary>Plugin executions started so far, counted whether or not the history is kept.</summary>
    public long PluginExecutionCount { get; private set; }

    /// <summary>Whether Win and Lose store their opportunityclose activity (off for replays that never read it).</summary>
    public bool StoreCloseActivities { get; set; } = true;

    /// <summary>The SYSTEM user (what a plugin's CreateOrganizationService(null) acts as).</summary>
    public Guid SystemUserId { get; } = new("5a5e0000-0000-4000-8000-000000000001");

    public Guid OrganizationId { get; } = new("5a5e0000-0000-4000-8000-0000000000aa");

    public Guid BusinessUnitId { get; } = new("5a5e0000-0000-4000-8000-0000000000bb");

    public static string OrganizationName => "localdataverse";

    public IReadOnlyList<OperationRecord> Operations => _operations;

    public int PendingAsyncJobs => _asyncQueue.Count;

    public System.Threading.Lock Gate => _gate;

    public void ClearHistory() => _operations.Clear();

    /// <summary>Raised after a transaction commits, with its operations; never for a rolled-back one. Runs under the platform's lock: queue, do not call back.</summary>
    public event EventHandler<CommittedOperationsEventArgs>? Committed;

    /// <summary>Runs one request for a caller; a call from outside any plugin is recorded as a top-level operation.</summary>
    public OrganizationResponse Execute(OrganizationRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.RequestName ?? throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "The request has no RequestName.");
        lock (_gate)
        {
            caller.Plugin?.CountCall(name);
            var topLevel = _current == null;
            var timer = topLevel ? Stopwatch.StartNew() : null;
            if (topLevel)
            {
                _current = new OperationRecord(name, string.Empty, caller.UserId, isAsyncJob: false);
                if (KeepHistory)
                {
                    _operations.Add(_current);
                }
            }

            try
            {
                return Dispatch(name, request, caller);
            }
            catch (Exception ex) when (topLevel)
            {
                _current!.Error = ex.Message;
                throw;
            }
            finally
            {
                if (topLevel)
                {
                    _current!.Elapsed = timer!.Elapsed;
                    _current = null;
                }
            }
        }
    }

    private void NoteTarget(string table, Guid id)
    {
        if (_current != null && _current.Table.Length == 0)
        {
            _current.Table = table;
            _current.PrimaryEntityId = id;
        }
    }

    private OrganizationResponse Dispatch(string name, OrganizationRequest request, Caller caller) => name switch
    {
        "Create" => Create(request, caller),
        "Update" => Update(request, caller),
        "Delete" => Delete(request, caller),
        "Retrieve" => Retrieve(request, caller),
        "RetrieveMultiple" => RetrieveMultiple(request, caller),
        "WhoAmI" => WhoAmI(caller),
        "WinOpportunity" => CloseOpportunity(request, caller, won: true),
        "LoseOpportunity" => CloseOpportunity(request, caller, won: false),
        "SetState" => SetState(request, caller),
        "Associate" => Associate(request, associate: true),
        "Disassociate" => Associate(request, associate: false),
        "Upsert" => Upsert(request, caller),
        _ when _customApis.TryGetValue(name, out var api) => ExecuteCustomApi(api, request, caller),
        _ => throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The local Dataverse does not know the message '{name}' (no platform message or Custom API of that name)."),
    };

    private static T RequireParameter<T>(OrganizationRequest request, string name)
        where T : class
    {
        if (!request.Parameters.TryGetValue(name, out var value) || value == null)
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Required field '{name}' is missing from the {request.RequestName} request.");
        }

        return value as T ?? throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The '{name}' parameter of {request.RequestName} must be a {typeof(T).Name}, not {value.GetType().Name}.");
    }

    private static OperationRun NewRun(string message, string table, Guid id, OrganizationRequest request)
    {
        var run = new OperationRun(message, table, id, request.RequestId);

        // The optional "tag" parameter reaches plugins as SharedVariables["tag"]
        // (https://learn.microsoft.com/power-apps/developer/data-platform/optional-parameters#add-a-shared-variable-to-the-plugin-execution-context).
        if (request.Parameters.TryGetValue("tag", out var tag) && tag != null)
        {
            run.Shared["tag"] = tag;
        }

        return run;
    }

    /// <summary>The steps of a message on a table, in execution order (worked out once per message and table).</summary>
    private List<StepRegistration> StepsFor(string message, string table)
    {
        if (!_stepsByMessageAndTable.TryGetValue((message, table), out var found))
        {
            found = _stepsByMessage.TryGetValue(message, out var steps)
                ? steps.Where(s => s.PrimaryEntity.Length == 0 || s.PrimaryEntity == table).ToList()
                : [];
            _stepsByMessageAndTable[(message, table)] = found;
        }

        return found;
    }

    /// <summary>The pipeline: PreValidation, then (inside the transaction) PreOperation, main operation, PostOperation.</summary>
    private void RunPipeline(OperationRun run, Caller caller, Action mainOperation, CustomApiRegistration? api = null)
    {
        var steps = StepsFor(run.Message, run.Table);
        if ((steps.Count > 0 || api?.PluginType != null) && caller.Depth > MaxDepth)
        {
            // Depth grows with each plugin-triggered call; past the maximum (8) the platform aborts the chain as an
            // infinite loop (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth).
            throw new DataverseFaultException(
                PlatformErrorCodes.Unexpected,
                $"This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again. ({run.Message} of {run.Table} would run plugins at depth {caller.Depth}; the maximum is {MaxDepth}.)");
        }

        run.OperationCreatedOn = Clock.UtcNow;

        // PreValidation runs before the transaction unless the operation is itself part of one.
        RunStage(run, caller, steps, PipelineStage.PreValidation);
        var owns = Store.Active == null;
        if (owns)
        {
            Store.Active = new Transaction();
        }

        var transaction = Store.Active!;
        try
        {
            RunStage(run, caller, steps, PipelineStage.PreOperation);
            mainOperation();
            if (api?.PluginType != null)
            {
                RunPlugin(api.PluginType, "Custom API " + api.UniqueName, null, api.UniqueName, null, null, run, caller, PipelineStage.MainOperation, mode: 0, inTransaction: true, images: []);
            }

            RunStage(run, caller, steps, PipelineStage.PostOperation);
            if (Committed != null)
            {
                _uncommitted.Add(Committing(run, caller));
            }

            if (owns)
            {
                Store.Active = null;
                foreach (var job in transaction.PendingAsyncJobs)
                {
                    _asyncQueue.Enqueue(job);
                }

                PublishCommitted();
            }
        }
        catch
        {
            if (owns)
            {
                transaction.Rollback();
                Store.Active = null;
                _uncommitted.Clear();
            }

            throw;
        }
    }

    private static CommittedOperation Committing(OperationRun run, Caller caller)
    {
        // The stored row is immutable: a subscriber that reads it later sees the row as this operation left it.
        var row = run.PostImageSource;
        return new(
            run.Message,
            run.Table,
            run.PrimaryId,
            caller.UserId,
            caller.InitiatingUserId,
            run.TargetEntity?.Attributes.Keys.ToArray() ?? [],
            () => row?.ToEntity(),
            run.OperationCreatedOn);
    }

    /// <summary>
    /// Hands the committed operations to the subscribers: after the commit, as Dataverse's asynchronous service does for
    /// webhooks and flows (https://learn.microsoft.com/power-apps/developer/data-platform/asynchronous-service).
    /// </summary>
    private void PublishCommitted()
    {
        if (_uncommitted.Count == 0)
        {
            return;
        }

        var batch = _uncommitted.ToArray();
        _uncommitted.Clear();
        Committed?.Invoke(this, new CommittedOperationsEventArgs(batch));
    }

    private void RunStage(OperationRun run, Caller caller, List<StepRegistration> steps, PipelineStage stage)
    {
        foreach (var step in steps)
        {
            if (step.Stage != stage)
            {
                continue;
            }

            // Filtering attributes (Update only): the step runs when one of them is present in Target, changed or not
            // (https://learn.microsoft.com/power-apps/developer/data-platform/best-practices/business-logic/include-filtering-attributes-plugin-registration).
            if (run.Message == "Update" && step.FilteringAttributes.Count > 0
                && (run.TargetEntity == null || !step.FilteringAttributes.Any(run.TargetEntity.Attributes.ContainsKey)))
            {
                continue;
            }

            if (step.IsAsynchronous)
            {
                Store.Active!.PendingAsyncJobs.Add(new AsyncJob(step, Snapshot(run), caller));
                continue;
            }

            RunPlugin(step.PluginType, step.Name, step.Id, step.Id.ToString(), step.UnsecureConfiguration, step.SecureConfiguration, run, caller, stage, mode: 0, inTransaction: Store.Active != null, images: step.Images);
        }
    }

    private static OperationRun Snapshot(OperationRun run)
    {
        var copy = new OperationRun(run.Message, run.Table, run.PrimaryId, run.RequestId)
        {
            OperationCreatedOn = run.OperationCreatedOn,
            PreImageSource = run.PreImageSource,
            PostImageSource = run.PostImageSource,
        };
        foreach (var (target, source) in new[] { (copy.Input, run.Input), (copy.Output, run.Output), (copy.Shared, run.Shared) })
        {
            foreach (var pair in source)
            {
                target[pair.Key] = ValueCopy.Clone(pair.Value)!;
            }
        }

        return copy;
    }

    /// <summary>An image: the registered columns of the stored row (all when none are listed), as a copy of those columns only.</summary>
    private static Entity Image(StoredRow source, IReadOnlyList<string> columns) =>
        columns.Count == 0 ? source.ToEntity() : source.ToEntity(source.Layout.PlanFor(columns));

    private IPlugin Instance(string key, Type type, string? unsecure, string? secure)
    {
        // The platform caches plugin instances and reuses them across executions.
        if (!_pluginInstances.TryGetValue(key, out var plugin))
        {
            var withConfiguration = type.GetConstructor([typeof(string), typeof(string)]);
            plugin = (IPlugin)(withConfiguration != null
                ? withConfiguration.Invoke([unsecure, secure])
                : Activator.CreateInstance(type)!);
            _pluginInstances[key] = plugin;
        }

        return plugin;
    }

    private void RunPlugin(
        Type pluginType,
        string stepName,
        Guid? stepId,
        string instanceKey,
        string? unsecure,
        string? secure,
        OperationRun run,
        Caller caller,
        PipelineStage stage,
        int mode,
        bool inTransaction,
        IReadOnlyList<ImageRegistration> images)
    {
        var pre = new EntityImageCollection();
        var post = new EntityImageCollection();
        foreach (var image in images)
        {
            if (image.IsPre && run.PreImageSource != null)
            {
                pre[image.Alias] = Image(run.PreImageSource, image.Columns);
            }

            if (image.IsPost && stage == PipelineStage.PostOperation && run.PostImageSource != null)
            {
                post[image.Alias] = Image(run.PostImageSource, image.Columns);
            }
        }

        var context = new PluginExecutionContext
        {
            BusinessUnitId = BusinessUnitId,
            CorrelationId = caller.CorrelationId,
            Depth = caller.Depth,
            InitiatingUserId = caller.InitiatingUserId,
            InputParameters = run.Input,
            IsInTransaction = inTransaction,
            MessageName = run.Message,
            Mode = mode,
            OperationCreatedOn = run.OperationCreatedOn,
            OperationId = run.OperationId,
            OrganizationId = OrganizationId,
            OrganizationName = OrganizationName,
            OutputParameters = run.Output,
            OwningExtension = new EntityReference("sdkmessageprocessingstep", stepId ?? Guid.Empty),
            PostEntityImages = post,
            PreEntityImages = pre,
            PrimaryEntityId = run.PrimaryId,
            PrimaryEntityName = run.Table,
            RequestId = run.RequestId,
            SharedVariables = run.Shared,
            UserId = caller.UserId,
            ParentContext = caller.ParentContext,
            Stage = (int)stage,
        };
        if (stage is PipelineStage.PreValidation or PipelineStage.PreOperation)
        {
            run.PluginsRunBeforeMainOperation++;
        }

        PluginExecutionCount++;
        var execution = new PluginExecution(stepName, stepId, pluginType, run.Message, run.Table, run.PrimaryId, (int)stage, mode, caller.Depth);
        _current?.Add(execution);
        var plugin = Instance(instanceKey, pluginType, unsecure, secure);
        var timer = Stopwatch.StartNew();
        try
        {
            plugin.Execute(new PluginServiceProvider(context, new RecordingTracingService(execution, keep: KeepHistory), new PluginServiceFactory(this, context, execution)));
        }
        catch (Exception ex) when (ex is InvalidPluginExecutionException or DataverseFaultException)
        {
            // A synchronous step's exception cancels and rolls back the operation; an InvalidPluginExecutionException's
            // message reaches the caller (https://learn.microsoft.com/power-apps/developer/data-platform/handle-exceptions).
            execution.Error = ex.Message;
            throw;
        }
        catch (Exception ex)
        {
            execution.Error = ex.Message;
            throw new DataverseFaultException(
                PlatformErrorCodes.Unexpected,
                $"Unexpected exception from plug-in (Execute): {pluginType.FullName}: {ex.GetType().FullName}: {ex.Message}",
                ex);
        }
        finally
        {
            execution.Elapsed = timer.Elapsed;
        }
    }

    /// <summary>Runs the queued asynchronous steps (and any they queue), each outside the transaction of its operation.</summary>
    public IReadOnlyList<AsyncJobResult> DrainAsyncQueue()
    {
        lock (_gate)
        {
            var results = new List<AsyncJobResult>();
            while (_asyncQueue.TryDequeue(out var job))
            {
                var record = new OperationRecord(job.Step.Message, job.Run.Table, job.Caller.UserId, isAsyncJob: true) { PrimaryEntityId = job.Run.PrimaryId };
                if (KeepHistory)
                {
                    _operations.Add(record);
                }

                _current = record;
                var timer = Stopwatch.StartNew();
                try
                {
                    RunPlugin(job.Step.PluginType, job.Step.Name, job.Step.Id, job.Step.Id.ToString(), job.Step.UnsecureConfiguration, job.Step.SecureConfiguration, job.Run, job.Caller, PipelineStage.PostOperation, mode: 1, inTransaction: false, images: job.Step.Images);
                    results.Add(new AsyncJobResult(job.Step.Name, job.Step.Message, job.Run.Table, job.Run.PrimaryId, null));
                }
                catch (Exception ex) when (ex is InvalidPluginExecutionException or DataverseFaultException)
                {
                    // An asynchronous step's exception is logged on its system job and never reaches the caller of the
                    // original operation (https://learn.microsoft.com/power-apps/developer/data-platform/handle-exceptions).
                    record.Error = ex.Message;
                    results.Add(new AsyncJobResult(job.Step.Name, job.Step.Message, job.Run.Table, job.Run.PrimaryId, ex));
                }
                finally
                {
                    record.Elapsed = timer.Elapsed;
                    _current = null;
                }
            }

            return results;
        }
    }
}
