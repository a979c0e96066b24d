using System;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// What churn means for the backtest: the account's business falling away relative to its own past. An account
/// churned over the horizon when it went quiet (no deal created and none won, or the account was deleted), or when
/// it won something in the period of the horizon's length before the as-of date and, over the horizon, won less than
/// <see cref="BacktestOptions.ChurnBelow"/> (default half) of that. An active account that won nothing in the previous
/// period had no business to lose: it is not churned (it is counted, in the retained class). A size outcome (bottom
/// quartile of next won value) would reward a predictor for spotting small accounts, which stay small; this one
/// rewards spotting decline, which is what churn risk claims to predict.
/// </summary>
public static class ChurnOutcome
{
    /// <summary>The default share of the previous period's won value below which the next period's counts as churn.</summary>
    public const decimal DefaultChurnBelow = 0.5m;

    /// <summary>Whether the account churned over the horizon.</summary>
    public static bool IsChurned(bool wentQuiet, decimal previousWonValue, decimal nextWonValue, decimal churnBelow)
    {
        if (churnBelow is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(churnBelow), churnBelow, "The share must be above 0 and at most 1.");
        }

        return wentQuiet || (previousWonValue > 0m && nextWonValue < churnBelow * previousWonValue);
    }

    /// <summary>The outcome in words, for the tables' notes and the JSON.</summary>
    public static string Describe(decimal churnBelow) => FormattableString.Invariant(
        $"went quiet (no deal created and none won over the horizon, or the account was deleted), or won something in the period of the horizon's length before the as-of date and less than {churnBelow:0.##} times that over the horizon; an active account that won nothing before had nothing to lose and is not churned");
}
