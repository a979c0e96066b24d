using System.IO;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Policies
{
    /// <summary>
    /// Reads and writes the policy document as JSON with what .NET Framework 4.6.2 has (JsonReaderWriterFactory).
    /// Fields left out of the document keep their built-in defaults; unknown fields, wrong types and values out of
    /// range are rejected with a <see cref="PolicyValidationException"/> naming the field and the reason.
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

            XElement root;
            try
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                using (var reader = JsonReaderWriterFactory.CreateJsonReader(bytes, XmlDictionaryReaderQuotas.Max))
                {
                    root = XElement.Load(reader);
                }
            }
            catch (XmlException exception)
            {
                throw new PolicyValidationException("(policy)", "is not valid JSON (" + exception.Message + ")", exception);
            }

            if ((string?)root.Attribute("type") != "object")
            {
                throw new PolicyValidationException("(policy)", "must be a JSON object");
            }

            var version = root.Element("version");
            if (version is null)
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
}
