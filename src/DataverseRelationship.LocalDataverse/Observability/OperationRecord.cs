using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.LocalDataverse.Observability;

/// <summary>One plugin execution: what ran, where, its trace, the organization-service calls it made and how long it took.</summary>
public sealed class PluginExecution
{
    private readonly List<string> _trace = [];
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    internal PluginExecution(string stepName, Guid? stepId, Type pluginType, string message, string table, Guid primaryEntityId, int stage, int mode, int depth)
    {
        StepName = stepName;
        StepId = stepId;
        PluginType = pluginType;
        Message = message;
        Table = table;
        PrimaryEntityId = primaryEntityId;
        Stage = stage;
        Mode = mode;
        Depth = depth;
    }

    /// <summary>The step name (or "Custom API &lt;name&gt;" for a Custom API's main operation).</summary>
    public string StepName { get; }

    public Guid? StepId { get; }

    public Type PluginType { get; }

    public string Message { get; }

    public string Table { get; }

    public Guid PrimaryEntityId { get; }

    public int Stage { get; }

    /// <summary>0 synchronous, 1 asynchronous.</summary>
    public int Mode { get; }

    public int Depth { get; }

    /// <summary>Lines the plugin wrote with ITracingService.Trace.</summary>
    public IReadOnlyList<string> Trace => _trace;

    /// <summary>Organization-service calls the plugin made, by message name (Create, Update, RetrieveMultiple...).</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    public TimeSpan Elapsed { get; internal set; }

    /// <summary>The message of the exception the plugin ended with, if any.</summary>
    public string? Error { get; internal set; }

    internal void AddTrace(string line) => _trace.Add(line);

    internal void CountCall(string message) => _calls[message] = _calls.GetValueOrDefault(message) + 1;

    public override string ToString() => $"{StepName} (stage {Stage}, depth {Depth})";
}

/// <summary>One top-level operation (a call from outside a plugin, or one drained asynchronous job) and every plugin execution inside it.</summary>
public sealed class OperationRecord
{
    private readonly List<PluginExecution> _executions = [];

    internal OperationRecord(string message, string table, Guid userId, bool isAsyncJob)
    {
        Message = message;
        Table = table;
        UserId = userId;
        IsAsyncJob = isAsyncJob;
    }

    public string Message { get; }

    public string Table { get; internal set; }

    public Guid PrimaryEntityId { get; internal set; }

    public Guid UserId { get; }

    /// <summary>True for an asynchronous step run by <see cref="LocalDataverse.DrainAsyncQueue"/>.</summary>
    public bool IsAsyncJob { get; }

    public TimeSpan Elapsed { get; internal set; }

    public bool Succeeded => Error == null;

    public string? Error { get; internal set; }

    /// <summary>Every plugin execution of the operation, nested ones included, in the order they started.</summary>
    public IReadOnlyList<PluginExecution> PluginExecutions => _executions;

    /// <summary>Organization-service calls made by the operation's plugins, by message.</summary>
    public IReadOnlyDictionary<string, int> CallsByMessage =>
        _executions.SelectMany(e => e.Calls).GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

    /// <summary>How many <paramref name="message"/> calls the operation's plugins made.</summary>
    public int CallCount(string message) => _executions.Sum(e => e.Calls.GetValueOrDefault(message));

    /// <summary>Every trace line of the operation, prefixed with the plugin type.</summary>
    public IEnumerable<string> TraceLines => _executions.SelectMany(e => e.Trace.Select(line => $"{e.PluginType.Name}: {line}"));

    internal void Add(PluginExecution execution) => _executions.Add(execution);

    public override string ToString() => $"{Message} {Table} {PrimaryEntityId} ({_executions.Count} plugin executions, {Elapsed.TotalMilliseconds:0.###} ms)";
}

/// <summary>The outcome of one asynchronous step run by <see cref="LocalDataverse.DrainAsyncQueue"/>.</summary>
public sealed record AsyncJobResult(string StepName, string Message, string Table, Guid PrimaryEntityId, Exception? Error)
{
    public bool Succeeded => Error == null;
}
