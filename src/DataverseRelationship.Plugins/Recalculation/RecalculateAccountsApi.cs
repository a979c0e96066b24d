using System;
using System.Collections.Generic;
using System.Globalization;
using DataverseRelationship.Plugins.Contacts;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Recalculation;

/// <summary>
/// Custom API dvr_RecalculateAccounts (unbound), main operation: recomputes one page of active accounts in id order,
/// so scheduled runs age the scores and end expired overrides (ageing needs only the stored ledger), and rebuilds an
/// account's ledger from its deals and recounts its key contacts, correcting any drift, when the ledger was last
/// rebuilt <see cref="RebuildEveryDays"/> or more days ago (every account, with RebuildLedgers = true). Resumable (the
/// token is the last account id done) and safe to rerun (a recomputation that changes nothing writes nothing).
/// The page adapts to the accounts' sizes: it ends early, with a continuation token, once it has read
/// <see cref="DealBudget"/> deals, so one call stays well inside the sandbox's 2-minute limit
/// (https://learn.microsoft.com/power-apps/developer/data-platform/analyze-performance) even when accounts hold
/// 100,000 deals each; an account is never split between calls.
/// Reads: PageSize (default 250, 1–5000), ContinuationToken and RebuildLedgers; one query for the page of accounts
/// (with every account column needed, so no account is read again), the policy once, and per account rebuilt its
/// opportunities and key contacts. Writes: per account its changed computed columns and ledger (one SYSTEM Update at most) and a
/// dvr_tierchange row when its tier changes; response Processed, Changed, NextContinuationToken (empty when done) and
/// MoreRecords. Score history (<see cref="ScoreHistory"/>): per account once per period, one query for the trend
/// baseline, bounded by the stored one (which also finds the account's expired snapshots, deleted at most <see cref="ScoreHistory.MaximumDeletionsPerAccount"/>)
/// and one dvr_scoresnapshot row; on the first page of a run one sweep query for any other expired snapshots and their deletion.
/// </summary>
public sealed class RecalculateAccountsApi : PluginBase
{
    /// <summary>Accounts per page when the caller gives no PageSize.</summary>
    public const int DefaultPageSize = 250;

    /// <summary>The largest PageSize accepted.</summary>
    public const int MaximumPageSize = 5000;

    /// <summary>Days after which the scheduled recalculation rebuilds an account's ledger from its deals.</summary>
    public const int RebuildEveryDays = 28;

    /// <summary>
    /// Deals one call reads at most before it hands the rest of its page to the next call (the account that crosses it
    /// is finished first). 200,000 deals is 40 query pages of 5,000; measured at about 1–2 s a page in an environment,
    /// well inside the 2-minute limit.
    /// </summary>
    public const int DealBudget = 200000;

    public RecalculateAccountsApi()
        : base(null, null)
    {
    }

    public RecalculateAccountsApi(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var pageSize = DefaultPageSize;
        if (execution.InputParameters.TryGetValue(CustomApis.PageSizeParameter, out var size) && size is int requested)
        {
            if (requested < 1 || requested > MaximumPageSize)
            {
                throw new InvalidPluginExecutionException(
                    CustomApis.PageSizeParameter + " must be between 1 and " + MaximumPageSize.ToString(CultureInfo.InvariantCulture)
                    + " (was " + requested.ToString(CultureInfo.InvariantCulture) + ").");
            }

            pageSize = requested;
        }

        Guid? after = null;
        if (execution.InputParameters.TryGetValue(CustomApis.ContinuationTokenParameter, out var token) && token is string text && text.Length > 0)
        {
            if (!Guid.TryParse(text, out var last))
            {
                throw new InvalidPluginExecutionException(
                    CustomApis.ContinuationTokenParameter + " '" + text + "' is not a token this API returned; pass the NextContinuationToken of the previous page, or nothing to start over.");
            }

            after = last;
        }

        var change = execution.InputParameters.TryGetValue(CustomApis.RebuildLedgersParameter, out var rebuild) && rebuild is true
            ? LedgerChange.Rebuild
            : LedgerChange.RebuildWhenOlderThan(RebuildEveryDays);
        var query = new QueryExpression(AccountTable.LogicalName)
        {
            ColumnSet = new ColumnSet(AccountMapping.ReadColumns),
            PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 },
        };
        query.Criteria.AddCondition(AccountTable.StateCode, ConditionOperator.Equal, 0);
        if (after.HasValue)
        {
            query.Criteria.AddCondition(AccountTable.Id, ConditionOperator.GreaterThan, after.Value);
        }

        query.AddOrder(AccountTable.Id, OrderType.Ascending);
        var page = context.SystemService.RetrieveMultiple(query);

        var processed = 0;
        var changed = 0;
        var dealsRead = 0;
        var snapshots = 0;
        var deleted = 0;
        if (page.Entities.Count > 0)
        {
            var policy = PolicySource.Read(context);
            // The sweep over every account's snapshots scans them all (no index on the date): once per run, on its first page.
            deleted = after.HasValue ? 0 : ScoreHistory.DeleteExpired(context.SystemService, execution.OperationCreatedOn, policy.History);
            foreach (var account in page.Entities)
            {
                var due = ScoreHistory.Due(account, execution.OperationCreatedOn, policy.History);
                IList<Guid>? expired = null;
                var history = due ? ScoreHistory.Columns(context.SystemService, account, execution.OperationCreatedOn, policy, out expired) : null;
                foreach (var id in expired ?? Array.Empty<Guid>())
                {
                    context.SystemService.Delete(ScoreSnapshotTable.LogicalName, id);
                    deleted++;
                }

                var outcome = AccountRecalculation.Recalculate(context, account.Id, policy, change, account, contacts: () => RecountKeyContacts.CountKeyContacts(context.SystemService, account.Id), history: history);
                if (due)
                {
                    context.SystemService.Create(ScoreHistory.Snapshot(outcome.Assessment, account.Id, account.GetAttributeValue<string>(AccountTable.Name), policy));
                    snapshots++;
                }

                processed++;
                changed += outcome.Changed ? 1 : 0;
                dealsRead += outcome.DealsRead;
                if (dealsRead >= DealBudget && processed < page.Entities.Count)
                {
                    context.Trace("Read " + dealsRead.ToString(CultureInfo.InvariantCulture) + " deals; the rest of the page goes to the next call.");
                    break;
                }
            }
        }

        var more = page.Entities.Count > 0 && (page.MoreRecords || processed < page.Entities.Count);
        execution.OutputParameters[CustomApis.ProcessedParameter] = processed;
        execution.OutputParameters[CustomApis.ChangedParameter] = changed;
        execution.OutputParameters[CustomApis.NextContinuationTokenParameter] = more ? page.Entities[processed - 1].Id.ToString("D") : string.Empty;
        execution.OutputParameters[CustomApis.MoreRecordsParameter] = more;
        context.Trace("Recomputed " + processed.ToString(CultureInfo.InvariantCulture) + " accounts, " + changed.ToString(CultureInfo.InvariantCulture) + " changed, "
            + snapshots.ToString(CultureInfo.InvariantCulture) + " score snapshots written, " + deleted.ToString(CultureInfo.InvariantCulture) + " expired ones deleted; more: " + more + ".");
    }
}
