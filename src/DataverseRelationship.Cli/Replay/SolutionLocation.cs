using System;
using System.Collections.Generic;
using System.IO;

namespace DataverseRelationship.Cli.Replay;

/// <summary>A folder that is not an unpacked solution (no Other/Solution.xml), or no solution found at all.</summary>
public sealed class SolutionNotFoundException : Exception
{
    public SolutionNotFoundException()
        : this("The unpacked solution (solution/src) was not found.")
    {
    }

    public SolutionNotFoundException(string message)
        : base(message)
    {
    }

    public SolutionNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Finds the unpacked solution (pac format) whose registrations the replay runs: the folder given with --solution,
/// else solution/src of the repository around the current directory, else the copy built next to dvrel
/// (solution/src in the output folder), else solution/src of the repository around the executable.
/// </summary>
public static class SolutionLocation
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RepositoryMarker = "DataverseRelationship.sln";

    /// <summary>The solution's path relative to the repository root and to the output folder.</summary>
    public static readonly string RelativePath = Path.Combine("solution", "src");

    /// <summary>The solution folder to load; throws <see cref="SolutionNotFoundException"/> naming where it looked.</summary>
    public static string Resolve(string? explicitFolder, string currentDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            string full = Path.GetFullPath(explicitFolder, currentDirectory);
            if (!IsSolution(full))
            {
                throw new SolutionNotFoundException($"--solution '{explicitFolder}': {full} is not an unpacked solution (it has no Other{Path.DirectorySeparatorChar}Solution.xml).");
            }

            return full;
        }

        var looked = new List<string>();
        foreach (string candidate in Candidates(currentDirectory, baseDirectory))
        {
            looked.Add(candidate);
            if (IsSolution(candidate))
            {
                return candidate;
            }
        }

        throw new SolutionNotFoundException(
            $"The unpacked solution was not found (looked for {RelativePath} in the repository around {currentDirectory}, next to dvrel in {baseDirectory}, and around it). Pass --solution DIR.");
    }

    /// <summary>True when the folder holds an unpacked solution.</summary>
    public static bool IsSolution(string folder) => File.Exists(Path.Combine(folder, "Other", "Solution.xml"));

    private static IEnumerable<string> Candidates(string currentDirectory, string baseDirectory)
    {
        if (RepositoryAround(currentDirectory) is { } fromCurrent)
        {
            yield return Path.Combine(fromCurrent, RelativePath);
        }

        yield return Path.Combine(baseDirectory, RelativePath);
        if (RepositoryAround(baseDirectory) is { } fromBase)
        {
            yield return Path.Combine(fromBase, RelativePath);
        }
    }

    private static string? RepositoryAround(string start)
    {
        for (DirectoryInfo? folder = new(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, RepositoryMarker)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
