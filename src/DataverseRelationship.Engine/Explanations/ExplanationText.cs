using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Explanations;

/// <summary>Short text naming the few factors that moved a score or verdict most.</summary>
public static class ExplanationText
{
    /// <summary>How many factors a short explanation names.</summary>
    public const int FactorsNamed = 3;

    /// <summary>Signed whole points: "+8", "-12", "0"; fractions below one point show one decimal ("-0.4").</summary>
    public static string FormatPoints(decimal points)
    {
        var rounded = Math.Abs(points) >= 1m
            ? Math.Round(points, 0, MidpointRounding.AwayFromZero)
            : Math.Round(points, 1, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("0.#", CultureInfo.InvariantCulture);
        return rounded > 0m ? "+" + text : rounded < 0m ? "-" + text : "0";
    }

    /// <summary>
    /// A signed change to one decimal: "-1.6", "+12", "0". For the trend, whose margin (2 points by default) a
    /// whole-point rounding would blur: a fall of 1.6 reads "Steady -1.6", not "Steady -2".
    /// </summary>
    public static string FormatChange(decimal change)
    {
        var rounded = Math.Round(change, 1, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("0.#", CultureInfo.InvariantCulture);
        return rounded > 0m ? "+" + text : rounded < 0m ? "-" + text : "0";
    }

    /// <summary>
    /// The factors that moved a score most (largest first, at most <see cref="FactorsNamed"/>; the largest negative
    /// one is always among them), then what is unknown. A score without a value names only what is missing.
    /// </summary>
    public static string Summarise(IReadOnlyList<Factor> factors, bool known = true)
    {
        Argument.NotNull(factors, nameof(factors));
        var chosen = new List<Factor>(factors.Count);
        var missing = new List<Factor>();
        Factor? mostNegative = null;
        for (var i = 0; i < factors.Count; i++)
        {
            var factor = factors[i];
            if (factor.IsMissingEvidence)
            {
                missing.Add(factor);
                continue;
            }

            if (Math.Abs(factor.Contribution) < 0.05m)
            {
                // Rounds to "0" points: it did not move the score.
                continue;
            }

            chosen.Add(factor);
            if (factor.Contribution < 0m && (mostNegative == null || factor.Contribution < mostNegative.Contribution))
            {
                mostNegative = factor;
            }
        }

        // Largest magnitude first; ties by reason code so the text is deterministic.
        chosen.Sort((a, b) =>
        {
            var byMagnitude = Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution));
            return byMagnitude != 0 ? byMagnitude : string.CompareOrdinal(a.Code, b.Code);
        });
        if (chosen.Count > FactorsNamed)
        {
            chosen.RemoveRange(FactorsNamed, chosen.Count - FactorsNamed);
        }

        if (mostNegative != null && !chosen.Contains(mostNegative))
        {
            chosen[chosen.Count - 1] = mostNegative;
        }

        var text = new StringBuilder();
        if (known)
        {
            foreach (var factor in chosen)
            {
                text.Append(text.Length == 0 ? string.Empty : "; ").Append(factor.ToString());
            }

            if (text.Length == 0)
            {
                text.Append("at the ideal: nothing recorded lowered it");
            }
        }

        for (var i = 0; i < missing.Count; i++)
        {
            // "unknown: a; b; c" — the word once, before the first missing fact.
            text.Append(text.Length == 0 ? string.Empty : "; ").Append(i == 0 ? missing[i].ToString() : missing[i].Facts);
        }

        return text.Length == 0 ? "unknown: too little recorded evidence" : text.ToString();
    }

    /// <summary>A money amount with thousands separators and no decimals: "27,142".</summary>
    public static string Money(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>An exact amount of money with thousands separators and at most two decimals: "27,142.43", "50,000".</summary>
    public static string Amount(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A share as a whole percentage: "18%".</summary>
    public static string Percent(decimal share) => Math.Round(share * 100m, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"1 deal" / "3 deals".</summary>
    internal static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    internal static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
