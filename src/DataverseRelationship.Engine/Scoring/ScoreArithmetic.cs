using System;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>Turning fixed-point sums into decimal scores and contributions (deterministic, monotone, no NaN).</summary>
internal static class ScoreArithmetic
{
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
