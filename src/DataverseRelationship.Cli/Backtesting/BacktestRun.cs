using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>What <c>dvrel backtest</c> is asked to do.</summary>
public sealed record BacktestOptions
{
    /// <summary>Months after each as-of date over which outcomes are measured (also the baselines' period before it).</summary>
    public int HorizonMonths { get; init; } = 6;

    /// <summary>Months between default as-of dates.</summary>
    public int StepMonths { get; init; } = 3;

    /// <summary>As-of dates to use instead of the default rolling origins.</summary>
    public IReadOnlyList<DateTime> AsOf { get; init; } = [];

    /// <summary>Bootstrap resamples per interval (0: no intervals).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>The bootstrap generator's seed.</summary>
    public int Seed { get; init; } = 15;

    /// <summary>The churn outcome's share: winning less than this share of the previous period's won value is churn (<see cref="ChurnOutcome"/>).</summary>
    public decimal ChurnBelow { get; init; } = ChurnOutcome.DefaultChurnBelow;

    /// <summary>The data set is read only up to this instant (preview's --as-of); null: to its last event.</summary>
    public DateTime? Until { get; init; }
}

/// <summary>
/// The metrics at one as-of date: <paramref name="Churned"/> by <see cref="ChurnOutcome"/> (of which
/// <paramref name="WentQuiet"/> went quiet), <paramref name="InBottomQuartile"/> by the secondary size outcome.
/// </summary>
public sealed record BacktestDateResult(DateTime AsOf, DateTime HorizonEnd, int Accounts, int Churned, int WentQuiet, int InBottomQuartile, decimal BottomQuartileThreshold, IReadOnlyList<PredictorResult> Results);

/// <summary>What <c>dvrel backtest</c> found: the metrics per as-of date and over all of them.</summary>
public sealed record BacktestReport
{
    public required string DataSet { get; init; }

    public required string PolicySource { get; init; }

    public required string PolicyVersion { get; init; }

    public required BacktestOptions Options { get; init; }

    /// <summary>One entry per as-of date, oldest first; the last is the latest (held-out) date.</summary>
    public required IReadOnlyList<BacktestDateResult> Dates { get; init; }

    /// <summary>Every as-of date's observations together (an account's rows resampled together).</summary>
    public required IReadOnlyList<PredictorResult> Pooled { get; init; }
}

/// <summary>Runs a backtest: picks the as-of dates, observes every account at each, measures every predictor.</summary>
public static class BacktestRun
{
    /// <summary>The as-of dates for <paramref name="options"/> on this data set (given ones checked, else rolling origins).</summary>
    public static IReadOnlyList<DateTime> AsOfDates(DataSet dataSet, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(options);
        (DateTime first, DateTime last) = DataSetMoment.Span(dataSet)
            ?? throw new Commands.BadInputException($"{dataSet.Source}: the data set has no rows to backtest.");
        if (options.Until is { } until && until < last)
        {
            last = until;
        }

        return options.AsOf.Count > 0
            ? BacktestCalendar.Given(options.AsOf, first, last, options.HorizonMonths)
            : BacktestCalendar.Default(first, last, options.HorizonMonths, options.StepMonths);
    }

    /// <summary>The backtest of <paramref name="dataSet"/> under <paramref name="policy"/>.</summary>
    public static BacktestReport Run(DataSet dataSet, RelationshipPolicy policy, string policySource, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<BacktestOrigin> origins = BacktestObservations.Observe(dataSet, AsOfDates(dataSet, options), options.HorizonMonths, policy, options.ChurnBelow);
        return Report(dataSet.Source, policy, policySource, options, origins);
    }

    /// <summary>The metrics of already observed origins.</summary>
    public static BacktestReport Report(string dataSet, RelationshipPolicy policy, string policySource, BacktestOptions options, IReadOnlyList<BacktestOrigin> origins)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(origins);
        var dates = origins
            .Select(o => new BacktestDateResult(
                o.AsOf, o.HorizonEnd, o.Accounts.Count, o.Accounts.Count(a => a.Churned), o.Accounts.Count(a => a.WentQuiet), o.Accounts.Count(a => a.InBottomQuartile), o.BottomQuartileThreshold,
                BacktestMetrics.Measure(o.Accounts, Predictor.All, options.Resamples, options.Seed)))
            .ToArray();
        AccountObservation[] all = origins.SelectMany(o => o.Accounts).ToArray();
        return new BacktestReport
        {
            DataSet = dataSet,
            PolicySource = policySource,
            PolicyVersion = policy.Version,
            Options = options,
            Dates = dates,
            Pooled = BacktestMetrics.Measure(all, Predictor.All, options.Resamples, options.Seed),
        };
    }
}
