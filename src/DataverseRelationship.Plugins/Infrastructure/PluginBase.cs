using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Infrastructure;

/// <summary>
/// The thin base of every plugin: builds the <see cref="LocalPluginContext"/>, runs the step and turns failures into
/// what Dataverse shows users. An <see cref="InvalidPluginExecutionException"/> passes through unchanged (its message
/// is for the user); anything else is traced with the correlation id and rethrown as one, so the transaction rolls
/// back and the user sees a message that an administrator can find in the trace log.
/// </summary>
public abstract class PluginBase : IPlugin
{
    protected PluginBase(string? unsecureConfiguration, string? secureConfiguration)
    {
        UnsecureConfiguration = unsecureConfiguration;
        SecureConfiguration = secureConfiguration;
    }

    /// <summary>The step's unsecure configuration, as registered.</summary>
    protected string? UnsecureConfiguration { get; }

    /// <summary>The step's secure configuration, as registered.</summary>
    protected string? SecureConfiguration { get; }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = new LocalPluginContext(serviceProvider);
        var execution = context.ExecutionContext;
        var name = GetType().Name;
        context.Trace($"{name}: {execution.MessageName} of {execution.PrimaryEntityName} {execution.PrimaryEntityId}, stage {execution.Stage}, depth {execution.Depth}.");
        try
        {
            ExecuteStep(context);
        }
        catch (InvalidPluginExecutionException exception)
        {
            context.Trace($"{name}: stopped: {exception.Message}");
            throw;
        }
        catch (Exception exception)
        {
            context.Trace($"{name}: unexpected failure (correlation id {execution.CorrelationId}): {exception}");
            throw new InvalidPluginExecutionException(
                $"The relationship rules could not be applied ({name} failed unexpectedly; correlation id {execution.CorrelationId}). "
                + "Nothing was saved. An administrator can find the details in the plug-in trace log.",
                exception);
        }
    }

    /// <summary>The step's work: read what it needs, call the engine, write what changed.</summary>
    protected abstract void ExecuteStep(ILocalPluginContext context);
}
