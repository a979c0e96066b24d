using System;
using System.Linq;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Tests.Backtesting;

public sealed class ChurnCalibrationTests
{
    private static readonly double[] Planted = [2.0, -1.0, 1.5, 0.0, 0.5, 1.0, -2.0, 1.25];
    private const double PlantedIntercept = -1.0;

    [Fact]
    public void Calibration_recovers_planted_coefficients_on_generated_data()
    {
        var random = new Random(15);
        double[][] features = Enumerable.Range(0, 40_000).Select(_ => Planted.Select(_ => random.NextDouble()).ToArray()).ToArray();
        bool[] churned = features
            .Select(x => PlantedIntercept + x.Zip(Planted, (v, b) => v * b).Sum())
            .Select(z => random.NextDouble() < 1 / (1 + Math.Exp(-z)))
            .ToArray();

        (double intercept, double[] coefficients) = LogisticFit.Fit(features, churned, 0, new double[Planted.Length], penalty: 1);

        Assert.Equal(PlantedIntercept, intercept, 0.15);
        for (int i = 0; i < Planted.Length; i++)
        {
            Assert.True(Math.Abs(Planted[i] - coefficients[i]) < 0.15, $"coefficient {i}: planted {Planted[i]}, fitted {coefficients[i]:0.000}");
        }
    }

    [Fact]
    public void A_heavy_penalty_keeps_the_policy_coefficients()
    {
        var random = new Random(3);
        double[][] features = Enumerable.Range(0, 300).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        bool[] churned = features.Select(x => x[0] > 0.5).ToArray();

        (_, double[] coefficients) = LogisticFit.Fit(features, churned, 0, [2.5, 1.5], penalty: 1e7);

        Assert.Equal(2.5, coefficients[0], 0.01);
        Assert.Equal(1.5, coefficients[1], 0.01);
    }

    [Fact]
    public void Calibration_refuses_too_few_outcomes_and_says_how_many_are_needed()
    {
        DateTime first = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime heldOut = first.AddMonths(6);
        BacktestOrigin[] origins =
        [
            Observations.Origin(first, Enumerable.Range(0, 30).Select(i => Observations.Of(i, first, 40m, churned: i < 5)).ToArray()),
            Observations.Origin(heldOut, Enumerable.Range(0, 30).Select(i => Observations.Of(i, heldOut, 40m, churned: i < 10)).ToArray()),
        ];

        var refused = Assert.Throws<NotEnoughOutcomesException>(() => ChurnCalibration.Calibrate(origins, RelationshipPolicy.Default, 6, 1, 0, 1));

        // 8 coefficients (health decline included) and the intercept, 2 observations of each class per parameter.
        Assert.Equal(ChurnCoefficients.All.Count, Planted.Length);
        Assert.Equal(18, ChurnCalibration.NeededPerClass);
        Assert.Contains("8 coefficients and the intercept need at least 18 churned and 18 retained", refused.Message, StringComparison.Ordinal);
        Assert.Contains("it has 5 churned and 25 retained", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounts_whose_churn_risk_is_unknown_are_left_out_of_the_fit_not_counted_as_outcomes()
    {
        DateTime first = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime heldOut = first.AddMonths(6);
        BacktestOrigin[] origins =
        [
            Observations.Origin(first, Enumerable.Range(0, 60).Select(i => Observations.Of(i, first, i < 40 ? null : 40m, churned: i % 2 == 0)).ToArray()),
            Observations.Origin(heldOut, Enumerable.Range(0, 30).Select(i => Observations.Of(i, heldOut, 40m, churned: i < 10)).ToArray()),
        ];

        var refused = Assert.Throws<NotEnoughOutcomesException>(() => ChurnCalibration.Calibrate(origins, RelationshipPolicy.Default, 6, 1, 0, 1));

        Assert.Contains("it has 10 churned and 10 retained (40 with too few churn signals left out)", refused.Message, StringComparison.Ordinal);
    }
}

public sealed class ChurnSignalFeatureTests
{
    [Fact]
    public void The_fitted_features_with_the_policy_coefficients_give_the_engine_s_churn_risk_on_the_sample()
    {
        var dataSet = DataverseRelationship.Cli.Sample.SampleDataSet.Create();
        DateTime asOf = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        ChurnPolicy churn = RelationshipPolicy.Default.Churn;
        var known = BacktestObservations.Observe(dataSet, [asOf], 6, RelationshipPolicy.Default).Single().Accounts
            .Where(o => o.Assessment.ChurnRisk is not null)
            .ToArray();

        Assert.NotEmpty(known);
        foreach (AccountObservation o in known)
        {
            double z = (double)churn.Intercept + ChurnCalibration.Features(o).Zip(ChurnCoefficients.All, (x, c) => x * (double)c.Get(churn)).Sum();
            Assert.Equal((double)o.Assessment.ChurnRisk!.Value, 100 / (1 + Math.Exp(-z)), 0.006);
        }
    }
}
