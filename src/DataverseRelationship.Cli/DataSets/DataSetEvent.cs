using System;
using System.Globalization;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>What a <see cref="DataSetEvent"/> does to the Dataverse it is replayed into.</summary>
public enum DataSetEventKind
{
    /// <summary>Create the row in <see cref="DataSetEvent.Row"/>.</summary>
    Create,
    /// <summary>Update the row; <see cref="DataSetEvent.Row"/> carries only the changed columns.</summary>
    Update,
    /// <summary>Win the opportunity (the Win message with an opportunityclose activity).</summary>
    Win,
    /// <summary>Lose the opportunity (the Lose message with an opportunityclose activity).</summary>
    Lose,
    /// <summary>Move the row to another parent; <see cref="DataSetEvent.Row"/> holds the new lookup.</summary>
    Reparent,
    /// <summary>Delete the row.</summary>
    Delete,
}

/// <summary>One change to replay at a point in time: the unit the preview feeds through the plugins.</summary>
public sealed class DataSetEvent
{
    /// <summary>opportunity statuscode of a won deal.</summary>
    public const int WonStatusCode = 3;
    /// <summary>opportunity statuscode of a lost deal, reason Canceled (the default).</summary>
    public const int CanceledStatusCode = 4;
    /// <summary>opportunity statuscode of a lost deal, reason Out-Sold.</summary>
    public const int OutSoldStatusCode = 5;

    private DataSetEvent(DateTime at, DataSetEventKind kind, EntityReference target, Entity? row, Money? actualRevenue, int statusCode)
    {
        At = at;
        Kind = kind;
        Target = target;
        Row = row;
        ActualRevenue = actualRevenue;
        StatusCode = statusCode;
    }

    /// <summary>When the change happens (the replay clock is set to this before the event runs).</summary>
    public DateTime At { get; }

    public DataSetEventKind Kind { get; }

    /// <summary>The row the event applies to.</summary>
    public EntityReference Target { get; }

    /// <summary>Create: the new row. Update: the changed columns. Reparent: the new lookup column. Otherwise null.</summary>
    public Entity? Row { get; }

    /// <summary>Win: the actual revenue (null lets Dataverse default it to the estimated revenue).</summary>
    public Money? ActualRevenue { get; }

    /// <summary>Win and Lose: the opportunity statuscode the close sets (3 Won; 4 Canceled or 5 Out-Sold). 0 otherwise.</summary>
    public int StatusCode { get; }

    public static DataSetEvent Create(DateTime at, Entity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        RequireIdentity(row);
        return new DataSetEvent(at, DataSetEventKind.Create, row.ToEntityReference(), row, null, 0);
    }

    public static DataSetEvent Update(DateTime at, Entity changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RequireIdentity(changes);
        return new DataSetEvent(at, DataSetEventKind.Update, changes.ToEntityReference(), changes, null, 0);
    }

    public static DataSetEvent Win(DateTime at, Guid opportunityId, Money? actualRevenue)
        => new(at, DataSetEventKind.Win, new EntityReference(OpportunityTable.LogicalName, opportunityId), null, actualRevenue, WonStatusCode);

    /// <summary>Lose an opportunity with statuscode 4 (Canceled) or 5 (Out-Sold).</summary>
    public static DataSetEvent Lose(DateTime at, Guid opportunityId, int statusCode = CanceledStatusCode)
    {
        if (statusCode != CanceledStatusCode && statusCode != OutSoldStatusCode)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A lost opportunity has statuscode 4 (Canceled) or 5 (Out-Sold).");
        }

        return new(at, DataSetEventKind.Lose, new EntityReference(OpportunityTable.LogicalName, opportunityId), null, null, statusCode);
    }

    /// <summary>Move an opportunity (parentaccountid) or a contact (parentcustomerid) to another account.</summary>
    public static DataSetEvent Reparent(DateTime at, EntityReference row, EntityReference newParent)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(newParent);
        string column = ParentColumn(row.LogicalName);
        var change = new Entity(row.LogicalName, row.Id);
        change[column] = newParent;
        return new DataSetEvent(at, DataSetEventKind.Reparent, row, change, null, 0);
    }

    public static DataSetEvent Delete(DateTime at, EntityReference row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DataSetEvent(at, DataSetEventKind.Delete, row, null, null, 0);
    }

    /// <summary>The lookup column that names a row's parent account: parentaccountid, or parentcustomerid on contact.</summary>
    public static string ParentColumn(string logicalName) => logicalName switch
    {
        OpportunityTable.LogicalName => OpportunityTable.ParentAccountId,
        ContactTable.LogicalName => ContactTable.ParentCustomerId,
        _ => throw new ArgumentException($"A {logicalName} row has no parent account to change.", nameof(logicalName)),
    };

    /// <summary>Win and Lose: the opportunityclose activity the request carries (opportunityid, actualend, actualrevenue, subject).</summary>
    public Entity ToOpportunityClose()
    {
        if (Kind != DataSetEventKind.Win && Kind != DataSetEventKind.Lose)
        {
            throw new InvalidOperationException($"A {Kind} event has no opportunityclose activity.");
        }

        var close = new Entity(OpportunityCloseTable.LogicalName);
        close[OpportunityCloseTable.OpportunityId] = new EntityReference(OpportunityTable.LogicalName, Target.Id);
        close[OpportunityCloseTable.ActualEnd] = At;
        close[OpportunityCloseTable.Subject] = Kind == DataSetEventKind.Win ? "Opportunity won" : "Opportunity lost";
        if (ActualRevenue is not null)
        {
            close[OpportunityCloseTable.ActualRevenue] = new Money(ActualRevenue.Value);
        }

        return close;
    }

    /// <summary>One line for logs and error messages, e.g. <c>2024-03-01T10:00:00 Create opportunity 'Renewal' (guid)</c>.</summary>
    public string Describe()
    {
        string name = Row is not null && Row.TryGetAttributeValue(AccountTable.Name, out string? n) && n is not null ? $" '{n}'" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{At:yyyy-MM-ddTHH:mm:ss} {Kind} {Target.LogicalName}{name} ({Target.Id})");
    }

    private static void RequireIdentity(Entity row)
    {
        if (string.IsNullOrEmpty(row.LogicalName) || row.Id == Guid.Empty)
        {
            throw new ArgumentException("An event row needs a logical name and an id.", nameof(row));
        }
    }
}
