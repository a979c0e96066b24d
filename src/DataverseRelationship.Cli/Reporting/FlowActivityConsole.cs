using System.Linq;
using Spectre.Console;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>The console report's "Cloud flows" section: runs per flow, follow-up tasks per owner and week, nightly runs, failures.</summary>
internal static class FlowActivityConsole
{
    public static void Render(FlowActivity? flows, IAnsiConsole console, int maxWeeks, int maxFailures)
    {
        if (flows is null)
        {
            return;
        }

        console.WriteLine();
        console.Write(new Rule("Cloud flows").LeftJustified());
        var runs = new Table().Border(TableBorder.Rounded).AddColumn("Flow").AddColumn("Starts").AddColumn(new TableColumn("Runs").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned());
        foreach (FlowRunCount f in flows.Flows)
        {
            runs.AddRow(new Text(f.Flow), new Text(f.Trigger), new Text(ReportText.Count(f.Runs)), new Text(ReportText.Count(f.Failed)));
        }

        console.Write(runs);
        console.WriteLine(FlowActivityText.Scheduled(flows));
        console.WriteLine(FlowActivityText.Tasks(flows));
        if (flows.TasksCreated > 0)
        {
            var owners = new Table().Border(TableBorder.Rounded).Title("Follow-up tasks per owner").AddColumn("Owner").AddColumn(new TableColumn("Tasks").RightAligned())
                .AddColumn(new TableColumn("Weeks").RightAligned()).AddColumn(new TableColumn("Most in a week").RightAligned());
            foreach ((string owner, int tasks, int weekCount, int most) in flows.TasksPerOwner())
            {
                owners.AddRow(new Text(owner), new Text(ReportText.Count(tasks)), new Text(ReportText.Count(weekCount)), new Text(ReportText.Count(most)));
            }

            console.Write(owners);
            FollowUpTaskCount[] recent = flows.TasksPerOwnerAndWeek.TakeLast(maxWeeks).ToArray();
            var weeks = new Table().Border(TableBorder.Rounded).Title("Follow-up tasks per week" + (recent.Length < flows.TasksPerOwnerAndWeek.Count ? " (latest)" : string.Empty))
                .AddColumn("Week of").AddColumn("Owner").AddColumn(new TableColumn("Tasks").RightAligned());
            foreach (FollowUpTaskCount week in recent)
            {
                weeks.AddRow(new Text(ReportText.Date(week.WeekStarting)), new Text(week.Owner), new Text(ReportText.Count(week.Tasks)));
            }

            console.Write(weeks);
            if (recent.Length < flows.TasksPerOwnerAndWeek.Count)
            {
                console.WriteLine(ConsoleText.More(flows.TasksPerOwnerAndWeek.Count - recent.Length, "earlier owner-weeks"));
            }
        }

        foreach (FailedFlowRun failed in flows.FailedRuns.Take(maxFailures))
        {
            ConsoleText.WriteParagraph(console, $"Failed run of {failed.Flow} at {ReportText.DateTimeUtc(failed.At)}", FlowActivityText.Failure(failed));
        }

        if (flows.FailedRunCount > System.Math.Min(maxFailures, flows.FailedRuns.Count))
        {
            console.WriteLine($"{ReportText.Count(flows.FailedRunCount)} failed runs in all.");
        }

        foreach (FlowNotRun notRun in flows.NotRun)
        {
            ConsoleText.WriteParagraph(console, "Not run: " + notRun.File, notRun.Reason);
        }
    }
}
