using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>How well one predictor did: Spearman against next won value and next win rate, AUC for the churn outcome and for the size outcome.</summary>
public sealed record PredictorResult
{
    public required string Name { get; init; }

    /// <summary>A naive baseline (not an engine score).</summary>
    public required bool IsBaseline { get; init; }

    /// <summary>Account observations with a known value.</summary>
    public required int Known { get; init; }

    /// <summary>Account observations the predictor left unknown (excluded from every metric, never read as 0).</summary>
    public required int Unknown { get; init; }

    /// <summary>Spearman ρ with the value won over the horizon.</summary>
    public required Estimate NextWonValue { get; init; }

    /// <summary>Spearman ρ with the win rate over the horizon (accounts that closed a deal in it).</summary>
    public required Estimate NextWinRate { get; init; }

    /// <summary>ROC AUC for the churn outcome, the predictor oriented so that higher means riskier.</summary>
    public required Estimate ChurnAuc { get; init; }

    /// <summary>ROC AUC for the secondary, size outcome (next won value in the bottom quartile, or quiet), oriented the same way.</summary>
    public required Estimate BottomQuartileAuc { get; init; }
}

/// <summary>The metrics of every <see cref="Predictor"/> on a set of account observations.</summary>
public static class BacktestMetrics
{
    /// <summary>Measures each predictor on <paramref name="observations"/>; bootstrap clusters are accounts.</summary>
    public static IReadOnlyList<PredictorResult> Measure(IReadOnlyList<AccountObservation> observations, IReadOnlyList<Predictor> predictors, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(predictors);
        var results = new List<PredictorResult>(predictors.Count);
        foreach (Predictor predictor in predictors)
        {
            AccountObservation[] known = observations.Where(o => predictor.Value(o) is not null).ToArray();
            double[] x = known.Select(o => predictor.Value(o)!.Value).ToArray();
            int[][] clusters = known.Select((o, i) => (o.AccountId, i)).GroupBy(p => p.AccountId).Select(g => g.Select(p => p.i).ToArray()).ToArray();
            results.Add(new PredictorResult
            {
                Name = predictor.Name,
                IsBaseline = predictor.IsBaseline,
                Known = known.Length,
                Unknown = observations.Count - known.Length,
                NextWonValue = Bootstrap.Interval(clusters, rows => RankStatistics.Spearman(Pick(x, rows), rows.Select(r => (double)known[r].NextWonValue).ToArray()), resamples, seed),
                NextWinRate = Bootstrap.Interval(
                    clusters.Select(c => c.Where(r => known[r].NextWinRate is not null).ToArray()).Where(c => c.Length > 0).ToArray(),
                    rows => RankStatistics.Spearman(Pick(x, rows), rows.Select(r => known[r].NextWinRate!.Value).ToArray()),
                    resamples,
                    seed),
                ChurnAuc = Bootstrap.Interval(clusters, rows => Auc(predictor, x, rows, rows.Select(r => known[r].Churned)), resamples, seed),
                BottomQuartileAuc = Bootstrap.Interval(clusters, rows => Auc(predictor, x, rows, rows.Select(r => known[r].InBottomQuartile)), resamples, seed),
            });
        }

        return results;
    }

    private static double? Auc(Predictor predictor, double[] x, IReadOnlyList<int> rows, IEnumerable<bool> outcome) =>
        RankStatistics.Auc(rows.Select(r => predictor.HigherMeansRisk ? x[r] : -x[r]).ToArray(), outcome.ToArray());

    private static double[] Pick(double[] values, IReadOnlyList<int> rows) => rows.Select(r => values[r]).ToArray();
}
