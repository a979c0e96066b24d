using System.Globalization;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>Sentences about the flows that every renderer shows the same way.</summary>
internal static class FlowActivityText
{
    /// <summary>"156 nightly runs (one scheduled night in 7; --recalculate-every 1 runs every night) recalculated 5,616 accounts (312 changed)."</summary>
    public static string Scheduled(FlowActivity flows)
    {
        string cadence = flows.ScheduledEveryDays <= 1
            ? "every scheduled night"
            : "one scheduled night in " + flows.ScheduledEveryDays.ToString(CultureInfo.InvariantCulture) + "; --recalculate-every 1 runs every night";
        return $"{ReportText.Count(flows.ScheduledRuns)} nightly runs ({cadence}) recalculated {ReportText.Count(flows.AccountsRecalculated)} accounts ({ReportText.Count(flows.AccountsChanged)} changed).";
    }

    /// <summary>"84 follow-up tasks for 3 owners." or "No follow-up tasks."</summary>
    public static string Tasks(FlowActivity flows)
    {
        int owners = flows.TasksPerOwner().Count;
        return flows.TasksCreated == 0
            ? "No follow-up tasks."
            : $"{ReportText.Count(flows.TasksCreated)} follow-up tasks for {ReportText.Count(owners)} {(owners == 1 ? "owner" : "owners")}.";
    }

    /// <summary>"Create_follow_up_task: reason"</summary>
    public static string Failure(FailedFlowRun run) => run.Action + ": " + run.Reason;
}
