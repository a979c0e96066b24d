using System;
using System.Linq;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.WebApi;

/// <summary>
/// The system tables a deployment is checked in (solution, pluginassembly, sdkmessageprocessingstep, workflow,
/// connectionreference), with the columns dvrel verify reads, added to a local Dataverse and filled as a complete,
/// healthy import of the solution leaves them: managed, every step enabled, flows on, connection reference bound.
/// Columns follow the table reference (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/solution,
/// .../pluginassembly, .../sdkmessageprocessingstep, .../workflow, .../connectionreference). Tests break a row to
/// see verify report it. The local pipeline runs the steps as the solution registers them whatever these rows say.
/// </summary>
public static class DeploymentTables
{
    /// <summary>The connection id the local host binds every connection reference to.</summary>
    public const string LocalConnectionId = "local-dataverse-connection";

    /// <summary>Adds the tables and their rows for <paramref name="manifest"/> and the dataverse's steps.</summary>
    public static void Install(LocalDataverseInstance dataverse, DeploymentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(dataverse);
        ArgumentNullException.ThrowIfNull(manifest);
        SchemaCatalog schema = dataverse.Schema;
        schema.AddTable(new TableMetadata("solution", "solutionid", "uniquename")
            .AddColumn(Text("uniquename")).AddColumn(Text("friendlyname")).AddColumn(Text("version")).AddColumn(new ColumnMetadata("ismanaged", ColumnType.YesNo)));
        schema.AddTable(WithState(new TableMetadata("pluginassembly", "pluginassemblyid", "name").AddColumn(Text("name")).AddColumn(Text("version")), 1, 2));
        schema.AddTable(WithState(new TableMetadata("sdkmessageprocessingstep", "sdkmessageprocessingstepid", "name").AddColumn(Text("name")), 1, 2));
        schema.AddTable(WithState(new TableMetadata("workflow", "workflowid", "name").AddColumn(Text("name")).AddColumn(new ColumnMetadata("category", ColumnType.Choice)), 1, 2));
        schema.AddTable(WithState(new TableMetadata("connectionreference", "connectionreferenceid", "connectionreferencelogicalname")
            .AddColumn(Text("connectionreferencelogicalname")).AddColumn(Text("connectionid")), 1, 2));

        dataverse.Seed(new Entity("solution")
        {
            ["uniquename"] = manifest.UniqueName,
            ["friendlyname"] = manifest.UniqueName,
            ["version"] = manifest.Version,
            ["ismanaged"] = true,
        });
        foreach (DeploymentComponent assembly in manifest.PluginAssemblies)
        {
            dataverse.Seed(new Entity("pluginassembly", assembly.Id) { ["name"] = assembly.Name, ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });
        }

        foreach (StepRegistration step in dataverse.Steps)
        {
            dataverse.Seed(new Entity("sdkmessageprocessingstep", step.Id) { ["name"] = step.Name, ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });
        }

        foreach (DeploymentComponent flow in manifest.Flows)
        {
            dataverse.Seed(new Entity("workflow", flow.Id) { ["name"] = flow.Name, ["category"] = new OptionSetValue(5), ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
        }

        foreach (string reference in manifest.ConnectionReferences)
        {
            dataverse.Seed(new Entity("connectionreference") { ["connectionreferencelogicalname"] = reference, ["connectionid"] = LocalConnectionId, ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) });
        }
    }

    private static readonly int[] TwoStates = [0, 1];
    private static readonly int[] TwoStatuses = [1, 2];

    private static ColumnMetadata Text(string name) => new(name, ColumnType.Text) { MaxLength = 400 };

    /// <summary>statecode 0/1 and statuscode with the two defaults the table reference lists for each state.</summary>
    private static TableMetadata WithState(TableMetadata table, int activeStatus, int inactiveStatus) => table
        .AddColumn(new ColumnMetadata("statecode", ColumnType.State) { AllowedValues = TwoStates.ToHashSet() })
        .AddColumn(new ColumnMetadata("statuscode", ColumnType.Status) { AllowedValues = TwoStatuses.ToHashSet() })
        .WithDefaultStatus(0, activeStatus)
        .WithDefaultStatus(1, inactiveStatus);
}
