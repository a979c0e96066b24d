using System;
using System.Buffers.Binary;
using System.IO;

namespace DataverseRelationship.Cli.DataSets.Limits;

/// <summary>
/// The entry count a zip declares in its end of central directory record (ZIP64 when the 16-bit count overflows),
/// read from the last 64 KiB before <c>ZipArchive</c> parses the directory, so a zip of millions of entries is
/// refused without building millions of entry objects (PKWARE APPNOTE 4.3.14–4.3.16).
/// </summary>
public static class ZipDirectory
{
    private const uint EndOfDirectory = 0x06054b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint Zip64EndOfDirectory = 0x06064b50;
    private const int EndOfDirectorySize = 22;

    /// <summary>The declared number of entries, or null when the stream has no readable end record (ZipArchive then says why).</summary>
    public static long? DeclaredEntries(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (!zip.CanSeek || zip.Length < EndOfDirectorySize)
        {
            return null;
        }

        long start = zip.Position;
        try
        {
            int tail = (int)Math.Min(zip.Length, EndOfDirectorySize + ushort.MaxValue);
            byte[] buffer = new byte[tail];
            zip.Seek(-tail, SeekOrigin.End);
            zip.ReadExactly(buffer);
            for (int at = tail - EndOfDirectorySize; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at)) != EndOfDirectory)
                {
                    continue;
                }

                ushort entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(at + 10));
                return entries != ushort.MaxValue ? entries : Zip64Entries(zip, zip.Length - tail + at) ?? entries;
            }

            return null;
        }
        finally
        {
            zip.Position = start;
        }
    }

    private static long? Zip64Entries(Stream zip, long endOfDirectory)
    {
        if (endOfDirectory < 20)
        {
            return null;
        }

        byte[] locator = new byte[20];
        zip.Position = endOfDirectory - 20;
        zip.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64Locator)
        {
            return null;
        }

        long record = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8)), (ulong)long.MaxValue);
        if (record < 0 || record > zip.Length - 56)
        {
            return null;
        }

        byte[] header = new byte[40];
        zip.Position = record;
        zip.ReadExactly(header);
        return BinaryPrimitives.ReadUInt32LittleEndian(header) == Zip64EndOfDirectory
            ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(32)), (ulong)long.MaxValue)
            : null;
    }
}
