using System;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// The backtest as the preview report shows it: the results on the report's own data set, or why there are none
/// (the data set spans too little history for a score at a past date and the horizon after it).
/// </summary>
public sealed record BacktestSection
{
    /// <summary>The backtest; null when it was omitted.</summary>
    public BacktestReport? Report { get; init; }

    /// <summary>Why the backtest was omitted; null when it ran.</summary>
    public string? OmittedBecause { get; init; }

    /// <summary>
    /// Backtests <paramref name="dataSet"/> with the default options, reading it only up to <paramref name="until"/>
    /// (the replay's --as-of) when given; a data set too short for one as-of date gives the reason instead.
    /// </summary>
    public static BacktestSection For(DataSet dataSet, RelationshipPolicy policy, string policySource, DateTime? until)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(policy);
        var options = new BacktestOptions { Until = until };
        try
        {
            return new BacktestSection { Report = BacktestRun.Run(dataSet, policy, policySource, options) };
        }
        catch (BadInputException ex)
        {
            return new BacktestSection { OmittedBecause = ex.Message };
        }
    }
}
