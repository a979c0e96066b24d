using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Plugins.Recalculation;

/// <summary>What a recalculation does with the account's stored ledger (dvr_relationshipledger).</summary>
public sealed class LedgerChange
{
    private LedgerChange(AccountLedger? difference, bool rebuild, int? rebuildAfterDays = null)
    {
        Difference = difference;
        RebuildFromDeals = rebuild;
        RebuildAfterDays = rebuildAfterDays;
    }

    /// <summary>Inputs other than deals changed (account columns, contacts): the stored ledger is used as it is.</summary>
    public static LedgerChange None { get; } = new LedgerChange(null, false);

    /// <summary>The recalculation: the ledger is rebuilt from every deal (paged), correcting any drift.</summary>
    public static LedgerChange Rebuild { get; } = new LedgerChange(null, true);

    /// <summary>
    /// The scheduled recalculation: the stored ledger is used (ageing needs no deal) unless it was last rebuilt from the
    /// deals <paramref name="days"/> or more days ago, or never, in which case it is rebuilt, correcting any drift.
    /// </summary>
    public static LedgerChange RebuildWhenOlderThan(int days) => new LedgerChange(null, false, days);

    /// <summary>A deal save: its contribution after minus its contribution before is added to the stored ledger.</summary>
    public static LedgerChange Apply(AccountLedger difference) => new LedgerChange(Argument.NotNull(difference, nameof(difference)), false);

    /// <summary>The difference a deal save makes to this account's ledger; null when there is none to apply.</summary>
    public AccountLedger? Difference { get; }

    /// <summary>Whether every deal is read again, whatever the stored ledger holds.</summary>
    public bool RebuildFromDeals { get; }

    /// <summary>Rebuild when the stored ledger's last rebuild is at least this many days old; null: never for its age.</summary>
    public int? RebuildAfterDays { get; }
}
