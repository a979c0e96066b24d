using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The IPluginExecutionContext handed to one plugin execution.</summary>
internal sealed class PluginExecutionContext : IPluginExecutionContext
{
    public required Guid BusinessUnitId { get; init; }

    public required Guid CorrelationId { get; init; }

    public required int Depth { get; init; }

    public required Guid InitiatingUserId { get; init; }

    public required ParameterCollection InputParameters { get; init; }

    public bool IsExecutingOffline => false;

    public required bool IsInTransaction { get; init; }

    public bool IsOfflinePlayback => false;

    /// <summary>2: sandbox, the only isolation mode Dataverse online offers.</summary>
    public int IsolationMode => 2;

    public required string MessageName { get; init; }

    public required int Mode { get; init; }

    public required DateTime OperationCreatedOn { get; init; }

    public required Guid OperationId { get; init; }

    public required Guid OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public required ParameterCollection OutputParameters { get; init; }

    public required EntityReference OwningExtension { get; init; }

    public required EntityImageCollection PostEntityImages { get; init; }

    public required EntityImageCollection PreEntityImages { get; init; }

    public required Guid PrimaryEntityId { get; init; }

    public required string PrimaryEntityName { get; init; }

    public required Guid? RequestId { get; init; }

    public string SecondaryEntityName => "none";

    public required ParameterCollection SharedVariables { get; init; }

    public required Guid UserId { get; init; }

    public IPluginExecutionContext? ParentContext { get; init; }

    public required int Stage { get; init; }
}

/// <summary>
/// ITracingService writing to the plugin execution's record. With the operation history off nothing can read the
/// record's trace, so the lines are not formatted or kept.
/// </summary>
internal sealed class RecordingTracingService : ITracingService
{
    private readonly Observability.PluginExecution _execution;
    private readonly bool _keep;

    public RecordingTracingService(Observability.PluginExecution execution, bool keep)
    {
        _execution = execution;
        _keep = keep;
    }

    public void Trace(string format, params object[] args)
    {
        if (!_keep)
        {
            return;
        }

        var line = args == null || args.Length == 0
            ? format
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
        _execution.AddTrace(line ?? string.Empty);
    }
}

/// <summary>
/// IOrganizationServiceFactory of a plugin: null acts as SYSTEM, Guid.Empty as the context's user, any other id as
/// that user (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice).
/// </summary>
internal sealed class PluginServiceFactory : IOrganizationServiceFactory
{
    private readonly Platform _platform;
    private readonly PluginExecutionContext _context;
    private readonly Observability.PluginExecution _execution;

    public PluginServiceFactory(Platform platform, PluginExecutionContext context, Observability.PluginExecution execution)
    {
        _platform = platform;
        _context = context;
        _execution = execution;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        var user = userId switch
        {
            null => _platform.SystemUserId,
            { } id when id == Guid.Empty => _context.UserId,
            { } id => id,
        };
        var caller = new Caller(user, _context.InitiatingUserId, _context.Depth + 1, _context.CorrelationId, _context, _execution);
        return new LocalOrganizationService(_platform, caller);
    }
}

/// <summary>The IServiceProvider passed to IPlugin.Execute.</summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext _context;
    private readonly ITracingService _tracing;
    private readonly IOrganizationServiceFactory _factory;

    public PluginServiceProvider(PluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        _context = context;
        _tracing = tracing;
        _factory = factory;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext))
        {
            return _context;
        }

        if (serviceType == typeof(ITracingService))
        {
            return _tracing;
        }

        if (serviceType == typeof(IOrganizationServiceFactory))
        {
            return _factory;
        }

        return null;
    }
}

/// <summary>Who is calling and from where: the user, the chain's initiating user, the depth and the plugin (if any) making the call.</summary>
internal sealed record Caller(
    Guid UserId,
    Guid InitiatingUserId,
    int Depth,
    Guid CorrelationId,
    IPluginExecutionContext? ParentContext,
    Observability.PluginExecution? Plugin);
