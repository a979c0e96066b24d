using System;
using System.Collections.Generic;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>The account, contact and opportunity rows of a loaded data set, each held once, with typed column values.</summary>
public sealed class DataSetRows
{
    public DataSetRows(IReadOnlyList<Entity> accounts, IReadOnlyList<Entity> contacts, IReadOnlyList<Entity> opportunities)
    {
        Accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        Contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        Opportunities = opportunities ?? throw new ArgumentNullException(nameof(opportunities));
    }

    public IReadOnlyList<Entity> Accounts { get; }

    public IReadOnlyList<Entity> Contacts { get; }

    public IReadOnlyList<Entity> Opportunities { get; }

    /// <summary>Choice values the solution does not define, found by <see cref="SnapshotValidator"/> (reported, never fatal).</summary>
    public IReadOnlyList<UnknownOptionValue> UnknownOptionValues => _unknown;

    private readonly List<UnknownOptionValue> _unknown = [];

    /// <summary>Records a choice value the solution does not define.</summary>
    public void AddUnknown(UnknownOptionValue value) => _unknown.Add(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The systemuser ids named as seller sponsors, in first-seen order.</summary>
    public IReadOnlyCollection<Guid> SellerSponsorIds()
    {
        var seen = new HashSet<Guid>();
        var ids = new List<Guid>();
        foreach (Entity account in Accounts)
        {
            EntityReference? sponsor = account.GetAttributeValue<EntityReference>(AccountTable.SellerSponsorId);
            if (sponsor is not null && seen.Add(sponsor.Id))
            {
                ids.Add(sponsor.Id);
            }
        }

        return ids;
    }
}
