using System;

namespace DataverseRelationship.Flows.Definition;

/// <summary>A flow definition the local runner refuses: the message names the file, the trigger or action and what it does not support.</summary>
public sealed class UnsupportedFlowException : Exception
{
    public UnsupportedFlowException()
        : this("The flow uses something the local flow runner does not support.")
    {
    }

    public UnsupportedFlowException(string message)
        : base(message)
    {
    }

    public UnsupportedFlowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
