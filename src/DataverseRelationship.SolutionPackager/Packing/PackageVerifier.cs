using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>
/// Checks a solution zip just before import: it must not be a test package (by file name or description) and every
/// plugin assembly inside must be deployable (<see cref="PluginAssemblyFacts.DeploymentProblems"/>).
/// </summary>
public static class PackageVerifier
{
    /// <summary>Every reason the zip must not be imported; empty when it may.</summary>
    /// <exception cref="PackingException">The file is missing or is not a solution zip.</exception>
    public static IReadOnlyList<string> ImportProblems(string zipPath)
    {
        ArgumentNullException.ThrowIfNull(zipPath);
        if (!File.Exists(zipPath))
        {
            throw new PackingException($"zip: file '{zipPath}' does not exist");
        }
        var problems = new List<string>();
        if (Path.GetFileName(zipPath).Contains(PackRequest.TestFileNameMarker, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"its file name says {PackRequest.TestFileNameMarker}");
        }
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var manifestEntry = zip.GetEntry("solution.xml")
                ?? throw new PackingException($"zip: '{zipPath}' has no solution.xml; it is not a solution zip");
            XDocument manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = XDocument.Load(stream);
            }
            var descriptions = manifest.Root?.Element("SolutionManifest")?.Element("Descriptions")?.Elements("Description")
                .Select(d => (string?)d.Attribute("description") ?? "") ?? [];
            if (descriptions.Any(d => d.StartsWith(PackRequest.TestDescriptionPrefix, StringComparison.Ordinal)))
            {
                problems.Add("its description says it is a TEST PACKAGE built against the offline SDK stand-in");
            }
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("PluginAssemblies/", StringComparison.OrdinalIgnoreCase)
                && e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var copy = Path.Combine(Path.GetTempPath(), "dvr-verify-" + Guid.NewGuid().ToString("N") + ".dll");
                try
                {
                    entry.ExtractToFile(copy);
                    problems.AddRange(PluginAssemblyInspector.Inspect(copy).DeploymentProblems().Select(p => $"{entry.FullName}: {p}"));
                }
                finally
                {
                    File.Delete(copy);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new PackingException($"zip: '{zipPath}' is not a valid zip: {e.Message}", e);
        }
        catch (XmlException e)
        {
            throw new PackingException($"zip: '{zipPath}': solution.xml is not well-formed: {e.Message}", e);
        }
        return problems;
    }
}
