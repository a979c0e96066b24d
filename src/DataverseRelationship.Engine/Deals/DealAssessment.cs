using System;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Deals;

/// <summary>Deal fairness for one opportunity, and the tier rule's verdict on its discount.</summary>
public sealed record DealAssessment
{
    public Guid OpportunityId { get; init; }

    public DateTime AsOf { get; init; }

    /// <summary>0–100 over what is recorded (exchange, margin, conduct); null when none of them is.</summary>
    public decimal? DealScore { get; init; }

    /// <summary>-100 (only the seller gave) … 0 (balanced) … 100 (only the customer gave); null when the exchange was not recorded.</summary>
    public decimal? ReciprocityBalance { get; init; }

    /// <summary>Null when the seller margin is not known.</summary>
    public PriceBand? PriceBand { get; init; }

    /// <summary>The customer games the deal carries; null when not recorded.</summary>
    public ProcurementTactics? GameFlags { get; init; }

    public TierRuleVerdict TierRuleVerdict { get; init; }

    /// <summary>The cap that applied (percent).</summary>
    public decimal DiscountCap { get; init; }

    /// <summary>The sales-rep message; set when the discount is above the tier's cap or not recorded.</summary>
    public string? TierRuleMessage { get; init; }

    /// <summary>The deal score's factors (Value = 100 + contributions).</summary>
    public ScoreExplanation Score { get; init; } = new ScoreExplanation(ScoreKind.Deal, null, 100m, Array.Empty<Factor>());

    /// <summary>Short text: the deal score's main factors and the tier rule.</summary>
    public string Explanation { get; init; } = string.Empty;

    public string PolicyVersion { get; init; } = string.Empty;
}
