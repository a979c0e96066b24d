using System;
using System.Linq;
using CsCheck;
using DataverseRelationship.Cli.Backtesting;

namespace DataverseRelationship.Cli.Tests.Backtesting;

public sealed class RankStatisticsTests
{
    [Fact]
    public void A_score_that_is_the_outcome_gives_an_AUC_of_1()
    {
        bool[] churned = [true, false, false, true, false, true, false, false];
        double[] score = churned.Select(c => c ? 1.0 : 0.0).ToArray();

        Assert.Equal(1.0, RankStatistics.Auc(score, churned));
        Assert.Equal(0.0, RankStatistics.Auc(score.Select(s => -s).ToArray(), churned));
    }

    [Fact]
    public void A_random_score_gives_an_AUC_of_about_one_half()
    {
        var random = new Random(2026);
        double[] score = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()).ToArray();
        bool[] churned = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() < 0.25).ToArray();

        double auc = RankStatistics.Auc(score, churned)!.Value;

        Assert.InRange(auc, 0.48, 0.52);
    }

    [Fact]
    public void A_score_that_ties_every_account_gives_one_half_and_one_class_gives_no_AUC()
    {
        Assert.Equal(0.5, RankStatistics.Auc([3, 3, 3, 3], [true, false, true, false]));
        Assert.Null(RankStatistics.Auc([1, 2, 3], [false, false, false]));
    }

    [Fact]
    public void The_AUC_is_the_share_of_churned_and_retained_pairs_ordered_right_with_ties_half()
    {
        Gen.Select(Gen.Int[0, 4].Array[2, 30], Gen.Bool.Array[2, 30]).Sample((scores, flags) =>
        {
            int n = Math.Min(scores.Length, flags.Length);
            double[] x = scores.Take(n).Select(s => (double)s).ToArray();
            bool[] y = flags.Take(n).ToArray();
            double pairs = 0, right = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (y[i] && !y[j])
                    {
                        pairs++;
                        right += x[i] > x[j] ? 1 : x[i] == x[j] ? 0.5 : 0;
                    }
                }
            }

            double? auc = RankStatistics.Auc(x, y);
            return pairs == 0 ? auc is null : Math.Abs(auc!.Value - (right / pairs)) < 1e-12;
        });
    }

    [Fact]
    public void Spearman_on_known_data_matches_the_textbook_values()
    {
        // Ranks 1..5 against 2,1,4,3,5: Σd² = 4, ρ = 1 − 6·4 / (5·24) = 0.8.
        Assert.Equal(0.8, RankStatistics.Spearman([10, 20, 30, 40, 50], [2, 1, 4, 3, 5])!.Value, 12);
        // Any increasing transform of the score keeps the order: ρ = 1; reversed: −1.
        double[] x = [1, 2, 3, 4, 5, 6];
        Assert.Equal(1.0, RankStatistics.Spearman(x, x.Select(v => v * v * v).ToArray())!.Value, 12);
        Assert.Equal(-1.0, RankStatistics.Spearman(x, x.Select(v => -Math.Exp(v)).ToArray())!.Value, 12);
        // Ties get average ranks: x ranks 1.5,1.5,3,4 against y 1,2,3,4.
        Assert.Equal(0.9486832980505138, RankStatistics.Spearman([1, 1, 2, 3], [1, 2, 3, 4])!.Value, 12);
    }

    [Fact]
    public void Spearman_is_unknown_for_fewer_than_three_pairs_or_a_constant_score()
    {
        Assert.Null(RankStatistics.Spearman([1, 2], [2, 1]));
        Assert.Null(RankStatistics.Spearman([5, 5, 5, 5], [1, 2, 3, 4]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bootstrap_interval_around_the_estimate()
    {
        var random = new Random(7);
        double[] x = Enumerable.Range(0, 60).Select(_ => random.NextDouble()).ToArray();
        double[] y = x.Select(v => v + random.NextDouble()).ToArray();
        int[][] clusters = Enumerable.Range(0, x.Length).Select(i => new[] { i }).ToArray();
        double? Rho(System.Collections.Generic.IReadOnlyList<int> rows) => RankStatistics.Spearman(rows.Select(r => x[r]).ToArray(), rows.Select(r => y[r]).ToArray());

        Estimate first = Bootstrap.Interval(clusters, Rho, 500, 42);
        Estimate again = Bootstrap.Interval(clusters, Rho, 500, 42);
        Estimate other = Bootstrap.Interval(clusters, Rho, 500, 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Low, other.Low);
        Assert.InRange(first.Value!.Value, first.Low!.Value, first.High!.Value);
        Assert.Equal(60, first.Count);
    }
}
