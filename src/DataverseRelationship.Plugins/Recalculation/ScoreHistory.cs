using System;
using System.Collections.Generic;
using System.Globalization;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Recalculation;

/// <summary>
/// The score history the scheduled recalculation keeps: one dvr_scoresnapshot row per account per period (policy
/// history.periodDays; weekly periods start on Mondays), the trend baseline (the latest snapshot taken at least one
/// trend window ago) copied onto the account so that every save's trend costs no query, and snapshots older than the
/// retention deleted: each account's own when it takes its snapshot (from the baseline query), and a sweep of the rest
/// once per run. Saves never write history.
/// </summary>
public static class ScoreHistory
{
    /// <summary>The largest magnitude a decimal column holds (dvr_scoresnapshot.dvr_lifetimevalue is decimal, not money).</summary>
    public const decimal SnapshotValueLimit = 100000000000m;

    /// <summary>Expired snapshots the sweep over every account deletes at most, once per scheduled run (the rest go on the next run).</summary>
    public const int MaximumDeletionsPerCall = 100;

    /// <summary>
    /// An account's own expired snapshots deleted at most when its period's snapshot is taken (one expires per period, so
    /// this keeps up; a backlog, after a shorter retention was set, goes at this pace).
    /// </summary>
    public const int MaximumDeletionsPerAccount = 10;

    /// <summary>A Monday: periods are counted from it, so weekly periods start on Mondays.</summary>
    private static readonly DateTime PeriodOrigin = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first day of the period <paramref name="asOf"/> falls in.</summary>
    public static DateTime PeriodStart(DateTime asOf, HistoryPolicy policy)
    {
        Argument.NotNull(policy, nameof(policy));
        var days = (long)Math.Floor((asOf.Date - PeriodOrigin).TotalDays);
        var period = days >= 0 ? days / policy.PeriodDays : ((days + 1) / policy.PeriodDays) - 1;
        return DateTime.SpecifyKind(PeriodOrigin.AddDays(period * policy.PeriodDays), DateTimeKind.Utc);
    }

    /// <summary>Whether the account has no snapshot for the current period yet.</summary>
    public static bool Due(Entity account, DateTime asOf, HistoryPolicy policy)
    {
        Argument.NotNull(account, nameof(account));
        var last = account.GetAttributeValue<DateTime?>(AccountTable.LastSnapshotOn);
        return !last.HasValue || last.Value < PeriodStart(asOf, policy);
    }

    /// <summary>
    /// The history columns to write with this period's snapshot: the trend baseline (the latest snapshot taken at
    /// least one trend window before <paramref name="asOf"/>; blank when there is none) and the snapshot date; and, from
    /// the same query (indexed by account, newest first), the account's snapshots older than the retention, for deleting.
    /// The query asks only for the snapshots that can be the new baseline: the baseline moves forward with the clock,
    /// so it is one taken at or after the account's stored baseline (<paramref name="account"/>'s dvr_trendbaselineon),
    /// a week or two of rows instead of the whole retained history. Only when none is found there (the stored
    /// baseline's snapshot was deleted, or the policy's trend window grew) is the account's history read again without
    /// that bound, in a second query.
    /// </summary>
    public static Entity Columns(IOrganizationService service, Entity account, DateTime asOf, RelationshipPolicy policy, out IList<Guid> expired)
    {
        Argument.NotNull(service, nameof(service));
        Argument.NotNull(account, nameof(account));
        Argument.NotNull(policy, nameof(policy));
        var cutoff = asOf.AddDays(-policy.History.RetentionDays);
        var latest = asOf.AddDays(-policy.Health.TrendWindowDays);
        var storedBaseline = account.GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn);
        var bounded = storedBaseline.HasValue && storedBaseline.Value <= latest;
        var older = Older(service, account.Id, latest, bounded ? storedBaseline : null, cutoff);
        if (bounded && (older.Count == 0 || older[0].GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn) < storedBaseline!.Value))
        {
            older = Older(service, account.Id, latest, null, cutoff);
        }

        expired = new List<Guid>();
        foreach (var row in older)
        {
            if (row.GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn) < cutoff && expired.Count < MaximumDeletionsPerAccount)
            {
                expired.Add(row.Id);
            }
        }

        var columns = new Entity(AccountTable.LogicalName, account.Id);
        columns[AccountTable.TrendBaselineHealth] = older.Count == 0 ? null : older[0].GetAttributeValue<decimal?>(ScoreSnapshotTable.HealthScore);
        columns[AccountTable.TrendBaselineOn] = older.Count == 0 ? null : older[0].GetAttributeValue<DateTime?>(ScoreSnapshotTable.TakenOn);
        columns[AccountTable.LastSnapshotOn] = asOf;
        return columns;
    }

    /// <summary>
    /// The account's snapshots taken at or before <paramref name="latest"/>, newest first: all of them, or (with
    /// <paramref name="from"/>) those taken from then on and those older than the retention <paramref name="cutoff"/>.
    /// </summary>
    private static DataCollection<Entity> Older(IOrganizationService service, Guid accountId, DateTime latest, DateTime? from, DateTime cutoff)
    {
        var query = new QueryExpression(ScoreSnapshotTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ScoreSnapshotTable.HealthScore, ScoreSnapshotTable.TakenOn),
            PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 },
        };
        query.Criteria.AddCondition(ScoreSnapshotTable.AccountId, ConditionOperator.Equal, accountId);
        query.Criteria.AddCondition(ScoreSnapshotTable.TakenOn, ConditionOperator.LessEqual, latest);
        if (from.HasValue)
        {
            var window = new FilterExpression(LogicalOperator.Or);
            window.AddCondition(ScoreSnapshotTable.TakenOn, ConditionOperator.GreaterEqual, from.Value);
            window.AddCondition(ScoreSnapshotTable.TakenOn, ConditionOperator.LessThan, cutoff);
            query.Criteria.AddFilter(window);
        }

        query.AddOrder(ScoreSnapshotTable.TakenOn, OrderType.Descending);
        return service.RetrieveMultiple(query).Entities;
    }

    /// <summary>This period's snapshot row of the assessment.</summary>
    public static Entity Snapshot(AccountAssessment assessment, Guid accountId, string? accountName, RelationshipPolicy policy)
    {
        Argument.NotNull(assessment, nameof(assessment));
        Argument.NotNull(policy, nameof(policy));
        var period = PeriodStart(assessment.AsOf, policy.History);
        var row = new Entity(ScoreSnapshotTable.LogicalName);
        row[ScoreSnapshotTable.Name] = StoredValues.Text(
            (string.IsNullOrWhiteSpace(accountName) ? "Account" : accountName) + ": " + (policy.History.PeriodDays == 7 ? "week of " : "period from ")
            + period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StoredValues.NameLength);
        row[ScoreSnapshotTable.AccountId] = new EntityReference(AccountTable.LogicalName, accountId);
        row[ScoreSnapshotTable.PeriodStart] = period;
        row[ScoreSnapshotTable.TakenOn] = assessment.AsOf;
        row[ScoreSnapshotTable.Tier] = ChoiceMapping.ToChoice(assessment.EffectiveTier);
        row[ScoreSnapshotTable.HealthScore] = StoredValues.Decimal2(assessment.Health);
        row[ScoreSnapshotTable.HealthBand] = ChoiceMapping.ToChoice(assessment.HealthBand);
        row[ScoreSnapshotTable.ReciprocityScore] = StoredValues.Decimal2(assessment.Reciprocity);
        row[ScoreSnapshotTable.AutonomyScore] = StoredValues.Decimal2(assessment.Autonomy);
        row[ScoreSnapshotTable.IntegrityScore] = StoredValues.Decimal2(assessment.Integrity);
        row[ScoreSnapshotTable.LoyaltyScore] = StoredValues.Decimal2(assessment.Loyalty);
        row[ScoreSnapshotTable.FairnessScore] = StoredValues.Decimal2(assessment.Fairness);
        row[ScoreSnapshotTable.EngagementScore] = StoredValues.Decimal2(assessment.Engagement);
        row[ScoreSnapshotTable.ChurnRisk] = StoredValues.Decimal2(assessment.ChurnRisk);
        row[ScoreSnapshotTable.Confidence] = StoredValues.Decimal2(assessment.Confidence);
        row[ScoreSnapshotTable.LifetimeValue] = assessment.LifetimeValue.HasValue ? Math.Round(Math.Max(-SnapshotValueLimit, Math.Min(assessment.LifetimeValue.Value, SnapshotValueLimit)), 2, MidpointRounding.AwayFromZero) : null;
        row[ScoreSnapshotTable.OpportunitiesConsidered] = assessment.OpportunitiesConsidered;
        row[ScoreSnapshotTable.PolicyVersion] = StoredValues.Text(assessment.PolicyVersion, StoredValues.PolicyVersionLength);
        return row;
    }

    /// <summary>
    /// The sweep over every account (those no longer recalculated, deactivated ones, included): deletes snapshots taken
    /// more than the retention before <paramref name="asOf"/>, oldest first, at most <see cref="MaximumDeletionsPerCall"/>.
    /// The query has no index on the date, so the scheduled run makes it once, on its first page.
    /// </summary>
    public static int DeleteExpired(IOrganizationService service, DateTime asOf, HistoryPolicy policy)
    {
        Argument.NotNull(service, nameof(service));
        Argument.NotNull(policy, nameof(policy));
        var query = new QueryExpression(ScoreSnapshotTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ScoreSnapshotTable.Id),
            TopCount = MaximumDeletionsPerCall,
        };
        query.Criteria.AddCondition(ScoreSnapshotTable.TakenOn, ConditionOperator.LessThan, asOf.AddDays(-policy.RetentionDays));
        query.AddOrder(ScoreSnapshotTable.TakenOn, OrderType.Ascending);
        var expired = service.RetrieveMultiple(query).Entities;
        foreach (var row in expired)
        {
            service.Delete(ScoreSnapshotTable.LogicalName, row.Id);
        }

        return expired.Count;
    }
}
