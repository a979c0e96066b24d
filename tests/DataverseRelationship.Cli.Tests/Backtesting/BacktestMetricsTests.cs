using System;
using System.Linq;
using DataverseRelationship.Cli.Backtesting;

namespace DataverseRelationship.Cli.Tests.Backtesting;

public sealed class BacktestMetricsTests
{
    private static readonly DateTime AsOf = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Unknown_scores_are_left_out_and_counted_never_read_as_0()
    {
        // Churn risk orders the known accounts perfectly; the unknown ones all churned, so reading them as 0 risk
        // would pull the AUC down.
        AccountObservation[] rows =
        [
            .. Enumerable.Range(0, 10).Select(i => Observations.Of(i, AsOf, churnRisk: i < 3 ? 80m + i : 10m + i, churned: i < 3, nextWon: i)),
            .. Enumerable.Range(10, 4).Select(i => Observations.Of(i, AsOf, churnRisk: null, churned: true, nextWon: 0m)),
        ];

        PredictorResult churn = BacktestMetrics.Measure(rows, [Predictor.ChurnRisk], 0, 1).Single();

        Assert.Equal(10, churn.Known);
        Assert.Equal(4, churn.Unknown);
        Assert.Equal(1.0, churn.ChurnAuc.Value);
        Assert.Equal(10, churn.ChurnAuc.Count);
    }

    [Fact]
    public void A_score_that_rises_with_health_is_read_as_risk_when_low()
    {
        AccountObservation[] rows = Enumerable.Range(0, 12)
            .Select(i => Observations.Of(i, AsOf, churnRisk: 50m, churned: i < 4, nextWon: i * 1000m, health: 40m + (5m * i), previousWon: i * 900m))
            .ToArray();

        var results = BacktestMetrics.Measure(rows, Predictor.All, 0, 1).ToDictionary(r => r.Name);

        Assert.Equal(1.0, results["Health"].ChurnAuc.Value);
        Assert.Equal(1.0, results["Health"].NextWonValue.Value!.Value, 12);
        Assert.Equal(1.0, results["Previous won value"].ChurnAuc.Value);
        Assert.True(results["Previous won value"].IsBaseline);
        Assert.Equal(0.5, results["Churn risk"].ChurnAuc.Value);
    }

    [Fact]
    public void The_bottom_quartile_AUC_is_measured_on_its_own_outcome_beside_the_churn_AUC()
    {
        // Churn risk orders the churned accounts first, but the small accounts (the size outcome) are others.
        AccountObservation[] rows = Enumerable.Range(0, 12)
            .Select(i => Observations.Of(i, AsOf, churnRisk: 100m - i, churned: i < 4, nextWon: i * 1000m, inBottomQuartile: i >= 9))
            .ToArray();

        PredictorResult churn = BacktestMetrics.Measure(rows, [Predictor.ChurnRisk], 0, 1).Single();

        Assert.Equal(1.0, churn.ChurnAuc.Value);
        Assert.Equal(0.0, churn.BottomQuartileAuc.Value);
    }

    [Fact]
    public void A_fall_in_won_value_is_read_as_risk_and_no_won_value_in_either_period_is_unknown()
    {
        AccountObservation[] rows =
        [
            .. Enumerable.Range(0, 8).Select(i => Observations.Of(i, AsOf, churnRisk: 50m, churned: i < 3, previousWon: 100m * (i + 1), earlierWon: 800m - (50m * i))),
            Observations.Of(8, AsOf, churnRisk: 50m, churned: true, previousWon: 0m, earlierWon: 0m),
        ];

        PredictorResult change = BacktestMetrics.Measure(rows, Predictor.All, 0, 1).Single(r => r.Name == "Won value change");

        Assert.True(change.IsBaseline);
        Assert.Equal(8, change.Known);
        Assert.Equal(1, change.Unknown);
        Assert.Equal(1.0, change.ChurnAuc.Value);
    }
}
