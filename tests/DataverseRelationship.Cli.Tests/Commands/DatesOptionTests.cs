using System;
using System.IO;
using DataverseRelationship.Cli.Commands;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary><c>--dates FROM-TO</c>: the plausible years a loaded date may fall in (default 1900-2100).</summary>
public sealed class DatesOptionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public DatesOptionTests()
    {
        File.WriteAllText(_folder.File("account.csv"), "name,createdon\nVictorian Ltd,1850-06-01\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_date_before_1900_is_refused_by_default_naming_the_file_line_and_column()
    {
        CommandRun run = CommandRun.In(_folder.Path, "preview", _folder.Path, "--json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("account.csv, line 2: createdon is 1850-06-01; dates must fall within 1900-01-01 to 2100-12-31", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wider_range_admits_it()
    {
        CommandRun run = CommandRun.In(_folder.Path, "preview", _folder.Path, "--json", "--no-flows", "--recalculate-every", "0", "--dates", "1800-2100");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
    }

    [Theory]
    [InlineData("1-9999")]
    [InlineData("1700-2100")]
    [InlineData("2100-1900")]
    [InlineData("nineteen")]
    public void A_range_dataverse_or_the_calendar_cannot_hold_is_a_bad_argument(string dates)
    {
        CommandRun run = CommandRun.In(_folder.Path, "preview", _folder.Path, "--dates", dates);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"--dates '{dates}'", run.Error, StringComparison.Ordinal);
    }
}
