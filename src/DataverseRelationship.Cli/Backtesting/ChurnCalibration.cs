using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>Too few churned or retained account observations to fit the churn coefficients; says how many are needed.</summary>
public sealed class NotEnoughOutcomesException : Exception
{
    public NotEnoughOutcomesException()
        : this("Too few outcomes to fit the churn coefficients.")
    {
    }

    public NotEnoughOutcomesException(string message)
        : base(message)
    {
    }

    public NotEnoughOutcomesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>One policy coefficient before and after the fit.</summary>
public sealed record FittedCoefficient(string Field, decimal Before, decimal After);

/// <summary>What <c>dvrel calibrate</c> found and the policy it fitted.</summary>
public sealed record CalibrationResult
{
    /// <summary>The prior policy with the fitted churn intercept and coefficients (and a new version).</summary>
    public required RelationshipPolicy Fitted { get; init; }

    public required IReadOnlyList<FittedCoefficient> Coefficients { get; init; }

    /// <summary>The as-of dates fitted on: their horizons end by the held-out date, so no outcome is seen twice.</summary>
    public required IReadOnlyList<DateTime> TrainingDates { get; init; }

    public required int TrainingObservations { get; init; }

    public required int TrainingChurned { get; init; }

    /// <summary>The held-out as-of date (the latest): scored before and after, never fitted on.</summary>
    public required DateTime HeldOutDate { get; init; }

    public required int HeldOutObservations { get; init; }

    public required int HeldOutChurned { get; init; }

    /// <summary>Accounts left out because the engine's churn risk was unknown (too few signals), over all dates.</summary>
    public required int Unknown { get; init; }

    public required Estimate HeldOutAucBefore { get; init; }

    public required Estimate HeldOutAucAfter { get; init; }

    public required double? TrainingAucBefore { get; init; }

    public required double? TrainingAucAfter { get; init; }
}

/// <summary>
/// Fits the churn-risk intercept and coefficients to the data set's own outcomes: the churn outcome of
/// <see cref="BacktestObservations"/> at every as-of date whose horizon ends by the latest one (the training
/// period), regularised towards the policy's current coefficients, then compares churn risk before and after on the
/// latest as-of date (the held-out period) by re-scoring its accounts with the engine under the fitted policy.
/// </summary>
public static class ChurnCalibration
{
    /// <summary>Churned and retained training observations needed per fitted parameter (the intercept and each coefficient).</summary>
    public const int OutcomesPerParameter = 2;

    /// <summary>Churned and retained held-out observations needed for a held-out AUC.</summary>
    public const int MinimumHeldOutPerClass = 5;

    /// <summary>Observations of each class the training period needs.</summary>
    public static int NeededPerClass => OutcomesPerParameter * (ChurnCoefficients.All.Count + 1);

    /// <summary>Fits; throws <see cref="NotEnoughOutcomesException"/> when either period has too few outcomes of a kind.</summary>
    public static CalibrationResult Calibrate(IReadOnlyList<BacktestOrigin> origins, RelationshipPolicy prior, int horizonMonths, double penalty, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(prior);
        if (origins.Count < 2)
        {
            throw new NotEnoughOutcomesException(string.Create(CultureInfo.InvariantCulture,
                $"calibrate needs at least two as-of dates (one to fit on, a later one held out); the data set gives {origins.Count}. Use a shorter --horizon or --step, or more data."));
        }

        BacktestOrigin heldOut = origins[^1];
        BacktestOrigin[] training = origins.Where(o => o.AsOf.AddMonths(horizonMonths) <= heldOut.AsOf).ToArray();
        AccountObservation[] train = training.SelectMany(o => o.Accounts).Where(Known).ToArray();
        AccountObservation[] test = heldOut.Accounts.Where(Known).ToArray();
        int unknown = training.Concat([heldOut]).Sum(o => o.Accounts.Count(a => !Known(a)));
        int trainChurned = train.Count(o => o.Churned);
        int testChurned = test.Count(o => o.Churned);
        int needed = NeededPerClass;
        if (Math.Min(trainChurned, train.Length - trainChurned) < needed)
        {
            throw new NotEnoughOutcomesException(string.Create(CultureInfo.InvariantCulture,
                $"too few outcomes to fit the churn coefficients: {ChurnCoefficients.All.Count} coefficients and the intercept need at least {needed} churned and {needed} retained account observations with a known churn risk in the training period ({string.Join(", ", training.Select(o => o.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}); it has {trainChurned} churned and {train.Length - trainChurned} retained ({unknown} with too few churn signals left out)."));
        }

        if (Math.Min(testChurned, test.Length - testChurned) < MinimumHeldOutPerClass)
        {
            throw new NotEnoughOutcomesException(string.Create(CultureInfo.InvariantCulture,
                $"too few outcomes to judge the fit: the held-out as-of date {heldOut.AsOf:yyyy-MM-dd} needs at least {MinimumHeldOutPerClass} churned and {MinimumHeldOutPerClass} retained accounts with a known churn risk; it has {testChurned} churned and {test.Length - testChurned} retained."));
        }

        ChurnPolicy before = prior.Churn;
        double[] priorCoefficients = ChurnCoefficients.All.Select(c => (double)c.Get(before)).ToArray();
        (double intercept, double[] coefficients) = LogisticFit.Fit(
            train.Select(Features).ToArray(), train.Select(o => o.Churned).ToArray(), (double)before.Intercept, priorCoefficients, penalty);

        ChurnPolicy churn = before with { Intercept = Coefficient(intercept) };
        for (int i = 0; i < coefficients.Length; i++)
        {
            churn = ChurnCoefficients.All[i].Set(churn, Coefficient(coefficients[i]));
        }

        string version = string.Create(CultureInfo.InvariantCulture, $"{prior.Version}+churn-fit-{heldOut.AsOf:yyyyMMdd}");
        RelationshipPolicy fitted = prior with { Version = version.Length <= 100 ? version : version[..100], Churn = churn };
        fitted.Validate();

        var fittedCoefficients = new List<FittedCoefficient> { new(ChurnCoefficients.InterceptField, before.Intercept, churn.Intercept) };
        fittedCoefficients.AddRange(ChurnCoefficients.All.Select(c => new FittedCoefficient(c.Field, c.Get(before), c.Get(churn))));
        return new CalibrationResult
        {
            Fitted = fitted,
            Coefficients = fittedCoefficients,
            TrainingDates = training.Select(o => o.AsOf).ToArray(),
            TrainingObservations = train.Length,
            TrainingChurned = trainChurned,
            HeldOutDate = heldOut.AsOf,
            HeldOutObservations = test.Length,
            HeldOutChurned = testChurned,
            Unknown = unknown,
            HeldOutAucBefore = Auc(test, o => (double)o.Assessment.ChurnRisk!.Value, resamples, seed),
            HeldOutAucAfter = Auc(test, o => Rescored(o, fitted), resamples, seed),
            TrainingAucBefore = RankStatistics.Auc(train.Select(o => (double)o.Assessment.ChurnRisk!.Value).ToArray(), train.Select(o => o.Churned).ToArray()),
            TrainingAucAfter = RankStatistics.Auc(train.Select(o => Rescored(o, fitted)).ToArray(), train.Select(o => o.Churned).ToArray()),
        };
    }

    /// <summary>The signal values in <see cref="ChurnCoefficients.All"/> order; an unknown signal is 0 (left out of z, as the engine does).</summary>
    public static double[] Features(AccountObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return ChurnCoefficients.All
            .Select(c => (double)(observation.ChurnSignals.FirstOrDefault(s => s.Code == c.Code)?.Value ?? 0m))
            .ToArray();
    }

    private static bool Known(AccountObservation o) => o.Assessment.ChurnRisk is not null;

    private static double Rescored(AccountObservation o, RelationshipPolicy policy) =>
        (double)(RelationshipEngine.AssessAccount(o.Facts, o.Deals, o.AsOf, policy).ChurnRisk
            ?? throw new InvalidOperationException($"Churn risk of {o.AccountName} became unknown under the fitted policy."));

    private static Estimate Auc(AccountObservation[] rows, Func<AccountObservation, double> risk, int resamples, int seed)
    {
        double[] x = rows.Select(risk).ToArray();
        int[][] clusters = Enumerable.Range(0, rows.Length).Select(i => new[] { i }).ToArray();
        return Bootstrap.Interval(clusters, r => RankStatistics.Auc(r.Select(i => x[i]).ToArray(), r.Select(i => rows[i].Churned).ToArray()), resamples, seed);
    }

    /// <summary>Rounded to 4 decimals and kept within the policy's range (±20).</summary>
    private static decimal Coefficient(double value) => Math.Round((decimal)Math.Clamp(value, -20.0, 20.0), 4, MidpointRounding.AwayFromZero);
}
