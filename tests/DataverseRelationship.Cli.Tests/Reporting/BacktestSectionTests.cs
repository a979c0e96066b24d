using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Cli.Tests.Commands;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Tests.Reporting;

public sealed class BacktestSectionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Section(string html)
    {
        int start = html.IndexOf("<section id=\"backtest\">", StringComparison.Ordinal);
        Assert.True(start > 0, "the report has no \"Does the score predict?\" section");
        return html[start..html.IndexOf("</main>", start, StringComparison.Ordinal)];
    }

    private static string Cell(string section, string table, string predictor, int column)
    {
        string body = section[section.IndexOf($"<section id=\"{table}\">", StringComparison.Ordinal)..];
        Match row = Regex.Match(body, $"<tr data-predictor=\"{Regex.Escape(predictor)}\">(.*?)</tr>");
        Assert.True(row.Success, $"no {predictor} row in {table}");
        return Regex.Matches(row.Groups[1].Value, "<td[^>]*>([^<]*)</td>")[column].Groups[1].Value;
    }

    [Fact]
    public void The_preview_report_of_the_sample_shows_the_backtest_that_dvrel_backtest_prints()
    {
        string page = _folder.File("preview.html");

        CommandRun preview = CommandRun.Of("preview", "--report", page);
        CommandRun backtest = CommandRun.Of("backtest", "--json");

        Assert.True(preview.ExitCode == ExitCodes.Success, preview.Error);
        string section = Section(File.ReadAllText(page));
        Assert.Contains("<h2>Does the score predict?</h2>", section, StringComparison.Ordinal);
        Assert.Contains("<section id=\"backtest-verdict\"><h3>Verdict</h3><p>At 2025-04-01 churn risk", section, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(backtest.Output);
        JsonElement latest = json.RootElement.GetProperty("asOfDates").EnumerateArray().Last();
        foreach (JsonElement p in latest.GetProperty("predictors").EnumerateArray())
        {
            string name = p.GetProperty("name").GetString()!;
            Assert.StartsWith(Auc(p.GetProperty("churnAuc")) + " [", Cell(section, "backtest-latest", name, 5), StringComparison.Ordinal);
            Assert.StartsWith(Auc(p.GetProperty("bottomQuartileAuc")) + " [", Cell(section, "backtest-latest", name, 6), StringComparison.Ordinal);
        }

        string byDate = section[section.IndexOf("id=\"backtest-by-date\"", StringComparison.Ordinal)..];
        Assert.Equal(6, Regex.Count(byDate[..byDate.IndexOf("</table>", StringComparison.Ordinal)], "<tr><td>20"));
    }

    private static string Auc(JsonElement estimate) => estimate.GetProperty("value").GetDouble().ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public void With_as_of_the_report_backtests_only_dates_whose_horizon_ended_by_then()
    {
        string page = _folder.File("as-of.html");

        CommandRun preview = CommandRun.Of("preview", "--as-of", "2025-06-01", "--report", page);

        Assert.True(preview.ExitCode == ExitCodes.Success, preview.Error);
        string section = Section(File.ReadAllText(page));
        Assert.Contains("(2024-01-01, 2024-04-01, 2024-07-01, 2024-10-01)", section, StringComparison.Ordinal);
        Assert.Contains("Latest as-of date 2024-10-01 (outcomes to 2025-04-01)", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_set_with_too_little_history_gets_the_section_with_the_reason_it_was_left_out()
    {
        string page = _folder.File("short.html");

        CommandRun preview = CommandRun.Of("preview", "--as-of", "2023-12-01", "--report", page);

        Assert.True(preview.ExitCode == ExitCodes.Success, preview.Error);
        string section = Section(File.ReadAllText(page));
        Assert.Contains("<p class=\"note\" id=\"backtest-omitted\">No backtest: the data set runs from 2023-01-02 to 2023-12-01: a 6-month horizon after 12 months of history needs 18 months of data.", section, StringComparison.Ordinal);
        Assert.DoesNotContain("backtest-latest", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_rendered_without_a_backtest_has_no_section()
    {
        Assert.DoesNotContain("id=\"backtest\"", HtmlReportRenderer.Render(ReportFixture.Build()), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void In_headless_chromium_the_backtest_section_shows_every_predictor_and_the_charts_still_draw()
    {
        string browser = HeadlessChromium.Require();
        BacktestSection backtest = BacktestSection.For(SampleDataSet.Create(), RelationshipPolicy.Default, "the built-in default policy", null);
        string page = _folder.File("with-backtest.html");
        File.WriteAllText(page, HtmlReportRenderer.Render(ReportFixture.Build(), new HtmlReportOptions { Backtest = backtest }));
        Directory.CreateDirectory(_folder.File("profile"));

        (string dom, string log) = HeadlessChromium.DumpDom(browser, page, _folder.File("profile"));

        Match status = Regex.Match(dom, "<p id=\"report-status\"[^>]*>");
        Assert.True(status.Success, "the status element is missing from the DOM");
        Assert.Contains("data-status=\"ok\"", status.Value, StringComparison.Ordinal);
        Assert.Contains("data-errors=\"0\"", status.Value, StringComparison.Ordinal);
        Assert.Contains("data-charts=\"15\"", status.Value, StringComparison.Ordinal);
        string section = Section(dom);
        foreach (Predictor predictor in Predictor.All)
        {
            Assert.Matches(@"^\d\.\d\d \[", Cell(section, "backtest-latest", predictor.Name, 5));
            Assert.Matches(@"^-?\d\.\d\d \[", Cell(section, "backtest-pooled", predictor.Name, 3));
        }

        Assert.DoesNotContain("CONSOLE", log, StringComparison.Ordinal);
        string png = Path.Combine(AppContext.BaseDirectory, "report-backtest-screenshot.png");
        HeadlessChromium.Screenshot(browser, page, png, _folder.File("profile"));
        Assert.True(new FileInfo(png).Length > 20_000, "the screenshot is suspiciously small");
    }
}
