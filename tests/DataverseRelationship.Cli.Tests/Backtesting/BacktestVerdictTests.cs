using System;
using DataverseRelationship.Cli.Backtesting;

namespace DataverseRelationship.Cli.Tests.Backtesting;

/// <summary>The verdict line of <c>dvrel backtest</c> and the report: churn risk's AUC at the latest date against the best baseline's.</summary>
public class BacktestVerdictTests
{
    private static PredictorResult Result(string name, bool baseline, double? auc) => new()
    {
        Name = name,
        IsBaseline = baseline,
        Known = 36,
        Unknown = 0,
        NextWonValue = Estimate.None(36),
        NextWinRate = Estimate.None(36),
        ChurnAuc = new Estimate(auc, null, null, 36),
        BottomQuartileAuc = Estimate.None(36),
    };

    private static string Verdict(double churnRisk, double wonValueChange, double previousWonValue = 0.6) =>
        BacktestRenderer.Verdict(new BacktestDateResult(new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc), 36, 4, 0, 9, 0m,
        [
            Result(Predictor.ChurnRisk.Name, baseline: false, churnRisk),
            Result("Previous won value", baseline: true, previousWonValue),
            Result("Won value change", baseline: true, wonValueChange),
        ]));

    [Fact]
    public void Two_AUCs_that_round_alike_are_printed_with_the_digits_that_tell_them_apart()
    {
        Assert.Equal(
            "At 2025-04-01 churn risk (AUC 0.797) does NOT beat every naive baseline; the best baseline is won value change (AUC 0.805).",
            Verdict(102 / 128.0, 103 / 128.0));
    }

    [Fact]
    public void An_AUC_equal_to_the_best_baseline_is_a_tie_not_a_win()
    {
        Assert.Equal(
            "At 2025-04-01 churn risk (AUC 0.80) ties the best naive baseline, so does NOT beat every one; the best baseline is won value change (AUC 0.80).",
            Verdict(103 / 128.0, 103 / 128.0));
    }

    [Fact]
    public void Churn_risk_above_every_baseline_beats_them_with_two_digits_when_two_tell_them_apart()
    {
        Assert.Equal(
            "At 2025-04-01 churn risk (AUC 0.88) beats every naive baseline; the best baseline is won value change (AUC 0.82).",
            Verdict(0.8833, 0.8203));
    }
}
