namespace Microsoft.Xrm.Sdk;

/// <summary>The execution context of a plugin step.</summary>
public interface IPluginExecutionContext : IExecutionContext
{
    /// <summary>The context of the operation that caused this one, or null for a top-level operation.</summary>
    IPluginExecutionContext ParentContext { get; }

    /// <summary>10 pre-validation, 20 pre-operation, 30 main operation, 40 post-operation.</summary>
    int Stage { get; }
}
