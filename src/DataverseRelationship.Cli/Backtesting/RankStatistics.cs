using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Statistics;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>Rank measures of how well a score orders accounts by what happened next.</summary>
public static class RankStatistics
{
    /// <summary>Spearman's rank correlation (ties get average ranks); null for fewer than 3 pairs or a constant side.</summary>
    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Spearman needs pairs: {x.Count} scores against {y.Count} outcomes.", nameof(y));
        }

        if (x.Count < 3)
        {
            return null;
        }

        double rho = Correlation.Spearman(x, y);
        return double.IsNaN(rho) ? null : rho;
    }

    /// <summary>
    /// The area under the ROC curve of <paramref name="risk"/> for <paramref name="positive"/>: the chance that a
    /// random positive scores above a random negative (ties count half), by the Mann–Whitney U statistic on average
    /// ranks. Null unless both classes occur.
    /// </summary>
    public static double? Auc(IReadOnlyList<double> risk, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(positive);
        if (risk.Count != positive.Count)
        {
            throw new ArgumentException($"AUC needs pairs: {risk.Count} scores against {positive.Count} outcomes.", nameof(positive));
        }

        long positives = positive.Count(p => p);
        long negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        double[] ranks = Statistics.Ranks(risk, RankDefinition.Average);
        double positiveRankSum = 0;
        for (int i = 0; i < ranks.Length; i++)
        {
            if (positive[i])
            {
                positiveRankSum += ranks[i];
            }
        }

        double u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / (positives * (double)negatives);
    }
}
