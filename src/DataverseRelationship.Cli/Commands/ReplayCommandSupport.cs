using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Replay;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Cli.Sample;
using Spectre.Console;

namespace DataverseRelationship.Cli.Commands;

/// <summary>A command's input that is wrong (exit code 2): the message says which argument and why.</summary>
public sealed class BadInputException : Exception
{
    public BadInputException()
        : this("Bad input.")
    {
    }

    public BadInputException(string message)
        : base(message)
    {
    }

    public BadInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>What preview and compare share: loading the data set, finding the solution, replaying with progress, mapping errors to exit codes.</summary>
internal static class ReplayCommandSupport
{
    /// <summary>The <c>--dates FROM-TO</c> option: the years a loaded date may fall in.</summary>
    public static Option<string> DatesOption() => new("--dates")
    {
        Description = $"The years a date in the data set may fall in, FROM-TO; a date outside is refused at load (exit code 2) naming the file, record and column. Default: {DataSetLoadOptions.DefaultEarliestYear}-{DataSetLoadOptions.DefaultLatestYear}.",
        HelpName = "FROM-TO",
    };

    /// <summary>What the loaders check: the solution's schema (the one the replay runs on) and the plausible years.</summary>
    public static DataSetLoadOptions LoadOptions(string? dates, string solutionFolder)
    {
        DataSetLoadOptions options;
        try
        {
            options = DataSetLoadOptions.ForSolution(solutionFolder);
        }
        catch (LocalDataverse.SolutionRegistrationException ex)
        {
            throw new SolutionNotFoundException(ex.Message, ex);
        }

        if (dates is null)
        {
            return options;
        }

        return DataSetLoadOptions.TryParseYears(dates, out int earliest, out int latest)
            ? options with { EarliestYear = earliest, LatestYear = latest }
            : throw new BadInputException($"--dates '{dates}': give two years FROM-TO between {DataSetLoadOptions.DataverseEarliestYear} and {DataSetLoadOptions.LatestAdmittedYear}, e.g. 1900-2100 (each year of the span costs replay time: the scheduled recalculation runs every week of it).");
    }

    /// <summary>The data set at the paths, or the built-in sample when there are none (loaded with the default checks).</summary>
    public static DataSet LoadDataSet(IReadOnlyList<string> paths, CliConsole console) => LoadDataSet(paths, console, new DataSetLoadOptions());

    /// <summary>The data set at the paths, or the built-in sample when there are none.</summary>
    public static DataSet LoadDataSet(IReadOnlyList<string> paths, CliConsole console, DataSetLoadOptions options)
    {
        if (paths.Count == 0)
        {
            return SampleDataSet.Create();
        }

        string[] full = paths.Select(p => Path.GetFullPath(p, console.CurrentDirectory)).ToArray();
        foreach ((string given, string path) in paths.Zip(full))
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new BadInputException($"{given}: no such file or folder.");
            }
        }

        try
        {
            return DataSetLoader.Load(full, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{string.Join(", ", paths)}: cannot be read ({ex.Message}).", ex);
        }
    }

    public static string FindSolution(string? explicitFolder, CliConsole console)
    {
        try
        {
            return SolutionLocation.Resolve(explicitFolder, console.CurrentDirectory, console.BaseDirectory);
        }
        catch (SolutionNotFoundException ex) when (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            throw new BadInputException(ex.Message, ex);
        }
    }

    /// <summary>Replays with a progress bar on standard error when the console has one and the output is not JSON.</summary>
    public static RunReport Replay(DataSet dataSet, ReplayOptions options, CliConsole console, string label, bool quiet)
    {
        if (quiet || console.Progress is null)
        {
            return RelationshipReplay.Run(dataSet, options) with { Currencies = dataSet.Currencies };
        }

        RunReport? report = null;
        console.Progress.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                long total = dataSet.Counts.Opportunities;
                ProgressTask task = context.AddTask(Describe(label, 0, total), maxValue: Math.Max(1, total));
                report = RelationshipReplay.Run(dataSet, options with
                {
                    Progress = new ProgressSink(p =>
                    {
                        task.Value = Math.Min(task.MaxValue, p.OpportunitiesCreated);
                        task.Description = Describe(label, p.OpportunitiesCreated, total);
                    }),
                });
                task.Value = task.MaxValue;
            });
        return report! with { Currencies = dataSet.Currencies };
    }

    /// <summary>A short progress line that fits 80 columns: the label and the deals created so far.</summary>
    private static string Describe(string label, long created, long total)
        => Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label}: {created:#,##0} of {total:#,##0} deals"));

    /// <summary>Runs a command body and turns its exceptions into a message on standard error and an exit code.</summary>
    public static int Guard(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (DataSetException ex)
        {
            return Fail(console, ExitCodes.BadInput, ex.Message);
        }
        catch (PolicyFileException ex)
        {
            return Fail(console, ExitCodes.BadInput, ex.Message);
        }
        catch (BadInputException ex)
        {
            return Fail(console, ExitCodes.BadInput, ex.Message);
        }
        catch (SolutionNotFoundException ex)
        {
            return Fail(console, ExitCodes.Failure, ex.Message);
        }
        catch (ReportNotWrittenException ex)
        {
            return Fail(console, ExitCodes.Failure, ex.Message);
        }
#pragma warning disable CA1031 // The command line's last resort: any other error becomes exit code 1 with its message, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(console, ExitCodes.Failure, $"unexpected error: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static int Fail(CliConsole console, int exitCode, string message)
    {
        console.Error.WriteLine("dvrel: " + Reporting.TerminalText.Safe(message));
        return exitCode;
    }

    private sealed class ProgressSink(Action<ReplayProgress> report) : IProgress<ReplayProgress>
    {
        public void Report(ReplayProgress value) => report(value);
    }
}

/// <summary>A report file that could not be written (exit code 1).</summary>
public sealed class ReportNotWrittenException : Exception
{
    public ReportNotWrittenException()
        : this("The report could not be written.")
    {
    }

    public ReportNotWrittenException(string message)
        : base(message)
    {
    }

    public ReportNotWrittenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
