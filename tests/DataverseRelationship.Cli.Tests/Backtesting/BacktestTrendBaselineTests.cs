using System;
using System.Linq;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Tests.Backtesting;

public sealed class BacktestTrendBaselineTests
{
    [Fact]
    public void Each_account_s_trend_baseline_is_its_health_scored_one_trend_window_before_the_as_of_date()
    {
        var dataSet = SampleDataSet.Create();
        RelationshipPolicy policy = RelationshipPolicy.Default;
        DateTime asOf = new(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime baselineOn = asOf.AddDays(-policy.Health.TrendWindowDays);

        AccountObservation[] now = BacktestObservations.Observe(dataSet, [asOf], 6, policy).Single().Accounts.ToArray();
        var earlier = BacktestObservations.Observe(dataSet, [baselineOn], 6, policy).Single().Accounts.ToDictionary(o => o.AccountId);

        Assert.NotEmpty(earlier);
        foreach (AccountObservation o in now)
        {
            if (earlier.TryGetValue(o.AccountId, out AccountObservation? then))
            {
                Assert.Equal(baselineOn, o.Facts.TrendBaselineOn);
                Assert.Equal(then.Assessment.Health, o.Facts.TrendBaselineHealth);
            }
            else
            {
                // No deal by then: no snapshot the trend could read, so the baseline is unknown, not 0.
                Assert.Null(o.Facts.TrendBaselineOn);
                Assert.Null(o.Facts.TrendBaselineHealth);
            }
        }

        // The sample has an account whose first deal came after the baseline date (33 accounts then, 34 now).
        Assert.Contains(now, o => !earlier.ContainsKey(o.AccountId));
    }

    [Fact]
    public void With_the_baseline_the_backtest_measures_the_trend_and_the_health_decline_signal()
    {
        var dataSet = SampleDataSet.Create();
        DateTime asOf = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        AccountObservation[] observed = BacktestObservations.Observe(dataSet, [asOf], 6, RelationshipPolicy.Default).Single().Accounts.ToArray();
        AccountObservation[] both = observed.Where(o => o.Assessment.Health is not null && o.Facts.TrendBaselineHealth is not null).ToArray();

        Assert.NotEmpty(both);
        foreach (AccountObservation o in both)
        {
            Assert.NotNull(o.Assessment.HealthTrend);
            Assert.Equal(o.Assessment.Health - o.Facts.TrendBaselineHealth, o.Assessment.HealthTrendChange);
            decimal expected = Math.Min(1m, Math.Max(0m, -o.Assessment.HealthTrendChange!.Value) / RelationshipPolicy.Default.Churn.HealthDeclineFullAt);
            Assert.Equal(expected, Assert.Single(o.ChurnSignals, s => s.Code == ReasonCodes.HealthDecline).Value);
        }

        Assert.All(observed.Except(both), o => Assert.DoesNotContain(o.ChurnSignals, s => s.Code == ReasonCodes.HealthDecline));
    }
}
