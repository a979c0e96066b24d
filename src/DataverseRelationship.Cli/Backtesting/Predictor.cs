using System;
using System.Collections.Generic;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// A number known at the as-of date that may predict what happens next: one of the engine's scores (null when the
/// engine left it unknown) or a naive baseline from the same history. <see cref="HigherMeansRisk"/> orients it for
/// the churn AUC (health is read as 100 − health).
/// </summary>
public sealed record Predictor(string Name, Func<AccountObservation, double?> Value, bool HigherMeansRisk, bool IsBaseline)
{
    /// <summary>The engine's churn risk.</summary>
    public static readonly Predictor ChurnRisk = new("Churn risk", o => (double?)o.Assessment.ChurnRisk, HigherMeansRisk: true, IsBaseline: false);

    /// <summary>The scores and baselines every backtest reports, the engine's first.</summary>
    public static IReadOnlyList<Predictor> All { get; } =
    [
        ChurnRisk,
        new("Health", o => (double?)o.Assessment.Health, false, false),
        new("Loyalty", o => (double?)o.Assessment.Loyalty, false, false),
        new("Engagement", o => (double?)o.Assessment.Engagement, false, false),
        new("Previous won value", o => (double)o.PreviousWonValue, false, true),
        new("Previous win rate", o => o.PreviousWinRate, false, true),
        new("Previous deal count", o => o.PreviousDealCount, false, true),
        new("Won value change", o => o.WonValueChange, false, true),
    ];
}
