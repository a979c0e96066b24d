namespace DataverseRelationship.Cli.DataSets.Limits;

/// <summary>The CRC-32 a zip entry's header carries (ISO 3309, reflected polynomial 0xEDB88320), computed incrementally.</summary>
public sealed class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private uint _value = uint.MaxValue;

    /// <summary>The checksum of everything appended so far.</summary>
    public uint Value => ~_value;

    /// <summary>Adds bytes to the checksum.</summary>
    public void Append(System.ReadOnlySpan<byte> bytes)
    {
        uint crc = _value;
        foreach (byte b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _value = crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
