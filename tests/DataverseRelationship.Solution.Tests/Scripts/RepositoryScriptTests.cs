using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using DataverseRelationship.Solution.Tests.Packing;
using DataverseRelationship.Tests.Support;

namespace DataverseRelationship.Solution.Tests.Scripts;

/// <summary>The scripts under scripts/ (docs tooling) are held to the pac scripts' rules: valid bash, strict mode, shellcheck-clean.</summary>
public sealed class RepositoryScriptTests
{
    private static string Folder => Path.Combine(Repository.Root, "scripts");

    private static string[] ScriptNames() =>
        Directory.EnumerateFiles(Folder, "*.sh").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var script in ScriptNames())
        {
            data.Add(script);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_is_valid_bash_in_strict_mode(string script)
    {
        var run = Run(PacScript.Which("bash"), Folder, [], "-n", script);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("set -euo pipefail", File.ReadAllText(Path.Combine(Folder, script)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_script_passes_shellcheck()
    {
        var shellcheck = ExternalProgram.ShellCheck.Require();
        var scripts = ScriptNames();

        var run = Run(shellcheck, Folder, [], ["-x", "--severity=style", .. scripts]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("report-screenshot.sh", scripts);
    }

    [Fact]
    public void The_screenshot_script_refuses_a_width_that_is_not_a_number_before_it_replays_anything()
    {
        var run = Run(PacScript.Which("bash"), Folder, [("CHROMIUM", PacScript.Which("true")), ("WIDTH", "wide")], "report-screenshot.sh", Path.Combine(Path.GetTempPath(), "never.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: WIDTH must be a number of pixels, not 'wide'", run.Error.Trim());
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "never.png")));
    }

    [Fact]
    public void The_screenshot_script_refuses_a_section_that_is_not_an_id_before_it_replays_anything()
    {
        var run = Run(PacScript.Which("bash"), Folder, [("CHROMIUM", PacScript.Which("true")), ("SECTION", "main > *")], "report-screenshot.sh", Path.Combine(Path.GetTempPath(), "never.png"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: SECTION must be the id of a section of the report (e.g. backtest), not 'main > *'", run.Error.Trim());
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "never.png")));
    }

    private static ScriptRun Run(string executable, string workingDirectory, (string Name, string Value)[] environment, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ScriptRun(process.ExitCode, output.Result, error.Result);
    }
}
