using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>
/// Packs an unpacked solution into unmanaged and/or managed zips with freshly built plugin assemblies mapped in.
/// Refuses an assembly that Dataverse must not receive (built against the stand-in, unsigned, not net462) unless
/// a test package is asked for, whose file name and description then say it must not be imported.
/// </summary>
public static class SolutionPacker
{
    /// <summary>Inspects the assemblies, builds the packages and writes the zips.</summary>
    /// <exception cref="PackingException">An assembly is refused or the source is incomplete; nothing is written.</exception>
    public static PackResult Pack(PackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mapped = request.AssemblyPaths.Select(p => new MappedAssembly(p, PluginAssemblyInspector.Inspect(p))).ToList();
        if (!request.TestPackage)
        {
            foreach (var assembly in mapped)
            {
                var problems = assembly.Facts.DeploymentProblems();
                if (problems.Count > 0)
                {
                    throw new PackingException(
                        $"assembly: refusing '{assembly.Path}' ({assembly.Facts.FullName}) for a deployable package: "
                        + string.Join("; ", problems)
                        + ". Only a test package (--test-package) may carry such an assembly, and it must never be imported.");
                }
            }
        }

        var kinds = request.PackageType switch
        {
            PackageType.Unmanaged => new[] { false },
            PackageType.Managed => [true],
            PackageType.Both => [false, true],
            _ => throw new PackingException($"type: '{request.PackageType}' is not Unmanaged, Managed or Both"),
        };
        var packages = kinds.Select(managed => SolutionPackage.Build(request.SourceFolder, managed, request.TestPackage, mapped)).ToList();

        Directory.CreateDirectory(request.OutputFolder);
        var zips = new List<PackedZip>();
        foreach (var (package, managed) in packages.Zip(kinds))
        {
            var path = Path.Combine(request.OutputFolder, PackResult.ZipFileName(package.UniqueName, package.Version, managed, request.TestPackage));
            Write(path, package.Entries);
            zips.Add(new PackedZip(path, managed, package.Entries.Select(e => e.Name).ToList()));
        }
        return new PackResult(packages[0].UniqueName, packages[0].Version, zips, mapped.Select(m => m.Facts).ToList(),
            packages.SelectMany(p => p.Warnings).Distinct(StringComparer.Ordinal).ToList());
    }

    private static void Write(string path, IReadOnlyList<PackageEntry> entries)
    {
        var temporary = path + ".partial";
        using (var stream = File.Create(temporary))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var entry in entries)
            {
                var zipEntry = zip.CreateEntry(entry.Name, CompressionLevel.Optimal);
                using var content = zipEntry.Open();
                content.Write(entry.Content);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }
}
