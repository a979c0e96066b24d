namespace Microsoft.Xrm.Sdk;

/// <summary>Posts the execution context to a service endpoint (asynchronous registrations).</summary>
public interface IServiceEndpointNotificationService
{
    string Execute(EntityReference serviceEndpoint, IExecutionContext context);
}
