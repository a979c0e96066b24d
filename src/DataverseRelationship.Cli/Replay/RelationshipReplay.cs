using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.LocalDataverse;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Cli.Replay;

/// <summary>How far a replay has come: opportunities created so far out of those the data set holds.</summary>
public readonly record struct ReplayProgress(long EventsDone, long OpportunitiesCreated, long OpportunitiesTotal);

/// <summary>How a replay runs.</summary>
public sealed record ReplayOptions
{
    /// <summary>The unpacked solution whose tables, steps, Custom APIs and environment variables are loaded.</summary>
    public required string SolutionFolder { get; init; }

    public PolicyChoice Policy { get; init; } = PolicyChoice.SolutionDefault;

    /// <summary>
    /// Days between runs of the scheduled recalculation (dvr_RecalculateAccounts over every account, as the solution's
    /// nightly flow does) while the replay clock advances; 0 runs it once, at the end of the replay only.
    /// </summary>
    public int RecalculateEveryDays { get; init; } = 7;

    /// <summary>
    /// Replay only what had happened by this instant (--as-of): events after it are not applied, and the scheduled
    /// recalculation runs once more at it, so the scores are those the organisation would have seen then. Null: every event.
    /// </summary>
    public DateTime? AsOf { get; init; }

    /// <summary>Rejected events kept for the report (all are counted).</summary>
    public int MaxRejectionsKept { get; init; } = 200;

    /// <summary>Collect the time spent per request and per plugin step (<see cref="RunReport.Timings"/>).</summary>
    public bool CollectTimings { get; init; }

    /// <summary>
    /// Run the solution's cloud flows as the replay goes (dvrel preview's default; --no-flows turns it off): the follow-up
    /// flow after each committed tier change, the nightly flow at its scheduled occurrences (one in
    /// <see cref="RecalculateEveryDays"/> days), which then does the scheduled recalculation.
    /// </summary>
    public bool RunFlows { get; init; }

    /// <summary>Receives progress now and then (every 1,000 events).</summary>
    public IProgress<ReplayProgress>? Progress { get; init; }
}

/// <summary>
/// Replays a data set through the real plugins in the local Dataverse with the registrations of the unpacked
/// solution: creates the system users, puts the chosen policy into the dvr_RelationshipPolicy environment variable,
/// sets the clock to each event's time and runs it as the organization service request Dataverse would get
/// (Create, Update, Win, Lose, Delete). A request refused by a plugin or the platform is counted as rejected, and later
/// events of a row whose create was refused are skipped. The result is read back from the rows the plugins wrote.
/// </summary>
public static class RelationshipReplay
{
    private const int RecalculationPageSize = 1000;

    public static RunReport Run(DataSet dataSet, ReplayOptions options) => Run(dataSet, options, out _);

    /// <summary>Replays and also hands back the local Dataverse as the replay left it (dvrel serve, tests of the Web API commands).</summary>
    public static RunReport Run(DataSet dataSet, ReplayOptions options, out LocalDataverseInstance dataverse)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        dataverse = LocalDataverseInstance.FromSolution(
            options.SolutionFolder,

            // The replay reads no opportunityclose activity (no plugin does) and keeps operation records only to time them.
            new LocalDataverseOptions { KeepOperationHistory = options.CollectTimings, StoreCloseActivities = false },
            typeof(AssessDealOnSave).Assembly);
        string policyVersion = InstallPolicy(dataverse, options.Policy);
        foreach (Guid user in dataSet.SystemUsers)
        {
            dataverse.Seed(new Entity(SecurityTables.SystemUser, user));
        }

        using ReplayFlows? flows = options.RunFlows ? new ReplayFlows(options.SolutionFolder, dataverse) { EveryDays = Math.Max(1, options.RecalculateEveryDays) } : null;
        var run = new ReplayRun(dataverse, options, flows);
        run.ReplayAll(dataSet);
        return run.Report(dataSet, policyVersion, clock);
    }

    /// <summary>Writes the policy file's text as the environment variable's value; returns the policy version in force.</summary>
    private static string InstallPolicy(LocalDataverseInstance dataverse, PolicyChoice policy)
    {
        Entity definition = dataverse.ReadAll(EnvironmentVariables.DefinitionTable)
            .FirstOrDefault(d => string.Equals(d.GetAttributeValue<string>(EnvironmentVariables.DefinitionSchemaName), EnvironmentVariables.PolicySchemaName, StringComparison.Ordinal))
            ?? throw new SolutionNotFoundException($"The solution defines no environment variable {EnvironmentVariables.PolicySchemaName}; the plugins would run with the engine's built-in policy.");
        if (policy.Json is null)
        {
            string? shipped = definition.GetAttributeValue<string>(EnvironmentVariables.DefinitionDefaultValue);
            return string.IsNullOrWhiteSpace(shipped) ? RelationshipPolicy.Default.Version : RelationshipPolicyJson.Parse(shipped).Version;
        }

        var value = new Entity(EnvironmentVariables.ValueTable);
        value[EnvironmentVariables.ValueDefinitionId] = definition.ToEntityReference();
        value[EnvironmentVariables.ValueValue] = policy.Json;
        try
        {
            dataverse.Service.Create(value);
        }
        catch (DataverseFaultException ex)
        {
            throw new PolicyFileException($"--policy '{policy.Source}': Dataverse does not accept it as the value of {EnvironmentVariables.PolicySchemaName}: {ex.Message}", ex);
        }

        return policy.Policy!.Version;
    }

    private sealed class ReplayRun(LocalDataverseInstance dataverse, ReplayOptions options, ReplayFlows? flows)
    {
        private readonly IOrganizationService _service = dataverse.Service;
        private readonly HashSet<Guid> _refused = [];
        private readonly HashSet<Guid> _blockedDeals = [];
        private readonly List<RejectedEvent> _rejections = [];
        private readonly RejectionTally _rejectionTally = new();
        private readonly DealTally _tally = new();
        private readonly Dictionary<string, StepTiming> _timings = new(StringComparer.Ordinal);
        private long _replayed;
        private long _rejected;
        private long _skipped;
        private long _pluginExecutions;
        private int _accounts;
        private int _contacts;
        private long _opportunities;
        private long _won;
        private long _lost;
        private DateTime _from;
        private DateTime _until;
        private DateTime _nextRecalculation = DateTime.MaxValue;

        public void ReplayAll(DataSet dataSet)
        {
            long done = 0;
            bool first = true;
            foreach (DataSetEvent e in dataSet.Events())
            {
                if (options.AsOf is { } asOf && e.At > asOf)
                {
                    // Events come in time order: nothing later had happened yet.
                    break;
                }

                if (first)
                {
                    _from = e.At;
                    flows?.Start(e.At);
                    _nextRecalculation = options.RecalculateEveryDays <= 0 ? DateTime.MaxValue
                        : flows is { HasScheduledFlow: true } ? flows.NextOccurrence(e.At.Date.AddDays(1)) : e.At.Date.AddDays(1);
                    first = false;
                }

                RunScheduledThrough(e.At);

                _until = e.At;
                Replay(e);
                flows?.RunTriggered();
                if (++done % 1000 == 0)
                {
                    options.Progress?.Report(new ReplayProgress(done, _opportunities, dataSet.Counts.Opportunities));
                }
            }

            if (!first)
            {
                if (options.AsOf is { } end && end > _until)
                {
                    // The clock runs on to the as-of instant: the scheduled runs it would have seen, then the last one at it.
                    RunScheduledThrough(end);
                    _until = end;
                }

                RecalculateAll(_until);
                flows?.RunTriggered();
                CountPluginExecutions();
            }

            options.Progress?.Report(new ReplayProgress(done, _opportunities, dataSet.Counts.Opportunities));
        }

        /// <summary>The scheduled recalculations due up to <paramref name="instant"/>, each at its own time.</summary>
        private void RunScheduledThrough(DateTime instant)
        {
            while (instant >= _nextRecalculation)
            {
                if (flows is { HasScheduledFlow: true })
                {
                    // The solution's nightly flow does the scheduled recalculation, at its own occurrences.
                    flows.RunScheduled(_nextRecalculation);
                    CountPluginExecutions();
                    _nextRecalculation = flows.OccurrenceAfter(_nextRecalculation);
                    continue;
                }

                RecalculateAll(_nextRecalculation);
                _nextRecalculation = _nextRecalculation.AddDays(options.RecalculateEveryDays);
            }
        }

        private void Replay(DataSetEvent e)
        {
            if (_refused.Contains(e.Target.Id))
            {
                _skipped++;
                return;
            }

            dataverse.SetNow(e.At);
            try
            {
                Apply(e);
                _replayed++;
                Count(e);
            }
            catch (InvalidPluginExecutionException ex)
            {
                Reject(e, ex.Message);
                if (e.Target.LogicalName == OpportunityTable.LogicalName && e.Kind is DataSetEventKind.Create or DataSetEventKind.Update or DataSetEventKind.Reparent
                    && _blockedDeals.Add(e.Target.Id))
                {
                    _tally.AddBlocked();
                }
            }
            catch (DataverseFaultException ex)
            {
                Reject(e, ex.Message);
            }
            finally
            {
                CountPluginExecutions();
            }
        }

        private void Apply(DataSetEvent e)
        {
            switch (e.Kind)
            {
                case DataSetEventKind.Create:
                    _service.Create(e.Row!);
                    break;
                case DataSetEventKind.Update:
                case DataSetEventKind.Reparent:
                    _service.Update(e.Row!);
                    break;
                case DataSetEventKind.Win:
                    _service.Execute(new WinOpportunityRequest { OpportunityClose = e.ToOpportunityClose(), Status = new OptionSetValue(e.StatusCode) });
                    break;
                case DataSetEventKind.Lose:
                    _service.Execute(new LoseOpportunityRequest { OpportunityClose = e.ToOpportunityClose(), Status = new OptionSetValue(e.StatusCode) });
                    break;
                case DataSetEventKind.Delete:
                    _service.Delete(e.Target.LogicalName, e.Target.Id);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown event kind {e.Kind}.");
            }
        }

        private void Count(DataSetEvent e)
        {
            switch (e.Kind)
            {
                case DataSetEventKind.Create when e.Target.LogicalName == AccountTable.LogicalName:
                    _accounts++;
                    break;
                case DataSetEventKind.Create when e.Target.LogicalName == ContactTable.LogicalName:
                    _contacts++;
                    break;
                case DataSetEventKind.Create when e.Target.LogicalName == OpportunityTable.LogicalName:
                    _opportunities++;
                    break;
                case DataSetEventKind.Win:
                    _won++;
                    break;
                case DataSetEventKind.Lose:
                    _lost++;
                    break;
            }
        }

        private void Reject(DataSetEvent e, string message)
        {
            _rejected++;
            if (e.Kind == DataSetEventKind.Create)
            {
                _refused.Add(e.Target.Id);
            }

            RejectedEvent rejection = RejectedEvents.From(e, message);
            _rejectionTally.Add(rejection);
            if (_rejections.Count < options.MaxRejectionsKept)
            {
                _rejections.Add(rejection);
            }
        }

        private void CountPluginExecutions()
        {
            _pluginExecutions = dataverse.PluginExecutionCount;
            if (!options.CollectTimings)
            {
                return;
            }

            foreach (var operation in dataverse.Operations)
            {
                AddTiming($"{operation.Message} {operation.Table}".TrimEnd(), operation.Elapsed);
                foreach (var execution in operation.PluginExecutions)
                {
                    AddTiming($"  {execution.StepName} (depth {execution.Depth})", execution.Elapsed);
                }
            }

            dataverse.ClearHistory();
        }

        private void AddTiming(string what, TimeSpan elapsed)
        {
            StepTiming before = _timings.TryGetValue(what, out StepTiming? t) ? t : new StepTiming(what, 0, TimeSpan.Zero);
            _timings[what] = before with { Count = before.Count + 1, Total = before.Total + elapsed };
        }

        /// <summary>
        /// The scheduled recalculation: dvr_RecalculateAccounts page by page until no more records, called as the
        /// nightly flow calls it, by a user (the flow's connection owner; here the local administrator), never as SYSTEM:
        /// the plugins recognise their own writes as SYSTEM writes made for another user (RulesWrite).
        /// </summary>
        private void RecalculateAll(DateTime at)
        {
            dataverse.SetNow(at);
            string token = string.Empty;
            while (true)
            {
                var request = new OrganizationRequest(CustomApis.RecalculateAccounts);
                request.Parameters[CustomApis.PageSizeParameter] = RecalculationPageSize;
                if (token.Length > 0)
                {
                    request.Parameters[CustomApis.ContinuationTokenParameter] = token;
                }

                OrganizationResponse response = dataverse.Execute(request, dataverse.DefaultUserId);
                CountPluginExecutions();
                if (!(response.Results.TryGetValue(CustomApis.MoreRecordsParameter, out object? more) && more is true))
                {
                    return;
                }

                token = response.Results[CustomApis.NextContinuationTokenParameter] as string ?? string.Empty;
            }
        }

        public RunReport Report(DataSet dataSet, string policyVersion, Stopwatch clock)
        {
            var tierChanges = dataverse.ReadAll(TierChangeTable.LogicalName)
                .GroupBy(r => r.GetAttributeValue<EntityReference>(TierChangeTable.AccountId)?.Id ?? Guid.Empty)
                .ToDictionary(g => g.Key, g => g.ToList());
            var snapshots = dataverse.ReadAll(ScoreSnapshotTable.LogicalName)
                .GroupBy(r => r.GetAttributeValue<EntityReference>(ScoreSnapshotTable.AccountId)?.Id ?? Guid.Empty)
                .ToDictionary(g => g.Key, g => g.ToList());
            var accounts = new List<AccountResult>();
            foreach (Entity account in dataverse.ReadAll(AccountTable.LogicalName))
            {
                accounts.Add(ReportRows.Account(
                    account,
                    tierChanges.TryGetValue(account.Id, out List<Entity>? rows) ? rows : [],
                    snapshots.TryGetValue(account.Id, out List<Entity>? history) ? history : []));
                TallyDeals(account.Id);
            }

            accounts.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
            return new RunReport
            {
                DataSet = dataSet.Source,
                PolicyVersion = policyVersion,
                GeneratedAt = DateTime.UtcNow,
                ReplayedFrom = _from,
                ReplayedUntil = _until,
                Accounts = accounts,
                Deals = _tally.Verdicts,
                Games = _tally.Games,
                Rejections = _rejections,
                RejectionGroups = _rejectionTally.Groups(),
                UnknownOptionValues = dataSet.Snapshot?.UnknownOptionValues ?? [],
                Timings = _timings.Values.OrderByDescending(t => t.Total).ToArray(),
                Flows = flows?.Summarize(),
                Statistics = new RunStatistics
                {
                    EventsReplayed = _replayed,
                    EventsRejected = _rejected,
                    EventsSkipped = _skipped,
                    Accounts = _accounts,
                    Contacts = _contacts,
                    Opportunities = _opportunities,
                    Won = _won,
                    Lost = _lost,
                    PluginExecutions = _pluginExecutions,
                    Elapsed = clock.Elapsed,
                },
            };
        }

        /// <summary>Counts the verdicts and games of an account's deals as the plugins left them (page by page).</summary>
        private void TallyDeals(Guid accountId)
        {
            var query = new QueryExpression(OpportunityTable.LogicalName)
            {
                ColumnSet = new ColumnSet(OpportunityTable.TierRuleVerdict, OpportunityTable.GameFlags),
                PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 },
            };
            query.Criteria.AddCondition(OpportunityTable.ParentAccountId, ConditionOperator.Equal, accountId);
            while (true)
            {
                EntityCollection page = _service.RetrieveMultiple(query);
                foreach (Entity deal in page.Entities)
                {
                    if (!_blockedDeals.Contains(deal.Id))
                    {
                        _tally.Add(deal);
                    }
                }

                if (!page.MoreRecords)
                {
                    return;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
