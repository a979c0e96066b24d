using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Observability;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests;

/// <summary>Committed: what an asynchronous subscriber (a cloud flow's trigger) learns after a transaction commits.</summary>
public sealed class CommitNotificationTests : IDisposable
{
    private readonly TestSolution _solution = new();

    public void Dispose() => _solution.Dispose();

    [Fact]
    public void A_committed_save_publishes_its_operations_nested_ones_included_after_the_commit()
    {
        _solution.AddStep(typeof(ContactCreator), "Create", "account", 40, rank: 1);
        var dataverse = _solution.Load();
        var published = new List<CommittedOperation>();
        var rowsWhenPublished = -1;
        dataverse.Committed += (_, e) =>
        {
            published.AddRange(e.Operations);
            rowsWhenPublished = dataverse.Count("contact");
        };

        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.Equal(["Create contact", "Update account", "Create account"], published.Select(o => o.Message + " " + o.Table));
        Assert.Equal(dataverse.SystemUserId, published[1].UserId);
        Assert.Equal(["accountnumber"], published[1].RequestColumns);
        var account = published[2];
        Assert.Equal(id, account.RowId);
        Assert.Contains("name", account.RequestColumns);
        Assert.Equal("Contoso", account.Row!.GetAttributeValue<string>("name"));
        Assert.Equal(dataverse.DefaultUserId, account.UserId);
        Assert.Equal(1, rowsWhenPublished);
    }

    [Fact]
    public void A_rolled_back_save_publishes_nothing_not_even_its_nested_operations()
    {
        _solution.AddStep(typeof(ContactCreator), "Create", "account", 40, rank: 1);
        _solution.AddStep(typeof(Refuser), "Create", "account", 40, rank: 2, configuration: "Refused.");
        var dataverse = _solution.Load();
        var published = new List<CommittedOperation>();
        dataverse.Committed += (_, e) => published.AddRange(e.Operations);

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));
        dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Later" });

        Assert.Equal(["Create contact"], published.Select(o => o.Message + " " + o.Table));
        Assert.Equal("Later", published[0].Row!.GetAttributeValue<string>("lastname"));
    }
}
