using System;
using System.Text.Json;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>The JSON report's "flows" object (present only when the flows ran).</summary>
internal static class FlowActivityJson
{
    public static void Write(Utf8JsonWriter w, FlowActivity? flows)
    {
        if (flows is null)
        {
            return;
        }

        w.WriteStartObject("flows");
        w.WriteStartArray("runs");
        foreach (FlowRunCount f in flows.Flows)
        {
            w.WriteStartObject();
            w.WriteString("flow", f.Flow);
            w.WriteString("starts", f.Trigger);
            w.WriteNumber("runs", f.Runs);
            w.WriteNumber("failed", f.Failed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("tasksCreated", flows.TasksCreated);
        w.WriteStartArray("tasksPerOwnerAndWeek");
        foreach (FollowUpTaskCount t in flows.TasksPerOwnerAndWeek)
        {
            w.WriteStartObject();
            w.WriteString("ownerId", t.OwnerId);
            w.WriteString("owner", t.Owner);
            w.WriteString("weekStarting", t.WeekStarting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("tasks", t.Tasks);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("nightly");
        w.WriteNumber("runs", flows.ScheduledRuns);
        w.WriteNumber("everyDays", flows.ScheduledEveryDays);
        w.WriteNumber("accountsRecalculated", flows.AccountsRecalculated);
        w.WriteNumber("accountsChanged", flows.AccountsChanged);
        w.WriteEndObject();
        w.WriteNumber("failedRunCount", flows.FailedRunCount);
        w.WriteStartArray("failedRuns");
        foreach (FailedFlowRun f in flows.FailedRuns)
        {
            w.WriteStartObject();
            w.WriteString("flow", f.Flow);
            w.WriteString("at", DateTime.SpecifyKind(f.At, DateTimeKind.Utc));
            w.WriteString("action", f.Action);
            w.WriteString("reason", f.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notRun");
        foreach (FlowNotRun n in flows.NotRun)
        {
            w.WriteStartObject();
            w.WriteString("file", n.File);
            w.WriteString("reason", n.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
