using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Tests.Reporting;

public sealed class ConsoleReportRendererTests
{
    private static string Render() => ConsoleWidth.Render(240, console => ConsoleReportRenderer.Render(ReportFixture.Build(), console));

    [Fact]
    public void The_console_report_lists_tiers_verdicts_accounts_risks_and_timelines()
    {
        string text = Render();

        Assert.Contains("Strategic partner", text, System.StringComparison.Ordinal);
        Assert.Contains("Above cap, blocked", text, System.StringComparison.Ordinal);
        Assert.Contains("Northwind Traders", text, System.StringComparison.Ordinal);
        Assert.Contains("Accounts at risk (2)", text, System.StringComparison.Ordinal);
        Assert.Contains("sponsors on both sides, joint plan reviewed", text, System.StringComparison.Ordinal);
        Assert.Contains("2,469", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_listed_account_gets_its_explanation()
    {
        string text = Render();

        Assert.Contains("Why each account stands where it does", text, System.StringComparison.Ordinal);
        Assert.Contains("+8: multi-year commitment; -12: two unreciprocated discounts (Tailspin Toys)", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_look_like_markup_are_printed_literally()
    {
        string text = Render();

        Assert.Contains("<script>alert('x')</script> & \"Sons\"", text, System.StringComparison.Ordinal);
        Assert.Contains("joint plan <reviewed>", text, System.StringComparison.Ordinal);
        Assert.Contains("Litware [Systems]", text, System.StringComparison.Ordinal);
    }
}
