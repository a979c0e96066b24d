using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Statistics;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>A statistic with its bootstrap interval and the number of accounts it was computed on.</summary>
public sealed record Estimate(double? Value, double? Low, double? High, int Count)
{
    /// <summary>No value: too few known pairs or only one class.</summary>
    public static Estimate None(int count) => new(null, null, null, count);
}

/// <summary>
/// Percentile bootstrap intervals, resampling whole clusters (an account's rows at several as-of dates stay
/// together), with a seeded generator so the same run gives the same interval.
/// </summary>
public static class Bootstrap
{
    /// <summary>The central share of the resampled statistics the interval covers.</summary>
    public const double Coverage = 0.95;

    /// <summary>
    /// The statistic on all rows and its interval over <paramref name="resamples"/> resamples of the clusters; the
    /// interval is null when fewer than half of the resamples give a value (e.g. one class only).
    /// </summary>
    public static Estimate Interval(IReadOnlyList<int[]> clusters, Func<IReadOnlyList<int>, double?> statistic, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(statistic);
        int[] all = clusters.SelectMany(c => c).ToArray();
        double? value = statistic(all);
        if (value is null)
        {
            return Estimate.None(all.Length);
        }

        if (resamples <= 0 || clusters.Count == 0)
        {
            return new Estimate(value, null, null, all.Length);
        }

#pragma warning disable CA5394 // A seeded Random makes the interval reproducible; nothing here is security.
        var random = new Random(seed);
        var values = new List<double>(resamples);
        var rows = new List<int>(all.Length * 2);
        for (int r = 0; r < resamples; r++)
        {
            rows.Clear();
            for (int c = 0; c < clusters.Count; c++)
            {
                rows.AddRange(clusters[random.Next(clusters.Count)]);
            }

            if (statistic(rows) is { } v)
            {
                values.Add(v);
            }
        }
#pragma warning restore CA5394

        if (values.Count * 2 < resamples)
        {
            return new Estimate(value, null, null, all.Length);
        }

        double[] sorted = [.. values.Order()];
        double tail = (1 - Coverage) / 2;
        return new Estimate(value, SortedArrayStatistics.Quantile(sorted, tail), SortedArrayStatistics.Quantile(sorted, 1 - tail), all.Length);
    }
}
