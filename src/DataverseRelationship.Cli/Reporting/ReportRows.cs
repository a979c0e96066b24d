using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// Reads the results model from Dataverse rows after a replay: an account's computed columns, its dvr_tierchange
/// rows, and the assessed opportunities (column names from Tables.cs).
/// </summary>
public static class ReportRows
{
    /// <summary>
    /// An account's result from its row, its tier change rows (any order; sorted by dvr_changedon) and its score
    /// snapshots (any order; sorted by dvr_takenon).
    /// </summary>
    public static AccountResult Account(Entity account, IEnumerable<Entity> tierChanges, IEnumerable<Entity>? snapshots = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(tierChanges);
        decimal?[] five =
        [
            Number(account, AccountTable.ReciprocityScore), Number(account, AccountTable.AutonomyScore), Number(account, AccountTable.IntegrityScore),
            Number(account, AccountTable.LoyaltyScore), Number(account, AccountTable.FairnessScore),
        ];
        return new AccountResult
        {
            AccountId = account.Id,
            Name = account.GetAttributeValue<string>(AccountTable.Name) ?? account.Id.ToString(),
            Tier = Choice<RelationshipTierChoice>(account, AccountTable.Tier) ?? RelationshipTierChoice.Transactional,
            EligibleTier = Choice<RelationshipTierChoice>(account, AccountTable.EligibleTier),
            HealthScore = Number(account, AccountTable.HealthScore),
            HealthBand = Choice<HealthBandChoice>(account, AccountTable.HealthBand),
            HealthTrend = Choice<HealthTrendChoice>(account, AccountTable.HealthTrend),
            Scores = new RelationshipScores(five[0], five[1], five[2], five[3], five[4]),
            Engagement = Number(account, AccountTable.EngagementScore),
            AtRisk = account.GetAttributeValue<bool?>(AccountTable.AtRisk),
            LifetimeValue = Number(account, AccountTable.LifetimeValue),
            ChurnRisk = Number(account, AccountTable.ChurnRisk),
            Confidence = Number(account, AccountTable.Confidence),
            KeyContactCount = account.GetAttributeValue<int?>(AccountTable.KeyContactCount),
            Explanation = account.GetAttributeValue<string>(AccountTable.ScoreExplanation) ?? string.Empty,
            Timeline = tierChanges.Select(TierChange).OrderBy(c => c.When).ToArray(),
            History = (snapshots ?? []).Select(ScorePoint).OrderBy(p => p.TakenOn).ToArray(),
        };
    }

    /// <summary>One dvr_scoresnapshot row as a point of the account's score history.</summary>
    public static ScorePoint ScorePoint(Entity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ScorePoint(
            row.GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn),
            Number(row, ScoreSnapshotTable.HealthScore),
            Choice<HealthBandChoice>(row, ScoreSnapshotTable.HealthBand),
            Number(row, ScoreSnapshotTable.ChurnRisk),
            Choice<RelationshipTierChoice>(row, ScoreSnapshotTable.Tier));
    }

    /// <summary>One dvr_tierchange row as a timeline entry.</summary>
    public static TierChange TierChange(Entity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new TierChange(
            row.GetAttributeValue<DateTime>(TierChangeTable.ChangedOn),
            Choice<RelationshipTierChoice>(row, TierChangeTable.FromTier),
            Choice<RelationshipTierChoice>(row, TierChangeTable.ToTier) ?? RelationshipTierChoice.Transactional,
            Choice<TierChangeKindChoice>(row, TierChangeTable.ChangeKind) ?? TierChangeKindChoice.Automatic,
            row.GetAttributeValue<string>(TierChangeTable.Reason) ?? string.Empty);
    }

    /// <summary>A column holding a decimal, money, whole number or float, as a decimal.</summary>
    public static decimal? Number(Entity row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Attributes.TryGetValue(column, out object? value) ? value switch
        {
            decimal d => d,
            Money m => m.Value,
            int i => i,
            double f => (decimal)f,
            _ => null,
        } : null;
    }

    private static T? Choice<T>(Entity row, string column)
        where T : struct, Enum
    {
        OptionSetValue? value = row.GetAttributeValue<OptionSetValue>(column);
        return value is not null && Enum.IsDefined(typeof(T), value.Value) ? (T)Enum.ToObject(typeof(T), value.Value) : null;
    }
}

/// <summary>Counts deal verdicts and customer games while a replay runs; blocked saves are counted from rejected events.</summary>
public sealed class DealTally
{
    private readonly Dictionary<ProcurementTacticChoice, long> _games = RunReport.GameChoices.ToDictionary(g => g, _ => 0L);
    private long _withinCap;
    private long _reciprocated;
    private long _warned;
    private long _blocked;
    private long _notAssessed;

    /// <summary>Counts an opportunity as the plugins left it (dvr_tierruleverdict, dvr_gameflags).</summary>
    public void Add(Entity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        switch ((TierRuleVerdictChoice?)opportunity.GetAttributeValue<OptionSetValue>(OpportunityTable.TierRuleVerdict)?.Value)
        {
            case TierRuleVerdictChoice.WithinCap:
                _withinCap++;
                break;
            case TierRuleVerdictChoice.Reciprocated:
                _reciprocated++;
                break;
            case TierRuleVerdictChoice.Warned:
                _warned++;
                break;
            case TierRuleVerdictChoice.NotAssessed:
            default:
                _notAssessed++;
                break;
        }

        foreach (OptionSetValue flag in opportunity.GetAttributeValue<OptionSetValueCollection>(OpportunityTable.GameFlags) ?? [])
        {
            if (Enum.IsDefined(typeof(ProcurementTacticChoice), flag.Value) && flag.Value != (int)ProcurementTacticChoice.None)
            {
                _games[(ProcurementTacticChoice)flag.Value]++;
            }
        }
    }

    /// <summary>Counts a deal whose save the tier rule blocked (the policy enforces).</summary>
    public void AddBlocked() => _blocked++;

    public DealVerdictCounts Verdicts => new(_withinCap, _reciprocated, _warned, _blocked, _notAssessed);

    public IReadOnlyDictionary<ProcurementTacticChoice, long> Games => new Dictionary<ProcurementTacticChoice, long>(_games);
}

/// <summary>Builds <see cref="RejectedEvent"/> entries from replayed events.</summary>
public static class RejectedEvents
{
    public static RejectedEvent From(DataSetEvent e, string message)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new RejectedEvent(e.At, e.Describe(), message);
    }
}
