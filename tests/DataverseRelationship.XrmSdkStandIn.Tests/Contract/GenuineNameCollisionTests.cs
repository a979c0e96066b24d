using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Contract;

/// <summary>
/// Every project must compile against the genuine SDK too, whose namespaces hold about 1,400 public types the stand-in
/// does not declare. A name that is free under the stand-in may be taken there.
/// </summary>
public sealed class GenuineNameCollisionTests
{
    private static readonly Lazy<GenuineNameCollisions> Checker = new(() => new GenuineNameCollisions(
        GenuineNameCollisions.ReadGenuineTypeNames(ApiListing.ReferenceFile("genuine-type-names.txt")),
        GenuineNameCollisions.DeclaredTypes(SourceFiles(Path.Combine(RepositoryRoot, "src", "DataverseRelationship.XrmSdkStandIn")))));

    private static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "DataverseRelationship.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"DataverseRelationship.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    [Fact]
    public void No_file_that_imports_a_genuine_namespace_uses_a_name_it_would_collide_with()
    {
        GenuineNameCollisions checker = Checker.Value;
        string standIn = Path.Combine(RepositoryRoot, "src", "DataverseRelationship.XrmSdkStandIn") + Path.DirectorySeparatorChar;
        List<string> files = SourceFiles(Path.Combine(RepositoryRoot, "src")).Concat(SourceFiles(Path.Combine(RepositoryRoot, "tests")))
            .Where(f => !f.StartsWith(standIn, StringComparison.Ordinal)).ToList();

        List<NameCollision> collisions = files
            .SelectMany(f => checker.Find(Path.GetRelativePath(RepositoryRoot, f), File.ReadAllText(f))).ToList();

        Assert.True(files.Count > 100, $"only {files.Count} source files found under {RepositoryRoot}");
        Assert.True(collisions.Count == 0, string.Join(Environment.NewLine, collisions));
    }

    [Fact]
    public void System_AppContext_unqualified_beside_the_crm_messages_namespace_is_a_collision()
    {
        const string Source = """
            using System;
            using Microsoft.Crm.Sdk.Messages;

            static class Probe
            {
                static string Folder() => AppContext.BaseDirectory;
                static string Qualified() => System.AppContext.BaseDirectory;
                static object Request() => new WinOpportunityRequest();
            }
            """;

        NameCollision collision = Assert.Single(Checker.Value.Find("Probe.cs", Source));

        Assert.Equal(("AppContext", 6, "Microsoft.Crm.Sdk.Messages.AppContext"), (collision.Name, collision.Line, collision.GenuineType));
    }

    [Fact]
    public void A_file_that_imports_no_genuine_namespace_may_use_any_name()
    {
        const string Source = "using System; static class Probe { static string Folder() => AppContext.BaseDirectory; }";

        Assert.Empty(Checker.Value.Find("Probe.cs", Source));
    }

    [Fact]
    public void The_stand_in_declares_the_types_the_project_uses_from_the_genuine_namespaces()
    {
        GenuineNameCollisions checker = Checker.Value;

        Assert.Contains("Microsoft.Xrm.Sdk", checker.GenuineNamespaces);
        Assert.Contains("Microsoft.Crm.Sdk.Messages", checker.GenuineNamespaces);
        Assert.Empty(checker.Find("Probe.cs", "using Microsoft.Xrm.Sdk; static class P { static object E() => new Entity(\"account\"); }"));
    }
}
