using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Mapping;

/// <summary>
/// Choice values (Schema/Choices.cs) to and from the engine's enumerations. Multi-select columns map to the engine's
/// flag enumerations; a value the engine does not know is rejected with a message naming the column.
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
        _ => (int)HealthBandChoice.Poor,
    });

    public static OptionSetValue ToChoice(HealthTrend trend) => new OptionSetValue(trend switch
    {
        HealthTrend.Improving => (int)HealthTrendChoice.Improving,
        HealthTrend.Declining => (int)HealthTrendChoice.Declining,
        _ => (int)HealthTrendChoice.Steady,
    });

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
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "A blocked deal has no stored verdict."),
    });

    public static OptionSetValue ToChoice(TierChangeKind kind) => new OptionSetValue(kind switch
    {
        TierChangeKind.Manual => (int)TierChangeKindChoice.Manual,
        TierChangeKind.OverrideExpired => (int)TierChangeKindChoice.OverrideExpired,
        _ => (int)TierChangeKindChoice.Automatic,
    });

    /// <summary>dvr_concessions values as the engine's flags.</summary>
    public static Concessions ToConcessions(IReadOnlyList<int> choices, string column) => ToFlags(choices, ConcessionChoices, ConcessionFlags, column);

    /// <summary>dvr_commitments values as the engine's flags.</summary>
    public static Commitments ToCommitments(IReadOnlyList<int> choices, string column) => ToFlags(choices, CommitmentChoices, CommitmentFlags, column);

    /// <summary>dvr_procurementtactics values as the engine's flags.</summary>
    public static ProcurementTactics ToTactics(IReadOnlyList<int> choices, string column) => ToFlags(choices, TacticChoices, TacticFlags, column);

    /// <summary>Procurement tactic flags as a multi-select value (in choice order); null when there are none.</summary>
    public static OptionSetValueCollection? ToChoices(ProcurementTactics tactics)
    {
        OptionSetValueCollection? values = null;
        for (var i = 0; i < TacticFlags.Length; i++)
        {
            if ((tactics & TacticFlags[i]) != 0)
            {
                values ??= new OptionSetValueCollection();
                values.Add(new OptionSetValue(TacticChoices[i]));
            }
        }

        return values;
    }

    /// <summary>Opportunity statecode as the engine's deal state.</summary>
    public static DealState ToDealState(int? statecode) => statecode switch
    {
        (int)OpportunityState.Won => DealState.Won,
        (int)OpportunityState.Lost => DealState.Lost,
        _ => DealState.Open,
    };

    private static TFlag ToFlags<TFlag>(IReadOnlyList<int> choices, int[] choiceValues, TFlag[] flags, string column)
        where TFlag : struct, Enum
    {
        var result = 0;
        foreach (var choice in choices)
        {
            var found = false;
            for (var i = 0; i < choiceValues.Length; i++)
            {
                if (choiceValues[i] == choice)
                {
                    result |= Convert.ToInt32(flags[i], System.Globalization.CultureInfo.InvariantCulture);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                throw Unknown(column, choice);
            }
        }

        return (TFlag)Enum.ToObject(typeof(TFlag), result);
    }

    private static InvalidPluginExecutionException Unknown(string column, int value) =>
        new InvalidPluginExecutionException(
            "The column " + column + " holds the value " + value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ", which the relationship rules do not know. Choose one of the solution's options.");
}
