using System.IO;
using System.IO.Compression;
using System.Linq;
using DataverseRelationship.Cli.DataSets.Limits;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>The loader's CRC-32 is the one zip headers carry.</summary>
public class Crc32Tests
{
    [Fact]
    public void The_check_value_of_the_standard_is_reproduced()
    {
        var crc = new Crc32();
        crc.Append("1234"u8);
        crc.Append("56789"u8);

        Assert.Equal(0xCBF43926u, crc.Value);
    }

    [Fact]
    public void It_agrees_with_the_crc_a_zip_writer_stores()
    {
        byte[] content = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        using var buffer = new MemoryStream(CmtExport.Zip(("blob.bin", content)));
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var crc = new Crc32();
        crc.Append(content);

        Assert.Equal(zip.Entries[0].Crc32, crc.Value);
    }
}
