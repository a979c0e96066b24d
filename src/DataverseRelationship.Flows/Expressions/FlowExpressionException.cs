using System;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>An expression that cannot be parsed or evaluated; the message names the expression and the reason.</summary>
public sealed class FlowExpressionException : Exception
{
    public FlowExpressionException()
        : this("The expression is not valid.")
    {
    }

    public FlowExpressionException(string message)
        : base(message)
    {
    }

    public FlowExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
