using System;
using System.Globalization;

namespace DataverseRelationship.Cli.DataSets.Limits;

/// <summary>
/// Strict UTF-8 (RFC 3629) checked byte by byte as input streams past: no overlong forms, surrogates, values above
/// U+10FFFF or truncated sequences. The first invalid byte is reported with its offset, never replaced by U+FFFD.
/// </summary>
public sealed class Utf8Validator
{
    private int _pending;
    private byte _lower = 0x80;
    private byte _upper = 0xBF;
    private long _sequenceStart;

    /// <summary>Checks the next bytes, which start at <paramref name="offset"/> in the input.</summary>
    public void Append(ReadOnlySpan<byte> bytes, long offset)
    {
        // The vectorised check settles the common case (whole characters only); a chunk that ends inside a character,
        // or holds an invalid byte, is walked byte by byte to carry the state over or to find the offset.
        if (_pending == 0 && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (_pending > 0)
            {
                if (b < _lower || b > _upper)
                {
                    throw Invalid(_sequenceStart, "a multi-byte sequence is broken off or malformed");
                }

                _lower = 0x80;
                _upper = 0xBF;
                _pending--;
                continue;
            }

            if (b < 0x80)
            {
                continue;
            }

            _sequenceStart = offset + i;
            (_pending, _lower, _upper) = b switch
            {
                >= 0xC2 and <= 0xDF => (1, (byte)0x80, (byte)0xBF),
                0xE0 => (2, (byte)0xA0, (byte)0xBF),
                (>= 0xE1 and <= 0xEC) or 0xEE or 0xEF => (2, (byte)0x80, (byte)0xBF),
                0xED => (2, (byte)0x80, (byte)0x9F),
                0xF0 => (3, (byte)0x90, (byte)0xBF),
                >= 0xF1 and <= 0xF3 => (3, (byte)0x80, (byte)0xBF),
                0xF4 => (3, (byte)0x80, (byte)0x8F),
                _ => throw Invalid(offset + i, string.Create(CultureInfo.InvariantCulture, $"byte 0x{b:X2} cannot start a character")),
            };
        }
    }

    /// <summary>The end of the input: a sequence still open is an error.</summary>
    public void Complete()
    {
        if (_pending > 0)
        {
            throw Invalid(_sequenceStart, "the input ends inside a multi-byte sequence");
        }
    }

    private static InputRefusedException Invalid(long offset, string what) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"is not valid UTF-8 at byte offset {offset:#,##0} ({what}); save the file as UTF-8"));
}
