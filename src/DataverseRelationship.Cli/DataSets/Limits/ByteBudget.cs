using System.Globalization;

namespace DataverseRelationship.Cli.DataSets.Limits;

/// <summary>The bytes one package may decompress to in all, shared by its entries and nested zips.</summary>
public sealed class ByteBudget(long limit)
{
    /// <summary>The most bytes that may be taken.</summary>
    public long Limit { get; } = limit;

    /// <summary>Bytes taken so far.</summary>
    public long Used { get; private set; }

    /// <summary>Takes <paramref name="count"/> bytes; throws <see cref="InputRefusedException"/> once the limit is passed.</summary>
    public void Take(long count)
    {
        Used += count;
        if (Used > Limit)
        {
            throw new InputRefusedException(Over(Limit));
        }
    }

    /// <summary>True when <paramref name="declared"/> more bytes would not pass the limit (an entry's size as its header declares it).</summary>
    public bool Admits(long declared) => declared <= Limit - Used;

    /// <summary>The reason given when a package decompresses to more than <paramref name="limit"/> bytes.</summary>
    public static string Over(long limit) => string.Create(
        CultureInfo.InvariantCulture,
        $"decompresses to more than {limit:#,##0} bytes, the loader's limit (a zip bomb, or an export too large to replay)");
}
