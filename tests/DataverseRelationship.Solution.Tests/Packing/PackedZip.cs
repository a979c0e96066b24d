using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace DataverseRelationship.Solution.Tests.Packing;

/// <summary>A produced zip, unpacked in memory for assertions.</summary>
internal sealed class UnpackedZip
{
    private readonly Dictionary<string, byte[]> entries;

    public UnpackedZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        Names = zip.Entries.Select(e => e.FullName).ToList();
        entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public IReadOnlyList<string> Names { get; }

    public byte[] Bytes(string name) => entries[name];

    public XDocument Xml(string name)
    {
        using var stream = new MemoryStream(entries[name]);
        return XDocument.Load(stream);
    }

    public XElement Manifest => Xml("solution.xml").Root!.Element("SolutionManifest")!;

    public XElement Customizations => Xml("customizations.xml").Root!;
}
