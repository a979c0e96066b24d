using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace DataverseRelationship.Solution.Tests.Schemas;

/// <summary>Validates a customizations.xml against the restated CustomizationsSolution.xsd and returns every error.</summary>
internal static class CustomizationsSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "CustomizationsSolution.restated.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Every schema error of <paramref name="document"/>, as "line: message".</summary>
    public static IReadOnlyList<string> Errors(XDocument document)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Set.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(document.ToString(SaveOptions.None)), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>
    /// A copy of <paramref name="document"/> without the constructs every current export writes that 9.0.0.2090 does not
    /// know, each listed with the real export that carries it (meandtech2001/Apollo-HealthCare-Management-D365-CRM-,
    /// pac-unpacked, commit 4af90e9294495d736f1f1087e206d1b997e8bfa9). They are taken out rather than matched in the error
    /// list because the validator skips the rest of an element after its first invalid child, which would hide our errors.
    /// </summary>
    public static (XDocument Copy, IReadOnlyList<string> Shared) WithoutSharedConstructs(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var copy = new XDocument(document);
        var shared = new List<string>();
        void Remove(IEnumerable<XObject> found, string what)
        {
            var list = found.ToList();
            if (list.Count > 0)
            {
                shared.Add($"{list.Count} x {what}");
            }

            foreach (var item in list)
            {
                switch (item)
                {
                    case XElement e: e.Remove(); break;
                    case XAttribute a: a.Remove(); break;
                }
            }
        }

        // SdkMessageProcessingSteps/{76e55b17-04e3-f011-8406-0022481a1bf1}.xml writes SdkMessageId first; the schema's
        // sequence has it after Rank. Moved there so its GuidType is still checked.
        var moved = 0;
        foreach (var step in copy.Descendants("SdkMessageProcessingStep"))
        {
            if (step.Elements().FirstOrDefault() is { Name.LocalName: "SdkMessageId" } id && step.Element("Rank") is { } rank)
            {
                id.Remove();
                rank.AddAfterSelf(id);
                moved++;
            }
        }

        if (moved > 0)
        {
            shared.Add($"{moved} x SdkMessageId first in a step (SdkMessageProcessingSteps/{{76e55b17-...}}.xml)");
        }

        string[] attributeSettings = ["AutoNumberFormat", "IsSearchable", "IsFilterable", "IsRetrievable", "IsLocalizable"];
        Remove(copy.Descendants("attribute").Elements().Where(e => attributeSettings.Contains(e.Name.LocalName)),
            "attribute AutoNumberFormat/IsSearchable/IsFilterable/IsRetrievable/IsLocalizable (Entities/Contact/Entity.xml)");
        Remove(copy.Descendants("option").Attributes("IsHidden"), "option IsHidden attribute (Entities/Contact/Entity.xml)");
        string[] entitySettings = ["IsRetrieveAuditEnabled", "IsRetrieveMultipleAuditEnabled", "IsMSTeamsIntegrationEnabled", "IsSolutionAware"];
        Remove(copy.Descendants("EntityInfo").Elements("entity").Elements().Where(e => entitySettings.Contains(e.Name.LocalName)),
            "entity IsRetrieveAuditEnabled/IsRetrieveMultipleAuditEnabled/IsMSTeamsIntegrationEnabled/IsSolutionAware (Entities/apollo_Shift/Entity.xml)");
        Remove(copy.Descendants("EntityRelationship").Elements("CascadeArchive"), "relationship CascadeArchive (Other/Relationships/apollo_Shift.xml)");
        Remove(copy.Descendants("FieldPermission").Elements("CanReadUnmasked"), "FieldPermission CanReadUnmasked (Other/FieldSecurityProfiles.xml)");
        string[] flowSettings = ["JsonFileName", "IsCustomProcessingStepAllowedForOtherPublishers", "ModernFlowType"];
        Remove(copy.Descendants("Workflow").Elements().Where(e => flowSettings.Contains(e.Name.LocalName)),
            "cloud flow JsonFileName/IsCustomProcessingStepAllowedForOtherPublishers/ModernFlowType (Workflows/CRMtoWhatsapp-984BBEB3-....json.data.xml)");
        Remove(copy.Root!.Elements("connectionreferences"), "connectionreferences section (Other/Customizations.xml)");
        return (copy, shared);
    }
}
