using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

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

    /// <summary>Reads the manifest of an unpacked solution; a missing or malformed file fails naming it.</summary>
    public static DeploymentManifest Read(string solutionFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(solutionFolder);
        string solutionFile = Path.Combine(solutionFolder, "Other", "Solution.xml");
        XElement manifest = Load(solutionFile).Descendants("SolutionManifest").FirstOrDefault()
            ?? throw new SolutionRegistrationException($"{solutionFile}: no SolutionManifest element.");
        string uniqueName = Text(manifest, "UniqueName") ?? throw new SolutionRegistrationException($"{solutionFile}: the SolutionManifest has no UniqueName.");
        string version = Text(manifest, "Version") ?? throw new SolutionRegistrationException($"{solutionFile}: the SolutionManifest has no Version.");

        var assemblies = new List<DeploymentComponent>();
        foreach (string file in Files(solutionFolder, "PluginAssemblies", "*.data.xml"))
        {
            XElement root = Load(file);
            string fullName = (string?)root.Attribute("FullName") ?? throw new SolutionRegistrationException($"{file}: the PluginAssembly has no FullName.");
            assemblies.Add(new DeploymentComponent(IdOf(file, root, "PluginAssemblyId"), fullName.Split(',', 2)[0].Trim()));
        }

        var flows = new List<DeploymentComponent>();
        foreach (string file in Files(solutionFolder, "Workflows", "*.data.xml"))
        {
            XElement root = Load(file);
            if (Text(root, "Category") == "5")
            {
                flows.Add(new DeploymentComponent(IdOf(file, root, "WorkflowId"), (string?)root.Attribute("Name") ?? Path.GetFileName(file)));
            }
        }

        string customizations = Path.Combine(solutionFolder, "Other", "Customizations.xml");
        List<string> references = File.Exists(customizations)
            ? Load(customizations).Descendants("connectionreference")
                .Select(c => (string?)c.Attribute("connectionreferencelogicalname"))
                .OfType<string>()
                .ToList()
            : [];

        List<string> variables = Files(solutionFolder, "environmentvariabledefinitions", "environmentvariabledefinition.xml")
            .Select(f => (string?)Load(f).Attribute("schemaname") ?? Path.GetFileName(Path.GetDirectoryName(f)!))
            .ToList();
        return new DeploymentManifest(uniqueName, version, assemblies, flows, references, variables);
    }

    private static IEnumerable<string> Files(string solutionFolder, string folder, string pattern)
    {
        string path = Path.Combine(solutionFolder, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
    }

    private static XElement Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new SolutionRegistrationException($"{file}: the file does not exist.");
        }

        try
        {
            return XDocument.Load(file).Root ?? throw new SolutionRegistrationException($"{file}: empty document.");
        }
        catch (XmlException ex)
        {
            throw new SolutionRegistrationException($"{file}: not well-formed XML ({ex.Message}).", ex);
        }
    }

    private static string? Text(XElement element, string name)
    {
        string? value = element.Element(name)?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static Guid IdOf(string file, XElement root, string attribute) =>
        Guid.TryParse(((string?)root.Attribute(attribute))?.Trim('{', '}'), out Guid id)
            ? id
            : throw new SolutionRegistrationException($"{file}: {attribute} is missing or not a GUID.");
}
