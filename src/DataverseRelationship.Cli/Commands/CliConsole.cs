using System;
using System.IO;
using Spectre.Console;

namespace DataverseRelationship.Cli.Commands;

/// <summary>Where a dvrel command writes and where it runs: standard output and error, the report console, the folders.</summary>
public sealed class CliConsole
{
    /// <summary>Columns the report is laid out for when standard output is not a terminal and COLUMNS is not set.</summary>
    public const int RedirectedWidth = 120;

    /// <summary>The narrowest and widest layouts <c>--width</c> accepts.</summary>
    public const int MinWidth = 40;

    /// <inheritdoc cref="MinWidth"/>
    public const int MaxWidth = 1000;

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

    /// <summary>
    /// The process console: tables on stdout, progress on stderr only when neither is redirected. The report is laid
    /// out for the terminal's width when stdout is a terminal (Console.WindowWidth, as Spectre.Console reads it); when
    /// stdout is redirected (a file, a pipe, <c>| less</c>) for COLUMNS if the shell exports it, else
    /// <see cref="RedirectedWidth"/>. <c>--width N</c> overrides both (<see cref="UseWidth"/>).
    /// </summary>
    public static CliConsole FromProcess()
    {
        bool interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        IAnsiConsole report = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            report.Profile.Width = RedirectedWidthFrom(Environment.GetEnvironmentVariable("COLUMNS"));
        }

        return new CliConsole
        {
            Out = Console.Out,
            Error = Console.Error,
            Report = report,
            Progress = interactive ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : null,
        };
    }

    /// <summary>The width for redirected output: COLUMNS when it is a whole number in range, else <see cref="RedirectedWidth"/>.</summary>
    public static int RedirectedWidthFrom(string? columns)
        => int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n is >= MinWidth and <= MaxWidth
            ? n
            : RedirectedWidth;

    /// <summary>Lays the report out for <paramref name="columns"/> columns (the <c>--width</c> option).</summary>
    public void UseWidth(int columns) => Report.Profile.Width = columns;
}
