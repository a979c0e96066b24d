using System;
using System.IO;
using System.Text.Json.Nodes;

namespace DataverseRelationship.Flows.Tests.Support;

/// <summary>Variants of the shipped flow files, written to a temporary folder (the shipped files are never changed).</summary>
public static class FlowFiles
{
    /// <summary>Writes a copy of <paramref name="shippedFile"/> changed by <paramref name="change"/>; returns its path.</summary>
    public static string Variant(string shippedFile, Action<JsonNode> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var node = JsonNode.Parse(File.ReadAllText(shippedFile))!;
        change(node);
        var folder = Directory.CreateTempSubdirectory("dvr-flow-").FullName;
        var path = Path.Combine(folder, Path.GetFileName(shippedFile));
        File.WriteAllText(path, node.ToJsonString());
        File.Copy(shippedFile + ".data.xml", path + ".data.xml");
        return path;
    }

    /// <summary>The definition's actions object.</summary>
    public static JsonObject Actions(JsonNode flow) => flow["properties"]!["definition"]!["actions"]!.AsObject();
}
