using System;

namespace DataverseRelationship.LocalDataverse;

/// <summary>A malformed or inconsistent solution: bad step, image, plugin type, Custom API or table definition.</summary>
public sealed class SolutionRegistrationException : Exception
{
    public SolutionRegistrationException()
    {
    }

    public SolutionRegistrationException(string message)
        : base(message)
    {
    }

    public SolutionRegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
