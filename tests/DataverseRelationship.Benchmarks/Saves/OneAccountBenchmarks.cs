using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DataverseRelationship.Benchmarks.Support;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Benchmarks.Saves;

/// <summary>
/// One account with 10 to 100,000 opportunities in the local Dataverse with the solution's registrations: the first
/// page (5,000 rows, ordered by key) of the account's opportunities, as the recalculation reads it, and one
/// opportunity save (Update of its margin) through the pipeline and the plugins registered on it. Run with
/// DVREL_BASELINE_LOCALDATAVERSE set to measure another build of the local Dataverse in the same run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneAccountBenchmarks.SingleSaves))]
public class OneAccountBenchmarks
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] PageColumns =
    [
        OpportunityTable.EstimatedValue, OpportunityTable.ActualValue, OpportunityTable.DiscountPercentage, OpportunityTable.SellerMargin,
        OpportunityTable.StateCode, OpportunityTable.CreatedOn, OpportunityTable.ActualCloseDate, OpportunityTable.Commitments, OpportunityTable.Concessions,
    ];

    /// <summary>
    /// One call per iteration (a save at 100,000 opportunities takes seconds on the baseline), in process so the
    /// baseline build loads beside the current one without generating a project per case.
    /// </summary>
    public sealed class SingleSaves : ManualConfig
    {
        public SingleSaves() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: false)));
    }

    private DataverseBuild _dataverse = null!;
    private Guid _accountId;
    private Guid _dealId;
    private bool _toggle;

    [ParamsSource(nameof(Builds))]
    public string Build { get; set; } = "current";

    [Params(10, 1_000, 20_000, 100_000)]
    public int Opportunities { get; set; }

    public static IEnumerable<string> Builds() => DataverseBuild.Names();

    [GlobalSetup]
    public void Setup()
    {
        _dataverse = DataverseBuild.Load(Build);
        _dataverse.SetNow(Now);
        _accountId = _dataverse.Seed(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "Benchmark account", [AccountTable.RelationshipSince] = Now.AddYears(-4).Date });
        var random = new Random(42);
        for (var i = 1; i < Opportunities; i++)
        {
            _dataverse.Seed(BenchmarkDeals.Deal(random, _accountId, i, Now, out _));
        }

        // The deal saved: open, without discount, so the tier rule lets every save through.
        var saved = BenchmarkDeals.Deal(random, _accountId, 0, Now, out _);
        saved[OpportunityTable.DiscountPercentage] = 0m;
        saved[OpportunityTable.StateCode] = new OptionSetValue(0);
        _dealId = _dataverse.Seed(saved);
    }

    /// <summary>The first page (up to 5,000 rows, ordered by opportunityid) of the account's opportunities.</summary>
    [Benchmark]
    public int FirstPageOfTheAccountsOpportunities()
    {
        var query = new QueryExpression(OpportunityTable.LogicalName) { ColumnSet = new ColumnSet(PageColumns), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
        query.Criteria.AddCondition(OpportunityTable.ParentAccountId, ConditionOperator.Equal, _accountId);
        query.AddOrder(OpportunityTable.Id, OrderType.Ascending);
        return _dataverse.Service.RetrieveMultiple(query).Entities.Count;
    }

    /// <summary>An open opportunity's margin changes: Update through the pipeline with every plugin registered on it.</summary>
    [Benchmark]
    public void SaveOneOpportunity()
    {
        _toggle = !_toggle;
        _dataverse.Service.Update(new Entity(OpportunityTable.LogicalName, _dealId) { [OpportunityTable.SellerMargin] = _toggle ? 5m : 35m });
    }
}
