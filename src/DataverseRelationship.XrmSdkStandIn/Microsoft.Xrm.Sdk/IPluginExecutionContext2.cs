using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>The plugin execution context with Azure AD and portal identities.</summary>
public interface IPluginExecutionContext2 : IPluginExecutionContext
{
    Guid InitiatingUserApplicationId { get; }

    Guid InitiatingUserAzureActiveDirectoryObjectId { get; }

    bool IsPortalsClientCall { get; }

    Guid PortalsContactId { get; }

    Guid UserAzureActiveDirectoryObjectId { get; }
}
