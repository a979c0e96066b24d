using System;
using System.Collections.Generic;

namespace DataverseRelationship.Engine.Model;

/// <summary>Commitment names as they appear in the policy document and in sales-rep messages.</summary>
public static class CommitmentNames
{
    /// <summary>Every defined commitment flag.</summary>
    public const Commitments Known = Commitments.Volume | Commitments.MultiYearTerm | Commitments.Prepayment
        | Commitments.ReferenceCase | Commitments.JointInvestment | Commitments.ForecastSharing;

    /// <summary>The policy names, for error messages.</summary>
    public const string All = "volume, multiYearTerm, prepayment, referenceCase, jointInvestment, forecastSharing";

    private static readonly Commitments[] Ordered =
    {
        Commitments.MultiYearTerm, Commitments.Volume, Commitments.Prepayment,
        Commitments.JointInvestment, Commitments.ReferenceCase, Commitments.ForecastSharing,
    };

    /// <summary>The single flags set in <paramref name="commitments"/>, in a fixed order.</summary>
    public static IEnumerable<Commitments> Each(Commitments commitments)
    {
        foreach (var flag in Ordered)
        {
            if ((commitments & flag) != 0)
            {
                yield return flag;
            }
        }
    }

    /// <summary>The policy (camelCase) name of one commitment flag.</summary>
    public static string NameOf(Commitments commitment) => commitment switch
    {
        Commitments.Volume => "volume",
        Commitments.MultiYearTerm => "multiYearTerm",
        Commitments.Prepayment => "prepayment",
        Commitments.ReferenceCase => "referenceCase",
        Commitments.JointInvestment => "jointInvestment",
        Commitments.ForecastSharing => "forecastSharing",
        _ => throw new ArgumentOutOfRangeException(nameof(commitment), commitment, "Not a single commitment."),
    };

    /// <summary>The words a sales rep reads, e.g. "multi-year term".</summary>
    public static string Describe(Commitments commitment) => commitment switch
    {
        Commitments.Volume => "volume",
        Commitments.MultiYearTerm => "multi-year term",
        Commitments.Prepayment => "prepayment",
        Commitments.ReferenceCase => "reference case",
        Commitments.JointInvestment => "joint investment",
        Commitments.ForecastSharing => "forecast sharing",
        _ => throw new ArgumentOutOfRangeException(nameof(commitment), commitment, "Not a single commitment."),
    };

    /// <summary>Parses a policy name (case-insensitive).</summary>
    public static bool TryParse(string name, out Commitments commitment)
    {
        foreach (var flag in Ordered)
        {
            if (string.Equals(NameOf(flag), name, StringComparison.OrdinalIgnoreCase))
            {
                commitment = flag;
                return true;
            }
        }

        commitment = Commitments.None;
        return false;
    }
}
