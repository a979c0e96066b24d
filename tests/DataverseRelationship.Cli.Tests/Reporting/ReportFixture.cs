using System;
using System.Collections.Generic;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Tests.Reporting;

/// <summary>
/// A hand-made results model: six accounts, every tier, two at risk (flagged as the plugins flag churn risk at or above
/// the policy's churn.atRiskFrom, here 50), three with tier changes, two with a score history; every account has all
/// its numbers known.
/// </summary>
public static class ReportFixture
{
    public const string HostileName = "<script>alert('x')</script> & \"Sons\"";

    /// <summary>The churn risk from which the fixture's accounts are flagged at risk.</summary>
    public const decimal AtRiskFrom = 50m;

    private static readonly DateTime T0 = new(2023, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    public static RunReport Build() => new()
    {
        DataSet = "built-in sample (seed 4187)",
        PolicyVersion = "2026.1",
        GeneratedAt = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc),
        ReplayedFrom = T0,
        ReplayedUntil = new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc),
        Accounts =
        [
            Account("Northwind Traders", RelationshipTierChoice.StrategicPartner, 82m, HealthBandChoice.Good, 12m,
                [
                    Change(200, null, RelationshipTierChoice.Transactional, "created"),
                    Change(380, RelationshipTierChoice.Transactional, RelationshipTierChoice.Preferred, "two key contacts, fair wins"),
                    Change(760, RelationshipTierChoice.Preferred, RelationshipTierChoice.StrategicPartner, "sponsors on both sides, joint plan reviewed"),
                ]),
            Account("Contoso Pharmaceuticals", RelationshipTierChoice.StrategicPartner, 74m, HealthBandChoice.Good, 18m, []) with
            {
                History = [Point(7, 70m, 20m), Point(14, 74m, 18m)],
            },
            Account("Fabrikam Logistics", RelationshipTierChoice.Preferred, 64m, HealthBandChoice.Good, 25m,
                [Change(300, RelationshipTierChoice.Transactional, RelationshipTierChoice.Preferred, "won business above the threshold")]),
            Account(HostileName, RelationshipTierChoice.Preferred, 35m, HealthBandChoice.Poor, 71m,
                [
                    Change(100, RelationshipTierChoice.Preferred, RelationshipTierChoice.StrategicPartner, "joint plan <reviewed>"),
                    Change(600, RelationshipTierChoice.StrategicPartner, RelationshipTierChoice.Preferred, "plan not reviewed for 12 months & sponsor left"),
                ]) with
            {
                // Falling health, one period unknown (a gap in the line): four points drawn.
                History = [Point(7, 68m, 20m), Point(14, 61m, 31m), Point(21, null, null), Point(28, 47m, 52m), Point(35, 35m, 71m)],
            },
            Account("Tailspin Toys", RelationshipTierChoice.Preferred, 52m, HealthBandChoice.Fair, 55m, []),
            Account("Litware [Systems]", RelationshipTierChoice.Transactional, 45m, HealthBandChoice.Fair, 30m, []),
        ],
        Deals = new DealVerdictCounts(WithinCap: 2100, Reciprocated: 420, Warned: 180, Blocked: 35, NotAssessed: 12),
        Games = new Dictionary<ProcurementTacticChoice, long>
        {
            [ProcurementTacticChoice.ReverseAuction] = 40,
            [ProcurementTacticChoice.PaymentWithholding] = 12,
            [ProcurementTacticChoice.OneSidedConcessionDemand] = 7,
        },
        Statistics = new RunStatistics
        {
            EventsReplayed = 9876,
            EventsRejected = 35,
            Accounts = 6,
            Contacts = 20,
            Opportunities = 2747,
            Won = 1700,
            Lost = 800,
            PluginExecutions = 31000,
            Elapsed = TimeSpan.FromSeconds(4),
        },
        Rejections = [new RejectedEvent(T0.AddDays(50), "Create opportunity 'Deal <1>'", "Discount 20% is above the Preferred cap of 15% & unreciprocated.")],
    };

    /// <summary>Health points the fixture's score histories draw: 4 + 2 (an unknown health is not drawn).</summary>
    public const int HistoryPointsDrawn = 6;

    private static ScorePoint Point(int week, decimal? health, decimal? churn)
        => new(T0.AddDays(7 * week), health, health is null ? null : health >= 60m ? HealthBandChoice.Good : HealthBandChoice.Poor, churn, RelationshipTierChoice.Preferred);

    private static TierChange Change(int day, RelationshipTierChoice? from, RelationshipTierChoice to, string reason)
        => new(T0.AddDays(day), from, to, TierChangeKindChoice.Automatic, reason);

    private static AccountResult Account(string name, RelationshipTierChoice tier, decimal health, HealthBandChoice band, decimal churn, IReadOnlyList<TierChange> timeline) => new()
    {
        AccountId = new Guid(name.Length, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)name[0]]),
        Name = name,
        Tier = tier,
        EligibleTier = tier,
        HealthScore = health,
        HealthBand = band,
        HealthTrend = churn > 50m ? HealthTrendChoice.Declining : HealthTrendChoice.Steady,
        Scores = new RelationshipScores(health - 5m, health + 3m, health, health + 8m, health - 12m),
        Engagement = health - 20m,
        LifetimeValue = health * 10_000m,
        ChurnRisk = churn,
        AtRisk = churn >= AtRiskFrom,
        Confidence = 90m,
        KeyContactCount = 3,
        Explanation = $"+8: multi-year commitment; -12: two unreciprocated discounts ({name})",
        Timeline = timeline,
    };
}
