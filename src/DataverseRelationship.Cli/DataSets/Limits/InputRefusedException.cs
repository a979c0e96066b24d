using System;

namespace DataverseRelationship.Cli.DataSets.Limits;

/// <summary>Input a loader stops reading: over a limit, not UTF-8, or not what its checksum says. The message is the reason.</summary>
public sealed class InputRefusedException : Exception
{
    public InputRefusedException()
        : this("the input is refused")
    {
    }

    public InputRefusedException(string message)
        : base(message)
    {
    }

    public InputRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
