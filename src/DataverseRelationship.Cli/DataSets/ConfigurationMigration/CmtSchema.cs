using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace DataverseRelationship.Cli.DataSets.ConfigurationMigration;

/// <summary>One field of a table in data_schema.xml: its logical name, type and lookup targets.</summary>
public sealed record CmtField(string Name, string Type, IReadOnlyList<string> LookupTypes);

/// <summary>One table in data_schema.xml.</summary>
public sealed record CmtEntitySchema(string Name, string? PrimaryIdField, IReadOnlyDictionary<string, CmtField> Fields);

/// <summary>data_schema.xml: the tables and field types of a Configuration Migration export (matched on <c>name</c>).</summary>
public sealed class CmtSchema
{
    private CmtSchema(IReadOnlyDictionary<string, CmtEntitySchema> entities) => Entities = entities;

    public IReadOnlyDictionary<string, CmtEntitySchema> Entities { get; }

    /// <summary>Field types the loader turns into values.</summary>
    public static readonly IReadOnlySet<string> ValueTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "guid", "string", "memo", "number", "bigint", "float", "decimal", "money", "datetime", "bool",
        "optionsetvalue", "state", "status", "optionsetvaluecollection", "entityreference", "owner", "customer",
    };

    /// <summary>Field types present in real exports that a replay does not use; their values are skipped.</summary>
    public static readonly IReadOnlySet<string> SkippedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "partylist", "imagedata", "file", "image",
    };

    /// <summary>Reads the schema; problems (unknown field types, missing names) go to <paramref name="problems"/>.</summary>
    public static CmtSchema Read(Stream stream, string file, ProblemLog problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var entities = new Dictionary<string, CmtEntitySchema>(StringComparer.Ordinal);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using XmlReader reader = XmlReader.Create(stream, settings);
        var lineInfo = (IXmlLineInfo)reader;
        string? entityName = null;
        string? primaryId = null;
        Dictionary<string, CmtField>? fields = null;
        bool sawRoot = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 0)
            {
                sawRoot = true;
                if (reader.LocalName != "entities")
                {
                    problems.Add(file, Line(lineInfo), $"the root element is <{reader.LocalName}>; data_schema.xml starts with <entities>");
                    return new CmtSchema(entities);
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "entity" && reader.Depth == 1)
            {
                Complete();
                entityName = reader.GetAttribute("name");
                primaryId = reader.GetAttribute("primaryidfield");
                fields = new Dictionary<string, CmtField>(StringComparer.Ordinal);
                if (string.IsNullOrEmpty(entityName))
                {
                    problems.Add(file, Line(lineInfo), "an <entity> has no name attribute");
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "field" && fields is not null && reader.Depth == 3)
            {
                string? name = reader.GetAttribute("name");
                string? type = reader.GetAttribute("type");
                if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(type))
                {
                    problems.Add(file, Line(lineInfo), $"a field of entity '{entityName}' lacks its name or type attribute");
                    continue;
                }

                if (!ValueTypes.Contains(type) && !SkippedTypes.Contains(type))
                {
                    problems.Add(file, Line(lineInfo), $"field '{name}' of entity '{entityName}' has the unknown type '{type}'");
                    continue;
                }

                string[] targets = (reader.GetAttribute("lookupType") ?? string.Empty)
                    .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                fields[name] = new CmtField(name, type, targets);
            }
        }

        Complete();
        if (!sawRoot)
        {
            problems.Add(file, string.Empty, "the file is empty");
        }

        return new CmtSchema(entities);

        void Complete()
        {
            if (!string.IsNullOrEmpty(entityName) && fields is not null)
            {
                entities[entityName] = new CmtEntitySchema(entityName, primaryId, fields);
            }

            entityName = null;
            fields = null;
        }
    }

    internal static string Line(IXmlLineInfo info) => info.HasLineInfo() ? $"line {info.LineNumber}" : string.Empty;
}
