using System;
using System.Collections.Generic;
using System.Globalization;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Sample;

/// <summary>
/// Large synthetic data sets for performance runs (e.g. 10,000 accounts and 1,000,000 opportunities over three
/// years). Events are produced while enumerating, in time order; only deals still open (about 90 days' worth) and
/// pending account changes are held at any moment, never the whole set. Deterministic for a seed.
/// </summary>
public static class SyntheticDataSet
{
    /// <summary>Days over which accounts are created, from <see cref="SampleDataSet.Start"/>.</summary>
    public const int AccountRampDays = 180;

    /// <summary>Contacts per account: 2, 3 or 4 (by account number).</summary>
    public static int ContactsOf(int accountIndex) => 2 + (accountIndex % 3);

    public static DataSet Create(int accounts, long opportunities, int seed = SampleDataSet.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(opportunities);
        int contacts = 0;
        for (int i = 0; i < accounts; i++)
        {
            contacts += ContactsOf(i);
        }

        Guid[] users = [SampleDataSet.NewId(seed, 1), SampleDataSet.NewId(seed, 2), SampleDataSet.NewId(seed, 3)];
        string source = string.Create(CultureInfo.InvariantCulture, $"synthetic ({accounts} accounts, {opportunities} opportunities, seed {seed})");
        return DataSet.FromOrderedStream(source, new DataSetCounts(accounts, contacts, opportunities), users,
            () => Produce(accounts, opportunities, seed, users));
    }

    private static IEnumerable<DataSetEvent> Produce(int accountCount, long opportunityCount, int seed, Guid[] users)
    {
#pragma warning disable CA5394 // Deterministic synthetic data, not security: a seeded Random is the point.
        var random = new Random(seed);
        var pending = new PriorityQueue<DataSetEvent, (long Ticks, long Sequence)>();
        long sequence = 0;
        void Schedule(DataSetEvent e) => pending.Enqueue(e, (e.At.Ticks, sequence++));

        DateTime start = SampleDataSet.Start;
        DateTime end = SampleDataSet.End;
        DateTime firstDeal = start.AddDays(7);
        double dealSpanTicks = (end.AddDays(-10) - firstDeal).Ticks;
        var accountIds = new Guid[accountCount];
        var accountCreated = new DateTime[accountCount];
        int accountsCreated = 0;
        long dealsCreated = 0;
        long contactNumber = 0;

        while (accountsCreated < accountCount || dealsCreated < opportunityCount)
        {
            DateTime nextAccount = accountsCreated < accountCount
                ? start.AddTicks((long)((double)TimeSpan.TicksPerDay * AccountRampDays * accountsCreated / accountCount))
                : DateTime.MaxValue;
            DateTime nextDeal = dealsCreated < opportunityCount
                ? firstDeal.AddTicks((long)(dealSpanTicks * dealsCreated / Math.Max(1, opportunityCount)))
                : DateTime.MaxValue;
            DateTime next = nextAccount <= nextDeal ? nextAccount : nextDeal;
            while (pending.TryPeek(out DataSetEvent? due, out _) && due.At <= next)
            {
                yield return pending.Dequeue();
            }

            if (nextAccount <= nextDeal)
            {
                int i = accountsCreated++;
                Guid id = SampleDataSet.NewId(seed, 10_000_000L + i);
                accountIds[i] = id;
                accountCreated[i] = nextAccount;
                var account = new Entity(AccountTable.LogicalName, id);
                account[AccountTable.Name] = string.Create(CultureInfo.InvariantCulture, $"Synthetic account {i + 1:D6}");
                account[AccountTable.RelationshipSince] = nextAccount.AddDays(-random.Next(0, 1500)).Date;
                yield return DataSetEvent.Create(nextAccount, account);
                var reference = new EntityReference(AccountTable.LogicalName, id);
                Guid firstContact = Guid.Empty;
                for (int c = 0; c < ContactsOf(i); c++)
                {
                    Guid contactId = SampleDataSet.NewId(seed, 20_000_000L + contactNumber++);
                    firstContact = c == 0 ? contactId : firstContact;
                    var contact = new Entity(ContactTable.LogicalName, contactId);
                    contact[ContactTable.FirstName] = "Contact";
                    contact[ContactTable.LastName] = string.Create(CultureInfo.InvariantCulture, $"{i + 1:D6}-{c + 1}");
                    contact[ContactTable.ParentCustomerId] = reference;
                    contact[ContactTable.AccountRoleCode] = new OptionSetValue(c switch { 0 => 1, 1 => 3, _ => 2 });
                    Schedule(DataSetEvent.Create(nextAccount.AddDays(1 + c * 20), contact));
                }

                if (i % 5 == 0)
                {
                    var sponsors = new Entity(AccountTable.LogicalName, id);
                    sponsors[AccountTable.CustomerSponsorId] = new EntityReference(ContactTable.LogicalName, firstContact);
                    sponsors[AccountTable.SellerSponsorId] = new EntityReference(SecurityTables.SystemUser, users[i % users.Length]);
                    Schedule(DataSetEvent.Update(nextAccount.AddDays(365), sponsors));
                    var plan = new Entity(AccountTable.LogicalName, id);
                    plan[AccountTable.HasJointAccountPlan] = true;
                    plan[AccountTable.JointPlanReviewedOn] = nextAccount.AddDays(380).Date;
                    Schedule(DataSetEvent.Update(nextAccount.AddDays(380), plan));
                }

                continue;
            }

            long n = dealsCreated++;
            int owner = random.Next(accountsCreated);
            Guid dealId = SampleDataSet.NewId(seed, 100_000_000L + n);
            double roll = random.NextDouble();
            decimal discount = roll < 0.55 ? 3m : roll < 0.8 ? 12m : roll < 0.9 ? Math.Round((decimal)(18 + random.NextDouble() * 7), 2) : 0m;
            var commitments = new List<int>();
            if (discount >= 12m && random.NextDouble() < 0.5)
            {
                commitments.Add((int)CommitmentChoice.Volume + random.Next(0, 6));
            }

            var tactics = new List<int>();
            if (random.NextDouble() < 0.12)
            {
                tactics.Add((int)ProcurementTacticChoice.ReverseAuction + random.Next(0, 7));
            }

            var deal = new Entity(OpportunityTable.LogicalName, dealId);
            deal[OpportunityTable.Name] = string.Create(CultureInfo.InvariantCulture, $"Synthetic deal {n + 1:D7}");
            deal[OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, accountIds[owner]);
            decimal value = Math.Round((decimal)(5_000 + random.NextDouble() * 195_000), 2);
            deal[OpportunityTable.EstimatedValue] = new Money(value);
            int cycle = random.Next(20, 91);
            deal[OpportunityTable.EstimatedCloseDate] = nextDeal.AddDays(cycle).Date;
            deal[OpportunityTable.DiscountPercentage] = discount;
            deal[OpportunityTable.SellerMargin] = Math.Round((decimal)(5 + random.NextDouble() * 35), 2);
            deal[OpportunityTable.Concessions] = DealTerms.Choices(discount > 0m ? [(int)ConcessionChoice.Discount] : [], (int)ConcessionChoice.None);
            deal[OpportunityTable.Commitments] = DealTerms.Choices(commitments, (int)CommitmentChoice.None);
            deal[OpportunityTable.ProcurementTactics] = DealTerms.Choices(tactics, (int)ProcurementTacticChoice.None);
            yield return DataSetEvent.Create(nextDeal, deal);

            DateTime close = nextDeal.AddDays(cycle);
            if (close < end)
            {
                if (random.NextDouble() < 0.6)
                {
                    var delivery = new Entity(OpportunityTable.LogicalName, dealId);
                    delivery[OpportunityTable.DeliveredAsPromised] = random.NextDouble() < 0.9;
                    delivery[OpportunityTable.PaymentDelayDays] = random.Next(0, 30);
                    Schedule(DataSetEvent.Update(close.AddMinutes(-30), delivery));
                    Schedule(DataSetEvent.Win(close, dealId, new Money(value)));
                }
                else
                {
                    Schedule(DataSetEvent.Lose(close, dealId, random.NextDouble() < 0.5 ? DataSetEvent.OutSoldStatusCode : DataSetEvent.CanceledStatusCode));
                }
            }
        }

        while (pending.TryDequeue(out DataSetEvent? last, out _))
        {
            yield return last;
        }
#pragma warning restore CA5394
    }
}
