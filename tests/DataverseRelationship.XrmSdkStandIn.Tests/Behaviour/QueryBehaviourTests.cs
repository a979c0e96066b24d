using System;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>The query types behave as behaviour.txt records.</summary>
public class QueryBehaviourTests
{
    [Fact]
    public void New_QueryExpression_has_an_empty_column_set_that_is_not_all_columns()
    {
        var query = new QueryExpression("account");

        Assert.NotNull(query.ColumnSet);
        Assert.False(query.ColumnSet.AllColumns);
        Assert.Empty(query.ColumnSet.Columns);
    }

    [Fact]
    public void New_QueryExpression_has_an_empty_And_criteria_filter()
    {
        var query = new QueryExpression("account");

        Assert.NotNull(query.Criteria);
        Assert.Equal(LogicalOperator.And, query.Criteria.FilterOperator);
        Assert.Empty(query.Criteria.Conditions);
    }

    [Fact]
    public void New_QueryExpression_has_an_unpaged_page_info()
    {
        var query = new QueryExpression("account");

        Assert.NotNull(query.PageInfo);
        Assert.Equal(0, query.PageInfo.Count);
        Assert.Equal(0, query.PageInfo.PageNumber);
    }

    [Fact]
    public void New_QueryExpression_has_no_top_count_distinct_lock_hint_orders_or_links()
    {
        var query = new QueryExpression("account");

        Assert.Null(query.TopCount);
        Assert.False(query.Distinct);
        Assert.False(query.NoLock);
        Assert.Empty(query.Orders);
        Assert.Empty(query.LinkEntities);
    }

    [Fact]
    public void Parameterless_QueryExpression_has_no_table_name()
    {
        Assert.Null(new QueryExpression().EntityName);
    }

    [Fact]
    public void ColumnSet_true_is_all_columns_with_no_listed_columns()
    {
        var columns = new ColumnSet(true);

        Assert.True(columns.AllColumns);
        Assert.Empty(columns.Columns);
    }

    [Fact]
    public void ColumnSet_of_names_lists_them_in_order()
    {
        Assert.Equal(new[] { "a", "b" }, new ColumnSet("a", "b").Columns);
    }

    [Fact]
    public void Parameterless_ColumnSet_is_not_all_columns()
    {
        Assert.False(new ColumnSet().AllColumns);
    }

    [Fact]
    public void AddColumn_does_not_remove_duplicates()
    {
        var columns = new ColumnSet();

        columns.AddColumn("name");
        columns.AddColumn("name");

        Assert.Equal(2, columns.Columns.Count);
    }

    [Fact]
    public void Condition_with_one_value_holds_that_value()
    {
        var condition = new ConditionExpression("attr", ConditionOperator.Equal, 5);

        Assert.Equal(new object[] { 5 }, condition.Values);
    }

    [Fact]
    public void Condition_with_an_object_array_takes_each_element_as_a_value()
    {
        var condition = new ConditionExpression("attr", ConditionOperator.In, new object[] { 1, 2 });

        Assert.Equal(new object[] { 1, 2 }, condition.Values);
    }

    [Fact]
    public void Condition_with_an_int_array_uses_the_collection_constructor_and_takes_each_element()
    {
        var condition = new ConditionExpression("attr", ConditionOperator.In, new[] { 1, 2 });

        Assert.Equal(new object[] { 1, 2 }, condition.Values);
    }

    [Fact]
    public void Condition_without_values_has_none()
    {
        var condition = new ConditionExpression("attr", ConditionOperator.Null);

        Assert.Empty(condition.Values);
        Assert.Null(condition.EntityName);
        Assert.False(condition.CompareColumns);
    }

    [Fact]
    public void Condition_on_a_linked_table_keeps_the_table_alias()
    {
        var condition = new ConditionExpression("contact", "fullname", ConditionOperator.Equal, "Bob");

        Assert.Equal("contact", condition.EntityName);
        Assert.Equal("fullname", condition.AttributeName);
        Assert.Equal(new object[] { "Bob" }, condition.Values);
    }

    [Fact]
    public void New_filter_joins_with_And()
    {
        Assert.Equal(LogicalOperator.And, new FilterExpression().FilterOperator);
    }

    [Fact]
    public void AddCondition_adds_a_condition_with_the_values()
    {
        var filter = new FilterExpression();

        filter.AddCondition("a", ConditionOperator.Equal, 1);

        ConditionExpression condition = Assert.Single(filter.Conditions);
        Assert.Equal("a", condition.AttributeName);
        Assert.Equal(new object[] { 1 }, condition.Values);
    }

    [Fact]
    public void AddFilter_with_an_operator_returns_the_new_child()
    {
        var filter = new FilterExpression();

        FilterExpression child = filter.AddFilter(LogicalOperator.Or);

        Assert.Equal(LogicalOperator.Or, child.FilterOperator);
        Assert.Same(child, Assert.Single(filter.Filters));
    }

    [Fact]
    public void AddOrder_appends_an_order()
    {
        var query = new QueryExpression("account");

        query.AddOrder("name", OrderType.Descending);

        OrderExpression order = Assert.Single(query.Orders);
        Assert.Equal("name", order.AttributeName);
        Assert.Equal(OrderType.Descending, order.OrderType);
    }

    [Fact]
    public void AddLink_joins_from_the_query_table_with_an_inner_join_by_default()
    {
        var query = new QueryExpression("account");

        LinkEntity link = query.AddLink("contact", "primarycontactid", "contactid");

        Assert.Same(link, Assert.Single(query.LinkEntities));
        Assert.Equal("account", link.LinkFromEntityName);
        Assert.Equal("contact", link.LinkToEntityName);
        Assert.Equal("primarycontactid", link.LinkFromAttributeName);
        Assert.Equal("contactid", link.LinkToAttributeName);
        Assert.Equal(JoinOperator.Inner, link.JoinOperator);
        Assert.False(link.Columns.AllColumns);
    }

    [Fact]
    public void A_link_added_to_a_link_sets_the_documented_properties_and_nests_under_it()
    {
        // LinkEntity.AddLink sets LinkToEntityName, LinkFromAttributeName, LinkToAttributeName and JoinOperator
        // (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.query.linkentity.addlink); its LinkFromEntityName is
        // not documented, so it is not asserted.
        LinkEntity contact = new QueryExpression("account").AddLink("contact", "primarycontactid", "contactid");

        LinkEntity user = contact.AddLink("systemuser", "owninguser", "systemuserid", JoinOperator.LeftOuter);

        Assert.Same(user, Assert.Single(contact.LinkEntities));
        Assert.Equal("systemuser", user.LinkToEntityName);
        Assert.Equal("owninguser", user.LinkFromAttributeName);
        Assert.Equal("systemuserid", user.LinkToAttributeName);
        Assert.Equal(JoinOperator.LeftOuter, user.JoinOperator);
    }

    [Fact]
    public void New_link_has_an_empty_column_set_and_an_empty_And_filter()
    {
        var link = new LinkEntity();

        Assert.False(link.Columns.AllColumns);
        Assert.Empty(link.Columns.Columns);
        Assert.Equal(LogicalOperator.And, link.LinkCriteria.FilterOperator);
        Assert.Equal(JoinOperator.Inner, link.JoinOperator);
    }

    [Fact]
    public void AddColumns_with_a_null_array_throws_NullReferenceException()
    {
        // Observed on the genuine 9.0.2.56: no argument check.
        Assert.Throws<NullReferenceException>(() => new ColumnSet().AddColumns(null!));
    }

    [Fact]
    public void Condition_with_a_single_null_value_holds_one_null_value()
    {
        var condition = new ConditionExpression("attr", ConditionOperator.Equal, (object)null!);

        Assert.Equal(new object?[] { null }, condition.Values);
    }

    [Fact]
    public void Condition_comparing_columns_keeps_the_flag_and_the_other_column()
    {
        var condition = new ConditionExpression("estimatedvalue", ConditionOperator.GreaterThan, true, "actualvalue");

        Assert.True(condition.CompareColumns);
        Assert.Equal(new object[] { "actualvalue" }, condition.Values);
    }

    [Fact]
    public void New_order_is_ascending()
    {
        Assert.Equal(OrderType.Ascending, new OrderExpression().OrderType);
    }

    [Fact]
    public void New_FetchExpression_has_no_query()
    {
        Assert.Null(new FetchExpression().Query);
    }

    [Fact]
    public void QueryByAttribute_pairs_each_column_with_its_value()
    {
        var query = new QueryByAttribute("contact");

        query.AddAttributeValue("parentcustomerid", 7);
        query.AddAttributeValue("statecode", 0);

        Assert.Equal(new[] { "parentcustomerid", "statecode" }, query.Attributes);
        Assert.Equal(new object[] { 7, 0 }, query.Values);
    }
}
