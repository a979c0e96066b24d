using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Sample;

/// <summary>
/// The inputs of one generated deal: what was conceded and committed, the games played by each side, and how it ends.
/// A deal whose rep recorded its terms writes every input column, with the explicit None choice where nothing
/// happened; an unrecorded one writes value and dates only, as many real deals are (absence is not evidence).
/// </summary>
public sealed record DealTerms(
    decimal EstimatedValue,
    decimal DiscountPercentage,
    decimal SellerMargin,
    IReadOnlyList<ConcessionChoice> Concessions,
    IReadOnlyList<CommitmentChoice> Commitments,
    IReadOnlyList<ProcurementTacticChoice> Tactics,
    IReadOnlyList<SellerConductChoice> SellerConduct,
    bool Recorded,
    bool Won,
    int CycleDays,
    bool DeliveredAsPromised,
    int PaymentDelayDays)
{
    /// <summary>Writes the deal's input columns onto an opportunity row (only value and dates when not recorded).</summary>
    public void WriteTo(Entity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        opportunity[OpportunityTable.EstimatedValue] = new Money(EstimatedValue);
        if (!Recorded)
        {
            return;
        }

        opportunity[OpportunityTable.DiscountPercentage] = DiscountPercentage;
        opportunity[OpportunityTable.SellerMargin] = SellerMargin;
        opportunity[OpportunityTable.Concessions] = Choices(Concessions.Select(c => (int)c), (int)ConcessionChoice.None);
        opportunity[OpportunityTable.Commitments] = Choices(Commitments.Select(c => (int)c), (int)CommitmentChoice.None);
        opportunity[OpportunityTable.ProcurementTactics] = Choices(Tactics.Select(c => (int)c), (int)ProcurementTacticChoice.None);
        opportunity[OpportunityTable.SellerConduct] = Choices(SellerConduct.Select(c => (int)c), (int)SellerConductChoice.None);
    }

    /// <summary>A multi-select value from choice numbers; the recorded None choice when there are none.</summary>
    public static OptionSetValueCollection Choices(IEnumerable<int> values, int none)
    {
        List<int> chosen = values.Distinct().ToList();
        return Choices(chosen.Count == 0 ? [none] : chosen);
    }

    /// <summary>A multi-select value from choice numbers.</summary>
    public static OptionSetValueCollection Choices(IEnumerable<int> values)
        => new(values.Distinct().Select(v => new OptionSetValue(v)).ToList());
}
