using System;

namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>Packing cannot go on: the message names the file or field at fault and the reason.</summary>
public sealed class PackingException : Exception
{
    public PackingException()
    {
    }

    public PackingException(string message)
        : base(message)
    {
    }

    public PackingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
