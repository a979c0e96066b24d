using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using DataverseRelationship.Plugins.Opportunities;
using Microsoft.Xrm.Sdk;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;
using LocalDataverseOptions = DataverseRelationship.LocalDataverse.LocalDataverseOptions;

namespace DataverseRelationship.Benchmarks.Saves;

/// <summary>
/// A local Dataverse loaded with the solution's registrations, from this build ("current") or from another build of
/// DataverseRelationship.LocalDataverse.dll ("baseline", e.g. main built in a separate folder) so both are measured in
/// the same run. The baseline's path comes from the environment variable <see cref="BaselineVariable"/>; the SDK and
/// the plugins are shared, so only the local Dataverse differs.
/// </summary>
public sealed class DataverseBuild
{
    /// <summary>Environment variable naming the baseline DataverseRelationship.LocalDataverse.dll.</summary>
    public const string BaselineVariable = "DVREL_BASELINE_LOCALDATAVERSE";

    private readonly Func<Entity, Guid> _seed;
    private readonly Action<DateTime> _setNow;

    private DataverseBuild(IOrganizationService service, Func<Entity, Guid> seed, Action<DateTime> setNow)
    {
        Service = service;
        _seed = seed;
        _setNow = setNow;
    }

    /// <summary>"current", plus "baseline" when <see cref="BaselineVariable"/> names a file.</summary>
    public static IEnumerable<string> Names()
    {
        yield return "current";
        if (File.Exists(Environment.GetEnvironmentVariable(BaselineVariable)))
        {
            yield return "baseline";
        }
    }

    public IOrganizationService Service { get; }

    public Guid Seed(Entity row) => _seed(row);

    public void SetNow(DateTime utcNow) => _setNow(utcNow);

    public static DataverseBuild Load(string name)
    {
        var plugins = typeof(AssessDealOnSave).Assembly;
        if (name == "current")
        {
            var dataverse = LocalDataverseInstance.FromSolution(SolutionFolder(), new LocalDataverseOptions { KeepOperationHistory = false }, plugins);
            return new DataverseBuild(dataverse.Service, dataverse.Seed, dataverse.SetNow);
        }

        var path = Environment.GetEnvironmentVariable(BaselineVariable)
            ?? throw new InvalidOperationException($"Set {BaselineVariable} to the baseline DataverseRelationship.LocalDataverse.dll.");
        var assembly = new BaselineContext(path).LoadFromAssemblyPath(Path.GetFullPath(path));
        var type = assembly.GetType("DataverseRelationship.LocalDataverse.LocalDataverse", throwOnError: true)!;
        var optionsType = assembly.GetType("DataverseRelationship.LocalDataverse.LocalDataverseOptions", throwOnError: true)!;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("KeepOperationHistory")!.SetValue(options, false);
        var fromSolution = type.GetMethod("FromSolution", [typeof(string), optionsType, typeof(Assembly[])])!;
        var instance = fromSolution.Invoke(null, [SolutionFolder(), options, new[] { plugins }])!;
        var service = (IOrganizationService)type.GetProperty("Service")!.GetValue(instance)!;
        var seed = type.GetMethod("Seed", [typeof(Entity)])!;
        var setNow = type.GetMethod("SetNow", [typeof(DateTime)])!;
        return new DataverseBuild(service, row => (Guid)seed.Invoke(instance, [row])!, now => setNow.Invoke(instance, [now]));
    }

    /// <summary>The repository's solution/src, found above the benchmark's folder.</summary>
    internal static string SolutionFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder != null && !File.Exists(Path.Combine(folder.FullName, "DataverseRelationship.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("DataverseRelationship.sln not found above " + AppContext.BaseDirectory), "solution", "src");
    }

    /// <summary>Loads the baseline local Dataverse; everything else (SDK, plugins, engine) comes from the default context.</summary>
    private sealed class BaselineContext(string path) : AssemblyLoadContext("baseline-localdataverse")
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == "DataverseRelationship.LocalDataverse" ? LoadFromAssemblyPath(Path.GetFullPath(path)) : null;
    }
}
