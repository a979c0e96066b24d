using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DataverseRelationship.Solution.Tests.Packing;

/// <summary>
/// Writes a small unpacked solution in pac layout: one of every component kind the packer handles, so the tests
/// do not depend on the content of solution/src.
/// </summary>
internal sealed class SolutionSourceFixture
{
    public const string UniqueName = "DataverseRelationship";
    public const string Version = "1.2.3.4";
    public const string AssemblyFolder = "DataverseRelationship.Plugins-084971AF-73ED-4FCE-A072-22517459E11C";
    public const string StepId = "{160cfe29-62eb-4736-8e7e-d01d7158edd0}";
    public const string FormId = "{6f1a3c2e-0d59-4b1e-9a77-3f3b8a1c2d01}";
    public const string ViewId = "{1d2c3b4a-5e6f-4a8b-9c0d-e1f2a3b4c5d6}";
    public const string FlowFile = "RelationshiptierchangedFollowup-DCF60373-F685-4E83-BCB0-93AC8AFC7225.json";
    public const string FlowId = "{dcf60373-f685-4e83-bcb0-93ac8afc7225}";
    public const string AssemblyToken = "06b801852a48a391";

    private const string Xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    public SolutionSourceFixture(string root, string assemblyToken = AssemblyToken)
    {
        Root = root;
        Write("Other/Solution.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <ImportExportXml version="9.2.0.0" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" {Xsi}>
              <SolutionManifest>
                <UniqueName>{UniqueName}</UniqueName>
                <LocalizedNames><LocalizedName description="Dataverse Relationship" languagecode="1033" /></LocalizedNames>
                <Descriptions><Description description="Tiered customer relationships." languagecode="1033" /></Descriptions>
                <Version>{Version}</Version>
                <Managed>2</Managed>
                <Publisher>
                  <UniqueName>dataverserelationship</UniqueName>
                  <CustomizationPrefix>dvr</CustomizationPrefix>
                  <CustomizationOptionValuePrefix>41870</CustomizationOptionValuePrefix>
                </Publisher>
                <RootComponents>
                  <RootComponent type="1" schemaName="account" behavior="1" />
                  <RootComponent type="1" schemaName="dvr_tierchange" behavior="0" />
                </RootComponents>
                <MissingDependencies />
              </SolutionManifest>
            </ImportExportXml>
            """);
        Write("Other/Customizations.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <ImportExportXml {Xsi} OrganizationVersion="9.2.0.0">
              <Entities />
              <Roles />
              <Workflows />
              <EntityRelationships />
              <optionsets />
              <SolutionPluginAssemblies />
              <SdkMessageProcessingSteps />
              <connectionreferences>
                <connectionreference connectionreferencelogicalname="dvr_sharedcommondataserviceforapps">
                  <connectorid>/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps</connectorid>
                </connectionreference>
              </connectionreferences>
              <Languages><Language>1033</Language></Languages>
            </ImportExportXml>
            """);
        Write("Other/Relationships.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <EntityRelationships>
              <EntityRelationship Name="dvr_account_dvr_tierchange_account"><EntityRelationshipType>OneToMany</EntityRelationshipType></EntityRelationship>
            </EntityRelationships>
            """);
        Write("Entities/Account/Entity.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Entity {Xsi}>
              <Name LocalizedName="Account" OriginalName="Account">Account</Name>
              <EntityInfo><entity Name="Account" unmodified="1"><attributes>
                <attribute PhysicalName="dvr_Tier"><Type>picklist</Type><Name>dvr_tier</Name><LogicalName>dvr_tier</LogicalName><OptionSetName>dvr_relationshiptier</OptionSetName></attribute>
              </attributes></entity></EntityInfo>
              <RibbonDiffXml />
            </Entity>
            """);
        Write("Entities/dvr_tierchange/Entity.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Entity {Xsi}>
              <Name LocalizedName="Tier change" OriginalName="Tier change">dvr_tierchange</Name>
              <EntityInfo><entity Name="dvr_tierchange"><attributes>
                <attribute PhysicalName="dvr_Name"><Type>nvarchar</Type><Name>dvr_name</Name><LogicalName>dvr_name</LogicalName></attribute>
              </attributes></entity></EntityInfo>
              <RibbonDiffXml />
            </Entity>
            """);
        Write($"Entities/dvr_tierchange/FormXml/main/{FormId}.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <forms {Xsi}><systemform><formid>{FormId}</formid><form><tabs /></form></systemform></forms>
            """);
        Write($"Entities/dvr_tierchange/SavedQueries/{ViewId}.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <savedqueries {Xsi}><savedquery><savedqueryid>{ViewId}</savedqueryid><querytype>0</querytype></savedquery></savedqueries>
            """);
        Write("OptionSets/dvr_relationshiptier.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <optionset Name="dvr_relationshiptier" localizedName="Relationship tier" {Xsi}>
              <OptionSetType>picklist</OptionSetType>
              <options><option value="418700000" /><option value="418700001" /></options>
            </optionset>
            """);
        Write($"PluginAssemblies/{AssemblyFolder}/DataverseRelationship.Plugins.dll.data.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <PluginAssembly FullName="DataverseRelationship.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken={assemblyToken}" PluginAssemblyId="084971af-73ed-4fce-a072-22517459e11c" CustomizationLevel="1" {Xsi}>
              <IsolationMode>2</IsolationMode>
              <SourceType>0</SourceType>
              <FileName>/PluginAssemblies/{AssemblyFolder}/DataverseRelationship.Plugins.dll</FileName>
              <PluginTypes><PluginType AssemblyQualifiedName="DataverseRelationship.Plugins.Accounts.ValidateTierOverride, DataverseRelationship.Plugins" PluginTypeId="3f0b5e8c-8f5a-4b2a-9c7e-1a2b3c4d5e6f" Name="DataverseRelationship.Plugins.Accounts.ValidateTierOverride" /></PluginTypes>
            </PluginAssembly>
            """);
        Write($"SdkMessageProcessingSteps/{StepId}.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <SdkMessageProcessingStep Name="DataverseRelationship.Plugins.Accounts.ValidateTierOverride: Update of account" SdkMessageProcessingStepId="{StepId}" {Xsi}>
              <SdkMessageId>20bebb1b-ea3e-db11-86a7-000a3a5473e8</SdkMessageId>
              <PluginTypeName>DataverseRelationship.Plugins.Accounts.ValidateTierOverride</PluginTypeName>
              <PrimaryEntity>account</PrimaryEntity>
              <Mode>0</Mode><Rank>1</Rank><Stage>20</Stage>
            </SdkMessageProcessingStep>
            """);
        Write($"Workflows/{FlowFile}", """{"properties":{"definition":{"triggers":{}}}}""");
        Write($"Workflows/{FlowFile}.data.xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Workflow WorkflowId="{FlowId}" Name="Relationship tier changed: follow-up" {Xsi}>
              <JsonFileName>/Workflows/{FlowFile}</JsonFileName>
              <Type>1</Type><Category>5</Category>
            </Workflow>
            """);
        Write("Roles/Relationship Manager.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <Role id="{a1b2c3d4-e5f6-4789-9abc-def012345678}" name="Relationship Manager"><RolePrivileges /></Role>
            """);
        Write("environmentvariabledefinitions/dvr_TierCapPercent/environmentvariabledefinition.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <environmentvariabledefinition schemaname="dvr_TierCapPercent"><type>100000001</type></environmentvariabledefinition>
            """);
        Write("customapis/dvr_RecalculateAccount/customapi.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <customapi uniquename="dvr_RecalculateAccount"><bindingtype>1</bindingtype></customapi>
            """);
    }

    public string Root { get; }

    /// <summary>The zip entries the packer must write for this source besides the three manifests.</summary>
    public static IReadOnlyList<string> FileComponents { get; } =
    [
        $"PluginAssemblies/{AssemblyFolder}/DataverseRelationship.Plugins.dll",
        $"Workflows/{FlowFile}",
        "environmentvariabledefinitions/dvr_TierCapPercent/environmentvariabledefinition.xml",
        "customapis/dvr_RecalculateAccount/customapi.xml",
    ];

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(true));
        return path;
    }

    public void Delete(string relative) => File.Delete(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));
}
