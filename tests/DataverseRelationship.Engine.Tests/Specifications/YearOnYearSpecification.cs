using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Scoring;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>
/// What compares a year with the year before (policy 2.6): the churn signals falling won value and the rise of the
/// lost share, and loyalty's business retained, over the 12 months up to the as-of instant against the 12 months before.
/// </summary>
public class YearOnYearSpecification
{
    // The first day of a month, midnight: the as-of month has not begun, as at the backtest's as-of dates.
    private static readonly DateTime MonthStart = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>One deal closed on the 15th of each of the <paramref name="months"/> months before <see cref="MonthStart"/>'s month (and of its month, with <paramref name="andThisMonth"/>).</summary>
    private static IEnumerable<OpportunityFacts> EveryMonth(int months, DealState state, decimal value, bool andThisMonth = false)
    {
        for (var age = andThisMonth ? 0 : 1; age <= months; age++)
        {
            var closed = new DateTime(2026, 3, 15, 12, 0, 0, DateTimeKind.Utc).AddMonths(1 - age);
            yield return (state == DealState.Won ? Won(value: value) : Lost(value: value)) with
            {
                CreatedOn = closed.AddDays(-40),
                CloseDate = closed,
            };
        }
    }

    private static IReadOnlyList<ChurnSignal> Signals(IEnumerable<OpportunityFacts> deals, DateTime asOf) =>
        RelationshipEngine.ChurnSignals(Account(), deals.Cast<OpportunityFacts?>().ToList(), asOf, Policy);

    private static ChurnSignal? Signal(IEnumerable<OpportunityFacts> deals, string code, DateTime? asOf = null) =>
        Signals(deals, asOf ?? MonthStart).SingleOrDefault(s => s.Code == code);

    /// <summary>What the churn risk's explanation says of the signal.</summary>
    private static string Facts(IReadOnlyList<OpportunityFacts> deals, string code) =>
        RelationshipEngine.AssessAccount(Account(), deals, MonthStart, Policy).ExplanationOf(ScoreKind.ChurnRisk).Factors.Single(f => f.Code == code).Facts;

    [Fact]
    public void Steady_monthly_business_shows_no_fall_in_won_value_on_the_first_day_of_a_month()
    {
        // Until policy 2.5 "the last 12 months" included the as-of month, empty on its first day: 11 months of
        // business against 12 read as an 8 % fall for every account.
        var steady = EveryMonth(24, DealState.Won, 50000m).ToList();

        var signal = Signal(steady, ReasonCodes.ValueDecline);

        Assert.NotNull(signal);
        Assert.Equal(0m, signal.Value);
        Assert.Equal("won value 600,000 in the last 12 months against 600,000 the 12 months before", Facts(steady, ReasonCodes.ValueDecline));
    }

    [Fact]
    public void Steady_monthly_business_is_fully_retained_on_the_first_day_of_a_month()
    {
        var steady = EveryMonth(24, DealState.Won, 50000m).ToList();

        var loyalty = RelationshipEngine.AssessAccount(Account(), steady, MonthStart, Policy).ExplanationOf(ScoreKind.Loyalty);

        var retention = Assert.Single(loyalty.Factors, f => f.Code == ReasonCodes.Retention);
        Assert.Equal("won 600,000 in the last 12 months against 600,000 the 12 months before", retention.Facts);
        Assert.True(retention.Contribution >= 0m, "retention " + retention.Contribution);
    }

    [Fact]
    public void Midway_through_a_month_its_deals_so_far_count_and_the_year_before_ends_as_far_back()
    {
        var steady = EveryMonth(24, DealState.Won, 50000m, andThisMonth: true).ToList();
        var midMonth = MonthStart.AddDays(15).AddHours(12);

        Assert.Equal(0m, Signal(steady, ReasonCodes.ValueDecline, midMonth)!.Value);
        // Nothing won since the as-of month began, against a steady year before: the last 12 months fall short by
        // the share of a month's business that 15.5 of April's 30 days stand for.
        var quiet = EveryMonth(24, DealState.Won, 50000m).ToList();
        var signal = Signal(quiet, ReasonCodes.ValueDecline, midMonth)!;
        Assert.Equal(15.5m / 30m / 12m, signal.Value, 6);
    }

    [Fact]
    public void A_year_won_at_half_the_value_of_the_year_before_is_a_half_fall()
    {
        var deals = EveryMonth(24, DealState.Won, 50000m).Where(d => d.CloseDate < MonthStart.AddMonths(-12))
            .Concat(EveryMonth(12, DealState.Won, 25000m));

        Assert.Equal(0.5m, Signal(deals, ReasonCodes.ValueDecline)!.Value);
    }

    [Fact]
    public void A_customer_that_always_splits_its_business_gives_no_lost_business_signal()
    {
        var splitting = EveryMonth(24, DealState.Won, 60000m).Concat(EveryMonth(24, DealState.Lost, 40000m)).ToList();

        var signal = Signal(splitting, ReasonCodes.LostBusiness);

        Assert.NotNull(signal);
        Assert.Equal(0m, signal.Value);
        Assert.Equal("40% of the last 12 months' closed value lost against 40% the 12 months before", Facts(splitting, ReasonCodes.LostBusiness));
    }

    [Fact]
    public void A_rising_share_of_lost_business_raises_churn_risk_by_the_rise()
    {
        var before = EveryMonth(24, DealState.Won, 60000m).Concat(EveryMonth(24, DealState.Lost, 40000m).Where(d => d.CloseDate < MonthStart.AddMonths(-12)));
        // The last year: the same wins, and losses of 140,000 a month (70 % of closed value lost, against 40 %).
        var rising = before.Concat(EveryMonth(12, DealState.Lost, 140000m)).ToList();
        var steady = EveryMonth(24, DealState.Won, 60000m).Concat(EveryMonth(24, DealState.Lost, 40000m)).ToList();

        Assert.Equal(0.3m, Signal(rising, ReasonCodes.LostBusiness)!.Value);
        var risky = RelationshipEngine.AssessAccount(Account(), rising, MonthStart, Policy);
        var calm = RelationshipEngine.AssessAccount(Account(), steady, MonthStart, Policy);
        Assert.True(risky.ChurnRisk > calm.ChurnRisk, risky.ChurnRisk + " against " + calm.ChurnRisk);
    }

    [Fact]
    public void Without_closed_business_in_the_year_before_the_lost_share_has_nothing_to_rise_from()
    {
        var firstYear = EveryMonth(12, DealState.Won, 60000m).Concat(EveryMonth(12, DealState.Lost, 40000m)).ToList();

        Assert.Null(Signal(firstYear, ReasonCodes.LostBusiness));
        Assert.Null(Signal(firstYear, ReasonCodes.ValueDecline));
    }
}
