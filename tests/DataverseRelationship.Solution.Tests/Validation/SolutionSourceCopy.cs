using System;
using System.IO;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.SolutionPackager.Source;

namespace DataverseRelationship.Solution.Tests.Validation;

/// <summary>The repository's solution/src, and throw-away copies of it that a test breaks on purpose.</summary>
internal sealed class SolutionSourceCopy : IDisposable
{
    private SolutionSourceCopy(string root) => Root = root;

    public string Root { get; }

    /// <summary>solution/src of the repository these tests were built from.</summary>
    public static string RepositorySource
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "solution", "src");
                if (File.Exists(Path.Combine(candidate, "Other", "Solution.xml")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"solution/src/Other/Solution.xml was not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>What the plugin code expects, read from the plugin assembly the tests reference.</summary>
    public static CodeExpectations Code { get; } = CodeExpectations.FromPluginAssembly(typeof(AccountTable).Assembly);

    /// <summary>A fresh copy of solution/src in a temporary folder.</summary>
    public static SolutionSourceCopy Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "dvr-solution-" + Guid.NewGuid().ToString("N"));
        Copy(RepositorySource, root);
        return new SolutionSourceCopy(root);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    /// <summary>The single file under <paramref name="relativeFolder"/> whose text contains <paramref name="marker"/>.</summary>
    public string FileContaining(string relativeFolder, string marker, string pattern = "*")
    {
        var matches = Array.FindAll(Directory.GetFiles(Path.Combine(Root, relativeFolder), pattern, SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains(marker, StringComparison.Ordinal));
        if (matches.Length != 1)
        {
            throw new InvalidOperationException($"Expected one file under {relativeFolder} containing '{marker}', found {matches.Length}.");
        }

        return Path.GetRelativePath(Root, matches[0]);
    }

    /// <summary>Replaces <paramref name="oldText"/> (which must occur) with <paramref name="newText"/> in one file of the copy.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{oldText}' does not occur in {relativePath}; the test's breakage would be a no-op.");
        }

        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Renames a plugin type in its registration and in every step that runs it.</summary>
    public void RenamePluginType(string from, string to)
    {
        foreach (var file in Directory.GetFiles(Root, "*.xml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (text.Contains(from + ",", StringComparison.Ordinal) || text.Contains(from + "\"", StringComparison.Ordinal) || text.Contains(from + ":", StringComparison.Ordinal))
            {
                File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
            }
        }
    }

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Root, relativePath), text);

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
