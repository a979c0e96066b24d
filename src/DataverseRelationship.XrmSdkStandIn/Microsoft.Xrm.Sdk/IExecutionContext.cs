using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>The context of the operation a plugin runs in.</summary>
public interface IExecutionContext
{
    Guid BusinessUnitId { get; }

    Guid CorrelationId { get; }

    /// <summary>How deep the call chain of plugins and workflows is (1 for the first).</summary>
    int Depth { get; }

    Guid InitiatingUserId { get; }

    ParameterCollection InputParameters { get; }

    bool IsExecutingOffline { get; }

    bool IsInTransaction { get; }

    bool IsOfflinePlayback { get; }

    /// <summary>1 = none, 2 = sandbox.</summary>
    int IsolationMode { get; }

    string MessageName { get; }

    /// <summary>0 = synchronous, 1 = asynchronous.</summary>
    int Mode { get; }

    DateTime OperationCreatedOn { get; }

    Guid OperationId { get; }

    Guid OrganizationId { get; }

    string OrganizationName { get; }

    ParameterCollection OutputParameters { get; }

    /// <summary>The step (or other extension) that caused this execution.</summary>
    EntityReference OwningExtension { get; }

    EntityImageCollection PostEntityImages { get; }

    EntityImageCollection PreEntityImages { get; }

    Guid PrimaryEntityId { get; }

    string PrimaryEntityName { get; }

    Guid? RequestId { get; }

    string SecondaryEntityName { get; }

    /// <summary>Values passed between plugins of the same operation (and the request's optional "tag").</summary>
    ParameterCollection SharedVariables { get; }

    Guid UserId { get; }
}
