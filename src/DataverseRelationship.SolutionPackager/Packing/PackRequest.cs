using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>What to pack and where.</summary>
/// <param name="SourceFolder">The unpacked solution (pac layout), e.g. solution/src.</param>
/// <param name="AssemblyPaths">Freshly built plugin assemblies mapped over the source's PluginAssemblies/*/&lt;Name&gt;.dll.</param>
/// <param name="OutputFolder">Where the zips go (created when missing).</param>
/// <param name="PackageType">Unmanaged, Managed or Both.</param>
/// <param name="TestPackage">
/// Accept assemblies built against the offline stand-in, and mark the zips (file name and description) as not to be
/// imported.
/// </param>
public sealed record PackRequest(
    string SourceFolder,
    IReadOnlyList<string> AssemblyPaths,
    string OutputFolder,
    PackageType PackageType,
    bool TestPackage)
{
    /// <summary>The marker a test package's file name carries.</summary>
    public const string TestFileNameMarker = "TEST-DO-NOT-IMPORT";

    /// <summary>The prefix of a test package's solution description.</summary>
    public const string TestDescriptionPrefix = "TEST PACKAGE built against the offline SDK stand-in — DO NOT IMPORT";
}

/// <summary>One zip the packer wrote.</summary>
/// <param name="Path">The zip file.</param>
/// <param name="Managed">True for the managed zip.</param>
/// <param name="EntryNames">Every entry in the zip, in order.</param>
public sealed record PackedZip(string Path, bool Managed, IReadOnlyList<string> EntryNames);

/// <summary>The outcome of a pack.</summary>
/// <param name="UniqueName">The solution's unique name.</param>
/// <param name="Version">The solution's version.</param>
/// <param name="Zips">The zips written.</param>
/// <param name="Assemblies">The facts of every mapped assembly.</param>
/// <param name="Warnings">What was left out or differs from pac; empty when nothing.</param>
public sealed record PackResult(
    string UniqueName,
    string Version,
    IReadOnlyList<PackedZip> Zips,
    IReadOnlyList<PluginAssemblyFacts> Assemblies,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The zip file name pac and the export use: <c>Name_Version[_TEST-DO-NOT-IMPORT][_managed].zip</c>.</summary>
    public static string ZipFileName(string uniqueName, string version, bool managed, bool testPackage)
    {
        ArgumentNullException.ThrowIfNull(uniqueName);
        ArgumentNullException.ThrowIfNull(version);
        return uniqueName + "_" + version
            + (testPackage ? "_" + PackRequest.TestFileNameMarker : "")
            + (managed ? "_managed" : "") + ".zip";
    }
}
