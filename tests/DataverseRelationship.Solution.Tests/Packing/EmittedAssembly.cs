using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace DataverseRelationship.Solution.Tests.Packing;

/// <summary>How an emitted plugin-shaped assembly is signed.</summary>
public enum Signing
{
    /// <summary>No public key at all.</summary>
    None,

    /// <summary>A public key and the StrongNameSigned flag but a zero-filled signature (public/delay signing).</summary>
    PublicKeyOnly,

    /// <summary>A genuine RSA-SHA1 strong-name signature.</summary>
    StrongName,
}

/// <summary>
/// Emits a tiny assembly with System.Reflection.Metadata: chosen references (each used by a type reference),
/// a TargetFrameworkAttribute and a strong-name signature made with a fresh RSA key. It stands for an assembly
/// built against the official SDK, which cannot be restored on this machine.
/// </summary>
internal static class EmittedAssembly
{
    public static readonly (string Name, Version Version, byte[] Token) OfficialXrmSdk =
        ("Microsoft.Xrm.Sdk", new Version(9, 0, 0, 0), Convert.FromHexString("31bf3856ad364e35"));

    public const string NetFramework462 = ".NETFramework,Version=v4.6.2";

    public static string Write(
        string folder,
        string name,
        IEnumerable<(string Name, Version Version, byte[] Token)> references,
        string? targetFramework,
        Signing signing)
    {
        using var rsa = RSA.Create(1024);
        var metadata = new MetadataBuilder();
        var publicKey = signing == Signing.None ? default : metadata.GetOrAddBlob(StrongNamePublicKey(rsa));
        metadata.AddAssembly(
            metadata.GetOrAddString(name), new Version(1, 0, 0, 0), default, publicKey,
            signing == Signing.None ? 0 : AssemblyFlags.PublicKey, AssemblyHashAlgorithm.Sha1);
        metadata.AddModule(0, metadata.GetOrAddString(name + ".dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        var mscorlib = metadata.AddAssemblyReference(
            metadata.GetOrAddString("mscorlib"), new Version(4, 0, 0, 0), default,
            metadata.GetOrAddBlob(Convert.FromHexString("b77a5c561934e089")), 0, default);
        foreach (var reference in references)
        {
            var handle = metadata.AddAssemblyReference(
                metadata.GetOrAddString(reference.Name), reference.Version, default, metadata.GetOrAddBlob(reference.Token), 0, default);
            metadata.AddTypeReference(handle, metadata.GetOrAddString("Microsoft.Xrm.Sdk"), metadata.GetOrAddString("IPlugin"));
        }
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default,
            MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));

        if (targetFramework is not null)
        {
            var attributeType = metadata.AddTypeReference(mscorlib,
                metadata.GetOrAddString("System.Runtime.Versioning"), metadata.GetOrAddString("TargetFrameworkAttribute"));
            var signature = new BlobBuilder();
            new BlobEncoder(signature).MethodSignature(isInstanceMethod: true)
                .Parameters(1, r => r.Void(), p => p.AddParameter().Type().String());
            var constructor = metadata.AddMemberReference(attributeType, metadata.GetOrAddString(".ctor"), metadata.GetOrAddBlob(signature));
            var value = new BlobBuilder();
            value.WriteUInt16(1);
            value.WriteSerializedString(targetFramework);
            value.WriteUInt16(0);
            metadata.AddCustomAttribute(EntityHandle.AssemblyDefinition, constructor, metadata.GetOrAddBlob(value));
        }

        var pe = new ManagedPEBuilder(
            new PEHeaderBuilder(imageCharacteristics: Characteristics.Dll | Characteristics.ExecutableImage),
            new MetadataRootBuilder(metadata),
            new BlobBuilder(),
            strongNameSignatureSize: signing == Signing.None ? 0 : 128,
            flags: CorFlags.ILOnly | (signing == Signing.None ? 0 : CorFlags.StrongNameSigned));
        var image = new BlobBuilder();
        pe.Serialize(image);
        if (signing == Signing.StrongName)
        {
            pe.Sign(image, content =>
            {
                using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
                foreach (var blob in content)
                {
                    sha1.AppendData(blob.GetBytes().ToArray());
                }
                var signatureBytes = rsa.SignHash(sha1.GetHashAndReset(), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
                Array.Reverse(signatureBytes);
                return signatureBytes;
            });
        }
        var path = Path.Combine(folder, name + ".dll");
        File.WriteAllBytes(path, image.ToArray());
        return path;
    }

    /// <summary>The ECMA-335 strong-name public key blob: algorithm ids, then a CAPI PUBLICKEYBLOB.</summary>
    private static byte[] StrongNamePublicKey(RSA rsa)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var modulus = parameters.Modulus!.Reverse().ToArray();
        var exponent = new byte[4];
        parameters.Exponent!.Reverse().ToArray().CopyTo(exponent, 0);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(0x00002400u); // CALG_RSA_SIGN
        writer.Write(0x00008004u); // CALG_SHA1
        writer.Write((uint)(20 + modulus.Length));
        writer.Write((byte)0x06); // PUBLICKEYBLOB
        writer.Write((byte)0x02);
        writer.Write((ushort)0);
        writer.Write(0x00002400u);
        writer.Write(0x31415352u); // "RSA1"
        writer.Write((uint)(modulus.Length * 8));
        writer.Write(exponent);
        writer.Write(modulus);
        writer.Flush();
        return stream.ToArray();
    }
}
