using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// A 0–100 score's distribution in ten bins of ten points (the last bin holds 90–100). Unknown scores are not
/// binned (they are not 0 or 50): <see cref="Unknown"/> counts them.
/// </summary>
public sealed record ScoreHistogram(string Score, IReadOnlyList<int> Bins, int Unknown = 0)
{
    public const int BinCount = 10;

    /// <summary>The histograms renderers show: health, the five principles, then engagement.</summary>
    public static IReadOnlyList<ScoreHistogram> For(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            Of("Health", report.Accounts.Select(a => a.HealthScore)),
            Of("Reciprocity", report.Accounts.Select(a => a.Scores.Reciprocity)),
            Of("Autonomy", report.Accounts.Select(a => a.Scores.Autonomy)),
            Of("Integrity", report.Accounts.Select(a => a.Scores.Integrity)),
            Of("Loyalty", report.Accounts.Select(a => a.Scores.Loyalty)),
            Of("Fairness", report.Accounts.Select(a => a.Scores.Fairness)),
            Of("Engagement", report.Accounts.Select(a => a.Engagement)),
        ];
    }

    public static ScoreHistogram Of(string score, IEnumerable<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bins = new int[BinCount];
        int unknown = 0;
        foreach (decimal? value in values)
        {
            if (value is not { } v)
            {
                unknown++;
                continue;
            }

            int bin = (int)Math.Floor(Math.Clamp(v, 0m, 100m) / 10m);
            bins[Math.Min(bin, BinCount - 1)]++;
        }

        return new ScoreHistogram(score, bins, unknown);
    }

    /// <summary>How many accounts have the score (known).</summary>
    public int Total => Bins.Sum();

    /// <summary>"85 accounts" or "60 accounts, 25 unknown".</summary>
    public string Caption => Unknown == 0 ? $"{Total} accounts" : $"{Total} accounts, {Unknown} unknown";
}
