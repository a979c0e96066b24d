using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>Damaged and malicious Configuration Migration packages (issue 14), built in memory or streamed to a file.</summary>
public static class HostileExports
{
    /// <summary>A zip whose entries are stored (no compression), so their bytes can be found and changed in the file.</summary>
    public static byte[] StoredZip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                using Stream s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                s.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The sample export stored, with the first occurrence of <paramref name="find"/> in the zip's bytes overwritten by <paramref name="replace"/> (same length): the entry no longer matches its CRC-32.</summary>
    public static byte[] WithBytesChanged(string find, byte[] replace)
    {
        byte[] zip = StoredZip(("data.xml", CmtExport.Utf8(CmtExport.UsData)), ("data_schema.xml", CmtExport.Utf8(CmtExport.Schema)));
        byte[] pattern = Encoding.UTF8.GetBytes(find);
        int at = zip.AsSpan().IndexOf(pattern);
        if (at < 0 || replace.Length != pattern.Length)
        {
            throw new ArgumentException($"'{find}' is not in the stored zip or the replacement differs in length.", nameof(find));
        }

        replace.CopyTo(zip, at);
        return zip;
    }

    /// <summary>The sample export nested <paramref name="depth"/> zips deep (each level one stored entry, level.zip).</summary>
    public static byte[] Nested(int depth)
    {
        byte[] zip = CmtExport.Export(CmtExport.UsData);
        for (int level = 1; level < depth; level++)
        {
            zip = StoredZip(("level.zip", zip));
        }

        return zip;
    }

    /// <summary>
    /// A package whose data.xml holds one account whose name attribute is <paramref name="characters"/> long, streamed
    /// through deflate into <paramref name="path"/> (a 1.2 G-character value compresses to about 1.2 MB).
    /// </summary>
    public static void WriteLongValue(string path, long characters)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        using (Stream s = zip.CreateEntry("data_schema.xml").Open())
        {
            s.Write(CmtExport.Utf8(CmtExport.Schema));
        }

        using Stream data = zip.CreateEntry("data.xml", CompressionLevel.Optimal).Open();
        data.Write(CmtExport.Utf8($"<entities><entity name=\"account\"><records><record id=\"{CmtExport.AccountId}\"><field name=\"name\" value=\""));
        byte[] chunk = new byte[1 << 20];
        chunk.AsSpan().Fill((byte)'a');
        for (long left = characters; left > 0; left -= chunk.Length)
        {
            data.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }

        data.Write(CmtExport.Utf8("\" /></record></records></entity></entities>"));
    }

    /// <summary>A package whose data.xml is <paramref name="elements"/> empty elements: megabytes of XML from a few kilobytes.</summary>
    public static void WriteBomb(string path, long elements)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        using (Stream s = zip.CreateEntry("data_schema.xml").Open())
        {
            s.Write(CmtExport.Utf8(CmtExport.Schema));
        }

        using Stream data = zip.CreateEntry("data.xml", CompressionLevel.SmallestSize).Open();
        data.Write(CmtExport.Utf8("<entities>"));
        byte[] chunk = Encoding.ASCII.GetBytes(string.Concat(System.Linq.Enumerable.Repeat("<a/>", 1 << 18)));
        for (long left = elements; left > 0; left -= 1 << 18)
        {
            data.Write(chunk);
        }

        data.Write(CmtExport.Utf8("</entities>"));
    }
}
