using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Explanations;

/// <summary>How one score moved between two assessments, and which factors moved it.</summary>
public sealed record ScoreChange
{
    public ScoreKind Score { get; init; }

    /// <summary>The score before; null when it was unknown.</summary>
    public decimal? Before { get; init; }

    /// <summary>The score after; null when it is unknown.</summary>
    public decimal? After { get; init; }

    /// <summary>After − Before; null when either is unknown (the score became known or unknown).</summary>
    public decimal? Delta => After.HasValue && Before.HasValue ? After.Value - Before.Value : (decimal?)null;

    /// <summary>Per reason code: the change of its contribution, with the facts now (or before, if it disappeared).</summary>
    public IReadOnlyList<Factor> FactorChanges { get; init; } = Array.Empty<Factor>();

    /// <summary>E.g. "reciprocity -12: 2 deals with unreciprocated concessions (was 0)".</summary>
    public string Text { get; init; } = string.Empty;
}

/// <summary>Explains the change between two results for the same account ("-12: two unreciprocated discounts").</summary>
public static class AssessmentComparison
{
    /// <summary>Every score that moved, largest move first, with the factors behind the move.</summary>
    public static IReadOnlyList<ScoreChange> Compare(AccountAssessment before, AccountAssessment after)
    {
        Argument.NotNull(before, nameof(before));
        Argument.NotNull(after, nameof(after));
        var changes = new List<ScoreChange>();
        foreach (var now in after.Scores)
        {
            ScoreExplanation? then = null;
            foreach (var candidate in before.Scores)
            {
                if (candidate.Score == now.Score)
                {
                    then = candidate;
                }
            }

            if (then is null || then.Value == now.Value)
            {
                continue;
            }

            changes.Add(Compare(then, now));
        }

        changes.Sort((a, b) =>
        {
            // A score that became known or unknown sorts before every numeric move.
            var byMagnitude = Math.Abs(b.Delta ?? 1000m).CompareTo(Math.Abs(a.Delta ?? 1000m));
            return byMagnitude != 0 ? byMagnitude : a.Score.CompareTo(b.Score);
        });
        return changes;
    }

    /// <summary>The change of one score between two explanations of it.</summary>
    public static ScoreChange Compare(ScoreExplanation before, ScoreExplanation after)
    {
        Argument.NotNull(before, nameof(before));
        Argument.NotNull(after, nameof(after));
        var moved = new List<Factor>();
        foreach (var factor in after.Factors)
        {
            var previous = Find(before.Factors, factor.Code);
            var delta = factor.Contribution - (previous?.Contribution ?? 0m);
            if (delta == 0m)
            {
                continue;
            }

            var was = previous is null ? " (new)" : previous.Count != factor.Count ? " (was " + previous.Facts + ")" : string.Empty;
            moved.Add(new Factor(factor.Code, delta, factor.Count, factor.Facts + was));
        }

        foreach (var factor in before.Factors)
        {
            if (Find(after.Factors, factor.Code) is null && factor.Contribution != 0m)
            {
                moved.Add(new Factor(factor.Code, -factor.Contribution, 0, "no longer: " + factor.Facts));
            }
        }

        var summary = ExplanationText.Summarise(moved);
        return new ScoreChange
        {
            Score = after.Score,
            Before = before.Value,
            After = after.Value,
            FactorChanges = moved,
            Text = Word(after.Score) + " " + (after.Value.HasValue && before.Value.HasValue ? ExplanationText.FormatPoints(after.Value.Value - before.Value.Value) + " " : string.Empty)
                + "(" + Shown(before.Value) + " to " + Shown(after.Value) + "): " + summary,
        };
    }

    private static Factor? Find(IReadOnlyList<Factor> factors, string code)
    {
        for (var i = 0; i < factors.Count; i++)
        {
            if (string.Equals(factors[i].Code, code, StringComparison.Ordinal))
            {
                return factors[i];
            }
        }

        return null;
    }

    private static string Word(ScoreKind score) => Outcomes.Word(score);

    private static string Shown(decimal? value) => value.HasValue ? ExplanationText.Number(value.Value) : "unknown";
}
