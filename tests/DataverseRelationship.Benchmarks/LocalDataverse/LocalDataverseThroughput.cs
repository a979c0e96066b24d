using System;
using BenchmarkDotNet.Attributes;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Benchmarks.LocalDataverse;

/// <summary>
/// Throughput of the local Dataverse on a table of 100,000 opportunities spread over 1,000 accounts (no plugins):
/// Create, Update, Retrieve, and RetrieveMultiple on a lookup (indexed) and on a text column (full scan).
/// </summary>
[MemoryDiagnoser]
public class LocalDataverseThroughput
{
    private const int Accounts = 1000;
    private const int Opportunities = 100_000;
    private LocalDataverseInstance _dataverse = null!;
    private IOrganizationService _service = null!;
    private Guid[] _accountIds = null!;
    private Guid[] _opportunityIds = null!;
    private Random _random = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dataverse = new LocalDataverseInstance(new DataverseRelationship.LocalDataverse.LocalDataverseOptions { KeepOperationHistory = false });
        _service = _dataverse.Service;
        _random = new Random(42);
        _accountIds = new Guid[Accounts];
        for (var i = 0; i < Accounts; i++)
        {
            _accountIds[i] = _dataverse.Seed(new Entity("account") { ["name"] = "Account " + i });
        }

        _opportunityIds = new Guid[Opportunities];
        for (var i = 0; i < Opportunities; i++)
        {
            _opportunityIds[i] = _dataverse.Seed(new Entity("opportunity")
            {
                ["name"] = "Deal " + i,
                ["parentaccountid"] = new EntityReference("account", _accountIds[i % Accounts]),
                ["estimatedvalue"] = new Money(1000m + i),
                ["discountpercentage"] = (decimal)(i % 30),
            });
        }
    }

    [Benchmark]
    public Guid Create() => _service.Create(new Entity("opportunity")
    {
        ["name"] = "New deal",
        ["parentaccountid"] = new EntityReference("account", _accountIds[_random.Next(Accounts)]),
        ["estimatedvalue"] = new Money(5000m),
    });

    [Benchmark]
    public void Update() => _service.Update(new Entity("opportunity", _opportunityIds[_random.Next(Opportunities)])
    {
        ["estimatedvalue"] = new Money(_random.Next(1, 100_000)),
    });

    [Benchmark]
    public Entity Retrieve() => _service.Retrieve("opportunity", _opportunityIds[_random.Next(Opportunities)], new ColumnSet("name", "estimatedvalue"));

    /// <summary>All opportunities of one account (about 100 of 100,000): served by the lookup index.</summary>
    [Benchmark]
    public int RetrieveMultipleByAccount()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue", "discountpercentage") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, _accountIds[_random.Next(Accounts)]);
        return _service.RetrieveMultiple(query).Entities.Count;
    }

    /// <summary>One opportunity by name: no index, a scan of all 100,000 rows.</summary>
    [Benchmark]
    public int RetrieveMultipleByNameScan()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Deal " + _random.Next(Opportunities));
        return _service.RetrieveMultiple(query).Entities.Count;
    }
}
