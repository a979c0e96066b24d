using System;
using System.IO;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.WebApi;
using Spectre.Console;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>What one in-process dvrel run printed and returned.</summary>
public sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs dvrel with the arguments in <paramref name="currentDirectory"/> (default: the test's folder, inside the repository).</summary>
    public static CommandRun In(string currentDirectory, params string[] args) => In(currentDirectory, EnvironmentAccess.Default, args);

    /// <summary>Runs dvrel reaching environments through <paramref name="access"/> (the in-process local Web API).</summary>
    public static CommandRun In(string currentDirectory, EnvironmentAccess access, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        IAnsiConsole report = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        report.Profile.Width = 400;
        var console = new CliConsole { Out = output, Error = error, Report = report, CurrentDirectory = currentDirectory };
        int exitCode = DvrelCommandLine.Run(args, console, access);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    public static CommandRun Of(params string[] args) => In(Environment.CurrentDirectory, args);

    /// <summary>A policy file shipped with the sample (src/DataverseRelationship.Cli/Sample/Policies).</summary>
    public static string SamplePolicy(string name)
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "src", "DataverseRelationship.Cli", "Sample", "Policies", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Sample policy {name} not found above {AppContext.BaseDirectory}.");
    }
}
