using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.Tests.DataSets;

namespace DataverseRelationship.Cli.Tests.Commands;

public sealed class DvrelCommandLineTests : IDisposable
{
    private const string Accounts =
        "Account Name,Created On,Relationship Since\r\n" +
        "Contoso,2023-01-05T09:00:00Z,2020-06-01\r\n";

    private const string Contacts =
        "Full Name,Company Name,Role,Created On\n" +
        "Ana Silva,Contoso,Decision Maker,2023-01-06\n";

    private const string Opportunities =
        "Topic,Account,Est. Revenue,Discount (%),Status,Status Reason,Created On,Actual Close Date,Seller Margin (%),Commitments\n" +
        "Fleet analytics,Contoso,50000,3,Won,Won,2023-03-01T08:00:00Z,2023-04-15,22.5,\n" +
        "Big discount,Contoso,90000,20,Won,Won,2023-05-01T08:00:00Z,2023-06-01,10,\n" +
        "Reciprocated discount,Contoso,90000,20,Lost,Out-Sold,2023-05-02T08:00:00Z,2023-06-02,10,Multi-Year Term\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string CsvFolder()
    {
        File.WriteAllText(_folder.File("account.csv"), Accounts);
        File.WriteAllText(_folder.File("contact.csv"), Contacts);
        File.WriteAllText(_folder.File("opportunity.csv"), Opportunities);
        return _folder.Path;
    }

    [Fact]
    public void Preview_of_a_csv_folder_replays_its_deals_and_blocks_the_unreciprocated_discount()
    {
        CommandRun run = CommandRun.Of("preview", "--json", CsvFolder());

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        JsonElement report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(1, report.GetProperty("statistics").GetProperty("accounts").GetInt32());
        Assert.Equal(1, report.GetProperty("deals").GetProperty("blocked").GetInt64());
        Assert.Equal(1, report.GetProperty("deals").GetProperty("reciprocated").GetInt64());
        Assert.Equal(1, report.GetProperty("deals").GetProperty("withinCap").GetInt64());
        Assert.Equal(1, report.GetProperty("statistics").GetProperty("lost").GetInt64());
        Assert.Contains("Big discount", report.GetProperty("rejections")[0].GetProperty("event").GetString()!, StringComparison.Ordinal);
        Assert.Equal("Contoso", report.GetProperty("accounts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Preview_of_a_configuration_migration_zip_creates_the_seller_sponsor_and_reports_the_account()
    {
        string zip = _folder.File("export.zip");
        File.WriteAllBytes(zip, CmtExport.Export(CmtExport.UsData));

        CommandRun run = CommandRun.In(_folder.Path, "preview", "export.zip");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("Contoso & Sons", run.Output, StringComparison.Ordinal);
        Assert.Contains("Won / lost", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 / 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_csv_file_is_bad_input_naming_the_file_line_and_column()
    {
        CsvFolder();
        File.WriteAllText(_folder.File("opportunity.csv"), Opportunities.Replace(",50000,", ",\"50,000.00\",", StringComparison.Ordinal));

        CommandRun run = CommandRun.Of("preview", _folder.Path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("opportunity.csv, line 2", run.Error, StringComparison.Ordinal);
        Assert.Contains("Est. Revenue", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void A_missing_data_set_path_is_bad_input()
    {
        CommandRun run = CommandRun.Of("preview", _folder.File("nowhere.zip"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("nowhere.zip: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_policy_is_bad_input_naming_the_field_and_the_reason()
    {
        string policy = _folder.File("bad.json");
        File.WriteAllText(policy, """{ "version": "x", "tiers": { "preferred": { "minimumLoyalty": 140 } } }""");

        CommandRun run = CommandRun.Of("preview", "--policy", policy);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("tiers.preferred.minimumLoyalty", run.Error, StringComparison.Ordinal);
        Assert.Contains("140", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_options_and_a_missing_command_are_bad_input()
    {
        Assert.Equal(ExitCodes.BadInput, CommandRun.Of("preview", "--no-such-option").ExitCode);
        Assert.Equal(ExitCodes.BadInput, CommandRun.Of().ExitCode);
        Assert.Equal(ExitCodes.BadInput, CommandRun.Of("preview", "--accounts", "-1").ExitCode);
        Assert.Equal(ExitCodes.BadInput, CommandRun.Of("compare", CsvFolder()).ExitCode);
    }

    [Fact]
    public void An_unknown_option_is_reported_as_an_unknown_option_not_as_a_missing_file()
    {
        CommandRun preview = CommandRun.Of("preview", "--bogus");
        CommandRun compare = CommandRun.Of("compare", "--policy", CommandRun.SamplePolicy("warn.json"), "-x");

        Assert.Equal(ExitCodes.BadInput, preview.ExitCode);
        Assert.Contains("unknown option '--bogus'", preview.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", preview.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, compare.ExitCode);
        Assert.Contains("unknown option '-x'", compare.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_after_a_double_dash_is_a_path_even_when_it_starts_with_a_dash()
    {
        CommandRun run = CommandRun.Of("preview", "--", "--bogus");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--bogus: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Width_lays_the_preview_out_for_that_many_columns()
    {
        CommandRun run = CommandRun.Of("preview", "--width", "80", "--wide", CsvFolder());

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("│ Contoso", run.Output, StringComparison.Ordinal);
        Assert.Empty(Reporting.ConsoleWidth.Overlong(run.Output, 80));
    }

    [Theory]
    [InlineData("39")]
    [InlineData("1001")]
    public void A_width_outside_40_to_1000_columns_is_bad_input(string width)
    {
        CommandRun run = CommandRun.Of("preview", "--width", width, CsvFolder());

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--width must be between 40 and 1000", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100", 100)]
    [InlineData(null, 120)]
    [InlineData("", 120)]
    [InlineData("wide", 120)]
    [InlineData("12", 120)]
    public void Redirected_output_is_laid_out_for_COLUMNS_else_120_columns(string? columns, int expected)
        => Assert.Equal(expected, CliConsole.RedirectedWidthFrom(columns));

    [Fact]
    public void A_solution_option_that_is_not_a_solution_is_bad_input()
    {
        CommandRun run = CommandRun.Of("preview", "--solution", _folder.Path, CsvFolder());

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("is not an unpacked solution", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_documents_the_exit_codes()
    {
        CommandRun run = CommandRun.Of("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("2 bad input", run.Output, StringComparison.Ordinal);
        Assert.Contains("preview", run.Output, StringComparison.Ordinal);
        Assert.Contains("compare", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_writes_a_self_contained_html_file_next_to_the_console_tables()
    {
        string html = _folder.File("report.html");

        CommandRun run = CommandRun.Of("preview", "--report", html, CsvFolder());

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        string page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Contoso", page, StringComparison.Ordinal);
        Assert.Contains("Relationship preview", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Timings_list_the_time_per_request_and_plugin_step_on_standard_error()
    {
        CommandRun run = CommandRun.Of("preview", "--json", "--timings", CsvFolder());

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("Create opportunity", run.Error, StringComparison.Ordinal);
        Assert.Contains("RecalculateAccountOnDealChange: Win of opportunity", run.Error, StringComparison.Ordinal);
        JsonDocument.Parse(run.Output).Dispose();
    }

    [Fact]
    public void A_report_path_in_a_missing_folder_is_refused_before_the_replay()
    {
        CommandRun run = CommandRun.Of("preview", "--report", Path.Combine(_folder.Path, "missing", "report.html"), CsvFolder());

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--report", run.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Compare_under_a_stricter_policy_names_the_accounts_that_lose_their_tier_and_why()
    {
        CommandRun run = CommandRun.Of("compare", "--json", "--policy", CommandRun.SamplePolicy("strict.json"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        JsonElement comparison = JsonDocument.Parse(run.Output).RootElement;
        JsonElement[] demoted = comparison.GetProperty("differences").EnumerateArray()
            .Where(d => d.GetProperty("tierA").GetString() != d.GetProperty("tierB").GetString()).ToArray();
        Assert.NotEmpty(demoted);
        Assert.All(demoted, d => Assert.Contains("instead of", d.GetProperty("reason").GetString()!, StringComparison.Ordinal));
        Assert.Contains(demoted, d => d.GetProperty("reason").GetString()!.Contains("required", StringComparison.Ordinal));
        Assert.Equal("2.6.0-default", comparison.GetProperty("a").GetProperty("policyVersion").GetString());
        Assert.Equal("2.0.0-strict", comparison.GetProperty("b").GetProperty("policyVersion").GetString());
        Assert.True(comparison.GetProperty("b").GetProperty("tierDistribution").GetProperty("transactional").GetInt32()
            > comparison.GetProperty("a").GetProperty("tierDistribution").GetProperty("transactional").GetInt32());
    }

    [Fact]
    public void Compare_prints_the_tier_counts_under_both_policies_as_tables_and_reports_policy_B_as_html()
    {
        string lenient = _folder.File("lenient.json");
        File.WriteAllText(lenient, """{ "version": "lenient", "deals": { "transactionalDiscountCap": 25 } }""");

        string html = _folder.File("proposed.html");

        CommandRun run = CommandRun.Of("compare", "--policy", CommandRun.SamplePolicy("warn.json"), "--policy", lenient, "--report", html, CsvFolder());

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("lenient", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Contains("Policy comparison", run.Output, StringComparison.Ordinal);
        Assert.Contains("Accounts per tier", run.Output, StringComparison.Ordinal);
        Assert.Contains("Above cap, warned", run.Output, StringComparison.Ordinal);
    }
}
