using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using DataverseRelationship.Solution.Tests.Packing;

namespace DataverseRelationship.Solution.Tests.Scripts;

/// <summary>The outcome of one script run.</summary>
internal sealed record ScriptRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs a pac script with bash in a controlled environment: PATH holds only the basic tools the scripts use (and,
/// when asked, a fake pac that records its arguments and answers <c>pac env fetch</c> with the table set by
/// <see cref="AnswerFetch"/>), no PAC_* variables leak in from the machine.
/// </summary>
internal sealed class PacScript : IDisposable
{
    private static readonly string[] Tools = ["bash", "sed", "grep", "dirname", "basename", "cat", "mkdir", "cp", "rm"];
    private readonly TemporaryFolder folder = new();
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);

    public PacScript(bool withPac, bool withDotnet = false)
    {
        var tools = Directory.CreateDirectory(folder.Combine("tools")).FullName;
        foreach (var tool in withDotnet ? [.. Tools, "dotnet"] : Tools)
        {
            File.CreateSymbolicLink(Path.Combine(tools, tool), Which(tool));
        }
        if (withPac)
        {
            var fake = Path.Combine(tools, "pac");
            File.WriteAllText(fake, """
                #!/usr/bin/env bash
                printf '%s\n' "$*" >> "$FAKE_PAC_LOG"
                if [ "${1:-} ${2:-}" = "env fetch" ] && [ -f "$FAKE_PAC_FETCH" ]; then
                  cat "$FAKE_PAC_FETCH"
                  exit "${FAKE_PAC_FETCH_EXIT:-0}"
                fi

                """);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        environment["PATH"] = tools;
        environment["HOME"] = folder.Path;
        environment["FAKE_PAC_LOG"] = PacLog;
        environment["FAKE_PAC_FETCH"] = folder.Combine("pac-fetch.txt");
    }

    /// <summary>A folder for the test's own files (source, out).</summary>
    public TemporaryFolder Folder => folder;

    /// <summary>Every argument line the fake pac was called with.</summary>
    public IReadOnlyList<string> PacCalls => File.Exists(PacLog) ? File.ReadAllLines(PacLog) : [];

    private string PacLog => folder.Combine("pac-calls.log");

    /// <summary>Makes the fake pac print <paramref name="output"/> for <c>pac env fetch</c> and exit with <paramref name="exitCode"/>.</summary>
    public PacScript AnswerFetch(string output, int exitCode = 0)
    {
        File.WriteAllText(environment["FAKE_PAC_FETCH"], output);
        environment["FAKE_PAC_FETCH_EXIT"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    public PacScript Set(string name, string value)
    {
        environment[name] = value;
        return this;
    }

    public ScriptRun Run(string script, params string[] args) => Run(Which("bash"), [], script, args);

    /// <summary>Runs the PowerShell twin <paramref name="script"/> (a .ps1) with <paramref name="pwsh"/> in the same environment.</summary>
    public ScriptRun RunPowerShell(string pwsh, string script, params string[] args) =>
        Run(pwsh, ["-NoLogo", "-NoProfile", "-NonInteractive", "-File"], script, args);

    private ScriptRun Run(string interpreter, string[] interpreterArgs, string script, string[] args)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder.Path,
        };
        foreach (var arg in interpreterArgs)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add(Path.Combine(Repository.PacScripts, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within 60 s");
        }
        return new ScriptRun(process.ExitCode, output.Result, error.Result);
    }

    public static string Which(string tool)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/bin")
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException($"{tool} is not installed");
    }

    public static string? Find(string tool)
    {
        try
        {
            return Which(tool);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose() => folder.Dispose();
}
