using System.IO;
using System.Net;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>The HTML report's "Cloud flows" section: runs per flow, follow-up tasks per owner and per week, nightly runs, failures.</summary>
internal static class FlowActivityHtml
{
    public static void Write(TextWriter writer, FlowActivity? flows)
    {
        if (flows is null)
        {
            return;
        }

        writer.Write("<section id=\"flows\"><h2>Cloud flows</h2>\n<table id=\"flow-runs\"><tr><th>Flow</th><th>Starts</th><th class=\"num\">Runs</th><th class=\"num\">Failed</th></tr>\n");
        foreach (FlowRunCount f in flows.Flows)
        {
            writer.Write($"<tr><td>{E(f.Flow)}</td><td>{E(f.Trigger)}</td><td class=\"num\">{E(ReportText.Count(f.Runs))}</td><td class=\"num\">{E(ReportText.Count(f.Failed))}</td></tr>\n");
        }

        writer.Write($"</table>\n<p id=\"flow-nightly\">{E(FlowActivityText.Scheduled(flows))}</p>\n<p id=\"flow-tasks\">{E(FlowActivityText.Tasks(flows))}</p>\n");
        if (flows.TasksCreated > 0)
        {
            writer.Write("<div class=\"row\"><div><h3>Follow-up tasks per owner</h3><table id=\"tasks-per-owner\"><tr><th>Owner</th><th class=\"num\">Tasks</th><th class=\"num\">Weeks</th><th class=\"num\">Most in a week</th></tr>\n");
            foreach ((string owner, int tasks, int weeks, int most) in flows.TasksPerOwner())
            {
                writer.Write($"<tr><td>{E(owner)}</td><td class=\"num\">{E(ReportText.Count(tasks))}</td><td class=\"num\">{E(ReportText.Count(weeks))}</td><td class=\"num\">{E(ReportText.Count(most))}</td></tr>\n");
            }

            writer.Write("</table></div>\n<div><h3>Follow-up tasks per week</h3><table id=\"tasks-per-week\"><tr><th>Week of</th><th>Owner</th><th class=\"num\">Tasks</th></tr>\n");
            foreach (FollowUpTaskCount week in flows.TasksPerOwnerAndWeek)
            {
                writer.Write($"<tr><td>{E(ReportText.Date(week.WeekStarting))}</td><td>{E(week.Owner)}</td><td class=\"num\">{E(ReportText.Count(week.Tasks))}</td></tr>\n");
            }

            writer.Write("</table></div></div>\n");
        }

        if (flows.FailedRunCount > 0)
        {
            writer.Write($"<h3>Failed runs ({E(ReportText.Count(flows.FailedRunCount))})</h3><table id=\"flow-failures\"><tr><th>When</th><th>Flow</th><th>Action</th><th>Reason</th></tr>\n");
            foreach (FailedFlowRun failed in flows.FailedRuns)
            {
                writer.Write($"<tr><td>{E(ReportText.DateTimeUtc(failed.At))}</td><td>{E(failed.Flow)}</td><td>{E(failed.Action)}</td><td>{E(failed.Reason)}</td></tr>\n");
            }

            writer.Write("</table>\n");
        }

        foreach (FlowNotRun notRun in flows.NotRun)
        {
            writer.Write($"<p class=\"note\">Not run: {E(notRun.File)}: {E(notRun.Reason)}</p>\n");
        }

        writer.Write("</section>\n");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
