using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Plugins.Contacts;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Schema;
using MathNet.Numerics.Statistics;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>The accounts observed at one as-of date and the horizon after it.</summary>
public sealed record BacktestOrigin(DateTime AsOf, DateTime HorizonEnd, IReadOnlyList<AccountObservation> Accounts)
{
    /// <summary>The bottom-quartile threshold of next won value the secondary, size outcome uses at this date.</summary>
    public decimal BottomQuartileThreshold { get; init; }
}

/// <summary>
/// Scores every account at each as-of date with the engine, from its deals as known then (created on or before the
/// date, in their state then: a deal closed later was still open), and measures what happened over the horizon.
/// The state of a deal is exact for data sets made of events (the built-in sample); for exports, which hold only
/// each row's final values, the events are derived by <see cref="SnapshotTimeline"/>, so a deal's inputs (discount,
/// margin, tactics…) are as exported, not as they were at the date, and delivery and payment appear at its close.
/// Columns the plugins compute are not known at the date: every deal is scored without its stored discount
/// allowance (the lowest tier's cap applies) and every account without a recorded tier. The trend baseline is
/// what the score history would have held: the account's health scored the same way one trend window
/// (<see cref="HealthPolicy.TrendWindowDays"/>) before the date.
/// </summary>
public static class BacktestObservations
{
    /// <summary>
    /// The accounts at each as-of date that have at least one deal created on or before it, labelled with
    /// <see cref="ChurnOutcome"/> at <paramref name="churnBelow"/> and with the bottom-quartile size outcome.
    /// </summary>
    public static IReadOnlyList<BacktestOrigin> Observe(DataSet dataSet, IReadOnlyList<DateTime> asOfDates, int horizonMonths, RelationshipPolicy policy, decimal churnBelow = ChurnOutcome.DefaultChurnBelow)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(asOfDates);
        ArgumentNullException.ThrowIfNull(policy);
        int n = asOfDates.Count;
        DateTime[] instants = [.. asOfDates, .. asOfDates.Select(d => d.AddMonths(horizonMonths)), .. asOfDates.Select(d => TrendBaselineOn(d, policy))];
        IReadOnlyList<DataSetMoment> moments = DataSetMoment.Replay(dataSet, instants);
        var origins = new List<BacktestOrigin>(n);
        for (int i = 0; i < n; i++)
        {
            origins.Add(Observe(moments[i], moments[n + i], TrendBaselines(moments[(2 * n) + i], policy), horizonMonths, policy, churnBelow));
        }

        return origins;
    }

    /// <summary>When the trend baseline of an account scored at <paramref name="asOf"/> was taken: one trend window before it.</summary>
    public static DateTime TrendBaselineOn(DateTime asOf, RelationshipPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return asOf.AddDays(-policy.Health.TrendWindowDays);
    }

    /// <summary>
    /// Each account's health at <paramref name="before"/>'s instant, scored as at an as-of date (null when unknown):
    /// the snapshot the scheduled recalculation would have written then. Accounts without a deal by then have none.
    /// </summary>
    private static Dictionary<Guid, decimal?> TrendBaselines(DataSetMoment before, RelationshipPolicy policy)
    {
        ILookup<Guid, Entity> deals = before.OpportunitiesByAccount();
        ILookup<Guid, Entity> contacts = before.ContactsByAccount();
        var health = new Dictionary<Guid, decimal?>();
        foreach (Entity account in before.Accounts.Values)
        {
            Entity[] known = deals[account.Id].ToArray();
            if (known.Length > 0)
            {
                (AccountFacts facts, OpportunityFacts?[] scored) = Facts(account, known, contacts, before.At);
                health[account.Id] = RelationshipEngine.AssessAccount(facts, scored, before.At, policy).Health;
            }
        }

        return health;
    }

    /// <summary>The engine's facts for an account and its deals as they stood at <paramref name="at"/>.</summary>
    private static (AccountFacts Account, OpportunityFacts?[] Deals) Facts(Entity account, Entity[] deals, ILookup<Guid, Entity> contacts, DateTime at)
    {
        int keyContacts = contacts[account.Id].Count(RecountKeyContacts.IsKeyContact);
        return (AccountMapping.ToFacts(account, at, keyContacts), deals.Select(d => (OpportunityFacts?)OpportunityMapping.ToFacts(d, at)).ToArray());
    }

    private static BacktestOrigin Observe(DataSetMoment then, DataSetMoment after, Dictionary<Guid, decimal?> baselines, int horizonMonths, RelationshipPolicy policy, decimal churnBelow)
    {
        DateTime asOf = then.At;
        DateTime baselineOn = TrendBaselineOn(asOf, policy);
        DateTime previousFrom = asOf.AddMonths(-horizonMonths);
        DateTime earlierFrom = asOf.AddMonths(-2 * horizonMonths);
        ILookup<Guid, Entity> dealsThen = then.OpportunitiesByAccount();
        ILookup<Guid, Entity> contactsThen = then.ContactsByAccount();
        ILookup<Guid, Entity> dealsAfter = after.OpportunitiesByAccount();
        var observations = new List<AccountObservation>();
        foreach (Entity account in then.Accounts.Values.OrderBy(a => a.Id))
        {
            Entity[] known = dealsThen[account.Id].ToArray();
            if (known.Length == 0)
            {
                continue;
            }

            (AccountFacts mapped, OpportunityFacts?[] deals) = Facts(account, known, contactsThen, asOf);
            bool hadBaseline = baselines.TryGetValue(account.Id, out decimal? baselineHealth);
            AccountFacts facts = mapped with
            {
                TrendBaselineHealth = baselineHealth,
                TrendBaselineOn = hadBaseline ? baselineOn : null,
            };
            Period previous = Period.Of(known, previousFrom, asOf);
            Period earlier = Period.Of(known, earlierFrom, previousFrom);
            bool exists = after.Accounts.ContainsKey(account.Id);
            Period next = exists ? Period.Of(dealsAfter[account.Id], asOf, after.At) : default;
            observations.Add(new AccountObservation
            {
                AccountId = account.Id,
                AccountName = account.GetAttributeValue<string>(AccountTable.Name) ?? account.Id.ToString(),
                AsOf = asOf,
                Assessment = RelationshipEngine.AssessAccount(facts, deals, asOf, policy),
                ChurnSignals = RelationshipEngine.ChurnSignals(facts, deals, asOf, policy),
                Facts = facts,
                Deals = deals,
                PreviousWonValue = previous.WonValue,
                EarlierWonValue = earlier.WonValue,
                PreviousWinRate = previous.WinRate,
                PreviousDealCount = previous.Created,
                NextWonValue = next.WonValue,
                NextWinRate = next.WinRate,
                NextLostValue = next.LostValue,
                WentQuiet = !exists || (next.Created == 0 && next.Won == 0),
            });
        }

        decimal threshold = observations.Count == 0
            ? 0m
            : (decimal)observations.Select(o => (double)o.NextWonValue).LowerQuartile();
        AccountObservation[] labelled = observations
            .Select(o => o with
            {
                Churned = ChurnOutcome.IsChurned(o.WentQuiet, o.PreviousWonValue, o.NextWonValue, churnBelow),
                InBottomQuartile = o.WentQuiet || o.NextWonValue <= threshold,
            })
            .ToArray();
        return new BacktestOrigin(asOf, after.At, labelled) { BottomQuartileThreshold = threshold };
    }

    /// <summary>What an account's deals did in (from, to]: closes by actualclosedate, creations by createdon.</summary>
    private readonly record struct Period(decimal WonValue, decimal LostValue, int Won, int Lost, int Created)
    {
        public double? WinRate => Won + Lost == 0 ? null : (double)Won / (Won + Lost);

        public static Period Of(IEnumerable<Entity> deals, DateTime from, DateTime to)
        {
            decimal won = 0m, lost = 0m;
            int wonCount = 0, lostCount = 0, created = 0;
            foreach (Entity deal in deals)
            {
                if (deal.GetAttributeValue<DateTime?>(OpportunityTable.CreatedOn) is { } createdOn && createdOn > from && createdOn <= to)
                {
                    created++;
                }

                DealState state = ChoiceMapping.ToDealState(deal.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value);
                if (state == DealState.Open
                    || deal.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate) is not { } closed
                    || closed <= from || closed > to)
                {
                    continue;
                }

                decimal value = (deal.GetAttributeValue<Money>(OpportunityTable.ActualValue) ?? deal.GetAttributeValue<Money>(OpportunityTable.EstimatedValue))?.Value ?? 0m;
                if (state == DealState.Won)
                {
                    won += value;
                    wonCount++;
                }
                else
                {
                    lost += deal.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value ?? value;
                    lostCount++;
                }
            }

            return new Period(won, lost, wonCount, lostCount, created);
        }
    }
}
