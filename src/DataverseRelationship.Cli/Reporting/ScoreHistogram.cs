using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>A 0–100 score's distribution in ten bins of ten points (the last bin holds 90–100).</summary>
public sealed record ScoreHistogram(string Score, IReadOnlyList<int> Bins)
{
    public const int BinCount = 10;

    /// <summary>The histograms renderers show: health, then the five scores.</summary>
    public static IReadOnlyList<ScoreHistogram> For(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            Of("Health", report.Accounts.Select(a => a.HealthScore)),
            Of("Reciprocity", report.Accounts.Select(a => a.Scores?.Reciprocity)),
            Of("Autonomy", report.Accounts.Select(a => a.Scores?.Autonomy)),
            Of("Integrity", report.Accounts.Select(a => a.Scores?.Integrity)),
            Of("Loyalty", report.Accounts.Select(a => a.Scores?.Loyalty)),
            Of("Fairness", report.Accounts.Select(a => a.Scores?.Fairness)),
        ];
    }

    public static ScoreHistogram Of(string score, IEnumerable<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bins = new int[BinCount];
        foreach (decimal v in values.Where(v => v is not null).Select(v => v!.Value))
        {
            int bin = (int)Math.Floor(Math.Clamp(v, 0m, 100m) / 10m);
            bins[Math.Min(bin, BinCount - 1)]++;
        }

        return new ScoreHistogram(score, bins);
    }

    /// <summary>How many accounts have the score.</summary>
    public int Total => Bins.Sum();
}
