using System;
using System.IO;
using Spectre.Console;

namespace DataverseRelationship.Cli.Commands;

/// <summary>Where a dvrel command writes and where it runs: standard output and error, the report console, the folders.</summary>
public sealed class CliConsole
{
    /// <summary>Columns the tables use when standard output is redirected to a file or a pipe.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Standard output: the JSON report and help text.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: error messages.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The console tables are written to (on standard output).</summary>
    public required IAnsiConsole Report { get; init; }

    /// <summary>A console on standard error for progress bars, or null for no progress (redirected output, tests).</summary>
    public IAnsiConsole? Progress { get; init; }

    /// <summary>Relative paths are resolved against this folder.</summary>
    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The folder dvrel runs from (where a built copy of solution/src is looked for).</summary>
    public string BaseDirectory { get; init; } = AppContext.BaseDirectory;

    /// <summary>The process console: tables on stdout, progress on stderr only when neither is redirected.</summary>
    public static CliConsole FromProcess()
    {
        bool interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        IAnsiConsole report = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Redirected output has no window width; 80 columns would wrap the accounts table into unreadable slivers.
            report.Profile.Width = RedirectedWidth;
        }

        return new CliConsole
        {
            Out = Console.Out,
            Error = Console.Error,
            Report = report,
            Progress = interactive ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : null,
        };
    }
}
