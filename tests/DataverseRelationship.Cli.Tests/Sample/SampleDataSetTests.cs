using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.Sample;

public sealed class SampleDataSetTests
{
    private static readonly SampleData Sample = SampleDataSet.Generate();
    private static readonly DataSetEvent[] Events = Sample.DataSet.Events().ToArray();

    private static IEnumerable<Entity> CreatedDeals => Events
        .Where(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == OpportunityTable.LogicalName)
        .Select(e => e.Row!);

    private static IEnumerable<int> Values(Entity row, string column)
        => row.GetAttributeValue<OptionSetValueCollection>(column)?.Select(v => v.Value) ?? [];

    /// <summary>The customer committed something (a value other than the recorded None).</summary>
    private static bool Committed(Entity deal) => Values(deal, OpportunityTable.Commitments).Any(v => v != (int)CommitmentChoice.None);

    /// <summary>The rep recorded that the customer committed nothing (the explicit None): evidence, unlike a blank column.</summary>
    private static bool RecordedNoCommitment(Entity deal) => Values(deal, OpportunityTable.Commitments).SequenceEqual([(int)CommitmentChoice.None]);

    [Fact]
    public void The_same_seed_gives_the_same_events_and_another_seed_different_ones()
    {
        string[] again = SampleDataSet.Create().Events().Select(e => e.Describe()).ToArray();
        string[] other = SampleDataSet.Create(7).Events().Select(e => e.Describe()).ToArray();

        Assert.Equal(Events.Select(e => e.Describe()), again);
        Assert.NotEqual(again, other);
    }

    [Fact]
    public void It_holds_36_accounts_six_of_each_story_and_a_few_thousand_deals_over_three_years()
    {
        Assert.Equal(36, Sample.DataSet.Counts.Accounts);
        Assert.All(Enum.GetValues<SampleAccountProfile>(), p => Assert.Equal(6, Sample.Profiles.Values.Count(v => v == p)));
        Assert.InRange(Sample.DataSet.Counts.Opportunities, 2000, 4000);
        Assert.True(Events[^1].At - Events[0].At > TimeSpan.FromDays(3 * 365 - 30));
        Assert.True(Events[0].At >= SampleDataSet.Start && Events[^1].At <= SampleDataSet.End);
    }

    [Fact]
    public void Every_event_can_run_in_order_against_the_rows_created_before_it()
    {
        Assert.Null(ReplayConsistency.FirstProblem(Events));
    }

    [Fact]
    public void Every_customer_game_is_played()
    {
        var played = CreatedDeals.SelectMany(d => Values(d, OpportunityTable.ProcurementTactics)).ToHashSet();

        Assert.All(Enum.GetValues<ProcurementTacticChoice>(), t => Assert.Contains((int)t, played));
    }

    [Fact]
    public void Discounts_of_3_12_and_18_to_25_percent_appear_with_commitments_and_with_none_recorded()
    {
        decimal[] discounts = CreatedDeals.Select(d => d.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage)).ToArray();
        Entity[] deep = CreatedDeals.Where(d => d.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage) >= 18m).ToArray();

        Assert.Contains(3m, discounts);
        Assert.Contains(12m, discounts);
        Assert.All(deep, d => Assert.InRange(d.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage), 18m, 25m));
        Assert.Contains(deep, Committed);
        Assert.Contains(deep, RecordedNoCommitment);
        Assert.Contains(CreatedDeals, d => d.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage) == 12m && RecordedNoCommitment(d));
        Assert.All(CreatedDeals.Where(d => d.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage) > 0m),
            d => Assert.Contains((int)ConcessionChoice.Discount, Values(d, OpportunityTable.Concessions)));
        Assert.All(CreatedDeals.Where(d => d.Contains(OpportunityTable.DiscountPercentage) && d.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage) == 0m),
            d => Assert.DoesNotContain((int)ConcessionChoice.Discount, Values(d, OpportunityTable.Concessions)));
        Assert.Contains(CreatedDeals, d => Values(d, OpportunityTable.Concessions).SequenceEqual([(int)ConcessionChoice.None]));
    }

    [Fact]
    public void A_deal_records_all_its_terms_with_explicit_none_or_none_of_them_and_most_small_transactional_deals_record_none()
    {
        string[] terms = [OpportunityTable.DiscountPercentage, OpportunityTable.SellerMargin, OpportunityTable.Concessions, OpportunityTable.Commitments, OpportunityTable.ProcurementTactics, OpportunityTable.SellerConduct];
        HashSet<Guid> small = Sample.Profiles.Where(p => p.Value == SampleAccountProfile.SmallTransactional).Select(p => p.Key).ToHashSet();
        Entity[] smallDeals = CreatedDeals.Where(d => small.Contains(d.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId).Id)).ToArray();

        Assert.All(CreatedDeals, d => Assert.True(terms.All(d.Contains) || !terms.Any(d.Contains), $"{d.Id} records some of its terms only"));
        Assert.All(CreatedDeals.Where(d => d.Contains(OpportunityTable.ProcurementTactics)), d => Assert.NotEmpty(Values(d, OpportunityTable.ProcurementTactics)));
        Assert.Contains(CreatedDeals, d => Values(d, OpportunityTable.SellerConduct).SequenceEqual([(int)SellerConductChoice.None]));
        Assert.InRange(smallDeals.Count(d => !d.Contains(OpportunityTable.DiscountPercentage)), smallDeals.Length / 2 + 1, smallDeals.Length - 1);
    }

    [Fact]
    public void Deals_are_won_lost_updated_reparented_deleted_and_some_stay_open()
    {
        var kinds = Events.Where(e => e.Target.LogicalName == OpportunityTable.LogicalName).GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        int closed = kinds[DataSetEventKind.Win] + kinds[DataSetEventKind.Lose] + kinds[DataSetEventKind.Delete];

        Assert.True(kinds[DataSetEventKind.Win] > 1000);
        Assert.True(kinds[DataSetEventKind.Lose] > 300);
        Assert.True(kinds[DataSetEventKind.Update] > 100);
        Assert.True(kinds[DataSetEventKind.Reparent] > 5);
        Assert.True(kinds[DataSetEventKind.Delete] > 20);
        Assert.True(kinds[DataSetEventKind.Create] > closed);
        Assert.Contains(Events, e => e.Kind == DataSetEventKind.Lose && e.StatusCode == DataSetEvent.OutSoldStatusCode);
        Assert.Contains(Events, e => e.Kind == DataSetEventKind.Lose && e.StatusCode == DataSetEvent.CanceledStatusCode);
    }

    [Fact]
    public void Contacts_fill_every_role_and_some_leave_move_or_go_inactive()
    {
        int[] roles = Events.Where(e => e.Kind == DataSetEventKind.Create && e.Target.LogicalName == ContactTable.LogicalName)
            .Select(e => e.Row!.GetAttributeValue<OptionSetValue>(ContactTable.AccountRoleCode).Value).Distinct().Order().ToArray();

        Assert.Equal([1, 2, 3], roles);
        Assert.Contains(Events, e => e.Kind == DataSetEventKind.Delete && e.Target.LogicalName == ContactTable.LogicalName);
        Assert.Contains(Events, e => e.Kind == DataSetEventKind.Reparent && e.Target.LogicalName == ContactTable.LogicalName);
        Assert.Contains(Events, e => e.Kind == DataSetEventKind.Update && e.Target.LogicalName == ContactTable.LogicalName && e.Row!.Contains(ContactTable.StateCode));
    }

    [Fact]
    public void Climbers_get_sponsors_on_both_sides_and_a_joint_plan_reviewed_every_half_year()
    {
        Guid climber = Sample.Profiles.First(p => p.Value == SampleAccountProfile.Climber).Key;
        DataSetEvent[] updates = Events.Where(e => e.Kind == DataSetEventKind.Update && e.Target.Id == climber).ToArray();

        Assert.Contains(updates, e => e.Row!.Contains(AccountTable.CustomerSponsorId) && e.Row.Contains(AccountTable.SellerSponsorId));
        Assert.Contains(updates, e => e.Row!.GetAttributeValue<bool>(AccountTable.HasJointAccountPlan));
        Assert.True(updates.Count(e => e.Row!.Contains(AccountTable.JointPlanReviewedOn)) >= 2);
        Assert.Equal(3, Sample.DataSet.SystemUsers.Count);
    }

    [Fact]
    public void Decliners_lose_their_customer_sponsor_and_trade_on_deep_unreciprocated_discounts_later()
    {
        Guid decliner = Sample.Profiles.First(p => p.Value == SampleAccountProfile.Decliner).Key;
        Entity[] late = CreatedDeals.Where(d => d.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId).Id == decliner)
            .Where(d => d.GetAttributeValue<DateTime>(OpportunityTable.EstimatedCloseDate) > SampleDataSet.Start.AddDays(600)).ToArray();

        Assert.Contains(Events, e => e.Kind == DataSetEventKind.Update && e.Target.Id == decliner
            && e.Row!.Contains(AccountTable.CustomerSponsorId) && e.Row[AccountTable.CustomerSponsorId] is null);
        Assert.Contains(late, d => d.GetAttributeValue<decimal>(OpportunityTable.DiscountPercentage) >= 18m && RecordedNoCommitment(d));
    }

    [Fact]
    public void The_decliners_seller_over_promises_and_changes_prices_during_the_contract_later()
    {
        Guid decliner = Sample.Profiles.First(p => p.Value == SampleAccountProfile.Decliner).Key;
        Entity[] late = CreatedDeals.Where(d => d.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId).Id == decliner)
            .Where(d => d.GetAttributeValue<DateTime>(OpportunityTable.EstimatedCloseDate) > SampleDataSet.Start.AddDays(600)).ToArray();

        Assert.Contains(late, d => Values(d, OpportunityTable.SellerConduct).Contains((int)SellerConductChoice.OverPromised));
        Assert.Contains(late, d => Values(d, OpportunityTable.SellerConduct).Contains((int)SellerConductChoice.PriceChangedDuringContract));
    }
}
