using System;
using System.Collections.Generic;

namespace DataverseRelationship.LocalDataverse.Registration;

/// <summary>Pipeline stage of a step (SdkMessageProcessingStep.Stage).</summary>
public enum PipelineStage
{
    PreValidation = 10,
    PreOperation = 20,
    MainOperation = 30,
    PostOperation = 40,
}

/// <summary>Which images a step image registration asks for (SdkMessageProcessingStepImage.ImageType).</summary>
public enum ImageKind
{
    Pre = 0,
    Post = 1,
    Both = 2,
}

/// <summary>One registered image: the alias it is published under and the columns it holds (all when empty).</summary>
public sealed record ImageRegistration(string Alias, ImageKind Kind, IReadOnlyList<string> Columns, string MessagePropertyName)
{
    public bool IsPre => Kind is ImageKind.Pre or ImageKind.Both;

    public bool IsPost => Kind is ImageKind.Post or ImageKind.Both;
}

/// <summary>One step registration read from <c>SdkMessageProcessingSteps/{guid}.xml</c>, with its plugin type resolved.</summary>
public sealed class StepRegistration
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The pipeline message (Create, Update, Delete, Win, Lose, SetState or a Custom API's unique name).</summary>
    public required string Message { get; init; }

    /// <summary>The table the step is registered on; empty for a global message.</summary>
    public required string PrimaryEntity { get; init; }

    public required PipelineStage Stage { get; init; }

    /// <summary>True for an asynchronous step (Mode 1).</summary>
    public required bool IsAsynchronous { get; init; }

    public required int Rank { get; init; }

    /// <summary>Update only: the step runs when one of these columns is present in Target. Empty = every update.</summary>
    public required IReadOnlySet<string> FilteringAttributes { get; init; }

    public required IReadOnlyList<ImageRegistration> Images { get; init; }

    /// <summary>The unsecure configuration (CustomConfiguration), passed as the constructor's first argument.</summary>
    public string? UnsecureConfiguration { get; init; }

    /// <summary>The secure configuration (not part of a solution; supplied through <see cref="LocalDataverseOptions"/>).</summary>
    public string? SecureConfiguration { get; init; }

    public required string PluginTypeName { get; init; }

    public required Type PluginType { get; init; }

    /// <summary>The file the step was read from.</summary>
    public required string SourceFile { get; init; }

    public override string ToString() => Name;
}

/// <summary>A Custom API as the pipeline runs it: the solution's definition with its plugin type resolved.</summary>
public sealed class CustomApiRegistration
{
    public required string UniqueName { get; init; }

    /// <summary>0 global, 1 entity, 2 entity collection.</summary>
    public required int BindingType { get; init; }

    public string? BoundEntityLogicalName { get; init; }

    /// <summary>The plugin type that runs the API in the main operation stage (none: the API only raises its event).</summary>
    public Type? PluginType { get; init; }

    public required IReadOnlyList<CustomApiParameter> RequestParameters { get; init; }

    public required IReadOnlyList<CustomApiParameter> ResponseProperties { get; init; }

    /// <summary>The privilege a caller needs to execute the API (customapi.executeprivilegename); null when none is named.</summary>
    public string? ExecutePrivilegeName { get; init; }
}

/// <summary>A Custom API request parameter or response property: unique name, type code and whether it is optional.</summary>
public sealed record CustomApiParameter(string UniqueName, CustomApiFieldType Type, bool IsOptional);

/// <summary>
/// Custom API parameter type codes
/// (https://learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables#customapirequestparameter-table).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are Dataverse's own names for Custom API parameter types.")]
public enum CustomApiFieldType
{
    Boolean = 0,
    DateTime = 1,
    Decimal = 2,
    Entity = 3,
    EntityCollection = 4,
    EntityReference = 5,
    Float = 6,
    Integer = 7,
    Money = 8,
    Picklist = 9,
    String = 10,
    StringArray = 11,
    Guid = 12,
}
