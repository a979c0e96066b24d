using System;
using System.Globalization;
using System.IO;

namespace DataverseRelationship.Cli.DataSets.Limits;

/// <summary>What <see cref="InspectedStream"/> checks as bytes pass; each check is off when its field is null or false.</summary>
public sealed record StreamChecks
{
    /// <summary>The budget of decompressed bytes the bytes are taken from.</summary>
    public ByteBudget? Budget { get; init; }

    /// <summary>The bytes must be strict UTF-8.</summary>
    public bool Utf8 { get; init; }

    /// <summary>The most bytes allowed between two '&lt;' (XML: the longest attribute or text value).</summary>
    public long? MaxMarkupFreeBytes { get; init; }

    /// <summary>How many compressed bytes have been consumed so far (the archive stream's position since the entry was opened).</summary>
    public Func<long>? CompressedBytesRead { get; init; }

    /// <summary>The most times the output may exceed <see cref="CompressedBytesRead"/>, once <see cref="RatioWindowBytes"/> have been given.</summary>
    public int? MaxCompressionRatio { get; init; }

    /// <summary>Bytes given before the ratio is checked.</summary>
    public long RatioWindowBytes { get; init; }

    /// <summary>The CRC-32 the whole input must have (a zip entry's header), checked when the end is read.</summary>
    public uint? ExpectedCrc32 { get; init; }
}

/// <summary>
/// A read-only stream that checks its input while it streams past (<see cref="StreamChecks"/>), so a zip bomb, a
/// gigabyte-long value or invalid UTF-8 is refused after reading at most the limit, never after inflating it whole.
/// Throws <see cref="InputRefusedException"/> with the reason.
/// </summary>
public sealed class InspectedStream(Stream inner, StreamChecks checks) : Stream
{
    private readonly Utf8Validator? _utf8 = checks.Utf8 ? new Utf8Validator() : null;
    private readonly Crc32? _crc = checks.ExpectedCrc32 is null ? null : new Crc32();
    private long _position;
    private long _sinceMarkup;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        if (read == 0)
        {
            End();
            return 0;
        }

        ReadOnlySpan<byte> bytes = buffer[..read];
        checks.Budget?.Take(read);
        _utf8?.Append(bytes, _position);
        _crc?.Append(bytes);
        if (checks.MaxMarkupFreeBytes is { } most)
        {
            CheckMarkup(bytes, most);
        }

        _position += read;
        if (checks.MaxCompressionRatio is { } ratio && checks.CompressedBytesRead is { } compressed && _position > checks.RatioWindowBytes)
        {
            long consumed = Math.Max(1, compressed());
            if (_position / consumed > ratio)
            {
                throw new InputRefusedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"expands more than {ratio} times its compressed size ({_position:#,##0} bytes from {consumed:#,##0}), the loader's limit: a zip bomb, not an export"));
            }
        }

        return read;
    }

    /// <summary>Reads what is left (a reader may stop at the end of the XML), so the last bytes and the checksum are checked too.</summary>
    public void ReadToEnd()
    {
        var buffer = new byte[81920];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckMarkup(ReadOnlySpan<byte> bytes, long most)
    {
        long run = _sinceMarkup;
        ReadOnlySpan<byte> rest = bytes;
        while (true)
        {
            int next = rest.IndexOf((byte)'<');
            long gap = run + (next < 0 ? rest.Length : next);
            if (gap > most)
            {
                throw new InputRefusedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"holds a value longer than the loader's limit ({most:#,##0} bytes without markup, before byte offset {_position + bytes.Length - rest.Length + Math.Max(0, next):#,##0}); Dataverse holds at most {LoadLimits.DataverseMaxTextLength:#,##0} characters in a column"));
            }

            if (next < 0)
            {
                _sinceMarkup = gap;
                return;
            }

            run = 0;
            rest = rest[(next + 1)..];
        }
    }

    private void End()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _utf8?.Complete();
        if (_crc is not null && checks.ExpectedCrc32 is { } expected && _crc.Value != expected)
        {
            throw new InputRefusedException(string.Create(
                CultureInfo.InvariantCulture,
                $"does not match its checksum (CRC-32 0x{_crc.Value:X8}, the zip says 0x{expected:X8}): the file is damaged"));
        }
    }
}
