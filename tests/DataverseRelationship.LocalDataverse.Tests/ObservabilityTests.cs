using System;
using System.Linq;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class ObservabilityTests : IDisposable
{
    private readonly TestSolution _solution = new();

    public void Dispose() => _solution.Dispose();

    [Fact]
    public void Each_operation_records_its_plugin_traces_and_the_calls_they_made_by_message()
    {
        _solution.AddStep(typeof(ChattyReader), "Update", "account", 40, filtering: "name");
        _solution.AddStep(typeof(ContactCreator), "Update", "account", 40, rank: 2, filtering: "name");
        var dataverse = _solution.Load();
        var id = dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });

        dataverse.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        var operation = dataverse.LastOperation;
        Assert.Equal("Update", operation.Message);
        Assert.Equal("account", operation.Table);
        Assert.Equal(id, operation.PrimaryEntityId);
        Assert.True(operation.Succeeded);
        Assert.Equal(1, operation.CallCount("Retrieve"));
        Assert.Equal(2, operation.CallCount("RetrieveMultiple"));
        Assert.Equal(1, operation.CallCount("Create"));
        Assert.Equal(1, operation.CallsByMessage["Update"]);
        Assert.Contains("ChattyReader: read three times", operation.TraceLines);
        Assert.True(operation.Elapsed > TimeSpan.Zero);
        Assert.All(operation.PluginExecutions, e => Assert.True(e.Elapsed >= TimeSpan.Zero));
    }

    [Fact]
    public void A_failed_operation_records_the_error_and_the_failing_plugin()
    {
        _solution.AddStep(typeof(Refuser), "Create", "account", 20, configuration: "no");
        var dataverse = _solution.Load();

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal("no", dataverse.LastOperation.Error);
        Assert.Equal("no", dataverse.LastOperation.PluginExecutions.Single().Error);
        Assert.Equal(["refusing"], dataverse.LastOperation.PluginExecutions.Single().Trace);
    }
}
