using System;
using System.Linq;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Recalculation;

/// <summary>The score history: weekly snapshots written by the scheduled recalculation, and the trend that reads them.</summary>
public class ScoreHistorySpecification
{
    private static int Snapshots(RelationshipWorld world, Guid account) => world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName)
        .Count(s => s.GetAttributeValue<EntityReference>(ScoreSnapshotTable.AccountId)?.Id == account);

    private static Guid HealthyAccount(RelationshipWorld world)
    {
        var account = world.CreateAccount("Contoso", relationshipMonths: 40);
        for (var i = 0; i < 4; i++)
        {
            world.WonDeal(account, 40000m + (1000m * i), world.Now.AddDays(-20 - (30 * i)));
        }

        return account;
    }

    [Fact]
    public void The_scheduled_recalculation_writes_one_snapshot_per_account_per_week_and_a_rerun_writes_none()
    {
        var world = new RelationshipWorld();
        var account = HealthyAccount(world);

        world.RecalculateAll();
        world.RecalculateAll();
        Assert.Equal(1, Snapshots(world, account));

        world.AdvanceDays(7);
        world.RecalculateAll();
        var rows = world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName).OrderBy(s => s.GetAttributeValue<DateTime>(ScoreSnapshotTable.PeriodStart)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(DayOfWeek.Monday, rows[0].GetAttributeValue<DateTime>(ScoreSnapshotTable.PeriodStart).DayOfWeek);
        Assert.Equal(7, (rows[1].GetAttributeValue<DateTime>(ScoreSnapshotTable.PeriodStart) - rows[0].GetAttributeValue<DateTime>(ScoreSnapshotTable.PeriodStart)).TotalDays);
        Assert.Equal(world.Account(account).GetAttributeValue<decimal?>(AccountTable.HealthScore), rows[1].GetAttributeValue<decimal?>(ScoreSnapshotTable.HealthScore));
        Assert.StartsWith("Contoso: week of ", rows[1].GetAttributeValue<string>(ScoreSnapshotTable.Name), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_save_writes_no_history()
    {
        var world = new RelationshipWorld();
        var account = HealthyAccount(world);

        world.CreateDeal(account, 10000m);

        Assert.Equal(0, Snapshots(world, account));
    }

    [Fact]
    public void Without_history_one_window_old_the_trend_is_blank_and_a_decline_over_the_window_reads_declining_with_its_size()
    {
        var world = new RelationshipWorld();
        var account = HealthyAccount(world);
        for (var week = 0; week < 8; week++)
        {
            world.RecalculateAll();
            world.AdvanceDays(7);
        }

        // Eight weeks of history: none of it is one 90-day window old yet.
        Assert.Null(world.Account(account).GetAttributeValue<OptionSetValue>(AccountTable.HealthTrend));
        Assert.Null(world.Account(account).GetAttributeValue<decimal?>(AccountTable.HealthTrendDelta));

        for (var week = 0; week < 6; week++)
        {
            world.RecalculateAll();
            world.AdvanceDays(7);
        }

        // Deals with unreciprocated discounts and customer games pull health down after the baseline was taken.
        for (var i = 0; i < 6; i++)
        {
            world.CreateDeal(account, 60000m, discount: 4m, margin: 4m, configure: d => d[OpportunityTable.ProcurementTactics] = new OptionSetValueCollection { new OptionSetValue((int)ProcurementTacticChoice.ReverseAuction) });
        }

        world.RecalculateAll();
        var stored = world.Account(account);
        var delta = stored.GetAttributeValue<decimal?>(AccountTable.HealthTrendDelta);
        Assert.NotNull(stored.GetAttributeValue<decimal?>(AccountTable.TrendBaselineHealth));
        Assert.True(delta < -2m, "health change over the window: " + delta);
        Assert.Equal((int)HealthTrendChoice.Declining, stored.GetAttributeValue<OptionSetValue>(AccountTable.HealthTrend)?.Value);
        Assert.Contains("Declining " + DataverseRelationship.Engine.Explanations.ExplanationText.FormatChange(delta!.Value) + " in 90 days", stored.GetAttributeValue<string>(AccountTable.ScoreExplanation), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decline_against_the_stored_trend_baseline_raises_the_churn_risk_the_plugins_write()
    {
        // The same account twice: under the default policy, and with the health-declining signal weighed 0.
        var weighed = DecliningAccount(null, out var weighedAccount);
        var ignored = DecliningAccount("""{"version":"no-health-decline","churn":{"healthDeclineCoefficient":0}}""", out var ignoredAccount);

        var before = weighed.Account(weighedAccount);
        var withSignal = before.GetAttributeValue<decimal?>(AccountTable.ChurnRisk);
        var withoutSignal = ignored.Account(ignoredAccount).GetAttributeValue<decimal?>(AccountTable.ChurnRisk);
        Assert.NotNull(before.GetAttributeValue<decimal?>(AccountTable.TrendBaselineHealth));
        Assert.True(withSignal > withoutSignal, $"churn risk {withSignal} with the signal, {withoutSignal} without");
    }

    [Fact]
    public void Without_a_trend_baseline_the_health_declining_signal_is_left_out_of_the_churn_risk()
    {
        var weighed = new RelationshipWorld();
        var ignored = new RelationshipWorld();
        ignored.SetPolicy("""{"version":"no-health-decline","churn":{"healthDeclineCoefficient":0}}""");
        var a = HealthyAccount(weighed);
        var b = HealthyAccount(ignored);
        for (var week = 0; week < 8; week++)
        {
            weighed.RecalculateAll();
            ignored.RecalculateAll();
            weighed.AdvanceDays(7);
            ignored.AdvanceDays(7);
        }

        weighed.RecalculateAll();
        ignored.RecalculateAll();
        Assert.Null(weighed.Account(a).GetAttributeValue<decimal?>(AccountTable.TrendBaselineHealth));
        Assert.Equal(ignored.Account(b).GetAttributeValue<decimal?>(AccountTable.ChurnRisk), weighed.Account(a).GetAttributeValue<decimal?>(AccountTable.ChurnRisk));
    }

    /// <summary>Fourteen weeks of weekly history, then deals that pull health down after the baseline was taken.</summary>
    private static RelationshipWorld DecliningAccount(string? policy, out Guid account)
    {
        var world = new RelationshipWorld();
        if (policy != null)
        {
            world.SetPolicy(policy);
        }

        account = HealthyAccount(world);
        for (var week = 0; week < 14; week++)
        {
            world.RecalculateAll();
            world.AdvanceDays(7);
        }

        for (var i = 0; i < 6; i++)
        {
            world.CreateDeal(account, 60000m, discount: 4m, margin: 4m, configure: d => d[OpportunityTable.ProcurementTactics] = new OptionSetValueCollection { new OptionSetValue((int)ProcurementTacticChoice.ReverseAuction) });
        }

        world.RecalculateAll();
        return world;
    }

    [Fact]
    public void Snapshots_older_than_the_retention_are_deleted_by_the_scheduled_recalculation()
    {
        var world = new RelationshipWorld();
        world.SetPolicy("""{"version":"short-history","health":{"trendWindowDays":14},"history":{"retentionDays":30}}""");
        var account = HealthyAccount(world);
        for (var week = 0; week < 8; week++)
        {
            world.RecalculateAll();
            world.AdvanceDays(7);
        }

        var oldest = world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName).Min(s => s.GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn));
        Assert.True(world.Now - oldest <= TimeSpan.FromDays(30 + 7), "oldest snapshot kept: " + oldest.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(Snapshots(world, account), 4, 5);
    }

    [Fact]
    public void Retention_keeps_up_when_more_snapshots_expire_each_week_than_one_sweep_deletes()
    {
        // 120 accounts: 120 snapshots expire every week, more than the sweep's 100 a run; each account deletes its own.
        var world = new RelationshipWorld();
        world.SetPolicy("""{"version":"short-history","health":{"trendWindowDays":14},"history":{"retentionDays":30}}""");
        for (var i = 0; i < 120; i++)
        {
            world.CreateAccount("Account " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), relationshipMonths: 40);
        }

        for (var week = 0; week < 10; week++)
        {
            world.RecalculateAll();
            world.AdvanceDays(7);
        }

        var takenOn = world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName).Select(s => s.GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn)).ToList();
        Assert.True(world.Now - takenOn.Min() <= TimeSpan.FromDays(30 + 7), "oldest snapshot kept: " + takenOn.Min().ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(takenOn.Count, 120 * 4, 120 * 5);
    }

    /// <summary>The newest of the account's snapshots taken at least <paramref name="days"/> before now, as the trend's baseline must be.</summary>
    private static DateTime? ExpectedBaseline(RelationshipWorld world, Guid account, int days) => world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName)
        .Where(s => s.GetAttributeValue<EntityReference>(ScoreSnapshotTable.AccountId)?.Id == account)
        .Select(s => s.GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn))
        .Where(t => t <= world.Now.AddDays(-days))
        .Select(t => (DateTime?)t)
        .Max();

    private static Guid AccountWithWeeksOfHistory(RelationshipWorld world, int weeks)
    {
        var account = HealthyAccount(world);
        for (var week = 0; week < weeks; week++)
        {
            world.RecalculateAll();
            world.AdvanceDays(7);
        }

        return account;
    }

    [Fact]
    public void The_trend_baseline_moves_forward_one_snapshot_a_week()
    {
        var world = new RelationshipWorld();
        var account = AccountWithWeeksOfHistory(world, 20);
        for (var week = 0; week < 4; week++)
        {
            var expected = ExpectedBaseline(world, account, 90);
            world.RecalculateAll();
            Assert.NotNull(expected);
            Assert.Equal(expected, world.Account(account).GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn));
            world.AdvanceDays(7);
        }
    }

    [Fact]
    public void When_the_baseline_snapshot_and_its_successor_are_deleted_the_next_older_snapshot_is_the_baseline()
    {
        var world = new RelationshipWorld();
        var account = AccountWithWeeksOfHistory(world, 20);
        var stored = world.Account(account).GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn);
        Assert.NotNull(stored);
        foreach (var snapshot in world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName)
            .Where(s => s.GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn) >= stored!.Value && s.GetAttributeValue<DateTime>(ScoreSnapshotTable.TakenOn) <= world.Now.AddDays(-90)))
        {
            world.Dataverse.Service.Delete(ScoreSnapshotTable.LogicalName, snapshot.Id);
        }

        var expected = ExpectedBaseline(world, account, 90);
        Assert.NotNull(expected);
        Assert.True(expected < stored, "a snapshot older than the stored baseline is left");

        world.RecalculateAll();

        Assert.Equal(expected, world.Account(account).GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn));
    }

    [Fact]
    public void When_the_policy_lengthens_the_trend_window_the_baseline_moves_back_to_a_snapshot_that_old()
    {
        var world = new RelationshipWorld();
        var account = AccountWithWeeksOfHistory(world, 24);
        var stored = world.Account(account).GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn);
        world.SetPolicy("""{"version":"longer-trend","health":{"trendWindowDays":140}}""");
        var expected = ExpectedBaseline(world, account, 140);
        Assert.NotNull(expected);
        Assert.True(expected < stored, "the longer window's baseline is older than the stored one");

        world.RecalculateAll();

        Assert.Equal(expected, world.Account(account).GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn));
    }
}
