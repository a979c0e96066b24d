using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class OrganizationServiceTests
{
    private readonly LocalDataverse _dataverse = new();

    [Fact]
    public void Create_then_Retrieve_returns_the_requested_columns_and_the_key()
    {
        var id = _dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "A-1" });

        var row = _dataverse.Service.Retrieve("account", id, new ColumnSet("name"));

        Assert.Equal(id, row.Id);
        Assert.Equal("Contoso", row.GetAttributeValue<string>("name"));
        Assert.False(row.Contains("accountnumber"));
        Assert.Equal(id, row.GetAttributeValue<Guid>("accountid"));
    }

    [Fact]
    public void Returned_entities_are_copies_that_never_share_state_with_the_store()
    {
        var created = new Entity("account") { ["name"] = "Contoso", ["revenue"] = new Money(10m) };
        var id = _dataverse.Service.Create(created);
        created["name"] = "Changed after create";
        ((Money)created["revenue"]).Value = 99m;

        var first = _dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        first["name"] = "Changed after retrieve";
        first.GetAttributeValue<Money>("revenue").Value = 77m;
        var again = _dataverse.Service.Retrieve("account", id, new ColumnSet(true));

        Assert.Equal("Contoso", again.GetAttributeValue<string>("name"));
        Assert.Equal(10m, again.GetAttributeValue<Money>("revenue").Value);
        Assert.Equal(Guid.Empty, created.Id);
    }

    [Fact]
    public void Update_changes_only_the_given_columns_and_null_clears_a_column()
    {
        var id = _dataverse.Seed(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "A-1", ["numberofemployees"] = 5 });

        _dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = 6, ["accountnumber"] = null });

        var row = _dataverse.Read("account", id);
        Assert.Equal("Contoso", row.GetAttributeValue<string>("name"));
        Assert.Equal(6, row.GetAttributeValue<int>("numberofemployees"));
        Assert.False(row.Contains("accountnumber"));
    }

    [Fact]
    public void Update_and_Delete_of_a_missing_row_fail_naming_the_row()
    {
        var missing = Guid.NewGuid();

        var update = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Update(new Entity("account", missing) { ["name"] = "x" }));
        var delete = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Delete("account", missing));

        Assert.Equal($"account With Id = {missing} Does Not Exist", update.Message);
        Assert.Equal(PlatformErrorCodes.ObjectDoesNotExist, delete.ErrorCode);
    }

    [Fact]
    public void Delete_removes_the_row()
    {
        var id = _dataverse.Seed(new Entity("account") { ["name"] = "Gone" });

        _dataverse.Service.Execute(new DeleteRequest { Target = new EntityReference("account", id) });

        Assert.Null(_dataverse.Find("account", id));
    }

    [Fact]
    public void Create_with_an_existing_id_is_a_duplicate()
    {
        var id = _dataverse.Seed(new Entity("account") { ["name"] = "One" });

        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("account", id) { ["name"] = "Two" }));

        Assert.Equal(PlatformErrorCodes.DuplicateRecord, error.ErrorCode);
    }

    [Fact]
    public void WhoAmI_answers_the_calling_user()
    {
        var user = _dataverse.SeedUser("Sam", "Seller");

        var response = (WhoAmIResponse)_dataverse.ServiceAs(user).Execute(new WhoAmIRequest());

        Assert.Equal(user, response.UserId);
        Assert.Equal(_dataverse.OrganizationId, response.OrganizationId);
    }

    [Fact]
    public void Create_sets_the_calling_user_as_owner_and_creator()
    {
        var user = _dataverse.SeedUser("Sam", "Seller");

        var id = _dataverse.ServiceAs(user).Create(new Entity("account") { ["name"] = "Mine" });

        var row = _dataverse.Read("account", id);
        Assert.Equal(user, row.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(user, row.GetAttributeValue<EntityReference>("createdby").Id);
    }

    [Fact]
    public void Setting_statecode_alone_sets_the_default_statuscode_of_that_state()
    {
        var id = _dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });

        _dataverse.Service.Update(new Entity("account", id) { ["statecode"] = new OptionSetValue(1) });

        Assert.Equal(2, _dataverse.Read("account", id).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void SetState_sets_state_and_status_and_minus_one_means_the_default_status()
    {
        var id = _dataverse.Seed(new Entity("contact") { ["lastname"] = "Ng" });

        _dataverse.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("contact", id), State = new OptionSetValue(1), Status = new OptionSetValue(-1) });

        var row = _dataverse.Read("contact", id);
        Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void An_opportunity_cannot_be_won_through_Update_or_SetState()
    {
        var id = _dataverse.Seed(new Entity("opportunity") { ["name"] = "Deal" });

        var update = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Update(new Entity("opportunity", id) { ["statecode"] = new OptionSetValue(1) }));
        var setState = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("opportunity", id), State = new OptionSetValue(2), Status = new OptionSetValue(4) }));

        Assert.Contains("WinOpportunityRequest", update.Message, StringComparison.Ordinal);
        Assert.Contains("LoseOpportunityRequest", setState.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opportunity_cannot_be_created_already_won_or_lost()
    {
        var created = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("opportunity") { ["name"] = "Deal", ["statecode"] = new OptionSetValue(1) }));

        Assert.Contains("WinOpportunityRequest", created.Message, StringComparison.Ordinal);
        Assert.Empty(_dataverse.ReadAll("opportunity"));
    }

    [Fact]
    public void A_closed_opportunity_cannot_be_won_or_lost_again_and_nothing_changes()
    {
        var id = _dataverse.Seed(new Entity("opportunity") { ["name"] = "Deal", ["estimatedvalue"] = new Money(5000m) });
        Entity Close() => new("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id) };
        _dataverse.Service.Execute(new WinOpportunityRequest { OpportunityClose = Close(), Status = new OptionSetValue(3) });
        var won = _dataverse.Read("opportunity", id);

        var again = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(new WinOpportunityRequest { OpportunityClose = Close(), Status = new OptionSetValue(3) }));
        var lose = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(new LoseOpportunityRequest { OpportunityClose = Close(), Status = new OptionSetValue(4) }));

        Assert.Contains("is already Won", again.Message, StringComparison.Ordinal);
        Assert.Contains("is already Won", lose.Message, StringComparison.Ordinal);
        Assert.Equal(won.GetAttributeValue<DateTime>("actualclosedate"), _dataverse.Read("opportunity", id).GetAttributeValue<DateTime>("actualclosedate"));
        Assert.Equal(3, _dataverse.Read("opportunity", id).GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Single(_dataverse.ReadAll("opportunityclose"));
    }

    [Fact]
    public void Win_closes_the_opportunity_as_won_and_records_a_completed_opportunityclose()
    {
        _dataverse.SetNow(new DateTime(2026, 5, 20, 14, 0, 0, DateTimeKind.Utc));
        var id = _dataverse.Seed(new Entity("opportunity") { ["name"] = "Deal", ["estimatedvalue"] = new Money(5000m) });

        _dataverse.Service.Execute(new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id), ["subject"] = "Won it" },
            Status = new OptionSetValue(3),
        });

        var row = _dataverse.Read("opportunity", id);
        Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(3, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal(5000m, row.GetAttributeValue<Money>("actualvalue").Value);
        Assert.Equal(new DateTime(2026, 5, 20), row.GetAttributeValue<DateTime>("actualclosedate"));
        var close = Assert.Single(_dataverse.ReadAll("opportunityclose"));
        Assert.Equal(id, close.GetAttributeValue<EntityReference>("opportunityid").Id);
        Assert.Equal(1, close.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(2, close.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal("Won it", close.GetAttributeValue<string>("subject"));
    }

    [Fact]
    public void Lose_closes_the_opportunity_as_lost_with_the_given_status_and_close_date()
    {
        var id = _dataverse.Seed(new Entity("opportunity") { ["name"] = "Deal", ["estimatedvalue"] = new Money(5000m) });

        _dataverse.Service.Execute(new LoseOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id), ["actualend"] = new DateTime(2026, 4, 2, 9, 0, 0, DateTimeKind.Utc) },
            Status = new OptionSetValue(5),
        });

        var row = _dataverse.Read("opportunity", id);
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(5, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal(new DateTime(2026, 4, 2), row.GetAttributeValue<DateTime>("actualclosedate"));
        Assert.False(row.Contains("actualvalue"));
        Assert.Equal(5, _dataverse.ReadAll("opportunityclose").Single().GetAttributeValue<OptionSetValue>("opportunitystatuscode").Value);
    }

    [Fact]
    public void Lose_with_a_won_status_is_rejected()
    {
        var id = _dataverse.Seed(new Entity("opportunity") { ["name"] = "Deal" });

        Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(new LoseOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id) },
            Status = new OptionSetValue(3),
        }));
        Assert.Equal(0, _dataverse.Read("opportunity", id).GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [Fact]
    public void Upsert_creates_then_updates()
    {
        var id = Guid.NewGuid();

        var first = (UpsertResponse)_dataverse.Service.Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "One" } });
        var second = (UpsertResponse)_dataverse.Service.Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "Two" } });

        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        Assert.Equal("Two", _dataverse.Read("account", id).GetAttributeValue<string>("name"));
    }

    [Fact]
    public void An_unknown_message_is_rejected_by_name()
    {
        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Execute(new OrganizationRequest("dvr_NoSuchApi")));

        Assert.Contains("dvr_NoSuchApi", error.Message, StringComparison.Ordinal);
    }
}
