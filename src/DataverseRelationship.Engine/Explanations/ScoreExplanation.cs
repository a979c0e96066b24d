using System.Collections.Generic;

namespace DataverseRelationship.Engine.Explanations
{
    /// <summary>A score with the factors that produced it: Value = Baseline + the sum of the factor contributions.</summary>
    public sealed record ScoreExplanation
    {
        public ScoreExplanation(ScoreKind score, decimal value, decimal baseline, IReadOnlyList<Factor> factors)
        {
            Score = score;
            Value = value;
            Baseline = baseline;
            Factors = factors;
            Text = ExplanationText.Summarise(factors);
        }

        public ScoreKind Score { get; }

        /// <summary>The score, 0–100, rounded to 2 decimals.</summary>
        public decimal Value { get; }

        /// <summary>Where the score starts before any factor: 50 (neutral) for mean-based scores, 0 for additive ones.</summary>
        public decimal Baseline { get; }

        public IReadOnlyList<Factor> Factors { get; }

        /// <summary>The few factors that moved the score most, e.g. "-12: 2 deals with unreciprocated concessions".</summary>
        public string Text { get; }
    }
}
