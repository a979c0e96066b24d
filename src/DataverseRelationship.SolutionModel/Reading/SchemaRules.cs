using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// Rules of CustomizationsSolution.xsd (Schemas 9.0.0.2090, Microsoft Learn "Customization solutions file schema",
/// https://learn.microsoft.com/power-apps/developer/data-platform/customization-solutions-file-schema) that apply to the
/// source files this project writes, checked where the source is read so that the finding names the source file.
/// </summary>
public static class SchemaRules
{
    /// <summary>The values of <c>OptionSetEnumType</c>: a Yes/No column's option set is <c>bit</c>, never <c>bool</c>.</summary>
    public static readonly IReadOnlyList<string> OptionSetTypes = ["picklist", "state", "status", "bit"];

    /// <summary>
    /// The element sequence of <c>sdkmessageprocessingstepimagetype</c>. Exports and pac-unpacked step files write
    /// SdkMessageProcessingStepImageId first (no Description), which this sequence allows.
    /// </summary>
    public static readonly IReadOnlyList<string> StepImageSequence =
    [
        "Description", "SdkMessageProcessingStepImageId", "Attributes", "EntityAlias", "ImageType", "MessagePropertyName",
        "RelatedAttributeName", "IsCustomizable", "IntroducedVersion",
    ];

    /// <summary>Adds a finding when an option set's <c>OptionSetType</c> is not one the schema allows.</summary>
    public static void CheckOptionSetType(XElement optionSet, string name, string file, List<ValidationFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(optionSet);
        ArgumentNullException.ThrowIfNull(findings);
        var type = optionSet.Element("OptionSetType")?.Value.Trim();
        if (type is not null && !OptionSetTypes.Contains(type, StringComparer.Ordinal))
        {
            findings.Add(new ValidationFinding(FindingKind.MalformedFile, file,
                $"optionset {name}: OptionSetType '{type}' is not one of {string.Join(", ", OptionSetTypes)} (a Yes/No column's option set is 'bit')."));
        }
    }

    /// <summary>Adds a finding when a step image's child elements are unknown, repeated or out of the schema's sequence.</summary>
    public static void CheckImageOrder(XElement image, string stepName, string file, List<ValidationFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(findings);
        var where = $"step '{stepName}', image '{image.Attribute("Name")?.Value ?? image.Element("EntityAlias")?.Value ?? "(unnamed)"}'";
        var last = -1;
        foreach (var child in image.Elements())
        {
            var index = IndexOf(StepImageSequence, child.Name.LocalName);
            if (index < 0)
            {
                findings.Add(new ValidationFinding(FindingKind.MalformedFile, file, $"{where}: <{child.Name.LocalName}> is not an element of SdkMessageProcessingStepImage."));
                continue;
            }

            if (index <= last)
            {
                findings.Add(new ValidationFinding(FindingKind.MalformedFile, file,
                    $"{where}: <{child.Name.LocalName}> comes after <{StepImageSequence[last]}>; the schema's order is {string.Join(", ", StepImageSequence)}."));
            }

            last = Math.Max(last, index);
        }
    }

    private static int IndexOf(IReadOnlyList<string> sequence, string name)
    {
        for (var i = 0; i < sequence.Count; i++)
        {
            if (string.Equals(sequence[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
