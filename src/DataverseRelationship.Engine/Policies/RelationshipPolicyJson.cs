using System.IO;
using System.Runtime.Serialization.Json;
using System.Text;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Policies;

/// <summary>
/// Reads the policy document with a strict JSON reader (<see cref="PolicyJsonReader"/>: syntax errors name the line
/// and column) and writes it with what .NET Framework 4.6.2 has (JsonReaderWriterFactory). Fields left out of the
/// document keep their built-in defaults; unknown or repeated fields, wrong types and values out of range are
/// rejected with a <see cref="PolicyValidationException"/> naming the field and the reason.
/// </summary>
public static class RelationshipPolicyJson
{
    /// <summary>Parses and validates a policy document.</summary>
    public static RelationshipPolicy Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new PolicyValidationException("(policy)", "the policy document is empty");
        }

        var root = PolicyJsonReader.Read(json);
        if ((string?)root.Attribute("type") != "object")
        {
            throw new PolicyValidationException("(policy)", "must be a JSON object");
        }

        if (!PolicySchema.HasMember(root, "version"))
        {
            throw new PolicyValidationException("version", "is required");
        }

        var policy = PolicySchema.Read(root);
        PolicySchema.Validate(policy);
        return policy;
    }

    /// <summary>Writes every field of the policy (indented JSON); <see cref="Parse"/> reads it back unchanged.</summary>
    public static string Write(RelationshipPolicy policy)
    {
        Argument.NotNull(policy, nameof(policy));
        var element = PolicySchema.Write(policy);
        using (var stream = new MemoryStream())
        {
            using (var writer = JsonReaderWriterFactory.CreateJsonWriter(stream, new UTF8Encoding(false), false, true))
            {
                element.WriteTo(writer);
                writer.Flush();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
