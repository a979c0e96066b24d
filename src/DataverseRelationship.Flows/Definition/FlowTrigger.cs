using System;
using System.Collections.Generic;

namespace DataverseRelationship.Flows.Definition;

/// <summary>What starts a flow.</summary>
public abstract record FlowTrigger(string Name);

/// <summary>Who the Dataverse trigger runs the flow as (subscriptionRequest/runas).</summary>
public enum FlowRunAs
{
    /// <summary>1: the user who changed the row.</summary>
    ModifyingUser = 1,

    /// <summary>2: the owner of the row.</summary>
    RowOwner = 2,

    /// <summary>3: the flow's owner (the connection's user).</summary>
    FlowOwner = 3,
}

/// <summary>
/// The Dataverse "When a row is added, modified or deleted" trigger (OpenApiConnectionWebhook, SubscribeWebhookTrigger):
/// the messages it subscribes to, the table, the scope, the filtering columns, the filter expression and run-as
/// (https://learn.microsoft.com/power-automate/dataverse/create-update-delete-trigger).
/// </summary>
/// <param name="Name">The trigger's name in the definition.</param>
/// <param name="ConnectionName">The connection (a key of the flow's connectionReferences) the subscription uses.</param>
/// <param name="Messages">Create, Update and/or Delete (subscriptionRequest/message 1 Added, 2 Deleted, 3 Modified, 4 Added or modified, 5 Added or deleted, 6 Modified or deleted, 7 all).</param>
/// <param name="Scope">subscriptionRequest/scope: 4 Organization is the only one supported.</param>
/// <param name="FilteringColumns">subscriptionRequest/filteringattributes: an update runs the flow only when it carries one of them (changed or not).</param>
/// <param name="Table">subscriptionRequest/entityname: the table's logical name.</param>
/// <param name="FilterExpression">subscriptionRequest/filterexpression: an OData condition the row must meet, or null.</param>
/// <param name="RunAs">subscriptionRequest/runas (absent: the flow owner).</param>
public sealed record RowChangeTrigger(
    string Name,
    string ConnectionName,
    IReadOnlySet<string> Messages,
    string Table,
    int Scope,
    IReadOnlyList<string> FilteringColumns,
    string? FilterExpression,
    FlowRunAs RunAs) : FlowTrigger(Name);

/// <summary>
/// The Recurrence trigger: every <see cref="Interval"/> <see cref="Frequency"/> from <see cref="StartTime"/> (UTC)
/// (https://learn.microsoft.com/azure/logic-apps/concepts-schedule-automated-recurring-tasks-workflows).
/// </summary>
public sealed record RecurrenceTrigger(string Name, string Frequency, int Interval, DateTime? StartTime) : FlowTrigger(Name)
{
    /// <summary>The first occurrence at or after <paramref name="from"/>.</summary>
    public DateTime FirstAtOrAfter(DateTime from)
    {
        var at = StartTime ?? from;
        if (at >= from)
        {
            return at;
        }

        // Jump close with whole periods for fixed-length frequencies, then step.
        var period = FixedPeriod;
        if (period.HasValue)
        {
            at = at.AddTicks((from - at).Ticks / period.Value.Ticks * period.Value.Ticks);
        }

        while (at < from)
        {
            at = Next(at);
        }

        return at;
    }

    /// <summary>
    /// The same schedule with its start moved back by whole periods to at or before <paramref name="from"/>: the
    /// occurrences keep their time of day and phase but begin before the startTime (what a replay of past data needs).
    /// </summary>
    public RecurrenceTrigger StartingBy(DateTime from)
    {
        if (StartTime is not { } start || start <= from)
        {
            return this;
        }

        var period = FixedPeriod;
        if (period.HasValue)
        {
            start = start.AddTicks(-((start - from).Ticks + period.Value.Ticks - 1) / period.Value.Ticks * period.Value.Ticks);
        }

        while (start > from)
        {
            start = start.AddMonths(-Interval);
        }

        return this with { StartTime = start };
    }

    /// <summary>The occurrence after <paramref name="occurrence"/>.</summary>
    public DateTime Next(DateTime occurrence) => Frequency switch
    {
        "Month" => occurrence.AddMonths(Interval),
        _ => occurrence + FixedPeriod!.Value,
    };

    private TimeSpan? FixedPeriod => Frequency switch
    {
        "Second" => TimeSpan.FromSeconds(Interval),
        "Minute" => TimeSpan.FromMinutes(Interval),
        "Hour" => TimeSpan.FromHours(Interval),
        "Day" => TimeSpan.FromDays(Interval),
        "Week" => TimeSpan.FromDays(7 * Interval),
        _ => null,
    };
}
