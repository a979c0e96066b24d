using System;
using System.Collections.Generic;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Cli.Tests.Backtesting;

/// <summary>Account observations made up for metric tests (the engine's assessment carries only the scores given).</summary>
internal static class Observations
{
    public static AccountObservation Of(int account, DateTime asOf, decimal? churnRisk, bool churned, decimal nextWon = 0m, decimal? health = null, decimal previousWon = 0m, bool? inBottomQuartile = null, decimal earlierWon = 0m) => new()
    {
        AccountId = new Guid(account, 0, 0, new byte[8]),
        AccountName = "Account " + account,
        AsOf = asOf,
        Assessment = new AccountAssessment { AsOf = asOf, ChurnRisk = churnRisk, Health = health },
        ChurnSignals = Array.Empty<ChurnSignal>(),
        Facts = new AccountFacts { CreatedOn = asOf.AddYears(-1) },
        Deals = Array.Empty<OpportunityFacts?>(),
        PreviousWonValue = previousWon,
        EarlierWonValue = earlierWon,
        PreviousWinRate = null,
        PreviousDealCount = 1,
        NextWonValue = nextWon,
        NextWinRate = null,
        NextLostValue = 0m,
        WentQuiet = false,
        Churned = churned,
        InBottomQuartile = inBottomQuartile ?? churned,
    };

    public static BacktestOrigin Origin(DateTime asOf, IReadOnlyList<AccountObservation> accounts) => new(asOf, asOf.AddMonths(6), accounts);
}
