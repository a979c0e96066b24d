using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml;
using DataverseRelationship.Cli.DataSets.Limits;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets.ConfigurationMigration;

/// <summary>
/// Loads the zip <c>pac data export</c> (Configuration Migration) writes: data_schema.xml, data.xml and
/// [Content_Types].xml in any order, at the top level or in a nested zip (Package Deployer packages, entry names
/// with backslashes). Everything is checked before anything is returned, and the package is read through its limits
/// (<see cref="LoadLimits"/>: decompressed bytes, entries, nesting, value length), strict UTF-8 and each entry's CRC-32;
/// two entries of the same name are refused.
/// </summary>
public static class ConfigurationMigrationLoader
{
    private const string DataEntry = "data.xml";
    private const string SchemaEntry = "data_schema.xml";

    /// <summary>Loads the data set in the zip at <paramref name="path"/>; throws <see cref="DataSetException"/> listing the problems.</summary>
    public static DataSet Load(string path) => Load(path, new DataSetLoadOptions());

    /// <summary>Loads the data set in the zip at <paramref name="path"/> with the given limits and schema.</summary>
    public static DataSet Load(string path, DataSetLoadOptions options)
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
            return Load(stream, label, path, options);
        }
    }

    /// <summary>Loads from a zip stream; <paramref name="label"/> names the file in error messages.</summary>
    public static DataSet Load(Stream zip, string label, string? source = null) => Load(zip, label, source, new DataSetLoadOptions());

    /// <summary>Loads from a zip stream with the given limits and schema.</summary>
    public static DataSet Load(Stream zip, string label, string? source, DataSetLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(options);
        options.Limits.Validate();
        var problems = new ProblemLog();
        var package = new PackageReading(options, new ByteBudget(options.Limits.MaxDecompressedBytes), problems);
        LoadedData? data = package.ReadZip(zip, label, 1);
        problems.ThrowIfAny();
        var rows = new DataSetRows(
            data!.Rows[AccountTable.LogicalName], data.Rows[ContactTable.LogicalName], data.Rows[OpportunityTable.LogicalName]);
        SnapshotValidator.Validate(
            rows,
            problems,
            (table, index, reason) => new DataSetProblem(data.File, $"line {data.Lines[table][index]}, {table} record {RowId(rows, table, index)}", reason),
            options);
        problems.ThrowIfAny();
        return DataSet.FromSnapshot(source ?? label, rows).WithCurrencies(data.Reader.Currencies.Referenced());
    }

    private static Guid RowId(DataSetRows rows, string table, int index) => table switch
    {
        AccountTable.LogicalName => rows.Accounts[index].Id,
        ContactTable.LogicalName => rows.Contacts[index].Id,
        _ => rows.Opportunities[index].Id,
    };

    /// <summary>Entries whose file name is <paramref name="fileName"/>, whatever folder they are in and whichever slash the folders use.</summary>
    private static List<ZipArchiveEntry> Named(ZipArchive archive, string fileName) => archive.Entries.Where(e =>
    {
        string name = e.FullName.Replace('\\', '/');
        int slash = name.LastIndexOf('/');
        return string.Equals(slash < 0 ? name : name[(slash + 1)..], fileName, StringComparison.OrdinalIgnoreCase);
    }).ToList();

    private static bool IsZip(ZipArchiveEntry entry) => entry.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>One package being read: its limits, the decompressed bytes left and the problems found.</summary>
    private sealed class PackageReading(DataSetLoadOptions options, ByteBudget budget, ProblemLog problems)
    {
        private LoadLimits Limits => options.Limits;

        /// <summary>Reads a zip at nesting <paramref name="depth"/> (1: the package); null when it holds nothing usable.</summary>
        public LoadedData? ReadZip(Stream zip, string label, int depth)
        {
            if (DeclaresTooManyEntries(zip, label))
            {
                return null;
            }

            try
            {
                using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
                if (archive.Entries.Count > Limits.MaxEntries)
                {
                    problems.Add(label, string.Empty, string.Create(CultureInfo.InvariantCulture, $"holds {archive.Entries.Count:#,##0} entries, more than the loader's limit of {Limits.MaxEntries:#,##0}"));
                    return null;
                }

                return ReadArchive(archive, zip, label, depth);
            }
            catch (InvalidDataException e)
            {
                problems.Add(label, string.Empty, $"is not a readable zip archive (truncated or corrupt): {e.Message}");
                return null;
            }
        }

        private LoadedData? ReadArchive(ZipArchive archive, Stream zip, string label, int depth)
        {
            List<ZipArchiveEntry> dataEntries = Named(archive, DataEntry);
            List<ZipArchiveEntry> schemaEntries = Named(archive, SchemaEntry);
            foreach (List<ZipArchiveEntry> same in new[] { dataEntries, schemaEntries }.Where(e => e.Count > 1))
            {
                problems.Add(label, string.Empty, $"holds {same.Count} entries named {Path.GetFileName(same[0].FullName.Replace('\\', '/'))} ({string.Join(", ", same.Select(e => e.FullName))}); a Configuration Migration export has one of each");
            }

            if (dataEntries.Count > 1 || schemaEntries.Count > 1)
            {
                return null;
            }

            ZipArchiveEntry? dataEntry = dataEntries.SingleOrDefault();
            ZipArchiveEntry? schemaEntry = schemaEntries.SingleOrDefault();
            if (dataEntry is null && schemaEntry is null)
            {
                return ReadNested(archive, zip, label, depth);
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
            CmtSchema? schema = ReadXml(schemaEntry, zip, schemaFile, s => CmtSchema.Read(s, schemaFile, problems));
            if (schema is null || problems.Count > 0)
            {
                return null;
            }

            var reader = new CmtDataReader(schema, dataFile, problems) { MaxValueLength = Limits.MaxValueLength };
            ReadXml(dataEntry, zip, dataFile, d =>
            {
                reader.Read(d);
                return reader;
            });
            return new LoadedData(reader, dataFile);
        }

        private LoadedData? ReadNested(ZipArchive archive, Stream zip, string label, int depth)
        {
            var candidates = new List<(string Label, LoadedData? Data)>();
            foreach (ZipArchiveEntry entry in archive.Entries.Where(IsZip))
            {
                string nestedLabel = $"{label}!{entry.FullName}";
                if (depth >= Limits.MaxZipDepth)
                {
                    problems.Add(nestedLabel, string.Empty, string.Create(CultureInfo.InvariantCulture, $"is a zip nested {depth + 1} deep; the loader reads zips nested at most {Limits.MaxZipDepth} deep (a Package Deployer package nests its data zip once)"));
                    candidates.Add((nestedLabel, null));
                    continue;
                }

                using FileStream? spooled = Spool(entry, zip, nestedLabel);
                if (spooled is null)
                {
                    candidates.Add((nestedLabel, null));
                    continue;
                }

                using (var nested = Open(spooled, nestedLabel))
                {
                    if (nested is null)
                    {
                        candidates.Add((nestedLabel, null));
                        continue;
                    }

                    if (Named(nested, DataEntry).Count == 0 && Named(nested, SchemaEntry).Count == 0 && !nested.Entries.Any(IsZip))
                    {
                        continue;
                    }
                }

                spooled.Position = 0;
                candidates.Add((nestedLabel, ReadZip(spooled, nestedLabel, depth + 1)));
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

        /// <summary>True (and reported) when the zip's end record declares more entries than the limit: refused before its directory is parsed.</summary>
        private bool DeclaresTooManyEntries(Stream zip, string label)
        {
            if (ZipDirectory.DeclaredEntries(zip) is not { } declared || declared <= Limits.MaxEntries)
            {
                return false;
            }

            problems.Add(label, string.Empty, string.Create(CultureInfo.InvariantCulture, $"declares {declared:#,##0} entries, more than the loader's limit of {Limits.MaxEntries:#,##0}"));
            return true;
        }

        private ZipArchive? Open(FileStream spooled, string label)
        {
            if (DeclaresTooManyEntries(spooled, label))
            {
                return null;
            }

            try
            {
                var nested = new ZipArchive(spooled, ZipArchiveMode.Read, leaveOpen: true);
                if (nested.Entries.Count <= Limits.MaxEntries)
                {
                    return nested;
                }

                problems.Add(label, string.Empty, string.Create(CultureInfo.InvariantCulture, $"holds {nested.Entries.Count:#,##0} entries, more than the loader's limit of {Limits.MaxEntries:#,##0}"));
                nested.Dispose();
                return null;
            }
            catch (InvalidDataException e)
            {
                problems.Add(label, string.Empty, $"is not a readable zip archive (truncated or corrupt): {e.Message}");
                return null;
            }
        }

        /// <summary>An entry's decompressed bytes through <paramref name="checks"/> plus the compression ratio, measured on the archive stream.</summary>
        private InspectedStream Open(ZipArchiveEntry entry, Stream zip, StreamChecks checks)
        {
            Stream content = entry.Open();
            long start = zip.Position;
            return new InspectedStream(content, checks with
            {
                CompressedBytesRead = () => zip.Position - start,
                MaxCompressionRatio = Limits.MaxCompressionRatio,
                RatioWindowBytes = Limits.RatioWindowBytes,
            });
        }

        /// <summary>
        /// A nested zip decompressed into a temporary file (deleted when closed), never into memory: ZipArchive needs a
        /// seekable stream. Its bytes are taken from the package's budget and its checksum is checked.
        /// </summary>
        private FileStream? Spool(ZipArchiveEntry entry, Stream zip, string label)
        {
            if (!budget.Admits(entry.Length))
            {
                problems.Add(label, string.Empty, ByteBudget.Over(budget.Limit));
                return null;
            }

            var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            try
            {
                using (var source = Open(entry, zip, new StreamChecks { Budget = budget, ExpectedCrc32 = entry.Crc32 }))
                {
                    source.CopyTo(file);
                }

                file.Position = 0;
                return file;
            }
            catch (Exception e) when (e is InputRefusedException or InvalidDataException or NotSupportedException)
            {
                file.Dispose();
                problems.Add(label, string.Empty, e is InputRefusedException ? e.Message : $"cannot be decompressed (truncated or corrupt zip entry): {e.Message}");
                return null;
            }
        }

        /// <summary>Reads one XML entry through the checks (budget, strict UTF-8, value length, checksum) to its very end.</summary>
        private T? ReadXml<T>(ZipArchiveEntry entry, Stream zip, string file, Func<Stream, T> read)
            where T : class
        {
            if (!budget.Admits(entry.Length))
            {
                problems.Add(file, string.Empty, ByteBudget.Over(budget.Limit));
                return null;
            }

            try
            {
                using var stream = Open(entry, zip, new StreamChecks
                {
                    Budget = budget,
                    Utf8 = true,
                    MaxMarkupFreeBytes = Limits.MaxMarkupFreeBytes,
                    ExpectedCrc32 = entry.Crc32,
                });
                T result = read(stream);
                stream.ReadToEnd();
                return result;
            }
            catch (XmlException e)
            {
                problems.Add(file, $"line {e.LineNumber}", $"is not well-formed XML: {e.Message}");
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException)
            {
                problems.Add(file, string.Empty, $"cannot be decompressed (truncated or corrupt zip entry): {e.Message}");
            }
            catch (InputRefusedException e)
            {
                problems.Add(file, string.Empty, e.Message);
            }

            return null;
        }
    }

    private sealed record LoadedData(CmtDataReader Reader, string File)
    {
        public Dictionary<string, List<Entity>> Rows => Reader.Rows;

        public Dictionary<string, List<int>> Lines => Reader.Lines;
    }
}
