using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using DataverseRelationship.LocalDataverse.Observability;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.LocalDataverse.Tests.Support;

/// <summary>An image registration for <see cref="TestSolution.AddStep"/>.</summary>
public sealed record TestImage(string Alias, int ImageType, string Attributes, string MessagePropertyName);

/// <summary>Writes a small unpacked solution (pac layout) into a temporary folder.</summary>
public sealed class TestSolution : IDisposable
{
    /// <summary>The platform's message ids by name (the solution model's one table).</summary>
    private static readonly Dictionary<string, string> MessageIds = PlatformMessages.KnownIds.ToDictionary(p => p.Value, p => p.Key.ToString(), StringComparer.Ordinal);

    private readonly HashSet<Type> _pluginTypes = [];

    public TestSolution()
    {
        Folder = Path.Combine(Path.GetTempPath(), "localdataverse-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        WriteEntities();
    }

    public string Folder { get; }

    public static Guid TypeId(Type type) => new(SHA256.HashData(Encoding.UTF8.GetBytes(type.FullName!)).AsSpan(0, 16));

    /// <summary>Registers a step; returns its id.</summary>
    public Guid AddStep(Type pluginType, string message, string table, int stage, int mode = 0, int rank = 1, string? filtering = null, string? configuration = null, params TestImage[] images)
    {
        ArgumentNullException.ThrowIfNull(pluginType);
        _pluginTypes.Add(pluginType);
        var id = Guid.NewGuid();
        var step = new XElement(
            "SdkMessageProcessingStep",
            new XAttribute("Name", $"{pluginType.FullName}: {message} of {table}"),
            new XAttribute("SdkMessageProcessingStepId", id.ToString("B")),
            new XElement("SdkMessageId", MessageIds.TryGetValue(message, out var messageId) ? "{" + messageId + "}" : Guid.NewGuid().ToString("B")),
            new XElement("PluginTypeName", pluginType.AssemblyQualifiedName),
            new XElement("PluginTypeId", TypeId(pluginType).ToString("B")),
            new XElement("PrimaryEntity", table),
            new XElement("AsyncAutoDelete", 0),
            filtering == null ? null : new XElement("FilteringAttributes", filtering),
            configuration == null ? null : new XElement("CustomConfiguration", configuration),
            new XElement("InvocationSource", 0),
            new XElement("Mode", mode),
            new XElement("Rank", rank),
            new XElement("Stage", stage),
            new XElement("SupportedDeployment", 0),
            images.Length == 0 ? null : new XElement(
                "SdkMessageProcessingStepImages",
                images.Select(i => new XElement(
                    "SdkMessageProcessingStepImage",
                    new XAttribute("Name", i.Alias),
                    new XElement("Attributes", i.Attributes),
                    new XElement("EntityAlias", i.Alias),
                    new XElement("ImageType", i.ImageType),
                    new XElement("MessagePropertyName", i.MessagePropertyName)))));
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "SdkMessageProcessingSteps")).FullName;
        step.Save(Path.Combine(folder, id.ToString("B") + ".xml"));
        return id;
    }

    /// <summary>Writes a raw step file (for malformed registrations).</summary>
    public void AddRawStep(string xml)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "SdkMessageProcessingSteps")).FullName;
        File.WriteAllText(Path.Combine(folder, Guid.NewGuid().ToString("B") + ".xml"), xml);
    }

    /// <summary>Declares a Custom API run by <paramref name="pluginType"/>.</summary>
    public void AddCustomApi(string uniqueName, Type pluginType, string? boundTable, (string Name, int Type, bool Optional)[] requests, (string Name, int Type)[] responses, string? executePrivilege = null)
    {
        ArgumentNullException.ThrowIfNull(pluginType);
        _pluginTypes.Add(pluginType);
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "customapis", uniqueName)).FullName;
        new XElement(
            "customapi",
            new XAttribute("uniquename", uniqueName),
            new XElement("allowedcustomprocessingsteptype", 0),
            new XElement("bindingtype", boundTable == null ? 0 : 1),
            new XElement("boundentitylogicalname", boundTable ?? string.Empty),
            new XElement("executeprivilegename", executePrivilege ?? string.Empty),
            new XElement("isfunction", 0),
            new XElement("name", uniqueName),
            new XElement("plugintypeid", new XElement("plugintypeid", TypeId(pluginType).ToString())),
            new XElement("uniquename", uniqueName)).Save(Path.Combine(folder, "customapi.xml"));
        foreach (var (name, type, optional) in requests)
        {
            var parameterFolder = Directory.CreateDirectory(Path.Combine(folder, "customapirequestparameters", name)).FullName;
            new XElement("customapirequestparameter", new XAttribute("uniquename", name), new XElement("isoptional", optional ? 1 : 0), new XElement("name", name), new XElement("type", type), new XElement("uniquename", name))
                .Save(Path.Combine(parameterFolder, "customapirequestparameter.xml"));
        }

        foreach (var (name, type) in responses)
        {
            var propertyFolder = Directory.CreateDirectory(Path.Combine(folder, "customapiresponseproperties", name)).FullName;
            new XElement("customapiresponseproperty", new XAttribute("uniquename", name), new XElement("name", name), new XElement("type", type), new XElement("uniquename", name))
                .Save(Path.Combine(propertyFolder, "customapiresponseproperty.xml"));
        }
    }

    /// <summary>Writes the plugin assembly's data.xml and loads the solution.</summary>
    public LocalDataverse Load(LocalDataverseOptions? options = null)
    {
        var assembly = typeof(ContextProbe).Assembly.GetName().Name!;
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "PluginAssemblies", assembly + "-" + Guid.NewGuid().ToString("N").ToUpperInvariant())).FullName;
        new XElement(
            "PluginAssembly",
            new XAttribute("FullName", typeof(ContextProbe).Assembly.FullName!),
            new XAttribute("PluginAssemblyId", Guid.NewGuid()),
            new XElement("IsolationMode", 2),
            new XElement("SourceType", 0),
            new XElement("FileName", $"/PluginAssemblies/{assembly}/{assembly}.dll"),
            new XElement("PluginTypes", _pluginTypes.Select(t => new XElement(
                "PluginType",
                new XAttribute("AssemblyQualifiedName", t.AssemblyQualifiedName!),
                new XAttribute("PluginTypeId", TypeId(t)),
                new XAttribute("Name", t.FullName!),
                new XElement("FriendlyName", t.Name)))))
            .Save(Path.Combine(folder, assembly + ".dll.data.xml"));
        return LocalDataverse.FromSolution(Folder, options ?? new LocalDataverseOptions(), typeof(ContextProbe).Assembly);
    }

    /// <summary>Columns this solution adds to opportunity, and a new table dvr_widget.</summary>
    private void WriteEntities()
    {
        static XElement Attribute(string name, string type, params XElement[] extra) =>
            new("attribute", new XAttribute("PhysicalName", name), new XElement("Type", type), new XElement("Name", name.ToLowerInvariant()), new XElement("LogicalName", name.ToLowerInvariant()), extra);

        static void Write(string folder, string name, params XElement[] attributes) =>
            new XElement(
                "Entity",
                new XElement("Name", new XAttribute("LocalizedName", name), new XAttribute("OriginalName", name), name),
                new XElement("EntityInfo", new XElement("entity", new XAttribute("Name", name), new XElement("attributes", attributes))))
                .Save(Path.Combine(Directory.CreateDirectory(folder).FullName, "Entity.xml"));

        Write(
            Path.Combine(Folder, "Entities", "Opportunity"),
            "Opportunity",
            Attribute("dvr_SellerMargin", "decimal", new XElement("MinValue", -100), new XElement("MaxValue", 100)),
            Attribute("dvr_Concessions", "multiselectpicklist"));
        Write(
            Path.Combine(Folder, "Entities", "dvr_Widget"),
            "dvr_Widget",
            Attribute("dvr_WidgetId", "primarykey"),
            Attribute("dvr_Name", "nvarchar", new XElement("MaxLength", 20)),
            Attribute("dvr_AccountId", "lookup"),
            Attribute("dvr_Score", "decimal", new XElement("MinValue", 0), new XElement("MaxValue", 100)),
            Attribute("dvr_Price", "money"),
            Attribute("dvr_Kind", "picklist", new XElement("OptionSetName", "dvr_widgetkind")),
            Attribute("dvr_Count", "int"),
            Attribute("dvr_Active", "bit"),
            Attribute("dvr_ReviewedOn", "datetime", new XElement("Behavior", 2)),
            Attribute("dvr_Notes", "ntext"));
        new XElement(
            "optionset",
            new XAttribute("Name", "dvr_widgetkind"),
            new XElement("OptionSetType", "picklist"),
            new XElement("IsGlobal", 1),
            new XElement("options", new XElement("option", new XAttribute("value", 418700000)), new XElement("option", new XAttribute("value", 418700001))))
            .Save(Path.Combine(Directory.CreateDirectory(Path.Combine(Folder, "OptionSets")).FullName, "dvr_widgetkind.xml"));
        var relationships = Directory.CreateDirectory(Path.Combine(Folder, "Other", "Relationships")).FullName;
        new XElement(
            "EntityRelationships",
            new XElement(
                "EntityRelationship",
                new XAttribute("Name", "dvr_dvr_widget_accountid_account"),
                new XElement("EntityRelationshipType", "OneToMany"),
                new XElement("ReferencingEntityName", "dvr_Widget"),
                new XElement("ReferencedEntityName", "Account"),
                new XElement("ReferencingAttributeName", "dvr_AccountId")))
            .Save(Path.Combine(relationships, "dvr_Widget.xml"));
    }

    /// <summary>Gives the dvr_widget → account relationship a CascadeDelete value (Cascade, RemoveLink, Restrict, or anything to test the refusal).</summary>
    public void SetWidgetCascadeDelete(string behavior)
    {
        var file = Path.Combine(Folder, "Other", "Relationships", "dvr_Widget.xml");
        var document = XDocument.Load(file);
        document.Descendants("EntityRelationship").Single().Add(new XElement("CascadeDelete", behavior));
        document.Save(file);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder does not affect any result.
        }
    }
}

/// <summary>Reading probe traces.</summary>
public static class TraceReading
{
    /// <summary>The key=value lines a probe traced, as a dictionary.</summary>
    public static Dictionary<string, string> Values(this PluginExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return execution.Trace.Select(l => l.Split('=', 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
    }

    /// <summary>The executions of a plugin type, in order.</summary>
    public static List<PluginExecution> Of<T>(this OperationRecord operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.PluginExecutions.Where(e => e.PluginType == typeof(T)).ToList();
    }
}
