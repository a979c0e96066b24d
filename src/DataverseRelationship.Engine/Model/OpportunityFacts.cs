using System;

namespace DataverseRelationship.Engine.Model
{
    /// <summary>The facts of one opportunity the engine scores: plain values mapped from an opportunity row.</summary>
    public sealed record OpportunityFacts
    {
        public Guid Id { get; init; }

        public DealState State { get; init; }

        public DateTime CreatedOn { get; init; }

        /// <summary>Actual close date for won/lost deals, estimated close date for open ones.</summary>
        public DateTime? CloseDate { get; init; }

        public decimal? EstimatedValue { get; init; }

        public decimal? ActualValue { get; init; }

        /// <summary>Discount granted, in percent (0–100).</summary>
        public decimal? DiscountPercent { get; init; }

        /// <summary>Seller margin on the deal, in percent.</summary>
        public decimal? SellerMarginPercent { get; init; }

        public Concessions Concessions { get; init; }

        public Commitments Commitments { get; init; }

        public ProcurementTactics Tactics { get; init; }

        /// <summary>Whether the seller delivered as promised (won deals); null when not known yet.</summary>
        public bool? DeliveredAsPromised { get; init; }

        /// <summary>Days the customer paid late (0 = on time); null when not known.</summary>
        public int? PaymentDelayDays { get; init; }
    }
}
