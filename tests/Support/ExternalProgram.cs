using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DataverseRelationship.Tests.Support;

/// <summary>
/// A program outside .NET that some tests drive (Chromium, shellcheck, pwsh). Where it is missing, a test skips with
/// the command that installs it, except in CI (<c>CI=true</c>), where a missing program fails the test: <c>.ci/run</c>
/// installs every one of them, so a skip there would hide a test that never ran.
/// </summary>
/// <param name="Names">The executable names to look for on PATH, first match wins.</param>
/// <param name="Purpose">What the program is needed for, as the skip message says it ("the HTML report test").</param>
/// <param name="Install">How to install it ("apt-get install -y chromium").</param>
/// <param name="OverrideVariable">An environment variable that may hold the program's full path, or null.</param>
public sealed record ExternalProgram(IReadOnlyList<string> Names, string Purpose, string Install, string? OverrideVariable = null)
{
    /// <summary>Headless Chromium for the HTML report tests.</summary>
    public static ExternalProgram Chromium { get; } = new(
        ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
        "the HTML report tests (headless browser)", "apt-get install -y chromium", "CHROMIUM_PATH");

    /// <summary>shellcheck for the pac scripts.</summary>
    public static ExternalProgram ShellCheck { get; } = new(["shellcheck"], "the pac scripts' lint", "apt-get install -y shellcheck");

    /// <summary>PowerShell 7 for the pac scripts' PowerShell twins.</summary>
    public static ExternalProgram PowerShell { get; } = new(
        ["pwsh"], "the PowerShell twins of the pac scripts", "dotnet tool install --global PowerShell --version 7.6.9 (then put ~/.dotnet/tools on PATH)", "PWSH_PATH");

    /// <summary>True when the tests run in CI, where every external program must be present.</summary>
    public static bool InContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The program's full path, or null when it is not installed.</summary>
    public string? Find()
    {
        string? configured = OverrideVariable is null ? null : Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        IEnumerable<string> folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(home, ".dotnet", "tools"));
        return folders.SelectMany(folder => Names.Select(name => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The program's full path. When it is missing: in CI the test fails saying what .ci/run must install; elsewhere
    /// the test is skipped (needs <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>) with the install command.
    /// </summary>
    public string Require()
    {
        string? path = Find();
        if (path is not null)
        {
            return path;
        }

        string name = Names[0];
        if (InContinuousIntegration)
        {
            Assert.Fail($"{name} is required for {Purpose} and CI=true: .ci/run must install it ({Install}).");
        }

        Skip.If(true, $"{name} is not installed, so {Purpose} did not run; install it with: {Install}");
        throw new InvalidOperationException("unreachable: Skip.If(true) always throws");
    }
}
