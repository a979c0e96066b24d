using System;
using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Scoring;

/// <summary>
/// The additive evidence of one deal, or of all deals of one calendar month: plain sums (counts, values and
/// value-weighted rates) that can be added and subtracted exactly, so an account's ledger can take one deal out
/// and put its new version in without reading the others. Indices are the constants below.
/// </summary>
public sealed class DealSums
{
    // Counts and values of the deals themselves.
    public const int Deals = 0;
    public const int Won = 1;
    public const int Lost = 2;
    public const int WonValue = 3;
    public const int LostValue = 4;
    public const int MissingValue = 5;

    // The give/get ledger (value terms).
    public const int ExchangeDeals = 6;
    public const int ExchangeValue = 7;
    public const int Give = 8;
    public const int Get = 9;
    public const int UnreciprocatedDeals = 10;
    public const int JointInvestmentDeals = 11;
    public const int MissingExchange = 12;
    public const int MissingDiscount = 13;

    // Conduct of both sides (value units: value + 1 per deal, so a deal of unknown value still counts a little).
    public const int ConductDeals = 14;
    public const int ConductUnits = 15;
    public const int CustomerPenaltyUnits = 16;
    public const int SellerRiskUnits = 17;
    public const int CustomerDeals = 18;
    public const int CustomerUnits = 19;
    public const int GameDeals = 20;
    public const int GameUnits = 21;
    public const int SellerDeals = 22;
    public const int SellerUnits = 23;
    public const int SellerTermsPenaltyUnits = 24;
    public const int MissingConduct = 25;

    // Promises and payments.
    public const int PromiseDeals = 26;
    public const int PromiseUnits = 27;
    public const int PromiseKeptUnits = 28;
    public const int BrokenPromiseDeals = 29;
    public const int PaymentDeals = 30;
    public const int PaymentUnits = 31;
    public const int PaymentScoreUnits = 32;
    public const int LatePaymentDeals = 33;

    // Discount moments per size band (small, medium, large): count, sum, sum of squares.
    public const int DiscountCount = 34;
    public const int DiscountSum = 37;
    public const int DiscountSquares = 40;

    // Price fairness.
    public const int PricedDeals = 43;
    public const int PricedUnits = 44;
    public const int BelowFloorDeficitUnits = 45;
    public const int AboveCeilingDeficitUnits = 46;
    public const int BelowFloorDeals = 47;
    public const int AboveCeilingDeals = 48;
    public const int MissingMargin = 49;

    // Won margin (lifetime value) and one-sided outcomes (loyalty).
    public const int WonValueWithMargin = 50;
    public const int WonMarginValue = 51;
    public const int OutcomeEvidenceValue = 52;
    public const int OneSidedValue = 53;

    /// <summary>Customer-game counts per tactic bit (7 entries).</summary>
    public const int TacticCounts = 54;

    /// <summary>Seller-conduct counts per flag bit (3 entries).</summary>
    public const int SellerFlagCounts = 61;

    /// <summary>Number of sums.</summary>
    public const int Count = 64;

    /// <summary>Zero at the sums' fixed scale of six places (decimal keeps trailing zeros; equal sums must print alike).</summary>
    internal const decimal ZeroSum = 0.000000m;

    private const decimal Zero = ZeroSum;

    private readonly decimal[] _values = NewValues();

    public decimal this[int index]
    {
        get => _values[index];
        internal set => _values[index] = value;
    }

    /// <summary>True when every sum is zero (an empty month).</summary>
    public bool IsEmpty
    {
        get
        {
            foreach (var value in _values)
            {
                if (value != 0m)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Adds <paramref name="other"/> × <paramref name="factor"/> to these sums.</summary>
    public void Add(DealSums other, decimal factor)
    {
        Argument.NotNull(other, nameof(other));
        var theirs = other._values;
        if (factor == 1m)
        {
            for (var i = 0; i < Count; i++)
            {
                // One deal sets a few of the 64 sums; skipping zeros keeps a save's cost to those few.
                if (theirs[i] != 0m)
                {
                    _values[i] += theirs[i];
                }
            }

            return;
        }

        for (var i = 0; i < Count; i++)
        {
            if (theirs[i] != 0m)
            {
                _values[i] += theirs[i] * factor;
            }
        }
    }

    /// <summary>Sets every sum to zero (so one instance can hold one deal after another).</summary>
    internal void Clear()
    {
        for (var i = 0; i < Count; i++)
        {
            _values[i] = Zero;
        }
    }

    private static decimal[] NewValues()
    {
        var values = new decimal[Count];
        for (var i = 0; i < Count; i++)
        {
            values[i] = Zero;
        }

        return values;
    }

    /// <summary>
    /// Rounds every sum to six places and gives it exactly that scale, so equal sums are also written alike
    /// (decimal keeps trailing zeros: 1.0 and 1.000000 are equal but print differently).
    /// </summary>
    internal void RoundToSixPlaces()
    {
        for (var i = 0; i < Count; i++)
        {
            var value = _values[i];
            _values[i] = value == 0m ? Zero : Math.Round(value, 6, MidpointRounding.AwayFromZero) + Zero;
        }
    }


    /// <summary>Whether every sum equals the other's (exact decimal comparison).</summary>
    public bool SameAs(DealSums other)
    {
        Argument.NotNull(other, nameof(other));
        for (var i = 0; i < Count; i++)
        {
            if (_values[i] != other._values[i])
            {
                return false;
            }
        }

        return true;
    }
}
