using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>One churn signal's coefficient in the policy: its reason code, its field in the policy document, read and write.</summary>
public sealed record ChurnCoefficient(string Code, string Field, Func<ChurnPolicy, decimal> Get, Func<ChurnPolicy, decimal, ChurnPolicy> Set);

/// <summary>The policy's churn coefficients by the signal they weigh (the order the fit uses).</summary>
public static class ChurnCoefficients
{
    /// <summary>The policy field of the churn intercept.</summary>
    public const string InterceptField = "churn.intercept";

    /// <summary>Every churn signal the engine knows and the coefficient that weighs it.</summary>
    public static IReadOnlyList<ChurnCoefficient> All { get; } =
    [
        new(ReasonCodes.ValueDecline, "churn.valueDeclineCoefficient", p => p.ValueDeclineCoefficient, (p, v) => p with { ValueDeclineCoefficient = v }),
        new(ReasonCodes.LostBusiness, "churn.lostBusinessCoefficient", p => p.LostBusinessCoefficient, (p, v) => p with { LostBusinessCoefficient = v }),
        new(ReasonCodes.CustomerGames, "churn.gamesCoefficient", p => p.GamesCoefficient, (p, v) => p with { GamesCoefficient = v }),
        new(ReasonCodes.PaidLate, "churn.latePaymentCoefficient", p => p.LatePaymentCoefficient, (p, v) => p with { LatePaymentCoefficient = v }),
        new(ReasonCodes.UnreciprocatedConcessions, "churn.unreciprocatedCoefficient", p => p.UnreciprocatedCoefficient, (p, v) => p with { UnreciprocatedCoefficient = v }),
        new(ReasonCodes.NoSponsor, "churn.noSponsorCoefficient", p => p.NoSponsorCoefficient, (p, v) => p with { NoSponsorCoefficient = v }),
        new(ReasonCodes.Inactivity, "churn.inactivityCoefficient", p => p.InactivityCoefficient, (p, v) => p with { InactivityCoefficient = v }),
        new(ReasonCodes.HealthDecline, "churn.healthDeclineCoefficient", p => p.HealthDeclineCoefficient, (p, v) => p with { HealthDeclineCoefficient = v }),
    ];
}
