using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// The rows of a data set as they stood at one instant: the data set's events up to and including it applied in
/// order, without the plugins. Only what the events carry is known: the input columns, the close (statecode,
/// actualclosedate, actualvalue as Dataverse sets them on Win and Lose) and createdon (the event's time, as
/// Dataverse stamps it). Columns the plugins compute (stored scores, tier, the deal's discount allowance) are absent.
/// </summary>
public sealed class DataSetMoment
{
    private DataSetMoment(DateTime at, Dictionary<Guid, Entity> accounts, Dictionary<Guid, Entity> contacts, Dictionary<Guid, Entity> opportunities)
    {
        At = at;
        Accounts = accounts;
        Contacts = contacts;
        Opportunities = opportunities;
    }

    /// <summary>The instant the rows stand at.</summary>
    public DateTime At { get; }

    /// <summary>The accounts that existed at <see cref="At"/>, by id.</summary>
    public IReadOnlyDictionary<Guid, Entity> Accounts { get; }

    /// <summary>The contacts that existed at <see cref="At"/>, by id.</summary>
    public IReadOnlyDictionary<Guid, Entity> Contacts { get; }

    /// <summary>The opportunities that existed at <see cref="At"/>, by id.</summary>
    public IReadOnlyDictionary<Guid, Entity> Opportunities { get; }

    /// <summary>The opportunities of each account (by parentaccountid) at <see cref="At"/>.</summary>
    public ILookup<Guid, Entity> OpportunitiesByAccount() =>
        Opportunities.Values
            .Where(o => o.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId) is not null)
            .ToLookup(o => o.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId).Id);

    /// <summary>The contacts of each account (by parentcustomerid) at <see cref="At"/>.</summary>
    public ILookup<Guid, Entity> ContactsByAccount() =>
        Contacts.Values
            .Where(c => c.GetAttributeValue<EntityReference>(ContactTable.ParentCustomerId) is not null)
            .ToLookup(c => c.GetAttributeValue<EntityReference>(ContactTable.ParentCustomerId).Id);

    /// <summary>
    /// The data set at each of <paramref name="instants"/> (any order; the result follows it), from one pass over its
    /// events: an event at exactly an instant is included.
    /// </summary>
    public static IReadOnlyList<DataSetMoment> Replay(DataSet dataSet, IReadOnlyList<DateTime> instants)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(instants);
        int[] order = Enumerable.Range(0, instants.Count).OrderBy(i => instants[i]).ToArray();
        var result = new DataSetMoment[instants.Count];
        var tables = new Dictionary<string, Dictionary<Guid, Entity>>(StringComparer.Ordinal)
        {
            [AccountTable.LogicalName] = [],
            [ContactTable.LogicalName] = [],
            [OpportunityTable.LogicalName] = [],
        };
        int next = 0;
        foreach (DataSetEvent e in dataSet.Events())
        {
            while (next < order.Length && e.At > instants[order[next]])
            {
                result[order[next]] = Capture(instants[order[next]], tables);
                next++;
            }

            if (next == order.Length)
            {
                break;
            }

            if (tables.TryGetValue(e.Target.LogicalName, out Dictionary<Guid, Entity>? rows))
            {
                Apply(rows, e);
            }
        }

        for (; next < order.Length; next++)
        {
            result[order[next]] = Capture(instants[order[next]], tables);
        }

        return result;
    }

    /// <summary>The first and last event times of the data set; null when it has no events.</summary>
    public static (DateTime First, DateTime Last)? Span(DataSet dataSet)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        DateTime? first = null;
        DateTime last = default;
        foreach (DataSetEvent e in dataSet.Events())
        {
            first ??= e.At;
            last = e.At;
        }

        return first is { } f ? (f, last) : null;
    }

    private static void Apply(Dictionary<Guid, Entity> rows, DataSetEvent e)
    {
        Guid id = e.Target.Id;
        switch (e.Kind)
        {
            case DataSetEventKind.Create:
                Entity created = Copy(e.Row!);
                created[CreatedOnColumn(e.Target.LogicalName)] = e.At;
                if (e.Target.LogicalName == OpportunityTable.LogicalName && !created.Contains(OpportunityTable.StateCode))
                {
                    created[OpportunityTable.StateCode] = new OptionSetValue((int)OpportunityState.Open);
                }

                rows[id] = created;
                break;
            case DataSetEventKind.Update:
            case DataSetEventKind.Reparent:
                if (rows.TryGetValue(id, out Entity? row))
                {
                    Entity changed = Copy(row);
                    foreach (KeyValuePair<string, object> column in e.Row!.Attributes)
                    {
                        changed[column.Key] = column.Value;
                    }

                    rows[id] = changed;
                }

                break;
            case DataSetEventKind.Win:
            case DataSetEventKind.Lose:
                if (rows.TryGetValue(id, out Entity? deal))
                {
                    rows[id] = Closed(deal, e);
                }

                break;
            case DataSetEventKind.Delete:
                rows.Remove(id);
                break;
        }
    }

    /// <summary>
    /// The opportunity after Win or Lose, as the local Dataverse closes it (Platform.Messages CloseOpportunity): state
    /// Won or Lost, the statuscode, actualclosedate the close's date, actualvalue the close's revenue, a won deal's
    /// defaulting to its estimated value.
    /// </summary>
    private static Entity Closed(Entity deal, DataSetEvent e)
    {
        bool won = e.Kind == DataSetEventKind.Win;
        Entity closed = Copy(deal);
        closed[OpportunityTable.StateCode] = new OptionSetValue((int)(won ? OpportunityState.Won : OpportunityState.Lost));
        closed[OpportunityTable.StatusCode] = new OptionSetValue(e.StatusCode);
        closed[OpportunityTable.ActualCloseDate] = e.At.Date;
        if (e.ActualRevenue is { } revenue)
        {
            closed[OpportunityTable.ActualValue] = new Money(revenue.Value);
        }
        else if (won && !closed.Contains(OpportunityTable.ActualValue) && closed.GetAttributeValue<Money>(OpportunityTable.EstimatedValue) is { } estimated)
        {
            closed[OpportunityTable.ActualValue] = new Money(estimated.Value);
        }

        return closed;
    }

    private static string CreatedOnColumn(string logicalName) => logicalName switch
    {
        AccountTable.LogicalName => AccountTable.CreatedOn,
        ContactTable.LogicalName => ContactTable.CreatedOn,
        _ => OpportunityTable.CreatedOn,
    };

    private static Entity Copy(Entity row)
    {
        var copy = new Entity(row.LogicalName, row.Id);
        foreach (KeyValuePair<string, object> column in row.Attributes)
        {
            copy[column.Key] = column.Value;
        }

        return copy;
    }

    /// <summary>Rows are replaced, never changed in place, on every event, so a capture can share them.</summary>
    private static DataSetMoment Capture(DateTime at, Dictionary<string, Dictionary<Guid, Entity>> tables) => new(
        at,
        new Dictionary<Guid, Entity>(tables[AccountTable.LogicalName]),
        new Dictionary<Guid, Entity>(tables[ContactTable.LogicalName]),
        new Dictionary<Guid, Entity>(tables[OpportunityTable.LogicalName]));
}
