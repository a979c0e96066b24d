using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Tests;

/// <summary>
/// Queries bounded on a date and ordered by it (the score history's: an account's snapshots up to a date, newest
/// first, with an Or of two ranges; also after, up to and equal to a date; every snapshot older than the retention, oldest first, the first 100) are served
/// from a date order instead of testing and sorting every row. After any mix of creates, date changes, re-parents,
/// clearing the date and deletes they return exactly the rows a full scan and a stable sort give, in that order.
/// </summary>
public sealed class DateOrderPropertyTests
{
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime Day(int day) => Origin.AddDays(day);

    private sealed record Deal(Guid Id, Guid Account, DateTime? Close);

    [Fact]
    public void Date_bounded_queries_ordered_by_the_date_return_what_a_scan_and_a_sort_return()
    {
        var steps = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1000], Gen.Int[0, 9]).Array[0, 60];
        var query = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 10], Gen.Int[0, 10], Gen.Bool, Gen.Int[0, 3]);
        Gen.Select(steps, query.Array[1, 4], Gen.Bool).Sample(input =>
        {
            var (changes, queries, queryFirst) = input;
            var dataverse = new LocalDataverse(new LocalDataverseOptions { KeepOperationHistory = false });
            var accounts = new[] { dataverse.Seed(new Entity("account") { ["name"] = "A" }), dataverse.Seed(new Entity("account") { ["name"] = "B" }) };
            var deals = new Dictionary<Guid, Deal>();
            if (queryFirst)
            {
                // The date orders are built by a first query; later writes keep them up to date.
                foreach (var shape in queries)
                {
                    Run(dataverse, accounts, shape);
                }
            }

            foreach (var (kind, pick, day) in changes)
            {
                var existing = deals.Keys.Order().ToList();
                var target = existing.Count == 0 ? (Guid?)null : existing[pick % existing.Count];
                switch (kind)
                {
                    case 0 or 1:
                        var account = accounts[kind];
                        var id = dataverse.Service.Create(new Entity("opportunity") { ["name"] = "Deal", ["parentaccountid"] = new EntityReference("account", account), ["estimatedclosedate"] = Day(day) });
                        deals[id] = new Deal(id, account, Day(day));
                        break;
                    case 2 when target is { } moved:
                        dataverse.Service.Update(new Entity("opportunity", moved) { ["estimatedclosedate"] = Day(day) });
                        deals[moved] = deals[moved] with { Close = Day(day) };
                        break;
                    case 3 when target is { } reparented:
                        var to = deals[reparented].Account == accounts[0] ? accounts[1] : accounts[0];
                        dataverse.Service.Update(new Entity("opportunity", reparented) { ["parentaccountid"] = new EntityReference("account", to) });
                        deals[reparented] = deals[reparented] with { Account = to };
                        break;
                    case 4 when target is { } cleared:
                        dataverse.Service.Update(new Entity("opportunity", cleared) { ["estimatedclosedate"] = null });
                        deals[cleared] = deals[cleared] with { Close = null };
                        break;
                    case 5 when target is { } gone:
                        dataverse.Service.Delete("opportunity", gone);
                        deals.Remove(gone);
                        break;
                }
            }

            foreach (var shape in queries)
            {
                var (filter, a, b, newestFirst, scope) = shape;
                var from = Day(Math.Min(a, b));
                var to = Day(Math.Max(a, b));
                bool Allowed(DateTime? close) => close is { } date && filter switch
                {
                    0 => date <= to,
                    1 => date >= from && date < to,
                    2 => date <= to && (date >= from || date < Day(2)),
                    3 => date > from && date <= to,
                    _ => date == from,
                };

                var matching = deals.Values.Where(d => Allowed(d.Close) && (scope >= 2 || d.Account == accounts[scope])).OrderBy(d => d.Id);
                var expected = (newestFirst ? matching.OrderByDescending(d => d.Close) : matching.OrderBy(d => d.Close)).Select(d => d.Id).ToList();
                if (scope == 3)
                {
                    expected = expected.Take(3).ToList();
                }

                Assert.Equal(expected, Run(dataverse, accounts, shape));
            }
        });
    }

    private static List<Guid> Run(LocalDataverse dataverse, Guid[] accounts, (int Filter, int A, int B, bool NewestFirst, int Scope) shape)
    {
        var (filter, a, b, newestFirst, scope) = shape;
        var from = Day(Math.Min(a, b));
        var to = Day(Math.Max(a, b));
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        if (scope < 2)
        {
            query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, accounts[scope]);
        }
        else if (scope == 3)
        {
            query.TopCount = 3;
        }

        switch (filter)
        {
            case 0:
                query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.LessEqual, to);
                break;
            case 1:
                query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.GreaterEqual, from);
                query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.LessThan, to);
                break;
            case 3:
                query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.GreaterThan, from);
                query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.LessEqual, to);
                break;
            case 4:
                query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.Equal, from);
                break;
            default:
                query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.LessEqual, to);
                var either = new FilterExpression(LogicalOperator.Or);
                either.AddCondition("estimatedclosedate", ConditionOperator.GreaterEqual, from);
                either.AddCondition("estimatedclosedate", ConditionOperator.LessThan, Day(2));
                query.Criteria.AddFilter(either);
                break;
        }

        query.AddOrder("estimatedclosedate", newestFirst ? OrderType.Descending : OrderType.Ascending);
        return dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
    }
}
