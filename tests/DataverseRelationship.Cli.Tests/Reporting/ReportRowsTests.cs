using System;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.Reporting;

public sealed class ReportRowsTests
{
    private static readonly Guid AccountId = new("7d3e1c52-8a1b-4c6e-9f1d-2b4a6c8e0a11");

    private static Entity ScoredAccount()
    {
        var account = new Entity(AccountTable.LogicalName, AccountId);
        account[AccountTable.Name] = "Contoso";
        account[AccountTable.Tier] = new OptionSetValue((int)RelationshipTierChoice.Preferred);
        account[AccountTable.EligibleTier] = new OptionSetValue((int)RelationshipTierChoice.StrategicPartner);
        account[AccountTable.ReciprocityScore] = 61.5m;
        account[AccountTable.AutonomyScore] = 70m;
        account[AccountTable.IntegrityScore] = 80m;
        account[AccountTable.LoyaltyScore] = 90m;
        account[AccountTable.FairnessScore] = 55m;
        account[AccountTable.HealthScore] = 71.3m;
        account[AccountTable.HealthBand] = new OptionSetValue((int)HealthBandChoice.Good);
        account[AccountTable.HealthTrend] = new OptionSetValue((int)HealthTrendChoice.Improving);
        account[AccountTable.LifetimeValue] = new Money(250_000m);
        account[AccountTable.ChurnRisk] = 12.5m;
        account[AccountTable.Confidence] = 88m;
        account[AccountTable.KeyContactCount] = 3;
        account[AccountTable.ScoreExplanation] = "+8: multi-year commitment";
        return account;
    }

    private static Entity Change(int day, RelationshipTierChoice? from, RelationshipTierChoice to)
    {
        var row = new Entity(TierChangeTable.LogicalName, Guid.NewGuid());
        row[TierChangeTable.ChangedOn] = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day);
        if (from is not null)
        {
            row[TierChangeTable.FromTier] = new OptionSetValue((int)from);
        }

        row[TierChangeTable.ToTier] = new OptionSetValue((int)to);
        row[TierChangeTable.ChangeKind] = new OptionSetValue((int)TierChangeKindChoice.Automatic);
        row[TierChangeTable.Reason] = "two key contacts";
        return row;
    }

    [Fact]
    public void An_account_row_and_its_tier_changes_become_an_account_result_with_the_timeline_in_time_order()
    {
        AccountResult result = ReportRows.Account(ScoredAccount(), [Change(90, RelationshipTierChoice.Transactional, RelationshipTierChoice.Preferred), Change(0, null, RelationshipTierChoice.Transactional)]);

        Assert.Equal(RelationshipTierChoice.Preferred, result.Tier);
        Assert.Equal(RelationshipTierChoice.StrategicPartner, result.EligibleTier);
        Assert.Equal(new RelationshipScores(61.5m, 70m, 80m, 90m, 55m), result.Scores);
        Assert.Equal(250_000m, result.LifetimeValue);
        Assert.Equal(HealthTrendChoice.Improving, result.HealthTrend);
        Assert.Equal(3, result.KeyContactCount);
        Assert.False(result.IsAtRisk);
        Assert.Equal([null, RelationshipTierChoice.Transactional], [result.Timeline[0].From, result.Timeline[1].From]);
        Assert.True(result.Timeline[1].IsPromotion);
    }

    [Fact]
    public void An_account_never_scored_is_transactional_with_every_score_unknown_and_not_at_risk()
    {
        var bare = new Entity(AccountTable.LogicalName, AccountId);
        bare[AccountTable.Name] = "New";

        AccountResult result = ReportRows.Account(bare, []);

        Assert.Equal(RelationshipTierChoice.Transactional, result.Tier);
        Assert.Equal(RelationshipScores.Unknown, result.Scores);
        Assert.Null(result.HealthScore);
        Assert.Null(result.HealthBand);
        Assert.Null(result.Engagement);
        Assert.Null(result.LifetimeValue);
        Assert.Null(result.ChurnRisk);
        Assert.Null(result.AtRisk);
        Assert.False(result.IsAtRisk);
        Assert.Empty(result.Timeline);
    }

    [Fact]
    public void Blank_principles_stay_unknown_next_to_known_ones_and_the_plugins_at_risk_flag_is_read()
    {
        Entity account = ScoredAccount();
        account.Attributes.Remove(AccountTable.ReciprocityScore);
        account[AccountTable.FairnessScore] = null;
        account[AccountTable.HealthBand] = new OptionSetValue((int)HealthBandChoice.InsufficientEvidence);
        account[AccountTable.EngagementScore] = 40m;
        account[AccountTable.AtRisk] = true;

        AccountResult result = ReportRows.Account(account, []);

        Assert.Equal(new RelationshipScores(null, 70m, 80m, 90m, null), result.Scores);
        Assert.Equal(HealthBandChoice.InsufficientEvidence, result.HealthBand);
        Assert.Equal(40m, result.Engagement);
        Assert.True(result.IsAtRisk);
    }

    [Fact]
    public void The_tally_counts_verdicts_games_blocked_and_unassessed_deals()
    {
        var tally = new DealTally();
        Entity Deal(TierRuleVerdictChoice? verdict, params ProcurementTacticChoice[] games)
        {
            var deal = new Entity(OpportunityTable.LogicalName, Guid.NewGuid());
            if (verdict is not null)
            {
                deal[OpportunityTable.TierRuleVerdict] = new OptionSetValue((int)verdict);
            }

            deal[OpportunityTable.GameFlags] = new OptionSetValueCollection([.. Array.ConvertAll(games, g => new OptionSetValue((int)g))]);
            return deal;
        }

        tally.Add(Deal(TierRuleVerdictChoice.WithinCap, ProcurementTacticChoice.ReverseAuction));
        tally.Add(Deal(TierRuleVerdictChoice.Reciprocated));
        tally.Add(Deal(TierRuleVerdictChoice.Warned, ProcurementTacticChoice.ReverseAuction, ProcurementTacticChoice.PaymentWithholding));
        tally.Add(Deal(null));
        tally.AddBlocked();

        Assert.Equal(new DealVerdictCounts(1, 1, 1, 1, 1), tally.Verdicts);
        Assert.Equal(2, tally.Games[ProcurementTacticChoice.ReverseAuction]);
        Assert.Equal(1, tally.Games[ProcurementTacticChoice.PaymentWithholding]);
        Assert.Equal(0, tally.Games[ProcurementTacticChoice.EarlyRenegotiation]);
    }

    [Fact]
    public void A_rejected_event_keeps_its_time_and_description()
    {
        var deal = new Entity(OpportunityTable.LogicalName, AccountId);
        deal[OpportunityTable.Name] = "Big deal";
        DataSetEvent e = DataSetEvent.Create(new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc), deal);

        RejectedEvent rejected = RejectedEvents.From(e, "blocked");

        Assert.Equal($"2024-03-01T10:00:00 Create opportunity 'Big deal' ({AccountId})", rejected.Event);
        Assert.Equal("blocked", rejected.Message);
    }
}
