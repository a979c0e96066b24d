using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.Csv;
using DataverseRelationship.Cli.Replay;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Cli.Tests;
using DataverseRelationship.Cli.WebApi;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>dvrel pull writes what preview reads, survives throttling and interruption, and names missing columns.</summary>
public sealed class PullCommandTests
{
    private static readonly Lazy<Task<InProcessEnvironment>> Shared = new(() => InProcessEnvironment.WithAsync(SyntheticDataSet.Create(40, 400)));

    [Fact]
    public async Task Preview_of_a_pull_equals_preview_of_the_same_rows_loaded_directly()
    {
        InProcessEnvironment environment = await Shared.Value;
        using var folder = new TemporaryFolder();
        environment.Api.Protection.RefuseEvery(4, TimeSpan.Zero);
        CommandRunResult pull;
        try
        {
            pull = new(environment.Run("pull", "--environment", InProcessEnvironment.Url, "--out", folder.Path, "--page-size", "50"));
        }
        finally
        {
            environment.Api.Protection.RefuseEvery(0, TimeSpan.Zero);
        }

        Assert.Equal(ExitCodes.Success, pull.Run.ExitCode);
        Assert.Contains("429 TooManyRequests from the environment; retry 1", pull.Run.Error, StringComparison.Ordinal);
        int opportunities = environment.Dataverse.Count(OpportunityTable.LogicalName);
        Assert.True(opportunities > 200, pull.Run.Error);
        Assert.Contains($"pull: opportunity: {opportunities} rows ({(opportunities + 49) / 50} pages).", pull.Run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, EnvironmentPull.StateFile)));

        var preview = DataverseRelationship.Cli.Tests.Commands.CommandRun.Of("preview", folder.Path, "--json", "--no-flows");
        Assert.Equal(ExitCodes.Success, preview.ExitCode);

        RunReport direct = RelationshipReplay.Run(DirectDataSet(environment.Dataverse), new ReplayOptions { SolutionFolder = InProcessEnvironment.SolutionFolder });
        Assert.Equal(40, direct.Accounts.Count);
        Assert.Equal(Comparable(JsonReportRenderer.Render(direct)), Comparable(preview.Output));
    }

    [Fact]
    public async Task An_interrupted_pull_resumes_and_writes_what_an_uninterrupted_one_writes()
    {
        InProcessEnvironment environment = await Shared.Value;
        using var whole = new TemporaryFolder();
        using var resumed = new TemporaryFolder();
        var wholeRun = environment.Run("pull", "--environment", InProcessEnvironment.Url, "--out", whole.Path, "--page-size", "30");
        Assert.Equal(ExitCodes.Success, wholeRun.ExitCode);

        environment.Wrap = inner => new CutAfter(12) { InnerHandler = inner };
        try
        {
            var cut = environment.Run("pull", "--environment", InProcessEnvironment.Url, "--out", resumed.Path, "--page-size", "30");
            Assert.Equal(ExitCodes.Failure, cut.ExitCode);
            Assert.Contains("cannot be reached", cut.Error, StringComparison.Ordinal);
        }
        finally
        {
            environment.Wrap = null;
        }

        Assert.True(File.Exists(Path.Combine(resumed.Path, EnvironmentPull.StateFile)));
        Assert.False(File.Exists(Path.Combine(resumed.Path, "opportunity.csv")));
        var again = environment.Run("pull", "--environment", InProcessEnvironment.Url, "--out", resumed.Path, "--page-size", "30");
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("(resumed)", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("pull: account: 30 rows (1 page)", again.Error, StringComparison.Ordinal);
        foreach (string table in new[] { "account", "contact", "opportunity" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(whole.Path, table + ".csv")), File.ReadAllText(Path.Combine(resumed.Path, table + ".csv")));
        }
    }

    [Fact]
    public async Task Columns_the_environment_lacks_are_named_by_table_and_column()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.StartAsync(new LocalWebApi(new LocalDataverseInstance()));
        using var folder = new TemporaryFolder();
        var run = environment.Run("pull", "--environment", InProcessEnvironment.Url, "--out", folder.Path);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("account.dvr_relationshipsince", run.Error, StringComparison.Ordinal);
        Assert.Contains("opportunity.dvr_sellermargin", run.Error, StringComparison.Ordinal);
        Assert.Contains("the environment has no such column", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.csv"));
    }

    [Fact]
    public async Task With_allow_missing_columns_the_columns_present_are_pulled()
    {
        var dataverse = new LocalDataverseInstance();
        dataverse.Seed(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "Northwind" });
        await using InProcessEnvironment environment = await InProcessEnvironment.StartAsync(new LocalWebApi(dataverse));
        using var folder = new TemporaryFolder();
        var run = environment.Run("pull", "--environment", InProcessEnvironment.Url, "--out", folder.Path, "--allow-missing-columns");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("left out: account.dvr_relationshipsince", run.Error, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(Path.Combine(folder.Path, "account.csv"));
        Assert.Equal("accountid,name,createdon,statecode,transactioncurrencyid", lines[0]);
        Assert.EndsWith(",Northwind," + lines[1].Split(',')[2] + ",0,", lines[1], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "transactioncurrency.csv")));
    }

    [Fact]
    public async Task A_pull_writes_the_currencies_the_rows_name_and_the_preview_reports_amounts_in_it()
    {
        var dataverse = new LocalDataverseInstance();
        Guid euro = dataverse.Seed(new Entity("transactioncurrency") { ["isocurrencycode"] = "EUR", ["currencysymbol"] = "€", ["currencyname"] = "Euro" });
        dataverse.Seed(new Entity("transactioncurrency") { ["isocurrencycode"] = "USD", ["currencysymbol"] = "$", ["currencyname"] = "US Dollar" });
        dataverse.Seed(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "Northwind", ["transactioncurrencyid"] = new EntityReference("transactioncurrency", euro) });
        await using InProcessEnvironment environment = await InProcessEnvironment.StartAsync(new LocalWebApi(dataverse));
        using var folder = new TemporaryFolder();

        var run = environment.Run("pull", "--environment", InProcessEnvironment.Url, "--out", folder.Path, "--allow-missing-columns");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("pull: transactioncurrency: 1 of the 1 currencies the rows name.", run.Error, StringComparison.Ordinal);
        Assert.Equal(
            ["transactioncurrencyid,isocurrencycode,currencysymbol,currencyname", $"{euro:D},EUR,€,Euro"],
            File.ReadAllLines(Path.Combine(folder.Path, "transactioncurrency.csv")));
        DataSet pulled = CsvDataSetLoader.LoadDirectory(folder.Path);
        Assert.Equal(new DataSetCurrency("EUR", "€", "Euro"), pulled.Currency);
    }

    /// <summary>The rows of the environment with the columns the CSV layout carries, as a snapshot data set (no CSV, no HTTP).</summary>
    private static DataSet DirectDataSet(LocalDataverseInstance dataverse)
    {
        List<Entity> Rows(string table) => dataverse.ReadAll(table)
            .OrderBy(r => r.Id)
            .Select(r =>
            {
                var row = new Entity(table, r.Id);
                foreach (CsvColumn column in CsvColumnMap.For(table).Where(c => c.Kind is not (CsvValueKind.Id or CsvValueKind.FullName or CsvValueKind.Currency)))
                {
                    if (r.Attributes.TryGetValue(column.LogicalName, out object? value) && value is not null)
                    {
                        row[column.LogicalName] = value;
                    }
                }

                return row;
            })
            .ToList();
        return DataSet.FromSnapshot("direct", new DataSetRows(Rows(AccountTable.LogicalName), Rows(ContactTable.LogicalName), Rows(OpportunityTable.LogicalName)));
    }

    /// <summary>The JSON report without what differs between two runs of the same data (source, times taken).</summary>
    private static string Comparable(string json)
    {
        JsonObject report = JsonNode.Parse(json)!.AsObject();
        report.Remove("dataSet");
        report.Remove("generatedAt");
        JsonObject statistics = report["statistics"]!.AsObject();
        statistics.Remove("elapsedSeconds");
        statistics.Remove("eventsPerSecond");
        return report.ToJsonString();
    }

    private sealed record CommandRunResult(DataverseRelationship.Cli.Tests.Commands.CommandRun Run);
}
