using System;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>
/// Verifies an assembly's strong-name signature against its own public key (ECMA-335 II.6.2.1.3): the RSA signature
/// over the hash of the PE headers (checksum and certificate table entry zeroed, no padding) and every section's raw
/// data except the signature blob itself.
/// </summary>
public static class StrongNameSignature
{
    private const uint RsaSign = 0x00002400;
    private const uint RsaMagic = 0x31415352; // "RSA1"

    /// <summary>True when the image carries a strong-name signature that its public key verifies.</summary>
    /// <param name="pe">The image.</param>
    /// <param name="publicKey">The assembly's public key blob (AssemblyDef.PublicKey).</param>
    public static bool Verifies(PEReader pe, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(pe);
        ArgumentNullException.ThrowIfNull(publicKey);
        var headers = pe.PEHeaders;
        var cor = headers.CorHeader;
        if (cor is null || (cor.Flags & CorFlags.StrongNameSigned) == 0 || headers.PEHeader is null)
        {
            return false;
        }
        var directory = cor.StrongNameSignatureDirectory;
        if (directory.Size == 0 || !headers.TryGetDirectoryOffset(directory, out var signatureOffset))
        {
            return false;
        }
        if (!TryReadKey(publicKey, out var key, out var hashAlgorithm) || key.Modulus!.Length > directory.Size)
        {
            return false;
        }
        var image = pe.GetEntireImage().GetContent();
        if (signatureOffset < 0 || signatureOffset + directory.Size > image.Length)
        {
            return false;
        }

        using var hash = IncrementalHash.CreateHash(hashAlgorithm);
        var optionalHeader = headers.PEHeaderStartOffset;
        var headersEnd = optionalHeader + headers.CoffHeader.SizeOfOptionalHeader + (40 * headers.CoffHeader.NumberOfSections);
        if (headersEnd > image.Length)
        {
            return false;
        }
        var headerBytes = image.AsSpan(0, headersEnd).ToArray();
        headerBytes.AsSpan(optionalHeader + 64, 4).Clear(); // CheckSum
        var certificateEntry = optionalHeader + (headers.PEHeader.Magic == PEMagic.PE32Plus ? 112 : 96) + (4 * 8);
        headerBytes.AsSpan(certificateEntry, 8).Clear(); // Certificate table directory entry
        hash.AppendData(headerBytes);
        foreach (var section in headers.SectionHeaders)
        {
            var start = section.PointerToRawData;
            var end = Math.Min(image.Length, start + section.SizeOfRawData);
            AppendExcluding(hash, image, start, end, signatureOffset, signatureOffset + directory.Size);
        }

        var signature = image.AsSpan(signatureOffset, key.Modulus.Length).ToArray();
        Array.Reverse(signature);
        using var rsa = RSA.Create();
        rsa.ImportParameters(key);
        return rsa.VerifyHash(hash.GetHashAndReset(), signature, hashAlgorithm, RSASignaturePadding.Pkcs1);
    }

    private static void AppendExcluding(IncrementalHash hash, ImmutableArray<byte> image, int start, int end, int excludedStart, int excludedEnd)
    {
        if (end <= start)
        {
            return;
        }
        if (excludedEnd <= start || excludedStart >= end)
        {
            hash.AppendData(image.AsSpan(start, end - start));
            return;
        }
        if (excludedStart > start)
        {
            hash.AppendData(image.AsSpan(start, excludedStart - start));
        }
        if (excludedEnd < end)
        {
            hash.AppendData(image.AsSpan(excludedEnd, end - excludedEnd));
        }
    }

    /// <summary>Reads the RSA key from a strong-name public key blob (algorithm ids, then a CAPI PUBLICKEYBLOB).</summary>
    private static bool TryReadKey(byte[] blob, out RSAParameters key, out HashAlgorithmName hashAlgorithm)
    {
        key = default;
        hashAlgorithm = default;
        if (blob.Length < 32 || BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(0)) != RsaSign
            || blob[12] != 0x06 || BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(20)) != RsaMagic)
        {
            return false;
        }
        hashAlgorithm = BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(4)) switch
        {
            0x00008004 => HashAlgorithmName.SHA1,
            0x0000800c => HashAlgorithmName.SHA256,
            0x0000800d => HashAlgorithmName.SHA384,
            0x0000800e => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hashAlgorithm == default)
        {
            return false;
        }
        var modulusLength = (int)(BinaryPrimitives.ReadUInt32LittleEndian(blob.AsSpan(24)) / 8);
        if (modulusLength == 0 || blob.Length < 32 + modulusLength)
        {
            return false;
        }
        var exponent = blob.AsSpan(28, 4).ToArray();
        Array.Reverse(exponent);
        var modulus = blob.AsSpan(32, modulusLength).ToArray();
        Array.Reverse(modulus);
        key = new RSAParameters { Exponent = exponent.AsSpan().TrimStart((byte)0).ToArray(), Modulus = modulus };
        return true;
    }
}
