using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Explanations
{
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

        /// <summary>"-12: 2 deals with unreciprocated concessions; +8: 3 deals with reciprocated concessions" (largest moves first).</summary>
        public static string Summarise(IReadOnlyList<Factor> factors)
        {
            Argument.NotNull(factors, nameof(factors));
            var chosen = new List<Factor>(FactorsNamed);
            for (var i = 0; i < factors.Count; i++)
            {
                var factor = factors[i];
                if (Math.Abs(factor.Contribution) < 0.05m)
                {
                    // Rounds to "0" points: it did not move the score.
                    continue;
                }

                chosen.Add(factor);
            }

            // Largest magnitude first; ties by reason code so the text is deterministic.
            chosen.Sort((a, b) =>
            {
                var byMagnitude = Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution));
                return byMagnitude != 0 ? byMagnitude : string.CompareOrdinal(a.Code, b.Code);
            });

            if (chosen.Count == 0)
            {
                return "No factor moved the score.";
            }

            var text = new StringBuilder();
            for (var i = 0; i < chosen.Count && i < FactorsNamed; i++)
            {
                if (i > 0)
                {
                    text.Append("; ");
                }

                text.Append(chosen[i].ToString());
            }

            return text.ToString();
        }

        /// <summary>"1 deal" / "3 deals".</summary>
        internal static string Count(int count, string singular, string plural) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

        internal static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
