using System;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Benchmarks.Support;

/// <summary>The opportunities the save benchmarks seed: one in five open, the rest won or lost over the last 3 1/3 years.</summary>
public static class BenchmarkDeals
{
    /// <summary>Deal number <paramref name="i"/> of an account; <paramref name="open"/> says whether it is still open.</summary>
    public static Entity Deal(Random random, Guid accountId, int i, DateTime now, out bool open)
    {
        ArgumentNullException.ThrowIfNull(random);
        var state = i % 5 == 0 ? 0 : i % 3 == 0 ? 2 : 1;
        var closed = now.AddDays(-random.Next(0, 1200));
        var deal = new Entity(OpportunityTable.LogicalName)
        {
            [OpportunityTable.Name] = "Deal " + i,
            [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, accountId),
            [OpportunityTable.EstimatedValue] = new Money(random.Next(1, 500) * 1000m),
            [OpportunityTable.DiscountPercentage] = (decimal)random.Next(0, 15),
            [OpportunityTable.SellerMargin] = (decimal)random.Next(-10, 60),
            [OpportunityTable.StateCode] = new OptionSetValue(state),
            [OpportunityTable.CreatedOn] = closed.AddDays(-60),
            [OpportunityTable.EstimatedCloseDate] = closed.Date,
            [OpportunityTable.Commitments] = new OptionSetValueCollection { new OptionSetValue((int)CommitmentChoice.Volume + random.Next(0, 6)) },
            [OpportunityTable.Concessions] = new OptionSetValueCollection { new OptionSetValue((int)ConcessionChoice.Discount + random.Next(0, 5)) },
        };
        if (state != 0)
        {
            deal[OpportunityTable.ActualCloseDate] = closed.Date;
            deal[OpportunityTable.ActualValue] = new Money(random.Next(1, 500) * 1000m);
        }

        open = state == 0;
        return deal;
    }
}
