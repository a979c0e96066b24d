using System;
using System.Linq;
using System.Threading.Tasks;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>dvrel verify passes a complete deployment and reports each kind of missing or disabled component with its fix.</summary>
public sealed class VerifyCommandTests
{
    private static readonly DeploymentManifest Manifest = DeploymentManifest.Read(InProcessEnvironment.SolutionFolder);

    private static Entity Only(InProcessEnvironment environment, string table) => Assert.Single(environment.Dataverse.ReadAll(table));

    private static async Task<string> FailureOf(Action<InProcessEnvironment> breakIt, string component)
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.EmptyAsync();
        breakIt(environment);
        var run = environment.Run("verify", "--environment", InProcessEnvironment.Url);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("1 of ", run.Output, StringComparison.Ordinal);
        string row = Assert.Single(run.Output.Split('\n'), l => l.Contains(component, StringComparison.Ordinal) && l.Contains('│'));
        return row;
    }

    [Fact]
    public async Task A_complete_deployment_passes_every_check()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.EmptyAsync();
        var run = environment.Run("verify", "--environment", InProcessEnvironment.Url);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        int expected = 2 + Manifest.PluginAssemblies.Count + environment.Dataverse.Steps.Count + 1 + Manifest.ConnectionReferences.Count + Manifest.Flows.Count;
        Assert.Contains($"is complete: {expected} checks hold", run.Output, StringComparison.Ordinal);
        Assert.True(environment.Dataverse.Steps.Count >= 10 && Manifest.Flows.Count == 2 && Manifest.ConnectionReferences.Count == 1);
    }

    [Fact]
    public async Task A_missing_solution_is_reported_with_the_import_to_run()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.EmptyAsync();
        environment.Dataverse.Service.Delete("solution", Only(environment, "solution").Id);
        var run = environment.Run("verify", "--environment", InProcessEnvironment.Url);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("not installed", run.Output, StringComparison.Ordinal);
        Assert.Contains("pac-scripts/import.sh", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_solution_version_is_reported()
    {
        string row = await FailureOf(e => e.Dataverse.Service.Update(new Entity("solution", Only(e, "solution").Id) { ["version"] = "0.9.0.0" }), "version 0.9.0.0");
        Assert.Contains($"this release is {Manifest.Version}", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmanaged_solution_is_reported()
    {
        string row = await FailureOf(e => e.Dataverse.Service.Update(new Entity("solution", Only(e, "solution").Id) { ["ismanaged"] = false }), "unmanaged");
        Assert.Contains("managed solution", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_plugin_assembly_is_reported()
    {
        string row = await FailureOf(e => e.Dataverse.Service.Delete("pluginassembly", Only(e, "pluginassembly").Id), "plugin assembly");
        Assert.Contains("DataverseRelationship.Plugins", row, StringComparison.Ordinal);
        Assert.Contains("not registered", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_step_is_reported_by_name()
    {
        StepRegistration? step = null;
        string row = await FailureOf(
            e =>
            {
                step = e.Dataverse.Steps[3];
                e.Dataverse.Service.Delete("sdkmessageprocessingstep", step.Id);
            },
            "not registered");
        Assert.Contains(step!.Name, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_step_is_reported_with_how_to_enable_it()
    {
        StepRegistration? step = null;
        string row = await FailureOf(
            e =>
            {
                step = e.Dataverse.Steps[0];
                e.Dataverse.Service.Update(new Entity("sdkmessageprocessingstep", step.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
            },
            "disabled");
        Assert.Contains(step!.Name, row, StringComparison.Ordinal);
        Assert.Contains("enable the step", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_value_the_engine_refuses_is_reported_with_the_validators_reason()
    {
        string row = await FailureOf(
            e =>
            {
                Entity definition = e.Dataverse.ReadAll(EnvironmentVariables.DefinitionTable).Single(d => d.GetAttributeValue<string>(EnvironmentVariables.DefinitionSchemaName) == EnvironmentVariables.PolicySchemaName);
                e.Dataverse.Seed(new Entity(EnvironmentVariables.ValueTable)
                {
                    [EnvironmentVariables.ValueDefinitionId] = definition.ToEntityReference(),
                    [EnvironmentVariables.ValueValue] = "{\"version\":\"3.0.0\",\"nosuchfield\":1}",
                });
            },
            EnvironmentVariables.PolicySchemaName);
        Assert.Contains("the value does not validate", row, StringComparison.Ordinal);
        Assert.Contains("nosuchfield", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unbound_connection_reference_is_reported()
    {
        string row = await FailureOf(e => e.Dataverse.Service.Update(new Entity("connectionreference", Only(e, "connectionreference").Id) { ["connectionid"] = null }), "connection reference");
        Assert.Contains(Manifest.ConnectionReferences[0], row, StringComparison.Ordinal);
        Assert.Contains("not bound", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flow_that_is_off_is_reported()
    {
        DeploymentComponent flow = Manifest.Flows[0];
        string row = await FailureOf(e => e.Dataverse.Service.Update(new Entity("workflow", flow.Id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) }), flow.Name);
        Assert.Contains("off", row, StringComparison.Ordinal);
        Assert.Contains("Turn on", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_flow_is_reported()
    {
        DeploymentComponent flow = Manifest.Flows[1];
        string row = await FailureOf(e => e.Dataverse.Service.Delete("workflow", flow.Id), flow.Name);
        Assert.Contains("not present", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_that_cannot_be_signed_in_to_fails_with_the_status()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.EmptyAsync();
        var access = new DataverseRelationship.Cli.WebApi.EnvironmentAccess { Tokens = (_, _) => new NoToken(), Transport = environment.Access.Transport };
        var run = DataverseRelationship.Cli.Tests.Commands.CommandRun.In(Environment.CurrentDirectory, access, "verify", "--environment", InProcessEnvironment.Url);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("401 Unauthorized", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_url_that_is_not_one_is_bad_input()
    {
        var run = DataverseRelationship.Cli.Tests.Commands.CommandRun.Of("verify", "--environment", "contoso");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--environment 'contoso'", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A token source whose tokens the server does not see (an empty bearer).</summary>
    private sealed class NoToken : DataverseRelationship.Cli.WebApi.IAccessTokenSource
    {
        public Task<string> GetTokenAsync(Uri environment, System.Threading.CancellationToken cancellationToken) => Task.FromResult(string.Empty);
    }
}
