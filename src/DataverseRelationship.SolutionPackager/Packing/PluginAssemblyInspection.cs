using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>The identity of one assembly reference, read from metadata.</summary>
public sealed record AssemblyReferenceIdentity(string Name, Version Version, string Culture, string PublicKeyToken)
{
    /// <summary>The display form: <c>Name, Version=..., Culture=..., PublicKeyToken=...</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Name}, Version={Version}, Culture={(Culture.Length == 0 ? "neutral" : Culture)}, PublicKeyToken={(PublicKeyToken.Length == 0 ? "null" : PublicKeyToken)}");
}

/// <summary>What a plugin assembly is, as far as deployment to Dataverse cares.</summary>
/// <param name="Name">The simple assembly name.</param>
/// <param name="FullName">The full display name, including the public key token.</param>
/// <param name="PublicKeyToken">Lower-case hex token, empty when the assembly has no public key.</param>
/// <param name="TargetFramework">The value of the assembly's TargetFrameworkAttribute, empty when absent.</param>
/// <param name="StrongNameSigned">True when the assembly carries a public key and a strong-name signature that key verifies.</param>
/// <param name="References">Every assembly reference in the metadata.</param>
public sealed record PluginAssemblyFacts(
    string Name,
    string FullName,
    string PublicKeyToken,
    string TargetFramework,
    bool StrongNameSigned,
    IReadOnlyList<AssemblyReferenceIdentity> References)
{
    /// <summary>The identity every deployable plugin assembly must reference.</summary>
    public static readonly AssemblyReferenceIdentity OfficialXrmSdk =
        new("Microsoft.Xrm.Sdk", new Version(9, 0, 0, 0), "", "31bf3856ad364e35");

    /// <summary>The simple name of the offline stand-in for the SDK.</summary>
    public const string StandInAssemblyName = "DataverseRelationship.XrmSdkStandIn";

    /// <summary>The TargetFrameworkAttribute value of a .NET Framework 4.6.2 build.</summary>
    public const string NetFramework462 = ".NETFramework,Version=v4.6.2";

    /// <summary>True when the assembly references the offline stand-in instead of the genuine SDK.</summary>
    public bool ReferencesStandIn =>
        References.Any(r => string.Equals(r.Name, StandInAssemblyName, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the assembly references exactly the genuine Microsoft.Xrm.Sdk identity.</summary>
    public bool ReferencesOfficialXrmSdk => References.Any(r => r == OfficialXrmSdk);

    /// <summary>
    /// Every reason Dataverse deployment must refuse this assembly: a stand-in build, a missing or different
    /// Microsoft.Xrm.Sdk reference, no strong-name signature, a target other than .NET Framework 4.6.2.
    /// Empty when the assembly is deployable.
    /// </summary>
    public IReadOnlyList<string> DeploymentProblems()
    {
        var problems = new List<string>();
        if (ReferencesStandIn)
        {
            problems.Add($"it references {StandInAssemblyName} (built with the offline SDK stand-in); build it with -p:XrmSdk=Official");
        }
        if (!ReferencesOfficialXrmSdk)
        {
            var xrm = References.Where(r => string.Equals(r.Name, OfficialXrmSdk.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            problems.Add(xrm.Count == 0
                ? $"it does not reference {OfficialXrmSdk}"
                : $"it references {string.Join("; ", xrm)} instead of {OfficialXrmSdk}");
        }
        if (!StrongNameSigned)
        {
            problems.Add("it is not strong-name signed, or its signature does not verify (Dataverse registers only signed plugin assemblies; delay- or public-signed builds do not count)");
        }
        if (!string.Equals(TargetFramework, NetFramework462, StringComparison.Ordinal))
        {
            problems.Add(TargetFramework.Length == 0
                ? $"it carries no TargetFrameworkAttribute; it must target {NetFramework462}"
                : $"it targets {TargetFramework}; it must target {NetFramework462}");
        }
        return problems;
    }
}

/// <summary>Reads <see cref="PluginAssemblyFacts"/> from an assembly file without loading it.</summary>
public static class PluginAssemblyInspector
{
    /// <summary>Reads the facts of the assembly at <paramref name="path"/>.</summary>
    /// <exception cref="PackingException">The file is missing or is not a .NET assembly.</exception>
    public static PluginAssemblyFacts Inspect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PackingException($"assembly: file '{path}' does not exist");
        }
        using var stream = File.OpenRead(path);
        try
        {
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new PackingException($"assembly: '{path}' is not a .NET assembly (it has no metadata)");
            }
            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                throw new PackingException($"assembly: '{path}' is a module, not an assembly");
            }
            var definition = reader.GetAssemblyDefinition();
            var name = reader.GetString(definition.Name);
            var publicKey = reader.GetBlobBytes(definition.PublicKey);
            var token = publicKey.Length == 0 ? "" : TokenOf(publicKey);
            var culture = reader.GetString(definition.Culture);
            var identity = new AssemblyReferenceIdentity(name, definition.Version, culture, token);
            return new PluginAssemblyFacts(
                name,
                identity.ToString(),
                token,
                TargetFrameworkOf(reader),
                publicKey.Length > 0 && StrongNameSignature.Verifies(pe, publicKey),
                ReferencesOf(reader));
        }
        catch (BadImageFormatException e)
        {
            throw new PackingException($"assembly: '{path}' is not a valid .NET assembly: {e.Message}", e);
        }
    }

    private static List<AssemblyReferenceIdentity> ReferencesOf(MetadataReader reader)
    {
        var references = new List<AssemblyReferenceIdentity>();
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            var keyOrToken = reader.GetBlobBytes(reference.PublicKeyOrToken);
            var isFullKey = (reference.Flags & AssemblyFlags.PublicKey) != 0;
            var token = keyOrToken.Length == 0 ? "" : isFullKey ? TokenOf(keyOrToken) : Convert.ToHexStringLower(keyOrToken);
            references.Add(new AssemblyReferenceIdentity(
                reader.GetString(reference.Name), reference.Version, reader.GetString(reference.Culture), token));
        }
        return references;
    }

    private static string TargetFrameworkOf(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (AttributeTypeName(reader, attribute) != "System.Runtime.Versioning.TargetFrameworkAttribute")
            {
                continue;
            }
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.Length < 2 || blob.ReadUInt16() != 1)
            {
                continue;
            }
            return blob.ReadSerializedString() ?? "";
        }
        return "";
    }

    private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => Qualified(reader, reader.GetTypeReference((TypeReferenceHandle)type).Namespace,
                reader.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Qualified(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace,
                reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => "",
        };
    }

    private static string Qualified(MetadataReader reader, StringHandle ns, StringHandle name) =>
        reader.GetString(ns) + "." + reader.GetString(name);

    /// <summary>The public key token: the last 8 bytes of the SHA-1 of the public key, reversed.</summary>
    private static string TokenOf(byte[] publicKey)
    {
#pragma warning disable CA5350 // SHA-1 is what the ECMA-335 public key token is defined on; this is identification, not security.
        var hash = System.Security.Cryptography.SHA1.HashData(publicKey);
#pragma warning restore CA5350
        var token = hash.AsSpan(hash.Length - 8).ToArray();
        Array.Reverse(token);
        return Convert.ToHexStringLower(token);
    }
}
