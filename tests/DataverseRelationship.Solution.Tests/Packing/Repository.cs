using System;
using System.IO;

namespace DataverseRelationship.Solution.Tests.Packing;

/// <summary>Where the repository and the build outputs the packing tests use are.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this test assembly was built in (Debug, Release), read from its output path.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string SolutionSource => Path.Combine(Root, "solution", "src");

    public static string PacScripts => Path.Combine(Root, "pac-scripts");

    /// <summary>
    /// The net462 plugin assembly built against the offline stand-in, whatever -p:XrmSdk says (the test project builds
    /// it through tests/DataverseRelationship.StandInPluginBuild).
    /// </summary>
    public static string StandInPluginAssembly
    {
        get
        {
            var path = Path.Combine(Root, "tests", "DataverseRelationship.StandInPluginBuild", "bin", Configuration, "net462", "DataverseRelationship.Plugins.dll");
            Assert.True(File.Exists(path), $"the stand-in build of the plugin assembly is missing at {path}; the test project's ProjectReference to DataverseRelationship.StandInPluginBuild builds it");
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataverseRelationship.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no DataverseRelationship.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A temporary folder removed at dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dvr-pack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
