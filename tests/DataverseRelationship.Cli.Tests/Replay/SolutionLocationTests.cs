using System;
using System.IO;
using DataverseRelationship.Cli.Replay;

namespace DataverseRelationship.Cli.Tests.Replay;

public sealed class SolutionLocationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionLocation.RepositoryMarker)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }

    private static string FakeSolution(string under)
    {
        string folder = Path.Combine(under, "solution", "src");
        Directory.CreateDirectory(Path.Combine(folder, "Other"));
        File.WriteAllText(Path.Combine(folder, "Other", "Solution.xml"), "<ImportExportXml />");
        return folder;
    }

    [Fact]
    public void Inside_the_repository_its_solution_src_is_found_from_a_sub_folder()
    {
        string root = RepositoryRoot();

        string found = SolutionLocation.Resolve(null, Path.Combine(root, "src", "DataverseRelationship.Cli"), _folder.Path);

        Assert.Equal(Path.Combine(root, "solution", "src"), found);
    }

    [Fact]
    public void Outside_the_repository_the_copy_next_to_the_tool_is_used()
    {
        string tool = Path.Combine(_folder.Path, "tool");
        string copy = FakeSolution(tool);

        string found = SolutionLocation.Resolve(null, _folder.Path, tool);

        Assert.Equal(copy, found);
    }

    [Fact]
    public void The_built_tool_carries_a_copy_of_the_solution()
    {
        Assert.True(SolutionLocation.IsSolution(Path.Combine(AppContext.BaseDirectory, "solution", "src")));
    }

    [Fact]
    public void An_explicit_folder_wins_and_must_be_a_solution()
    {
        string mine = FakeSolution(Path.Combine(_folder.Path, "mine"));

        Assert.Equal(mine, SolutionLocation.Resolve(mine, RepositoryRoot(), AppContext.BaseDirectory));
        SolutionNotFoundException error = Assert.Throws<SolutionNotFoundException>(() => SolutionLocation.Resolve(_folder.Path, RepositoryRoot(), AppContext.BaseDirectory));
        Assert.Contains("--solution", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nowhere_to_be_found_names_where_it_looked()
    {
        SolutionNotFoundException error = Assert.Throws<SolutionNotFoundException>(() => SolutionLocation.Resolve(null, _folder.Path, _folder.Path));

        Assert.Contains("--solution DIR", error.Message, StringComparison.Ordinal);
    }
}
