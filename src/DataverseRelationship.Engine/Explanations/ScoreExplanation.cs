using System.Collections.Generic;

namespace DataverseRelationship.Engine.Explanations;

/// <summary>
/// A score with the factors that produced it: Value = Baseline + the sum of the factor contributions. Value is null
/// when the evidence for the score is below the policy's minimum; the factors then say what is missing.
/// </summary>
public sealed record ScoreExplanation
{
    public ScoreExplanation(ScoreKind score, decimal? value, decimal baseline, IReadOnlyList<Factor> factors)
    {
        Score = score;
        Value = value;
        Baseline = baseline;
        Factors = factors;
        Text = ExplanationText.Summarise(factors, value.HasValue);
    }

    public ScoreKind Score { get; }

    /// <summary>The score, 0–100, rounded to 2 decimals; null when unknown.</summary>
    public decimal? Value { get; }

    /// <summary>Where the score starts before any factor: 100 (the ideal) for the principles, 0 for additive scores.</summary>
    public decimal Baseline { get; }

    public IReadOnlyList<Factor> Factors { get; }

    /// <summary>The factors that moved the score most and what is unknown, e.g. "-12: customer …; unknown: …".</summary>
    public string Text { get; }
}
