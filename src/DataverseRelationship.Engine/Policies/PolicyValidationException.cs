using System;

namespace DataverseRelationship.Engine.Policies;

/// <summary>A policy document that does not parse or does not validate: names the field and the reason.</summary>
public sealed class PolicyValidationException : Exception
{
    public PolicyValidationException()
        : this("(policy)", "is invalid")
    {
    }

    public PolicyValidationException(string message)
        : this("(policy)", message)
    {
    }

    public PolicyValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "(policy)";
        Reason = message;
    }

    public PolicyValidationException(string field, string reason)
        : base(field + ": " + reason)
    {
        Field = field;
        Reason = reason;
    }

    public PolicyValidationException(string field, string reason, Exception innerException)
        : base(field + ": " + reason, innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>The JSON path of the field, e.g. "tiers.preferred.minimumLoyalty".</summary>
    public string Field { get; }

    /// <summary>Why it was rejected, e.g. "must be between 0 and 100 (was 140)".</summary>
    public string Reason { get; }
}
