using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

/// <summary>PluginAssemblies/&lt;asm&gt;-&lt;id&gt;/&lt;asm&gt;.dll.data.xml.</summary>
public sealed record PluginAssemblyDefinition(string File, Guid Id, string FullName, IReadOnlyList<PluginTypeDefinition> PluginTypes);

/// <summary>A registered plugin type: its id and the CLR type it names.</summary>
public sealed record PluginTypeDefinition(Guid Id, string TypeName, string AssemblyQualifiedName);

/// <summary>SdkMessageProcessingSteps/{id}.xml. Numbers the file lacks or that do not parse are -1 (the validator reports them).</summary>
public sealed record StepDefinition(
    string File,
    Guid Id,
    string Name,
    Guid? MessageId,
    string? MessageName,
    string PluginTypeName,
    Guid? PluginTypeId,
    string PrimaryEntity,
    int Stage,
    int Mode,
    IReadOnlyList<string> FilteringAttributes,
    IReadOnlyList<StepImageDefinition> Images)
{
    /// <summary>The execution order among steps of one stage (Rank, default 1).</summary>
    public int Rank { get; init; } = 1;

    /// <summary>The unsecure configuration passed to the plugin's constructor (CustomConfiguration).</summary>
    public string? CustomConfiguration { get; init; }

    /// <summary>The CLR type name part of <see cref="PluginTypeName"/> (before the first comma).</summary>
    public string PluginClrTypeName => PluginTypeName.Split(',')[0].Trim();
}

/// <summary>A pre- or post-image of a step (ImageType 0 pre, 1 post, 2 both).</summary>
public sealed record StepImageDefinition(Guid Id, string Alias, int ImageType, string MessagePropertyName, IReadOnlyList<string> Attributes);

/// <summary>customapis/&lt;uniquename&gt;/customapi.xml with its request parameters and response properties.</summary>
public sealed record CustomApiDefinition(
    string File,
    string UniqueName,
    int BindingType,
    string? BoundEntity,
    Guid? PluginTypeId,
    IReadOnlyList<CustomApiField> RequestParameters,
    IReadOnlyList<CustomApiField> ResponseProperties,
    string? ExecutePrivilegeName = null);

/// <summary>A custom API request parameter or response property (type codes: 0 Boolean, 7 Integer, 10 String, ...).</summary>
public sealed record CustomApiField(string File, string Name, int Type, bool IsOptional);
