using System;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Tests.Reporting;

/// <summary>Money in the console and HTML report carries the data's one currency and thousands separators; an unknown currency stays unnamed.</summary>
public sealed class MoneyInReportsTests
{
    private static readonly DataSetCurrency Euro = new("EUR", "€", "Euro");

    /// <summary>The fixture with its first account's lifetime value set to 1,234,567.</summary>
    private static RunReport Report(params DataSetCurrency[] currencies)
    {
        RunReport report = ReportFixture.Build();
        return report with { Currencies = currencies, Accounts = [report.Accounts[0] with { LifetimeValue = 1_234_567m }, .. report.Accounts.Skip(1)] };
    }

    [Fact]
    public void An_amount_is_written_with_the_iso_code_else_the_symbol_and_thousands_separators()
    {
        Assert.Equal("EUR 27,142", ReportText.Money(27_142.43m, Euro));
        Assert.Equal("€ 27,142", ReportText.Money(27_142.43m, new DataSetCurrency(null, "€", null)));
        Assert.Equal("27,142", ReportText.Money(27_142.43m, new DataSetCurrency(null, null, "Euro")));
        Assert.Equal("27,142", ReportText.Money(27_142.43m, null));
        Assert.Equal("—", ReportText.Money(null, Euro));
    }

    [Fact]
    public void The_html_report_prints_lifetime_values_in_the_datas_currency()
    {
        string html = HtmlReportRenderer.Render(Report(Euro));

        Assert.Contains(">EUR 1,234,567</td>", html, StringComparison.Ordinal);
        Assert.Contains("amounts in EUR (€)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wide_console_table_prints_lifetime_values_in_the_datas_currency()
    {
        RunReport report = Report(Euro);
        string text = ConsoleWidth.Render(200, console => ConsoleReportRenderer.Render(report, console, new ConsoleReportOptions { Wide = true }));

        Assert.Contains("EUR 1,234,567", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_currency_or_several_the_amounts_carry_no_code()
    {
        string unknown = HtmlReportRenderer.Render(Report());
        string several = HtmlReportRenderer.Render(Report(Euro, new DataSetCurrency("USD", "$", "US Dollar")));

        Assert.Contains(">1,234,567</td>", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("EUR 1,234,567", several, StringComparison.Ordinal);
        Assert.Contains(">1,234,567</td>", several, StringComparison.Ordinal);
    }
}
