using System;
using System.IO;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.ConfigurationMigration;
using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>The currency of a data set's amounts comes from its rows' transactioncurrencyid, never from a guess.</summary>
public sealed class CurrencyTests : IDisposable
{
    private const string Euro = "e0000000-0000-4000-8000-0000000000e1";
    private const string Dollar = "e0000000-0000-4000-8000-0000000000d1";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The test export with transactioncurrencyid described on accounts and opportunities.</summary>
    private static string Schema => CmtExport.Schema
        .Replace(
            "<field displayname=\"Annual Revenue\" name=\"revenue\" type=\"money\" />",
            "<field displayname=\"Annual Revenue\" name=\"revenue\" type=\"money\" />\r\n      <field displayname=\"Currency\" name=\"transactioncurrencyid\" type=\"entityreference\" lookupType=\"transactioncurrency\" />",
            StringComparison.Ordinal)
        .Replace(
            "<field displayname=\"Est. Revenue\" name=\"estimatedvalue\" type=\"money\" />",
            "<field displayname=\"Est. Revenue\" name=\"estimatedvalue\" type=\"money\" />\r\n      <field displayname=\"Currency\" name=\"transactioncurrencyid\" type=\"entityreference\" lookupType=\"transactioncurrency\" />",
            StringComparison.Ordinal);

    private static string CurrencyField(string id, string name) =>
        $"<field name=\"transactioncurrencyid\" value=\"{id}\" lookupentity=\"transactioncurrency\" lookupentityname=\"{name}\" />";

    /// <summary>The test export's rows, each in a currency (account, won deal, lost deal), and optionally the currency records.</summary>
    private static string Data(string account, string won, string lost, bool records)
    {
        string data = CmtExport.UsData
            .Replace("<field name=\"revenue\" value=\"120000000.0000\" />", "<field name=\"revenue\" value=\"120000000.0000\" />" + account, StringComparison.Ordinal)
            .Replace("<field name=\"estimatedvalue\" value=\"50000.0000000000\" />", "<field name=\"estimatedvalue\" value=\"50000.0000000000\" />" + won, StringComparison.Ordinal)
            .Replace("<field name=\"estimatedvalue\" value=\"9000.0000\" />", "<field name=\"estimatedvalue\" value=\"9000.0000\" />" + lost, StringComparison.Ordinal);
        if (!records)
        {
            return data;
        }

        const string currencies = $"""
              <entity name="transactioncurrency" displayname="Currency">
                <records>
                  <record id="{Euro}">
                    <field name="transactioncurrencyid" value="{Euro}" />
                    <field name="isocurrencycode" value="EUR" />
                    <field name="currencysymbol" value="€" />
                    <field name="currencyname" value="Euro" />
                  </record>
                </records>
                <m2mrelationships />
              </entity>
            </entities>
            """;
        return data.Replace("</entities>", currencies, StringComparison.Ordinal);
    }

    private DataSet Load(string data)
    {
        string path = _folder.File("export.zip");
        File.WriteAllBytes(path, CmtExport.Export(data, Schema));
        return ConfigurationMigrationLoader.Load(path);
    }

    [Fact]
    public void Rows_in_one_currency_whose_record_is_exported_give_its_iso_code_and_symbol()
    {
        string euro = CurrencyField(Euro, "Euro");
        DataSet data = Load(Data(euro, euro, euro, records: true));

        Assert.Equal(new DataSetCurrency("EUR", "€", "Euro"), data.Currency);
        var report = new RunReport { DataSet = "export.zip", PolicyVersion = "p", Currencies = data.Currencies };
        Assert.Equal("amounts in EUR (€)", report.CurrencyText());
    }

    [Fact]
    public void Without_the_currency_record_the_lookups_name_is_all_that_is_known_and_no_symbol_is_invented()
    {
        string euro = CurrencyField(Euro, "Euro");
        DataSet data = Load(Data(euro, euro, string.Empty, records: false));

        Assert.Equal(new DataSetCurrency(null, null, "Euro"), data.Currency);
        Assert.Equal("amounts in Euro", new RunReport { DataSet = "x", PolicyVersion = "p", Currencies = data.Currencies }.CurrencyText());
    }

    [Fact]
    public void Rows_in_two_currencies_have_no_single_currency_and_the_report_says_amounts_are_not_converted()
    {
        DataSet data = Load(Data(CurrencyField(Euro, "Euro"), CurrencyField(Euro, "Euro"), CurrencyField(Dollar, "US Dollar"), records: true));

        Assert.Null(data.Currency);
        Assert.Equal(2, data.Currencies.Count);
        Assert.Equal(
            "amounts in 2 currencies (EUR, US Dollar), summed as recorded, not converted",
            new RunReport { DataSet = "x", PolicyVersion = "p", Currencies = data.Currencies }.CurrencyText());
    }

    [Fact]
    public void The_preview_of_an_export_in_euros_names_the_currency_in_json_and_on_the_console()
    {
        string euro = CurrencyField(Euro, "Euro");
        string path = _folder.File("euro.zip");
        File.WriteAllBytes(path, CmtExport.Export(Data(euro, euro, euro, records: true), Schema));

        Commands.CommandRun json = Commands.CommandRun.Of("preview", path, "--json", "--no-flows");
        Commands.CommandRun console = Commands.CommandRun.Of("preview", path, "--no-flows");

        Assert.True(json.ExitCode == 0, json.Error);
        System.Text.Json.JsonElement currency = System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("currency");
        Assert.Equal("EUR", currency.GetProperty("isoCode").GetString());
        Assert.Equal("€", currency.GetProperty("symbol").GetString());
        Assert.Contains("Amounts in EUR (€)", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_whose_rows_name_no_currency_and_the_sample_have_none()
    {
        DataSet data = Load(CmtExport.UsData);

        Assert.Null(data.Currency);
        Assert.Empty(data.Currencies);
        Assert.Empty(Cli.Sample.SampleDataSet.Create().Currencies);
        Assert.Equal("currency unknown (the data names none): amounts without a symbol", new RunReport { DataSet = "x", PolicyVersion = "p" }.CurrencyText());
    }
}
