using System;
using System.Linq;
using CsCheck;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class QueryPropertyTests
{
    private static (LocalDataverse Dataverse, int[] Employees) Accounts(int[] employees)
    {
        var dataverse = new LocalDataverse(new LocalDataverseOptions { KeepOperationHistory = false });
        for (var i = 0; i < employees.Length; i++)
        {
            dataverse.Seed(new Entity("account") { ["name"] = "A" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), ["numberofemployees"] = employees[i] });
        }

        return (dataverse, employees);
    }

    [Fact]
    public void Paging_with_any_page_size_returns_every_row_once_in_order()
    {
        Gen.Select(Gen.Int[0, 40].Array[0, 60], Gen.Int[1, 12]).Sample(input =>
        {
            var (dataverse, employees) = Accounts(input.Item1);
            var pageSize = input.Item2;
            var seen = new System.Collections.Generic.List<string>();
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 } };
            query.AddOrder("name", OrderType.Ascending);
            while (true)
            {
                var page = dataverse.Service.RetrieveMultiple(query);
                seen.AddRange(page.Entities.Select(e => e.GetAttributeValue<string>("name")));
                if (!page.MoreRecords)
                {
                    break;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }

            Assert.Equal(Enumerable.Range(0, employees.Length).Select(i => "A" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)), seen);
        });
    }

    [Fact]
    public void Numeric_filters_select_the_same_rows_as_a_direct_comparison()
    {
        Gen.Select(Gen.Int[0, 30].Array[0, 40], Gen.Int[0, 30], Gen.Int[0, 30]).Sample(input =>
        {
            var (dataverse, employees) = Accounts(input.Item1);
            var (low, high) = (Math.Min(input.Item2, input.Item3), Math.Max(input.Item2, input.Item3));
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("numberofemployees") };
            var range = query.Criteria.AddFilter(LogicalOperator.Or);
            range.AddCondition("numberofemployees", ConditionOperator.LessThan, low);
            range.AddCondition("numberofemployees", ConditionOperator.GreaterEqual, high);
            query.Criteria.AddCondition("numberofemployees", ConditionOperator.NotIn, low + 1, high + 1);

            var found = dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<int>("numberofemployees")).Order();
            var expected = employees.Where(e => (e < low || e >= high) && e != low + 1 && e != high + 1).Order();

            Assert.Equal(expected, found);
        });
    }
}
