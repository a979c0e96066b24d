using System;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>A Dataverse connector action that cannot run as given (an unknown table or column, a filter the runner does not read...).</summary>
public sealed class FlowConnectorException : Exception
{
    public FlowConnectorException()
        : this("The action cannot run as given.")
    {
    }

    public FlowConnectorException(string message)
        : base(message)
    {
    }

    public FlowConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
