using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Infrastructure;

/// <summary>What one plugin execution works with: the execution context, tracing and the organization services.</summary>
public interface ILocalPluginContext
{
    IPluginExecutionContext ExecutionContext { get; }

    ITracingService TracingService { get; }

    /// <summary>Acts as the calling user: security applies.</summary>
    IOrganizationService UserService { get; }

    /// <summary>Acts as SYSTEM: for the computed columns and history rows users cannot write themselves.</summary>
    IOrganizationService SystemService { get; }

    /// <summary>Writes one line to the plug-in trace log.</summary>
    void Trace(string message);
}

/// <summary>
/// The services of one plugin execution, obtained once from the platform's service provider. Created per call and
/// never stored on the plugin instance: the platform caches plugin instances and calls them from many threads.
/// </summary>
public sealed class LocalPluginContext : ILocalPluginContext
{
    private readonly IOrganizationServiceFactory _serviceFactory;
    private IOrganizationService? _userService;
    private IOrganizationService? _systemService;

    public LocalPluginContext(IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new InvalidPluginExecutionException("The platform passed no service provider to the plugin.");
        }

        ExecutionContext = Resolve<IPluginExecutionContext>(serviceProvider);
        TracingService = Resolve<ITracingService>(serviceProvider);
        _serviceFactory = Resolve<IOrganizationServiceFactory>(serviceProvider);
    }

    public IPluginExecutionContext ExecutionContext { get; }

    public ITracingService TracingService { get; }

    // Guid.Empty: the same user as ExecutionContext.UserId (learn.microsoft.com: IOrganizationServiceFactory.CreateOrganizationService).
    public IOrganizationService UserService => _userService ??= _serviceFactory.CreateOrganizationService(Guid.Empty);

    // null: the SYSTEM user.
    public IOrganizationService SystemService => _systemService ??= _serviceFactory.CreateOrganizationService(null);

    public void Trace(string message) => TracingService.Trace("{0}", message);

    private static T Resolve<T>(IServiceProvider serviceProvider)
        where T : class
    {
        return serviceProvider.GetService(typeof(T)) as T
            ?? throw new InvalidPluginExecutionException($"The platform provided no {typeof(T).Name} to the plugin.");
    }
}
