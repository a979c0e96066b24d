using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets.ConfigurationMigration;

/// <summary>
/// Loads the zip <c>pac data export</c> (Configuration Migration) writes: data_schema.xml, data.xml and
/// [Content_Types].xml in any order, at the top level or in a nested zip (Package Deployer packages, entry names
/// with backslashes). Everything is checked before anything is returned.
/// </summary>
public static class ConfigurationMigrationLoader
{
    private const string DataEntry = "data.xml";
    private const string SchemaEntry = "data_schema.xml";

    /// <summary>Loads the data set in the zip at <paramref name="path"/>; throws <see cref="DataSetException"/> listing the problems.</summary>
    public static DataSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string label = Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSetException([new DataSetProblem(label, string.Empty, $"cannot be read: {e.Message}")], 1);
        }

        using (stream)
        {
            return Load(stream, label, path);
        }
    }

    /// <summary>Loads from a zip stream; <paramref name="label"/> names the file in error messages.</summary>
    public static DataSet Load(Stream zip, string label, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(label);
        var problems = new ProblemLog();
        LoadedData? data = null;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            data = ReadArchive(archive, label, problems);
        }
        catch (InvalidDataException e)
        {
            problems.Add(label, string.Empty, $"is not a readable zip archive (truncated or corrupt): {e.Message}");
        }

        problems.ThrowIfAny();
        var rows = new DataSetRows(
            data!.Rows[AccountTable.LogicalName], data.Rows[ContactTable.LogicalName], data.Rows[OpportunityTable.LogicalName]);
        SnapshotValidator.Validate(rows, problems, (table, index, reason) =>
            new DataSetProblem(data.File, $"line {data.Lines[table][index]}, {table} record {RowId(rows, table, index)}", reason));
        problems.ThrowIfAny();
        return DataSet.FromSnapshot(source ?? label, rows);
    }

    private static Guid RowId(DataSetRows rows, string table, int index) => table switch
    {
        AccountTable.LogicalName => rows.Accounts[index].Id,
        ContactTable.LogicalName => rows.Contacts[index].Id,
        _ => rows.Opportunities[index].Id,
    };

    private static LoadedData? ReadArchive(ZipArchive archive, string label, ProblemLog problems)
    {
        ZipArchiveEntry? dataEntry = Find(archive, DataEntry);
        ZipArchiveEntry? schemaEntry = Find(archive, SchemaEntry);
        if (dataEntry is null && schemaEntry is null)
        {
            return ReadNested(archive, label, problems);
        }

        if (dataEntry is null || schemaEntry is null)
        {
            string missing = dataEntry is null ? DataEntry : SchemaEntry;
            string present = dataEntry is null ? SchemaEntry : DataEntry;
            problems.Add(label, string.Empty, $"holds {present} but no {missing}; a Configuration Migration export has both");
            return null;
        }

        string schemaFile = $"{label}!{schemaEntry.FullName}";
        string dataFile = $"{label}!{dataEntry.FullName}";
        CmtSchema schema;
        using (Stream s = schemaEntry.Open())
        {
            schema = ReadXml(schemaFile, problems, () => CmtSchema.Read(s, schemaFile, problems));
        }

        if (schema is null || problems.Count > 0)
        {
            return null;
        }

        var reader = new CmtDataReader(schema, dataFile, problems);
        using (Stream d = dataEntry.Open())
        {
            ReadXml(dataFile, problems, () =>
            {
                reader.Read(d);
                return reader;
            });
        }

        return new LoadedData(reader, dataFile);
    }

    private static LoadedData? ReadNested(ZipArchive archive, string label, ProblemLog problems)
    {
        var candidates = new List<(string Label, LoadedData? Data)>();
        foreach (ZipArchiveEntry entry in archive.Entries.Where(e => e.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
        {
            string nestedLabel = $"{label}!{entry.FullName}";
            using var buffer = new MemoryStream();
            using (Stream s = entry.Open())
            {
                s.CopyTo(buffer);
            }

            buffer.Position = 0;
            ZipArchive nested;
            try
            {
                nested = new ZipArchive(buffer, ZipArchiveMode.Read);
            }
            catch (InvalidDataException e)
            {
                problems.Add(nestedLabel, string.Empty, $"is not a readable zip archive (truncated or corrupt): {e.Message}");
                candidates.Add((nestedLabel, null));
                continue;
            }

            using (nested)
            {
                if (Find(nested, DataEntry) is null && Find(nested, SchemaEntry) is null
                    && !nested.Entries.Any(e => e.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                candidates.Add((nestedLabel, ReadArchive(nested, nestedLabel, problems)));
            }
        }

        if (candidates.Count == 0)
        {
            problems.Add(label, string.Empty, $"holds no {DataEntry} and {SchemaEntry}, neither at the top level nor in a nested zip");
            return null;
        }

        if (candidates.Count > 1)
        {
            problems.Add(label, string.Empty, $"holds several data sets ({string.Join(", ", candidates.Select(c => c.Label))}); export one at a time");
            return null;
        }

        return candidates[0].Data;
    }

    private static T ReadXml<T>(string file, ProblemLog problems, Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            problems.Add(file, $"line {e.LineNumber}", $"is not well-formed XML: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            problems.Add(file, string.Empty, $"cannot be decompressed (truncated or corrupt zip entry): {e.Message}");
        }

        return null!;
    }

    /// <summary>Finds an entry by its file name, whatever folder it is in and whichever slash the folders use.</summary>
    private static ZipArchiveEntry? Find(ZipArchive archive, string fileName) => archive.Entries.FirstOrDefault(e =>
    {
        string name = e.FullName.Replace('\\', '/');
        int slash = name.LastIndexOf('/');
        return string.Equals(slash < 0 ? name : name[(slash + 1)..], fileName, StringComparison.OrdinalIgnoreCase);
    });

    private sealed record LoadedData(CmtDataReader Reader, string File)
    {
        public Dictionary<string, List<Entity>> Rows => Reader.Rows;

        public Dictionary<string, List<int>> Lines => Reader.Lines;
    }
}
