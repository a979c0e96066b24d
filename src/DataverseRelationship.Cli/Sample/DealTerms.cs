using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Sample;

/// <summary>The inputs of one generated deal: what was conceded and committed, the games played, and how it ends.</summary>
public sealed record DealTerms(
    decimal EstimatedValue,
    decimal DiscountPercentage,
    decimal SellerMargin,
    IReadOnlyList<ConcessionChoice> Concessions,
    IReadOnlyList<CommitmentChoice> Commitments,
    IReadOnlyList<ProcurementTacticChoice> Tactics,
    bool Won,
    int CycleDays,
    bool DeliveredAsPromised,
    int PaymentDelayDays)
{
    /// <summary>Writes the deal's input columns onto an opportunity row.</summary>
    public void WriteTo(Entity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        opportunity[OpportunityTable.EstimatedValue] = new Money(EstimatedValue);
        opportunity[OpportunityTable.DiscountPercentage] = DiscountPercentage;
        opportunity[OpportunityTable.SellerMargin] = SellerMargin;
        opportunity[OpportunityTable.Concessions] = Choices(Concessions.Select(c => (int)c));
        opportunity[OpportunityTable.Commitments] = Choices(Commitments.Select(c => (int)c));
        opportunity[OpportunityTable.ProcurementTactics] = Choices(Tactics.Select(c => (int)c));
    }

    /// <summary>A multi-select value from choice numbers.</summary>
    public static OptionSetValueCollection Choices(IEnumerable<int> values)
        => new(values.Distinct().Select(v => new OptionSetValue(v)).ToList());
}
