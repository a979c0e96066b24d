using System;

namespace DataverseRelationship.Engine.Scoring
{
    /// <summary>Turning fixed-point sums into decimal scores and contributions (deterministic, monotone, no NaN).</summary>
    internal static class ScoreArithmetic
    {
        /// <summary>sum / (weight × ScoreUnit) as points; 0 when weight is 0.</summary>
        public static decimal Points(decimal sum, decimal weight) =>
            weight <= 0m ? 0m : sum / weight / ScoringParameters.ScoreUnit;

        public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

        public static decimal Clamp(decimal value, decimal min, decimal max) =>
            value < min ? min : value > max ? max : value;

        /// <summary>A 0–100 score rounded to 2 decimals.</summary>
        public static decimal Score(decimal value) => Round(Clamp(value, 0m, 100m));

        public static decimal FromDouble(double value)
        {
            if (double.IsNaN(value))
            {
                return 0m;
            }

            if (value > 1e15)
            {
                return 1000000000000000m;
            }

            return value < -1e15 ? -1000000000000000m : (decimal)value;
        }
    }
}
