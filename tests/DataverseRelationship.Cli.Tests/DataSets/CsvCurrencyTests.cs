using System;
using System.IO;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.Csv;
using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>A CSV folder names its currency as a Configuration Migration export does: the rows' Currency and transactioncurrency.csv.</summary>
public sealed class CsvCurrencyTests : IDisposable
{
    private const string Euro = "e0000000-0000-4000-8000-0000000000e1";

    private const string Currencies =
        "(Do Not Modify) Currency,Currency Code,Currency Symbol,Currency Name\r\n" +
        Euro + ",EUR,€,Euro\r\n" +
        "e0000000-0000-4000-8000-0000000000d1,USD,$,US Dollar\r\n";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Accounts(string currency) =>
        "Account Name,Created On,Currency\r\n" +
        $"Contoso,2023-01-05,{currency}\r\n";

    private static string Opportunities(string currency) =>
        "Topic,Account,Est. Revenue,Status,Status Reason,Created On,Actual Close Date,Actual Revenue,Currency\r\n" +
        $"Fleet analytics,Contoso,50000,Won,Won,2023-03-01,2023-04-15,48000,{currency}\r\n";

    private DataSet Load(string accountCurrency, string dealCurrency, string? currencies)
    {
        File.WriteAllText(_folder.File("account.csv"), Accounts(accountCurrency));
        File.WriteAllText(_folder.File("opportunity.csv"), Opportunities(dealCurrency));
        if (currencies is not null)
        {
            File.WriteAllText(_folder.File("transactioncurrency.csv"), currencies);
        }

        return CsvDataSetLoader.LoadDirectory(_folder.Path);
    }

    private static string Text(DataSet data) => new RunReport { DataSet = "x", PolicyVersion = "p", Currencies = data.Currencies }.CurrencyText();

    [Fact]
    public void Rows_naming_a_currency_by_name_or_iso_code_in_transactioncurrency_csv_give_its_code_and_symbol()
    {
        DataSet data = Load("Euro", "eur", Currencies);

        Assert.Equal(new DataSetCurrency("EUR", "€", "Euro"), data.Currency);
        Assert.Equal("amounts in EUR (€)", Text(data));
    }

    [Fact]
    public void Rows_naming_a_currency_by_guid_are_described_by_its_record()
    {
        DataSet data = Load(Euro, Euro.ToUpperInvariant(), Currencies);

        Assert.Equal(new DataSetCurrency("EUR", "€", "Euro"), data.Currency);
    }

    [Fact]
    public void Without_transactioncurrency_csv_the_name_in_the_rows_is_all_that_is_known_and_no_symbol_is_invented()
    {
        DataSet data = Load("Euro", "Euro", currencies: null);

        Assert.Equal(new DataSetCurrency(null, null, "Euro"), data.Currency);
        Assert.Equal("amounts in Euro", Text(data));
    }

    [Fact]
    public void A_guid_no_file_describes_is_one_currency_the_report_does_not_name()
    {
        DataSet data = Load(Euro, Euro, currencies: null);

        Assert.Equal(new DataSetCurrency(null, null, null), data.Currency);
        Assert.Equal("amounts in one currency the data does not name (no currency record, no name): amounts without a symbol", Text(data));
        Assert.Equal("48,000", ReportText.Money(48000m, data.Currency));
    }

    [Fact]
    public void Rows_in_two_currencies_are_reported_as_not_converted()
    {
        DataSet data = Load("EUR", "USD", Currencies);

        Assert.Null(data.Currency);
        Assert.Equal("amounts in 2 currencies (EUR, USD), summed as recorded, not converted", Text(data));
    }

    [Fact]
    public void A_currency_name_transactioncurrency_csv_does_not_hold_is_refused_naming_file_line_and_column()
    {
        DataSetException refused = Assert.Throws<DataSetException>(() => Load("Euro", "Yen", Currencies));

        DataSetProblem problem = Assert.Single(refused.Problems);
        Assert.Equal("opportunity.csv", problem.File);
        Assert.Equal("line 2, column 'Currency'", problem.Location);
        Assert.Equal("'Yen' matches no currency name or ISO code in transactioncurrency.csv", problem.Reason);
    }

    [Fact]
    public void A_folder_holding_only_transactioncurrency_csv_holds_no_data_set()
    {
        File.WriteAllText(_folder.File("transactioncurrency.csv"), Currencies);

        DataSetProblem problem = Assert.Single(Assert.Throws<DataSetException>(() => CsvDataSetLoader.LoadDirectory(_folder.Path)).Problems);
        Assert.Contains("holds none of account.csv", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_and_html_report_of_a_folder_in_euros_print_amounts_with_the_code_and_thousands_separators()
    {
        Load("Euro", "Euro", Currencies);

        Commands.CommandRun console = Commands.CommandRun.Of("preview", _folder.Path, "--no-flows", "--wide");
        string html = _folder.File("report.html");
        Commands.CommandRun report = Commands.CommandRun.Of("preview", _folder.Path, "--no-flows", "--report", html);

        Assert.True(console.ExitCode == 0, console.Error);
        Assert.Contains("Amounts in EUR (€)", console.Output, StringComparison.Ordinal);
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("amounts in EUR (€)", File.ReadAllText(html), StringComparison.Ordinal);
    }
}
