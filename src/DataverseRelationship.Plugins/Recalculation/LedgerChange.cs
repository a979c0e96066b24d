using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Plugins.Recalculation;

/// <summary>What a recalculation does with the account's stored ledger (dvr_relationshipledger).</summary>
public sealed class LedgerChange
{
    private LedgerChange(AccountLedger? difference, bool rebuild)
    {
        Difference = difference;
        RebuildFromDeals = rebuild;
    }

    /// <summary>Inputs other than deals changed (account columns, contacts): the stored ledger is used as it is.</summary>
    public static LedgerChange None { get; } = new LedgerChange(null, false);

    /// <summary>The recalculation: the ledger is rebuilt from every deal (paged), correcting any drift.</summary>
    public static LedgerChange Rebuild { get; } = new LedgerChange(null, true);

    /// <summary>A deal save: its contribution after minus its contribution before is added to the stored ledger.</summary>
    public static LedgerChange Apply(AccountLedger difference) => new LedgerChange(Argument.NotNull(difference, nameof(difference)), false);

    /// <summary>The difference a deal save makes to this account's ledger; null when there is none to apply.</summary>
    public AccountLedger? Difference { get; }

    /// <summary>Whether every deal is read again, whatever the stored ledger holds.</summary>
    public bool RebuildFromDeals { get; }
}
