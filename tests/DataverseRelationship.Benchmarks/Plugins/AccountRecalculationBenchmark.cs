using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using DataverseRelationship.Benchmarks.Support;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Benchmarks.Plugins;

/// <summary>
/// One account with 10 to 100,000 opportunities, through the local Dataverse and the real registrations
/// (solution/src): an opportunity save (AssessDealOnSave and RecalculateAccountOnDealChange: the deal's difference
/// applied to the account's ledger, scores read from it, what changed written), whose cost must not grow with the
/// account; and the dvr_RecalculateAccount Custom API, which rebuilds the ledger from every deal (the ground truth,
/// linear in the deals by design).
/// </summary>
[MemoryDiagnoser]
public class AccountRecalculationBenchmark
{
    /// <summary>The account's opportunities.</summary>
    [Params(10, 1000, 20000, 100000)]
    public int Opportunities { get; set; }

    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private LocalDataverseInstance _dataverse = null!;
    private Guid _accountId;
    private Guid _dealId;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        _dataverse = LocalDataverseInstance.FromSolution(
            SolutionFolder(),
            new DataverseRelationship.LocalDataverse.LocalDataverseOptions { KeepOperationHistory = false },
            typeof(AssessDealOnSave).Assembly);
        _dataverse.SetNow(Now);
        _accountId = _dataverse.Service.Create(new Entity(AccountTable.LogicalName)
        {
            [AccountTable.Name] = "Benchmark account",
            [AccountTable.RelationshipSince] = Now.AddYears(-4).Date,
        });
        var random = new Random(42);
        for (var i = 0; i < Opportunities; i++)
        {
            var id = _dataverse.Seed(BenchmarkDeals.Deal(random, _accountId, i, Now, out var open));
            if (open)
            {
                _dealId = id;
            }
        }

        // The deal the save benchmark changes keeps within every tier's discount cap, so each save is accepted.
        _dataverse.Service.Update(new Entity(OpportunityTable.LogicalName, _dealId) { [OpportunityTable.DiscountPercentage] = 0m });
        RecalculateAccount();
    }

    /// <summary>dvr_RecalculateAccount: the account, every deal (pages of 5,000), the key contacts, the policy; nothing changed, nothing written.</summary>
    [Benchmark]
    public OrganizationResponse RecalculateAccount()
    {
        var request = new OrganizationRequest(CustomApis.RecalculateAccount);
        request.Parameters["Target"] = new EntityReference(AccountTable.LogicalName, _accountId);
        return _dataverse.Execute(request);
    }

    /// <summary>An opportunity's margin moves across the fair floor: the deal is assessed, its difference applied, the account written.</summary>
    [Benchmark]
    public void UpdateOpportunityMargin()
    {
        _toggle = !_toggle;
        _dataverse.Service.Update(new Entity(OpportunityTable.LogicalName, _dealId) { [OpportunityTable.SellerMargin] = _toggle ? 5m : 35m });
    }

    private static string SolutionFolder()
    {
        var folder = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (folder != null && !File.Exists(Path.Combine(folder.FullName, "DataverseRelationship.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("DataverseRelationship.sln not found above " + System.AppContext.BaseDirectory), "solution", "src");
    }
}
