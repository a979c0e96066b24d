using System;
using System.Linq;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class TransactionTests : IDisposable
{
    private readonly TestSolution _solution = new();

    public void Dispose() => _solution.Dispose();

    [Fact]
    public void A_failing_step_rolls_back_every_write_of_the_operation_including_nested_ones()
    {
        _solution.AddStep(typeof(ContactCreator), "Create", "account", 40, rank: 1);
        _solution.AddStep(typeof(Refuser), "Create", "account", 40, rank: 2, configuration: "The tier cap forbids this.");
        var dataverse = _solution.Load();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal("The tier cap forbids this.", error.Message);
        Assert.Equal(0, dataverse.Count("account"));
        Assert.Equal(0, dataverse.Count("contact"));
    }

    [Fact]
    public void A_failing_update_restores_the_row_and_the_lookup_index()
    {
        _solution.AddStep(typeof(Refuser), "Update", "opportunity", 40);
        var dataverse = _solution.Load();
        var first = dataverse.Seed(new Entity("account") { ["name"] = "First" });
        var second = dataverse.Seed(new Entity("account") { ["name"] = "Second" });
        var deal = dataverse.Seed(new Entity("opportunity") { ["name"] = "Deal", ["parentaccountid"] = new EntityReference("account", first) });

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Update(new Entity("opportunity", deal) { ["parentaccountid"] = new EntityReference("account", second) }));

        var query = new Microsoft.Xrm.Sdk.Query.QueryByAttribute("opportunity") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet("name") };
        query.AddAttributeValue("parentaccountid", first);
        Assert.Single(dataverse.Service.RetrieveMultiple(query).Entities);
        Assert.Equal(first, dataverse.Read("opportunity", deal).GetAttributeValue<EntityReference>("parentaccountid").Id);
    }

    [Fact]
    public void A_failing_delete_keeps_the_row()
    {
        _solution.AddStep(typeof(Refuser), "Delete", "account", 40);
        var dataverse = _solution.Load();
        var id = dataverse.Seed(new Entity("account") { ["name"] = "Keep me" });

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Delete("account", id));

        Assert.NotNull(dataverse.Find("account", id));
    }

    [Fact]
    public void Asynchronous_steps_run_only_after_commit_when_the_queue_is_drained()
    {
        _solution.AddStep(typeof(AsyncAccountNumberWriter), "Create", "account", 40, mode: 1);
        var dataverse = _solution.Load();

        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var beforeDrain = dataverse.Read("account", id).GetAttributeValue<string>("accountnumber");
        var pending = dataverse.PendingAsyncJobs;
        var results = dataverse.DrainAsyncQueue();

        Assert.Null(beforeDrain);
        Assert.Equal(1, pending);
        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal("ASYNC", dataverse.Read("account", id).GetAttributeValue<string>("accountnumber"));
        var execution = dataverse.Operations.Single(o => o.IsAsyncJob).Of<AsyncAccountNumberWriter>().Single();
        Assert.Equal("mode=1 intransaction=False", execution.Trace[0]);
    }

    [Fact]
    public void A_rolled_back_operation_queues_no_asynchronous_step()
    {
        _solution.AddStep(typeof(AsyncAccountNumberWriter), "Create", "account", 40, mode: 1);
        _solution.AddStep(typeof(Refuser), "Create", "account", 40, rank: 2);
        var dataverse = _solution.Load();

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(0, dataverse.PendingAsyncJobs);
    }

    [Fact]
    public void A_failing_asynchronous_step_is_reported_by_the_drain_not_thrown()
    {
        _solution.AddStep(typeof(Refuser), "Create", "account", 40, mode: 1, configuration: "async failure");
        var dataverse = _solution.Load();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var result = Assert.Single(dataverse.DrainAsyncQueue());

        Assert.False(result.Succeeded);
        Assert.Equal("async failure", result.Error!.Message);
        Assert.NotNull(dataverse.Find("account", id));
    }
}
