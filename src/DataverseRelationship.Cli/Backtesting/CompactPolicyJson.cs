using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// A policy document with only the version and the fields that differ from the built-in defaults (which a field left
/// out keeps), written with <see cref="RelationshipPolicyJson.Write"/> and pruned: every field of a complete document
/// is longer than the 2,000 characters the dvr_RelationshipPolicy environment variable's value holds.
/// </summary>
public static class CompactPolicyJson
{
    /// <summary>The most characters an environment variable value holds (environmentvariablevalue.value).</summary>
    public const int EnvironmentVariableLength = 2000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document; it reads back (<see cref="RelationshipPolicyJson.Parse"/>) as exactly <paramref name="policy"/>.</summary>
    public static string Write(RelationshipPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var document = (JsonObject)JsonNode.Parse(RelationshipPolicyJson.Write(policy))!;
        var defaults = (JsonObject)JsonNode.Parse(RelationshipPolicyJson.Write(RelationshipPolicy.Default))!;
        Prune(document, defaults, isRoot: true);
        string text = document.ToJsonString(Indented);
        if (RelationshipPolicyJson.Parse(text) != policy)
        {
            throw new InvalidOperationException("The compact policy document does not read back as the policy it was written from.");
        }

        return text;
    }

    private static void Prune(JsonObject document, JsonObject defaults, bool isRoot)
    {
        foreach (string name in document.Select(p => p.Key).ToArray())
        {
            if ((isRoot && name == "version") || defaults[name] is not { } fallback)
            {
                continue;
            }

            JsonNode? value = document[name];
            if (value is JsonObject section && fallback is JsonObject defaultSection)
            {
                Prune(section, defaultSection, isRoot: false);
                if (section.Count == 0)
                {
                    document.Remove(name);
                }
            }
            else if (JsonNode.DeepEquals(value, fallback))
            {
                document.Remove(name);
            }
        }
    }
}
