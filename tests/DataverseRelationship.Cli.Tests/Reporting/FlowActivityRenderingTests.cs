using System;
using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Tests.Reporting;

/// <summary>The console and HTML reports show what the cloud flows did: runs per flow, tasks per owner and week, nightly runs, failures.</summary>
public sealed class FlowActivityRenderingTests
{
    private static readonly Guid Rita = new("6a1c0000-0000-4000-8000-000000000001");
    private static readonly Guid Sam = new("6a1c0000-0000-4000-8000-000000000002");

    private static readonly RunReport Report = ReportFixture.Build() with
    {
        Flows = new FlowActivity
        {
            Flows =
            [
                new FlowRunCount("Nightly relationship recalculation", "Every day at 02:00 UTC", 52, 1),
                new FlowRunCount("Relationship tier changed: follow-up task", "When a row is modified: account (dvr_tier)", 9, 0),
            ],
            TasksPerOwnerAndWeek =
            [
                new FollowUpTaskCount(Rita, "Rita Manager", new DateTime(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc), 2),
                new FollowUpTaskCount(Sam, "Sam Seller", new DateTime(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc), 4),
                new FollowUpTaskCount(Sam, "Sam Seller", new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc), 3),
            ],
            ScheduledRuns = 52,
            ScheduledEveryDays = 7,
            AccountsRecalculated = 1872,
            AccountsChanged = 140,
            FailedRuns = [new FailedFlowRun("Nightly relationship recalculation", new DateTime(2025, 3, 11, 2, 0, 0, DateTimeKind.Utc), "Recalculate_one_page", "PageSize must be between 1 and 5000 (was 0).")],
            FailedRunCount = 1,
        },
    };

    [Fact]
    public void The_console_report_shows_tasks_per_owner_and_week_nightly_runs_and_failed_runs_within_80_columns()
    {
        string text = ConsoleWidth.Render(80, console => ConsoleReportRenderer.Render(Report, console));

        Assert.Contains("9 follow-up tasks for 2 owners.", text, StringComparison.Ordinal);
        Assert.Matches(@"│ Sam Seller\s*│\s*7\s*│\s*2\s*│\s*4\s*│", text);
        Assert.Matches(@"│ 2025-03-10\s*│ Sam Seller\s*│\s*3\s*│", text);
        Assert.Contains("2025-03-10", text, StringComparison.Ordinal);
        Assert.Contains("52 nightly runs (one scheduled night in 7", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("Recalculate_one_page: PageSize must be between 1 and 5000", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Empty(ConsoleWidth.Overlong(text, 80));
    }

    [Fact]
    public void The_html_report_shows_tasks_per_owner_and_per_week_and_the_failed_run()
    {
        string html = HtmlReportRenderer.Render(Report);

        Assert.Contains("<section id=\"flows\"><h2>Cloud flows</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Sam Seller</td><td class=\"num\">7</td><td class=\"num\">2</td><td class=\"num\">4</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2025-03-10</td><td>Sam Seller</td><td class=\"num\">3</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Recalculate_one_page</td><td>PageSize must be between 1 and 5000 (was 0).</td>", html, StringComparison.Ordinal);
        Assert.Contains("1,872 accounts (140 changed)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_flows_no_section_is_shown()
    {
        Assert.DoesNotContain("Cloud flows", HtmlReportRenderer.Render(ReportFixture.Build()), StringComparison.Ordinal);
        Assert.DoesNotContain("Cloud flows", ConsoleWidth.Render(120, console => ConsoleReportRenderer.Render(ReportFixture.Build(), console)), StringComparison.Ordinal);
    }
}
