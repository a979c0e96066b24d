using System;
using System.Linq;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.Backtesting;

public sealed class DataSetMomentTests
{
    private static readonly DateTime Start = new(2024, 1, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid AccountId = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid DealId = new("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid LaterDealId = new("00000000-0000-0000-0000-0000000000d2");

    private static DataSet Story()
    {
        var account = new Entity(AccountTable.LogicalName, AccountId) { [AccountTable.Name] = "Contoso" };
        DataSetEvent[] events =
        [
            DataSetEvent.Create(Start, account),
            DataSetEvent.Create(Start.AddDays(10), Deal(DealId, 1000m)),
            DataSetEvent.Win(Start.AddDays(60), DealId, new Money(900m)),
            DataSetEvent.Create(Start.AddDays(70), Deal(LaterDealId, 5000m)),
            DataSetEvent.Lose(Start.AddDays(80), LaterDealId),
        ];
        return DataSet.FromEvents("story", events, []);
    }

    private static Entity Deal(Guid id, decimal value) => new(OpportunityTable.LogicalName, id)
    {
        [OpportunityTable.Name] = "Renewal",
        [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, AccountId),
        [OpportunityTable.EstimatedValue] = new Money(value),
    };

    [Fact]
    public void A_deal_that_closed_after_the_as_of_date_was_still_open_then_and_a_later_deal_did_not_exist()
    {
        var moments = DataSetMoment.Replay(Story(), [Start.AddDays(30), Start.AddDays(60)]);

        Entity then = moments[0].Opportunities[DealId];
        Assert.Equal((int)OpportunityState.Open, then.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode).Value);
        Assert.False(then.Contains(OpportunityTable.ActualValue));
        Assert.Equal(Start.AddDays(10), then.GetAttributeValue<DateTime>(OpportunityTable.CreatedOn));
        Assert.False(moments[0].Opportunities.ContainsKey(LaterDealId));

        Entity closed = moments[1].Opportunities[DealId];
        Assert.Equal((int)OpportunityState.Won, closed.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode).Value);
        Assert.Equal(900m, closed.GetAttributeValue<Money>(OpportunityTable.ActualValue).Value);
        Assert.Equal(Start.AddDays(60).Date, closed.GetAttributeValue<DateTime>(OpportunityTable.ActualCloseDate));
    }

    [Fact]
    public void The_horizon_after_the_as_of_date_counts_the_value_won_and_lost_in_it()
    {
        DateTime asOf = Start.AddDays(30);
        BacktestOrigin origin = BacktestObservations.Observe(Story(), [asOf], 3, RelationshipPolicy.Default).Single();

        AccountObservation contoso = origin.Accounts.Single();
        Assert.Equal("Contoso", contoso.AccountName);
        Assert.Equal(0m, contoso.PreviousWonValue);
        Assert.Equal(1, contoso.PreviousDealCount);
        Assert.Equal(900m, contoso.NextWonValue);
        Assert.Equal(5000m, contoso.NextLostValue);
        Assert.Equal(0.5, contoso.NextWinRate);
        Assert.False(contoso.WentQuiet);
        Assert.Equal(DataverseRelationship.Engine.Model.DealState.Open, contoso.Deals.Single()!.State);
    }
}
