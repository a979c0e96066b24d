using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.LocalDataverse.Registration;

/// <summary>A component a deployment must hold: its id (empty when the solution names it by name only) and name.</summary>
public sealed record DeploymentComponent(Guid Id, string Name);

/// <summary>
/// What an unpacked solution deploys besides tables and steps, read from the files <c>pac solution unpack</c> writes:
/// the solution itself (Other/Solution.xml: unique name, version), the plugin assembly (PluginAssemblies/*/*.data.xml),
/// the cloud flows (Workflows/*.json.data.xml, Category 5), the connection references (Other/Customizations.xml) and
/// the environment variable definitions. The steps come from <see cref="LocalDataverse.Steps"/>, read from the same
/// folder. dvrel verify checks an environment against it; the local Web API seeds its system tables from it.
/// </summary>
public sealed class DeploymentManifest
{
    private DeploymentManifest(string uniqueName, string version, IReadOnlyList<DeploymentComponent> pluginAssemblies, IReadOnlyList<DeploymentComponent> flows, IReadOnlyList<string> connectionReferences, IReadOnlyList<string> environmentVariables)
    {
        UniqueName = uniqueName;
        Version = version;
        PluginAssemblies = pluginAssemblies;
        Flows = flows;
        ConnectionReferences = connectionReferences;
        EnvironmentVariables = environmentVariables;
    }

    /// <summary>The solution's unique name (SolutionManifest/UniqueName).</summary>
    public string UniqueName { get; }

    /// <summary>The solution's version (SolutionManifest/Version), e.g. 1.0.0.0.</summary>
    public string Version { get; }

    /// <summary>Plugin assemblies by PluginAssemblyId and short name (DataverseRelationship.Plugins).</summary>
    public IReadOnlyList<DeploymentComponent> PluginAssemblies { get; }

    /// <summary>Cloud flows (workflow rows of category 5) by WorkflowId and name.</summary>
    public IReadOnlyList<DeploymentComponent> Flows { get; }

    /// <summary>Connection reference logical names.</summary>
    public IReadOnlyList<string> ConnectionReferences { get; }

    /// <summary>Environment variable schema names.</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; }

    /// <summary>Reads the manifest of an unpacked solution through the solution model; a missing or malformed file fails naming it.</summary>
    public static DeploymentManifest Read(string solutionFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(solutionFolder);
        SolutionSource source = SolutionReader.ReadSource(solutionFolder);
        string solutionFile = Path.Combine(source.RootDirectory, "Other", "Solution.xml");
        SolutionManifest manifest = source.Manifest ?? throw new SolutionRegistrationException($"{solutionFile}: the file does not exist or holds no SolutionManifest.");
        string uniqueName = manifest.UniqueName.Length > 0 ? manifest.UniqueName : throw new SolutionRegistrationException($"{solutionFile}: the SolutionManifest has no UniqueName.");
        string version = manifest.Version.Length > 0 ? manifest.Version : throw new SolutionRegistrationException($"{solutionFile}: the SolutionManifest has no Version.");
        List<DeploymentComponent> assemblies = source.PluginAssemblies.Select(a => new DeploymentComponent(a.Id, a.FullName.Split(',', 2)[0].Trim())).ToList();
        List<DeploymentComponent> flows = source.Flows.Where(f => f.Category == 5).Select(f => new DeploymentComponent(f.Id, f.Name)).ToList();
        List<string> references = source.ConnectionReferences.Select(c => c.LogicalName).Where(n => n.Length > 0).ToList();
        List<string> variables = source.EnvironmentVariables.Select(v => v.SchemaName).ToList();
        return new DeploymentManifest(uniqueName, version, assemblies, flows, references, variables);
    }
}
