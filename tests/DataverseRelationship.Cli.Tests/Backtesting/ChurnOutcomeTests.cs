using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.Backtesting;

public sealed class ChurnOutcomeTests
{
    private static readonly DateTime AsOf = new(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Five accounts around 1 July 2024 with a 3-month horizon (previous period April–June, the one before it
    /// January–March): steady, falling to 40 %, new (nothing won before), quiet after winning, and one deleted.
    /// </summary>
    private static DataSet Story()
    {
        var events = new List<DataSetEvent>();
        int deal = 0;
        Guid Account(int n, string name)
        {
            var id = new Guid(n, 0, 0, new byte[8]);
            events.Add(DataSetEvent.Create(new DateTime(2024, 1, 2, 9, 0, 0, DateTimeKind.Utc), new Entity(AccountTable.LogicalName, id) { [AccountTable.Name] = name }));
            return id;
        }

        void Won(Guid account, DateTime created, DateTime won, decimal value)
        {
            var id = new Guid(1000 + ++deal, 0, 0, new byte[8]);
            events.Add(DataSetEvent.Create(created, new Entity(OpportunityTable.LogicalName, id)
            {
                [OpportunityTable.Name] = "Renewal",
                [OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, account),
                [OpportunityTable.EstimatedValue] = new Money(value),
            }));
            events.Add(DataSetEvent.Win(won, id, new Money(value)));
        }

        DateTime D(int month, int day) => new(2024, month, day, 10, 0, 0, DateTimeKind.Utc);
        Guid steady = Account(1, "Steady");
        Won(steady, D(4, 5), D(5, 1), 1000m);
        Won(steady, D(7, 5), D(8, 20), 900m);
        Guid falling = Account(2, "Falling");
        Won(falling, D(1, 10), D(2, 10), 3000m);
        Won(falling, D(4, 5), D(5, 1), 1000m);
        Won(falling, D(7, 5), D(8, 20), 400m);
        Guid fresh = Account(3, "New");
        Won(fresh, D(6, 1), D(8, 1), 300m);
        Guid quiet = Account(4, "Quiet");
        Won(quiet, D(4, 10), D(5, 10), 1000m);
        Guid deleted = Account(5, "Deleted");
        Won(deleted, D(4, 10), D(5, 10), 800m);
        Won(deleted, D(7, 2), D(7, 20), 800m);
        events.Add(DataSetEvent.Delete(D(9, 1), new EntityReference(AccountTable.LogicalName, deleted)));
        return DataSet.FromEvents("churn story", events, []);
    }

    private static Dictionary<string, AccountObservation> Observe(decimal churnBelow = ChurnOutcome.DefaultChurnBelow) =>
        BacktestObservations.Observe(Story(), [AsOf], 3, RelationshipPolicy.Default, churnBelow).Single().Accounts.ToDictionary(a => a.AccountName);

    [Fact]
    public void An_account_churns_when_it_goes_quiet_or_wins_under_half_of_its_previous_period_not_when_it_is_small()
    {
        Dictionary<string, AccountObservation> accounts = Observe();

        Assert.False(accounts["Steady"].Churned); // 900 after 1,000: 90 % kept
        Assert.True(accounts["Falling"].Churned); // 400 after 1,000
        Assert.False(accounts["Falling"].WentQuiet);
        Assert.False(accounts["New"].Churned); // nothing won before: nothing to lose, and it bought
        Assert.True(accounts["Quiet"].Churned);
        Assert.True(accounts["Quiet"].WentQuiet);
        Assert.True(accounts["Deleted"].WentQuiet); // won 800 in the horizon, then deleted
        Assert.True(accounts["Deleted"].Churned);
    }

    [Fact]
    public void The_share_below_which_business_counts_as_lost_is_an_option()
    {
        Dictionary<string, AccountObservation> strict = Observe(0.95m);
        Dictionary<string, AccountObservation> lenient = Observe(0.3m);

        Assert.True(strict["Steady"].Churned); // 90 % kept is under 95 %
        Assert.False(lenient["Falling"].Churned); // 40 % kept is above 30 %
        Assert.False(strict["New"].Churned);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChurnOutcome.IsChurned(false, 1m, 0m, 0m));
    }

    [Fact]
    public void The_size_outcome_is_kept_beside_it_the_bottom_quartile_of_next_won_value_or_quiet()
    {
        BacktestOrigin origin = BacktestObservations.Observe(Story(), [AsOf], 3, RelationshipPolicy.Default).Single();
        Dictionary<string, AccountObservation> accounts = origin.Accounts.ToDictionary(a => a.AccountName);

        Assert.True(accounts["Quiet"].InBottomQuartile);
        Assert.False(accounts["Steady"].InBottomQuartile);
        Assert.InRange(origin.BottomQuartileThreshold, 0m, 300m);
        Assert.Equal(accounts["New"].NextWonValue <= origin.BottomQuartileThreshold, accounts["New"].InBottomQuartile);
    }

    [Fact]
    public void The_won_value_change_baseline_compares_the_previous_period_with_the_one_before()
    {
        Dictionary<string, AccountObservation> accounts = Observe();

        Assert.Equal(3000m, accounts["Falling"].EarlierWonValue);
        Assert.Equal(1000m, accounts["Falling"].PreviousWonValue);
        Assert.Equal(-0.5, accounts["Falling"].WonValueChange!.Value, 12); // (1,000 − 3,000) ÷ 4,000
        Assert.Equal(1.0, accounts["Steady"].WonValueChange!.Value, 12); // all new since the earlier period
        Assert.Null(accounts["New"].WonValueChange); // nothing won in either period: no change to speak of
    }
}
