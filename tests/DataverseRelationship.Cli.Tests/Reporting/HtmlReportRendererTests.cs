using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Tests.Reporting;

public sealed class HtmlReportRendererTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string Html = HtmlReportRenderer.Render(ReportFixture.Build());

    [Fact]
    public void Every_value_is_html_encoded()
    {
        Assert.DoesNotContain("<script>alert", Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Sons&quot;", Html, StringComparison.Ordinal);
        Assert.Contains("joint plan &lt;reviewed&gt;", Html, StringComparison.Ordinal);
        Assert.Contains("Deal &lt;1&gt;", Html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(Html, "<script", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void The_page_counts_the_accounts_per_health_band_insufficient_evidence_included()
    {
        var report = ReportFixture.Build();
        foreach (var band in report.BandDistribution())
        {
            string key = band.Key is { } b ? ReportText.Key(b) : "notScored";
            Assert.Contains($"data-band=\"{key}\">{band.Value}</td>", Html, StringComparison.Ordinal);
        }

        Assert.Equal(report.Accounts.Count, report.BandDistribution().Sum(b => b.Value));
        Assert.Contains("data-band=\"insufficientEvidence\"", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_over_time_is_drawn_for_the_accounts_with_a_history_the_one_at_risk_first()
    {
        int section = Html.IndexOf("id=\"score-history\"", StringComparison.Ordinal);
        Assert.True(section > 0, "the health-over-time section is missing");
        int hostile = Html.IndexOf("&lt;script&gt;alert", section, StringComparison.Ordinal);
        int contoso = Html.IndexOf("Contoso Pharmaceuticals", section, StringComparison.Ordinal);
        Assert.True(hostile > 0 && contoso > hostile, "the account at risk comes first");
        Assert.Contains("id=\"history-1\"", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"history-2\"", Html, StringComparison.Ordinal);
        Assert.Contains("(2023-02-20: 68.0 → 2023-09-04: 35.0)", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_events_are_listed_by_reason_with_their_count_and_examples()
    {
        RunReport report = ReportFixture.Build() with
        {
            RejectionGroups = [new RejectionGroup("Discount …% is above the … cap", 639, [ReportFixture.Build().Rejections[0]])],
        };

        string html = HtmlReportRenderer.Render(report);

        Assert.Contains("for 1 reason</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"rejection-group\"><td class=\"num\" data-count=\"639\">639</td><td>Discount …% is above the … cap</td>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html[html.IndexOf("id=\"rejections\"", StringComparison.Ordinal)..], "<li>"));
    }

    [Fact]
    public void The_page_needs_nothing_from_the_network()
    {
        string withoutSvgNamespace = Html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("http://", withoutSvgNamespace, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", withoutSvgNamespace, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void In_headless_chromium_the_page_draws_every_chart_without_errors_and_shows_the_counts()
    {
        string browser = HeadlessChromium.Require();
        string page = _folder.File("report.html");
        File.WriteAllText(page, Html);
        Directory.CreateDirectory(_folder.File("profile"));

        (string dom, string log) = HeadlessChromium.DumpDom(browser, page, _folder.File("profile"));

        Match status = Regex.Match(dom, "<p id=\"report-status\"[^>]*>");
        Assert.True(status.Success, "the status element is missing from the DOM");
        Assert.Contains("data-status=\"ok\"", status.Value, StringComparison.Ordinal);
        Assert.Contains("data-errors=\"0\"", status.Value, StringComparison.Ordinal);
        Assert.Contains("data-charts=\"15\"", status.Value, StringComparison.Ordinal); // 3 bar charts, 7 histograms (health, five principles, engagement), 3 timelines, 2 health histories
        Assert.Equal(ReportFixture.HistoryPointsDrawn, Regex.Count(dom, "class=\"snapshot\""));
        Assert.Equal(2, Regex.Count(dom, "class=\"health-line\""));
        Assert.DoesNotContain("CONSOLE", log, StringComparison.Ordinal);

        Assert.Contains("data-label=\"Transactional\" data-value=\"1\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Preferred\" data-value=\"3\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Strategic partner\" data-value=\"2\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Above cap, blocked\" data-value=\"35\"", dom, StringComparison.Ordinal);
        Assert.Equal(7 * 10, Regex.Count(dom, "class=\"bin\""));
        int binned = Regex.Matches(dom, "class=\"bin\" data-bin=\"\\d+\" data-value=\"(\\d+)\"")
            .Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7 * 6, binned); // six accounts in each of the seven histograms
        Assert.Equal(6, Regex.Count(dom, "class=\"change\""));
        Assert.Equal(2, Regex.Count(dom, "<tr class=\"at-risk\">"));
        Assert.Contains("id=\"kpi-at-risk\"><div class=\"value\">2</div>", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", dom, StringComparison.Ordinal);

        string png = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        HeadlessChromium.Screenshot(browser, page, png, _folder.File("profile"));
        Assert.True(new FileInfo(png).Length > 20_000, "the screenshot is suspiciously small");
    }
}
