using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Tests;

/// <summary>
/// The queries the plugins page through (an account's opportunities by parentaccountid ordered by key; accounts after
/// a key) served from the key-ordered indexes: after any mix of creates, re-parents and deletes the pages hold
/// exactly the matching rows, once each, in key order, whatever the page size.
/// </summary>
public sealed class IndexedPagingPropertyTests
{
    private static List<Guid> PageThrough(LocalDataverse dataverse, QueryExpression query, out int? total)
    {
        total = null;
        var seen = new List<Guid>();
        while (true)
        {
            var page = dataverse.Service.RetrieveMultiple(query);
            seen.AddRange(page.Entities.Select(e => e.Id));
            total ??= page.TotalRecordCount;
            if (!page.MoreRecords)
            {
                return seen;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    [Fact]
    public void An_accounts_opportunities_page_by_key_after_creates_reparents_and_deletes()
    {
        // Each step: 0 create under A, 1 create under B, 2 re-parent a deal to the other account, 3 delete a deal.
        Gen.Select(Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000]).Array[0, 80], Gen.Int[1, 9], Gen.Bool).Sample(input =>
        {
            var (steps, pageSize, queryFirst) = input;
            var dataverse = new LocalDataverse(new LocalDataverseOptions { KeepOperationHistory = false });
            var a = dataverse.Seed(new Entity("account") { ["name"] = "A" });
            var b = dataverse.Seed(new Entity("account") { ["name"] = "B" });
            var parents = new Dictionary<Guid, Guid>();
            QueryExpression Query(Guid account)
            {
                var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1, ReturnTotalRecordCount = true } };
                query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, account);
                query.AddOrder("opportunityid", OrderType.Ascending);
                return query;
            }

            if (queryFirst)
            {
                // The index is built by the first query; later writes keep it up to date.
                PageThrough(dataverse, Query(a), out _);
            }

            foreach (var (kind, pick) in steps)
            {
                var existing = parents.Keys.Order().ToList();
                switch (kind)
                {
                    case 0 or 1:
                        var parent = kind == 0 ? a : b;
                        parents[dataverse.Service.Create(new Entity("opportunity") { ["name"] = "Deal", ["parentaccountid"] = new EntityReference("account", parent) })] = parent;
                        break;
                    case 2 when existing.Count > 0:
                        var moved = existing[pick % existing.Count];
                        var to = parents[moved] == a ? b : a;
                        dataverse.Service.Update(new Entity("opportunity", moved) { ["parentaccountid"] = new EntityReference("account", to) });
                        parents[moved] = to;
                        break;
                    case 3 when existing.Count > 0:
                        var gone = existing[pick % existing.Count];
                        dataverse.Service.Delete("opportunity", gone);
                        parents.Remove(gone);
                        break;
                }
            }

            foreach (var account in new[] { a, b })
            {
                var expected = parents.Where(p => p.Value == account).Select(p => p.Key).Order().ToList();
                Assert.Equal(expected, PageThrough(dataverse, Query(account), out var total));
                Assert.Equal(expected.Count, total);
            }
        });
    }

    [Fact]
    public void Accounts_after_a_key_come_in_key_order_whatever_the_page_size()
    {
        Gen.Select(Gen.Int[0, 40], Gen.Int[1, 7], Gen.Int[0, 40]).Sample(input =>
        {
            var (count, pageSize, boundIndex) = input;
            var dataverse = new LocalDataverse(new LocalDataverseOptions { KeepOperationHistory = false });
            var ids = Enumerable.Range(0, count).Select(i => dataverse.Seed(new Entity("account") { ["name"] = "A" + i, ["statecode"] = new OptionSetValue(i % 4 == 0 ? 1 : 0) })).Order().ToList();
            var inactive = dataverse.ReadAll("account").Where(r => r.GetAttributeValue<OptionSetValue>("statecode").Value == 1).Select(r => r.Id).ToHashSet();
            Guid? bound = count == 0 ? null : ids[boundIndex % count];
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 } };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            if (bound is { } after)
            {
                query.Criteria.AddCondition("accountid", ConditionOperator.GreaterThan, after);
            }

            query.AddOrder("accountid", OrderType.Ascending);

            var expected = ids.Where(id => !inactive.Contains(id) && (bound is not { } b || id.CompareTo(b) > 0)).ToList();
            Assert.Equal(expected, PageThrough(dataverse, query, out _));
        });
    }
}
