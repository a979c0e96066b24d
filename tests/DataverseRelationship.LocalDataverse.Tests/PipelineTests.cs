using System;
using System.Linq;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class PipelineTests : IDisposable
{
    private readonly TestSolution _solution = new();

    public void Dispose() => _solution.Dispose();

    [Fact]
    public void Steps_run_by_stage_then_rank()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 40, rank: 1, configuration: "post");
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 20, rank: 2, configuration: "pre-rank2");
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 20, rank: 1, configuration: "pre-rank1");
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 10, rank: 5, configuration: "validation");
        var dataverse = _solution.Load();

        dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var labels = dataverse.LastOperation.Of<ContextProbe>().Select(e => e.Values()["label"]);
        Assert.Equal(["validation", "pre-rank1", "pre-rank2", "post"], labels);
    }

    [Fact]
    public void Filtering_attributes_fire_when_the_column_is_in_Target_even_with_an_unchanged_value()
    {
        _solution.AddStep(typeof(ContextProbe), "Update", "account", 40, filtering: "numberofemployees,revenue");
        var dataverse = _solution.Load();
        var id = dataverse.Seed(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });

        dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = 10 });
        var unchangedValue = dataverse.LastOperation.Of<ContextProbe>().Count;
        dataverse.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });
        var otherColumn = dataverse.LastOperation.Of<ContextProbe>().Count;

        Assert.Equal(1, unchangedValue);
        Assert.Equal(0, otherColumn);
    }

    [Fact]
    public void A_PreOperation_change_to_Target_is_what_gets_saved()
    {
        _solution.AddStep(typeof(TargetMutator), "Create", "account", 20, configuration: "accountnumber=SET-BY-PLUGIN");
        _solution.AddStep(typeof(TargetMutator), "Update", "account", 20, configuration: "name=Renamed by plugin");
        var dataverse = _solution.Load();

        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = 3 });

        var row = dataverse.Read("account", id);
        Assert.Equal("SET-BY-PLUGIN", row.GetAttributeValue<string>("accountnumber"));
        Assert.Equal("Renamed by plugin", row.GetAttributeValue<string>("name"));
    }

    [Fact]
    public void A_PreOperation_change_of_the_wrong_type_is_rejected_at_save()
    {
        _solution.AddStep(typeof(TargetMutator), "Create", "account", 20, configuration: "numberofemployees=12");
        var dataverse = _solution.Load();

        var error = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Contains("'numberofemployees' (expected System.Int32)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Count("account"));
    }

    [Fact]
    public void Images_hold_only_the_registered_columns_under_their_alias()
    {
        _solution.AddStep(
            typeof(ContextProbe),
            "Update",
            "account",
            40,
            images: [new TestImage("PreImage", 0, "name,numberofemployees", "Target"), new TestImage("PostImage", 1, "accountnumber", "Target"), new TestImage("Everything", 0, string.Empty, "Target")]);
        var dataverse = _solution.Load();
        var id = dataverse.Seed(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10, ["accountnumber"] = "A-1" });

        dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = 11 });

        var seen = dataverse.LastOperation.Of<ContextProbe>().Single().Values();
        Assert.Equal("name,numberofemployees", seen["pre.PreImage"]);
        Assert.Equal("accountnumber", seen["post.PostImage"]);
        Assert.Contains("createdon", seen["pre.Everything"], StringComparison.Ordinal);
        Assert.Contains("accountnumber", seen["pre.Everything"], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_has_a_post_image_and_the_new_id_in_OutputParameters()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 40, images: [new TestImage("PostImage", 1, "name", "id")]);
        var dataverse = _solution.Load();

        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var seen = dataverse.LastOperation.Of<ContextProbe>().Single().Values();
        Assert.Equal(id.ToString(), seen["outputid"]);
        Assert.Equal(id.ToString(), seen["id"]);
        Assert.Equal("name", seen["post.PostImage"]);
    }

    [Fact]
    public void The_context_describes_the_message_table_target_and_users()
    {
        _solution.AddStep(typeof(ContextProbe), "Update", "account", 20);
        _solution.AddStep(typeof(ContextProbe), "Delete", "account", 20);
        var dataverse = _solution.Load();
        var user = dataverse.SeedUser("Sam", "Seller");
        var id = dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });
        dataverse.SetNow(new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc));

        dataverse.ServiceAs(user).Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });
        var update = dataverse.LastOperation.Of<ContextProbe>().Single().Values();
        dataverse.ServiceAs(user).Delete("account", id);
        var delete = dataverse.LastOperation.Of<ContextProbe>().Single().Values();

        Assert.Equal("Update", update["message"]);
        Assert.Equal("account", update["table"]);
        Assert.Equal(id.ToString(), update["id"]);
        Assert.Equal("Entity", update["targettype"]);
        Assert.Equal("name", update["targetcolumns"]);
        Assert.Equal(user.ToString(), update["user"]);
        Assert.Equal(user.ToString(), update["initiatinguser"]);
        Assert.Equal("1", update["depth"]);
        Assert.Equal("none", update["parent"]);
        Assert.Equal("2026-06-01T12:00:00.0000000Z", update["createdon"]);
        Assert.Equal("EntityReference", delete["targettype"]);
    }

    [Fact]
    public void PreValidation_runs_outside_the_transaction_and_later_stages_inside_it()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 10, configuration: "validation");
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 20, configuration: "pre");
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 40, configuration: "post");
        var dataverse = _solution.Load();

        dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var inTransaction = dataverse.LastOperation.Of<ContextProbe>().Select(e => e.Values()["intransaction"]);
        Assert.Equal(["False", "True", "True"], inTransaction);
    }

    [Fact]
    public void Unsecure_and_secure_configuration_reach_the_constructor()
    {
        var stepId = _solution.AddStep(typeof(ConfigurationProbe), "Create", "account", 20, configuration: "{\"policy\":1}");
        _solution.AddStep(typeof(ParameterlessProbe), "Create", "account", 40);
        var options = new LocalDataverseOptions();
        options.SecureConfigurations[stepId] = "s3cret";
        var dataverse = _solution.Load(options);

        dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var seen = dataverse.LastOperation.Of<ConfigurationProbe>().Single().Values();
        Assert.Equal("{\"policy\":1}", seen["unsecure"]);
        Assert.Equal("s3cret", seen["secure"]);
        Assert.Equal("Create", dataverse.LastOperation.Of<ParameterlessProbe>().Single().Values()["ran"]);
    }

    [Fact]
    public void Depth_grows_with_nested_calls_and_the_chain_aborts_past_depth_8()
    {
        _solution.AddStep(typeof(Recurser), "Update", "account", 40, filtering: "numberofemployees");
        var dataverse = _solution.Load();
        var id = dataverse.Seed(new Entity("account") { ["name"] = "Loop", ["numberofemployees"] = 0 });

        var error = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = 1 }));

        Assert.Contains("infinite loop", error.Message, StringComparison.Ordinal);
        var depths = dataverse.LastOperation.Of<Recurser>().Select(e => int.Parse(e.Values()["depth"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 8), depths);
        Assert.Equal(0, dataverse.Read("account", id).GetAttributeValue<int>("numberofemployees"));
    }

    [Fact]
    public void SharedVariables_are_shared_within_an_operation_and_the_tag_parameter_arrives_as_one()
    {
        _solution.AddStep(typeof(SharedVariableWriter), "Update", "account", 20);
        _solution.AddStep(typeof(ContextProbe), "Update", "account", 40);
        var dataverse = _solution.Load();
        var id = dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });
        var request = new UpdateRequest { Target = new Entity("account", id) { ["name"] = "Contoso Ltd" } };
        request.Parameters["tag"] = "dvr-recalculation";

        dataverse.Service.Execute(request);

        Assert.Equal("tag:dvr-recalculation,writtenby:stage20", dataverse.LastOperation.Of<ContextProbe>().Single().Values()["variables"]);
    }

    [Fact]
    public void A_nested_operation_sees_its_parent_context_and_its_own_shared_variables()
    {
        _solution.AddStep(typeof(SharedVariableWriter), "Create", "contact", 20);
        _solution.AddStep(typeof(TaggedParentUpdater), "Create", "contact", 40);
        _solution.AddStep(typeof(ContextProbe), "Update", "account", 40);
        var dataverse = _solution.Load();
        var account = dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });

        dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Ng", ["parentcustomerid"] = new EntityReference("account", account) });

        var nested = dataverse.LastOperation.Of<ContextProbe>().Single().Values();
        Assert.Equal("2", nested["depth"]);
        Assert.Equal("Create", nested["parent"]);
        Assert.Equal("tag:from-contact", nested["variables"]);
        Assert.Equal("writtenby:stage20", nested["parentvariables"]);
        Assert.Equal(dataverse.SystemUserId.ToString(), nested["user"]);
        Assert.Equal(dataverse.DefaultUserId.ToString(), nested["initiatinguser"]);
        Assert.Equal("TAGGED", dataverse.Read("account", account).GetAttributeValue<string>("accountnumber"));
    }

    [Fact]
    public void The_service_factory_gives_SYSTEM_for_null_and_the_calling_user_for_an_empty_id()
    {
        _solution.AddStep(typeof(ServiceFactoryProbe), "Create", "account", 20);
        var dataverse = _solution.Load();
        var user = dataverse.SeedUser("Sam", "Seller");

        dataverse.ServiceAs(user).Create(new Entity("account") { ["name"] = "Contoso" });

        var seen = dataverse.LastOperation.Of<ServiceFactoryProbe>().Single().Values();
        Assert.Equal(dataverse.SystemUserId.ToString(), seen["system"]);
        Assert.Equal(user.ToString(), seen["caller"]);
    }

    [Fact]
    public void Win_and_Lose_run_their_steps_with_the_close_and_status()
    {
        _solution.AddStep(typeof(ContextProbe), "Win", "opportunity", 40);
        var dataverse = _solution.Load();
        var id = dataverse.Seed(new Entity("opportunity") { ["name"] = "Deal" });

        dataverse.Service.Execute(new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id) },
            Status = new OptionSetValue(-1),
        });

        var seen = dataverse.LastOperation.Of<ContextProbe>().Single().Values();
        Assert.Equal("Win", seen["message"]);
        Assert.Equal("opportunity", seen["table"]);
        Assert.Equal(id.ToString(), seen["closeopportunity"]);
        Assert.Equal("-1", seen["status"]);
        Assert.Equal("OpportunityClose,Status", seen["inputs"]);
        Assert.Equal(3, dataverse.Read("opportunity", id).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void An_exception_other_than_InvalidPluginExecutionException_is_reported_with_the_plugin_type()
    {
        _solution.AddStep(typeof(Crasher), "Create", "account", 20);
        var dataverse = _solution.Load();

        var error = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Contains(typeof(Crasher).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("the crash", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}
