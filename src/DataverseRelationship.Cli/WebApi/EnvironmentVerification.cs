using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.Plugins.Schema;
using EntitySets = DataverseRelationship.WebApi.EntitySetNames;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>One check of a deployment: the kind of component, its name, whether it holds, what is wrong and how to fix it.</summary>
public sealed record DeploymentCheck(string Component, string Name, bool Holds, string Finding, string Fix);

/// <summary>
/// dvrel verify: checks an environment against the unpacked solution (one source of truth: the solution's own files,
/// read by <see cref="DeploymentManifest"/> and the local Dataverse's step reader): the solution is installed, at this
/// version, managed; the plugin assembly and every step are registered and enabled; the policy environment variable's
/// value (or default) validates with the engine's own validator; every connection reference is bound; every cloud
/// flow is on. It reads the system tables through the Web API
/// (https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/solution, .../pluginassembly,
/// .../sdkmessageprocessingstep, .../environmentvariablevalue, .../connectionreference, .../workflow).
/// </summary>
public sealed class EnvironmentVerification(DataverseWebApiClient client, DeploymentManifest manifest, IReadOnlyList<StepRegistration> steps)
{
    private const string ImportFix = "import the managed solution: pac-scripts/import.sh (pac solution import --path <managed zip> --activate-plugins --settings-file out/deployment-settings.json)";

    /// <summary>The policy document in force in the environment (its variable's value, else its default), once <see cref="RunAsync"/> has read it.</summary>
    public string? PolicyJson { get; private set; }

    public async Task<IReadOnlyList<DeploymentCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var checks = new List<DeploymentCheck>();
        await Solution(checks, cancellationToken).ConfigureAwait(false);
        await PluginAssemblies(checks, cancellationToken).ConfigureAwait(false);
        await Steps(checks, cancellationToken).ConfigureAwait(false);
        await Policy(checks, cancellationToken).ConfigureAwait(false);
        await ConnectionReferences(checks, cancellationToken).ConfigureAwait(false);
        await Flows(checks, cancellationToken).ConfigureAwait(false);
        return checks;
    }

    private async Task Solution(List<DeploymentCheck> checks, CancellationToken ct)
    {
        const string Kind = "solution";
        JsonObject? row = await First($"solutions?$select=uniquename,version,ismanaged&$filter=uniquename eq '{manifest.UniqueName}'", ct).ConfigureAwait(false);
        if (row is null)
        {
            checks.Add(new(Kind, manifest.UniqueName, false, "not installed", ImportFix));
            return;
        }

        string version = row["version"]?.GetValue<string>() ?? "(none)";
        bool managed = row["ismanaged"]?.GetValue<bool>() ?? false;
        checks.Add(version == manifest.Version
            ? new(Kind, manifest.UniqueName, true, $"version {version}", string.Empty)
            : new(Kind, manifest.UniqueName, false, $"version {version} installed; this release is {manifest.Version}", "upgrade: " + ImportFix + " --stage-and-upgrade"));
        checks.Add(managed
            ? new(Kind, manifest.UniqueName + " (managed)", true, "managed", string.Empty)
            : new(Kind, manifest.UniqueName + " (managed)", false, "installed unmanaged (a development import)", "production takes the managed solution: remove the unmanaged one, then " + ImportFix));
    }

    private async Task PluginAssemblies(List<DeploymentCheck> checks, CancellationToken ct)
    {
        foreach (DeploymentComponent assembly in manifest.PluginAssemblies)
        {
            JsonObject? row = await First($"pluginassemblies?$select=name&$filter=name eq '{assembly.Name}'", ct).ConfigureAwait(false);
            checks.Add(row is null
                ? new("plugin assembly", assembly.Name, false, "not registered", ImportFix)
                : new("plugin assembly", assembly.Name, true, "registered", string.Empty));
        }
    }

    private async Task Steps(List<DeploymentCheck> checks, CancellationToken ct)
    {
        foreach (StepRegistration step in steps)
        {
            JsonObject? row = await client.FindAsync($"{EntitySets.Of("sdkmessageprocessingstep")}({step.Id:D})?$select=name,statecode", ct).ConfigureAwait(false);
            if (row is null)
            {
                checks.Add(new("step", step.Name, false, $"not registered (step {step.Id:D})", ImportFix + " (it registers every step)"));
            }
            else if (row["statecode"]?.GetValue<int>() != 0)
            {
                checks.Add(new("step", step.Name, false, "disabled", "enable the step: make.powerapps.com > Solutions > the solution > Plug-in steps > Turn on (or the Plugin Registration Tool); pac-scripts/import.sh --activate-plugins enables all"));
            }
            else
            {
                checks.Add(new("step", step.Name, true, "enabled", string.Empty));
            }
        }
    }

    private async Task Policy(List<DeploymentCheck> checks, CancellationToken ct)
    {
        const string Kind = "environment variable";
        string name = EnvironmentVariables.PolicySchemaName;
        JsonObject? definition = await First($"{EntitySets.Of(EnvironmentVariables.DefinitionTable)}?$select={EnvironmentVariables.DefinitionId},{EnvironmentVariables.DefinitionDefaultValue}&$filter={EnvironmentVariables.DefinitionSchemaName} eq '{name}'", ct).ConfigureAwait(false);
        if (definition is null)
        {
            checks.Add(new(Kind, name, false, "not defined", ImportFix));
            return;
        }

        string id = definition[EnvironmentVariables.DefinitionId]!.GetValue<string>();
        JsonObject? value = await First($"{EntitySets.Of(EnvironmentVariables.ValueTable)}?$select={EnvironmentVariables.ValueValue}&$filter=_{EnvironmentVariables.ValueDefinitionId}_value eq {id}", ct).ConfigureAwait(false);
        string? json = value?[EnvironmentVariables.ValueValue]?.GetValue<string>() ?? definition[EnvironmentVariables.DefinitionDefaultValue]?.GetValue<string>();
        string source = value is null ? "default value" : "value";
        PolicyJson = json;
        try
        {
            RelationshipPolicy policy = RelationshipPolicyJson.Parse(json ?? string.Empty);
            checks.Add(new(Kind, name, true, $"{source} validates (policy {policy.Version})", string.Empty));
        }
        catch (PolicyValidationException ex)
        {
            checks.Add(new(Kind, name, false, $"the {source} does not validate: {ex.Message}", "set a valid policy as the variable's value (check the file first: dvrel preview --policy FILE); pac-scripts/create-settings.sh writes it into the deployment settings"));
        }
    }

    private async Task ConnectionReferences(List<DeploymentCheck> checks, CancellationToken ct)
    {
        foreach (string reference in manifest.ConnectionReferences)
        {
            JsonObject? row = await First($"connectionreferences?$select=connectionid&$filter=connectionreferencelogicalname eq '{reference}'", ct).ConfigureAwait(false);
            string? connection = row?["connectionid"]?.GetValue<string>();
            checks.Add(row is null
                ? new("connection reference", reference, false, "not present", ImportFix)
                : string.IsNullOrWhiteSpace(connection)
                    ? new("connection reference", reference, false, "not bound to a connection", "bind it: give its connection id in the deployment settings (pac-scripts/create-settings.sh) and import again, or pick a connection in make.powerapps.com > Solutions > Connection references")
                    : new("connection reference", reference, true, "bound", string.Empty));
        }
    }

    private async Task Flows(List<DeploymentCheck> checks, CancellationToken ct)
    {
        foreach (DeploymentComponent flow in manifest.Flows)
        {
            JsonObject? row = await client.FindAsync($"workflows({flow.Id:D})?$select=name,statecode", ct).ConfigureAwait(false);
            checks.Add(row is null
                ? new("flow", flow.Name, false, "not present", ImportFix)
                : row["statecode"]?.GetValue<int>() == 1
                    ? new("flow", flow.Name, true, "on", string.Empty)
                    : new("flow", flow.Name, false, "off", "turn it on: make.powerapps.com > Solutions > Cloud flows > Turn on (after its connection reference is bound)"));
        }
    }

    private async Task<JsonObject?> First(string path, CancellationToken ct)
    {
        JsonObject page = await client.GetAsync(path + "&$top=1", ct).ConfigureAwait(false);
        return (page["value"] as JsonArray)?.FirstOrDefault() as JsonObject;
    }
}
