using System;

namespace DataverseRelationship.Engine.Model;

/// <summary>
/// The facts of one opportunity the engine scores: plain values mapped from an opportunity row. Every optional
/// fact is null when nobody recorded it; the engine never reads null as "none" or 0.
/// </summary>
public sealed record OpportunityFacts
{
    public Guid Id { get; init; }

    public DealState State { get; init; }

    public DateTime CreatedOn { get; init; }

    /// <summary>Actual close date for won/lost deals, estimated close date for open ones.</summary>
    public DateTime? CloseDate { get; init; }

    public decimal? EstimatedValue { get; init; }

    public decimal? ActualValue { get; init; }

    /// <summary>Discount granted, in percent (0–100); null when not recorded.</summary>
    public decimal? DiscountPercent { get; init; }

    /// <summary>
    /// The discount the account's tier allowed when the deal was assessed (its cap, in percent): the tier's benefit,
    /// not a concession. Null when the deal was never assessed; the lowest tier's cap then applies.
    /// </summary>
    public decimal? DiscountAllowancePercent { get; init; }

    /// <summary>Seller margin on the deal, in percent; null when not recorded.</summary>
    public decimal? SellerMarginPercent { get; init; }

    /// <summary>What the seller gave; <see cref="Model.Concessions.None"/> when recorded as none, null when not recorded.</summary>
    public Concessions? Concessions { get; init; }

    /// <summary>What the customer committed; null when not recorded.</summary>
    public Commitments? Commitments { get; init; }

    /// <summary>Customer games on the deal; null when not recorded.</summary>
    public ProcurementTactics? Tactics { get; init; }

    /// <summary>The seller's conduct on the deal; null when not recorded.</summary>
    public SellerConduct? SellerConduct { get; init; }

    /// <summary>Whether the seller delivered as promised (won deals); null when not known yet.</summary>
    public bool? DeliveredAsPromised { get; init; }

    /// <summary>Days the customer paid late (0 = on time); null when not known.</summary>
    public int? PaymentDelayDays { get; init; }
}
