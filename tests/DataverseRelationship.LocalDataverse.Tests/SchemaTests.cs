using System;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly TestSolution _solution = new();
    private readonly LocalDataverse _dataverse;

    public SchemaTests() => _dataverse = _solution.Load();

    public void Dispose() => _solution.Dispose();

    [Fact]
    public void A_value_of_the_wrong_type_is_rejected_naming_the_column_and_both_types()
    {
        var error = Assert.Throws<DataverseFaultException>(() =>
            _dataverse.Service.Create(new Entity("opportunity") { ["name"] = "Deal", ["dvr_sellermargin"] = 12 }));

        Assert.Equal("Incorrect type of attribute value System.Int32 for column 'dvr_sellermargin' (expected System.Decimal).", error.Message);
        Assert.Equal(0, _dataverse.Count("opportunity"));
    }

    [Fact]
    public void An_unknown_column_is_rejected_naming_table_and_column()
    {
        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("account") { ["dvr_nosuchcolumn"] = "x" }));

        Assert.Contains("'account' entity doesn't contain attribute with Name = 'dvr_nosuchcolumn'", error.Message, StringComparison.Ordinal);
        Assert.Equal(PlatformErrorCodes.QueryBuilderNoAttribute, error.ErrorCode);
    }

    [Fact]
    public void An_unknown_table_is_rejected()
    {
        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("dvr_nosuchtable")));

        Assert.Contains("dvr_nosuchtable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_table_from_Entity_xml_takes_its_columns_and_gets_the_platform_columns()
    {
        _dataverse.SetNow(new DateTime(2026, 3, 1, 10, 30, 0, DateTimeKind.Utc));
        var id = _dataverse.Service.Create(new Entity("dvr_widget")
        {
            ["dvr_name"] = "Gear",
            ["dvr_score"] = 42.5m,
            ["dvr_kind"] = new OptionSetValue(418700001),
            ["dvr_count"] = 3,
            ["dvr_active"] = true,
            ["dvr_reviewedon"] = new DateTime(2026, 2, 3, 17, 45, 0, DateTimeKind.Utc),
            ["dvr_notes"] = "long text",
        });

        var row = _dataverse.Read("dvr_widget", id);
        Assert.Equal(id, row.GetAttributeValue<Guid>("dvr_widgetid"));
        Assert.Equal(new DateTime(2026, 3, 1, 10, 30, 0, DateTimeKind.Utc), row.GetAttributeValue<DateTime>("createdon"));
        Assert.Equal(new EntityReference("systemuser", _dataverse.DefaultUserId), row.GetAttributeValue<EntityReference>("ownerid"));
        Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal(new DateTime(2026, 2, 3), row.GetAttributeValue<DateTime>("dvr_reviewedon"));
    }

    [Fact]
    public void A_value_outside_the_column_range_is_rejected()
    {
        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("dvr_widget") { ["dvr_score"] = 100.5m }));

        Assert.Contains("'dvr_score'", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the valid range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_the_column_allows_is_rejected()
    {
        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("dvr_widget") { ["dvr_name"] = new string('x', 21) }));

        Assert.Contains("'dvr_name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Currency_columns_get_their_base_currency_copy()
    {
        var id = _dataverse.Service.Create(new Entity("opportunity") { ["name"] = "Deal", ["estimatedvalue"] = new Money(1250m) });

        var row = _dataverse.Read("opportunity", id);
        Assert.Equal(1250m, row.GetAttributeValue<Money>("estimatedvalue_base").Value);
        Assert.Equal(1m, row.GetAttributeValue<decimal>("exchangerate"));
    }

    [Fact]
    public void A_lookup_to_a_row_that_does_not_exist_is_rejected()
    {
        var missing = Guid.NewGuid();
        var error = Assert.Throws<DataverseFaultException>(() =>
            _dataverse.Service.Create(new Entity("opportunity") { ["parentaccountid"] = new EntityReference("account", missing) }));

        Assert.Contains($"account With Id = {missing} Does Not Exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lookup_to_a_table_the_column_does_not_target_is_rejected()
    {
        var contact = _dataverse.Seed(new Entity("contact") { ["lastname"] = "Ng" });
        var error = Assert.Throws<DataverseFaultException>(() =>
            _dataverse.Service.Create(new Entity("opportunity") { ["parentaccountid"] = new EntityReference("contact", contact) }));

        Assert.Contains("parentaccountid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_lookup_targets_the_table_its_solution_relationship_names()
    {
        var account = _dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });
        var contact = _dataverse.Seed(new Entity("contact") { ["lastname"] = "Ng" });

        _dataverse.Service.Create(new Entity("dvr_widget") { ["dvr_accountid"] = new EntityReference("account", account) });
        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("dvr_widget") { ["dvr_accountid"] = new EntityReference("contact", contact) }));

        Assert.Contains("'dvr_accountid' of 'dvr_widget' cannot reference a 'contact' row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_value_the_column_does_not_offer_is_rejected()
    {
        var custom = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("dvr_widget") { ["dvr_kind"] = new OptionSetValue(418700009) }));
        var standard = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Ng", ["accountrolecode"] = new OptionSetValue(4) }));

        Assert.Equal("A validation error occurred. The value 418700009 of 'dvr_kind' on record of type 'dvr_widget' is outside the valid range.", custom.Message);
        Assert.Contains("'accountrolecode'", standard.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_platform_computes_the_full_name_of_a_contact()
    {
        var id = _dataverse.Service.Create(new Entity("contact") { ["firstname"] = "Ada", ["lastname"] = "Lovelace" });

        Assert.Equal("Ada Lovelace", _dataverse.Read("contact", id).GetAttributeValue<string>("fullname"));
    }
}
