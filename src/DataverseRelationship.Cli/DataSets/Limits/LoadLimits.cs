using System;

namespace DataverseRelationship.Cli.DataSets.Limits;

/// <summary>
/// How much a loader reads before it refuses the input, checked while reading (nothing is inflated whole first): the
/// defaults admit a Configuration Migration export of a few million rows and refuse zip bombs, zips nested thousands
/// deep and single values of gigabytes with a problem that names the file.
/// </summary>
public sealed record LoadLimits
{
    /// <summary>The longest text value Dataverse holds (a multiline text column's maximum, 1,048,576 characters).</summary>
    public const int DataverseMaxTextLength = 1_048_576;

    /// <summary>The limits dvrel uses unless told otherwise.</summary>
    public static LoadLimits Default { get; } = new();

    /// <summary>Bytes decompressed from one package in all, nested zips included (4 GiB).</summary>
    public long MaxDecompressedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Entries of one zip (a Configuration Migration export has three; a Package Deployer package some hundreds).</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Zips inside zips: 1 is the package itself, 2 a data zip inside it (Package Deployer), 3 one more level.</summary>
    public int MaxZipDepth { get; init; } = 3;

    /// <summary>
    /// How many times its compressed size an entry may expand once it has given <see cref="RatioWindowBytes"/>: exports
    /// compress 10 to 30 times; a zip bomb, up to the 1,032 times deflate allows.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Bytes an entry gives before its compression ratio is checked (small entries are never refused for it).</summary>
    public long RatioWindowBytes { get; init; } = 1024 * 1024;

    /// <summary>Characters of one value (a CSV field, an XML attribute); a column's own MaxLength is checked afterwards.</summary>
    public int MaxValueLength { get; init; } = DataverseMaxTextLength;

    /// <summary>
    /// Bytes of XML between two '&lt;' (the longest attribute or text a record can hold): a value of
    /// <see cref="MaxValueLength"/> characters fits even when every character is escaped (at most 10 bytes, &amp;#x10FFFF;).
    /// </summary>
    public long MaxMarkupFreeBytes => (10L * MaxValueLength) + 4096;

    /// <summary>Refuses limits that cannot be met (0 or negative).</summary>
    public void Validate()
    {
        if (MaxDecompressedBytes < 1 || MaxEntries < 1 || MaxZipDepth < 1 || MaxValueLength < 1 || MaxCompressionRatio < 1 || RatioWindowBytes < 0)
        {
            throw new ArgumentException("Every load limit must be at least 1.");
        }
    }
}
