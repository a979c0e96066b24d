using System;
using System.Globalization;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests.Plugins;

// Plugins the tests register through small solution folders. Their behaviour is driven by the step's unsecure
// configuration and what they observe is written to the trace, so the tests share no static state.

/// <summary>Base for test plugins: unpacks the services.</summary>
public abstract class TestPlugin : IPlugin
{
    protected TestPlugin(string? unsecure = null, string? secure = null)
    {
        Unsecure = unsecure;
        Secure = secure;
    }

    protected string? Unsecure { get; }

    protected string? Secure { get; }

    public void Execute(IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        Run(context, tracing, factory);
    }

    protected abstract void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory);
}

/// <summary>Traces what it sees of the context as key=value lines.</summary>
public sealed class ContextProbe : TestPlugin
{
    public ContextProbe(string unsecure, string secure)
        : base(unsecure, secure)
    {
    }

    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        tracing.Trace("label={0}", Unsecure ?? string.Empty);
        tracing.Trace("message={0}", context.MessageName);
        tracing.Trace("stage={0}", context.Stage);
        tracing.Trace("mode={0}", context.Mode);
        tracing.Trace("depth={0}", context.Depth);
        tracing.Trace("intransaction={0}", context.IsInTransaction);
        tracing.Trace("table={0}", context.PrimaryEntityName);
        tracing.Trace("id={0}", context.PrimaryEntityId);
        tracing.Trace("user={0}", context.UserId);
        tracing.Trace("initiatinguser={0}", context.InitiatingUserId);
        tracing.Trace("createdon={0:o}", context.OperationCreatedOn);
        tracing.Trace("parent={0}", context.ParentContext?.MessageName ?? "none");
        tracing.Trace("inputs={0}", string.Join(",", context.InputParameters.Keys.Order(StringComparer.Ordinal)));
        if (context.InputParameters.TryGetValue("Target", out var target))
        {
            tracing.Trace("targettype={0}", target.GetType().Name);
            if (target is Entity entity)
            {
                tracing.Trace("targetcolumns={0}", string.Join(",", entity.Attributes.Keys.Order(StringComparer.Ordinal)));
            }
        }

        if (context.InputParameters.TryGetValue("OpportunityClose", out var close) && close is Entity closeEntity)
        {
            tracing.Trace("closeopportunity={0}", closeEntity.GetAttributeValue<EntityReference>("opportunityid")?.Id);
            tracing.Trace("status={0}", ((OptionSetValue)context.InputParameters["Status"]).Value);
        }

        tracing.Trace("outputid={0}", context.OutputParameters.TryGetValue("id", out var id) ? id : "none");
        foreach (var image in context.PreEntityImages)
        {
            tracing.Trace("pre.{0}={1}", image.Key, string.Join(",", image.Value.Attributes.Keys.Order(StringComparer.Ordinal)));
        }

        foreach (var image in context.PostEntityImages)
        {
            tracing.Trace("post.{0}={1}", image.Key, string.Join(",", image.Value.Attributes.Keys.Order(StringComparer.Ordinal)));
        }

        tracing.Trace("variables={0}", string.Join(",", context.SharedVariables.Select(v => v.Key + ":" + v.Value).Order(StringComparer.Ordinal)));
        tracing.Trace("parentvariables={0}", context.ParentContext == null ? "none" : string.Join(",", context.ParentContext.SharedVariables.Select(v => v.Key + ":" + v.Value)));
    }
}

/// <summary>Traces its constructor's configuration.</summary>
public sealed class ConfigurationProbe : TestPlugin
{
    public ConfigurationProbe(string unsecure, string secure)
        : base(unsecure, secure)
    {
    }

    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        tracing.Trace("unsecure={0}", Unsecure ?? "null");
        tracing.Trace("secure={0}", Secure ?? "null");
    }
}

/// <summary>A plugin with only a parameterless constructor.</summary>
public sealed class ParameterlessProbe : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory) =>
        tracing.Trace("ran={0}", context.MessageName);
}

/// <summary>PreOperation: sets the column named by the configuration ("column=text") on Target.</summary>
public sealed class TargetMutator : TestPlugin
{
    public TargetMutator(string unsecure, string secure)
        : base(unsecure, secure)
    {
    }

    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        var parts = Unsecure!.Split('=', 2);
        var target = (Entity)context.InputParameters["Target"];
        target[parts[0]] = parts[1];
    }
}

/// <summary>Throws InvalidPluginExecutionException with the configured message.</summary>
public sealed class Refuser : TestPlugin
{
    public Refuser(string unsecure, string secure)
        : base(unsecure, secure)
    {
    }

    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        tracing.Trace("refusing");
        throw new InvalidPluginExecutionException(Unsecure ?? "refused");
    }
}

/// <summary>Throws an exception that is not an InvalidPluginExecutionException.</summary>
public sealed class Crasher : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory) =>
        throw new InvalidOperationException("the crash");
}

/// <summary>Creates a contact under the account being created (a nested write) as SYSTEM.</summary>
public sealed class ContactCreator : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        var service = factory.CreateOrganizationService(null);
        service.Create(new Entity("contact") { ["lastname"] = "Nested", ["parentcustomerid"] = new EntityReference("account", context.PrimaryEntityId) });
        service.Update(new Entity("account", context.PrimaryEntityId) { ["accountnumber"] = "NESTED" });
    }
}

/// <summary>On each account update, updates the same account again: an infinite loop.</summary>
public sealed class Recurser : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        tracing.Trace("depth={0}", context.Depth);
        var service = factory.CreateOrganizationService(context.UserId);
        var target = (Entity)context.InputParameters["Target"];
        service.Update(new Entity("account", target.Id) { ["numberofemployees"] = context.Depth });
    }
}

/// <summary>Writes to SharedVariables; a later step of the same operation reads it.</summary>
public sealed class SharedVariableWriter : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory) =>
        context.SharedVariables["writtenby"] = "stage" + context.Stage.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Runs on contact create: updates the parent account with a tag (a nested operation with a ParentContext).</summary>
public sealed class TaggedParentUpdater : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        var target = (Entity)context.InputParameters["Target"];
        var parent = target.GetAttributeValue<EntityReference>("parentcustomerid");
        var request = new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = new Entity("account", parent.Id) { ["accountnumber"] = "TAGGED" } };
        request.Parameters["tag"] = "from-contact";
        factory.CreateOrganizationService(null).Execute(request);
    }
}

/// <summary>Asks the service factory for SYSTEM (null) and the calling user (Guid.Empty) and traces WhoAmI of each.</summary>
public sealed class ServiceFactoryProbe : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        var system = (WhoAmIResponse)factory.CreateOrganizationService(null).Execute(new WhoAmIRequest());
        var caller = (WhoAmIResponse)factory.CreateOrganizationService(Guid.Empty).Execute(new WhoAmIRequest());
        tracing.Trace("system={0}", system.UserId);
        tracing.Trace("caller={0}", caller.UserId);
    }
}

/// <summary>Asynchronous step: records whether it ran in a transaction and writes back to the row.</summary>
public sealed class AsyncAccountNumberWriter : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        tracing.Trace("mode={0} intransaction={1}", context.Mode, context.IsInTransaction);
        factory.CreateOrganizationService(null).Update(new Entity("account", context.PrimaryEntityId) { ["accountnumber"] = "ASYNC" });
    }
}

/// <summary>Custom API plugin: doubles "Value" into "Doubled"; when bound, also returns the target's name.</summary>
public sealed class DoublingApi : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        tracing.Trace("stage={0} message={1}", context.Stage, context.MessageName);
        var value = context.InputParameters.TryGetValue("Value", out var v) && v is int i ? i : 0;
        context.OutputParameters["Doubled"] = value * 2;
        if (context.InputParameters.TryGetValue("Target", out var target) && target is EntityReference reference)
        {
            var row = factory.CreateOrganizationService(null).Retrieve(reference.LogicalName, reference.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet("name"));
            context.OutputParameters["TargetName"] = row.GetAttributeValue<string>("name");
        }
    }
}

/// <summary>Reads and counts: one Retrieve and two RetrieveMultiple calls, for the call-count records.</summary>
public sealed class ChattyReader : TestPlugin
{
    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        var service = factory.CreateOrganizationService(null);
        service.Retrieve(context.PrimaryEntityName, context.PrimaryEntityId, new Microsoft.Xrm.Sdk.Query.ColumnSet(true));
        service.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("contact"));
        service.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("account"));
        tracing.Trace("read three times");
    }
}

/// <summary>
/// Runs on contact create: reads the parent account, then saves it with ConcurrencyBehavior.IfRowVersionMatches and
/// the RowVersion it read (as a ledger plugin does). With configuration "stale" it first writes the account itself,
/// so the version it read is out of date; every attempt is traced.
/// </summary>
public sealed class VersionedParentUpdater : TestPlugin
{
    public VersionedParentUpdater(string unsecure, string secure)
        : base(unsecure, secure)
    {
    }

    protected override void Run(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        var service = factory.CreateOrganizationService(null);
        var parent = ((Entity)context.InputParameters["Target"]).GetAttributeValue<EntityReference>("parentcustomerid");
        var account = service.Retrieve("account", parent.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet("numberofemployees"));
        tracing.Trace("read version={0}", account.RowVersion);
        if (Unsecure == "stale")
        {
            service.Update(new Entity("account", parent.Id) { ["accountnumber"] = "CHANGED-MEANWHILE" });
        }

        service.Execute(new Microsoft.Xrm.Sdk.Messages.UpdateRequest
        {
            Target = new Entity("account", parent.Id) { ["numberofemployees"] = account.GetAttributeValue<int>("numberofemployees") + 1, RowVersion = account.RowVersion },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });
    }
}
