using System;
using System.IO;
using DataverseRelationship.Cli.Commands;
using Spectre.Console;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>Reports and --out files: checked before the work, replaced only when written completely (issue 14).</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliConsole Console() => new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        Report = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }),
        CurrentDirectory = _folder.Path,
    };

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_previous_report_as_it_was_and_no_partial_file()
    {
        File.WriteAllText(_folder.File("report.html"), "previous report");
        OutputFile output = OutputFile.Prepare("--report", "report.html", Console());

        Assert.Throws<ReportNotWrittenException>(() => output.Write(w =>
        {
            w.Write(new string('x', 100_000));
            throw new IOException("No space left on device");
        }));

        Assert.Equal("previous report", File.ReadAllText(_folder.File("report.html")));
        Assert.Equal([_folder.File("report.html")], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void A_complete_write_replaces_the_previous_report()
    {
        File.WriteAllText(_folder.File("report.html"), "previous report");

        OutputFile.Prepare("--report", "report.html", Console()).Write(w => w.Write("new report"));

        Assert.Equal("new report", File.ReadAllText(_folder.File("report.html")));
        Assert.Single(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void A_folder_or_a_missing_folder_is_refused_as_bad_input_naming_the_option()
    {
        Directory.CreateDirectory(_folder.File("reports"));

        Assert.Contains("is a folder", Assert.Throws<BadInputException>(() => OutputFile.Prepare("--out", "reports", Console())).Message, StringComparison.Ordinal);
        Assert.StartsWith("--out 'missing/policy.json': the folder", Assert.Throws<BadInputException>(() => OutputFile.Prepare("--out", "missing/policy.json", Console())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_refuses_an_unwritable_out_path_before_it_loads_or_fits_anything()
    {
        CommandRun run = CommandRun.In(_folder.Path, "calibrate", "--out", Path.Combine(_folder.Path, "missing", "policy.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }
}
