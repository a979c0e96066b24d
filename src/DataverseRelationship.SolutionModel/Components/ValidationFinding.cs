namespace DataverseRelationship.SolutionModel;

/// <summary>One inconsistency found in the solution source: what kind, in which file, and a message naming the component and the reason.</summary>
public sealed record ValidationFinding(FindingKind Kind, string File, string Message)
{
    public override string ToString() => $"{Kind}: {File}: {Message}";
}

/// <summary>The kinds of inconsistency the validator detects.</summary>
public enum FindingKind
{
    /// <summary>A file is not well-formed XML or JSON, or lacks a required element.</summary>
    MalformedFile,
    /// <summary>Two components share one GUID.</summary>
    DuplicateId,
    /// <summary>Solution.xml: identity, version, publisher prefix or root components are wrong.</summary>
    InvalidManifest,
    /// <summary>A choice value outside the publisher's option value prefix range, or a choice that differs from the code's enum.</summary>
    InvalidChoice,
    /// <summary>A column the code or another component names does not exist.</summary>
    MissingColumn,
    /// <summary>A custom column the solution defines that no schema class names (the code and the solution must agree both ways).</summary>
    UnnamedColumn,
    /// <summary>A lookup column without the relationship that names its target table.</summary>
    MissingRelationship,
    /// <summary>A column exists with another type than the code says.</summary>
    ColumnTypeMismatch,
    /// <summary>A table that is named does not exist.</summary>
    MissingTable,
    /// <summary>A choice column's option set does not exist.</summary>
    MissingOptionSet,
    /// <summary>A step or custom API names a plugin type the assembly registration or the built assembly lacks.</summary>
    MissingPluginType,
    /// <summary>A plugin type cannot be instantiated by the platform (no IPlugin, abstract, or no usable constructor).</summary>
    InvalidPluginType,
    /// <summary>A step's message, stage, mode or image is not valid for what it registers.</summary>
    InvalidStep,
    /// <summary>A custom API (or one of its fields) that is named does not exist or is invalid.</summary>
    InvalidCustomApi,
    /// <summary>A flow names a connection reference that is not defined.</summary>
    MissingConnectionReference,
    /// <summary>A flow is not a solution cloud flow or names something that does not exist.</summary>
    InvalidFlow,
    /// <summary>An environment variable, role or field security profile is missing or invalid.</summary>
    InvalidSetting,
}
