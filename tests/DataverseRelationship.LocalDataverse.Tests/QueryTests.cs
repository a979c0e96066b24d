using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class QueryTests
{
    private readonly LocalDataverse _dataverse = new();
    private readonly Guid _contoso;
    private readonly Guid _fabrikam;

    public QueryTests()
    {
        _contoso = _dataverse.Seed(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 50, ["industrycode"] = new OptionSetValue(7) });
        _fabrikam = _dataverse.Seed(new Entity("account") { ["name"] = "Fabrikam", ["numberofemployees"] = 500 });
        _dataverse.Seed(new Entity("account") { ["name"] = "Northwind", ["numberofemployees"] = 5, ["industrycode"] = new OptionSetValue(16) });
        Opportunity("Alpha", _contoso, 100m, new DateTime(2026, 1, 10, 8, 0, 0, DateTimeKind.Utc));
        Opportunity("Beta", _contoso, 200m, new DateTime(2026, 1, 11, 23, 0, 0, DateTimeKind.Utc));
        Opportunity("Gamma", _fabrikam, 300m, new DateTime(2026, 1, 12, 0, 30, 0, DateTimeKind.Utc));
        Opportunity("Delta", null, 400m, new DateTime(2026, 1, 13, 12, 0, 0, DateTimeKind.Utc));
    }

    private void Opportunity(string name, Guid? account, decimal value, DateTime close)
    {
        var row = new Entity("opportunity") { ["name"] = name, ["estimatedvalue"] = new Money(value), ["estimatedclosedate"] = close, ["createdon"] = close };
        if (account is { } id)
        {
            row["parentaccountid"] = new EntityReference("account", id);
        }

        _dataverse.Seed(row);
    }

    private string[] Names(QueryBase query) =>
        _dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();

    private string[] AccountNames(Action<FilterExpression> filter)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("name", OrderType.Ascending);
        filter(query.Criteria);
        return Names(query);
    }

    [Fact]
    public void Conditions_read_the_row_version_and_columns_the_table_has_never_held()
    {
        // versionnumber is kept on the row, not in a cell; a column no row has held yet is null on every row.
        var seeded = _dataverse.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("versionnumber") })
            .Entities.Max(e => e.GetAttributeValue<long>("versionnumber"));
        _dataverse.Service.Update(new Entity("account", _contoso) { ["numberofemployees"] = 51 });
        Assert.Equal(["Contoso"], AccountNames(f => f.AddCondition("versionnumber", ConditionOperator.GreaterThan, seeded)));
        Assert.Equal(["Contoso", "Fabrikam", "Northwind"], AccountNames(f => f.AddCondition("accountnumber", ConditionOperator.Null)));
        Assert.Empty(AccountNames(f => f.AddCondition("accountnumber", ConditionOperator.Equal, "A-1")));
    }

    [Fact]
    public void Comparison_operators_filter_rows_and_nulls_never_compare()
    {
        Assert.Equal(["Contoso"], AccountNames(f => f.AddCondition("name", ConditionOperator.Equal, "contoso")));
        Assert.Equal(["Fabrikam", "Northwind"], AccountNames(f => f.AddCondition("name", ConditionOperator.NotEqual, "Contoso")));
        Assert.Equal(["Contoso", "Fabrikam"], AccountNames(f => f.AddCondition("numberofemployees", ConditionOperator.GreaterEqual, 50)));
        Assert.Equal(["Fabrikam"], AccountNames(f => f.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 50)));
        Assert.Equal(["Contoso", "Northwind"], AccountNames(f => f.AddCondition("numberofemployees", ConditionOperator.LessEqual, 50)));
        Assert.Equal(["Northwind"], AccountNames(f => f.AddCondition("numberofemployees", ConditionOperator.LessThan, 50)));
        Assert.Equal(["Contoso", "Northwind"], AccountNames(f => f.AddCondition("industrycode", ConditionOperator.In, 7, 16)));
        Assert.Equal(["Northwind"], AccountNames(f => f.AddCondition("industrycode", ConditionOperator.NotIn, 7)));
        Assert.Equal(["Fabrikam"], AccountNames(f => f.AddCondition("industrycode", ConditionOperator.Null)));
        Assert.Equal(["Contoso", "Northwind"], AccountNames(f => f.AddCondition("industrycode", ConditionOperator.NotNull)));
    }

    [Fact]
    public void Like_and_begins_with_match_text_without_regard_to_case()
    {
        Assert.Equal(["Contoso"], AccountNames(f => f.AddCondition("name", ConditionOperator.Like, "%ONT%")));
        Assert.Equal(["Fabrikam"], AccountNames(f => f.AddCondition("name", ConditionOperator.Like, "F_brik%")));
        Assert.Equal(["Fabrikam", "Northwind"], AccountNames(f => f.AddCondition("name", ConditionOperator.NotLike, "C%")));
        Assert.Equal(["Northwind"], AccountNames(f => f.AddCondition("name", ConditionOperator.BeginsWith, "north")));
        Assert.Equal(["Northwind"], AccountNames(f => f.AddCondition("name", ConditionOperator.EndsWith, "WIND")));
    }

    [Fact]
    public void Nested_and_or_filters_combine()
    {
        var names = AccountNames(f =>
        {
            f.FilterOperator = LogicalOperator.Or;
            f.AddCondition("name", ConditionOperator.Equal, "Northwind");
            var both = f.AddFilter(LogicalOperator.And);
            both.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 10);
            both.AddCondition("industrycode", ConditionOperator.Null);
        });

        Assert.Equal(["Fabrikam", "Northwind"], names);
    }

    [Fact]
    public void Date_operators_compare_the_date_part()
    {
        string[] Dates(ConditionOperator op)
        {
            var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
            query.Criteria.AddCondition("createdon", op, new DateTime(2026, 1, 11, 6, 0, 0, DateTimeKind.Utc));
            query.AddOrder("name", OrderType.Ascending);
            return Names(query);
        }

        Assert.Equal(["Beta"], Dates(ConditionOperator.On));
        Assert.Equal(["Beta", "Delta", "Gamma"], Dates(ConditionOperator.OnOrAfter));
        Assert.Equal(["Alpha", "Beta"], Dates(ConditionOperator.OnOrBefore));
    }

    [Fact]
    public void Relative_date_operators_use_the_injected_clock()
    {
        _dataverse.SetNow(new DateTime(2026, 1, 13, 18, 0, 0, DateTimeKind.Utc));
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("createdon", ConditionOperator.LastXDays, 1);
        query.AddOrder("name", OrderType.Ascending);

        Assert.Equal(["Delta", "Gamma"], Names(query));
    }

    [Fact]
    public void Inner_link_returns_aliased_columns_and_drops_unmatched_rows()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("account", "parentaccountid", "accountid");
        link.EntityAlias = "acct";
        link.Columns = new ColumnSet("name", "numberofemployees");
        link.LinkCriteria.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 10);
        query.AddOrder("name", OrderType.Ascending);

        var rows = _dataverse.Service.RetrieveMultiple(query).Entities;

        Assert.Equal(["Alpha", "Beta", "Gamma"], rows.Select(r => r.GetAttributeValue<string>("name")).ToArray());
        var aliased = rows[2].GetAttributeValue<AliasedValue>("acct.name");
        Assert.Equal("Fabrikam", aliased.Value);
        Assert.Equal("account", aliased.EntityLogicalName);
        Assert.Equal("name", aliased.AttributeLogicalName);
        Assert.Equal(500, rows[2].GetAttributeValue<AliasedValue>("acct.numberofemployees").Value);
    }

    [Fact]
    public void Left_outer_link_keeps_unmatched_rows_and_a_condition_can_name_the_link_alias()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("account", "parentaccountid", "accountid", JoinOperator.LeftOuter);
        link.EntityAlias = "acct";
        link.Columns = new ColumnSet("name");
        query.AddOrder("name", OrderType.Ascending);

        var all = _dataverse.Service.RetrieveMultiple(query).Entities;
        query.Criteria.AddCondition("acct", "accountid", ConditionOperator.Null);
        var orphans = Names(query);

        Assert.Equal(4, all.Count);
        Assert.False(all.Single(e => e.GetAttributeValue<string>("name") == "Delta").Contains("acct.name"));
        Assert.Equal(["Delta"], orphans);
    }

    [Fact]
    public void A_link_without_alias_is_named_after_its_table()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddLink("account", "parentaccountid", "accountid").Columns = new ColumnSet("name");
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Gamma");

        var row = _dataverse.Service.RetrieveMultiple(query).Entities.Single();

        Assert.Equal("Fabrikam", row.GetAttributeValue<AliasedValue>("account1.name").Value);
    }

    [Fact]
    public void The_security_role_check_query_finds_a_role_through_systemuserroles()
    {
        var manager = _dataverse.SeedUser("Rita", "Manager");
        var seller = _dataverse.SeedUser("Sam", "Seller");
        var role = _dataverse.SeedRole("Relationship Manager");
        _dataverse.AssignRole(manager, role);
        _dataverse.AssignRole(seller, _dataverse.SeedRole("Salesperson"));

        bool HasRole(Guid user)
        {
            var query = new QueryExpression("role") { ColumnSet = new ColumnSet("roleid"), TopCount = 1 };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, "Relationship Manager");
            var link = query.AddLink("systemuserroles", "roleid", "roleid");
            link.LinkCriteria.AddCondition("systemuserid", ConditionOperator.Equal, user);
            return _dataverse.Service.RetrieveMultiple(query).Entities.Count > 0;
        }

        Assert.True(HasRole(manager));
        Assert.False(HasRole(seller));
    }

    [Fact]
    public void Orders_apply_in_sequence_and_TopCount_limits()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name"), TopCount = 2 };
        query.AddOrder("estimatedvalue", OrderType.Descending);

        Assert.Equal(["Delta", "Gamma"], Names(query));
    }

    [Fact]
    public void Paging_returns_pages_with_more_records_and_a_cookie()
    {
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 3, PageNumber = 1, ReturnTotalRecordCount = true } };
        query.AddOrder("name", OrderType.Ascending);

        var first = _dataverse.Service.RetrieveMultiple(query);
        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;
        var second = _dataverse.Service.RetrieveMultiple(query);

        Assert.Equal(["Alpha", "Beta", "Delta"], first.Entities.Select(e => e.GetAttributeValue<string>("name")));
        Assert.True(first.MoreRecords);
        Assert.Equal(4, first.TotalRecordCount);
        Assert.StartsWith("<cookie page=\"1\">", first.PagingCookie, StringComparison.Ordinal);
        Assert.Equal(["Gamma"], second.Entities.Select(e => e.GetAttributeValue<string>("name")));
        Assert.False(second.MoreRecords);
    }

    [Fact]
    public void TopCount_and_paging_together_are_rejected()
    {
        var query = new QueryExpression("opportunity") { TopCount = 1, PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };

        Assert.Throws<DataverseFaultException>(() => _dataverse.Service.RetrieveMultiple(query));
    }

    [Fact]
    public void QueryByAttribute_matches_every_attribute_value_pair()
    {
        var query = new QueryByAttribute("opportunity") { ColumnSet = new ColumnSet("name") };
        query.AddAttributeValue("parentaccountid", _contoso);
        query.AddOrder("name", OrderType.Descending);

        Assert.Equal(["Beta", "Alpha"], Names(query));
    }

    [Fact]
    public void A_lookup_condition_uses_the_index_and_sees_later_changes()
    {
        var beta = _dataverse.ReadAll("opportunity").Single(o => o.GetAttributeValue<string>("name") == "Beta");
        _dataverse.Service.Update(new Entity("opportunity", beta.Id) { ["parentaccountid"] = new EntityReference("account", _fabrikam) });
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, _fabrikam);
        query.AddOrder("name", OrderType.Ascending);

        Assert.Equal(["Beta", "Gamma"], Names(query));
    }

    [Fact]
    public void A_condition_value_of_the_wrong_type_is_rejected()
    {
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("numberofemployees", ConditionOperator.Equal, "fifty");

        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Service.RetrieveMultiple(query));

        Assert.Contains("numberofemployees", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_in_a_column_set_is_rejected()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("nosuchcolumn") };

        Assert.Throws<DataverseFaultException>(() => _dataverse.Service.RetrieveMultiple(query));
    }
}
