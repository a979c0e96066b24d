using System;
using System.Collections.Generic;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>
/// Turns a snapshot (rows in their final state) into the events that would have produced it:
/// account created at createdon (else dvr_relationshipsince, else the earliest date in the data), sponsors set once
/// both the account and the sponsor contact exist, the joint plan at its review date; contacts created at createdon
/// (never before their account) and deactivated right after when inactive; opportunities created at createdon (else
/// 30 days before their close date; never before their account or customer) with their inputs, delivery and payment
/// recorded just before the close, then won or lost at actualclosedate (else estimatedclosedate). Only input columns
/// are replayed: the plugins compute the rest. Events are built one at a time while enumerating.
/// </summary>
public static class SnapshotTimeline
{
    private const byte AccountCreate = 0;
    private const byte ContactCreate = 1;
    private const byte AccountSponsors = 2;
    private const byte AccountJointPlan = 3;
    private const byte ContactDeactivate = 4;
    private const byte OpportunityCreate = 5;
    private const byte OpportunityDelivery = 6;
    private const byte OpportunityClose = 7;

    /// <summary>Days between an opportunity's creation and its close when the data has no createdon.</summary>
    public const int AssumedSalesCycleDays = 30;

    private static readonly string[] AccountCreateColumns = [AccountTable.Name, AccountTable.RelationshipSince];
    private static readonly string[] AccountSponsorColumns = [AccountTable.CustomerSponsorId, AccountTable.SellerSponsorId];
    private static readonly string[] AccountPlanColumns = [AccountTable.HasJointAccountPlan, AccountTable.JointPlanReviewedOn];
    private static readonly string[] ContactCreateColumns = [ContactTable.FirstName, ContactTable.LastName, ContactTable.ParentCustomerId, ContactTable.AccountRoleCode];
    private static readonly string[] OpportunityCreateColumns =
    [
        OpportunityTable.Name, OpportunityTable.ParentAccountId, OpportunityTable.CustomerId, OpportunityTable.EstimatedValue,
        OpportunityTable.EstimatedCloseDate, OpportunityTable.DiscountPercentage, OpportunityTable.SellerMargin,
        OpportunityTable.Concessions, OpportunityTable.Commitments, OpportunityTable.ProcurementTactics, OpportunityTable.SellerConduct,
    ];

    private static readonly string[] OpportunityDeliveryColumns = [OpportunityTable.DeliveredAsPromised, OpportunityTable.PaymentDelayDays];

    /// <summary>The events, in time order; within one instant in the order of the rules above.</summary>
    public static IEnumerable<DataSetEvent> Events(DataSetRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        List<Entry> entries = Plan(rows);
        foreach (Entry entry in entries)
        {
            DataSetEvent? e = Build(rows, entry);
            if (e is not null)
            {
                yield return e;
            }
        }
    }

    private static List<Entry> Plan(DataSetRows rows)
    {
        DateTime epoch = Earliest(rows);
        var accountTimes = new Dictionary<Guid, DateTime>(rows.Accounts.Count);
        var contactTimes = new Dictionary<Guid, DateTime>(rows.Contacts.Count);
        var entries = new List<Entry>(rows.Accounts.Count * 2 + rows.Contacts.Count + rows.Opportunities.Count * 2);

        for (int i = 0; i < rows.Accounts.Count; i++)
        {
            Entity a = rows.Accounts[i];
            DateTime at = Date(a, AccountTable.CreatedOn) ?? Date(a, AccountTable.RelationshipSince) ?? epoch;
            accountTimes[a.Id] = at;
            entries.Add(new Entry(at.Ticks, AccountCreate, i));
        }

        for (int i = 0; i < rows.Contacts.Count; i++)
        {
            Entity c = rows.Contacts[i];
            DateTime at = Date(c, ContactTable.CreatedOn) ?? ParentTime(c, ContactTable.ParentCustomerId, accountTimes, null) ?? epoch;
            at = Later(at, ParentTime(c, ContactTable.ParentCustomerId, accountTimes, null));
            contactTimes[c.Id] = at;
            entries.Add(new Entry(at.Ticks, ContactCreate, i));
            if (c.GetAttributeValue<OptionSetValue>(ContactTable.StateCode)?.Value == 1)
            {
                entries.Add(new Entry(at.Ticks, ContactDeactivate, i));
            }
        }

        // Parent contacts may come later in the list than their children: place children after them.
        for (int i = 0; i < rows.Contacts.Count; i++)
        {
            Entity c = rows.Contacts[i];
            EntityReference? parent = c.GetAttributeValue<EntityReference>(ContactTable.ParentCustomerId);
            if (parent?.LogicalName == ContactTable.LogicalName && contactTimes.TryGetValue(parent.Id, out DateTime p) && p > contactTimes[c.Id])
            {
                contactTimes[c.Id] = p;
                ReplaceTicks(entries, ContactCreate, i, p.Ticks);
                ReplaceTicks(entries, ContactDeactivate, i, p.Ticks);
            }
        }

        for (int i = 0; i < rows.Accounts.Count; i++)
        {
            Entity a = rows.Accounts[i];
            DateTime created = accountTimes[a.Id];
            if (HasAny(a, AccountSponsorColumns))
            {
                DateTime at = Later(created, ParentTime(a, AccountTable.CustomerSponsorId, accountTimes, contactTimes));
                entries.Add(new Entry(at.Ticks, AccountSponsors, i));
            }

            if (HasAny(a, AccountPlanColumns))
            {
                DateTime at = Later(created, Date(a, AccountTable.JointPlanReviewedOn));
                entries.Add(new Entry(at.Ticks, AccountJointPlan, i));
            }
        }

        for (int i = 0; i < rows.Opportunities.Count; i++)
        {
            Entity o = rows.Opportunities[i];
            DateTime? close = Date(o, OpportunityTable.ActualCloseDate) ?? Date(o, OpportunityTable.EstimatedCloseDate);
            DateTime created = Date(o, OpportunityTable.CreatedOn) ?? close?.AddDays(-AssumedSalesCycleDays) ?? epoch;
            created = Later(created, ParentTime(o, OpportunityTable.ParentAccountId, accountTimes, contactTimes));
            created = Later(created, ParentTime(o, OpportunityTable.CustomerId, accountTimes, contactTimes));
            entries.Add(new Entry(created.Ticks, OpportunityCreate, i));
            int state = o.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value ?? 0;
            if (state is 1 or 2)
            {
                DateTime closed = Later(close ?? created, created);
                if (HasAny(o, OpportunityDeliveryColumns))
                {
                    entries.Add(new Entry(closed.Ticks, OpportunityDelivery, i));
                }

                entries.Add(new Entry(closed.Ticks, OpportunityClose, i));
            }
        }

        entries.Sort();
        return entries;
    }

    private static DataSetEvent? Build(DataSetRows rows, Entry entry)
    {
        var at = new DateTime(entry.Ticks, DateTimeKind.Utc);
        switch (entry.Phase)
        {
            case AccountCreate:
                return DataSetEvent.Create(at, Copy(rows.Accounts[entry.Index], AccountCreateColumns));
            case AccountSponsors:
                return DataSetEvent.Update(at, Copy(rows.Accounts[entry.Index], AccountSponsorColumns));
            case AccountJointPlan:
                return DataSetEvent.Update(at, Copy(rows.Accounts[entry.Index], AccountPlanColumns));
            case ContactCreate:
                return DataSetEvent.Create(at, Copy(rows.Contacts[entry.Index], ContactCreateColumns));
            case ContactDeactivate:
                Entity deactivate = Copy(rows.Contacts[entry.Index], []);
                deactivate[ContactTable.StateCode] = new OptionSetValue(1);
                return DataSetEvent.Update(at, deactivate);
            case OpportunityCreate:
                Entity o = rows.Opportunities[entry.Index];
                Entity create = Copy(o, OpportunityCreateColumns);
                if (!create.Contains(OpportunityTable.ParentAccountId)
                    && o.GetAttributeValue<EntityReference>(OpportunityTable.CustomerId) is { LogicalName: AccountTable.LogicalName } customer)
                {
                    create[OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, customer.Id);
                }

                int state = o.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value ?? 0;
                if (state == 0)
                {
                    CopyInto(o, create, OpportunityDeliveryColumns);
                }

                return DataSetEvent.Create(at, create);
            case OpportunityDelivery:
                return DataSetEvent.Update(at, Copy(rows.Opportunities[entry.Index], OpportunityDeliveryColumns));
            case OpportunityClose:
                Entity closed = rows.Opportunities[entry.Index];
                int status = closed.GetAttributeValue<OptionSetValue>(OpportunityTable.StatusCode)?.Value ?? 0;
                return closed.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode).Value == 1
                    ? DataSetEvent.Win(at, closed.Id, closed.GetAttributeValue<Money>(OpportunityTable.ActualValue))
                    : DataSetEvent.Lose(at, closed.Id, status == DataSetEvent.OutSoldStatusCode ? DataSetEvent.OutSoldStatusCode : DataSetEvent.CanceledStatusCode);
            default:
                return null;
        }
    }

    private static Entity Copy(Entity source, string[] columns)
    {
        var copy = new Entity(source.LogicalName, source.Id);
        CopyInto(source, copy, columns);
        return copy;
    }

    private static void CopyInto(Entity source, Entity target, string[] columns)
    {
        foreach (string column in columns)
        {
            if (source.Attributes.TryGetValue(column, out object? value) && value is not null)
            {
                target[column] = value;
            }
        }
    }

    private static bool HasAny(Entity row, string[] columns)
    {
        foreach (string column in columns)
        {
            if (row.Attributes.TryGetValue(column, out object? value) && value is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static DateTime? Date(Entity row, string column)
        => row.Attributes.TryGetValue(column, out object? value) && value is DateTime d ? d : null;

    private static DateTime Later(DateTime at, DateTime? other) => other is { } o && o > at ? o : at;

    private static DateTime? ParentTime(Entity row, string column, Dictionary<Guid, DateTime> accounts, Dictionary<Guid, DateTime>? contacts)
    {
        EntityReference? parent = row.GetAttributeValue<EntityReference>(column);
        if (parent is null)
        {
            return null;
        }

        if (parent.LogicalName == AccountTable.LogicalName && accounts.TryGetValue(parent.Id, out DateTime a))
        {
            return a;
        }

        return contacts is not null && parent.LogicalName == ContactTable.LogicalName && contacts.TryGetValue(parent.Id, out DateTime c) ? c : null;
    }

    private static void ReplaceTicks(List<Entry> entries, byte phase, int index, long ticks)
    {
        for (int k = 0; k < entries.Count; k++)
        {
            if (entries[k].Phase == phase && entries[k].Index == index)
            {
                entries[k] = entries[k] with { Ticks = ticks };
            }
        }
    }

    private static DateTime Earliest(DataSetRows rows)
    {
        DateTime? earliest = null;
        void Consider(Entity row, string column)
        {
            if (Date(row, column) is { } d && (earliest is null || d < earliest))
            {
                earliest = d;
            }
        }

        foreach (Entity a in rows.Accounts)
        {
            Consider(a, AccountTable.CreatedOn);
            Consider(a, AccountTable.RelationshipSince);
        }

        foreach (Entity c in rows.Contacts)
        {
            Consider(c, ContactTable.CreatedOn);
        }

        foreach (Entity o in rows.Opportunities)
        {
            Consider(o, OpportunityTable.CreatedOn);
            if ((Date(o, OpportunityTable.ActualCloseDate) ?? Date(o, OpportunityTable.EstimatedCloseDate)) is { } close)
            {
                DateTime start = close.AddDays(-AssumedSalesCycleDays);
                earliest = earliest is null || start < earliest ? start : earliest;
            }
        }

        return earliest ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    }

    private readonly record struct Entry(long Ticks, byte Phase, int Index) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            int c = Ticks.CompareTo(other.Ticks);
            if (c == 0)
            {
                c = Phase.CompareTo(other.Phase);
            }

            return c == 0 ? Index.CompareTo(other.Index) : c;
        }
    }
}
