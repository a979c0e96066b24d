using System;
using System.Collections.Generic;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>OrganizationRequest/Response and the typed messages behave as behaviour.txt records.</summary>
public class MessageBehaviourTests
{
    [Fact]
    public void Parameterless_OrganizationRequest_has_no_name_and_empty_parameters()
    {
        var request = new OrganizationRequest();

        Assert.Null(request.RequestName);
        Assert.NotNull(request.Parameters);
        Assert.Equal(0, request.Parameters.Count);
    }

    [Fact]
    public void OrganizationRequest_indexer_on_a_missing_parameter_throws_KeyNotFoundException()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new OrganizationRequest("x")["missing"]);
        Assert.Equal("The given key 'missing' was not present in the dictionary.", error.Message);
    }

    [Fact]
    public void New_OrganizationResponse_has_results()
    {
        Assert.NotNull(new OrganizationResponse().Results);
    }

    public static TheoryData<OrganizationRequest, string> Requests() => new()
    {
        { new CreateRequest(), "Create" },
        { new UpdateRequest(), "Update" },
        { new DeleteRequest(), "Delete" },
        { new RetrieveRequest(), "Retrieve" },
        { new RetrieveMultipleRequest(), "RetrieveMultiple" },
        { new UpsertRequest(), "Upsert" },
        { new AssociateRequest(), "Associate" },
        { new DisassociateRequest(), "Disassociate" },
        { new ExecuteMultipleRequest(), "ExecuteMultiple" },
        { new WinOpportunityRequest(), "WinOpportunity" },
        { new LoseOpportunityRequest(), "LoseOpportunity" },
        { new SetStateRequest(), "SetState" },
        { new WhoAmIRequest(), "WhoAmI" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Typed_request_is_named_by_its_constructor(OrganizationRequest request, string name)
    {
        Assert.Equal(name, request.RequestName);
    }

    [Fact]
    public void Request_properties_write_and_read_the_parameter_of_the_same_name()
    {
        var target = new Entity("account", Guid.NewGuid());
        var create = new CreateRequest { Target = target };

        Assert.Same(target, create.Parameters["Target"]);
        create.Parameters["Target"] = new Entity("contact");
        Assert.Equal("contact", create.Target.LogicalName);
    }

    [Fact]
    public void Update_request_carries_an_optional_tag_parameter()
    {
        var update = new UpdateRequest { Target = new Entity("account", Guid.NewGuid()) };
        update.Parameters["tag"] = "dvr-recalculation";

        Assert.Equal("dvr-recalculation", update["tag"]);
    }

    [Fact]
    public void SetState_request_properties_map_to_their_parameters()
    {
        var moniker = new EntityReference("opportunity", Guid.NewGuid());
        var request = new SetStateRequest { EntityMoniker = moniker, State = new OptionSetValue(1), Status = new OptionSetValue(3) };

        Assert.Same(moniker, request.Parameters["EntityMoniker"]);
        Assert.Equal(new OptionSetValue(1), request.Parameters["State"]);
        Assert.Equal(new OptionSetValue(3), request.Parameters["Status"]);
    }

    [Fact]
    public void RetrieveMultiple_request_query_maps_to_the_Query_parameter()
    {
        var query = new QueryExpression("account");

        Assert.Same(query, new RetrieveMultipleRequest { Query = query }.Parameters["Query"]);
    }

    [Fact]
    public void CreateResponse_id_is_empty_when_the_result_is_absent()
    {
        Assert.Equal(Guid.Empty, new CreateResponse().id);
    }

    [Fact]
    public void Response_properties_read_the_result_of_the_same_name()
    {
        var id = Guid.NewGuid();
        var create = new CreateResponse();
        create.Results["id"] = id;
        var retrieveMultiple = new RetrieveMultipleResponse();
        var rows = new EntityCollection();
        retrieveMultiple.Results["EntityCollection"] = rows;
        var whoAmI = new WhoAmIResponse();
        whoAmI.Results["UserId"] = id;

        Assert.Equal(id, create.id);
        Assert.Same(rows, retrieveMultiple.EntityCollection);
        Assert.Equal(id, whoAmI.UserId);
    }

    [Fact]
    public void Response_property_of_a_result_of_another_type_throws_InvalidCastException()
    {
        var create = new CreateResponse();
        create.Results["id"] = "not a guid";

        Assert.Throws<InvalidCastException>(() => create.id);
    }
}
