using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Mapping;

/// <summary>
/// Choice values (Schema/Choices.cs) to and from the engine's enumerations. Multi-select columns map to the engine's
/// nullable flag enumerations: an empty column is "not recorded" (null), the "None" value is recorded "none" (the
/// enumeration's None); a value the engine does not know is rejected with a message naming the column.
/// </summary>
public static class ChoiceMapping
{
    private static readonly int[] ConcessionChoices =
    {
        (int)ConcessionChoice.Discount,
        (int)ConcessionChoice.ExtendedPaymentTerms,
        (int)ConcessionChoice.FreeServices,
        (int)ConcessionChoice.AcceptedRisk,
        (int)ConcessionChoice.CustomWork,
    };

    private static readonly Concessions[] ConcessionFlags =
    {
        Concessions.Discount,
        Concessions.ExtendedPaymentTerms,
        Concessions.FreeServices,
        Concessions.AcceptedRisk,
        Concessions.CustomWork,
    };

    private static readonly int[] CommitmentChoices =
    {
        (int)CommitmentChoice.Volume,
        (int)CommitmentChoice.MultiYearTerm,
        (int)CommitmentChoice.Prepayment,
        (int)CommitmentChoice.ReferenceCase,
        (int)CommitmentChoice.JointInvestment,
        (int)CommitmentChoice.ForecastSharing,
    };

    private static readonly Commitments[] CommitmentFlags =
    {
        Commitments.Volume,
        Commitments.MultiYearTerm,
        Commitments.Prepayment,
        Commitments.ReferenceCase,
        Commitments.JointInvestment,
        Commitments.ForecastSharing,
    };

    private static readonly int[] TacticChoices =
    {
        (int)ProcurementTacticChoice.ReverseAuction,
        (int)ProcurementTacticChoice.PriceBenchmarkingDuringContract,
        (int)ProcurementTacticChoice.EarlyRenegotiation,
        (int)ProcurementTacticChoice.DiscountDemandedAfterAward,
        (int)ProcurementTacticChoice.PaymentWithholding,
        (int)ProcurementTacticChoice.UnilateralRiskTransfer,
        (int)ProcurementTacticChoice.OneSidedConcessionDemand,
    };

    private static readonly ProcurementTactics[] TacticFlags =
    {
        ProcurementTactics.ReverseAuction,
        ProcurementTactics.PriceBenchmarkingDuringContract,
        ProcurementTactics.EarlyRenegotiation,
        ProcurementTactics.DiscountDemandedAfterAward,
        ProcurementTactics.PaymentWithholding,
        ProcurementTactics.UnilateralRiskTransfer,
        ProcurementTactics.OneSidedConcessionDemand,
    };

    private static readonly int[] SellerConductChoices =
    {
        (int)SellerConductChoice.OverPromised,
        (int)SellerConductChoice.PriceChangedDuringContract,
        (int)SellerConductChoice.RiskShiftedToCustomer,
    };

    private static readonly SellerConduct[] SellerConductFlags =
    {
        SellerConduct.OverPromised,
        SellerConduct.PriceChangedDuringContract,
        SellerConduct.RiskShiftedToCustomer,
    };

    /// <summary>The dvr_relationshiptier value of an engine tier.</summary>
    public static OptionSetValue ToChoice(RelationshipTier tier) => new OptionSetValue(tier switch
    {
        RelationshipTier.StrategicPartner => (int)RelationshipTierChoice.StrategicPartner,
        RelationshipTier.Preferred => (int)RelationshipTierChoice.Preferred,
        _ => (int)RelationshipTierChoice.Transactional,
    });

    /// <summary>The engine tier of a dvr_relationshiptier value; null when empty.</summary>
    public static RelationshipTier? ToTier(int? choice, string column) => choice switch
    {
        null => null,
        (int)RelationshipTierChoice.Transactional => RelationshipTier.Transactional,
        (int)RelationshipTierChoice.Preferred => RelationshipTier.Preferred,
        (int)RelationshipTierChoice.StrategicPartner => RelationshipTier.StrategicPartner,
        _ => throw Unknown(column, choice.Value),
    };

    public static OptionSetValue ToChoice(HealthBand band) => new OptionSetValue(band switch
    {
        HealthBand.Good => (int)HealthBandChoice.Good,
        HealthBand.Fair => (int)HealthBandChoice.Fair,
        HealthBand.Poor => (int)HealthBandChoice.Poor,
        HealthBand.InsufficientEvidence => (int)HealthBandChoice.InsufficientEvidence,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "The solution has no dvr_healthband value for this band."),
    });

    /// <summary>The dvr_healthtrend value; null (a blank column) when the trend is unknown.</summary>
    public static OptionSetValue? ToChoice(HealthTrend? trend) => trend switch
    {
        null => null,
        HealthTrend.Improving => new OptionSetValue((int)HealthTrendChoice.Improving),
        HealthTrend.Steady => new OptionSetValue((int)HealthTrendChoice.Steady),
        HealthTrend.Declining => new OptionSetValue((int)HealthTrendChoice.Declining),
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, "The solution has no dvr_healthtrend value for this trend."),
    };

    /// <summary>The engine trend of a dvr_healthtrend value; null when empty or unknown (the trend is then recomputed).</summary>
    public static HealthTrend? ToTrend(int? choice) => choice switch
    {
        (int)HealthTrendChoice.Improving => HealthTrend.Improving,
        (int)HealthTrendChoice.Steady => HealthTrend.Steady,
        (int)HealthTrendChoice.Declining => HealthTrend.Declining,
        _ => null,
    };

    public static OptionSetValue ToChoice(PriceBand band) => new OptionSetValue(band switch
    {
        PriceBand.BelowFloor => (int)PriceBandChoice.BelowFloor,
        PriceBand.AboveCeiling => (int)PriceBandChoice.AboveCeiling,
        _ => (int)PriceBandChoice.Fair,
    });

    /// <summary>The dvr_tierruleverdict value; Blocked has none (a blocked deal is never saved).</summary>
    public static OptionSetValue ToChoice(TierRuleVerdict verdict) => new OptionSetValue(verdict switch
    {
        TierRuleVerdict.WithinCap => (int)TierRuleVerdictChoice.WithinCap,
        TierRuleVerdict.Reciprocated => (int)TierRuleVerdictChoice.Reciprocated,
        TierRuleVerdict.Warned => (int)TierRuleVerdictChoice.Warned,
        TierRuleVerdict.NotAssessed => (int)TierRuleVerdictChoice.NotAssessed,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "A blocked deal has no stored verdict."),
    });

    public static OptionSetValue ToChoice(TierChangeKind kind) => new OptionSetValue(kind switch
    {
        TierChangeKind.Manual => (int)TierChangeKindChoice.Manual,
        TierChangeKind.OverrideExpired => (int)TierChangeKindChoice.OverrideExpired,
        _ => (int)TierChangeKindChoice.Automatic,
    });

    /// <summary>dvr_concessions values as the engine's flags: null when empty (not recorded), None when "None" is chosen.</summary>
    public static Concessions? ToConcessions(IReadOnlyList<int> choices, string column) =>
        ToFlags(choices, (int)ConcessionChoice.None, ConcessionChoices, ConcessionFlags, column);

    /// <summary>dvr_commitments values as the engine's flags: null when empty (not recorded), None when "None" is chosen.</summary>
    public static Commitments? ToCommitments(IReadOnlyList<int> choices, string column) =>
        ToFlags(choices, (int)CommitmentChoice.None, CommitmentChoices, CommitmentFlags, column);

    /// <summary>dvr_procurementtactics values as the engine's flags: null when empty (not recorded), None when "None" is chosen.</summary>
    public static ProcurementTactics? ToTactics(IReadOnlyList<int> choices, string column) =>
        ToFlags(choices, (int)ProcurementTacticChoice.None, TacticChoices, TacticFlags, column);

    /// <summary>dvr_sellerconduct values as the engine's flags: null when empty (not recorded), None when "None" is chosen.</summary>
    public static SellerConduct? ToSellerConduct(IReadOnlyList<int> choices, string column) =>
        ToFlags(choices, (int)SellerConductChoice.None, SellerConductChoices, SellerConductFlags, column);

    /// <summary>Concession flags as a dvr_concession multi-select value: null when not recorded, the "None" value for None.</summary>
    public static OptionSetValueCollection? ToChoices(Concessions? concessions) =>
        ToChoices(concessions, (int)ConcessionChoice.None, ConcessionChoices, ConcessionFlags);

    /// <summary>Commitment flags as a dvr_commitment multi-select value: null when not recorded, the "None" value for None.</summary>
    public static OptionSetValueCollection? ToChoices(Commitments? commitments) =>
        ToChoices(commitments, (int)CommitmentChoice.None, CommitmentChoices, CommitmentFlags);

    /// <summary>Procurement tactic flags as a dvr_procurementtactic multi-select value (in choice order): null when not recorded, the "None" value for None.</summary>
    public static OptionSetValueCollection? ToChoices(ProcurementTactics? tactics) =>
        ToChoices(tactics, (int)ProcurementTacticChoice.None, TacticChoices, TacticFlags);

    /// <summary>Seller conduct flags as a dvr_sellerconduct multi-select value: null when not recorded, the "None" value for None.</summary>
    public static OptionSetValueCollection? ToChoices(SellerConduct? conduct) =>
        ToChoices(conduct, (int)SellerConductChoice.None, SellerConductChoices, SellerConductFlags);

    /// <summary>Opportunity statecode as the engine's deal state.</summary>
    public static DealState ToDealState(int? statecode) => statecode switch
    {
        (int)OpportunityState.Won => DealState.Won,
        (int)OpportunityState.Lost => DealState.Lost,
        _ => DealState.Open,
    };

    /// <summary>
    /// The flags of a multi-select value. Empty is "not recorded" (null); the None value alone is recorded "none";
    /// None together with another value contradicts itself and is rejected naming the column.
    /// </summary>
    private static TFlag? ToFlags<TFlag>(IReadOnlyList<int> choices, int noneChoice, int[] choiceValues, TFlag[] flags, string column)
        where TFlag : struct, Enum
    {
        if (choices.Count == 0)
        {
            return null;
        }

        var result = 0;
        var none = false;
        foreach (var choice in choices)
        {
            if (choice == noneChoice)
            {
                none = true;
                continue;
            }

            var index = Array.IndexOf(choiceValues, choice);
            if (index < 0)
            {
                throw Unknown(column, choice);
            }

            result |= Convert.ToInt32(flags[index], System.Globalization.CultureInfo.InvariantCulture);
        }

        if (none && result != 0)
        {
            throw new InvalidPluginExecutionException(
                "The column " + column + " holds \"None\" together with other values; choose either None or the values that apply.");
        }

        return (TFlag)Enum.ToObject(typeof(TFlag), result);
    }

    private static OptionSetValueCollection? ToChoices<TFlag>(TFlag? flags, int noneChoice, int[] choiceValues, TFlag[] flagValues)
        where TFlag : struct, Enum
    {
        if (!flags.HasValue)
        {
            return null;
        }

        var mask = Convert.ToInt32(flags.Value, System.Globalization.CultureInfo.InvariantCulture);
        var values = new OptionSetValueCollection();
        if (mask == 0)
        {
            values.Add(new OptionSetValue(noneChoice));
            return values;
        }

        for (var i = 0; i < flagValues.Length; i++)
        {
            if ((mask & Convert.ToInt32(flagValues[i], System.Globalization.CultureInfo.InvariantCulture)) != 0)
            {
                values.Add(new OptionSetValue(choiceValues[i]));
            }
        }

        return values;
    }

    private static InvalidPluginExecutionException Unknown(string column, int value) =>
        new InvalidPluginExecutionException(
            "The column " + column + " holds the value " + value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ", which the relationship rules do not know. Choose one of the solution's options.");
}
