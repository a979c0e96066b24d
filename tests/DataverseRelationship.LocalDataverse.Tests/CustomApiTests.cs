using System;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class CustomApiTests : IDisposable
{
    private const int IntegerType = 7;
    private const int StringType = 10;
    private readonly TestSolution _solution = new();
    private readonly LocalDataverse _dataverse;

    public CustomApiTests()
    {
        _solution.AddCustomApi("dvr_Double", typeof(DoublingApi), null, [("Value", IntegerType, false), ("Note", StringType, true)], [("Doubled", IntegerType)]);
        _solution.AddCustomApi("dvr_DoubleAccount", typeof(DoublingApi), "account", [("Value", IntegerType, true)], [("Doubled", IntegerType), ("TargetName", StringType)]);
        _solution.AddStep(typeof(ContextProbe), "dvr_Double", "none", 40);
        _dataverse = _solution.Load();
    }

    public void Dispose() => _solution.Dispose();

    [Fact]
    public void A_global_Custom_API_runs_its_plugin_in_the_main_operation_and_returns_its_outputs()
    {
        var request = new OrganizationRequest("dvr_Double");
        request["Value"] = 21;

        var response = _dataverse.Service.Execute(request);

        Assert.Equal(42, response["Doubled"]);
        Assert.Equal("dvr_Double", response.ResponseName);
        Assert.Equal("stage=30 message=dvr_Double", _dataverse.LastOperation.Of<DoublingApi>()[0].Trace[0]);
        var probe = _dataverse.LastOperation.Of<ContextProbe>()[0].Values();
        Assert.Equal("none", probe["table"]);
        Assert.Equal("40", probe["stage"]);
    }

    [Fact]
    public void A_bound_Custom_API_gets_its_Target()
    {
        var account = _dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });
        var request = new OrganizationRequest("dvr_DoubleAccount");
        request["Target"] = new EntityReference("account", account);

        var response = _dataverse.Service.Execute(request);

        Assert.Equal("Contoso", response["TargetName"]);
        Assert.Equal(0, response["Doubled"]);
    }

    [Fact]
    public void A_missing_required_parameter_is_rejected_by_name()
    {
        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(new OrganizationRequest("dvr_Double")));

        Assert.Contains("'Value'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_or_wrongly_typed_parameter_is_rejected()
    {
        var undeclared = new OrganizationRequest("dvr_Double");
        undeclared["Value"] = 1;
        undeclared["Extra"] = 1;
        var wrongType = new OrganizationRequest("dvr_Double");
        wrongType["Value"] = "one";

        Assert.Contains("'Extra'", Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(undeclared)).Message, StringComparison.Ordinal);
        Assert.Contains("'Value'", Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(wrongType)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bound_Custom_API_needs_a_Target_of_its_table()
    {
        var contact = _dataverse.Seed(new Entity("contact") { ["lastname"] = "Ng" });
        var request = new OrganizationRequest("dvr_DoubleAccount");
        request["Target"] = new EntityReference("contact", contact);

        Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(request));
    }
}
